import type { Rejected } from './upsertRecord';

/**
 * What applying one record did (the `outcome` label of cs360_projector_applied_total): inserted,
 * overwritten (same version time), moved (a case at a new clustering position), updated (stats at a
 * newer time), stale (an older version, skipped), deleted, absent (a tombstone of an unknown row).
 */
export type ApplyOutcome = 'inserted' | 'overwritten' | 'moved' | 'updated' | 'stale' | 'deleted' | 'absent';

/** A valid record, ready to be written: writes of one `key` are applied in offset order. */
export interface PlannedWrite {
  ok: true;
  key: string;
  customer_id: string;
  /** Idempotent: a retry after a failure (or a redelivery) is harmless. */
  apply(): Promise<ApplyOutcome>;
}

/**
 * One upsert-kafka topic's projection into Cassandra, as the consumer loop sees it: a record in, a
 * write (or a refusal for cs.deadletter) out. caseProjection (cs_case_changes → customer_case) and
 * statsProjection (cs_customer_stats → customer_stats) share the loop through it.
 */
export interface Projection {
  /** The Cassandra table written, for logs. */
  readonly table: string;
  plan(key: string | undefined, value: string | undefined): PlannedWrite | Rejected;
}
