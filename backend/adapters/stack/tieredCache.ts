import type { Cache } from '../../ports/cache';

/**
 * A near cache (this process's memory) in front of the shared one (Redis). A page this process
 * stored is served from memory until its tag is invalidated or the near TTL passes; a page found in
 * Redis (stored by another instance, whose tags we do not learn) is kept near for the near TTL only.
 * So a page is never staler than the near TTL on any instance, even one that did not receive the
 * invalidating event (Kafka hands each event to one member of the consumer group), and a busy
 * instance stops paying a Redis round trip and a 60 kB transfer per timeline request.
 */
export class TieredCache implements Cache {
  constructor(
    private readonly near: Cache,
    private readonly far: Cache,
    private readonly nearTtlMs: number,
  ) {}

  async get(key: string): Promise<Buffer | undefined> {
    const hit = await this.near.get(key);
    if (hit !== undefined) return hit;
    const value = await this.far.get(key);
    if (value !== undefined) await this.near.set(key, value, { ttlMs: this.nearTtlMs, tags: [] });
    return value;
  }

  async set(key: string, value: Buffer, options: { ttlMs: number; tags: string[] }): Promise<void> {
    await this.far.set(key, value, options);
    await this.near.set(key, value, { ttlMs: Math.min(options.ttlMs, this.nearTtlMs), tags: options.tags });
  }

  async invalidateTag(tag: string): Promise<void> {
    await Promise.all([this.near.invalidateTag(tag), this.far.invalidateTag(tag)]);
  }

  async close(): Promise<void> {
    await Promise.all([this.near.close(), this.far.close()]);
  }
}
