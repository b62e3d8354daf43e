import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cassandra from 'cassandra-driver';
import { Trino, type QueryResult } from 'trino-client';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelFlinkJob, restartFlinkJob, submitFlinkScript } from '../../stack/runner/flinkSql';
import { applyTrinoViews } from '../../stack/runner/trino';
import { FLINK_URL } from '../../stack/runner/ports';
import { applyCassandraSchema } from '../adapters/stack/cassandraSchema';
import { DEFAULT_CASSANDRA } from '../adapters/stack/cassandraCaseStore';
import { DEFAULT_TRINO, TrinoHistoryStore } from '../adapters/stack/trinoHistoryStore';
import { configSchema } from '../config/schema';
import { startCaseProjector, type RunningProjector } from '../projector/startProjector';
import { createTopics, deleteTopics, produce, readUntil, type KafkaRecord } from '../testing/kafkaTest';
import { KAFKA_BROKERS } from '../testing/stackTestApp';

// The golden fixtures (fixtures/golden) through the real thing: flink-sql/20_customer_case.sql on
// the runner's Flink cluster, its upsert topics applied to Cassandra by the case projector. The same
// files the embedded pipeline passes in golden.test.ts. Everything is suffixed per run: topics,
// pipeline name, consumer groups, Paimon database, Cassandra keyspace.

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const DIR = join(REPO, 'fixtures/golden');
const RUN = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const SUFFIX = `.golden.${RUN}`;
const PIPELINE = `cs360-customer-case${SUFFIX}`;
const KEYSPACE = `golden_${RUN}`;
const VARS = { TOPIC_SUFFIX: SUFFIX, PIPELINE_SUFFIX: SUFFIX, LAKEHOUSE_DATABASE: `golden_${RUN}` };
const topic = (name: string) => `${name}${SUFFIX}`;
const TOPICS = ['cs.events', 'support.tickets', 'cs_case_changes', 'cs_customer_stats', 'cs_notifications', 'cs_timeline', 'cs.deadletter'].map(topic);
const CASSANDRA_POINTS = process.env.CS360_CASSANDRA_CONTACT_POINTS?.split(',') ?? DEFAULT_CASSANDRA.contactPoints;
const CASSANDRA_DC = process.env.CS360_CASSANDRA_DC ?? DEFAULT_CASSANDRA.localDataCenter;
const log = pino({ level: process.env.CS360_TEST_LOG ?? 'silent' });

interface Golden {
  input: unknown[];
  expected: {
    cases: { customer_id: string; case_id: string; last_event_time: string; order_ids: string[]; payment_status: string | null; ticket_status: string | null; shipment_status: string | null; notes: string | null }[];
    timeline: { customer_id: string; event_type: string; payload: Record<string, string>; event_time: string }[];
    notifications: { notification_id: string; message_contains: string[]; event_time: string; [k: string]: unknown }[];
    stats?: { customer_id: string; lifetime_value_vnd: number; order_count: number; last_event_time: string }[];
    deadLetters: { input_index?: number; reason_contains: string }[];
    late?: number;
  };
}
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, g: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Golden }));
const all = <T>(pick: (g: Golden) => T[]) => fixtures.flatMap(({ g }) => pick(g));
const customers = [...new Set(all((g) => g.expected.cases.map((c) => c.customer_id)).concat(all((g) => (g.expected.stats ?? []).map((s) => s.customer_id))))];
const iso = (ms: number | Date) => new Date(ms).toISOString();
const byKey = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const keyOf = (r: unknown) => (typeof r === 'object' && r !== null && typeof (r as { customer_id?: unknown }).customer_id === 'string' ? (r as { customer_id: string }).customer_id : undefined);
const records = () => all((g) => g.input).map((r) => ({ key: keyOf(r), value: JSON.stringify(r) }));
const parsed = <T>(rs: KafkaRecord[]) => rs.filter((r) => r.value !== null).map((r) => JSON.parse(r.value as string) as T);

/** One Trino statement to completion, its rows. */
async function trinoRows(sql: string): Promise<unknown[][]> {
  const trino = Trino.create({ server: DEFAULT_TRINO.url, catalog: 'iceberg', extraHeaders: { 'X-Trino-User': 'cs360-stack-test' } });
  const it = await trino.query(sql);
  const rows: unknown[][] = [];
  for (;;) {
    const { value, done } = (await it.next()) as IteratorResult<QueryResult, QueryResult>;
    if (value?.error) throw new Error(value.error.message);
    rows.push(...((value?.data ?? []) as unknown[][]));
    if (done) return rows;
  }
}

/** The run's Iceberg namespace in Nessie, dropped through Trino (its files stay: Nessie never deletes them). */
async function dropLakehouseSchema(schema: string) {
  for (const sql of [`DROP VIEW IF EXISTS iceberg.${schema}.vw_support_case_timeline`, `DROP TABLE IF EXISTS iceberg.${schema}.cs_timeline`, `DROP SCHEMA IF EXISTS iceberg.${schema}`]) await trinoRows(sql);
}

let cql: cassandra.Client;
let projector: RunningProjector;

async function casesInCassandra() {
  const rows: Golden['expected']['cases'] = [];
  for (const c of customers) {
    const rs = await cql.execute(`SELECT * FROM ${KEYSPACE}.customer_case WHERE customer_id = ?`, [c], { prepare: true });
    for (const r of rs.rows) {
      rows.push({
        customer_id: r.customer_id as string,
        case_id: r.case_id as string,
        last_event_time: iso(r.last_event_time as Date),
        order_ids: (r.order_ids as string[] | null) ?? [],
        payment_status: (r.payment_status as string | null) ?? null,
        ticket_status: (r.ticket_status as string | null) ?? null,
        shipment_status: (r.shipment_status as string | null) ?? null,
        notes: (r.notes as string | null) ?? null,
      });
    }
  }
  return byKey(rows, (r) => `${r.customer_id}|${r.case_id}`);
}

async function statsInCassandra() {
  const rows: NonNullable<Golden['expected']['stats']> = [];
  for (const c of customers) {
    const rs = await cql.execute(`SELECT * FROM ${KEYSPACE}.customer_stats WHERE customer_id = ?`, [c], { prepare: true });
    for (const r of rs.rows) rows.push({ customer_id: r.customer_id as string, lifetime_value_vnd: Number(r.lifetime_value_vnd), order_count: Number(r.order_count), last_event_time: iso(r.last_event_time as Date) });
  }
  return byKey(rows, (r) => r.customer_id);
}

const expectedTimeline = byKey(all((g) => g.expected.timeline), (r) => `${r.customer_id}|${r.event_time}|${r.event_type}`);
/** The run's cs_timeline rows as the backend reads them in stack mode (TrinoHistoryStore over Iceberg in Nessie). */
async function timelineInTrino() {
  const history = new TrinoHistoryStore({ schema: VARS.LAKEHOUSE_DATABASE });
  const rows = [];
  for (const c of new Set(expectedTimeline.map((r) => r.customer_id))) rows.push(...(await history.timelinePage({ customerId: c, limit: 500 }).catch(() => [])));
  return byKey(
    rows.map((r) => ({ ...r, event_time: iso(r.event_time) })),
    (r) => `${r.customer_id}|${r.event_time}|${r.event_type}`,
  );
}
const expectedCases = byKey(all((g) => g.expected.cases), (r) => `${r.customer_id}|${r.case_id}`);
const expectedStats = byKey(all((g) => g.expected.stats ?? []), (r) => r.customer_id);
const expectedNotifications = byKey(all((g) => g.expected.notifications), (n) => n.notification_id);
const expectedDeadLetters = fixtures.flatMap(({ g }) => g.expected.deadLetters.map((d) => ({ ...d, record: d.input_index === undefined ? undefined : g.input[d.input_index] })));

interface Notification {
  notification_id: string;
  message: string;
  event_time: number;
  [k: string]: unknown;
}

async function completedCheckpoints(jid: string): Promise<number> {
  const res = await fetch(`${FLINK_URL}/jobs/${jid}/checkpoints`);
  const body = (await res.json()) as { counts?: { completed?: number } };
  return body.counts?.completed ?? 0;
}

describe('golden fixtures on the Flink SQL job (flink-sql/20_customer_case.sql)', () => {
  let jobId = '';

  beforeAll(async () => {
    await createTopics(TOPICS, 1);
    cql = new cassandra.Client({ contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, socketOptions: { readTimeout: 30_000 } });
    await cql.connect();
    await applyCassandraSchema(cql, readFileSync(join(REPO, 'stack/cassandra/schema.cql'), 'utf8'), KEYSPACE);
    const config = configSchema.parse({
      mode: 'stack',
      stack: { cassandra: { contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, keyspace: KEYSPACE }, kafka: { brokers: KAFKA_BROKERS, topicSuffix: SUFFIX } },
      projector: { groupId: `cs360-golden-projector-${RUN}` },
    });
    projector = await startCaseProjector(config, log, { tuning: { lagIntervalMs: 500 } });
    const submitted = await submitFlinkScript(join(REPO, 'flink-sql/20_customer_case.sql'), { vars: VARS });
    jobId = submitted.jobIds[0] ?? '';
    expect(jobId).toMatch(/^[0-9a-f]{32}$/);
  }, 240_000);

  afterAll(async () => {
    await cancelFlinkJob(PIPELINE).catch(() => undefined);
    await projector?.stop();
    await cql?.execute(`DROP KEYSPACE IF EXISTS ${KEYSPACE}`).catch(() => undefined);
    await cql?.shutdown();
    await deleteTopics(TOPICS).catch(() => undefined);
    await dropLakehouseSchema(VARS.LAKEHOUSE_DATABASE).catch(() => undefined);
  }, 120_000);

  it('turns every fixture input into the expected cases, stats, timeline rows, notifications and dead letters', async () => {
    await produce(topic('cs.events'), records());

    const notifications = parsed<Notification>(await readUntil(topic('cs_notifications'), (rs) => rs.length >= expectedNotifications.length, 90_000));
    const got = byKey(notifications, (n) => n.notification_id);
    expect(got.map(({ message: _m, ...n }) => ({ ...n, event_time: iso(n.event_time) }))).toEqual(expectedNotifications.map(({ message_contains: _c, ...n }) => n));
    got.forEach((n, i) => {
      for (const part of expectedNotifications[i]!.message_contains) expect(n.message).toContain(part);
    });

    const dead = parsed<{ topic: string; reason: string; record: string }>(await readUntil(topic('cs.deadletter'), (rs) => rs.length >= expectedDeadLetters.length, 60_000));
    expect(dead).toHaveLength(expectedDeadLetters.length);
    dead.forEach((d, i) => {
      const want = expectedDeadLetters[i]!;
      expect(d.topic).toBe(topic('cs.events'));
      expect(d.reason).toContain(want.reason_contains);
      if (want.record !== undefined) expect(JSON.parse(d.record)).toEqual(want.record);
    });

    // cs_timeline rows as the live topic carries them, the last of each key winning (the Paimon table's upsert).
    const rows = parsed<{ customer_id: string; event_type: string; payload: Record<string, string>; event_time: number }>(
      await readUntil(topic('cs_timeline'), (rs) => new Set(rs.map((r) => r.value && JSON.parse(r.value).event_time + JSON.parse(r.value).event_type + JSON.parse(r.value).customer_id)).size >= expectedTimeline.length, 60_000),
    );
    const latest = new Map(rows.map((r) => [`${r.customer_id}|${iso(r.event_time)}|${r.event_type}`, { ...r, event_time: iso(r.event_time) }]));
    expect(byKey([...latest.values()], (r) => `${r.customer_id}|${r.event_time}|${r.event_type}`)).toEqual(expectedTimeline);

    await expect.poll(casesInCassandra, { timeout: 60_000, interval: 500 }).toEqual(expectedCases);
    await expect.poll(statsInCassandra, { timeout: 60_000, interval: 500 }).toEqual(expectedStats);

    // The lakehouse: the Iceberg table in Nessie, committed at the next checkpoint (≤ 30 s), read the
    // way the backend reads it in stack mode (TrinoHistoryStore).
    await expect.poll(timelineInTrino, { timeout: 90_000, interval: 2000 }).toEqual(expectedTimeline);

    // vw_support_case_timeline (stack/trino/views.sql): the orders, payments and shipments of each
    // case under the case ids the streaming job gave (checked where no event arrived late, since the
    // view sessionises by event time and the job by arrival).
    await applyTrinoViews(VARS.LAKEHOUSE_DATABASE);
    const view = await trinoRows(`SELECT customer_id, case_id, event_type FROM iceberg.${VARS.LAKEHOUSE_DATABASE}.vw_support_case_timeline`);
    const inOrder = fixtures.filter(({ g }) => g.expected.late === 0);
    expect(inOrder.length).toBeGreaterThanOrEqual(5);
    for (const { g } of inOrder) {
      for (const c of new Set(g.expected.cases.map((r) => r.customer_id))) {
        const caseIds = new Set(g.expected.cases.filter((r) => r.customer_id === c).map((r) => r.case_id));
        const want = g.expected.timeline.filter((r) => r.customer_id === c && /^(order|payment|shipment)\./.test(r.event_type));
        const got = view.filter((r) => r[0] === c);
        expect(got).toHaveLength(want.length);
        for (const r of got) expect(caseIds).toContain(r[1]);
      }
    }
  }, 300_000);

  it('restarted from its checkpoint and fed the whole input again, it changes nothing and repeats nothing', async () => {
    // A checkpoint that covers everything produced so far.
    const before = await completedCheckpoints(jobId);
    await expect.poll(() => completedCheckpoints(jobId), { timeout: 75_000, interval: 1000 }).toBeGreaterThan(before);
    const notificationsBefore = (await readUntil(topic('cs_notifications'), () => false, 3000)).length;

    const restarted = await restartFlinkJob(PIPELINE, { vars: VARS });
    expect(restarted.restoredFrom).not.toBeNull();
    jobId = restarted.jobIds[0] ?? '';
    await produce(topic('cs.events'), records());

    // Every replayed record is known by id: no new notification, cases and stats as they were.
    await new Promise((r) => setTimeout(r, 15_000));
    expect((await readUntil(topic('cs_notifications'), () => false, 3000)).length).toBe(notificationsBefore);
    expect(await casesInCassandra()).toEqual(expectedCases);
    expect(await statsInCassandra()).toEqual(expectedStats);
    // The lakehouse after the next checkpoint: the same rows, none twice (the Iceberg sink commits once per checkpoint).
    const committed = await completedCheckpoints(jobId);
    await expect.poll(() => completedCheckpoints(jobId), { timeout: 75_000, interval: 1000 }).toBeGreaterThan(committed);
    expect(await timelineInTrino()).toEqual(expectedTimeline);
    // The malformed records are rejected again (a dead letter per delivery), and the job kept running.
    const state = (await (await fetch(`${FLINK_URL}/jobs/${jobId}`)).json()) as { state: string };
    expect(state.state).toBe('RUNNING');
  }, 300_000);
});
