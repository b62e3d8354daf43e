import { describe, expect, it } from 'vitest';
import { emptyDraft, orderOptions, validateNewCase } from './newCase';

describe('new case form', () => {
  const none = new Set<string>();
  it('asks for a 3..200 character subject and a non-empty message of at most 10,000', () => {
    expect(validateNewCase(emptyDraft(), none)).toEqual({ subject: 'subjectShort', message: 'messageEmpty' });
    expect(validateNewCase({ ...emptyDraft(), subject: '  ab  ', message: '   ' }, none)).toEqual({ subject: 'subjectShort', message: 'messageEmpty' });
    expect(validateNewCase({ ...emptyDraft(), subject: 'x'.repeat(201), message: 'y'.repeat(10_001) }, none)).toEqual({ subject: 'subjectLong', message: 'messageLong' });
    expect(validateNewCase({ ...emptyDraft(), subject: 'Late delivery', message: 'Where is my parcel?' }, none)).toEqual({});
  });
  it('accepts only an order of this customer', () => {
    const ok = { ...emptyDraft(), subject: 'Refund', message: 'Please refund' };
    expect(validateNewCase({ ...ok, orderId: 'O-9' }, new Set(['O-1']))).toEqual({ orderId: 'orderUnknown' });
    expect(validateNewCase({ ...ok, orderId: 'O-1' }, new Set(['O-1']))).toEqual({});
  });
  it('lists the orders the page holds, newest first, once each, with the latest status and the total', () => {
    const rows: { eventTime: number; eventType: string; payload: Record<string, string> }[] = [
      { eventTime: 5000, eventType: 'shipment.status.changed', payload: { order_id: 'O-2', status: 'DELIVERED' } },
      { eventTime: 4000, eventType: 'order.status.changed', payload: { order_id: 'O-2', status: 'SHIPPED', total_vnd: '200000' } },
      { eventTime: 3000, eventType: 'order.created', payload: { order_id: 'O-2', status: 'CREATED', total_vnd: '200000' } },
      { eventTime: 2000, eventType: 'order.created', payload: { order_id: 'O-1', status: 'CREATED', total_vnd: '100000' } },
      { eventTime: 1500, eventType: 'note.added', payload: { body: 'no order here' } },
    ];
    const cases = [{ orderIds: ['O-3', 'O-1'], lastEventTime: new Date(2500).toISOString() }];
    expect(orderOptions(cases, rows)).toEqual([
      { orderId: 'O-2', lastSeen: 5000, totalVnd: '200000', status: 'SHIPPED' },
      { orderId: 'O-1', lastSeen: 2500, totalVnd: '100000', status: 'CREATED' },
      { orderId: 'O-3', lastSeen: 2500, totalVnd: null, status: null },
    ]);
  });
});
