/** Cache port: the timeline cache (60 s, seed 002), invalidated by tag when a customer's event arrives (SP-01). Embedded: LRU; stack: Redis. */
export interface Cache {
  /** Values are bytes (UTF-8 JSON for timeline pages), sent to clients as they are. */
  get(key: string): Promise<Buffer | undefined>;
  set(key: string, value: Buffer, options: { ttlMs: number; tags: string[] }): Promise<void>;
  invalidateTag(tag: string): Promise<void>;
  close(): Promise<void>;
}
