import type { EventEnvelope } from '../../common/events';
import type { CsNotification, TimelineRow } from '../../common/model';

/** Topics and what each carries. Names follow the Kafka topics of stack mode. */
export interface TopicMessages {
  /** The unified, validated source stream (orders_cdc, payments_cdc, support.tickets, support_notes, logistics). */
  'cs.events': EventEnvelope;
  /** Rows as the pipeline writes them to cs_timeline; the live timeline relays them. */
  cs_timeline: TimelineRow;
  cs_notifications: CsNotification;
  'support.case.opened': { ticket_id: string; customer_id: string; opened_at: number; channel: string };
  /** Records that failed validation, with the reason. */
  'cs.deadletter': { topic: string; reason: string; record: unknown; at: number };
}
export type Topic = keyof TopicMessages;
export type Unsubscribe = () => void;

/** Events port. Embedded: in-process bus; stack: Kafka. Handlers may be async; the bus awaits them in order per topic. */
export interface EventBus {
  publish<T extends Topic>(topic: T, message: TopicMessages[T], key?: string): Promise<void>;
  /** Many messages of one topic in order, each keyed by its customer_id; one round trip per chunk on Kafka (bulk loads). */
  publishMany<T extends Topic>(topic: T, messages: readonly TopicMessages[T][]): Promise<void>;
  subscribe<T extends Topic>(topic: T, handler: (message: TopicMessages[T]) => void | Promise<void>): Unsubscribe;
  close(): Promise<void>;
}
