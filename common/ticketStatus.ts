/**
 * Which status changes an agent may make (issue 11): OPEN → PENDING → RESOLVED → CLOSED, back from
 * PENDING to OPEN, and reopen (RESOLVED/CLOSED → OPEN). An ESCALATED ticket leaves escalation by
 * being worked (PENDING) or resolved. ESCALATED itself is reached only through escalateTicket.
 * Shared so the console offers exactly the moves the backend accepts.
 */
export const TICKET_STATUSES = ['OPEN', 'PENDING', 'ESCALATED', 'RESOLVED', 'CLOSED'] as const;
export type TicketStatusName = (typeof TICKET_STATUSES)[number];

export const STATUS_TRANSITIONS: Readonly<Record<TicketStatusName, readonly TicketStatusName[]>> = {
  OPEN: ['PENDING'],
  PENDING: ['RESOLVED', 'OPEN'],
  ESCALATED: ['PENDING', 'RESOLVED'],
  RESOLVED: ['CLOSED', 'OPEN'],
  CLOSED: ['OPEN'],
};

export function canMoveTicket(from: TicketStatusName, to: TicketStatusName): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** Statuses from which a ticket may be escalated (SP-05): not again, and not once it is resolved or closed. */
export const ESCALATABLE: readonly TicketStatusName[] = ['OPEN', 'PENDING'];
