import { describe, expect, it } from 'vitest';
import type { TimelineRow } from '../../../common/model';
import { openServingDb } from './servingDb';
import { SqliteHistoryStore } from './sqliteHistoryStore';

const row = (t: number, customer = 'C0000001'): TimelineRow => ({ customer_id: customer, event_type: 'order.status.changed', event_time: t, payload: { order_id: 'O1', status: `S${t}` } });

describe('SqliteHistoryStore as the serving copy of recent rows (keepPerCustomer)', () => {
  it('keeps only the newest rows of each written customer, others untouched', async () => {
    const db = openServingDb(':memory:');
    try {
      const store = new SqliteHistoryStore(db, { keepPerCustomer: 3 });
      for (const t of [1, 2, 3, 4, 5]) await store.appendTimeline([row(t)]);
      await store.appendTimeline([row(1, 'C0000002'), row(2, 'C0000002')]);
      expect((await store.timelinePage({ customerId: 'C0000001', limit: 10 })).map((r) => r.event_time)).toEqual([5, 4, 3]);
      expect((await store.timelinePage({ customerId: 'C0000002', limit: 10 })).map((r) => r.event_time)).toEqual([2, 1]);
      // A late, older row is written and then trimmed away at once; a redelivered one changes nothing.
      await store.appendTimeline([row(0), row(5)]);
      expect((await store.timelinePage({ customerId: 'C0000001', limit: 10 })).map((r) => r.event_time)).toEqual([5, 4, 3]);
    } finally {
      db.close();
    }
  });
});
