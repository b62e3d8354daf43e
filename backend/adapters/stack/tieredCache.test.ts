import { describe, expect, it, vi } from 'vitest';
import { LruCache } from '../local/lruCache';
import { TieredCache } from './tieredCache';

describe('TieredCache (near memory in front of the shared cache)', () => {
  it('serves its own pages from memory until their tag is invalidated, on both tiers', async () => {
    const near = new LruCache();
    const far = new LruCache();
    const cache = new TieredCache(near, far, 2000);
    await cache.set('page', Buffer.from('v1'), { ttlMs: 60_000, tags: ['customer:C0000001'] });
    const farGet = vi.spyOn(far, 'get');
    expect((await cache.get('page'))?.toString()).toBe('v1');
    expect(farGet).not.toHaveBeenCalled();
    await cache.invalidateTag('customer:C0000001');
    expect(await cache.get('page')).toBeUndefined();
    expect(await far.get('page')).toBeUndefined();
  });

  it('keeps a page another instance stored (tags unknown here) for the near TTL only', async () => {
    const far = new LruCache();
    const cache = new TieredCache(new LruCache(), far, 50);
    await far.set('page', Buffer.from('v1'), { ttlMs: 60_000, tags: ['customer:C0000001'] });
    expect((await cache.get('page'))?.toString()).toBe('v1');
    // Another instance invalidated and rewrote it; this one did not get the event.
    await far.invalidateTag('customer:C0000001');
    await far.set('page', Buffer.from('v2'), { ttlMs: 60_000, tags: ['customer:C0000001'] });
    expect((await cache.get('page'))?.toString()).toBe('v1');
    await new Promise((r) => setTimeout(r, 80));
    expect((await cache.get('page'))?.toString()).toBe('v2');
  });
});
