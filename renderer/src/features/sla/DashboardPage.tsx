import { startTransition, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { useDashboard } from '../../state/dashboardStore';
import { useDrill } from '../../state/drillStore';
import { AtRiskQueue } from './AtRiskQueue';
import { BacklogChart } from './BacklogChart';
import { DashboardToolbar } from './DashboardToolbar';
import { DrillPanel } from './DrillPanel';
import { GroupBars } from './GroupBars';
import { KpiCards } from './KpiCards';
import { SentimentPie, SliceBars } from './SliceCharts';
import type { DrillRequest } from './slaDrill';
import { TrendChart } from './TrendChart';
import { WorkloadTable } from './WorkloadTable';

/** The supervisors' SLA and workload dashboard; every number opens the tickets behind it. Its data is loaded by DashboardRoute. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { status, data, error, trendBy, load } = useDashboard();

  // The first screen (KPIs, trend, at-risk queue) paints first; the charts below the fold follow
  // in the next frames, so the figures people look at first do not wait for six more charts.
  const [below, setBelow] = useState(false);
  useEffect(() => {
    if (!data || below) return;
    const frame = requestAnimationFrame(() => setTimeout(() => startTransition(() => setBelow(true)), 0));
    return () => cancelAnimationFrame(frame);
  }, [data, below]);

  // The drill asks about the same filter the numbers on screen answered, not a newer one.
  const onDrill = useCallback((request: DrillRequest) => {
    const filter = useDashboard.getState().filter;
    if (filter) void useDrill.getState().open(request, filter);
  }, []);

  return (
    <div className="dash" data-testid="dashboard" data-status={status}>
      <div className="dash-title">
        <h1>{t('sla.title')}</h1>
        <span className="muted small">{t('sla.clickHint')}</span>
      </div>
      <DashboardToolbar />
      {status === 'error' && !data ? (
        <div className="page-state">
          <ErrorState error={error} onRetry={() => void load()} />
        </div>
      ) : null}
      {!data && status !== 'error' ? <Skeleton lines={10} /> : null}
      {data ? (
        <div className={`dash-content${status === 'loading' ? ' is-loading' : ''}`} data-testid="dashboard-content" data-generated-at={data.trend.generatedAt} data-complete={below ? 'true' : 'false'}>
          <KpiCards data={data} onDrill={onDrill} />
          <div className="dash-grid">
            <TrendChart rows={data.trend.groups} groupBy={trendBy} onDrill={onDrill} />
            <AtRiskQueue rows={data.slaAtRisk} />
            {below ? (
              <>
                <GroupBars groupBy="AGENT" rows={data.byAgent.groups} onDrill={onDrill} />
                <GroupBars groupBy="TEAM" rows={data.byTeam.groups} onDrill={onDrill} />
                <BacklogChart backlog={data.trend.backlog} onDrill={onDrill} />
                <SliceBars dimension="channel" counts={data.trend.volumeByChannel} title={t('sla.chart.volumeByChannel')} onDrill={onDrill} />
                <SentimentPie counts={data.trend.sentiment} onDrill={onDrill} />
                <SliceBars dimension="priority" counts={data.trend.volumeByPriority} title={t('sla.chart.volumeByPriority')} onDrill={onDrill} />
                <WorkloadTable rows={data.teamWorkload} onDrill={onDrill} />
              </>
            ) : null}
          </div>
        </div>
      ) : null}
      <DrillPanel />
    </div>
  );
}
