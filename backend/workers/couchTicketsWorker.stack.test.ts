import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COUCHDB_URL } from '../adapters/stack/couchNotesSync';
import { createLogger } from '../logger';
import { createTopics, deleteTopics, readUntil, type KafkaRecord } from '../testing/kafkaTest';
import { KAFKA_BROKERS } from '../testing/stackTestApp';
import { CHECKPOINT_ID, CouchTicketsWorker } from './couchTicketsWorker';

// The _changes worker against the runner's pouchdb-server and Kafka (npm run stack:up -- couchdb kafka),
// on a throwaway database and throwaway topics (one partition each, so the topic order is the feed order).
const COUCH = process.env.CS360_COUCHDB_URL ?? DEFAULT_COUCHDB_URL;
const run = randomBytes(4).toString('hex');
const DB = `support_tickets_test_${run}`;
const TOPIC = `support.tickets.test-${run}`;
const DEAD = `cs.deadletter.test-${run}`;
const log = createLogger(process.env.CS360_TEST_LOG ?? 'silent');

const couch = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${COUCH}/${DB}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).catch((e: Error) => {
    throw new Error(`CouchDB at ${COUCH} failed — is the stack up (npm run stack:up -- couchdb)? ${e.message}`);
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

let n = 0;
/** Writes one ticket event document; returns its id. */
async function writeTicket(over: Record<string, unknown> = {}): Promise<string> {
  n++;
  const id = `evt-${run}-${String(n).padStart(3, '0')}`;
  const r = await couch('PUT', `/${id}`, {
    type: 'ticket.message',
    customer_id: `C000000${n % 3}`,
    event_time: new Date(Date.UTC(2026, 10, 21, 7, 0, n)).toISOString(),
    source: 'support.tickets',
    payload: { ticket_id: `T-${run}`, author_type: 'CUSTOMER', message: `tin nhắn ${n}` },
    schema_version: 1,
    ...over,
  });
  expect(r.status).toBe(201);
  return id;
}

const newWorker = () => new CouchTicketsWorker({ couchdbUrl: COUCH, database: DB, brokers: KAFKA_BROKERS, topic: TOPIC, deadLetterTopic: DEAD, log, batchSize: 3, longpollMs: 2000 }).start();
const ids = (records: KafkaRecord[]) => records.map((r) => (JSON.parse(r.value ?? '{}') as { id: string }).id);
const checkpoint = async () => (await couch('GET', `/${CHECKPOINT_ID}`)).json;

describe('CouchTicketsWorker on pouchdb-server and Kafka', () => {
  beforeAll(async () => {
    expect((await couch('PUT', '')).status).toBe(201);
    await createTopics([TOPIC, DEAD], 1);
  });
  afterAll(async () => {
    await couch('DELETE', '').catch(() => undefined);
    await deleteTopics([TOPIC, DEAD]).catch(() => undefined);
  });

  const written: string[] = [];

  it('publishes the documents to the topic in feed order, as envelopes keyed by customer, and checkpoints in _local', async () => {
    for (let i = 0; i < 5; i++) written.push(await writeTicket());
    await couch('PUT', '/_design/tickets', { views: {} });
    const worker = newWorker();
    try {
      const records = await readUntil(TOPIC, (rs) => rs.length >= 5, 20_000);
      expect(ids(records)).toEqual(written);
      const first = JSON.parse(records[0]?.value ?? '{}') as Record<string, unknown>;
      expect(Object.keys(first).sort()).toEqual(['customer_id', 'event_time', 'id', 'payload', 'schema_version', 'source', 'type']);
      expect(records[0]?.key).toBe(first.customer_id);
      await expect.poll(async () => (await checkpoint()).last_seq, { timeout: 10_000 }).toBe(6);
    } finally {
      await worker.stop();
    }
  });

  it('after a restart continues from the checkpoint: nothing lost, nothing repeated', async () => {
    for (let i = 0; i < 4; i++) written.push(await writeTicket());
    const worker = newWorker();
    try {
      const records = await readUntil(TOPIC, (rs) => rs.length >= written.length, 20_000);
      expect(ids(records)).toEqual(written);
      // And nothing after them: the clean stop had checkpointed the first five, so none comes again.
      await new Promise((r) => setTimeout(r, 1500));
      expect(ids(await readUntil(TOPIC, () => false, 1500))).toEqual(written);
    } finally {
      await worker.stop();
    }
  });

  it('a checkpoint lost after the Kafka ack repeats only the un-checkpointed tail', async () => {
    // As if the worker had died between Kafka's ack and the checkpoint write of its last two batches.
    const cp = await checkpoint();
    const rewindTo = 6; // seqs 7..10 are this run's second-test documents
    expect((await couch('PUT', `/${CHECKPOINT_ID}`, { ...cp, last_seq: rewindTo })).status).toBe(201);
    const worker = newWorker();
    try {
      const tail = written.slice(5);
      const records = await readUntil(TOPIC, (rs) => rs.length >= written.length + tail.length, 20_000);
      expect(ids(records)).toEqual([...written, ...tail]);
      // Downstream deduplicates by event id: every event is there, none missing.
      expect(new Set(ids(records))).toEqual(new Set(written));
    } finally {
      await worker.stop();
    }
  });

  it('says which engine is unreachable, keeps retrying, and moves no checkpoint meanwhile', async () => {
    const before = (await checkpoint()).last_seq;
    const noKafka = new CouchTicketsWorker({ couchdbUrl: COUCH, database: DB, brokers: ['127.0.0.1:1'], topic: TOPIC, deadLetterTopic: DEAD, log, retryBaseMs: 100, retryMaxMs: 200 }).start();
    const noCouch = new CouchTicketsWorker({ couchdbUrl: 'http://127.0.0.1:1', database: DB, brokers: KAFKA_BROKERS, topic: TOPIC, deadLetterTopic: DEAD, log, retryBaseMs: 100, retryMaxMs: 200 }).start();
    try {
      await expect.poll(() => noKafka.status().lastError, { timeout: 20_000 }).toMatch(/^Kafka at 127\.0\.0\.1:1 cannot serve/);
      await expect.poll(() => noCouch.status().lastError, { timeout: 20_000 }).toMatch(/^CouchDB at http:\/\/127\.0\.0\.1:1\/support_tickets_test_\w+ is unreachable/);
      expect(noKafka.status().running).toBe(true);
      expect((await checkpoint()).last_seq).toBe(before);
    } finally {
      await Promise.all([noKafka.stop(), noCouch.stop()]);
    }
  });

  it('dead-letters a malformed document and goes on with the next ones', async () => {
    const bad = await writeTicket({ customer_id: 'not-a-customer' });
    const good = await writeTicket();
    const worker = newWorker();
    try {
      const dead = await readUntil(DEAD, (rs) => rs.length >= 1, 20_000);
      expect(dead).toHaveLength(1);
      const letter = JSON.parse(dead[0]?.value ?? '{}') as { topic: string; reason: string; record: { database: string; id: string }; at: number };
      expect(letter.topic).toBe(TOPIC);
      expect(letter.reason).toMatch(/^malformed: customer_id/);
      expect(letter.record).toMatchObject({ database: DB, id: bad });
      expect(typeof letter.at).toBe('number');
      const records = await readUntil(TOPIC, (rs) => ids(rs).includes(good), 20_000);
      expect(ids(records)).toContain(good);
      expect(ids(records)).not.toContain(bad);
      expect(worker.status()).toMatchObject({ deadLettered: 1, published: 1, lastError: null });
    } finally {
      await worker.stop();
    }
  });
});
