import { LRUCache } from 'lru-cache';
import type { Cache } from '../../ports/cache';

/** The embedded Cache adapter: an LRU bounded by bytes (UTF-8 values), with tag → keys sets for invalidation (SP-01). */
export class LruCache implements Cache {
  private readonly lru: LRUCache<string, Buffer>;
  private readonly tags = new Map<string, Set<string>>();

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.lru = new LRUCache<string, Buffer>({
      maxSize: maxBytes,
      sizeCalculation: (v, k) => v.byteLength + k.length * 2,
      ttlAutopurge: false,
    });
  }

  async get(key: string): Promise<Buffer | undefined> {
    return this.lru.get(key);
  }

  async set(key: string, value: Buffer, { ttlMs, tags }: { ttlMs: number; tags: string[] }): Promise<void> {
    if (ttlMs <= 0) return;
    this.lru.set(key, value, { ttl: ttlMs });
    for (const tag of tags) {
      let keys = this.tags.get(tag);
      if (!keys) this.tags.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  async invalidateTag(tag: string): Promise<void> {
    const keys = this.tags.get(tag);
    if (!keys) return;
    for (const key of keys) this.lru.delete(key);
    this.tags.delete(tag);
  }

  async close(): Promise<void> {
    this.lru.clear();
    this.tags.clear();
  }
}
