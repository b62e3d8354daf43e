import { Counter, Gauge, Registry } from 'prom-client';
import type { ApplyOutcome } from './projection';
import type { RejectCode } from './upsertRecord';

/**
 * The projector's figures for one consumed topic (label `topic`), registered in the given registry
 * (the app's, or the projector process's own). Both topics' loops share the metrics.
 */
export function createProjectorMetrics(topic: string, registry: Registry = new Registry()) {
  const registers = [registry];
  // The second topic's loop, or a projector restarted in the same process (the app's registry), finds them registered already.
  const existing = <T>(name: string, make: () => T): T => (registry.getSingleMetric(name) as T | undefined) ?? make();
  const applied = existing('cs360_projector_applied_total', () => new Counter({
    name: 'cs360_projector_applied_total',
    help: 'Records applied to Cassandra (cs_case_changes → customer_case, cs_customer_stats → customer_stats), by topic and outcome (inserted, moved, updated, overwritten, stale = older version skipped, deleted, absent = tombstone of an unknown case)',
    labelNames: ['topic', 'outcome'],
    registers,
  }));
  const deadletter = existing('cs360_projector_deadletter_total', () => new Counter({ name: 'cs360_projector_deadletter_total', help: 'Malformed records sent to cs.deadletter, by topic and reason code', labelNames: ['topic', 'reason'], registers }));
  const writeErrors = existing('cs360_projector_write_errors_total', () => new Counter({ name: 'cs360_projector_write_errors_total', help: 'Failed attempts to apply a batch (Cassandra or the dead-letter topic unavailable), by topic; retried with backoff', labelNames: ['topic'], registers }));
  const retrying = existing('cs360_projector_retrying', () => new Gauge({ name: 'cs360_projector_retrying', help: '1 while the topic\'s loop is waiting to retry a failed write (offsets not committed)', labelNames: ['topic'], registers }));
  const lag = existing('cs360_projector_lag', () => new Gauge({ name: 'cs360_projector_lag', help: 'Records not yet applied and committed, per topic and assigned partition', labelNames: ['topic', 'partition'], registers }));
  let lagPartitions: number[] = [];
  // The series exists from the start (an alert on it sees 0, not "no data").
  retrying.set({ topic }, 0);
  return {
    registry,
    topic,
    applied: (outcome: ApplyOutcome) => applied.inc({ topic, outcome }),
    deadLettered: (reason: RejectCode) => deadletter.inc({ topic, reason }),
    writeFailed: () => writeErrors.inc({ topic }),
    setRetrying: (on: boolean) => retrying.set({ topic }, on ? 1 : 0),
    setLag: (byPartition: Map<number, number>) => {
      // Only this topic's series: the other topic's loop sets its own.
      for (const p of lagPartitions) if (!byPartition.has(p)) lag.remove({ topic, partition: String(p) });
      lagPartitions = [...byPartition.keys()];
      for (const [partition, n] of byPartition) lag.set({ topic, partition: String(partition) }, n);
    },
  };
}
export type ProjectorMetrics = ReturnType<typeof createProjectorMetrics>;
