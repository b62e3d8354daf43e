import type { EventEnvelope } from '../../common/events';
import type { CsNotification } from '../../common/model';

/** The first agent reply must come within 5 minutes of the ticket opening. */
export const FIRST_RESPONSE_SLA_MS = 5 * 60 * 1000;
/** A first reply this late is a HIGH-severity breach rather than MEDIUM. */
export const SEVERE_BREACH_MS = 60 * 60 * 1000;

/** Derived from the triggering event's id, so a replay produces the same id (consumers dedupe on it). */
export const notificationIdFor = (eventId: string): string => `ntf-${eventId}`;

const nonEmpty = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);

export function escalationNotification(e: EventEnvelope, t: number, caseId: string): CsNotification {
  const p = e.payload;
  const priority = p.priority?.toUpperCase();
  const subject = p.subject ? ` "${p.subject}"` : '';
  return {
    notification_id: notificationIdFor(e.id),
    type: 'TICKET_ESCALATED',
    customer_id: e.customer_id,
    case_id: caseId,
    ticket_id: p.ticket_id ?? '',
    agent_id: nonEmpty(p.agent_id),
    event_time: t,
    severity: priority === 'URGENT' || priority === 'HIGH' ? 'HIGH' : 'MEDIUM',
    message: `Ticket${subject} of customer ${e.customer_id} was escalated${priority ? ` with ${priority} priority` : ''}. Reason: ${p.reason ?? 'not given'}`,
  };
}

/** Where a ticket stands for the first-response SLA; decided once, then never again. */
export interface TicketSla {
  openedAt: number | null;
  subject: string | null;
  /** The earliest AGENT message that arrived before the ticket.opened did (out of order across sources). */
  pendingReply: { e: EventEnvelope; t: number; caseId: string } | null;
  decided: boolean;
}

export const newTicketSla = (): TicketSla => ({ openedAt: null, subject: null, pendingReply: null, decided: false });

/**
 * Judges the first agent reply against the ticket's opening; returns the breach notification, if any.
 * Call with the reply once the opening is known.
 */
export function decideSla(sla: TicketSla, reply: { e: EventEnvelope; t: number; caseId: string }): CsNotification | null {
  sla.decided = true;
  sla.pendingReply = null;
  const openedAt = sla.openedAt ?? reply.t;
  const delay = reply.t - openedAt;
  if (delay <= FIRST_RESPONSE_SLA_MS) return null;
  const p = reply.e.payload;
  const minutes = Math.floor(delay / 60_000);
  const subject = sla.subject ? ` "${sla.subject}"` : '';
  return {
    notification_id: notificationIdFor(reply.e.id),
    type: 'SLA_BREACH',
    customer_id: reply.e.customer_id,
    case_id: reply.caseId,
    ticket_id: p.ticket_id ?? '',
    agent_id: nonEmpty(p.agent_id),
    event_time: reply.t,
    severity: delay > SEVERE_BREACH_MS ? 'HIGH' : 'MEDIUM',
    message: `First agent reply to ticket${subject} of customer ${reply.e.customer_id} came after ${minutes} min (SLA: 5 min).`,
  };
}
