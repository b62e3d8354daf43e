import { join } from 'node:path';
import type { AppConfig } from '../../config/schema';
import type { Logger } from '../../logger';
import type { NotesSync } from '../../ports/notesSync';
import type { ObjectStore } from '../../ports/objectStore';
import { InProcessBus } from './inProcessBus';
import { LruCache } from '../local/lruCache';
import { openPgliteTicketStore } from './pgliteTicketStore';
import { openServingDb } from '../local/servingDb';
import { SqliteAnalyticsStore } from './sqliteAnalyticsStore';
import { SqliteCaseStore } from './sqliteCaseStore';
import { SqliteHistoryStore } from '../local/sqliteHistoryStore';

/** Opens every embedded engine under config.dataDir. Nothing here needs a service or a network. */
export async function openEmbeddedAdapters(config: AppConfig, log: Logger) {
  const db = openServingDb(join(config.dataDir, 'serving.sqlite'));
  const tickets = openPgliteTicketStore(join(config.dataDir, 'tickets-pg'));
  tickets.ready.catch((err: unknown) => log.error({ err }, 'tickets database failed to open'));
  const bus = new InProcessBus((topic, err) => log.error({ err, topic }, 'event handler failed'));
  const cache = new LruCache(config.api.cacheMaxMb * 1024 * 1024);
  return {
    db,
    caseStore: new SqliteCaseStore(db),
    history: new SqliteHistoryStore(db),
    tickets: tickets.store,
    // SLA and workload facts: a SQLite replica of the tickets database (docs/decisions.md, issue 10).
    analytics: new SqliteAnalyticsStore(db, tickets.client),
    bus,
    cache,
    // No embedded object store or CouchDB-protocol server yet: attachments and notes sync answer UNAVAILABLE.
    objects: null as ObjectStore | null,
    notesSync: null as NotesSync | null,
    async close() {
      await bus.close();
      await cache.close();
      await tickets.close();
      db.close();
    },
  };
}
export type EmbeddedAdapters = Awaited<ReturnType<typeof openEmbeddedAdapters>>;
