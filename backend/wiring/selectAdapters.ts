import type { ServingDb } from '../adapters/local/servingDb';
import type { AppConfig } from '../config/schema';
import type { Logger } from '../logger';
import type { Cache } from '../ports/cache';
import type { AnalyticsStore } from '../ports/analyticsStore';
import type { CaseStore } from '../ports/caseStore';
import type { EventBus } from '../ports/eventBus';
import type { HistoryStore } from '../ports/historyStore';
import type { NotesSync } from '../ports/notesSync';
import type { ObjectStore } from '../ports/objectStore';
import type { TicketStore } from '../ports/ticketStore';

/** Who turns events into cases, timeline and notifications: the backend's own pipeline, or Flink SQL (stack.pipeline). */
export type PipelineKind = 'embedded' | 'flink';

/** One typed set of adapters, whichever mode chose them. Everything above this line sees only ports. */
export interface AdapterSet {
  readonly mode: AppConfig['mode'];
  readonly pipeline: PipelineKind;
  /** The local SQLite file: demo manifest, and cs_timeline when the embedded pipeline writes it. */
  readonly db: ServingDb;
  readonly caseStore: CaseStore;
  readonly history: HistoryStore;
  readonly tickets: TicketStore;
  /** SLA and workload facts (issue 10). */
  readonly analytics: AnalyticsStore;
  readonly bus: EventBus;
  readonly cache: Cache;
  /** Attachments; null where no object store is configured. */
  readonly objects: ObjectStore | null;
  /** The renderer's notes replication; null where no CouchDB-protocol server is configured. */
  readonly notesSync: NotesSync | null;
  close(): Promise<void>;
}

/**
 * The one place that decides embedded versus stack, from validated config. Each mode's adapters are
 * imported only when chosen, so embedded mode never loads the engines' clients (cassandra-driver,
 * Kafka, the AWS SDK…) and stack mode never loads the embedded engines (PGlite).
 */
export async function selectAdapters(config: AppConfig, log: Logger): Promise<AdapterSet> {
  if (config.mode === 'stack') {
    const [{ openStackAdapters }, { withServingFallback }] = await Promise.all([import('../adapters/stack/stackAdapters'), import('./historyFallback')]);
    const opened = await openStackAdapters(config, log);
    // On Flink, History is Trino: backed by the serving store's recent rows when it is down or slow (issue 11).
    const history = config.stack.pipeline === 'flink' ? withServingFallback(opened.history, opened.db, config.history) : opened.history;
    return { mode: 'stack', pipeline: config.stack.pipeline, ...opened, history };
  }
  const { openEmbeddedAdapters } = await import('../adapters/embedded/embeddedAdapters');
  return { mode: 'embedded', pipeline: 'embedded', ...(await openEmbeddedAdapters(config, log)) };
}
