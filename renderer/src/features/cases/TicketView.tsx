import { useTranslation } from 'react-i18next';
import { StatusPill } from '../../components/Badges';
import { formatDateTime, isoToMs } from '../../format/time';
import type { TicketDetailFragment } from '../../graphql/generated';

/** A ticket and its conversation; customer, agent and bot messages are styled apart. */
export function TicketView({ ticket, standalone }: { ticket: TicketDetailFragment; standalone?: boolean }) {
  const { t } = useTranslation();
  return (
    <article className="ticket" data-testid="ticket" data-ticket-id={ticket.id}>
      <header className="ticket-head">
        {standalone ? <div className="muted small">{t('cases.ticketOnly', { id: ticket.id.slice(0, 8) })}</div> : null}
        <div className="ticket-title">
          <span className="strong">{ticket.subject}</span>
          <StatusPill status={ticket.status} />
        </div>
        <div className="muted small">
          {t('cases.priority', { priority: ticket.priority })} · {t('cases.channel', { channel: ticket.channel })}
        </div>
      </header>
      {ticket.messages.length === 0 ? (
        <div className="muted small">{t('cases.noMessages')}</div>
      ) : (
        <ol className="messages">
          {ticket.messages.map((m) => (
            <li key={m.id} className={`msg msg-${m.authorType.toLowerCase()}`} data-testid="case-message" data-author-type={m.authorType}>
              <div className="msg-meta">
                <span className="msg-author">{t(`author.${m.authorType}`)}</span>
                <span className="muted">{formatDateTime(isoToMs(m.createdAt))}</span>
                {m.sentiment ? <span className={`sentiment s-${m.sentiment.toLowerCase()}`}>{m.sentiment}</span> : null}
              </div>
              <div className="msg-body">{m.message}</div>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
