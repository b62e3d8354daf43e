import { describe, expect, it } from 'vitest';
import type { Cache } from '../cache';

/** The Cache contract (LRU embedded; Redis in stack mode). */
export function cacheContract(name: string, open: () => Promise<Cache>) {
  describe(`Cache contract: ${name}`, () => {
    it('returns what was set until its tag is invalidated', async () => {
      const c = await open();
      await c.set('tl:C1:a', Buffer.from('A'), { ttlMs: 60_000, tags: ['customer:C1'] });
      await c.set('tl:C1:b', Buffer.from('B'), { ttlMs: 60_000, tags: ['customer:C1'] });
      await c.set('tl:C2:a', Buffer.from('C'), { ttlMs: 60_000, tags: ['customer:C2'] });
      expect((await c.get('tl:C1:a'))?.toString()).toBe('A');
      await c.invalidateTag('customer:C1');
      expect(await c.get('tl:C1:a')).toBeUndefined();
      expect(await c.get('tl:C1:b')).toBeUndefined();
      expect((await c.get('tl:C2:a'))?.toString()).toBe('C');
      await c.close();
    });

    it('expires entries after their TTL and stores nothing with TTL 0', async () => {
      const c = await open();
      await c.set('k', Buffer.from('v'), { ttlMs: 30, tags: [] });
      await c.set('zero', Buffer.from('v'), { ttlMs: 0, tags: [] });
      expect(await c.get('zero')).toBeUndefined();
      await new Promise((r) => setTimeout(r, 60));
      expect(await c.get('k')).toBeUndefined();
      await c.close();
    });
  });
}
