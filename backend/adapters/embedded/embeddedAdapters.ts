import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../config/schema';
import type { Logger } from '../../logger';
import type { NotesSync } from '../../ports/notesSync';
import type { ObjectStore } from '../../ports/objectStore';
import { InProcessBus } from './inProcessBus';
import { LruCache } from '../local/lruCache';
import { LocalObjectStore } from '../local/localObjectStore';
import { openPgliteTicketStore } from './pgliteTicketStore';
import { openServingDb } from '../local/servingDb';
import { SqliteAnalyticsStore } from './sqliteAnalyticsStore';
import { SqliteCaseStore } from './sqliteCaseStore';
import { SqliteHistoryStore } from '../local/sqliteHistoryStore';

/** The signing key of the embedded object store: configured, or generated once per data dir (like the session secret). */
function objectsSecret(config: AppConfig): string {
  if (config.objects.secret) return config.objects.secret;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'objects.secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

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
    // Attachments: files under <dataDir>/objects behind URLs the backend signs and serves (/objects/*).
    objects: new LocalObjectStore({
      root: join(config.dataDir, 'objects'),
      secret: objectsSecret(config),
      origin: config.objects.publicUrl,
      expirySeconds: config.objects.expirySeconds,
      maxUploadBytes: config.stack.s3.maxUploadBytes,
    }) as ObjectStore | null,
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
