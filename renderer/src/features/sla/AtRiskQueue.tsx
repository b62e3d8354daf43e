import { useTranslation } from 'react-i18next';
import type { SlaCaseFieldsFragment } from '../../graphql/generated';
import { openSlaTicket } from './openSlaTicket';
import { sliceLabel } from './slaDrill';
import { SlaTimer } from './SlaTimer';
import { AlertIcon } from '../../components/Icons';

/**
 * The live queue: open tickets whose next deadline is near or past, soonest first (the API's
 * order). Timers tick every second; a ticket leaves at the next refresh after its agent replies.
 */
export function AtRiskQueue({ rows }: { rows: readonly SlaCaseFieldsFragment[] }) {
  const { t } = useTranslation();
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v ?? {});
  return (
    <section className="chart-card at-risk" data-testid="at-risk-queue" data-count={rows.length} aria-label={t('sla.atRisk.title')}>
      <header className="chart-head">
        <h2>
          <AlertIcon size={13} className="tone-warn-text" /> {t('sla.atRisk.title')}
        </h2>
        <span className="muted small">{t('sla.atRisk.count', { count: rows.length })}</span>
      </header>
      {rows.length === 0 ? (
        <div className="chart-empty muted">{t('sla.atRisk.empty')}</div>
      ) : (
        <ol className="at-risk-list">
          {rows.map((r) => (
            <li key={r.ticketId}>
              <button type="button" className="at-risk-item" data-testid="at-risk-item" data-ticket-id={r.ticketId} onClick={() => openSlaTicket(r.customerId, r.ticketId)} aria-label={t('sla.table.openRow', { ticket: r.ticketId, customer: r.customerId })}>
                <SlaTimer dueAt={r.dueAt} metric={r.dueMetric} />
                <span className="at-risk-subject ellipsis" title={r.subject}>
                  {r.subject}
                </span>
                <span className="at-risk-meta muted small">
                  {r.dueMetric ? t(`sla.metric.${r.dueMetric}`) : ''} · {sliceLabel('priority', r.priority, tr)} · {r.assignedAgentName ?? t('sla.table.unassigned')}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
