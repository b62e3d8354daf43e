import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { useDrill } from '../../state/drillStore';
import { useMyWork } from '../../state/myWorkStore';
import { useSession } from '../../state/sessionStore';
import { byUrgency } from '../sla/countdown';
import { DrillPanel } from '../sla/DrillPanel';
import { formatPct } from '../sla/formatPct';
import { DrillNumber } from '../sla/KpiCards';
import { backlogDrill, metricDrill, type DrillRequest } from '../sla/slaDrill';
import { openSlaTicket } from '../sla/openSlaTicket';
import { SLA_REFRESH_MS } from '../sla/refreshInterval';
import { SlaCaseTable } from '../sla/SlaCaseTable';
import { UpdatedAgo } from '../sla/UpdatedAgo';
import { useSpan } from '../sla/useSpan';

/** Urgency order as given (byUrgency) until the agent sorts by a column. */
const NO_SORT: [] = [];

/** An agent's home: their open tickets by SLA urgency, their workload and their first-response % met. */
export function MyWorkPage() {
  const { t, i18n } = useTranslation();
  const span = useSpan();
  const agentId = useSession((s) => s.session?.user.id ?? null);
  const { status, data, error, updatedAt, refresh } = useMyWork();

  useEffect(() => {
    if (!agentId) return;
    void useMyWork.getState().load(agentId);
    const every = setInterval(() => void useMyWork.getState().refresh(), SLA_REFRESH_MS);
    return () => {
      clearInterval(every);
      useDrill.getState().close();
      useMyWork.getState().reset();
    };
  }, [agentId]);

  const onDrill = useCallback((request: DrillRequest) => {
    const filter = useMyWork.getState().filter;
    if (filter) void useDrill.getState().open(request, filter);
  }, []);
  const mine = data?.teamWorkload.find((w) => w.agentId === agentId) ?? data?.teamWorkload[0] ?? null;
  const fr = data?.slaReport.overall.firstResponse ?? null;
  // Ordered once per answer (not per tick): rows do not jump while the agent reads them.
  const rows = useMemo(() => (data ? byUrgency(data.slaCases.rows, Date.now()) : []), [data]);
  const stat = (label: string, value: string, testId: string, request?: DrillRequest) => (
    <div className={`kpi${request ? '' : ' kpi-static'}`} data-testid={testId}>
      <div className="kpi-title">{label}</div>
      {request ? (
        <DrillNumber request={request} testId={`${testId}-value`} onDrill={onDrill} className="kpi-value" label={`${label}: ${value}. ${t('sla.clickHint')}`}>
          {value}
        </DrillNumber>
      ) : (
        <div className="kpi-value">{value}</div>
      )}
    </div>
  );
  const overall = data?.slaReport.overall;
  // The agent's own backlog over the same tickets as their report (filter.agentId is them).
  const backlog = { open: mine?.open ?? 0, unassigned: 0, waitingOnAgent: mine?.waitingOnAgent ?? 0, waitingOnCustomer: 0 };

  return (
    <div className="dash mywork" data-testid="my-work" data-status={status}>
      <div className="dash-title">
        <h1>{t('mywork.title')}</h1>
        <span className="muted small">{t('mywork.subtitle')}</span>
        <span className="toolbar-spacer" />
        <UpdatedAgo at={updatedAt} refreshing={false} onRefresh={() => void refresh()} />
      </div>
      {status === 'error' && !data ? <ErrorState error={error} onRetry={() => agentId && void useMyWork.getState().load(agentId)} /> : null}
      {!data && status !== 'error' ? <Skeleton lines={8} /> : null}
      {data ? (
        <>
          <div className="kpis">
            {stat(t('mywork.open'), String(backlog.open), 'mywork-open', backlogDrill('OPEN', backlog))}
            {stat(t('mywork.waitingOnMe'), String(backlog.waitingOnAgent), 'mywork-waiting', backlogDrill('WAITING_ON_AGENT', backlog))}
            {stat(t('mywork.handledToday'), String(mine?.handledToday ?? 0), 'mywork-handled')}
            {stat(t('mywork.medianHandle'), mine?.medianHandleSeconds == null ? t('sla.kpi.none') : span(mine.medianHandleSeconds), 'mywork-median')}
            {stat(t('mywork.frtMet'), fr?.pctMet == null ? t('sla.kpi.none') : formatPct(fr.pctMet, i18n.language), 'mywork-frt', overall ? metricDrill('FIRST_RESPONSE', 'MET', overall) : undefined)}
          </div>
          <section className="chart-card mywork-cases" aria-label={t('mywork.cases')}>
            <header className="chart-head">
              <h2>{t('mywork.cases')}</h2>
            </header>
            {rows.length === 0 ? (
              <div className="chart-empty muted">{t('mywork.empty')}</div>
            ) : (
              <SlaCaseTable rows={rows} total={data.slaCases.total} title={t('mywork.cases')} onOpenRow={(r) => openSlaTicket(r.customerId, r.ticketId)} testId="mywork-table" height="calc(100vh - 300px)" initialSort={NO_SORT} />
            )}
          </section>
        </>
      ) : null}
      <DrillPanel />
    </div>
  );
}
