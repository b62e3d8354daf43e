import { Redis, type RedisOptions } from 'ioredis';
import type { Cache } from '../../ports/cache';
import { STACK_DEFAULTS } from '../../../common/stackPorts';

export const DEFAULT_REDIS_URL = STACK_DEFAULTS.redisUrl;

/**
 * Drops every key of a tag, then the tag set, in one atomic step. The keys are read from the set,
 * not declared: fine on a single Redis node (Redis Cluster would need hash tags).
 */
const INVALIDATE = `local keys = redis.call('SMEMBERS', KEYS[1])
for i = 1, #keys, 500 do redis.call('DEL', unpack(keys, i, math.min(i + 499, #keys))) end
redis.call('DEL', KEYS[1])
return #keys`;

/**
 * Cache on Redis: values as bytes with a TTL (SET … PX), tags as Redis sets of keys (SADD), each
 * tag set living as long as its longest member. `namespace` prefixes every key (one Redis, several
 * deployments or test runs).
 */
export class RedisCache implements Cache {
  private readonly redis: Redis;

  constructor(url = DEFAULT_REDIS_URL, private readonly namespace = 'cs360:', options: RedisOptions = {}) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 3000, enableOfflineQueue: true, ...options });
    // Connection errors surface on the commands that need them; the client reconnects by itself.
    this.redis.on('error', () => undefined);
    this.redis.defineCommand('cs360InvalidateTag', { numberOfKeys: 1, lua: INVALIDATE });
  }

  private k(key: string) {
    return `${this.namespace}k:${key}`;
  }
  private t(tag: string) {
    return `${this.namespace}t:${tag}`;
  }

  async get(key: string): Promise<Buffer | undefined> {
    return (await this.redis.getBuffer(this.k(key))) ?? undefined;
  }

  async set(key: string, value: Buffer, options: { ttlMs: number; tags: string[] }): Promise<void> {
    const ttl = Math.floor(options.ttlMs);
    if (ttl <= 0) {
      await this.redis.del(this.k(key));
      return;
    }
    const m = this.redis.multi().set(this.k(key), value, 'PX', ttl);
    for (const tag of options.tags) {
      m.sadd(this.t(tag), this.k(key));
      // Extend the tag set to this member's lifetime (GT: never shorten it; NX covers a fresh set).
      m.pexpire(this.t(tag), ttl, 'NX');
      m.pexpire(this.t(tag), ttl, 'GT');
    }
    const results = await m.exec();
    const failed = results?.find(([err]) => err);
    if (failed?.[0]) throw failed[0];
  }

  async invalidateTag(tag: string): Promise<void> {
    await (this.redis as Redis & { cs360InvalidateTag(key: string): Promise<number> }).cs360InvalidateTag(this.t(tag));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
