import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import cassandra from 'cassandra-driver';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../../common/searchQuery';
import { cacheContract } from '../../ports/contracts/cacheContract';
import { caseStoreContract } from '../../ports/contracts/caseStoreContract';
import { ticketStoreContract } from '../../ports/contracts/ticketStoreContract';
import { applyCassandraSchema } from './cassandraSchema';
import { CassandraCaseStore, DEFAULT_CASSANDRA, bucketsFor } from './cassandraCaseStore';
import { DEFAULT_PG_URL, openPgTicketStore } from './pgTicketStore';
import { DEFAULT_REDIS_URL, RedisCache } from './redisCache';

// The stack adapters against the same port contracts as the embedded ones, on the engines that
// `npm run stack:up` starts (settings from the environment, defaulting to the runner's ports).
// An engine that is down makes its suite fail with a message saying so: never a skip.
const PG_URL = process.env.CS360_PG_URL ?? DEFAULT_PG_URL;
const REDIS_URL = process.env.CS360_REDIS_URL ?? DEFAULT_REDIS_URL;
const CASSANDRA_POINTS = process.env.CS360_CASSANDRA_CONTACT_POINTS?.split(',') ?? DEFAULT_CASSANDRA.contactPoints;
const CASSANDRA_DC = process.env.CS360_CASSANDRA_DC ?? DEFAULT_CASSANDRA.localDataCenter;
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
