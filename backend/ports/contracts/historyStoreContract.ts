import { describe, expect, it } from 'vitest';
import type { TimelineRow } from '../../../common/model';
import type { HistoryStore } from '../historyStore';

const row = (t: number, type: TimelineRow['event_type'], customer = 'C0000001'): TimelineRow => ({ customer_id: customer, event_type: type, event_time: t, payload: { event_id: `${customer}-${t}-${type}` } });

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

    it('keeps payloads intact', withStore(async (s) => {
      const [r] = await s.timelinePage({ customerId: 'C0000002', limit: 1 });
      expect(r?.payload).toEqual({ event_id: 'C0000002-2500-order.created' });
    }));
  });
}
