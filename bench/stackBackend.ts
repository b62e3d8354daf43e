import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import cassandra from 'cassandra-driver';
import pg from 'pg';
import { applyCassandraSchema } from '../backend/adapters/stack/cassandraSchema';
import { SessionTokens } from '../backend/auth/sessionTokens';
import { configSchema } from '../backend/config/schema';
import { BENCH_DATA_DIR, startBackend, type Backend } from './lib';

/** The runner's defaults, as the backend's config has them; the stack tier's variables override them. */
const DEFAULTS = configSchema.parse({}).stack;
export const CASSANDRA_POINTS = process.env.CS360_CASSANDRA_CONTACT_POINTS?.split(',') ?? DEFAULTS.cassandra.contactPoints;
export const CASSANDRA_DC = process.env.CS360_CASSANDRA_DC ?? DEFAULTS.cassandra.localDataCenter;
const PG_URL = process.env.CS360_PG_URL ?? DEFAULTS.postgres.url;
/** The stack benches' own keyspace, database, key prefix and data dir: seeded once (full demo), reused by later runs. */
export const BENCH_KEYSPACE = 'cs_bench';
const DATABASE = 'cs360_bench';

/**
 * A backend in stack mode (Cassandra, PostgreSQL, Redis, Kafka of `npm run stack:up`) over the
 * benches' own keyspace and database, with the full demo seeded on first use. Returns it with an
 * admin CQL session for raw reads.
 */
export async function startStackBenchBackend(): Promise<{ backend: Backend; cql: cassandra.Client; keyspace: string; signIn(role?: 'AGENT' | 'SUPERVISOR' | 'ANALYST'): Promise<string> }> {
  const cql = new cassandra.Client({ contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, socketOptions: { connectTimeout: 5000, readTimeout: 30_000 } });
  try {
    await cql.connect();
  } catch (e) {
    throw new Error(`this bench needs the stack: Cassandra at ${CASSANDRA_POINTS.join(',')} did not answer (npm run stack:up): ${(e as Error).message}`, { cause: e });
  }
  await applyCassandraSchema(cql, readFileSync('stack/cassandra/schema.cql', 'utf8'), BENCH_KEYSPACE);
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const pgUrl = Object.assign(new URL(PG_URL), { pathname: `/${DATABASE}` }).toString();
  try {
    const backend = await startBackend(
      {
        CS360_MODE: 'stack',
        CS360_STACK__CASSANDRA__CONTACT_POINTS: CASSANDRA_POINTS.join(','),
        CS360_STACK__CASSANDRA__LOCAL_DATA_CENTER: CASSANDRA_DC,
        CS360_STACK__CASSANDRA__KEYSPACE: BENCH_KEYSPACE,
        CS360_STACK__POSTGRES__URL: pgUrl,
        CS360_STACK__REDIS__KEY_PREFIX: 'cs360-bench:',
        CS360_STACK__KAFKA__GROUP_ID: 'cs360-bench',
      },
      ['--data-dir', `${BENCH_DATA_DIR}-stack`],
    );
    // Stack mode has no passwordless demo sign-in (issue 13): a session for a demo agent of the role,
    // signed with the secret the backend keeps in its data dir, as an IdP-backed sign-in would issue one.
    const signIn = async (role: 'AGENT' | 'SUPERVISOR' | 'ANALYST' = 'AGENT') => {
      const db = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 5000 });
      await db.connect();
      try {
        const agent = (await db.query<{ agent_id: string; full_name: string }>('SELECT agent_id, full_name FROM support_agents WHERE role = $1 ORDER BY agent_id LIMIT 1', [role])).rows[0];
        if (!agent) throw new Error(`no demo agent with role ${role} in ${DATABASE}`);
        const secret = readFileSync(join(`${BENCH_DATA_DIR}-stack`, 'session.secret'), 'utf8').trim();
        return await new SessionTokens(secret, 3600).issue({ id: agent.agent_id, name: agent.full_name, role });
      } finally {
        await db.end();
      }
    };
    return { backend, cql, keyspace: BENCH_KEYSPACE, signIn };
  } catch (e) {
    await cql.shutdown();
    throw e;
  }
}
