import { z } from 'zod';
import type { CustomerCaseRow } from '../../common/model';

/**
 * One record of the upsert-kafka topic `cs_case_changes` (the Flink SQL case job), parsed: the new
 * version of a case, or its deletion (a tombstone: null value).
 */
export type CaseChange = { kind: 'upsert'; row: CustomerCaseRow } | { kind: 'delete'; customer_id: string; case_id: string };

/** Why a record was refused; the dead-letter reason starts with it. */
export const REJECT_CODES = ['KEY_MISSING', 'KEY_NOT_JSON', 'KEY_INVALID', 'VALUE_NOT_JSON', 'VALUE_INVALID', 'KEY_VALUE_MISMATCH', 'OVERSIZED'] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

export type ParsedChange = { ok: true; change: CaseChange } | { ok: false; code: RejectCode; detail: string };

/**
 * Largest value accepted. The row plus its by-id entry go in one logged batch, and Cassandra's default
 * batch_size_fail_threshold is 50 KiB (the runner's cassandra.yaml raises it): a bigger record would
 * be refused on every retry and block its partition, so it is dead-lettered instead.
 */
export const MAX_VALUE_BYTES = 32 * 1024;
const MAX_KEY_BYTES = 1024;

const customerId = z.string().regex(/^C\d{7}$/, 'a customer id (C + 7 digits)');
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
    /** BIGINT epoch ms; Cassandra's timestamp holds ±292 million years, JavaScript's Date ±8.64e15 ms. */
    last_event_time: z.number().int().min(0).max(8.64e15),
    order_ids: z.array(z.string().min(1).max(200)).max(1000).nullable(),
    payment_status: status,
    ticket_status: status,
    shipment_status: status,
    notes: z.string().max(16_000).nullable().optional(),
  })
  .strip()
  .refine(ownedBy, OWNED);

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}

function json(text: string): { ok: true; value: unknown } | { ok: false; detail: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, detail: (err as Error).message.slice(0, 200) };
  }
}

/**
 * Parses and validates one record. `value` undefined is a tombstone; an empty string is not (it is
 * not JSON). Every refusal carries a code and a detail naming the field.
 */
export function parseCaseChange(key: string | undefined, value: string | undefined): ParsedChange {
  if (key === undefined || key === '') return { ok: false, code: 'KEY_MISSING', detail: 'the record has no key' };
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) return { ok: false, code: 'OVERSIZED', detail: `key over ${MAX_KEY_BYTES} bytes` };
  const k = json(key);
  if (!k.ok) return { ok: false, code: 'KEY_NOT_JSON', detail: k.detail };
  const keyParsed = keySchema.safeParse(k.value);
  if (!keyParsed.success) return { ok: false, code: 'KEY_INVALID', detail: firstIssue(keyParsed.error) };
  const { customer_id, case_id } = keyParsed.data;
  if (value === undefined) return { ok: true, change: { kind: 'delete', customer_id, case_id } };

  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_VALUE_BYTES) return { ok: false, code: 'OVERSIZED', detail: `value is ${bytes} bytes > ${MAX_VALUE_BYTES}` };
  const v = json(value);
  if (!v.ok) return { ok: false, code: 'VALUE_NOT_JSON', detail: v.detail };
  const parsed = valueSchema.safeParse(v.value);
  if (!parsed.success) return { ok: false, code: 'VALUE_INVALID', detail: firstIssue(parsed.error) };
  const d = parsed.data;
  if (d.customer_id !== customer_id || d.case_id !== case_id) {
    return { ok: false, code: 'KEY_VALUE_MISMATCH', detail: `key ${customer_id}/${case_id} but value ${d.customer_id}/${d.case_id}` };
  }
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
