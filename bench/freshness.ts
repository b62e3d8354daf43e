import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { Admin, Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import cassandra from 'cassandra-driver';
import pino from 'pino';
import { CassandraCaseStore, DEFAULT_CASSANDRA } from '../backend/adapters/stack/cassandraCaseStore';
import { applyCassandraSchema } from '../backend/adapters/stack/cassandraSchema';
import { DEFAULT_KAFKA_BROKERS } from '../backend/adapters/stack/kafkaBus';
import { s3Client } from '../backend/adapters/stack/s3ObjectStore';
import { configSchema } from '../backend/config/schema';
import type { CaseRows } from '../backend/projector/caseWriter';
import { startCaseProjector, type RunningProjector } from '../backend/projector/startProjector';
import type { StatsRows } from '../backend/projector/statsWriter';
import { trinoQuery as trinoRows } from '../stack/runner/clients/trino';
import { REPO } from '../stack/runner/lib';
import { PORTS } from '../stack/runner/ports';
import { cancelFlinkJob, flinkJobs, pipelineCheckpointDir, submitFlinkScript } from '../stack/runner/flinkSql';
import { fmt, percentiles, report } from './lib';

/**
 * `npm run bench -- freshness` (needs `npm run stack:up`: kafka, cassandra, s3, flink, mariadb,
 * connect; trino + nessie for leg c). Pipeline freshness, quality.md: source change → visible to the
 * agent, serving path p95 ≤ 5 s; Trino path ≤ checkpoint interval (30 s) + 10 s.
 *
 * The bench runs its own copies of flink-sql/10_sources.sql and 20_customer_case.sql (unchanged
 * files, submitted with a per-run TOPIC_SUFFIX / PIPELINE_SUFFIX / LAKEHOUSE_DATABASE, parallelism 1,
 * two Flink slots) and its own case projector (in this process) into a throwaway Cassandra keyspace.
 * Legs, each change timed on this machine's clock (performance.timeOrigin + now, one process):
 *  (a) an INSERT into MariaDB ecommerce.orders (the real source; sent over one open `mariadb` client)
 *      → Debezium orders-mysql-connector → orders_cdc (the real topic; its name is fixed, so the bench
 *      consumes it and relays each of its own records unchanged to orders_cdc<suffix>) → 10_sources →
 *      cs.events<suffix> → 20_customer_case → cs_case_changes<suffix> → case projector → the
 *      customer_case row written in Cassandra (the projector's write acknowledged). Reported in parts:
 *      a0 = INSERT → record on orders_cdc (Debezium alone), a1 = relayed record produced →
 *      Cassandra row (Kafka → Flink → Flink → projector → Cassandra).
 *  (b) a ticket.escalated envelope produced to support.tickets<suffix> (what the CouchDB changes
 *      worker publishes) → 20_customer_case → cs_notifications<suffix>, until a consumer receives it.
 *  (c) an INSERT as in (a) → its cs_timeline row readable through Trino (iceberg.<db>.cs_timeline),
 *      polled every 500 ms (the job's Iceberg sink into Nessie commits at each checkpoint).
 * Env: BENCH_FRESHNESS_N (200), BENCH_FRESHNESS_RATE (changes/s, 10), BENCH_FRESHNESS_TRINO_N (10),
 * BENCH_FRESHNESS_LEGS (a,b,c), BENCH_FRESHNESS_SOURCE (mariadb | kafka, see SOURCE), BENCH_FRESHNESS_READ_SAMPLE (3).
 * Cleans up: cancels its jobs (and drops their checkpoints), deletes its rows, topics, consumer groups,
 * keyspace and lakehouse files. Its orders stay on the real orders_cdc topic (customer ids C99…).
 */
const N = Number(process.env.BENCH_FRESHNESS_N ?? 200);
const RATE = Number(process.env.BENCH_FRESHNESS_RATE ?? 10);
const TRINO_N = Number(process.env.BENCH_FRESHNESS_TRINO_N ?? 10);
/**
 * mariadb (default): changes are INSERTs into the real ecommerce.orders, captured by the real connector
 * (they also reach the real orders_cdc, and so the production jobs, if those run). kafka: the bench
 * produces Debezium-shaped records straight into orders_cdc<suffix> (no shared data touched; no a0).
 */
const SOURCE = process.env.BENCH_FRESHNESS_SOURCE === 'kafka' ? 'kafka' : 'mariadb';
const LEGS = new Set((process.env.BENCH_FRESHNESS_LEGS ?? 'a,b,c').split(',').map((s) => s.trim()));
const BUDGET_SERVING_P95_MS = 5000;
const CHECKPOINT_MS = 30_000;
const BUDGET_TRINO_MS = CHECKPOINT_MS + 10_000;
/** A change not seen after this long is counted as lost. */
const DRAIN_MS = 60_000;
/**
 * Leg a: every this many-th row is also polled for by a reader in Cassandra. Not a multiple of 5: at
 * 10/s, every 5th INSERT falls in the same phase of Debezium's 500 ms poll cycle (poll.interval.ms).
 */
const READ_SAMPLE = Number(process.env.BENCH_FRESHNESS_READ_SAMPLE ?? 3);

const KAFKA_BROKERS = process.env.CS360_KAFKA_BROKERS?.split(',') ?? DEFAULT_KAFKA_BROKERS;
const CASSANDRA_POINTS = process.env.CS360_CASSANDRA_CONTACT_POINTS?.split(',') ?? DEFAULT_CASSANDRA.contactPoints;
const CASSANDRA_DC = process.env.CS360_CASSANDRA_DC ?? DEFAULT_CASSANDRA.localDataCenter;
const MARIADB_HOST = process.env.CS360_MARIADB_HOST ?? '127.0.0.1';
const MARIADB_PORT = String(PORTS.mariadb);
const BUCKET = 'cs360-lakehouse';

const RUN = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const SUFFIX = `.fresh.${RUN}`;
const DB = `bench_fresh_${RUN}`;
const LOGISTICS_PREFIX = `bench-fresh-${RUN}/logistics/`;
const topic = (name: string) => `${name}${SUFFIX}`;
const TOPICS = ['orders_cdc', 'payments_cdc', 'cs.public.support_notes', 'cs.events', 'support.tickets', 'cs_case_changes', 'cs_customer_stats', 'cs_notifications', 'cs_timeline', 'cs.deadletter'].map(topic);
const PIPELINES = [`cs360-sources${SUFFIX}`, `cs360-customer-case${SUFFIX}`];
const GROUPS = [`cs360-flink-sources${SUFFIX}`, `cs360-flink-customer-case${SUFFIX}`, `cs360-bench-fresh-projector-${RUN}`, `cs360-bench-fresh-projector-${RUN}.cs_customer_stats`];

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = pino({ level: process.env.CS360_BENCH_LOG ?? 'warn' }, pino.destination(2));

interface OrderChange {
  orderId: string;
  customerId: string;
  tInsert: number;
  tCommitted?: number;
  tDebezium?: number;
  tRelayed?: number;
  tCassandra?: number;
  /** A reader polling Cassandra every 25 ms first saw the row (sampled changes only). */
  tRead?: number;
  tTrino?: number;
}

/** One open `mariadb` client (no process start per change): each statement is followed by a marker line read back when it has run. */
class MariaDb {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = '';
  private readonly waiting = new Map<string, (t: number) => void>();
  private stderr = '';

  constructor() {
    this.child = spawn('mariadb', ['--no-defaults', '--protocol=TCP', '-h', MARIADB_HOST, '-P', MARIADB_PORT, '-u', 'cs360', '-pcs360-dev-only', '-N', '-B', '-n', 'ecommerce']);
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (d: string) => {
      const t = now();
      this.buffer += d;
      const lines = this.buffer.split('\n');
      this.buffer = lines.pop() ?? '';
      for (const line of lines) {
        const done = this.waiting.get(line.trim());
        if (done) {
          this.waiting.delete(line.trim());
          done(t);
        }
      }
    });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
  }

  /** Runs the statements (autocommit); resolves with the time their marker came back. */
  exec(statements: string): Promise<number> {
    const marker = `done-${randomBytes(6).toString('hex')}`;
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`MariaDB at ${MARIADB_HOST}:${MARIADB_PORT} did not answer in 10 s — is it up (npm run stack:up -- mariadb)? ${this.stderr}`)), 10_000);
      this.waiting.set(marker, (t) => {
        clearTimeout(timer);
        resolve(t);
      });
      this.child.stdin.write(`${statements}\nSELECT '${marker}';\n`);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.stdin.end();
    });
  }
}

const sqlTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** One statement through the runner's Trino client; the rows. */
const trinoQuery = (sql: string) => trinoRows(sql, { user: 'cs360-bench' });

/** Calls `fn(i)` at i / rate seconds after the start (not after the previous one ended), so a slow call does not slow the pace. */
async function paced(n: number, rate: number, fn: (i: number) => Promise<void>): Promise<void> {
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(fn(i));
  }
  await Promise.all(pending);
}

async function until(done: () => boolean, timeoutMs: number, stepMs = 100): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (done()) return true;
    await sleep(stepMs);
  }
  return done();
}

const summary = (samples: number[], lost: number) => ({ ...percentiles(samples), lost });
type Summary = ReturnType<typeof summary>;
const line = (label: string, s: Summary) =>
  `${label}: p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)}  (n=${s.n}${s.lost ? `, lost ${s.lost}` : ''})`;

async function deleteLakehousePrefix(prefix: string): Promise<void> {
  const s3 = s3Client({});
  for (;;) {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
    const keys = (listed.Contents ?? []).map((o) => ({ Key: o.Key as string }));
    if (!keys.length) return;
    await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: keys } }));
  }
}

export async function benchFreshness(): Promise<Record<string, unknown>> {
  const vars = {
    TOPIC_SUFFIX: SUFFIX,
    PIPELINE_SUFFIX: SUFFIX,
    SUPPORT_NOTES_TOPIC: topic('cs.public.support_notes'),
    LOGISTICS_PATH: `s3://${BUCKET}/${LOGISTICS_PREFIX}`,
    LAKEHOUSE_DATABASE: DB,
  };
  const admin = new Admin({ clientId: 'cs360-bench-fresh', bootstrapBrokers: KAFKA_BROKERS });
  const cql = new cassandra.Client({ contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, socketOptions: { connectTimeout: 5000, readTimeout: 30_000 } });
  const s3 = s3Client({});
  const scripts = join(tmpdir(), `cs360-bench-fresh-${RUN}`);
  const closers: [string, () => Promise<unknown>][] = [];
  let projector: RunningProjector | undefined;
  const orders = new Map<string, OrderChange>();
  const byCustomer = new Map<string, OrderChange>();
  const skipped: Record<string, string> = {};
  const result: Record<string, unknown> = { n: N, ratePerSecond: RATE, source: SOURCE, suffix: SUFFIX, clock: 'performance.timeOrigin + performance.now() in this one process (producer and consumer timestamps on the same clock)' };

  try {
    try {
      await cql.connect();
    } catch (e) {
      throw new Error(`freshness needs the stack: Cassandra at ${CASSANDRA_POINTS.join(',')} did not answer (npm run stack:up): ${(e as Error).message}`, { cause: e });
    }
    process.stdout.write(`freshness: run ${RUN}, source ${SOURCE} (topics *${SUFFIX}, keyspace/lakehouse database ${DB})\n`);
    const existing = new Set(await admin.listTopics());
    if (!existing.has('orders_cdc')) throw new Error('topic orders_cdc is missing: is the connect service (orders-mysql-connector) up?');
    await admin.createTopics({ topics: TOPICS, partitions: 1, replicas: 1 });
    closers.push(['topics', () => admin.deleteTopics({ topics: TOPICS })]);
    await applyCassandraSchema(cql, readFileSync(join(REPO, 'stack/cassandra/schema.cql'), 'utf8'), DB);
    closers.push(['keyspace', () => cql.execute(`DROP KEYSPACE IF EXISTS ${DB}`)]);
    // The sources job watches a logistics folder: give it an empty one of its own.
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${LOGISTICS_PREFIX}empty.csv`, Body: '', ContentLength: 0, ContentType: 'text/csv' }));
    closers.push(['lakehouse files', () => deleteLakehousePrefix(`bench-fresh-${RUN}/`)]);
    closers.push(['paimon database', () => deleteLakehousePrefix(`paimon/${DB}.db/`)]);

    // The projector, writing through a store that notes when each customer's case row was written.
    const opened = await CassandraCaseStore.open({ contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, keyspace: DB });
    closers.push(['case store', () => opened.close()]);
    const inner = opened.store;
    const timedStore: CaseRows & StatsRows = {
      casePosition: (c, id) => inner.casePosition(c, id),
      writeCase: async (row, previous) => {
        await inner.writeCase(row, previous);
        const o = byCustomer.get(row.customer_id);
        if (o && o.tCassandra === undefined) o.tCassandra = now();
      },
      deleteCase: (c, id, at) => inner.deleteCase(c, id, at),
      statsPosition: (c) => inner.statsPosition(c),
      upsertStats: (s) => inner.upsertStats(s),
      deleteStats: (c) => inner.deleteStats(c),
    };
    const config = configSchema.parse({
      mode: 'stack',
      stack: { cassandra: { contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, keyspace: DB }, kafka: { brokers: KAFKA_BROKERS, topicSuffix: SUFFIX } },
      projector: { groupId: GROUPS[2] },
    });
    projector = await startCaseProjector(config, log, { caseStore: timedStore });
    closers.push(['projector', () => (projector as RunningProjector).stop()]);

    // Private copies of the two jobs (same text; their own file names so the runner's work files do not collide).
    mkdirSync(scripts, { recursive: true });
    closers.push(['flink jobs', async () => {
      for (const p of PIPELINES) {
        await cancelFlinkJob(p).catch((e: Error) => process.stderr.write(`freshness: cancelling ${p}: ${e.message}\n`));
        rmSync(pipelineCheckpointDir(p), { recursive: true, force: true });
      }
    }]);
    const submitted: Record<string, string[]> = {};
    for (const f of ['20_customer_case.sql', '10_sources.sql']) {
      const copy = join(scripts, `bench-fresh-${RUN}-${f}`);
      copyFileSync(join(REPO, 'flink-sql', f), copy);
      submitted[f] = (await submitFlinkScript(copy, { vars })).jobIds;
    }
    result.flinkJobs = submitted;

    // Kafka clients of the bench.
    const producer = new Producer<string, string, string, string>({ clientId: 'cs360-bench-fresh', bootstrapBrokers: KAFKA_BROKERS, serializers: stringSerializers, acks: -1 });
    closers.push(['producer', () => producer.close()]);
    const consumer = (name: string) => {
      const c = new Consumer<string, string, string, string>({ clientId: `cs360-bench-fresh-${name}`, bootstrapBrokers: KAFKA_BROKERS, groupId: `cs360-bench-fresh-${name}-${RUN}`, deserializers: stringDeserializers, autocommit: false, maxWaitTime: 200 });
      GROUPS.push(`cs360-bench-fresh-${name}-${RUN}`);
      closers.push([`consumer ${name}`, async () => { await c.close(true); }]);
      return c;
    };

    // Leg a: the real orders_cdc, relayed unchanged to the bench's copy of the topic.
    const cdcStream = SOURCE === 'mariadb' ? await consumer('cdc').consume({ topics: ['orders_cdc'], mode: 'latest', autocommit: false }) : null;
    cdcStream?.on('data', (m: { key?: string | null; value?: string | null }) => {
      const t = now();
      if (!m.value?.includes(`BF${RUN}`)) return;
      const change = JSON.parse(m.value) as { op?: string; after?: { order_id?: string } | null };
      const o = change.op === 'c' ? orders.get(change.after?.order_id ?? '') : undefined;
      if (!o || o.tDebezium !== undefined) return;
      o.tDebezium = t;
      o.tRelayed = now();
      producer.send({ messages: [{ topic: topic('orders_cdc'), key: m.key ?? undefined, value: m.value }] }).catch((e: Error) => process.stderr.write(`freshness: relay failed: ${e.message}\n`));
    });
    const db = SOURCE === 'mariadb' ? new MariaDb() : null;
    if (db) {
      closers.push(['mariadb client', () => db.close()]);
      closers.push(['bench orders', () => db.exec(`DELETE FROM orders WHERE order_id LIKE 'BF${RUN}%';`)]);
    }
    let seq = 0;
    const insertOrder = async (customerId: string): Promise<OrderChange> => {
      const orderId = `BF${RUN}${(seq++).toString(36)}`;
      const t = Date.now();
      const o: OrderChange = { orderId, customerId, tInsert: now() };
      orders.set(orderId, o);
      byCustomer.set(customerId, o);
      if (!db) {
        // The connector's shape (JsonConverter without schemas; DATETIME(3) as epoch ms).
        const after = { order_id: orderId, customer_id: customerId, status: 'PENDING', total_vnd: 350000, item_count: 1, channel: 'app', payment_method: 'COD', created_at: t, updated_at: t };
        o.tDebezium = o.tInsert;
        o.tRelayed = o.tInsert;
        await producer.send({ messages: [{ topic: topic('orders_cdc'), key: JSON.stringify({ order_id: orderId }), value: JSON.stringify({ before: null, after, source: { connector: 'mysql', db: 'ecommerce', table: 'orders' }, op: 'c', ts_ms: t }) }] });
        o.tCommitted = now();
        return o;
      }
      o.tCommitted = await db.exec(
        `INSERT INTO orders (order_id, customer_id, status, total_vnd, item_count, channel, payment_method, created_at, updated_at) VALUES ('${orderId}', '${customerId}', 'PENDING', 350000, 1, 'app', 'COD', '${sqlTime(t)}', '${sqlTime(t)}');`,
      );
      return o;
    };
    // Customer ids C99xxxxx: one new customer (so one new case row) per change.
    const customer = (leg: number, i: number) => `C99${leg}${String(i).padStart(4, '0')}`;

    // Leg b: ticket.escalated envelopes → cs_notifications<suffix>.
    const sentAt = new Map<string, number>();
    const seenAt = new Map<string, number>();
    const ntfStream = await consumer('ntf').consume({ topics: [topic('cs_notifications')], mode: 'earliest', autocommit: false });
    ntfStream.on('data', (m: { value?: string | null }) => {
      const t = now();
      const id = (JSON.parse(m.value ?? '{}') as { notification_id?: string }).notification_id?.replace(/^ntf-/, '');
      if (id && sentAt.has(id) && !seenAt.has(id)) seenAt.set(id, t);
    });
    let ticketSeq = 0;
    const escalate = async (customerId: string): Promise<string> => {
      const id = `bench-esc-${RUN}-${ticketSeq++}`;
      const t = Date.now();
      const envelope = {
        id,
        type: 'ticket.escalated',
        customer_id: customerId,
        event_time: new Date(t).toISOString(),
        source: 'support.tickets',
        payload: { ticket_id: `bench-ticket-${RUN}-${ticketSeq}`, status: 'ESCALATED', subject: 'Bench', reason: 'freshness benchmark', priority: 'HIGH', agent_id: 'bench-agent' },
        schema_version: 1,
      };
      sentAt.set(id, now());
      await producer.send({ messages: [{ topic: topic('support.tickets'), key: customerId, value: JSON.stringify(envelope) }] });
      return id;
    };

    // Warm-up (not measured): until one change of each kind has gone all the way through.
    const warm = async (what: string, send: (i: number) => Promise<() => boolean>) => {
      const t0 = Date.now();
      const checks: (() => boolean)[] = [];
      for (let i = 0; Date.now() - t0 < 240_000; i++) {
        checks.push(await send(i));
        if (await until(() => checks.some((c) => c()), 3000)) {
          process.stdout.write(`  warm-up ${what}: first change through after ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
          // A few more, so the measured run does not pay for first-use costs.
          const more = await Promise.all([1, 2, 3].map((j) => send(i + j)));
          await until(() => more.every((c) => c()), 30_000);
          return;
        }
      }
      throw new Error(`warm-up ${what}: no change came through in 240 s`);
    };

    if (LEGS.has('a')) {
      await warm('a (MariaDB → Cassandra)', async (i) => {
        const o = await insertOrder(customer(8, i));
        return () => o.tCassandra !== undefined;
      });
      const measured: OrderChange[] = [];
      const readers: Promise<void>[] = [];
      // An independent check of the projector's write acknowledgement: every READ_SAMPLE-th row is polled for by a reader.
      const readRow = async (o: OrderChange) => {
        const end = Date.now() + DRAIN_MS;
        while (Date.now() < end) {
          const rs = await cql.execute(`SELECT case_id FROM ${DB}.customer_case WHERE customer_id = ?`, [o.customerId], { prepare: true });
          if (rs.rowLength > 0) {
            o.tRead = now();
            return;
          }
          await sleep(25);
        }
      };
      process.stdout.write(`  leg a: ${N} INSERTs at ${RATE}/s…\n`);
      await paced(N, RATE, async (i) => {
        const o = await insertOrder(customer(1, i));
        measured.push(o);
        if (i % READ_SAMPLE === 0) readers.push(readRow(o));
      });
      await until(() => measured.every((o) => o.tCassandra !== undefined), DRAIN_MS, 200);
      await Promise.all(readers);
      const done = measured.filter((o) => o.tCassandra !== undefined && o.tDebezium !== undefined && o.tRelayed !== undefined);
      const lost = measured.length - done.length;
      const read = measured.filter((o) => o.tRead !== undefined);
      // Every timed row is really there.
      let rowsFound = 0;
      for (const o of done) rowsFound += (await cql.execute(`SELECT case_id FROM ${DB}.customer_case WHERE customer_id = ?`, [o.customerId], { prepare: true })).rowLength > 0 ? 1 : 0;
      result.a = {
        source: SOURCE,
        covers:
          SOURCE === 'kafka'
            ? 'Debezium-shaped record produced by the bench to orders_cdc<suffix> (time taken before send; the connector is not involved) → 10_sources → cs.events → 20_customer_case → cs_case_changes → case projector → customer_case row written in Cassandra'
            : 'INSERT into MariaDB ecommerce.orders (sent) → Debezium orders-mysql-connector → orders_cdc → bench relay → orders_cdc<suffix> → 10_sources → cs.events → 20_customer_case → cs_case_changes → case projector → customer_case row written in Cassandra',
        endToEnd: summary(done.map((o) => (o.tCassandra as number) - o.tInsert), lost),
        a0DebeziumInsertToOrdersCdc: SOURCE === 'kafka' ? 'not measured (BENCH_FRESHNESS_SOURCE=kafka)' : summary(done.map((o) => (o.tDebezium as number) - o.tInsert), lost),
        a1KafkaToCassandra: summary(done.map((o) => (o.tCassandra as number) - (o.tRelayed as number)), lost),
        readerSide: {
          covers: `1 change in ${READ_SAMPLE}: INSERT sent → a reader polling customer_case in Cassandra every 25 ms first sees the row`,
          ...summary(read.map((o) => (o.tRead as number) - o.tInsert), readers.length - read.length),
          afterWriteAck: percentiles(read.filter((o) => o.tCassandra !== undefined).map((o) => (o.tRead as number) - (o.tCassandra as number))),
        },
        insertRoundTrip: summary(done.map((o) => (o.tCommitted as number) - o.tInsert), 0),
        rowsReadBack: rowsFound,
        budgetP95Ms: BUDGET_SERVING_P95_MS,
      };
    } else skipped.a = 'not in BENCH_FRESHNESS_LEGS';

    if (LEGS.has('b')) {
      await warm('b (support.tickets → cs_notifications)', async (i) => {
        const id = await escalate(customer(9, i));
        return () => seenAt.has(id);
      });
      const ids: string[] = [];
      process.stdout.write(`  leg b: ${N} ticket.escalated envelopes at ${RATE}/s…\n`);
      await paced(N, RATE, async (i) => void ids.push(await escalate(customer(2, i))));
      await until(() => ids.every((id) => seenAt.has(id)), DRAIN_MS, 200);
      const seen = ids.filter((id) => seenAt.has(id));
      result.b = {
        covers: 'ticket.escalated envelope produced to support.tickets<suffix> (the CouchDB changes worker\'s topic; time taken before send) → 20_customer_case → cs_notifications<suffix> → received by a Kafka consumer',
        latency: summary(seen.map((id) => (seenAt.get(id) as number) - (sentAt.get(id) as number)), ids.length - seen.length),
        budgetP95Ms: BUDGET_SERVING_P95_MS,
      };
    } else skipped.b = 'not in BENCH_FRESHNESS_LEGS';

    if (!LEGS.has('c')) skipped.c = 'not in BENCH_FRESHNESS_LEGS';
    else {
      const table = `iceberg."${DB}".cs_timeline`;
      closers.push(['iceberg table', async () => {
        await trinoQuery(`DROP TABLE IF EXISTS ${table}`);
        await trinoQuery(`DROP SCHEMA IF EXISTS iceberg."${DB}"`);
      }]);
      const measured: OrderChange[] = [];
      const pace = Math.min(RATE, 1 / 3);
      process.stdout.write(`  leg c: ${TRINO_N} INSERTs, one every ${(1 / pace).toFixed(0)} s, polling ${table} every 500 ms…\n`);
      let polling = true;
      let pollError = '';
      const poller = (async () => {
        while (polling) {
          const pending = measured.filter((o) => o.tTrino === undefined);
          if (pending.length) {
            try {
              const rows = await trinoQuery(`SELECT DISTINCT customer_id FROM ${table} WHERE customer_id IN (${pending.map((o) => `'${o.customerId}'`).join(', ')})`);
              const t = now();
              for (const [c] of rows) {
                const o = byCustomer.get(c as string);
                if (o && o.tTrino === undefined) o.tTrino = t;
              }
              pollError = '';
            } catch (e) {
              pollError = (e as Error).message;
            }
          }
          await sleep(500);
        }
      })();
      await paced(TRINO_N, pace, async (i) => void measured.push(await insertOrder(customer(3, i))));
      await until(() => measured.every((o) => o.tTrino !== undefined), BUDGET_TRINO_MS + 50_000, 500);
      polling = false;
      await poller;
      const seen = measured.filter((o) => o.tTrino !== undefined);
      if (!seen.length) skipped.c = `no row became visible in ${table} within ${(BUDGET_TRINO_MS + 50_000) / 1000} s of the last INSERT${pollError ? ` (last Trino error: ${pollError})` : ''}`;
      else
        result.c = {
          covers: `INSERT into MariaDB ecommerce.orders (as in a) → … → 20_customer_case → Iceberg cs_timeline in Nessie (Flink's Iceberg sink, commit at checkpoint, ${CHECKPOINT_MS / 1000} s) → SELECT on ${table} via Trino returns the row (polled every 500 ms)`,
          latency: summary(seen.map((o) => (o.tTrino as number) - o.tInsert), measured.length - seen.length),
          budgetMs: BUDGET_TRINO_MS,
        };
    }
    result.skipped = skipped;
    // A figure is only worth something if the bench's jobs ran throughout (the cluster is shared: a restart kills them).
    const states = new Map((await flinkJobs()).map((j) => [j.jid, j.state]));
    const jobStates = Object.fromEntries(Object.values(submitted).flat().map((jid) => [jid, states.get(jid) ?? 'missing (cluster restarted?)']));
    result.flinkJobStatesAtEnd = jobStates;
    result.valid = Object.values(jobStates).every((s) => s === 'RUNNING');

    // Output.
    process.stdout.write(`freshness (N=${N} at ${RATE}/s; timestamps on this machine's clock; private jobs ${PIPELINES.join(', ')}):\n`);
    if (!result.valid) process.stdout.write(`  INVALID RUN: the bench's Flink jobs did not run throughout (${JSON.stringify(jobStates)}); the figures below include that outage\n`);
    const a = result.a as { endToEnd: Summary; a0DebeziumInsertToOrdersCdc: Summary | string; a1KafkaToCassandra: Summary; readerSide: Summary; insertRoundTrip: Summary; rowsReadBack: number } | undefined;
    if (a) {
      const pass = a.endToEnd.p95 <= BUDGET_SERVING_P95_MS && a.endToEnd.lost === 0;
      const from = SOURCE === 'kafka' ? 'Debezium-shaped record produced to orders_cdc<suffix>' : 'MariaDB INSERT';
      process.stdout.write(`  ${line(`(a) ${from} → customer_case row in Cassandra (end to end)`, a.endToEnd)}  [budget p95 ≤ 5 s: ${pass ? 'PASS' : 'FAIL'}]\n`);
      if (typeof a.a0DebeziumInsertToOrdersCdc !== 'string') process.stdout.write(`      ${line('a0 INSERT → orders_cdc (Debezium connector)', a.a0DebeziumInsertToOrdersCdc)}\n`);
      process.stdout.write(`      ${line('a1 orders_cdc<suffix> produce → Cassandra (Kafka → 10_sources → 20_customer_case → projector → Cassandra)', a.a1KafkaToCassandra)}\n`);
      process.stdout.write(`      ${line(`a, reader side (1 change in ${READ_SAMPLE}, Cassandra polled every 25 ms)`, a.readerSide)}\n`);
      process.stdout.write(`      ${SOURCE === 'kafka' ? 'produce round trip (acks=all)' : 'INSERT round trip (mariadb client)'}: p50 ${fmt(a.insertRoundTrip.p50)}; rows read back from Cassandra: ${a.rowsReadBack}/${a.endToEnd.n}\n`);
      result.passA = pass;
    } else process.stdout.write(`  (a) skipped: ${skipped.a}\n`);
    const b = result.b as { latency: Summary } | undefined;
    if (b) {
      const pass = b.latency.p95 <= BUDGET_SERVING_P95_MS && b.latency.lost === 0;
      process.stdout.write(`  ${line('(b) ticket.escalated on support.tickets → its message on cs_notifications', b.latency)}  [budget p95 ≤ 5 s: ${pass ? 'PASS' : 'FAIL'}]\n`);
      result.passB = pass;
    } else process.stdout.write(`  (b) skipped: ${skipped.b}\n`);
    const c = result.c as { latency: Summary } | undefined;
    if (c) {
      const pass = c.latency.max <= BUDGET_TRINO_MS && c.latency.lost === 0;
      process.stdout.write(`  ${line(`(c) ${SOURCE === 'kafka' ? 'record on orders_cdc<suffix>' : 'MariaDB INSERT'} → row readable in Trino (iceberg cs_timeline)`, c.latency)}  [budget ≤ 40 s: ${pass ? 'PASS' : 'FAIL'}]\n`);
      result.passC = pass;
    } else process.stdout.write(`  (c) skipped: ${skipped.c}\n`);
    report('freshness', result);
    return result;
  } finally {
    for (const [what, close] of closers.reverse()) await close().catch((e: Error) => process.stderr.write(`freshness: cleanup of ${what} failed: ${e.message}\n`));
    await admin.deleteGroups({ groups: GROUPS }).catch(() => undefined);
    await admin.close().catch(() => undefined);
    await cql.shutdown().catch(() => undefined);
    rmSync(scripts, { recursive: true, force: true });
  }
}
