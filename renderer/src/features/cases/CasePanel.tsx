import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { KeyboardIcon } from '../../components/Icons';
import { Skeleton } from '../../components/Skeleton';
import { StatusPill } from '../../components/Badges';
import { formatDateTime, isoToMs } from '../../format/time';
import { useCaseActions } from '../../state/caseActionsStore';
import { shownTickets, useCases } from '../../state/caseStore';
import type { CaseSummary } from '../../state/customerStore';
import { useSession } from '../../state/sessionStore';
import { onLiveTimelineRow } from '../../state/timelineStore';
import { defaultActiveTicket } from './caseOptimistic';
import { CaseDetailView } from './CaseDetailView';
import { ShortcutOverlay } from './ShortcutOverlay';
import { TicketView } from './TicketView';
import { useCaseShortcuts } from './useCaseShortcuts';

/** The customer's cases (open ones first in attention), and the selected one in detail. */
export function CasePanel({ cases }: { cases: readonly CaseSummary[] }) {
  const { t } = useTranslation();
  const { selection, status, detail, ticket, error, selectCase, retry } = useCases();
  const role = useSession((s) => s.session?.user.role);
  const canAct = role === 'AGENT' || role === 'SUPERVISOR';
  const chosen = useCaseActions((s) => s.activeTicketId);
  const helpOpen = useCaseActions((s) => s.helpOpen);
  const tickets = shownTickets({ detail, ticket });
  const activeTicketId = chosen && tickets.some((tk) => tk.id === chosen) ? chosen : defaultActiveTicket(tickets);
  useCaseShortcuts(activeTicketId, canAct && status === 'ready');

  useEffect(() => {
    if (canAct) void useCaseActions.getState().loadAgents();
  }, [canAct]);

  // Another agent's action on a ticket on screen: read the case again (its timeline row is the signal).
  useEffect(
    () =>
      onLiveTimelineRow((item) => {
        const id = item.payload.ticket_id;
        if (id && shownTickets(useCases.getState()).some((tk) => tk.id === id)) useCases.getState().refreshSoon();
      }),
    [],
  );

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
    <aside className={`panel case-panel${selection ? ' has-selection' : ''}`} data-testid="case-panel" aria-label={t('cases.title')}>
      <div className="panel-head">
        <h2>{t('cases.title')}</h2>
        <span className="panel-head-end">
          {canAct && tickets.length > 0 ? (
            <button type="button" className="icon-btn" aria-label={t('caseActions.shortcuts.open')} title={t('caseActions.shortcuts.open')} data-testid="shortcuts-button" onClick={() => useCaseActions.getState().setHelpOpen(true)}>
              <KeyboardIcon size={15} />
            </button>
          ) : null}
          <span className="muted small">{cases.length}</span>
        </span>
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
          <CaseDetailView detail={detail} activeTicketId={activeTicketId} />
        ) : ticket ? (
          <TicketView ticket={ticket} standalone />
        ) : null}
      </div>
      {helpOpen ? <ShortcutOverlay onClose={() => useCaseActions.getState().setHelpOpen(false)} /> : null}
    </aside>
  );
}
