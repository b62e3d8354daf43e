import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { StatusPill } from '../../components/Badges';
import { formatDateTime, isoToMs } from '../../format/time';
import { useCases } from '../../state/caseStore';
import type { CaseSummary } from '../../state/customerStore';
import { CaseDetailView } from './CaseDetailView';
import { TicketView } from './TicketView';

/** The customer's cases (open ones first in attention), and the selected one in detail. */
export function CasePanel({ cases }: { cases: readonly CaseSummary[] }) {
  const { t } = useTranslation();
  const { selection, status, detail, ticket, error, selectCase, retry } = useCases();

  // Open the most recent open case by itself: it is almost always why the customer is calling.
  const autoSelected = useRef(false);
  useEffect(() => {
    if (autoSelected.current || selection) return;
    autoSelected.current = true;
    const open = cases.find((c) => c.open);
    if (open) void selectCase(open.caseId);
  }, [cases, selection, selectCase]);

  const selectedCaseId = selection?.kind === 'case' ? selection.caseId : null;
  return (
    <aside className="panel case-panel" data-testid="case-panel" aria-label={t('cases.title')}>
      <div className="panel-head">
        <h2>{t('cases.title')}</h2>
        <span className="muted small">{cases.length}</span>
      </div>
      {cases.length === 0 ? (
        <EmptyState title={t('cases.none')} compact testId="cases-empty" />
      ) : (
        <ul className="case-list" role="listbox" aria-label={t('cases.title')}>
          {cases.map((c) => (
            <li key={c.caseId} role="option" aria-selected={c.caseId === selectedCaseId}>
              <button
                type="button"
                className={`case-item${c.open ? ' open' : ''}${c.caseId === selectedCaseId ? ' selected' : ''}`}
                data-testid="case-item"
                data-case-id={c.caseId}
                data-open={c.open}
                onClick={() => void selectCase(c.caseId)}
              >
                <span className="case-line">
                  <span className={`case-dot${c.open ? ' open' : ''}`} aria-hidden="true" />
                  <span className="mono small">{formatDateTime(isoToMs(c.openedAt))}</span>
                  <span className={`pill ${c.open ? 'tone-warn' : 'tone-neutral'}`}>{c.open ? t('cases.open') : t('cases.closed')}</span>
                </span>
                <span className="case-line statuses">
                  <StatusPill status={c.ticketStatus} />
                  <StatusPill status={c.paymentStatus} />
                  <StatusPill status={c.shipmentStatus} />
                  {c.orderIds.length ? <span className="muted small ellipsis">{c.orderIds.join(', ')}</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="case-detail-wrap">
        {selection === null ? (
          cases.length > 0 ? (
            <div className="muted small case-select-hint">{t('cases.select')}</div>
          ) : null
        ) : status === 'loading' ? (
          <Skeleton lines={8} />
        ) : status === 'error' ? (
          <ErrorState error={error} onRetry={retry} compact />
        ) : detail ? (
          <CaseDetailView detail={detail} />
        ) : ticket ? (
          <TicketView ticket={ticket} standalone />
        ) : null}
      </div>
    </aside>
  );
}
