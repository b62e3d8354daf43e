import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusPill } from '../../components/Badges';
import { EscalateIcon, UserIcon } from '../../components/Icons';
import { useCaseActions, type AgentOption } from '../../state/caseActionsStore';
import type { ShownTicket } from './caseOptimistic';
import { EscalateDialog } from './EscalateDialog';
import type { TicketPermissions } from './ticketPermissions';
import { allowedTransitions, escalateBlockedBy, isReopen } from './ticketTransitions';

interface Props {
  ticket: ShownTicket;
  perms: TicketPermissions;
  me: string | null;
  agents: readonly AgentOption[] | null;
}

export const agentLabel = (id: string | null, me: string | null, agents: readonly AgentOption[] | null, t: (k: string) => string): string =>
  id === null ? t('caseActions.unassigned') : id === me ? t('caseActions.you') : (agents?.find((a) => a.id === id)?.name ?? id.slice(0, 8));

/** Status moves the API allows from here, assignment, escalation: what the user's role may do on this ticket. */
export function TicketActions({ ticket, perms, me, agents }: Props) {
  const { t } = useTranslation();
  const actions = useCaseActions.getState();
  const request = useCaseActions((s) => s.request);
  const [escalating, setEscalating] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const assignRef = useRef<HTMLSelectElement>(null);
  const escalateRef = useRef<HTMLButtonElement>(null);
  const busy = (kind: ShownTicket['pendingKinds'][number]) => ticket.pendingKinds.includes(kind);
  const inFlight = ticket.pendingKinds.some((k) => k !== 'reply');

  const transitions = allowedTransitions(ticket.status);
  const blockedBy = escalateBlockedBy(ticket.status);
  const canEscalate = perms.escalate && blockedBy === null && !inFlight;
  const escalateTip = blockedBy ? t(`caseActions.escalateBlocked.${blockedBy}`) : !perms.escalate && perms.blocked === 'takeFirst' ? t('caseActions.takeFirst') : undefined;

  // e / a / s from the case view's shortcuts.
  useEffect(() => {
    if (!request || request.ticketId !== ticket.id) return;
    if (request.action === 'escalate') {
      if (canEscalate) setEscalating(true);
      else escalateRef.current?.focus();
    } else if (request.action === 'assign') {
      if (perms.assignAny) assignRef.current?.focus();
      else if (perms.take && ticket.assignedAgentId === null && me) void actions.assign(ticket.id, me, 'take');
    } else if (request.action === 'status') {
      statusRef.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
    }
    // Only a new request acts: the ticket changing under it must not repeat the action.
  }, [request]);

  return (
    <div className="ticket-actions" role="toolbar" aria-label={t('caseActions.status')} data-testid="ticket-actions">
      <div className="ta-row">
        <span className="ta-label">{t('caseActions.status')}</span>
        <div className="ta-content" ref={statusRef} data-testid="status-control">
          <StatusPill status={ticket.status} />
          {transitions.map((to) => (
            <button
              key={to}
              type="button"
              className={`btn btn-sm${isReopen(ticket.status, to) ? '' : to === 'RESOLVED' ? ' btn-good' : ''}`}
              disabled={!perms.status || inFlight}
              title={!perms.status && perms.blocked === 'takeFirst' ? t('caseActions.takeFirst') : undefined}
              data-testid={`status-to-${to}`}
              onClick={() => void actions.setStatus(ticket.id, to)}
            >
              {to === 'OPEN' && !isReopen(ticket.status, to) ? t('caseActions.backToOpen') : t(`caseActions.statusTo.${to}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="ta-row">
        <span className="ta-label">{t('caseActions.assignee')}</span>
        <div className="ta-content">
          {perms.assignAny ? (
            <select
              ref={assignRef}
              className="ta-select"
              data-testid="assign-select"
              aria-label={t('caseActions.assignTo')}
              value={ticket.assignedAgentId ?? ''}
              disabled={busy('assign') || agents === null}
              onChange={(e) => void actions.assign(ticket.id, e.target.value || null)}
            >
              <option value="">{ticket.assignedAgentId === null ? t('caseActions.unassigned') : t('caseActions.nobody')}</option>
              {ticket.assignedAgentId !== null && !agents?.some((a) => a.id === ticket.assignedAgentId) ? (
                <option value={ticket.assignedAgentId}>{agentLabel(ticket.assignedAgentId, me, agents, t)}</option>
              ) : null}
              {(agents ?? [])
                .filter((a) => a.role !== 'ANALYST')
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.id === me ? `${a.name} (${t('caseActions.you')})` : a.name}
                  </option>
                ))}
            </select>
          ) : (
            <span className={`assignee${ticket.assignedAgentId === me ? ' me' : ''}`} data-testid="assignee" data-agent-id={ticket.assignedAgentId ?? ''}>
              <UserIcon size={13} />
              {agentLabel(ticket.assignedAgentId, me, agents, t)}
            </span>
          )}
          {perms.take ? (
            <button type="button" className="btn btn-sm btn-primary" data-testid="take" disabled={inFlight} onClick={() => me && void actions.assign(ticket.id, me, 'take')}>
              {t('caseActions.take')}
            </button>
          ) : null}
          <span className="tip-wrap">
            <button
              ref={escalateRef}
              type="button"
              className="btn btn-sm btn-escalate"
              data-testid="escalate"
              aria-disabled={!canEscalate}
              aria-describedby={escalateTip ? `esc-tip-${ticket.id}` : undefined}
              onClick={() => canEscalate && setEscalating(true)}
            >
              <EscalateIcon size={13} />
              {t('caseActions.escalate')}
            </button>
            {escalateTip ? (
              <span id={`esc-tip-${ticket.id}`} role="tooltip" className="tip">
                {escalateTip}
              </span>
            ) : null}
          </span>
        </div>
      </div>
      {perms.blocked ? (
        <div className="ta-hint" data-testid="actions-blocked" data-reason={perms.blocked}>
          {perms.blocked === 'takeFirst' ? t('caseActions.takeFirst') : t('caseActions.notYours', { name: agentLabel(ticket.assignedAgentId, me, agents, t) })}
        </div>
      ) : null}
      {escalating ? (
        <EscalateDialog
          onClose={() => setEscalating(false)}
          onSubmit={(reason) => {
            setEscalating(false);
            void actions.escalate(ticket.id, reason);
          }}
        />
      ) : null}
    </div>
  );
}
