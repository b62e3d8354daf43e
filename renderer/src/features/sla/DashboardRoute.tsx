import { lazy, Suspense, useEffect } from 'react';
import { Skeleton } from '../../components/Skeleton';
import { useDashboard } from '../../state/dashboardStore';
import { useDrill } from '../../state/drillStore';
import { loadDashboardPage } from './loadDashboardPage';
import { SLA_REFRESH_MS } from './refreshInterval';

/** recharts is most of the dashboard's weight: agents, who never see it, do not load it. */
const DashboardPage = lazy(() => loadDashboardPage().then((m) => ({ default: m.DashboardPage })));

/**
 * Lives in the main bundle: it asks for the dashboard's data at once, while the chart chunk is
 * still being fetched and parsed, instead of after it (the two overlap on the first visit).
 */
export function DashboardRoute() {
  useEffect(() => {
    void useDashboard.getState().load();
    const every = setInterval(() => void useDashboard.getState().refresh(), SLA_REFRESH_MS);
    return () => {
      clearInterval(every);
      useDrill.getState().close();
      useDashboard.getState().reset();
    };
  }, []);
  return (
    <Suspense fallback={<Skeleton lines={10} />}>
      <DashboardPage />
    </Suspense>
  );
}
