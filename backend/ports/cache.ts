/** Cache port: the timeline cache (60 s, seed 002), invalidated by tag when a customer's event arrives (SP-01). Embedded: LRU; stack: Redis. */
export interface Cache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options: { ttlMs: number; tags: string[] }): Promise<void>;
  invalidateTag(tag: string): Promise<void>;
  close(): Promise<void>;
}
