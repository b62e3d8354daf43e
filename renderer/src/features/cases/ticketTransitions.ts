import type { TicketStatus } from '../../graphql/generated';

export const TICKET_STATUSES: readonly TicketStatus[] = ['OPEN', 'PENDING', 'ESCALATED', 'RESOLVED', 'CLOSED'];

export const isTicketStatus = (s: string): s is TicketStatus => (TICKET_STATUSES as readonly string[]).includes(s);

/**
 * The moves the API accepts (schema: setTicketStatus; the backend's table in common/ticketStatus.ts):
 * OPEN → PENDING → RESOLVED → CLOSED, back from PENDING to OPEN, reopen from RESOLVED or CLOSED; an
 * escalated ticket is worked (PENDING) or resolved. Anything else the server refuses as INVALID_INPUT,
 * so the console never offers it. The first move listed is the one forward.
 */
const NEXT: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  OPEN: ['PENDING'],
  PENDING: ['RESOLVED', 'OPEN'],
  ESCALATED: ['PENDING', 'RESOLVED'],
  RESOLVED: ['CLOSED', 'OPEN'],
  CLOSED: ['OPEN'],
};

/** The statuses a ticket may move to from `status`, in the order the buttons show them; none for an unknown status. */
export function allowedTransitions(status: string): readonly TicketStatus[] {
  const s = status.toUpperCase();
  return isTicketStatus(s) ? NEXT[s] : [];
}

export const canTransition = (from: string, to: TicketStatus): boolean => allowedTransitions(from).includes(to);

/** A move back to OPEN is a reopen: labelled so, not "open". */
export const isReopen = (from: string, to: TicketStatus): boolean => to === 'OPEN' && (from === 'RESOLVED' || from === 'CLOSED');

/** Escalation is refused when the ticket is already escalated, resolved or closed (schema: escalateTicket). */
export function escalateBlockedBy(status: string): TicketStatus | null {
  const s = status.toUpperCase();
  return s === 'ESCALATED' || s === 'RESOLVED' || s === 'CLOSED' ? s : null;
}
