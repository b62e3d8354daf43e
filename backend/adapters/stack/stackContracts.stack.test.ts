import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { Admin } from '@platformatic/kafka';
import cassandra from 'cassandra-driver';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../../common/searchQuery';
import { analyticsStoreContract } from '../../ports/contracts/analyticsStoreContract';
import { cacheContract } from '../../ports/contracts/cacheContract';
import { caseStoreContract } from '../../ports/contracts/caseStoreContract';
import { eventBusContract } from '../../ports/contracts/eventBusContract';
import { objectStoreContract } from '../../ports/contracts/objectStoreContract';
import { ticketStoreContract } from '../../ports/contracts/ticketStoreContract';
import { applyCassandraSchema } from './cassandraSchema';
import { CassandraCaseStore, DEFAULT_CASSANDRA, bucketsFor } from './cassandraCaseStore';
import { DEFAULT_KAFKA_BROKERS, KafkaBus } from './kafkaBus';
import { DEFAULT_PG_URL, openPgTicketStore } from './pgTicketStore';
import { SqlAnalyticsStore } from '../sql/sqlAnalyticsStore';
import { LruCache } from '../local/lruCache';
import { DEFAULT_REDIS_URL, RedisCache } from './redisCache';
import { TieredCache } from './tieredCache';
import { DEFAULT_S3, S3ObjectStore, ensureBucket, s3Client } from './s3ObjectStore';

// The stack adapters against the same port contracts as the embedded ones, on the engines that
// `npm run stack:up` starts (settings from the environment, defaulting to the runner's ports).
// An engine that is down makes its suite fail with a message saying so: never a skip.
const PG_URL = process.env.CS360_PG_URL ?? DEFAULT_PG_URL;
const REDIS_URL = process.env.CS360_REDIS_URL ?? DEFAULT_REDIS_URL;
const CASSANDRA_POINTS = process.env.CS360_CASSANDRA_CONTACT_POINTS?.split(',') ?? DEFAULT_CASSANDRA.contactPoints;
const CASSANDRA_DC = process.env.CS360_CASSANDRA_DC ?? DEFAULT_CASSANDRA.localDataCenter;
const S3_ENDPOINT = process.env.CS360_S3_ENDPOINT ?? DEFAULT_S3.endpoint;
const KAFKA_BROKERS = process.env.CS360_KAFKA_BROKERS?.split(',') ?? DEFAULT_KAFKA_BROKERS;
/** Names this run's throwaway keyspace, databases and key namespaces, so reruns never meet old data. */
const RUN = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const SCHEMA_CQL = readFileSync(join(__dirname, '../../../stack/cassandra/schema.cql'), 'utf8');

async function loud<T>(engine: string, where: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw new Error(`${engine} at ${where} failed — is the stack up (npm run stack:up)? ${(e as Error).message}`, { cause: e });
  }
}
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

// ---- Cassandra: one throwaway keyspace per run, tables truncated before each test.
const KEYSPACE = `contract_${RUN}`;
let cassandraSetup: Promise<cassandra.Client> | null = null;
function cassandraAdmin(): Promise<cassandra.Client> {
  cassandraSetup ??= loud('Cassandra', CASSANDRA_POINTS.join(','), async () => {
    const client = new cassandra.Client({ contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, socketOptions: { connectTimeout: 5000, readTimeout: 30_000 } });
    await client.connect();
    cleanups.push(async () => {
      await client.execute(`DROP KEYSPACE IF EXISTS ${KEYSPACE}`);
      await client.shutdown();
    });
    await applyCassandraSchema(client, SCHEMA_CQL, KEYSPACE);
    return client;
  });
  return cassandraSetup;
}
caseStoreContract('Cassandra', async () => {
  const admin = await cassandraAdmin();
  for (const t of ['customer_case', 'customer_case_by_id', 'customer_profile', 'customer_contact', 'customer_stats']) await admin.execute(`TRUNCATE ${KEYSPACE}.${t}`);
  // The store opens its own connection as production does.
  return loud('Cassandra', CASSANDRA_POINTS.join(','), () => CassandraCaseStore.open({ contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, keyspace: KEYSPACE }));
});

// ---- PostgreSQL: a fresh database per test (migrations applied by the adapter), dropped after.
let dbCount = 0;
ticketStoreContract('PostgreSQL', async () => {
  const db = `cs360_contract_${RUN}_${++dbCount}`;
  const url = new URL(PG_URL);
  await loud('PostgreSQL', `${url.host}`, async () => {
    const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${db}`);
    } finally {
      await admin.end();
    }
  });
  url.pathname = `/${db}`;
  const { store, close } = await openPgTicketStore({ connectionString: url.toString() });
  return {
    store,
    async close() {
      await close();
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).finally(() => admin.end());
    },
  };
});

// ---- Analytics on PostgreSQL (stack mode's SLA facts): the same golden fixture as the embedded adapters, a fresh database per test.
analyticsStoreContract('PostgreSQL', async () => {
  const db = `cs360_analytics_${RUN}_${++dbCount}`;
  const url = new URL(PG_URL);
  await loud('PostgreSQL', url.host, async () => {
    const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`).finally(() => admin.end());
  });
  url.pathname = `/${db}`;
  const opened = await openPgTicketStore({ connectionString: url.toString() });
  return {
    store: new SqlAnalyticsStore(opened.client),
    tickets: opened.store,
    async close() {
      await opened.close();
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).finally(() => admin.end());
    },
  };
});

// ---- Redis: a fresh key namespace per test (entries expire by themselves).
let nsCount = 0;
cacheContract('Redis', async () => {
  const cache = new RedisCache(REDIS_URL, `cs360-contract:${RUN}:${++nsCount}:`, { maxRetriesPerRequest: 1, retryStrategy: (n) => (n > 2 ? null : 200) });
  await loud('Redis', REDIS_URL, async () => {
    // A real round trip before the contract runs, so a down server fails here with a clear message.
    await cache.set('probe', Buffer.from('1'), { ttlMs: 1000, tags: [] });
  });
  return cache;
});

// ---- Redis behind the near (in-process) tier, as stack mode uses it.
cacheContract('Redis with a near tier', async () => {
  const far = new RedisCache(REDIS_URL, `cs360-contract:${RUN}:${++nsCount}:`, { maxRetriesPerRequest: 1, retryStrategy: (n) => (n > 2 ? null : 200) });
  return new TieredCache(new LruCache(), far, 2000);
});

// ---- Kafka: fresh topics (suffix) and a fresh consumer group per test, topics deleted after the run.
let busCount = 0;
const kafkaTopicsCreated: string[] = [];
cleanups.push(async () => {
  if (!kafkaTopicsCreated.length) return;
  const admin = new Admin({ clientId: 'cs360-contract', bootstrapBrokers: KAFKA_BROKERS });
  await admin.deleteTopics({ topics: kafkaTopicsCreated }).finally(() => admin.close());
});
function openKafkaBus(n: number, groupId = `cs360-contract-${RUN}-${n}`) {
  const topicSuffix = `.contract.${RUN}.${n}`;
  return loud('Kafka', KAFKA_BROKERS.join(','), async () => {
    const bus = await KafkaBus.open({
      brokers: KAFKA_BROKERS,
      groupId,
      topicSuffix,
      ensureTopics: { topics: ['cs_timeline', 'cs_notifications'], partitions: 3 },
      logger: pino({ level: process.env.CS360_TEST_LOG ?? 'silent' }),
    });
    if (!kafkaTopicsCreated.includes(`cs_timeline${topicSuffix}`)) kafkaTopicsCreated.push(`cs_timeline${topicSuffix}`, `cs_notifications${topicSuffix}`);
    return bus;
  });
}
eventBusContract('Kafka', () => openKafkaBus(++busCount));

describe('KafkaBus consumer group offsets', () => {
  const row = (t: number) => ({ customer_id: 'C0000001', event_type: 'order.created' as const, event_time: t, payload: {} });
  it('commits after handling: a restarted member of the group resumes after the last handled message', async () => {
    const n = ++busCount;
    const first = await openKafkaBus(n);
    const seen: number[] = [];
    first.subscribe('cs_timeline', async (r) => {
      await new Promise((res) => setTimeout(res, 5));
      seen.push(r.event_time);
    });
    for (const t of [1, 2, 3]) await first.publish('cs_timeline', row(t));
    await expect.poll(() => seen, { timeout: 10_000 }).toEqual([1, 2, 3]);
    await first.close();

    // Same group, same topics: nothing handled is delivered again, what was published meanwhile is.
    const second = await openKafkaBus(n);
    await second.publish('cs_timeline', row(4));
    const again: number[] = [];
    second.subscribe('cs_timeline', (r) => void again.push(r.event_time));
    await expect.poll(() => again, { timeout: 10_000 }).toEqual([4]);
    await second.close();

    // Another group sees the whole topic from the beginning (fresh groups start at earliest).
    const other = await openKafkaBus(n, `cs360-contract-${RUN}-${n}-other`);
    const all: number[] = [];
    other.subscribe('cs_timeline', (r) => void all.push(r.event_time));
    await expect.poll(() => all, { timeout: 10_000 }).toEqual([1, 2, 3, 4]);
    await other.close();
  });
});

// ---- S3 (MinIO): a throwaway bucket per run, emptied and dropped after.
const S3_BUCKET = `cs360-contract-${RUN}`;
let s3Setup: Promise<void> | null = null;
objectStoreContract('S3 (MinIO)', async () => {
  s3Setup ??= loud('S3', S3_ENDPOINT, async () => {
    const client = s3Client({ endpoint: S3_ENDPOINT });
    await ensureBucket(client, S3_BUCKET);
    cleanups.push(async () => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: S3_BUCKET }));
      const keys = (listed.Contents ?? []).map((o) => ({ Key: o.Key as string }));
      if (keys.length) await client.send(new DeleteObjectsCommand({ Bucket: S3_BUCKET, Delete: { Objects: keys } }));
      await client.send(new DeleteBucketCommand({ Bucket: S3_BUCKET }));
      client.destroy();
    });
  });
  await s3Setup;
  return new S3ObjectStore({ endpoint: S3_ENDPOINT, bucket: S3_BUCKET });
});

// ---- Cassandra specifics beyond the contract: prefixes shorter than a contact bucket fan out.
describe('CassandraCaseStore contact buckets', () => {
  it('finds by prefixes shorter than the bucket (phone "849", id "C0"), in order', async () => {
    const admin = await cassandraAdmin();
    await admin.execute(`TRUNCATE ${KEYSPACE}.customer_contact`);
    const store = CassandraCaseStore.withClient(admin, KEYSPACE);
    const base = { city: 'Hà Nội', segment: 'NEW' as const, created_at: 1 };
    await store.upsertCustomers([
      { ...base, customer_id: 'C0000002', full_name: 'Trần Văn Đức', emails: ['duc@x.vn'], phones: ['+84987654321'] },
      { ...base, customer_id: 'C0000001', full_name: 'Nguyễn Thị Lan', emails: ['lan@x.vn'], phones: ['+84912345678'] },
      { ...base, customer_id: 'C1000000', full_name: 'Lê An', emails: ['an@x.vn'], phones: ['+84281234567'] },
    ]);
    expect(bucketsFor('phone', '+849')).toHaveLength(10);
    expect((await store.searchCustomers(parseSearchQuery('849'), 10)).map((h) => h.customer_id)).toEqual(['C0000001', 'C0000002']);
    expect((await store.searchCustomers(parseSearchQuery('C0'), 10)).map((h) => h.customer_id)).toEqual(['C0000001', 'C0000002']);
    expect((await store.searchCustomers(parseSearchQuery('C1'), 10)).map((h) => h.customer_id)).toEqual(['C1000000']);
    expect((await store.searchCustomers(parseSearchQuery('C0'), 1)).map((h) => h.customer_id)).toEqual(['C0000001']);
  });
});
