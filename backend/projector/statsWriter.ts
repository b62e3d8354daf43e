import type { CustomerStats } from '../../common/model';
import { planUpsert } from './caseWriter';
import type { ApplyOutcome, Projection } from './projection';
import { parseStatsChange, type StatsChange } from './statsChange';

/** What the projector needs of cs.customer_stats. CassandraCaseStore implements it; the unit tests use an in-memory one. */
export interface StatsRows {
  /** The stored last_event_time of a customer's stats, or null when absent. */
  statsPosition(customerId: string): Promise<number | null>;
  /** Writes whole rows (every column). Idempotent. */
  upsertStats(stats: CustomerStats[]): Promise<void>;
  /** Idempotent. */
  deleteStats(customerId: string): Promise<void>;
}

export type StatsOutcome = Extract<ApplyOutcome, 'inserted' | 'overwritten' | 'updated' | 'stale' | 'deleted'>;

/**
 * Applies one change. The versions of a customer arrive in order in one partition, so the newest
 * write wins; the case rule (planUpsert) is kept so a Flink replay does not move the figures back
 * for a moment. An equal time must overwrite: a late event (older than the newest) changes the sums
 * without moving last_event_time. A tombstone deletes without a read (nothing to compare it with).
 */
export async function applyStatsChange(rows: StatsRows, change: StatsChange): Promise<StatsOutcome> {
  if (change.kind === 'delete') {
    await rows.deleteStats(change.customer_id);
    return 'deleted';
  }
  const { stats } = change;
  const plan = planUpsert(await rows.statsPosition(stats.customer_id), stats.last_event_time);
  if (plan === 'stale') return 'stale';
  await rows.upsertStats([stats]);
  return plan === 'insert' ? 'inserted' : plan === 'overwrite' ? 'overwritten' : 'updated';
}

/** cs_customer_stats → cs.customer_stats, for the consumer loop. */
export function statsProjection(rows: StatsRows): Projection {
  return {
    table: 'customer_stats',
    plan(key, value) {
      const parsed = parseStatsChange(key, value);
      if (!parsed.ok) return parsed;
      const { change } = parsed;
      const customer_id = change.kind === 'upsert' ? change.stats.customer_id : change.customer_id;
      return { ok: true, key: customer_id, customer_id, apply: () => applyStatsChange(rows, change) };
    },
  };
}
