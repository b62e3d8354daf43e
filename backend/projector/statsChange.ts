import { z } from 'zod';
import type { CustomerStats } from '../../common/model';
import { customerIdSchema, epochMsSchema, parseUpsertRecord, type Rejected } from './upsertRecord';

/**
 * One record of the upsert-kafka topic `cs_customer_stats` (the Flink SQL case job's per-customer
 * aggregate), parsed: the customer's new figures, or their deletion (a tombstone: null value).
 */
export type StatsChange = { kind: 'upsert'; stats: CustomerStats } | { kind: 'delete'; customer_id: string };
export type ParsedStatsChange = { ok: true; change: StatsChange } | Rejected;

/** Four numbers and an id are under 200 bytes; anything near this is not the job's record. */
export const MAX_STATS_VALUE_BYTES = 4 * 1024;
/** Cassandra's `int` (order_count). */
const CQL_INT_MAX = 2_147_483_647;

const keySchema = z.object({ customer_id: customerIdSchema }).strip();
/**
 * Flink writes BIGINTs as JSON numbers; one beyond 2^53 would be rounded by JSON.parse, so it is
 * refused (z.int() is a safe integer) rather than stored wrong. lifetime_value_vnd may be negative
 * (refunds of payments captured before the job's data starts). The aggregate is never null, so a
 * null field is a broken record, not a column to clear. Unknown fields are ignored.
 */
const valueSchema = z
  .object({
    customer_id: customerIdSchema,
    lifetime_value_vnd: z.int(),
    order_count: z.int().min(0).max(CQL_INT_MAX),
    last_event_time: epochMsSchema,
  })
  .strip();

/** Parses and validates one record; every refusal carries a code and a detail naming the field. */
export function parseStatsChange(key: string | undefined, value: string | undefined): ParsedStatsChange {
  const r = parseUpsertRecord(key, value, {
    key: keySchema,
    value: valueSchema,
    maxValueBytes: MAX_STATS_VALUE_BYTES,
    mismatch: (k, v) => (k.customer_id !== v.customer_id ? `key ${k.customer_id} but value ${v.customer_id}` : null),
  });
  if (!r.ok) return r;
  const { customer_id } = r.key;
  if (r.value === null) return { ok: true, change: { kind: 'delete', customer_id } };
  const { lifetime_value_vnd, order_count, last_event_time } = r.value;
  return { ok: true, change: { kind: 'upsert', stats: { customer_id, lifetime_value_vnd, order_count, last_event_time } } };
}
