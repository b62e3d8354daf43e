import { caseStartMs } from '../../common/ids';
import type { Logger } from '../logger';
import type { CustomerCasePipeline, CustomerPipelineState, PipelineOutput } from './index';
import type { CaseStore } from '../ports/caseStore';
import type { EventBus } from '../ports/eventBus';
import type { HistoryStore } from '../ports/historyStore';

export interface PipelineSinks {
  cases: CaseStore;
  history: HistoryStore;
}

/** Writes one pipeline output to the serving stores (the Flink job's sinks, embedded). */
export async function writeOutput(out: PipelineOutput, sinks: PipelineSinks): Promise<void> {
  if (out.timeline.length) await sinks.history.appendTimeline?.(out.timeline);
  if (out.cases.length) await sinks.cases.upsertCases(out.cases);
  if (out.stats.length) await sinks.cases.upsertStats(out.stats);
}

/** Restores a customer's latest case and stats after a restart, so live events extend the right case. */
export function storeStateLoader(cases: CaseStore): (customerId: string) => Promise<CustomerPipelineState> {
  return async (customerId) => {
    const [latest] = await cases.listCases(customerId, 1);
    const stats = await cases.getStats(customerId);
    return { openCase: latest ? { row: latest, sessionStartMs: caseStartMs(latest.case_id) } : null, stats };
  };
}

/**
 * The embedded pipeline as a bus consumer: cs.events in; cs_timeline rows, customer_case rows and
 * cs_notifications out. Events are processed one at a time in arrival order (the bus awaits us).
 */
export function runLivePipeline(deps: { bus: EventBus; pipeline: CustomerCasePipeline; sinks: PipelineSinks; log: Logger; onProcessed?: (outcome: 'ok' | 'dead_letter') => void }) {
  return deps.bus.subscribe('cs.events', async (event) => {
    const out = await deps.pipeline.process([event]);
    await writeOutput(out, deps.sinks);
    for (const dl of out.deadLetters) {
      deps.log.warn({ reason: dl.reason }, 'event dead-lettered');
      await deps.bus.publish('cs.deadletter', { topic: 'cs.events', reason: dl.reason, record: dl.record, at: Date.now() });
      deps.onProcessed?.('dead_letter');
    }
    for (const row of out.timeline) {
      await deps.bus.publish('cs_timeline', row, row.customer_id);
      deps.onProcessed?.('ok');
    }
    for (const n of out.notifications) await deps.bus.publish('cs_notifications', n, n.customer_id);
  });
}
