import { Counter, Gauge, Registry } from 'prom-client';
import type { ApplyOutcome } from './caseWriter';
import type { RejectCode } from './caseChange';

/** The case projector's figures, registered in the given registry (the app's, or the projector process's own). */
export function createProjectorMetrics(registry: Registry = new Registry()) {
  const registers = [registry];
  // A projector restarted in the same process (the app's registry) finds its metrics registered already.
  const existing = <T>(name: string, make: () => T): T => (registry.getSingleMetric(name) as T | undefined) ?? make();
  const applied = existing('cs360_projector_applied_total', () => new Counter({
    name: 'cs360_projector_applied_total',
    help: 'cs_case_changes records applied to cs.customer_case, by outcome (inserted, moved, overwritten, stale = older version skipped, deleted, absent = tombstone of an unknown case)',
    labelNames: ['outcome'],
    registers,
  }));
  const deadletter = existing('cs360_projector_deadletter_total', () => new Counter({ name: 'cs360_projector_deadletter_total', help: 'Malformed cs_case_changes records sent to cs.deadletter, by reason code', labelNames: ['reason'], registers }));
  const writeErrors = existing('cs360_projector_write_errors_total', () => new Counter({ name: 'cs360_projector_write_errors_total', help: 'Failed attempts to apply a batch (Cassandra or the dead-letter topic unavailable); retried with backoff', registers }));
  const retrying = existing('cs360_projector_retrying', () => new Gauge({ name: 'cs360_projector_retrying', help: '1 while the projector is waiting to retry a failed write (offsets not committed)', registers }));
  const lag = existing('cs360_projector_lag', () => new Gauge({ name: 'cs360_projector_lag', help: 'Records of cs_case_changes not yet applied and committed, per assigned partition', labelNames: ['partition'], registers }));
  return {
    registry,
    applied: (outcome: ApplyOutcome) => applied.inc({ outcome }),
    deadLettered: (reason: RejectCode) => deadletter.inc({ reason }),
    writeFailed: () => writeErrors.inc(),
    setRetrying: (on: boolean) => retrying.set(on ? 1 : 0),
    setLag: (byPartition: Map<number, number>) => {
      lag.reset();
      for (const [partition, n] of byPartition) lag.set({ partition: String(partition) }, n);
    },
  };
}
export type ProjectorMetrics = ReturnType<typeof createProjectorMetrics>;
