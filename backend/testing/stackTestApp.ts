import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Admin } from '@platformatic/kafka';
import cassandra from 'cassandra-driver';
import pg from 'pg';
import { DEFAULT_CASSANDRA } from '../adapters/stack/cassandraCaseStore';
import { applyCassandraSchema } from '../adapters/stack/cassandraSchema';
import { DEFAULT_KAFKA_BROKERS } from '../adapters/stack/kafkaBus';
import { DEFAULT_PG_URL } from '../adapters/stack/pgTicketStore';
import { DEFAULT_REDIS_URL } from '../adapters/stack/redisCache';
import type { AppConfig } from '../config/schema';
import { startTestApp, type TestApp } from './testApp';

const PG_URL = process.env.CS360_PG_URL ?? DEFAULT_PG_URL;
const REDIS_URL = process.env.CS360_REDIS_URL ?? DEFAULT_REDIS_URL;
const CASSANDRA_POINTS = process.env.CS360_CASSANDRA_CONTACT_POINTS?.split(',') ?? DEFAULT_CASSANDRA.contactPoints;
const CASSANDRA_DC = process.env.CS360_CASSANDRA_DC ?? DEFAULT_CASSANDRA.localDataCenter;
export const KAFKA_BROKERS = process.env.CS360_KAFKA_BROKERS?.split(',') ?? DEFAULT_KAFKA_BROKERS;
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const exec = promisify(execFile);

export interface StackTestApp {
  app: TestApp;
  /** Unique per run: names the keyspace, database, Redis prefix, Kafka group and topic suffix. */
  run: string;
  keyspace: string;
  topicSuffix: string;
  pgUrl: string;
  /** An admin CQL session for assertions. */
  cql: cassandra.Client;
  /** The runner's own CLI, as an operator would run it (`npm run stack:down cassandra`). */
  runner(cmd: 'up' | 'down', service: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The backend in `mode: 'stack'` over the engines of `npm run stack:up`, with a small demo seeded into
 * a throwaway Cassandra keyspace, PostgreSQL database, Redis key prefix and suffixed Kafka topics,
 * all dropped by close(). Fails loudly when the stack is not up.
 */
export async function startStackTestApp(
  name: string,
  demo: Partial<AppConfig['demo']>,
  /** More settings: stack (merged over the throwaway stores) and projector. */
  extra: { stack?: Record<string, unknown>; projector?: Record<string, unknown> } = {},
): Promise<StackTestApp> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const keyspace = `${name}_${run}`;
  const database = `cs360_${name}_${run}`;
  const topicSuffix = `.${name}.${run}`;
  const pgUrl = Object.assign(new URL(PG_URL), { pathname: `/${database}` }).toString();
  const cql = new cassandra.Client({ contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, socketOptions: { connectTimeout: 5000, readTimeout: 30_000 } });
  try {
    await cql.connect();
    await applyCassandraSchema(cql, readFileSync(join(REPO, 'stack/cassandra/schema.cql'), 'utf8'), keyspace);
    const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`).finally(() => admin.end());
  } catch (e) {
    await cql.shutdown().catch(() => undefined);
    throw new Error(`the stack is not up (npm run stack:up): ${(e as Error).message}`, { cause: e });
  }
  const app = await startTestApp({
    mode: 'stack',
    stack: {
      cassandra: { contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, keyspace },
      postgres: { url: pgUrl },
      redis: { url: REDIS_URL, keyPrefix: `cs360-${name}:${run}:` },
      kafka: { brokers: KAFKA_BROKERS, groupId: `cs360-${name}-${run}`, topicSuffix },
      ...extra.stack,
    },
    projector: { groupId: `cs360-${name}-projector-${run}`, ...extra.projector },
    demo,
  });
  return {
    app,
    run,
    keyspace,
    topicSuffix,
    pgUrl,
    cql,
    runner: async (cmd, service) => {
      await exec(join(REPO, 'node_modules/.bin/tsx'), [join(REPO, 'stack/runner/cli.ts'), cmd, service], { cwd: REPO, timeout: 240_000 });
    },
    async close() {
      await app.close();
      await cql.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`).catch(() => undefined);
      await cql.shutdown();
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).finally(() => admin.end());
      const kafka = new Admin({ clientId: `cs360-${name}-test`, bootstrapBrokers: KAFKA_BROKERS });
      const topics = (await kafka.listTopics()).filter((n) => n.endsWith(topicSuffix));
      if (topics.length) await kafka.deleteTopics({ topics }).catch(() => undefined);
      await kafka.close();
    },
  };
}
