import type { CustomerCaseRow } from '../../common/model';
import { changeKey, parseCaseChange, type CaseChange } from './caseChange';
import type { ApplyOutcome, Projection } from './projection';

/**
 * What the projector needs of the case table. CassandraCaseStore implements it (the case move lives
 * there, shared with upsertCases); the unit tests use an in-memory one.
 */
export interface CaseRows {
  /** The stored last_event_time of a case (its clustering position), or null when absent. */
  casePosition(customerId: string, caseId: string): Promise<number | null>;
  /** Writes the row, removing the one at `previous` when it differs (a move). Idempotent. */
  writeCase(row: CustomerCaseRow, previous: number | null): Promise<void>;
  /** Deletes the case stored at `at`. Idempotent. */
  deleteCase(customerId: string, caseId: string, at: number): Promise<void>;
}

export type UpsertPlan = 'insert' | 'overwrite' | 'move' | 'stale';
export type CaseOutcome = Extract<ApplyOutcome, 'inserted' | 'overwritten' | 'moved' | 'stale' | 'deleted' | 'absent'>;

/**
 * The version rule. Flink redelivers (at-least-once into Kafka, and a restarted job replays from its
 * checkpoint), so a version older than the stored one must not overwrite it: a case's last_event_time
 * only grows. Equal times overwrite, so the same message twice is harmless and a correction that keeps
 * the time (a status fixed without a new event) still lands.
 */
export function planUpsert(stored: number | null, incoming: number): UpsertPlan {
  if (stored === null) return 'insert';
  if (incoming < stored) return 'stale';
  return incoming === stored ? 'overwrite' : 'move';
}

const OUTCOME: Record<Exclude<UpsertPlan, 'stale'>, CaseOutcome> = { insert: 'inserted', overwrite: 'overwritten', move: 'moved' };

/**
 * Applies one change: read the case's position, then write (or skip, or delete). Read-then-write is
 * safe because one key's changes sit in one partition, applied one at a time by one group member.
 */
export async function applyCaseChange(rows: CaseRows, change: CaseChange): Promise<CaseOutcome> {
  if (change.kind === 'delete') {
    const at = await rows.casePosition(change.customer_id, change.case_id);
    if (at === null) return 'absent';
    await rows.deleteCase(change.customer_id, change.case_id, at);
    return 'deleted';
  }
  const { row } = change;
  const stored = await rows.casePosition(row.customer_id, row.case_id);
  const plan = planUpsert(stored, row.last_event_time);
  if (plan === 'stale') return 'stale';
  await rows.writeCase(row, stored);
  return OUTCOME[plan];
}

/** cs_case_changes → cs.customer_case, for the consumer loop. */
export function caseProjection(rows: CaseRows): Projection {
  return {
    table: 'customer_case',
    plan(key, value) {
      const parsed = parseCaseChange(key, value);
      if (!parsed.ok) return parsed;
      const { change } = parsed;
      return { ok: true, key: changeKey(change), customer_id: change.kind === 'upsert' ? change.row.customer_id : change.customer_id, apply: () => applyCaseChange(rows, change) };
    },
  };
}
