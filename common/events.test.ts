import { describe, expect, it } from 'vitest';
import { kindOf, parseEvent } from './events';

const good = {
  id: 'e1',
  type: 'payment.captured',
  customer_id: 'C0000001',
  event_time: '2025-01-01T10:00:00.000Z',
  source: 'payments_cdc',
  payload: { payment_id: 'p1', order_id: 'o1', status: 'CAPTURED', amount_vnd: '150000' },
  schema_version: 1,
};

describe('event envelope', () => {
  it('accepts a well-formed event', () => {
    expect(parseEvent(good)).toMatchObject({ ok: true });
  });
  it('names the bad field of a malformed event instead of throwing', () => {
    const r = parseEvent({ ...good, customer_id: 'bob' });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.reason).toMatch(/customer_id/);
  });
  it('requires the payload keys of its type', () => {
    const r = parseEvent({ ...good, payload: { payment_id: 'p1' } });
    expect(!r.ok && r.reason).toMatch(/order_id, status, amount_vnd/);
  });
  it('rejects non-objects', () => {
    expect(parseEvent('{"id":1}')).toMatchObject({ ok: false });
    expect(parseEvent(null)).toMatchObject({ ok: false });
  });
  it('maps event types to timeline kinds', () => {
    expect(kindOf('shipment.status.changed')).toBe('SHIPMENT');
    expect(kindOf('fraud.alert')).toBe('FRAUD');
    expect(kindOf('note.added')).toBe('NOTE');
  });
});
