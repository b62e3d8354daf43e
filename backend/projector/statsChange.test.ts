import { describe, expect, it } from 'vitest';
import { MAX_STATS_VALUE_BYTES, parseStatsChange } from './statsChange';

const KEY = { customer_id: 'C0000101' };
const VALUE = { customer_id: 'C0000101', lifetime_value_vnd: 12_500_000, order_count: 7, last_event_time: Date.UTC(2025, 2, 10, 2, 14) };
const text = (v: unknown) => (typeof v === 'string' || v === undefined ? v : JSON.stringify(v));
const parse = (key: unknown, value: unknown) => parseStatsChange(text(key), text(value));
const reject = (key: unknown, value: unknown) => {
  const r = parse(key, value);
  if (r.ok) throw new Error('expected a refusal');
  return r;
};

describe('parseStatsChange', () => {
  it('turns a Flink upsert-kafka record into a customer_stats row', () => {
    expect(parse(KEY, VALUE)).toEqual({ ok: true, change: { kind: 'upsert', stats: VALUE } });
  });

  it('reads a null value as a tombstone: delete that customer\'s stats', () => {
    expect(parse(KEY, undefined)).toEqual({ ok: true, change: { kind: 'delete', customer_id: 'C0000101' } });
  });

  it('ignores unknown fields in key and value, and takes a negative lifetime value (refunds) and zero orders', () => {
    const r = parse({ ...KEY, extra: 1 }, { ...VALUE, lifetime_value_vnd: -50_000, order_count: 0, added_later: 'x' });
    expect(r).toEqual({ ok: true, change: { kind: 'upsert', stats: { ...VALUE, lifetime_value_vnd: -50_000, order_count: 0 } } });
  });

  it('refuses a record without a key, or a key or value that is not JSON (an empty value is not a tombstone)', () => {
    expect(reject(undefined, VALUE).code).toBe('KEY_MISSING');
    expect(reject('', VALUE).code).toBe('KEY_MISSING');
    expect(reject('C0000101', VALUE).code).toBe('KEY_NOT_JSON');
    expect(reject(KEY, '{"customer_id":').code).toBe('VALUE_NOT_JSON');
    expect(reject(KEY, '').code).toBe('VALUE_NOT_JSON');
  });

  it('refuses an invalid key, naming the field', () => {
    expect(reject({ customer_id: 'X1' }, VALUE)).toMatchObject({ code: 'KEY_INVALID', detail: expect.stringMatching(/^customer_id:/) });
    expect(reject({}, VALUE)).toMatchObject({ code: 'KEY_INVALID', detail: expect.stringMatching(/^customer_id:/) });
    expect(reject([KEY], VALUE).code).toBe('KEY_INVALID');
  });

  it.each([
    ['lifetime_value_vnd missing', { lifetime_value_vnd: undefined }, /^lifetime_value_vnd:/],
    ['lifetime_value_vnd null', { lifetime_value_vnd: null }, /^lifetime_value_vnd:/],
    ['lifetime_value_vnd as a string', { lifetime_value_vnd: '12500000' }, /^lifetime_value_vnd:/],
    ['lifetime_value_vnd beyond 2^53 (JSON.parse would round it)', { lifetime_value_vnd: 2 ** 53 + 2 }, /^lifetime_value_vnd:/],
    ['order_count fractional', { order_count: 1.5 }, /^order_count:/],
    ['order_count negative', { order_count: -1 }, /^order_count:/],
    ['order_count beyond a CQL int', { order_count: 2 ** 31 }, /^order_count:/],
    ['last_event_time missing', { last_event_time: undefined }, /^last_event_time:/],
    ['last_event_time as an ISO string', { last_event_time: '2025-03-10T02:14:00Z' }, /^last_event_time:/],
    ['last_event_time negative', { last_event_time: -1 }, /^last_event_time:/],
    ['customer_id not an id', { customer_id: 'nobody' }, /^customer_id:/],
  ])('refuses a value with %s, naming the field', (_, over, detail) => {
    const r = reject(KEY, { ...VALUE, ...over });
    expect(r.code).toBe('VALUE_INVALID');
    expect(r.detail).toMatch(detail);
  });

  it('refuses a value that is not an object', () => {
    expect(reject(KEY, 'null').code).toBe('VALUE_INVALID');
    expect(reject(KEY, '[1]').code).toBe('VALUE_INVALID');
  });

  it('refuses a value of another customer than its key', () => {
    const r = reject(KEY, { ...VALUE, customer_id: 'C0000999' });
    expect(r.code).toBe('KEY_VALUE_MISMATCH');
    expect(r.detail).toBe('key C0000101 but value C0000999');
  });

  it('refuses an oversized value before parsing it', () => {
    expect(reject(KEY, `{"pad":"${'x'.repeat(MAX_STATS_VALUE_BYTES)}"}`).code).toBe('OVERSIZED');
  });
});
