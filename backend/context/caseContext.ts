import type { EventEnvelope, TimelineKind } from '../../common/events';
import type { TimelineRow } from '../../common/model';
import type { Cache } from '../ports/cache';
import type { EventBus, TopicMessages } from '../ports/eventBus';
import type { HistoryStore } from '../ports/historyStore';
import type { Logger } from '../logger';

/**
 * SP-02: support_case_context (stack/postgres/migrations/001_support.sql), the latest order, payment
 * and shipment of each active ticket's customer, kept fresh from the domain events on cs.events
 * (order.status.changed, payment.authorized, shipment.status.changed, fraud.alert and their
 * siblings) and seeded from the history when a case opens (seed 002 §5).
 */

/** What one event changes in the context of a customer's tickets; absent fields stay as they are. */
export interface ContextUpdate {
  customerId: string;
  /** The event time (epoch ms): an update older than the row's updated_at is ignored, so replays and duplicates change nothing. */
  at: number;
  order?: { id: string; status: string };
  paymentStatus?: string;
  shipmentStatus?: string;
  /** fraud.alert: support_case_context has no fraud column yet; the alert refreshes updated_at and drops the cached case pages. */
  fraud?: { score: string; reason: string };
}

export interface CaseContextRow {
  ticket_id: string;
  customer_id: string;
  last_order_id: string | null;
  last_order_status: string | null;
  last_payment_status: string | null;
  last_shipment_status: string | null;
  updated_at: number;
}

/** Where the context lives (PostgreSQL in stack mode, PGlite embedded: backend/context/sqlCaseContextStore.ts). */
export interface CaseContextStore {
  /**
   * Applies the update to every active (not RESOLVED or CLOSED) ticket of the customer, or only to
   * `ticketId`; creates missing rows. Idempotent: the same update twice, or an older one after a newer
   * one, leaves the rows as they are. Returns the ticket ids whose row changed.
   */
  apply(update: ContextUpdate, ticketId?: string): Promise<string[]>;
  get(ticketId: string): Promise<CaseContextRow | null>;
}

/** The context change an event carries, or null for events that do not touch it. */
export function contextUpdateOf(e: Pick<EventEnvelope, 'type' | 'customer_id' | 'event_time' | 'payload'>): ContextUpdate | null {
  const at = Date.parse(e.event_time);
  if (!Number.isFinite(at)) return null;
  const p = e.payload;
  const base = { customerId: e.customer_id, at };
  switch (e.type) {
    case 'order.created':
    case 'order.status.changed':
      return p.order_id && p.status ? { ...base, order: { id: p.order_id, status: p.status } } : null;
    case 'payment.authorized':
    case 'payment.captured':
    case 'payment.failed':
    case 'payment.refunded':
      return p.status ? { ...base, paymentStatus: p.status } : null;
    case 'shipment.status.changed':
      return p.status ? { ...base, shipmentStatus: p.status } : null;
    case 'fraud.alert':
      return { ...base, fraud: { score: p.score ?? '', reason: p.reason ?? '' } };
    default:
      return null;
  }
}

/** The context of the newest order, payment and shipment rows among `rows` (any order), as one update; null when there is none. */
export function contextFromTimeline(customerId: string, rows: readonly TimelineRow[]): ContextUpdate | null {
  const newest = (kind: string) => [...rows].filter((r) => r.event_type.startsWith(`${kind}.`) && r.payload.status).sort((a, b) => b.event_time - a.event_time)[0];
  const order = newest('order');
  const payment = newest('payment');
  const shipment = newest('shipment');
  const present = [order, payment, shipment].filter((r): r is TimelineRow => r !== undefined);
  if (present.length === 0) return null;
  return {
    customerId,
    at: Math.max(...present.map((r) => r.event_time)),
    ...(order?.payload.order_id ? { order: { id: order.payload.order_id, status: order.payload.status! } } : {}),
    ...(payment ? { paymentStatus: payment.payload.status } : {}),
    ...(shipment ? { shipmentStatus: shipment.payload.status } : {}),
  };
}

const CONTEXT_KINDS: TimelineKind[] = ['ORDER', 'PAYMENT', 'SHIPMENT'];

export interface CaseContextConsumerOptions {
  bus: EventBus;
  store: CaseContextStore;
  /** Seeds a new case's context (support.case.opened) from the customer's recent orders, payments and shipments. */
  history: HistoryStore;
  /** Cached case pages to drop when a ticket's context or the case itself changes (tag `ticket:<id>`, SP-01). */
  cache?: Cache;
  log: Logger;
  /** Events older than this (by event time) are skipped: a replay of old history only ever loses to the seeding. Default 30 days. */
  maxEventAgeMs?: number;
  now?: () => number;
  /** Told of every event handled: applied (rows changed), unchanged, skipped, failed. */
  onEvent?(outcome: 'applied' | 'unchanged' | 'skipped' | 'failed'): void;
}

/**
 * The SP-02 consumer on the Events port: Kafka's cs.events in stack mode, the in-process bus embedded
 * (the same handler). A failed write is logged and counted, not retried: at-least-once delivery
 * re-sends it after a restart, and the next event of the customer carries the newest state anyway.
 */
export function startCaseContextConsumer(o: CaseContextConsumerOptions): { name: string; stop(): void } {
  const now = o.now ?? Date.now;
  const maxAge = o.maxEventAgeMs ?? 30 * 24 * 3600_000;
  const dropCase = async (ticketIds: readonly string[]) => {
    if (o.cache) for (const id of ticketIds) await o.cache.invalidateTag(`ticket:${id}`);
  };

  const onEvent = async (e: TopicMessages['cs.events']) => {
    // The case's own events (ticket.* on cs.events) drop its cached case page (SP-01).
    if (e.type.startsWith('ticket.') && e.payload.ticket_id) await dropCase([e.payload.ticket_id]).catch((err: unknown) => o.log.warn({ err, ticket_id: e.payload.ticket_id }, 'case page invalidation failed'));
    const update = contextUpdateOf(e);
    if (!update) return;
    if (update.at < now() - maxAge) return o.onEvent?.('skipped');
    try {
      const changed = await o.store.apply(update);
      o.onEvent?.(changed.length ? 'applied' : 'unchanged');
      await dropCase(changed);
    } catch (err) {
      o.onEvent?.('failed');
      o.log.warn({ err, customer_id: e.customer_id, event_id: e.id, type: e.type }, 'support_case_context update failed');
    }
  };

  const onOpened = async (m: TopicMessages['support.case.opened']) => {
    try {
      const rows = await o.history.timelinePage({ customerId: m.customer_id, limit: 200, kinds: CONTEXT_KINDS }).catch(async (err: unknown) => {
        if (!o.history.fallback) throw err;
        return o.history.fallback.store.timelinePage({ customerId: m.customer_id, limit: 200, kinds: CONTEXT_KINDS });
      });
      const update = contextFromTimeline(m.customer_id, rows);
      if (update) await dropCase(await o.store.apply(update, m.ticket_id));
    } catch (err) {
      o.log.warn({ err, ticket_id: m.ticket_id, customer_id: m.customer_id }, 'seeding support_case_context failed');
    }
  };

  const unsubscribe = [o.bus.subscribe('cs.events', onEvent), o.bus.subscribe('support.case.opened', onOpened)];
  return { name: 'case context consumer', stop: () => unsubscribe.forEach((u) => u()) };
}
