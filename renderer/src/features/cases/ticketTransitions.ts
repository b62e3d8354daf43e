import { ESCALATABLE, STATUS_TRANSITIONS, TICKET_STATUSES as STATUSES } from '../../../../common/ticketStatus';
import type { TicketStatus } from '../../graphql/generated';

export const TICKET_STATUSES: readonly TicketStatus[] = STATUSES;

export const isTicketStatus = (s: string): s is TicketStatus => (TICKET_STATUSES as readonly string[]).includes(s);

/**
 * The moves the API accepts, from the table the backend enforces (common/ticketStatus.ts):
 * OPEN → PENDING → RESOLVED → CLOSED, back from PENDING to OPEN, reopen from RESOLVED or CLOSED; an
 * escalated ticket is worked (PENDING) or resolved. Anything else the server refuses as
 * INVALID_INPUT, so the console never offers it. The first move listed is the one forward.
 */
export function allowedTransitions(status: string): readonly TicketStatus[] {
  const s = status.toUpperCase();
  return isTicketStatus(s) ? STATUS_TRANSITIONS[s] : [];
}

export const canTransition = (from: string, to: TicketStatus): boolean => allowedTransitions(from).includes(to);

/** A move back to OPEN is a reopen: labelled so, not "open". */
export const isReopen = (from: string, to: TicketStatus): boolean => to === 'OPEN' && (from === 'RESOLVED' || from === 'CLOSED');

/** The status that keeps a ticket from being escalated (already escalated, resolved or closed), or null when it may be. */
export function escalateBlockedBy(status: string): TicketStatus | null {
  const s = status.toUpperCase();
  if (!isTicketStatus(s)) return null;
  return ESCALATABLE.includes(s) ? null : s;
}
