import { describe, expect, it } from 'vitest';
import { LruCache } from '../adapters/embedded/lruCache';
import type { Principal } from '../auth/principal';
import type { HistoryStore } from '../ports/historyStore';
import { TimelineService } from './timelineService';

const agent: Principal = { id: 'a', name: 'A', role: 'AGENT' };
const row = (t: number) => ({ customer_id: 'C0000001', event_type: 'order.created' as const, event_time: t, payload: {} });

function fakeHistory(rows: ReturnType<typeof row>[], fail = false): HistoryStore & { calls: number } {
  const h = {
    calls: 0,
    async timelinePage(q: { limit: number }) {
      h.calls += 1;
      if (fail) throw new Error('engine on fire');
      return rows.slice(0, q.limit);
    },
    async timelineBetween() {
      return [];
    },
  };
  return h;
}

describe('TimelineService', () => {
  it('returns a cursor only when more rows exist', async () => {
    const svc = new TimelineService(fakeHistory([row(3), row(2), row(1)]), new LruCache(), { ttlMs: 0, maxPageSize: 500 });
    expect((await svc.page(agent, { customerId: 'C0000001', first: 2 })).nextCursor).not.toBeNull();
    expect((await svc.page(agent, { customerId: 'C0000001', first: 3 })).nextCursor).toBeNull();
  });

  it('serves a repeated page from the cache until the customer tag is invalidated', async () => {
    const history = fakeHistory([row(1)]);
    const cache = new LruCache();
    const svc = new TimelineService(history, cache, { ttlMs: 60_000, maxPageSize: 500 });
    await svc.page(agent, { customerId: 'C0000001' });
    await svc.page(agent, { customerId: 'C0000001' });
    expect(history.calls).toBe(1);
    await cache.invalidateTag('customer:C0000001');
    await svc.page(agent, { customerId: 'C0000001' });
    expect(history.calls).toBe(2);
  });

  it('counts a failing store and answers UNAVAILABLE without the engine message', async () => {
    let errors = 0;
    const svc = new TimelineService(fakeHistory([], true), new LruCache(), { ttlMs: 0, maxPageSize: 500 }, { timelineRefreshError: () => void errors++ });
    const err = (await svc.page(agent, { customerId: 'C0000001' }).catch((e: unknown) => e)) as { code: string; message: string; details?: unknown };
    expect(err.code).toBe('UNAVAILABLE');
    expect(JSON.stringify({ message: err.message, details: err.details })).not.toContain('fire');
    expect(errors).toBe(1);
  });
});
