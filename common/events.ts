import { z } from 'zod';

/**
 * The envelope every topic carries (orders_cdc, payments_cdc, support.tickets, support_notes,
 * logistics, fraud.alert after normalisation). Payload values are strings so that the embedded
 * pipeline and Flink SQL (MAP<STRING,STRING>) see the same thing.
 */
export { EVENT_SOURCES, EVENT_TYPES, TIMELINE_KINDS, kindOf } from './eventTypes';
export type { EventSource, EventType, TimelineKind } from './eventTypes';
import { EVENT_SOURCES, EVENT_TYPES, type EventType } from './eventTypes';

export const SCHEMA_VERSION = 1;

export const eventEnvelopeSchema = z.object({
  id: z.string().min(1).max(128),
  type: z.enum(EVENT_TYPES),
  customer_id: z.string().regex(/^C\d{7}$/),
  /** ISO-8601 UTC with milliseconds. */
  event_time: z.string().datetime({ offset: false }),
  source: z.enum(EVENT_SOURCES),
  payload: z.record(z.string(), z.string().max(10_000)),
  schema_version: z.literal(SCHEMA_VERSION),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

/**
 * Payload keys each type must carry. The pipeline reads these and nothing else.
 * order.*: order_id, status, total_vnd (order.created also items_json, item_count)
 * payment.*: payment_id, order_id, status, amount_vnd, method
 * shipment.status.changed: shipment_id, order_id, carrier, status, tracking_no
 * ticket.*: ticket_id, status, subject; ticket.message also author_type, message; escalated also agent_id, reason;
 *   status_changed also previous_status; assigned also assigned_agent_id ('' when unassigned) and previous_agent_id
 * note.added: note_id, agent_id, body (an agent's internal note on a ticket also carries ticket_id and internal = 'true';
 *   it is never a ticket.message, so no customer-facing view or first-response SLA counts it)
 * fraud.alert: alert_id, score, reason
 */
export const REQUIRED_PAYLOAD_KEYS: Record<EventType, readonly string[]> = {
  'order.created': ['order_id', 'status', 'total_vnd'],
  'order.status.changed': ['order_id', 'status'],
  'payment.authorized': ['payment_id', 'order_id', 'status', 'amount_vnd'],
  'payment.captured': ['payment_id', 'order_id', 'status', 'amount_vnd'],
  'payment.failed': ['payment_id', 'order_id', 'status', 'amount_vnd'],
  'payment.refunded': ['payment_id', 'order_id', 'status', 'amount_vnd'],
  'shipment.status.changed': ['shipment_id', 'order_id', 'carrier', 'status'],
  'ticket.opened': ['ticket_id', 'status', 'subject'],
  'ticket.message': ['ticket_id', 'author_type', 'message'],
  'ticket.escalated': ['ticket_id', 'status', 'reason'],
  'ticket.resolved': ['ticket_id', 'status'],
  'ticket.status_changed': ['ticket_id', 'status', 'previous_status'],
  'ticket.assigned': ['ticket_id', 'status', 'assigned_agent_id'],
  'note.added': ['note_id', 'agent_id', 'body'],
  'fraud.alert': ['alert_id', 'score', 'reason'],
};

/** Parses an untrusted event; returns the reason instead of throwing so callers can dead-letter it. */
export function parseEvent(input: unknown): { ok: true; event: EventEnvelope } | { ok: false; reason: string } {
  const parsed = eventEnvelopeSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'invalid'}` };
  }
  const missing = REQUIRED_PAYLOAD_KEYS[parsed.data.type].filter((k) => !(k in parsed.data.payload));
  if (missing.length > 0) return { ok: false, reason: `payload is missing ${missing.join(', ')} for ${parsed.data.type}` };
  return { ok: true, event: parsed.data };
}
