import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Admin, Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import cassandra from 'cassandra-driver';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import type { CustomerCaseRow, CustomerStats } from '../../common/model';
import { CassandraCaseStore, DEFAULT_CASSANDRA } from '../adapters/stack/cassandraCaseStore';
import { applyCassandraSchema } from '../adapters/stack/cassandraSchema';
import { DEFAULT_KAFKA_BROKERS } from '../adapters/stack/kafkaBus';
import { configSchema } from '../config/schema';
import type { CaseRows } from './caseWriter';
import type { StatsRows } from './statsWriter';
import { startCaseProjector, type RunningProjector } from './startProjector';

// The case projector against the real engines of `npm run stack:up`: fresh topics (case changes,
// customer stats, dead letters) and a throwaway keyspace per run. An engine that is down fails the
// suite with a message saying so.
const CASSANDRA_POINTS = process.env.CS360_CASSANDRA_CONTACT_POINTS?.split(',') ?? DEFAULT_CASSANDRA.contactPoints;
const CASSANDRA_DC = process.env.CS360_CASSANDRA_DC ?? DEFAULT_CASSANDRA.localDataCenter;
const KAFKA_BROKERS = process.env.CS360_KAFKA_BROKERS?.split(',') ?? DEFAULT_KAFKA_BROKERS;
const RUN = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const KEYSPACE = `projector_${RUN}`;
const SUFFIX = `.projector.${RUN}`;
const TOPIC = `cs_case_changes${SUFFIX}`;
const STATS_TOPIC = `cs_customer_stats${SUFFIX}`;
const DEADLETTER = `cs.deadletter${SUFFIX}`;
const GROUP = `cs360-projector-${RUN}`;
const log = pino({ level: process.env.CS360_TEST_LOG ?? 'silent' });

const config = (groupId = GROUP, batchSize = 50) =>
  configSchema.parse({
    mode: 'stack',
    stack: { cassandra: { contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, keyspace: KEYSPACE }, kafka: { brokers: KAFKA_BROKERS, topicSuffix: SUFFIX } },
    projector: { groupId, batchSize },
  });
const tuning = { retry: { baseMs: 50, maxMs: 500 }, lagIntervalMs: 300, sessionTimeoutMs: 6000 };

let cql: cassandra.Client;
let producer: Producer<string, string, string, string>;
let sent = 0;
const running: RunningProjector[] = [];

const T0 = Date.UTC(2025, 2, 10, 2, 0);
const cid = (n: number) => `C${String(n).padStart(7, '0')}`;
const caseOf = (n: number) => ({ customer_id: cid(n), case_id: `${cid(n)}:20250310T020000Z` });
const version = (n: number, t: number, over: Partial<CustomerCaseRow> = {}): CustomerCaseRow => ({
  ...caseOf(n),
  last_event_time: t,
  order_ids: [`O${n}-1`, `O${n}-2`],
  payment_status: 'CAPTURED',
  ticket_status: null,
  shipment_status: null,
  notes: null,
  ...over,
});

/** Sends records as Flink's upsert-kafka sink does: JSON key, JSON value, null value = tombstone. */
async function send(records: { key: string | undefined; value: string | null }[]) {
  for (let i = 0; i < records.length; i += 500) {
    await producer.send({ messages: records.slice(i, i + 500).map((r) => ({ topic: TOPIC, key: r.key, value: r.value as string })) });
  }
  sent += records.length;
}
const upsert = (r: CustomerCaseRow) => ({ key: JSON.stringify({ customer_id: r.customer_id, case_id: r.case_id }), value: JSON.stringify(r) });
const tombstone = (n: number) => ({ key: JSON.stringify(caseOf(n)), value: null });

/** Every record sent so far has been handled and committed (by the projectors of this group). */
async function settled(p: RunningProjector, baseline = 0) {
  await expect.poll(() => p.projector.stats.records + baseline, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(sent);
}

const toRow = (r: cassandra.types.Row): CustomerCaseRow => ({
  customer_id: r.get('customer_id') as string,
  case_id: r.get('case_id') as string,
  last_event_time: (r.get('last_event_time') as Date).getTime(),
  order_ids: (r.get('order_ids') as string[] | null) ?? [],
  payment_status: r.get('payment_status') as string | null,
  ticket_status: r.get('ticket_status') as string | null,
  shipment_status: r.get('shipment_status') as string | null,
  notes: r.get('notes') as string | null,
});
async function rowsOf(n: number) {
  return (await cql.execute(`SELECT * FROM ${KEYSPACE}.customer_case WHERE customer_id = ?`, [cid(n)], { prepare: true })).rows.map(toRow);
}
async function positionOf(n: number) {
  const [r] = (await cql.execute(`SELECT last_event_time FROM ${KEYSPACE}.customer_case_by_id WHERE customer_id = ? AND case_id = ?`, [cid(n), caseOf(n).case_id], { prepare: true })).rows;
  return r ? (r.get('last_event_time') as Date).getTime() : null;
}
async function wholeTable() {
  const rows = (await cql.execute(`SELECT * FROM ${KEYSPACE}.customer_case`, [], { fetchSize: 10_000 })).rows.map(toRow);
  const byId = (await cql.execute(`SELECT * FROM ${KEYSPACE}.customer_case_by_id`, [], { fetchSize: 10_000 })).rows;
  return {
    rows: rows.sort((a, b) => a.customer_id.localeCompare(b.customer_id)),
    byId: Object.fromEntries(byId.map((r) => [r.get('customer_id') as string, (r.get('last_event_time') as Date).getTime()])),
  };
}

/** The stats methods of a store, for a wrapper that changes only the case ones. */
const statsOf = (s: StatsRows): StatsRows => ({ statsPosition: (c) => s.statsPosition(c), upsertStats: (x) => s.upsertStats(x), deleteStats: (c) => s.deleteStats(c) });

/** The dead letters of one source topic, read from the start of the run's cs.deadletter. */
async function deadLettersOf(topic: string, expected: number) {
  const reader = new Consumer({ clientId: 'cs360-projector-test', groupId: `${GROUP}-deadletter-reader-${randomBytes(3).toString('hex')}`, bootstrapBrokers: KAFKA_BROKERS, deserializers: stringDeserializers });
  try {
    const stream = await reader.consume({ topics: [DEADLETTER], mode: 'earliest', autocommit: false });
    const letters: { topic: string; reason: string; record: { key: string; value: string }; at: number }[] = [];
    stream.on('data', (m) => {
      const letter = JSON.parse(m.value as string) as (typeof letters)[number];
      if (letter.topic === topic) letters.push(letter);
    });
    await expect.poll(() => letters.length, { timeout: 15_000 }).toBe(expected);
    await stream.close();
    return letters;
  } finally {
    await reader.close(true);
  }
}

beforeAll(async () => {
  try {
    cql = new cassandra.Client({ contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, socketOptions: { connectTimeout: 5000, readTimeout: 30_000 } });
    await cql.connect();
    await applyCassandraSchema(cql, readFileSync(join(__dirname, '../../stack/cassandra/schema.cql'), 'utf8'), KEYSPACE);
    const admin = new Admin({ clientId: 'cs360-projector-test', bootstrapBrokers: KAFKA_BROKERS });
    await admin.createTopics({ topics: [TOPIC, STATS_TOPIC], partitions: 3, replicas: 1 }).finally(() => undefined);
    await admin.createTopics({ topics: [DEADLETTER], partitions: 1, replicas: 1 }).finally(() => admin.close());
    producer = new Producer({ clientId: 'cs360-projector-test', bootstrapBrokers: KAFKA_BROKERS, serializers: stringSerializers, acks: -1 });
  } catch (e) {
    throw new Error(`the stack is not up (npm run stack:up -- kafka cassandra): ${(e as Error).message}`, { cause: e });
  }
});

afterAll(async () => {
  for (const p of running) await p.stop().catch(() => undefined);
  await producer?.close().catch(() => undefined);
  await cql?.execute(`DROP KEYSPACE IF EXISTS ${KEYSPACE}`).catch(() => undefined);
  await cql?.shutdown().catch(() => undefined);
  const admin = new Admin({ clientId: 'cs360-projector-test', bootstrapBrokers: KAFKA_BROKERS });
  await admin.deleteTopics({ topics: [TOPIC, STATS_TOPIC, DEADLETTER] }).catch(() => undefined);
  await admin.close().catch(() => undefined);
});

describe('case projector on Kafka + Cassandra', () => {
  let first: RunningProjector;
  const registry = new Registry();

  it('creates a case from its first version', async () => {
    first = await startCaseProjector(config(), log, { registry, tuning });
    running.push(first);
    await send([upsert(version(1, T0))]);
    await settled(first);
    expect(await rowsOf(1)).toEqual([version(1, T0)]);
    expect(await positionOf(1)).toBe(T0);
  });

  it('moves a case whose last_event_time changed: the old position is gone, one row per case', async () => {
    await send([upsert(version(1, T0 + 60_000, { ticket_status: 'OPEN', order_ids: ['O1-1', 'O1-2', 'O1-3'] }))]);
    await settled(first);
    expect(await rowsOf(1)).toEqual([version(1, T0 + 60_000, { ticket_status: 'OPEN', order_ids: ['O1-1', 'O1-2', 'O1-3'] })]);
    expect(await positionOf(1)).toBe(T0 + 60_000);
  });

  it('applies a duplicate delivery harmlessly and ignores an older version', async () => {
    const current = version(1, T0 + 60_000, { ticket_status: 'OPEN', order_ids: ['O1-1', 'O1-2', 'O1-3'] });
    await send([upsert(current), upsert(current), upsert(version(1, T0 + 30_000, { ticket_status: 'STALE' })), upsert(version(1, T0, { ticket_status: 'OLDER' }))]);
    await settled(first);
    expect(await rowsOf(1)).toEqual([current]);
    expect(await positionOf(1)).toBe(T0 + 60_000);
    const applied = Object.fromEntries(((await registry.getSingleMetric('cs360_projector_applied_total')?.get())?.values ?? []).filter((v) => v.labels.topic === TOPIC).map((v) => [v.labels.outcome, v.value]));
    expect(applied).toMatchObject({ inserted: 1, moved: 1, overwritten: 2, stale: 2 });
  });

  it('deletes a case on a tombstone (both tables)', async () => {
    await send([upsert(version(2, T0)), tombstone(1)]);
    await settled(first);
    expect(await rowsOf(1)).toEqual([]);
    expect(await positionOf(1)).toBeNull();
    expect(await rowsOf(2)).toEqual([version(2, T0)]);
  });

  it('dead-letters a malformed record with its reason and still applies the next valid one', async () => {
    const key3 = JSON.stringify(caseOf(3));
    await send([
      { key: key3, value: '{"customer_id": "C0000003", ' },
      { key: key3, value: JSON.stringify(version(4, T0)) },
      upsert(version(3, T0 + 5000)),
    ]);
    await settled(first);
    expect(await rowsOf(3)).toEqual([version(3, T0 + 5000)]);

    expect(await deadLettersOf(TOPIC, 2)).toEqual([
      { topic: TOPIC, reason: expect.stringMatching(/^VALUE_NOT_JSON: /), record: expect.objectContaining({ key: key3, value: '{"customer_id": "C0000003", ' }), at: expect.any(Number) },
      { topic: TOPIC, reason: expect.stringMatching(/^KEY_VALUE_MISMATCH: /), record: expect.objectContaining({ key: key3 }), at: expect.any(Number) },
    ]);
    const dead = Object.fromEntries(((await registry.getSingleMetric('cs360_projector_deadletter_total')?.get())?.values ?? []).filter((v) => v.labels.topic === TOPIC).map((v) => [v.labels.reason, v.value]));
    expect(dead).toEqual({ VALUE_NOT_JSON: 1, KEY_VALUE_MISMATCH: 1 });
    expect(await rowsOf(4)).toEqual([]);
  });

  it('retries while Cassandra fails, commits nothing meanwhile, then applies', async () => {
    await first.stop();
    const store = await CassandraCaseStore.open({ contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, keyspace: KEYSPACE });
    let down = true;
    const failing: CaseRows & StatsRows = {
      ...statsOf(store.store),
      casePosition: async (c, k) => {
        if (down) throw new AppError('UNAVAILABLE', 'The customer store (Cassandra) is unavailable; try again shortly');
        return store.store.casePosition(c, k);
      },
      writeCase: (r, p) => store.store.writeCase(r, p),
      deleteCase: (c, k, at) => store.store.deleteCase(c, k, at),
    };
    const reg = new Registry();
    const flaky = await startCaseProjector(config(), log, { caseStore: failing, registry: reg, tuning });
    running.push(flaky);
    await send([upsert(version(5, T0))]);
    const value = async (name: string) => ((await reg.getSingleMetric(name)?.get())?.values ?? []).reduce((a, v) => a + v.value, 0);
    await expect.poll(() => value('cs360_projector_write_errors_total'), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    expect(await value('cs360_projector_retrying')).toBe(1);
    await expect.poll(() => value('cs360_projector_lag'), { timeout: 5000 }).toBe(1);
    expect(flaky.projector.stats.records).toBe(0);
    expect(await rowsOf(5)).toEqual([]);

    down = false;
    await settled(flaky, sent - 1);
    expect(await rowsOf(5)).toEqual([version(5, T0)]);
    expect(await value('cs360_projector_retrying')).toBe(0);
    await expect.poll(() => value('cs360_projector_lag'), { timeout: 5000 }).toBe(0);
    await flaky.stop();
    await store.close();
  });

  // The tail of the topic: 200 cases × 10 versions (interleaved, each version sent twice, and an
  // older one after the newest), i.e. 4,200 records.
  const CASES = 200;
  const VERSIONS = 10;
  const finalOf = (n: number) => version(n, T0 + VERSIONS * 60_000, { notes: `v${VERSIONS}` });
  function tail() {
    const out: { key: string; value: string | null }[] = [];
    for (let v = 1; v <= VERSIONS; v++) for (let n = 100; n < 100 + CASES; n++) out.push(upsert(version(n, T0 + v * 60_000, { notes: `v${v}` })), upsert(version(n, T0 + v * 60_000, { notes: `v${v}` })));
    for (let n = 100; n < 100 + CASES; n++) out.push(upsert(version(n, T0 + 60_000, { notes: 'late older version' })));
    return out;
  }

  it('resumes after a stop mid-stream: the new member continues from the committed offsets, no duplicate rows', async () => {
    const before = sent;
    // Slow writes, so the stop lands mid-stream.
    const store = await CassandraCaseStore.open({ contactPoints: CASSANDRA_POINTS, localDataCenter: CASSANDRA_DC, keyspace: KEYSPACE });
    const slow: CaseRows & StatsRows = {
      ...statsOf(store.store),
      casePosition: (c, k) => store.store.casePosition(c, k),
      writeCase: async (r, p) => {
        await new Promise((res) => setTimeout(res, 10));
        await store.store.writeCase(r, p);
      },
      deleteCase: (c, k, at) => store.store.deleteCase(c, k, at),
    };
    const second = await startCaseProjector(config(GROUP, 20), log, { caseStore: slow, tuning });
    running.push(second);
    await send(tail());
    await expect.poll(() => second.projector.stats.records, { timeout: 30_000, interval: 10 }).toBeGreaterThanOrEqual(300);
    await second.stop();
    await store.close();
    const handledBySecond = second.projector.stats.records;
    expect(handledBySecond).toBeLessThan(sent - before);

    const third = await startCaseProjector(config(GROUP, 200), log, { tuning });
    running.push(third);
    const started = Date.now();
    await settled(third, before + handledBySecond);
    const seconds = (Date.now() - started) / 1000;
    // Resumed, not replayed: at most the uncommitted tail (< one batch per partition) is applied twice.
    expect(third.projector.stats.records).toBeLessThanOrEqual(sent - before - handledBySecond + 3 * 20);
    log.info({ records: third.projector.stats.records, seconds, perSecond: Math.round(third.projector.stats.records / seconds) }, 'case projector throughput (resumed member)');

    const { rows, byId } = await wholeTable();
    const expected = [version(2, T0), version(3, T0 + 5000), version(5, T0), ...Array.from({ length: CASES }, (_, i) => finalOf(100 + i))];
    expect(rows).toEqual(expected.sort((a, b) => a.customer_id.localeCompare(b.customer_id)));
    expect(byId).toEqual(Object.fromEntries(expected.map((r) => [r.customer_id, r.last_event_time])));
    await third.stop();
  });

  it('a fresh group replaying the whole topic converges to the same table (idempotent re-application)', async () => {
    const expected = await wholeTable();
    const replay = await startCaseProjector(config(`${GROUP}-replay`, 500), log, { tuning });
    running.push(replay);
    const started = Date.now();
    await settled(replay);
    const seconds = (Date.now() - started) / 1000;
    log.info({ records: replay.projector.stats.records, seconds, perSecond: Math.round(replay.projector.stats.records / seconds) }, 'case projector throughput (full replay, all versions already stored)');
    expect(await wholeTable()).toEqual(expected);
    await replay.stop();
  });
});

describe('customer stats projection (cs_customer_stats → customer_stats) on Kafka + Cassandra', () => {
  const registry = new Registry();
  let statsSent = 0;
  let p: RunningProjector;
  const stats = (n: number, t: number, ltv: number, orders: number): CustomerStats => ({ customer_id: cid(n), lifetime_value_vnd: ltv, order_count: orders, last_event_time: t });
  const record = (s: CustomerStats) => ({ key: JSON.stringify({ customer_id: s.customer_id }), value: JSON.stringify(s) });
  async function sendStats(records: { key: string; value: string | null }[]) {
    await producer.send({ messages: records.map((r) => ({ topic: STATS_TOPIC, key: r.key, value: r.value as string })) });
    statsSent += records.length;
  }
  /** Every stats record sent so far has been handled and committed. */
  async function settledStats(running: RunningProjector, baseline = 0) {
    await expect.poll(() => running.statsProjector.stats.records + baseline, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(statsSent);
  }
  async function statsRow(n: number): Promise<CustomerStats | null> {
    const [r] = (await cql.execute(`SELECT * FROM ${KEYSPACE}.customer_stats WHERE customer_id = ?`, [cid(n)], { prepare: true })).rows;
    if (!r) return null;
    return { customer_id: r.get('customer_id') as string, lifetime_value_vnd: (r.get('lifetime_value_vnd') as cassandra.types.Long).toNumber(), order_count: r.get('order_count') as number, last_event_time: (r.get('last_event_time') as Date).getTime() };
  }
  const outcomes = async () =>
    Object.fromEntries(((await registry.getSingleMetric('cs360_projector_applied_total')?.get())?.values ?? []).filter((v) => v.labels.topic === STATS_TOPIC).map((v) => [v.labels.outcome, v.value]));

  it('creates a customer\'s stats row from its first record, in the same process as the cases', async () => {
    p = await startCaseProjector(config(), log, { registry, tuning });
    running.push(p);
    expect(p.statsTopic).toBe(STATS_TOPIC);
    await sendStats([record(stats(601, T0, 250_000, 1))]);
    await settledStats(p);
    expect(await statsRow(601)).toEqual(stats(601, T0, 250_000, 1));
  });

  it('updates the row to a newer version (last write wins per customer)', async () => {
    await sendStats([record(stats(601, T0 + 60_000, 1_250_000, 2)), record(stats(601, T0 + 120_000, 1_000_000, 2))]);
    await settledStats(p);
    expect(await statsRow(601)).toEqual(stats(601, T0 + 120_000, 1_000_000, 2));
  });

  it('applies an update with an equal last_event_time (a late event), skips a strictly older one', async () => {
    await sendStats([record(stats(601, T0 + 120_000, 1_900_000, 3))]);
    await settledStats(p);
    expect(await statsRow(601)).toEqual(stats(601, T0 + 120_000, 1_900_000, 3));
    await sendStats([record(stats(601, T0 + 60_000, 1, 1))]);
    await settledStats(p);
    expect(await statsRow(601)).toEqual(stats(601, T0 + 120_000, 1_900_000, 3));
    expect(await outcomes()).toEqual({ inserted: 1, updated: 2, overwritten: 1, stale: 1 });
  });

  it('deletes the row on a tombstone', async () => {
    await sendStats([record(stats(602, T0, 10, 1)), { key: JSON.stringify({ customer_id: cid(602) }), value: null }]);
    await settledStats(p);
    expect(await statsRow(602)).toBeNull();
    expect(await statsRow(601)).not.toBeNull();
  });

  it('dead-letters malformed records with their reason codes and still applies the next valid one', async () => {
    const key = JSON.stringify({ customer_id: cid(603) });
    await sendStats([
      { key, value: '{"customer_id": "C0000603", ' },
      { key, value: JSON.stringify({ ...stats(603, T0, 5, 1), order_count: 'five' }) },
      { key, value: JSON.stringify(stats(604, T0, 5, 1)) },
      record(stats(603, T0 + 1000, 7, 2)),
    ]);
    await settledStats(p);
    expect(await statsRow(603)).toEqual(stats(603, T0 + 1000, 7, 2));
    expect(await statsRow(604)).toBeNull();
    expect(await deadLettersOf(STATS_TOPIC, 3)).toEqual([
      { topic: STATS_TOPIC, reason: expect.stringMatching(/^VALUE_NOT_JSON: /), record: expect.objectContaining({ key, value: '{"customer_id": "C0000603", ' }), at: expect.any(Number) },
      { topic: STATS_TOPIC, reason: expect.stringMatching(/^VALUE_INVALID: order_count:/), record: expect.objectContaining({ key }), at: expect.any(Number) },
      { topic: STATS_TOPIC, reason: 'KEY_VALUE_MISMATCH: key C0000603 but value C0000604', record: expect.objectContaining({ key }), at: expect.any(Number) },
    ]);
    const dead = Object.fromEntries(((await registry.getSingleMetric('cs360_projector_deadletter_total')?.get())?.values ?? []).filter((v) => v.labels.topic === STATS_TOPIC).map((v) => [v.labels.reason, v.value]));
    expect(dead).toEqual({ VALUE_NOT_JSON: 1, VALUE_INVALID: 1, KEY_VALUE_MISMATCH: 1 });
  });

  it('resumes after a restart from the committed offsets: only what arrived meanwhile is applied', async () => {
    await p.stop();
    const before = statsSent;
    // 40 customers × 3 versions sent while no projector runs; the last version of each wins.
    const versions: { key: string; value: string }[] = [];
    for (let v = 1; v <= 3; v++) for (let n = 700; n < 740; n++) versions.push(record(stats(n, T0 + v * 1000, v * 100, v)));
    await sendStats(versions);
    const resumed = await startCaseProjector(config(), log, { tuning });
    running.push(resumed);
    await settledStats(resumed, before);
    // Not replayed from the start: exactly the records sent while it was down.
    expect(resumed.statsProjector.stats.records).toBe(statsSent - before);
    for (const n of [700, 719, 739]) expect(await statsRow(n)).toEqual(stats(n, T0 + 3000, 300, 3));
    expect(await statsRow(601)).toEqual(stats(601, T0 + 120_000, 1_900_000, 3));
    const all = (await cql.execute(`SELECT customer_id FROM ${KEYSPACE}.customer_stats`, [], { fetchSize: 1000 })).rows;
    expect(all).toHaveLength(2 + 40);
    await resumed.stop();
  });
});

describe('case projector across a Kafka restart', () => {
  it('keeps going when Kafka is stopped and started under it: every change before and after is applied', async () => {
    const exec = promisify(execFile);
    const runner = (cmd: 'up' | 'down') => exec(join(__dirname, '../../node_modules/.bin/tsx'), [join(__dirname, '../../stack/runner/cli.ts'), cmd, 'kafka'], { timeout: 240_000 });
    const p = await startCaseProjector(config(`${GROUP}-kafka-restart`, 50), log, { tuning });
    running.push(p);
    const before = Array.from({ length: 40 }, (_, i) => version(900 + i, T0 + 1000));
    await send(before.map(upsert));
    await expect.poll(async () => (await rowsOf(939)).length, { timeout: 30_000, interval: 200 }).toBe(1);

    await runner('down');
    await runner('up');
    // The test's own producer reconnects too; a send refused while the broker comes back is retried.
    const after = Array.from({ length: 40 }, (_, i) => version(940 + i, T0 + 2000));
    for (let attempt = 0; ; attempt++) {
      try {
        await send(after.map(upsert));
        break;
      } catch (e) {
        if (attempt >= 20) throw e;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    for (const r of [...before, ...after]) {
      const n = Number(r.customer_id.slice(1));
      await expect.poll(async () => await rowsOf(n), { timeout: 90_000, interval: 500 }).toEqual([r]);
    }
    await p.stop();
  }, 300_000);
});
