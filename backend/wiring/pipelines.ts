import { runLivePipeline, storeStateLoader } from '../pipeline/runLivePipeline';
import type { Metrics } from '../api/metrics';
import type { AppConfig } from '../config/schema';
import type { Background } from '../lifecycle';
import type { Logger } from '../logger';
import { CustomerCasePipeline } from '../pipeline';
import type { AdapterSet } from './selectAdapters';

/** Customers idle past the session gap are dropped from memory this often; loadState brings them back from the store. */
const EVICT_EVERY_MS = 5 * 60_000;

/**
 * What turns events into cases, timeline and notifications, as background parts: the embedded
 * pipeline on the Events port; or, with Flink doing that, the case projector (Flink's upsert topics →
 * Cassandra) when it runs in this process. Plus the CouchDB _changes worker when asked to.
 */
export async function startPipelines(config: AppConfig, adapters: AdapterSet, log: Logger, metrics: Metrics): Promise<Background[]> {
  const parts: Background[] = [];
  if (adapters.pipeline === 'embedded') {
    const pipeline = new CustomerCasePipeline({ loadState: storeStateLoader(adapters.caseStore) });
    const evict = setInterval(() => pipeline.evictIdle(Date.now()), EVICT_EVERY_MS);
    evict.unref();
    const unsubscribe = runLivePipeline({
      bus: adapters.bus,
      pipeline,
      sinks: { cases: adapters.caseStore, history: adapters.history },
      log,
      onProcessed: (outcome) => metrics.pipelineEvents.inc({ outcome }),
    });
    parts.push({
      name: 'embedded pipeline',
      stop: () => {
        clearInterval(evict);
        unsubscribe();
      },
    });
  }
  if (adapters.mode === 'stack' && adapters.pipeline === 'flink' && config.projector.enabled) {
    // Stack-only modules, loaded only here (compose runs the projector as its own service instead).
    const [{ startCaseProjector }, { CassandraCaseStore }] = await Promise.all([import('../projector/startProjector'), import('../adapters/stack/cassandraCaseStore')]);
    if (adapters.caseStore instanceof CassandraCaseStore) {
      const projector = await startCaseProjector(config, log, { registry: metrics.registry, caseStore: adapters.caseStore, bus: adapters.bus });
      parts.push({ name: 'case projector', stop: () => projector.stop() });
    }
  }
  if (adapters.mode === 'stack' && config.ticketsWorker.enabled) {
    // CouchDB support_tickets → Kafka support.tickets (seed 003's custom _changes worker).
    const { startCouchTicketsWorker } = await import('../workers/couchTicketsWorker');
    const worker = startCouchTicketsWorker(config, log, metrics.registry);
    parts.push({ name: 'tickets worker', stop: () => worker.stop() });
  }
  // Trino fallback's serving rows and counter, and the SP-02 support_case_context consumer (issue 11).
  const { startHistoryParts } = await import('./historyFallback');
  parts.push(...(await startHistoryParts(config, adapters, log, metrics)));
  return parts;
}
