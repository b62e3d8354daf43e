import { describe, expect, it } from 'vitest';
import { formatCaseId } from '../../../common/ids';
import type { TimelineRow } from '../../../common/model';
import type { HistoryStore } from '../historyStore';

const row = (t: number, type: TimelineRow['event_type'], customer = 'C0000001'): TimelineRow => ({ customer_id: customer, event_type: type, event_time: t, payload: { event_id: `${customer}-${t}-${type}` } });

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
const CASE_1 = formatCaseId('C0000004', T0);
const CASE_2 = formatCaseId('C0000004', T0 + 62 * MIN);
const caseRow = (t: number, type: TimelineRow['event_type'], payload: Record<string, string>): TimelineRow => ({ customer_id: 'C0000004', event_type: type, event_time: t, payload });
/** Two cases of one customer: a ticket row keeps the first case open (29 minutes later still the same case); 31 minutes of silence start the second. */
const CASE_ROWS = [
  caseRow(T0, 'order.created', { order_id: 'O1', status: 'CREATED', total_vnd: '250000', event_id: 'e1' }),
  caseRow(T0 + MIN, 'payment.authorized', { payment_id: 'P1', order_id: 'O1', status: 'AUTHORIZED', amount_vnd: '250000', method: 'COD', event_id: 'e2' }),
  caseRow(T0 + 2 * MIN, 'ticket.opened', { ticket_id: 't1', status: 'OPEN', subject: 'Where is my order', event_id: 'e3' }),
  caseRow(T0 + 31 * MIN, 'shipment.status.changed', { shipment_id: 'S1', order_id: 'O1', carrier: 'GHN', status: 'DELIVERED', event_id: 'e4' }),
  caseRow(T0 + 62 * MIN, 'order.status.changed', { order_id: 'O1', status: 'RETURNED', amount_vnd: 'n/a', event_id: 'e5' }),
];

/** The HistoryStore contract (SQLite embedded; Trino in stack mode, read-only: seed with `load`). */
export function historyStoreContract(name: string, open: () => Promise<{ store: HistoryStore; load(rows: TimelineRow[]): Promise<void>; close(): Promise<void> }>) {
  describe(`HistoryStore contract: ${name}`, () => {
    const rows = [
      row(1000, 'order.created'),
      row(2000, 'payment.authorized'),
      row(2000, 'order.status.changed'),
      row(3000, 'shipment.status.changed'),
      row(4000, 'ticket.opened'),
      row(5000, 'note.added'),
      row(2500, 'order.created', 'C0000002'),
      ...CASE_ROWS,
    ];
    const withStore = (fn: (s: HistoryStore) => Promise<void>) => async () => {
      const h = await open();
      try {
        await h.load(rows);
        await fn(h.store);
      } finally {
        await h.close();
      }
    };

    it('pages newest first with a keyset cursor, ties broken by event type', withStore(async (s) => {
      const first = await s.timelinePage({ customerId: 'C0000001', limit: 3 });
      expect(first.map((r) => [r.event_time, r.event_type])).toEqual([[5000, 'note.added'], [4000, 'ticket.opened'], [3000, 'shipment.status.changed']]);
      const last = first[2]!;
      const second = await s.timelinePage({ customerId: 'C0000001', limit: 3, before: { event_time: last.event_time, event_type: last.event_type } });
      expect(second.map((r) => [r.event_time, r.event_type])).toEqual([[2000, 'payment.authorized'], [2000, 'order.status.changed'], [1000, 'order.created']]);
    }));

    it('filters by kind and by time range', withStore(async (s) => {
      const orders = await s.timelinePage({ customerId: 'C0000001', limit: 10, kinds: ['ORDER'] });
      expect(orders.map((r) => r.event_type)).toEqual(['order.status.changed', 'order.created']);
      const ranged = await s.timelinePage({ customerId: 'C0000001', limit: 10, fromMs: 2000, toMs: 3000 });
      expect(ranged.map((r) => r.event_time)).toEqual([3000, 2000, 2000]);
    }));

    it('returns a case window oldest first, for one customer only', withStore(async (s) => {
      expect((await s.timelineBetween('C0000001', 2000, 4000, 100)).map((r) => r.event_time)).toEqual([2000, 2000, 3000, 4000]);
      expect(await s.timelineBetween('C0000003', 0, 9999, 100)).toEqual([]);
    }));

    it('answers vw_support_case_timeline: order, payment and shipment rows with their case, newest first', withStore(async (s) => {
      const all = await s.caseTimeline({ customerId: 'C0000004', limit: 10 });
      expect(all.map((r) => [r.event_time, r.event_type, r.case_id])).toEqual([
        [T0 + 62 * MIN, 'order.status.changed', CASE_2],
        [T0 + 31 * MIN, 'shipment.status.changed', CASE_1],
        [T0 + MIN, 'payment.authorized', CASE_1],
        [T0, 'order.created', CASE_1],
      ]);
      expect(all.every((r) => r.customer_id === 'C0000004')).toBe(true);
      // The view's columns that are set; method and total_vnd are not columns, a non-integer amount is dropped.
      expect(all[2]!.payload).toEqual({ order_id: 'O1', payment_id: 'P1', status: 'AUTHORIZED', amount_vnd: '250000', event_id: 'e2' });
      expect(all[0]!.payload).toEqual({ order_id: 'O1', status: 'RETURNED', event_id: 'e5' });
      expect(all[1]!.payload).toEqual({ order_id: 'O1', shipment_id: 'S1', status: 'DELIVERED', carrier: 'GHN', event_id: 'e4' });
    }));

    it('pages the case timeline with the keyset cursor and filters one case', withStore(async (s) => {
      const first = await s.caseTimeline({ customerId: 'C0000004', limit: 2 });
      const last = first[1]!;
      const second = await s.caseTimeline({ customerId: 'C0000004', limit: 2, before: { event_time: last.event_time, event_type: last.event_type } });
      expect(second.map((r) => r.event_type)).toEqual(['payment.authorized', 'order.created']);
      const one = await s.caseTimeline({ customerId: 'C0000004', limit: 10, caseId: CASE_1 });
      expect(one.map((r) => r.event_type)).toEqual(['shipment.status.changed', 'payment.authorized', 'order.created']);
      expect(await s.caseTimeline({ customerId: 'C0000004', limit: 10, caseId: 'not a case' })).toEqual([]);
      expect(await s.caseTimeline({ customerId: 'C0000003', limit: 10 })).toEqual([]);
      // A customer whose rows all sit in one case.
      expect(new Set((await s.caseTimeline({ customerId: 'C0000001', limit: 10 })).map((r) => r.case_id))).toEqual(new Set([formatCaseId('C0000001', 1000)]));
    }));

    it('keeps payloads intact', withStore(async (s) => {
      const [r] = await s.timelinePage({ customerId: 'C0000002', limit: 1 });
      expect(r?.payload).toEqual({ event_id: 'C0000002-2500-order.created' });
    }));
  });
}
