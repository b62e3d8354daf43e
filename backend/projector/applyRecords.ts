import { AppError } from '../../common/errors';
import type { Logger } from '../logger';
import type { TopicMessages } from '../ports/eventBus';
import type { Projection } from './projection';
import type { ProjectorMetrics } from './projectorMetrics';

/** One Kafka record as the consumer hands it over (key and value as UTF-8 text; value undefined = tombstone). */
export interface RawRecord {
  topic: string;
  partition: number;
  offset: bigint;
  key: string | undefined;
  value: string | undefined;
}

export type DeadLetter = TopicMessages['cs.deadletter'];

export interface ApplyDeps {
  /** What a record of this topic becomes (caseProjection, statsProjection). */
  projection: Projection;
  /** Publishes to cs.deadletter; a failure is retried like a Cassandra failure (the offset waits). */
  deadletter(entry: DeadLetter): Promise<void>;
  log: Logger;
  metrics: ProjectorMetrics;
  /** Backoff between attempts of a failed batch: base · 2^attempt, capped. */
  retry?: { baseMs: number; maxMs: number };
  /** Keys applied concurrently within a batch. */
  concurrency?: number;
}

const DEFAULT_RETRY = { baseMs: 250, maxMs: 15_000 };

/** What the dead-letter record keeps: the whole record when small, a prefix when not. */
function deadLetterRecord(r: RawRecord): unknown {
  const cut = (s: string | undefined) => (s === undefined || s.length <= 2048 ? s ?? null : { truncated: true, chars: s.length, prefix: s.slice(0, 1024) });
  return { partition: r.partition, offset: r.offset.toString(), key: cut(r.key), value: cut(r.value) };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

const aborted = (metrics: ProjectorMetrics) => {
  metrics.setRetrying(false);
  return false;
};

/**
 * Applies one partition's batch, in offset order per key (different keys concurrently); malformed
 * records go to cs.deadletter with their reason. A failed step (Cassandra or Kafka unavailable) is
 * retried with capped backoff from where its key stopped — every step is idempotent, so a repeat is
 * harmless. Resolves true once every record is applied (the caller then commits the batch's last
 * offset), false when `signal` aborted first (nothing may be committed).
 */
export async function applyRecords(records: RawRecord[], deps: ApplyDeps, signal: AbortSignal): Promise<boolean> {
  const { log, metrics } = deps;
  const retry = deps.retry ?? DEFAULT_RETRY;
  const groups = new Map<string, (() => Promise<void>)[]>();
  const add = (key: string, step: () => Promise<void>) => {
    const g = groups.get(key);
    if (g) g.push(step);
    else groups.set(key, [step]);
  };
  for (const r of records) {
    const planned = deps.projection.plan(r.key, r.value);
    const where = { topic: r.topic, partition: r.partition, offset: r.offset.toString() };
    if (!planned.ok) {
      const reason = `${planned.code}: ${planned.detail}`;
      log.warn({ ...where, reason, reason_code: planned.code }, 'record dead-lettered');
      add('\0deadletter', async () => {
        await deps.deadletter({ topic: r.topic, reason, record: deadLetterRecord(r), at: Date.now() });
        metrics.deadLettered(planned.code);
      });
      continue;
    }
    add(planned.key, async () => {
      const outcome = await planned.apply();
      metrics.applied(outcome);
      if (outcome === 'stale') log.debug({ ...where, customer_id: planned.customer_id, table: deps.projection.table }, 'older version skipped');
    });
  }

  let pending = [...groups.values()].map((steps) => ({ steps, next: 0 }));
  const workers = Math.max(1, Math.min(deps.concurrency ?? 32, pending.length));
  for (let attempt = 0; ; attempt++) {
    const failures: unknown[] = [];
    const queue = [...pending];
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (let g = queue.shift(); g; g = queue.shift()) {
          while (g.next < g.steps.length && !signal.aborted) {
            try {
              await (g.steps[g.next] as () => Promise<void>)();
              g.next++;
            } catch (err) {
              failures.push(err);
              break;
            }
          }
        }
      }),
    );
    pending = pending.filter((g) => g.next < g.steps.length);
    if (pending.length === 0) {
      if (attempt > 0) {
        metrics.setRetrying(false);
        log.info({ attempts: attempt + 1, table: deps.projection.table }, 'projector: writes succeed again');
      }
      return true;
    }
    if (signal.aborted) return aborted(metrics);
    metrics.writeFailed();
    metrics.setRetrying(true);
    const delayMs = Math.min(retry.baseMs * 2 ** Math.min(attempt, 20), retry.maxMs);
    const err = failures[0];
    const transient = err instanceof AppError && err.code === 'UNAVAILABLE';
    log[transient ? 'warn' : 'error']({ err, table: deps.projection.table, failedKeys: failures.length, attempt: attempt + 1, retryInMs: delayMs }, 'projector: write failed; retrying without committing');
    await sleep(delayMs, signal);
    if (signal.aborted) return aborted(metrics);
  }
}
