import { useTranslation } from 'react-i18next';
import { StatusPill } from '../../components/Badges';
import { AlertIcon, LockIcon } from '../../components/Icons';
import { formatDateTime, isoToMs } from '../../format/time';
import type { TicketDetailFragment } from '../../graphql/generated';
import { useCaseActions } from '../../state/caseActionsStore';
import { useSession } from '../../state/sessionStore';
import { ActionFailures } from './ActionFailures';
import { withPending, type ShownMessage } from './caseOptimistic';
import { MessageAttachments } from './MessageAttachments';
import { ReplyComposer } from './ReplyComposer';
import { agentLabel, TicketActions } from './TicketActions';
import { ticketPermissions } from './ticketPermissions';

interface Props {
  ticket: TicketDetailFragment;
  standalone?: boolean;
  /** The ticket the actions and shortcuts work on; the others in the case show their conversation only. */
  active?: boolean;
}

/** A ticket and its conversation; customer, agent, bot messages and internal notes are styled apart. */
export function TicketView({ ticket: server, standalone, active = true }: Props) {
  const { t } = useTranslation();
  const user = useSession((s) => s.session?.user);
  const pending = useCaseActions((s) => s.pending);
  const agents = useCaseActions((s) => s.agents);
  const ticket = withPending(server, pending);
  const me = user?.id ?? null;
  const perms = ticketPermissions(user?.role, user?.id, ticket.assignedAgentId);

  return (
    <article
      className={`ticket${active && perms.visible ? ' ticket-active' : ''}`}
      data-testid="ticket"
      data-ticket-id={ticket.id}
      data-status={ticket.status}
      data-assigned={ticket.assignedAgentId ?? ''}
      data-active={active}
      data-pending={ticket.pendingKinds.length > 0}
    >
      <header className="ticket-head">
        {standalone ? <div className="muted small">{t('cases.ticketOnly', { id: ticket.id.slice(0, 8) })}</div> : null}
        <div className="ticket-title">
          <span className="strong">{ticket.subject}</span>
          <StatusPill status={ticket.status} />
        </div>
        <div className="muted small ticket-meta">
          <span>{t('cases.priority', { priority: t(`caseActions.priorities.${ticket.priority}`, { defaultValue: ticket.priority }) })}</span>
          <span>{t('cases.channel', { channel: t(`caseActions.channels.${ticket.channel}`, { defaultValue: ticket.channel }) })}</span>
          {ticket.orderId ? <span className="mono" data-testid="ticket-order">{t('caseActions.order', { id: ticket.orderId })}</span> : null}
          {!active || !perms.visible ? <span>{agentLabel(ticket.assignedAgentId, me, agents, t)}</span> : null}
        </div>
        {ticket.priorityHint && ticket.priorityHint !== ticket.priority ? (
          <div className="priority-hint" data-testid="priority-hint">
            <AlertIcon size={12} />
            {t('caseActions.priorityHint', { priority: t(`caseActions.priorities.${ticket.priorityHint}`, { defaultValue: ticket.priorityHint }) })}
          </div>
        ) : null}
      </header>
      {ticket.messages.length === 0 ? (
        <div className="muted small">{t('cases.noMessages')}</div>
      ) : (
        <ol className="messages">
          {ticket.messages.map((m) => (
            <MessageItem key={m.id} m={m} ticketId={ticket.id} author={m.agentId ? agentLabel(m.agentId, me, agents, t) : null} />
          ))}
        </ol>
      )}
      {perms.visible ? (
        active ? (
          <div className="ticket-work">
            <ActionFailures ticketId={ticket.id} />
            <TicketActions ticket={ticket} perms={perms} me={me} agents={agents} />
            {perms.reply ? <ReplyComposer ticketId={ticket.id} me={me} /> : null}
          </div>
        ) : (
          <button type="button" className="btn btn-sm ticket-work-on" data-testid="work-on-ticket" onClick={() => useCaseActions.getState().setActiveTicket(ticket.id)}>
            {t('caseActions.workOn')}
          </button>
        )
      ) : null}
    </article>
  );
}

function MessageItem({ m, ticketId, author }: { m: ShownMessage; ticketId: string; author: string | null }) {
  const { t } = useTranslation();
  const cls = m.internal ? 'msg msg-internal' : `msg msg-${m.authorType.toLowerCase()}`;
  return (
    <li className={`${cls}${m.pending ? ' msg-pending' : ''}`} data-testid="case-message" data-author-type={m.authorType} data-internal={m.internal} data-pending={m.pending ? 'true' : undefined}>
      {m.internal ? (
        <div className="msg-internal-label">
          <LockIcon size={11} />
          {t('caseActions.internalLabel')}
        </div>
      ) : null}
      <div className="msg-meta">
        <span className="msg-author">{author && m.authorType === 'AGENT' ? author : t(`author.${m.authorType}`)}</span>
        <span className="muted">{m.pending ? t('caseActions.pending') : formatDateTime(isoToMs(m.createdAt))}</span>
        {m.sentiment ? <span className={`sentiment s-${m.sentiment.toLowerCase()}`}>{m.sentiment}</span> : null}
      </div>
      <div className="msg-body">{m.message}</div>
      <MessageAttachments ticketId={ticketId} attachments={m.attachments} pending={m.pending} />
    </li>
  );
}
