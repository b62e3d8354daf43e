import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import type { Cache } from '../ports/cache';
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

/** Services may not import adapters (lint), so the test brings its own minimal Cache; the real ones pass cacheContract. */
class MapCache implements Cache {
  private readonly values = new Map<string, { value: Buffer; tags: string[] }>();
  async get(key: string) {
    return this.values.get(key)?.value;
  }
  async set(key: string, value: Buffer, { ttlMs, tags }: { ttlMs: number; tags: string[] }) {
    if (ttlMs > 0) this.values.set(key, { value, tags });
  }
  async invalidateTag(tag: string) {
    for (const [k, v] of this.values) if (v.tags.includes(tag)) this.values.delete(k);
  }
  async close() {}
}

describe('TimelineService', () => {
  it('returns a cursor only when more rows exist', async () => {
    const svc = new TimelineService(fakeHistory([row(3), row(2), row(1)]), new MapCache(), { ttlMs: 0, maxPageSize: 500 });
    expect((await svc.page(agent, { customerId: 'C0000001', first: 2 })).nextCursor).not.toBeNull();
    expect((await svc.page(agent, { customerId: 'C0000001', first: 3 })).nextCursor).toBeNull();
  });

  it('serves a repeated page from the cache until the customer tag is invalidated', async () => {
    const history = fakeHistory([row(1)]);
    const cache = new MapCache();
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
    const svc = new TimelineService(fakeHistory([], true), new MapCache(), { ttlMs: 0, maxPageSize: 500 }, { timelineRefreshError: () => void errors++ });
    const err = (await svc.page(agent, { customerId: 'C0000001' }).catch((e: unknown) => e)) as { code: string; message: string; details?: unknown };
    expect(err.code).toBe('UNAVAILABLE');
    expect(JSON.stringify({ message: err.message, details: err.details })).not.toContain('fire');
    expect(errors).toBe(1);
  });
});
