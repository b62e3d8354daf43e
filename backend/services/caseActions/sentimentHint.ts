import type { TicketRecord } from '../../ports/ticketStore';

export type Sentiment = 'NEGATIVE' | 'NEUTRAL' | 'POSITIVE';

/**
 * SENTIMENT CALL SITE (issue 11 item 4): the sentiment of a CUSTOMER message when it is stored.
 * backend/services/sentiment/sentiment.ts (sentimentOf) is being written by another helper; until
 * it lands this answers null and no hint is raised. Replace the body with `return sentimentOf(text);`.
 */
export function customerSentiment(_text: string): Sentiment | null {
  return null;
}

const RANK: Record<TicketRecord['priority'], number> = { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 };

/**
 * The priority hint after a customer message: HIGH when the message is NEGATIVE and the ticket's
 * priority is below HIGH; cleared (null) by a non-negative message; unchanged when unknown.
 */
export function priorityHintAfter(ticket: Pick<TicketRecord, 'priority' | 'priority_hint'>, sentiment: Sentiment | null): TicketRecord['priority'] | null | undefined {
  if (sentiment === null) return undefined;
  if (sentiment === 'NEGATIVE') return RANK[ticket.priority] < RANK.HIGH ? 'HIGH' : null;
  return null;
}
