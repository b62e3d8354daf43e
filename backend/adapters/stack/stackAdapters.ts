import { join } from 'node:path';
import { formatCustomerId } from '../../../common/ids';
import { readManifest } from '../../demo/seedDemo';
import { LruCache } from '../local/lruCache';
import { openServingDb, type ServingDb } from '../local/servingDb';
import { SqliteHistoryStore } from '../local/sqliteHistoryStore';
import type { AppConfig } from '../../config/schema';
import type { Logger } from '../../logger';
import type { Topic } from '../../ports/eventBus';
import { SqlAnalyticsStore } from '../sql/sqlAnalyticsStore';
import { CassandraCaseStore } from './cassandraCaseStore';
import { CouchNotesSync } from './couchNotesSync';
import { KafkaBus } from './kafkaBus';
import { openPgTicketStore } from './pgTicketStore';
import { RedisCache } from './redisCache';
import { S3ObjectStore, ensureBucket, s3Client } from './s3ObjectStore';
import { TieredCache } from './tieredCache';
import { TrinoHistoryStore } from './trinoHistoryStore';

/** Every topic of the Events port (created at start only for a suffixed, i.e. test/tenant, deployment). */
const PORT_TOPICS: Topic[] = ['cs.events', 'cs_timeline', 'cs_notifications', 'support.case.opened', 'cs.deadletter'];

/** The local file of stack mode: cs_timeline (until the Trino adapter) and the demo manifest. Not the embedded serving.sqlite. */
export const STACK_LOCAL_DB = 'stack-local.sqlite';

async function step<T>(engine: string, where: string, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (err) {
    throw new Error(`stack mode: ${engine} at ${where} did not answer — is the stack up (npm run stack:up)? ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Opens the production adapters of `mode: 'stack'`, in the same shape as openEmbeddedAdapters:
 * CaseStore on Cassandra, Tickets on PostgreSQL, Cache on Redis, Events on Kafka, Objects on S3
 * (MinIO) and NotesSync on CouchDB.
 *
 * History has no stack adapter yet (Trino, pipeline issue): cs_timeline stays in a local SQLite file
 * under dataDir, written by the embedded pipeline that app.ts runs in both modes (docs/decisions.md).
 * `db` is that file; it also holds the demo manifest, which is dropped when the stack's stores no
 * longer hold the demo data (a wiped keyspace or database), so the next start seeds them again.
 */
export async function openStackAdapters(config: AppConfig, log: Logger) {
  const s = config.stack;
  const closers: (() => Promise<unknown> | void)[] = [];
  const closeAll = async () => {
    for (const c of closers.reverse()) await Promise.resolve(c()).catch((err: unknown) => log.warn({ err }, 'closing a stack adapter failed'));
  };
  try {
    const db: ServingDb = openServingDb(join(config.dataDir, STACK_LOCAL_DB));
    closers.push(() => void db.close());

    const cassandra = await step('Cassandra', s.cassandra.contactPoints.join(','), () =>
      CassandraCaseStore.open({ contactPoints: s.cassandra.contactPoints, localDataCenter: s.cassandra.localDataCenter, keyspace: s.cassandra.keyspace }),
    );
    closers.push(() => cassandra.close());

    const pgHost = new URL(s.postgres.url).host;
    const tickets = await step('PostgreSQL', pgHost, () => openPgTicketStore({ connectionString: s.postgres.url, maxConnections: s.postgres.maxConnections }));
    closers.push(() => tickets.close());

    const cache = new RedisCache(s.redis.url, s.redis.keyPrefix);
    closers.push(() => cache.close());
    // One round trip, so a Redis that is down stops start-up with its address instead of failing every page later.
    await step('Redis', new URL(s.redis.url).host, () => cache.get('startup-probe'));
    // The near tier: as much of this process's memory as the embedded cache gets (api.cacheMaxMb), each page at most nearCacheTtlMs old.
    const pages = s.redis.nearCacheTtlMs > 0 ? new TieredCache(new LruCache(config.api.cacheMaxMb * 1024 * 1024), cache, s.redis.nearCacheTtlMs) : cache;

    const bus = await step('Kafka', s.kafka.brokers.join(','), () =>
      KafkaBus.open({
        brokers: s.kafka.brokers,
        groupId: s.kafka.groupId,
        clientId: s.kafka.clientId,
        topicSuffix: s.kafka.topicSuffix,
        logger: log,
        ensureTopics: s.kafka.topicSuffix ? { topics: PORT_TOPICS, partitions: 3 } : undefined,
      }),
    );
    closers.push(() => bus.close());

    // Objects: one real call (the attachments bucket exists, or is created now) so a wrong endpoint or
    // wrong credentials stop start-up here rather than at the first upload.
    const s3 = s.s3;
    const s3Admin = s3Client(s3);
    closers.push(() => s3Admin.destroy());
    const bucket = await step('S3', s3.endpoint, () =>
      ensureBucket(s3Admin, s3.bucket).catch((err: unknown) => {
        // HeadBucket's 403 has no body, so the SDK only says "UnknownError".
        if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 403) {
          throw new Error(`access to bucket ${s3.bucket} was refused (403): check stack.s3.accessKeyId / secretAccessKey`, { cause: err });
        }
        throw err;
      }),
    );
    if (bucket.created) log.warn({ bucket: s3.bucket, endpoint: s3.endpoint }, 'stack mode: the attachments bucket was missing; created it (without the lifecycle rules of stack/minio)');
    const objects = new S3ObjectStore({ endpoint: s3.endpoint, publicEndpoint: s3.publicEndpoint, region: s3.region, bucket: s3.bucket, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });

    // NotesSync: the renderer replicates with couchdb.url; the backend creates databases through adminUrl.
    const couch = s.couchdb;
    const admin = couch.adminUrl ? new URL(couch.adminUrl) : null;
    const adminAuth = admin?.username ? { username: decodeURIComponent(admin.username), password: decodeURIComponent(admin.password) } : undefined;
    if (admin) [admin.username, admin.password] = ['', ''];
    const couchAdminUrl = admin?.toString() ?? couch.url;
    await step('CouchDB', new URL(couchAdminUrl).host, async () => {
      const res = await fetch(couchAdminUrl, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error(`GET / answered ${res.status}`);
    });
    const notesSync = new CouchNotesSync({ url: couch.url, adminUrl: admin?.toString(), adminAuth, prefix: couch.databasePrefix, ...(couch.jwtSecret ? { jwt: { secret: couch.jwtSecret, ttlSeconds: couch.jwtTtlSeconds } } : {}) });

    if (readManifest(db) && !(await demoPresent(cassandra.store, tickets.store))) {
      log.warn('stack mode: the demo manifest is local but Cassandra/PostgreSQL do not hold the demo data; seeding again');
      db.prepare("DELETE FROM meta WHERE key = 'demo.manifest'").run();
    }
    log.info({ cassandra: s.cassandra.contactPoints, keyspace: s.cassandra.keyspace, postgres: pgHost, redis: new URL(s.redis.url).host, kafka: s.kafka.brokers, s3: `${s3.endpoint}/${s3.bucket}`, couchdb: new URL(couchAdminUrl).host }, 'stack adapters open');
    return {
      db,
      caseStore: cassandra.store,
      // The Flink pipeline writes cs_timeline to the lakehouse (Iceberg in Nessie, by Flink's Iceberg sink): read through Trino.
      history: s.pipeline === 'flink' ? new TrinoHistoryStore({ url: s.trino.url, catalog: s.trino.catalog, schema: s.trino.schema, user: s.trino.user }) : new SqliteHistoryStore(db),
      tickets: tickets.store,
      // SLA and workload facts straight from PostgreSQL (the lakehouse/Trino path is not wired; docs/decisions.md).
      analytics: new SqlAnalyticsStore(tickets.client),
      bus,
      cache: pages,
      objects,
      notesSync,
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
export type StackAdapters = Awaited<ReturnType<typeof openStackAdapters>>;

/** The first demo customer and the demo agents exist: the engines hold what the manifest says. */
async function demoPresent(cases: CassandraCaseStore, tickets: { listAgents(): Promise<unknown[]> }): Promise<boolean> {
  const [customer, agents] = await Promise.all([cases.getCustomer(formatCustomerId(1)), tickets.listAgents()]);
  return customer !== null && agents.length > 0;
}
