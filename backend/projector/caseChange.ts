import { z } from 'zod';
import type { CustomerCaseRow } from '../../common/model';
import { customerIdSchema as customerId, epochMsSchema, parseUpsertRecord, type Rejected } from './upsertRecord';

/**
 * One record of the upsert-kafka topic `cs_case_changes` (the Flink SQL case job), parsed: the new
 * version of a case, or its deletion (a tombstone: null value).
 */
export type CaseChange = { kind: 'upsert'; row: CustomerCaseRow } | { kind: 'delete'; customer_id: string; case_id: string };

export type ParsedChange = { ok: true; change: CaseChange } | Rejected;

/**
 * Largest value accepted. The row plus its by-id entry go in one logged batch, and Cassandra's default
 * batch_size_fail_threshold is 50 KiB (the runner's cassandra.yaml raises it): a bigger record would
 * be refused on every retry and block its partition, so it is dead-lettered instead.
 */
export const MAX_VALUE_BYTES = 32 * 1024;
const caseId = z.string().min(1).max(200);
/** A case belongs to the customer it names: `<customer_id>:<session start>` (docs/decisions.md §4). */
const ownedBy = (v: { customer_id: string; case_id: string }) => v.case_id.startsWith(`${v.customer_id}:`);
const OWNED = { message: 'case_id does not start with `<customer_id>:`', path: ['case_id'] };

const keySchema = z.object({ customer_id: customerId, case_id: caseId }).strip().refine(ownedBy, OWNED);

const status = z.string().max(100).nullable().optional();
/**
 * Unknown fields are ignored (a column added to the Flink job must not stop the projector). The
 * nullable columns may be absent (Flink's `json.encode.ignore-null-fields`), and a null order_ids is
 * an empty list (Cassandra stores both the same way).
 */
const valueSchema = z
  .object({
    customer_id: customerId,
    case_id: caseId,
    last_event_time: epochMsSchema,
    order_ids: z.array(z.string().min(1).max(200)).max(1000).nullable(),
    payment_status: status,
    ticket_status: status,
    shipment_status: status,
    notes: z.string().max(16_000).nullable().optional(),
  })
  .strip()
  .refine(ownedBy, OWNED);

/**
 * Parses and validates one record. `value` undefined is a tombstone; an empty string is not (it is
 * not JSON). Every refusal carries a code and a detail naming the field.
 */
export function parseCaseChange(key: string | undefined, value: string | undefined): ParsedChange {
  const r = parseUpsertRecord(key, value, {
    key: keySchema,
    value: valueSchema,
    maxValueBytes: MAX_VALUE_BYTES,
    mismatch: (k, v) => (v.customer_id !== k.customer_id || v.case_id !== k.case_id ? `key ${k.customer_id}/${k.case_id} but value ${v.customer_id}/${v.case_id}` : null),
  });
  if (!r.ok) return r;
  const { customer_id, case_id } = r.key;
  if (r.value === null) return { ok: true, change: { kind: 'delete', customer_id, case_id } };
  const d = r.value;
  return {
    ok: true,
    change: {
      kind: 'upsert',
      row: {
        customer_id,
        case_id,
        last_event_time: d.last_event_time,
        order_ids: d.order_ids ?? [],
        payment_status: d.payment_status ?? null,
        ticket_status: d.ticket_status ?? null,
        shipment_status: d.shipment_status ?? null,
        notes: d.notes ?? null,
      },
    },
  };
}

/** The key a change belongs to: changes of one key are applied in order, different keys independently. */
export const changeKey = (c: CaseChange) => (c.kind === 'upsert' ? `${c.row.customer_id}\0${c.row.case_id}` : `${c.customer_id}\0${c.case_id}`);
