import { describe, expect, it } from 'vitest';
import { MAX_VALUE_BYTES, parseCaseChange } from './caseChange';

const KEY = { customer_id: 'C0000101', case_id: 'C0000101:20250310T020000Z' };
const VALUE = {
  ...KEY,
  last_event_time: Date.UTC(2025, 2, 10, 2, 14),
  order_ids: ['O0000001', 'O0000002'],
  payment_status: 'CAPTURED',
  ticket_status: null,
  shipment_status: 'IN_TRANSIT',
  notes: null,
};
const parse = (key: unknown, value: unknown) =>
  parseCaseChange(typeof key === 'string' || key === undefined ? key : JSON.stringify(key), typeof value === 'string' || value === undefined ? value : JSON.stringify(value));
const reject = (key: unknown, value: unknown) => {
  const r = parse(key, value);
  if (r.ok) throw new Error('expected a refusal');
  return r;
};

describe('parseCaseChange', () => {
  it('turns a Flink upsert-kafka record into a case row, order_ids in order', () => {
    expect(parse(KEY, VALUE)).toEqual({ ok: true, change: { kind: 'upsert', row: VALUE } });
  });

  it('reads a null value as a tombstone: delete that case', () => {
    expect(parse(KEY, undefined)).toEqual({ ok: true, change: { kind: 'delete', ...KEY } });
  });

  it('ignores unknown fields, takes absent nullable columns as null and a null order list as empty', () => {
    const { payment_status: _p, ticket_status: _t, shipment_status: _s, notes: _n, ...bare } = VALUE;
    const r = parse(KEY, { ...bare, order_ids: null, added_later: 1 });
    expect(r).toEqual({ ok: true, change: { kind: 'upsert', row: { ...VALUE, order_ids: [], payment_status: null, shipment_status: null } } });
  });

  it('refuses a record without a key', () => {
    expect(reject(undefined, VALUE).code).toBe('KEY_MISSING');
    expect(reject('', VALUE).code).toBe('KEY_MISSING');
  });

  it('refuses a key or value that is not JSON (an empty value is not a tombstone)', () => {
    expect(reject('C0000101', VALUE).code).toBe('KEY_NOT_JSON');
    expect(reject(KEY, '{"customer_id":').code).toBe('VALUE_NOT_JSON');
    expect(reject(KEY, '').code).toBe('VALUE_NOT_JSON');
  });

  it('refuses an invalid key, naming the field', () => {
    const r = reject({ customer_id: 'X1', case_id: KEY.case_id }, VALUE);
    expect(r.code).toBe('KEY_INVALID');
    expect(r.detail).toMatch(/^customer_id:/);
    expect(reject({ customer_id: KEY.customer_id }, VALUE)).toMatchObject({ code: 'KEY_INVALID', detail: expect.stringMatching(/^case_id:/) });
    expect(reject([KEY], VALUE).code).toBe('KEY_INVALID');
    expect(reject({ customer_id: 'C0000999', case_id: KEY.case_id }, VALUE)).toMatchObject({ code: 'KEY_INVALID', detail: expect.stringMatching(/^case_id:/) });
  });

  it.each([
    ['last_event_time missing', { last_event_time: undefined }, /^last_event_time:/],
    ['last_event_time as a string', { last_event_time: '2025-03-10T02:14:00Z' }, /^last_event_time:/],
    ['last_event_time fractional', { last_event_time: 1.5 }, /^last_event_time:/],
    ['last_event_time negative', { last_event_time: -1 }, /^last_event_time:/],
    ['order_ids missing', { order_ids: undefined }, /^order_ids:/],
    ['order_ids not strings', { order_ids: [1, 2] }, /^order_ids\.0:/],
    ['a status as a number', { ticket_status: 3 }, /^ticket_status:/],
    ['a case id not of its customer', { customer_id: 'C0000999' }, /^case_id:/],
  ])('refuses a value with %s, naming the field', (_, over, detail) => {
    const r = reject(KEY, { ...VALUE, ...over });
    expect(r.code).toBe('VALUE_INVALID');
    expect(r.detail).toMatch(detail);
  });

  it('refuses a value that is not an object', () => {
    expect(reject(KEY, 'null').code).toBe('VALUE_INVALID');
    expect(reject(KEY, '[1]').code).toBe('VALUE_INVALID');
  });

  it('refuses a value whose case differs from its key', () => {
    const r = reject(KEY, { ...VALUE, case_id: 'C0000101:20250311T000000Z' });
    expect(r.code).toBe('KEY_VALUE_MISMATCH');
    expect(r.detail).toContain('C0000101:20250311T000000Z');
  });

  it('refuses an oversized value before parsing it', () => {
    expect(reject(KEY, { ...VALUE, notes: 'x'.repeat(MAX_VALUE_BYTES) }).code).toBe('OVERSIZED');
  });
});
