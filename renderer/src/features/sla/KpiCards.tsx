import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardData } from '../../state/dashboardStore';
import { backlogDrill, metricDrill, type DrillRequest } from './slaDrill';
import { formatPct } from './formatPct';
import { useSpan } from './useSpan';

type OnDrill = (r: DrillRequest) => void;

/** A number that opens its tickets; data-expected is the count the drilled table must show. */
export function DrillNumber({ request, testId, onDrill, className, children, label }: { request: DrillRequest; testId: string; onDrill: OnDrill; className: string; children: ReactNode; label: string }) {
  return (
    <button type="button" className={className} data-testid={testId} data-expected={request.expected} onClick={() => onDrill(request)} title={label} aria-label={label}>
      {children}
    </button>
  );
}

function Card({ title, main, chips, tone }: { title: string; main: ReactNode; chips: ReactNode; tone?: string }) {
  return (
    <div className={`kpi${tone ? ` kpi-${tone}` : ''}`}>
      <div className="kpi-title">{title}</div>
      {main}
      <div className="kpi-chips">{chips}</div>
    </div>
  );
}

export function KpiCards({ data, onDrill }: { data: DashboardData; onDrill: OnDrill }) {
  const { t, i18n } = useTranslation();
  const span = useSpan();
  const overall = data.trend.overall;
  const fr = overall.firstResponse;
  const res = overall.resolution;
  const backlog = data.trend.backlog;
  const pct = (v: number | null) => (v === null ? t('sla.kpi.none') : formatPct(v, i18n.language));
  const hint = t('sla.clickHint');
  const chip = (request: DrillRequest, testId: string, text: string, tone: string) => (
    <DrillNumber request={request} testId={testId} onDrill={onDrill} className={`kpi-chip tone-${tone}`} label={`${text}. ${hint}`}>
      {text}
    </DrillNumber>
  );
  const main = (request: DrillRequest, testId: string, text: string, title: string) => (
    <DrillNumber request={request} testId={testId} onDrill={onDrill} className="kpi-value" label={`${title}: ${text}. ${hint}`}>
      {text}
    </DrillNumber>
  );

  const frMet = metricDrill('FIRST_RESPONSE', 'MET', overall);
  const resMet = metricDrill('RESOLUTION', 'MET', overall);
  return (
    <div className="kpis" data-testid="kpis">
      <Card
        title={t('sla.kpi.frtMet')}
        tone={fr.pctMet !== null && fr.pctMet < 0.8 ? 'bad' : undefined}
        main={main(frMet, 'kpi-frt-met', pct(fr.pctMet), t('sla.kpi.frtMet'))}
        chips={
          <>
            {chip(frMet, 'kpi-frt-met-count', t('sla.kpi.met', { count: fr.met }), 'good')}
            {chip(metricDrill('FIRST_RESPONSE', 'BREACHED', overall), 'kpi-frt-breached', t('sla.kpi.breached', { count: fr.breached }), 'bad')}
          </>
        }
      />
      <Card
        title={t('sla.kpi.medianFrt')}
        main={main(metricDrill('FIRST_RESPONSE', null, overall), 'kpi-frt-median', fr.medianSeconds === null ? t('sla.kpi.none') : span(fr.medianSeconds), t('sla.kpi.medianFrt'))}
        chips={
          <>
            {chip(metricDrill('FIRST_RESPONSE', null, overall), 'kpi-frt-total', t('sla.kpi.tickets', { count: fr.total }), 'neutral')}
            {fr.p90Seconds !== null ? <span className="kpi-note muted small">{t('sla.kpi.p90', { span: span(fr.p90Seconds) })}</span> : null}
          </>
        }
      />
      <Card
        title={t('sla.kpi.resolutionMet')}
        tone={res.pctMet !== null && res.pctMet < 0.8 ? 'bad' : undefined}
        main={main(resMet, 'kpi-res-met', pct(res.pctMet), t('sla.kpi.resolutionMet'))}
        chips={
          <>
            {chip(resMet, 'kpi-res-met-count', t('sla.kpi.met', { count: res.met }), 'good')}
            {chip(metricDrill('RESOLUTION', 'BREACHED', overall), 'kpi-res-breached', t('sla.kpi.breached', { count: res.breached }), 'bad')}
          </>
        }
      />
      <Card
        title={t('sla.kpi.backlog')}
        main={main(backlogDrill('OPEN', backlog), 'kpi-backlog', String(backlog.open), t('sla.kpi.backlog'))}
        chips={
          <>
            {chip(backlogDrill('WAITING_ON_AGENT', backlog), 'kpi-backlog-woa', t('sla.kpi.waitingOnAgent', { count: backlog.waitingOnAgent }), 'warn')}
            {chip(backlogDrill('UNASSIGNED', backlog), 'kpi-backlog-unassigned', t('sla.kpi.unassigned', { count: backlog.unassigned }), 'neutral')}
          </>
        }
      />
      <Card
        title={t('sla.kpi.atRisk')}
        tone={fr.atRisk > 0 ? 'warn' : undefined}
        main={main(metricDrill('FIRST_RESPONSE', 'AT_RISK', overall), 'kpi-at-risk', String(fr.atRisk), t('sla.kpi.atRisk'))}
        chips={
          <>
            {chip(metricDrill('NEXT_RESPONSE', 'AT_RISK', overall), 'kpi-next-at-risk', t('sla.kpi.nextAtRisk', { count: overall.nextResponse.atRisk }), 'warn')}
            {chip(metricDrill('RESOLUTION', 'AT_RISK', overall), 'kpi-res-at-risk', t('sla.kpi.resolutionAtRisk', { count: res.atRisk }), 'warn')}
          </>
        }
      />
    </div>
  );
}
