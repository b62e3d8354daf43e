import { randomUUID } from 'node:crypto';
import { AppError } from '../../../common/errors';
import { SCHEMA_VERSION, type EventEnvelope } from '../../../common/events';
import type { Principal } from '../../auth/principal';
import { POLICY, type Action } from '../../auth/policy';
import type { CaseStore } from '../../ports/caseStore';
import type { EventBus, Topic, TopicMessages } from '../../ports/eventBus';
import type { ConversationRecord, TicketRecord, TicketStore } from '../../ports/ticketStore';
import type { SupportMetrics } from '../supportMetrics';
import type { TimelineService } from '../timelineService';

/** What every case action needs: the ports, the metrics and the clock. */
export interface CaseActionDeps {
  tickets: TicketStore;
  cases: CaseStore;
  bus: EventBus;
  timeline: TimelineService;
  metrics: SupportMetrics;
  now: () => number;
}

/** A message published once the transaction has committed. */
export type Outgoing = { [T in Topic]: { topic: T; message: TopicMessages[T]; key: string } }[Topic];

/**
 * One case action: fn's writes through `tx` commit together (or none of them do), and the events
 * it queued are published only after the commit, so a failed action leaves nothing behind and
 * announces nothing. A publish that fails after the commit is reported to the caller: the write
 * stands (an outbox would make the two atomic; none exists yet).
 */
export async function runAction<T>(deps: CaseActionDeps, fn: (tx: TicketStore, out: Outgoing[]) => Promise<T>): Promise<T> {
  const out: Outgoing[] = [];
  const result = await deps.tickets.transaction((tx) => fn(tx, out));
  for (const o of out) await deps.bus.publish(o.topic, o.message as never, o.key);
  return result;
}

/** Refuses a role that may never do the action before any input is read (ANALYST writing). */
export function requireRole(principal: Principal | null, action: Action): Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (POLICY[action][principal.role] === 'none') throw new AppError('FORBIDDEN', `Role ${principal.role} may not ${action}`, { action });
  return principal;
}

/** The ticket, locked for the rest of the transaction; NOT_FOUND when absent. */
export async function lockedTicket(tx: TicketStore, ticketId: string): Promise<TicketRecord> {
  const t = await tx.lockTicket(ticketId);
  if (!t) throw new AppError('NOT_FOUND', `No ticket ${ticketId}`, { ticket_id: ticketId });
  return t;
}

/** A cs.events envelope about a ticket; payload values are strings (common/events.ts). */
export function ticketEvent(ticket: TicketRecord, type: EventEnvelope['type'], at: number, extra: Record<string, string>): Outgoing {
  const event: EventEnvelope = {
    id: `${type}-${randomUUID()}`,
    type,
    customer_id: ticket.customer_id,
    event_time: new Date(at).toISOString(),
    source: 'support.tickets',
    payload: { ticket_id: ticket.ticket_id, status: ticket.status, subject: ticket.subject, ...extra },
    schema_version: SCHEMA_VERSION,
  };
  return { topic: 'cs.events', message: event, key: ticket.customer_id };
}

export function newMessage(ticketId: string, author: ConversationRecord['author_type'], text: string, at: number, metadata: Record<string, unknown> | null = null, sentiment: string | null = null): ConversationRecord {
  return { conversation_id: randomUUID(), ticket_id: ticketId, author_type: author, message: text, created_at: at, attachment_uri: null, sentiment, metadata };
}
