import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import type { Cache } from '../ports/cache';
import type { CaseTimelineRow, HistoryFallback, HistoryStore, TimelineQuery } from '../ports/historyStore';
import { TimelineService, ticketTag } from './timelineService';

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
    async caseTimeline() {
      return [];
    },
  };
  return h;
}

const caseRow = (t: number, caseId = 'C0000001:20260101T000000Z'): CaseTimelineRow => ({ ...row(t), payload: { order_id: 'O1' }, case_id: caseId });
const TICKET = '5f0c3a52-9a7e-4a57-9d2f-3f3b1f0c2a11';

/** A deep store (Trino) whose answers the test controls: rows, a failure, or a query that never ends. */
function deepStore(fallback: HistoryFallback) {
  const s = {
    mode: 'up' as 'up' | 'down' | 'hang',
    calls: 0,
    fallback,
    async timelinePage(q: TimelineQuery) {
      s.calls += 1;
      if (s.mode === 'down') throw new Error('ECONNREFUSED 127.0.0.1:58080');
      if (s.mode === 'hang') return new Promise<never>(() => {});
      return [row(3), row(2), row(1)].slice(0, q.limit);
    },
    async timelineBetween() {
      return [];
    },
    async caseTimeline(q: { limit: number }) {
      s.calls += 1;
      if (s.mode === 'down') throw new Error('ECONNREFUSED 127.0.0.1:58080');
      if (s.mode === 'hang') return new Promise<never>(() => {});
      return [caseRow(3), caseRow(2), caseRow(1)].slice(0, q.limit);
    },
  };
  return s;
}
/** The serving store's recent rows: fewer than the deep store's. */
const serving: HistoryStore = {
  timelinePage: async () => [row(3)],
  timelineBetween: async () => [],
  caseTimeline: async () => [caseRow(3)],
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Services may not import adapters (lint), so the test brings its own minimal Cache; the real ones pass cacheContract. */
class MapCache implements Cache {
  private readonly values = new Map<string, { value: Buffer; tags: string[]; expires: number }>();
  async get(key: string) {
    const v = this.values.get(key);
    return v && v.expires > Date.now() ? v.value : undefined;
  }
  async set(key: string, value: Buffer, { ttlMs, tags }: { ttlMs: number; tags: string[] }) {
    if (ttlMs > 0) this.values.set(key, { value, tags, expires: Date.now() + ttlMs });
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

  describe('with a fallback (stack mode: Trino backed by the serving store)', () => {
    const setup = (over: Partial<HistoryFallback> = {}) => {
      const reasons: string[] = [];
      let errors = 0;
      const fallback: HistoryFallback = { store: serving, timeoutMs: 100, partialTtlMs: 0, retryAfterMs: 60_000, onFallback: (r) => void reasons.push(r), ...over };
      const deep = deepStore(fallback);
      const cache = new MapCache();
      const svc = new TimelineService(deep, cache, { ttlMs: 60_000, maxPageSize: 500 }, { timelineRefreshError: () => void errors++ });
      return { deep, cache, svc, reasons, errors: () => errors };
    };

    it('answers from the serving store, partial, within the timeout when the store hangs', async () => {
      const { deep, svc, reasons, errors } = setup();
      deep.mode = 'hang';
      const t0 = performance.now();
      const page = await svc.page(agent, { customerId: 'C0000001' });
      const took = performance.now() - t0;
      expect(page).toMatchObject({ partial: true, nextCursor: null });
      expect(page.events.map((e) => e.event_time)).toEqual([3]);
      expect(took).toBeGreaterThanOrEqual(95);
      expect(took).toBeLessThan(600);
      expect(reasons).toEqual(['timeout']);
      expect(errors()).toBe(1);
    });

    it('answers the case timeline the same way when the store is down', async () => {
      const { deep, svc, reasons } = setup();
      deep.mode = 'down';
      const page = await svc.casePage(agent, { ticketId: TICKET, customerId: 'C0000001' });
      expect(page.partial).toBe(true);
      expect(page.events).toEqual([caseRow(3)]);
      expect(reasons).toEqual(['error']);
    });

    it('skips a failed store until retryAfterMs, then asks it again: the partial state ends by itself', async () => {
      const { deep, svc, reasons, errors } = setup({ retryAfterMs: 150 });
      deep.mode = 'down';
      expect((await svc.page(agent, { customerId: 'C0000001' })).partial).toBe(true);
      deep.mode = 'up';
      // Within retryAfterMs: not asked (no connection attempt per request while it is down), still partial.
      expect((await svc.page(agent, { customerId: 'C0000001', first: 2 })).partial).toBe(true);
      expect(deep.calls).toBe(1);
      expect(reasons).toEqual(['error', 'skipped']);
      await sleep(200);
      const back = await svc.page(agent, { customerId: 'C0000001' });
      expect(back.partial).toBe(false);
      expect(back.events).toHaveLength(3);
      expect(errors()).toBe(1);
    });

    it('caches a partial page only for partialTtlMs, a full page for the timeline TTL', async () => {
      const { deep, svc } = setup({ partialTtlMs: 100, retryAfterMs: 0 });
      deep.mode = 'down';
      await svc.page(agent, { customerId: 'C0000001' });
      deep.mode = 'up';
      expect((await svc.page(agent, { customerId: 'C0000001' })).partial).toBe(true); // the cached partial page
      await sleep(150);
      expect((await svc.page(agent, { customerId: 'C0000001' })).partial).toBe(false);
      const calls = deep.calls;
      await svc.page(agent, { customerId: 'C0000001' });
      expect(deep.calls).toBe(calls); // cached for 60 s
    });

    it('does not cache a partial page at all with partialTtlMs 0', async () => {
      const { deep, svc } = setup({ retryAfterMs: 0 });
      deep.mode = 'down';
      await svc.casePage(agent, { ticketId: TICKET, customerId: 'C0000001' });
      deep.mode = 'up';
      expect((await svc.casePage(agent, { ticketId: TICKET, customerId: 'C0000001' })).partial).toBe(false);
    });

    it('refuses bad input without asking either store', async () => {
      const { deep, svc, reasons } = setup();
      await expect(svc.casePage(agent, { ticketId: 'nope', customerId: 'C0000001' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(svc.casePage(agent, { ticketId: TICKET, customerId: 'C0000001', after: '!!' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(deep.calls).toBe(0);
      expect(reasons).toEqual([]);
    });

    it('answers UNAVAILABLE when the serving store fails too', async () => {
      const fallback: HistoryFallback = { store: { ...serving, timelinePage: () => Promise.reject(new Error('disk')) }, timeoutMs: 50, partialTtlMs: 0, retryAfterMs: 0 };
      const deep = deepStore(fallback);
      deep.mode = 'down';
      const svc = new TimelineService(deep, new MapCache(), { ttlMs: 0, maxPageSize: 500 });
      await expect(svc.page(agent, { customerId: 'C0000001' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    });
  });

  describe('case timeline (GET /support/cases/{id}?includeTimeline=true)', () => {
    it('pages vw_support_case_timeline rows with a cursor, cached until the ticket or the customer tag is invalidated', async () => {
      const deep = deepStore({ store: serving, timeoutMs: 1000, partialTtlMs: 0, retryAfterMs: 0 });
      const cache = new MapCache();
      const svc = new TimelineService(deep, cache, { ttlMs: 60_000, maxPageSize: 500 });
      const first = await svc.casePage(agent, { ticketId: TICKET, customerId: 'C0000001', first: 2 });
      expect(first).toMatchObject({ partial: false, events: [caseRow(3), caseRow(2)] });
      expect(first.nextCursor).not.toBeNull();
      await svc.casePage(agent, { ticketId: TICKET, customerId: 'C0000001', first: 2 });
      expect(deep.calls).toBe(1);
      await cache.invalidateTag(ticketTag(TICKET));
      await svc.casePage(agent, { ticketId: TICKET, customerId: 'C0000001', first: 2 });
      expect(deep.calls).toBe(2);
      await cache.invalidateTag('customer:C0000001');
      await svc.casePage(agent, { ticketId: TICKET, customerId: 'C0000001', first: 2 });
      expect(deep.calls).toBe(3);
    });
  });
});
