import type { TicketRecord } from '../../ports/ticketStore';
import { sentimentOf, type Sentiment } from '../sentiment/sentiment';

export type { Sentiment };

/** SP-04: the sentiment of a CUSTOMER message, computed locally when it is stored (services/sentiment). */
export function customerSentiment(text: string): Sentiment {
  return sentimentOf(text);
}

const RANK: Record<TicketRecord['priority'], number> = { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 };

/**
 * The priority hint after a customer message: HIGH when the message is NEGATIVE and the ticket's
 * priority is below HIGH; cleared (null) by a message that is not negative; unchanged when unknown.
 */
export function priorityHintAfter(ticket: Pick<TicketRecord, 'priority' | 'priority_hint'>, sentiment: Sentiment | null): TicketRecord['priority'] | null | undefined {
  if (sentiment === null) return undefined;
  if (sentiment === 'NEGATIVE') return RANK[ticket.priority] < RANK.HIGH ? 'HIGH' : null;
  return null;
}
