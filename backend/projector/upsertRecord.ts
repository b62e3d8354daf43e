import { z } from 'zod';

/** Why a record was refused; the dead-letter reason starts with it. The same codes for every topic. */
export const REJECT_CODES = ['KEY_MISSING', 'KEY_NOT_JSON', 'KEY_INVALID', 'VALUE_NOT_JSON', 'VALUE_INVALID', 'KEY_VALUE_MISMATCH', 'OVERSIZED'] as const;
export type RejectCode = (typeof REJECT_CODES)[number];
export type Rejected = { ok: false; code: RejectCode; detail: string };

/** A key or value's customer id: C + 7 digits. */
export const customerIdSchema = z.string().regex(/^C\d{7}$/, 'a customer id (C + 7 digits)');
/** BIGINT epoch ms; Cassandra's timestamp holds ±292 million years, JavaScript's Date ±8.64e15 ms. */
export const epochMsSchema = z.number().int().min(0).max(8.64e15);

const MAX_KEY_BYTES = 1024;

export interface UpsertSpec<K, V> {
  key: z.ZodType<K>;
  value: z.ZodType<V>;
  /** Largest value accepted (a bigger one is refused before it is parsed). */
  maxValueBytes: number;
  /** Why a value does not belong to its key, or null when it does. */
  mismatch(key: K, value: V): string | null;
}

/** An upsert-kafka record, parsed: the key, and the new version (null: a tombstone, delete the key). */
export type ParsedUpsert<K, V> = { ok: true; key: K; value: V | null } | Rejected;

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
 * Parses one record of a Flink upsert-kafka topic (JSON key and value): `value` undefined is a
 * tombstone; an empty string is not (it is not JSON). Every refusal carries a code and a detail naming
 * the field.
 */
export function parseUpsertRecord<K, V>(key: string | undefined, value: string | undefined, spec: UpsertSpec<K, V>): ParsedUpsert<K, V> {
  if (key === undefined || key === '') return { ok: false, code: 'KEY_MISSING', detail: 'the record has no key' };
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) return { ok: false, code: 'OVERSIZED', detail: `key over ${MAX_KEY_BYTES} bytes` };
  const k = json(key);
  if (!k.ok) return { ok: false, code: 'KEY_NOT_JSON', detail: k.detail };
  const keyParsed = spec.key.safeParse(k.value);
  if (!keyParsed.success) return { ok: false, code: 'KEY_INVALID', detail: firstIssue(keyParsed.error) };
  if (value === undefined) return { ok: true, key: keyParsed.data, value: null };

  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > spec.maxValueBytes) return { ok: false, code: 'OVERSIZED', detail: `value is ${bytes} bytes > ${spec.maxValueBytes}` };
  const v = json(value);
  if (!v.ok) return { ok: false, code: 'VALUE_NOT_JSON', detail: v.detail };
  const parsed = spec.value.safeParse(v.value);
  if (!parsed.success) return { ok: false, code: 'VALUE_INVALID', detail: firstIssue(parsed.error) };
  const mismatch = spec.mismatch(keyParsed.data, parsed.data);
  if (mismatch !== null) return { ok: false, code: 'KEY_VALUE_MISMATCH', detail: mismatch };
  return { ok: true, key: keyParsed.data, value: parsed.data };
}
