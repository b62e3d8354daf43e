import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listDemoAgents, type AgentSummary } from '../../api/authApi';
import { toApiError, type ApiError } from '../../api/apiError';
import { RoleBadge } from '../../components/Badges';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { useSession } from '../../state/sessionStore';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { canSeeDashboard } from '../../routing/route';
import { loadDashboardPage } from '../sla/loadDashboardPage';

type Load = { status: 'loading' } | { status: 'ready'; agents: AgentSummary[] } | { status: 'error'; error: ApiError };

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(-2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');

export function SignInScreen() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const { signIn, signingInAs, error, expired } = useSession();

  const fetchAgents = useCallback((signal?: AbortSignal) => {
    setLoad({ status: 'loading' });
    listDemoAgents(signal).then(
      (agents) => setLoad({ status: 'ready', agents }),
      (err: unknown) => {
        if (!signal?.aborted) setLoad({ status: 'error', error: toApiError(err) });
      },
    );
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    fetchAgents(ctrl.signal);
    return () => ctrl.abort();
  }, [fetchAgents]);

  return (
    <div className="signin">
      <div className="signin-card">
        <div className="signin-head">
          <div className="brand">
            <span className="brand-mark">CS</span>
            <span className="brand-name">{t('app.name')}</span>
          </div>
          <LanguageSwitch />
        </div>
        <h1>
          {t('signin.title')}{' '}
          <span className="badge badge-demo" data-testid="signin-demo-badge">
            {t('signin.demoBadge')}
          </span>
        </h1>
        <p className="muted">{t('signin.subtitle')}</p>
        {/* The picker is the embedded demo's only: the backend refuses it in stack mode or with an IdP. */}
        <p className="muted small" data-testid="signin-demo-notice">
          {t('signin.demoNotice')}
        </p>
        {expired ? <div className="notice notice-warn">{t('signin.expired')}</div> : null}
        {error ? <ErrorState error={error} compact /> : null}
        {load.status === 'loading' ? <Skeleton lines={4} widths={['100%']} className="skeleton-cards" /> : null}
        {load.status === 'error' ? <ErrorState error={load.error} onRetry={() => fetchAgents()} /> : null}
        {load.status === 'ready' && load.agents.length === 0 ? <EmptyState title={t('signin.empty')} /> : null}
        {load.status === 'ready' && load.agents.length > 0 ? (
          <ul className="agent-list">
            {load.agents.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="agent"
                  data-testid={`signin-agent-${a.id}`}
                  disabled={signingInAs !== null}
                  onClick={() => {
                    // Supervisors land on the dashboard: fetch its chart chunk while the session is created.
                    if (canSeeDashboard(a.role)) void loadDashboardPage();
                    void signIn(a.id);
                  }}
                >
                  <span className="avatar" aria-hidden="true">
                    {initials(a.name)}
                  </span>
                  <span className="agent-name">{a.name}</span>
                  <RoleBadge role={a.role} />
                  {signingInAs === a.id ? <span className="muted small">{t('signin.signingIn')}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
