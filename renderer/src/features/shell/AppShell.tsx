import i18next from 'i18next';
import { useEffect } from 'react';
import { platform } from '../../platform';
import { openCustomer, useRoute } from '../../routing/useRoute';
import { routeFromDeepLink } from '../../routing/route';
import { useCustomer } from '../../state/customerStore';
import { useHealth } from '../../state/healthStore';
import { useLive } from '../../state/liveStore';
import { useNotifications } from '../../state/notificationStore';
import { NotificationToasts } from '../notifications/NotificationToasts';
import { useSession } from '../../state/sessionStore';
import { useTimeline } from '../../state/timelineStore';
import { CustomerPage } from '../customer/CustomerPage';
import { Home } from '../home/Home';
import { MyWorkPage } from '../mywork/MyWorkPage';
import { ForbiddenPage } from './ForbiddenPage';
import { DashboardRoute } from '../sla/DashboardRoute';
import { canSeeAudit, canSeeDashboard, landingPage } from '../../routing/route';
import { AuditPage } from '../audit/AuditPage';
import { useDashboard } from '../../state/dashboardStore';
import { useMyWork } from '../../state/myWorkStore';
import { focusSearch, isSearchShortcut } from '../search/searchShortcut';
import { ReconnectBanner } from '../../components/ReconnectBanner';
import { TopBar } from './TopBar';

/** New tickets, replies and status changes move the SLA figures: refresh the open SLA page (debounced there; a no-op when it is not open). */
function refreshSlaSoon(): void {
  useDashboard.getState().refreshSoon();
  useMyWork.getState().refreshSoon();
}

/** "#/" is the role's landing page; the dashboard is guarded here and refused by the API as well. */
function RoutedPage({ route }: { route: ReturnType<typeof useRoute> }) {
  const role = useSession((s) => s.session?.user.role);
  if (route.name === 'customer') return <CustomerPage key={route.customerId} customerId={route.customerId} />;
  if (route.name === 'search') return <Home />;
  const page = route.name === 'home' ? landingPage(role) : route.name;
  if (page === 'dashboard') return canSeeDashboard(role) ? <DashboardRoute /> : <ForbiddenPage />;
  if (page === 'audit') return canSeeAudit(role) ? <AuditPage /> : <ForbiddenPage hint={i18next.t('audit.forbidden')} />;
  return <MyWorkPage />;
}

/** The signed-in console: top bar, the routed page, the live connection and global shortcuts. */
export function AppShell({ token }: { token: string }) {
  const route = useRoute();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isSearchShortcut(e)) {
        e.preventDefault();
        focusSearch();
      }
    };
    // Capture phase: inputs and the table must not swallow the shortcut.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  useEffect(() => {
    void useSession.getState().verify();
  }, [token]);

  useEffect(() => {
    const live = useLive.getState();
    const inbox = useNotifications.getState();
    // The inbox and its cursor are per user and survive a reload (sessionStorage).
    inbox.load(useSession.getState().session?.user.id ?? 'anonymous');
    live.connect(token, {
      onTimelineRow: (row) => {
        useTimeline.getState().receiveLive(row);
        refreshSlaSoon();
        // Header figures and the case list move with new events (a new case, a closed one).
        if (row?.customer_id === useCustomer.getState().customerId) useCustomer.getState().refreshSoon();
      },
      onSeedProgress: (p) => useHealth.getState().applySeed(p),
      cursor: () => useNotifications.getState().cursor(),
      onHello: (h) => useNotifications.getState().hello(h),
      onNotifications: (batch) => {
        // New ones only: a replay of something already in the inbox shows no toast and no popup.
        const fresh = useNotifications.getState().receive(batch);
        refreshSlaSoon();
        const n = fresh.at(-1);
        if (!n) return;
        // One native notification per batch: the newest, with the count when there are more.
        // Words, not a symbol glyph: the system notification's font may not have one.
        const title = `CS360 · ${i18next.t(`notifications.type.${n.type}`, { defaultValue: '' })} ${n.customer_id}`;
        platform().notify(fresh.length > 1 ? `${title} (${i18next.t('notifications.summary', { count: fresh.length })})` : title, n.message);
      },
      onUnauthenticated: () => useSession.getState().expire(),
    });
    return () => useLive.getState().disconnect();
  }, [token]);

  useEffect(
    () =>
      platform().onDeepLink((url) => {
        const r = routeFromDeepLink(url);
        if (r.name === 'customer') openCustomer(r.customerId);
      }),
    [],
  );

  return (
    <div className="app">
      <TopBar />
      <ReconnectBanner />
      <NotificationToasts />
      <main className="main">
        <RoutedPage route={route} />
      </main>
    </div>
  );
}
