import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { CHECKPOINT_ID, CouchTicketsWorker, MAX_EVENT_BYTES, deadLetter, mapChange, seqNumber, type CouchChange, type MessageSink } from './couchTicketsWorker';

const ticketDoc = (id: string, over: Record<string, unknown> = {}) => ({
  _id: id,
  _rev: '1-abc',
  type: 'ticket.opened',
  customer_id: 'C0000042',
  event_time: '2026-11-21T07:00:00.000Z',
  source: 'support.tickets',
  payload: { ticket_id: 'T-1', status: 'OPEN', subject: 'Đơn hàng chưa tới' },
  schema_version: 1,
  ...over,
});
const change = (seq: number, doc: Record<string, unknown>, extra: Partial<CouchChange> = {}): CouchChange => ({ seq, id: String(doc._id), changes: [{ rev: String(doc._rev) }], doc, ...extra });

describe('mapChange', () => {
  it('maps a ticket document to the envelope: id from _id, CouchDB fields dropped', () => {
    const out = mapChange(change(1, { ...ticketDoc('evt-1'), _attachments: {}, _conflicts: ['2-x'] }));
    expect(out).toEqual({
      kind: 'event',
      event: {
        id: 'evt-1',
        type: 'ticket.opened',
        customer_id: 'C0000042',
        event_time: '2026-11-21T07:00:00.000Z',
        source: 'support.tickets',
        payload: { ticket_id: 'T-1', status: 'OPEN', subject: 'Đơn hàng chưa tới' },
        schema_version: 1,
      },
    });
  });

  it('_id wins over an `id` field in the document', () => {
    const out = mapChange(change(1, ticketDoc('evt-1', { id: 'something-else' })));
    expect(out.kind === 'event' && out.event.id).toBe('evt-1');
  });

  it('skips design documents and deletions', () => {
    expect(mapChange(change(1, { _id: '_design/tickets', _rev: '1-a', views: {} }))).toEqual({ kind: 'skip', why: 'design' });
    expect(mapChange({ seq: 2, id: 'evt-1', changes: [{ rev: '2-b' }], deleted: true, doc: { _id: 'evt-1', _rev: '2-b', _deleted: true } })).toEqual({ kind: 'skip', why: 'deleted' });
  });

  it.each([
    ['a bad customer id', { customer_id: '42' }, /malformed: customer_id/],
    ['a timestamp with an offset', { event_time: '2026-11-21T14:00:00.000+07:00' }, /malformed: event_time/],
    ['an unknown type', { type: 'ticket.reopened' }, /malformed: type/],
    ['a missing payload key', { payload: { ticket_id: 'T-1' } }, /payload is missing status, subject/],
    ['a non-string payload value', { payload: { ticket_id: 'T-1', status: 'OPEN', subject: 3 } }, /malformed: payload\.subject/],
    ['another schema version', { schema_version: 2 }, /malformed: schema_version/],
    ['another source', { source: 'orders_cdc' }, /wrong source: orders_cdc/],
    ['a non-ticket type', { type: 'note.added', payload: { note_id: 'n', agent_id: 'a', body: 'b' } }, /wrong type: note\.added/],
  ])('dead-letters a document with %s', (_, over, reason) => {
    const out = mapChange(change(1, ticketDoc('evt-bad', over)));
    expect(out.kind).toBe('invalid');
    expect(out.kind === 'invalid' && out.reason).toMatch(reason);
  });

  it('dead-letters a document too big to produce', () => {
    const payload: Record<string, string> = { ticket_id: 'T-1', status: 'OPEN', subject: 's' };
    for (let i = 0; i < 40; i++) payload[`k${i}`] = 'x'.repeat(9000);
    const out = mapChange(change(1, ticketDoc('evt-big', { payload })));
    expect(out.kind === 'invalid' && out.reason).toMatch(new RegExp(`^oversized: \\d+ bytes > ${MAX_EVENT_BYTES}$`));
  });

  it('dead-letters a change without its document', () => {
    expect(mapChange({ seq: 1, id: 'evt-1', changes: [] }).kind).toBe('invalid');
  });
});

describe('deadLetter', () => {
  it('has the cs.deadletter shape and says where the document came from', () => {
    const c = change(7, ticketDoc('evt-bad', { customer_id: 'x' }));
    expect(deadLetter('support.tickets', 'malformed: customer_id', c, 'support_tickets', 123)).toEqual({ topic: 'support.tickets', reason: 'malformed: customer_id', record: { database: 'support_tickets', id: 'evt-bad', seq: 7, doc: c.doc }, at: 123 });
  });

  it('keeps only a prefix of a big document', () => {
    const c = change(7, ticketDoc('evt-bad', { junk: 'x'.repeat(5000) }));
    const record = deadLetter('support.tickets', 'r', c, 'db').record.doc as { truncated: boolean; prefix: string };
    expect(record.truncated).toBe(true);
    expect(record.prefix.length).toBe(1024);
  });
});

it('seqNumber reads CouchDB 2+ and PouchDB sequences', () => {
  expect(seqNumber(12)).toBe(12);
  expect(seqNumber('34-g1AAAAFTeJzLYWBg4MhgTmHgz8tPSTV0MDQy1zMAQsMcoAxTIgNTIgNTIgN')).toBe(34);
  expect(seqNumber('now')).toBe(0);
});

// ---------------------------------------------------------------------------------------------
// The loop against an in-memory CouchDB (fetch) and Kafka (MessageSink)
// ---------------------------------------------------------------------------------------------
function fakeCouch(docs: Record<string, unknown>[]) {
  const local: { doc?: Record<string, unknown>; rev: number } = { rev: 0 };
  const writes: unknown[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    if (init?.signal?.aborted) throw new DOMException('This operation was aborted', 'AbortError');
    const url = new URL(String(input));
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (url.pathname === '/tickets') return json(200, { db_name: 'tickets' });
    if (url.pathname === `/tickets/${CHECKPOINT_ID}`) {
      if ((init?.method ?? 'GET') === 'GET') return local.doc ? json(200, local.doc) : json(404, { error: 'not_found' });
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      if (local.doc && body._rev !== local.doc._rev) return json(409, { error: 'conflict' });
      local.rev++;
      local.doc = { ...body, _id: CHECKPOINT_ID, _rev: `0-${local.rev}` };
      writes.push(body.last_seq);
      return json(201, { ok: true, rev: `0-${local.rev}` });
    }
    if (url.pathname === '/tickets/_changes') {
      const since = Number(url.searchParams.get('since'));
      const limit = Number(url.searchParams.get('limit'));
      const results = docs
        .map((doc, i) => ({ seq: i + 1, id: String(doc._id), changes: [{ rev: String(doc._rev) }], doc }))
        .filter((r) => r.seq > since)
        .slice(0, limit);
      if (!results.length) await new Promise((r) => setTimeout(r, 10));
      return json(200, { results, last_seq: results.at(-1)?.seq ?? since });
    }
    return json(404, { error: 'not_found' });
  }) as typeof fetch;
  return { fetchFn, local, writes };
}

function fakeKafka(failFirst = 0) {
  const sent: { topic: string; key?: string; value: string }[] = [];
  let failures = failFirst;
  const sink: MessageSink = {
    async send({ messages }) {
      if (failures > 0) {
        failures--;
        throw new Error('broker down');
      }
      sent.push(...messages);
    },
    async metadata() {},
    async close() {},
  };
  return { sink, sent };
}

const until = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

const worker = (couch: ReturnType<typeof fakeCouch>, kafka: ReturnType<typeof fakeKafka>, batchSize = 2) =>
  new CouchTicketsWorker({
    couchdbUrl: 'http://couch.test:5984',
    database: 'tickets',
    brokers: ['kafka.test:9092'],
    topic: 'support.tickets',
    deadLetterTopic: 'cs.deadletter',
    log: createLogger('silent'),
    fetch: couch.fetchFn,
    producer: kafka.sink,
    batchSize,
    longpollMs: 50,
    retryBaseMs: 5,
    retryMaxMs: 20,
  });

describe('CouchTicketsWorker (in-memory CouchDB and Kafka)', () => {
  const docs = [ticketDoc('e1'), { _id: '_design/x', _rev: '1-a' }, ticketDoc('e2', { customer_id: 'C0000007' }), ticketDoc('e3', { customer_id: 'nope' }), ticketDoc('e4')];

  it('publishes in feed order keyed by customer, dead-letters the bad one, checkpoints after each batch', async () => {
    const couch = fakeCouch(docs);
    const kafka = fakeKafka();
    const w = worker(couch, kafka).start();
    await until(() => couch.local.doc?.last_seq === 5);
    await w.stop();
    expect(kafka.sent.filter((m) => m.topic === 'support.tickets').map((m) => [m.key, (JSON.parse(m.value) as { id: string }).id])).toEqual([
      ['C0000042', 'e1'],
      ['C0000007', 'e2'],
      ['C0000042', 'e4'],
    ]);
    const dead = kafka.sent.filter((m) => m.topic === 'cs.deadletter').map((m) => JSON.parse(m.value) as { topic: string; reason: string; record: { id: string } });
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ topic: 'support.tickets', record: { id: 'e3' } });
    expect(dead[0]?.reason).toMatch(/customer_id/);
    expect(couch.writes).toEqual([2, 4, 5]);
    expect(w.status()).toMatchObject({ running: false, checkpoint: 5, published: 3, deadLettered: 1, lastError: null });
  });

  it('does not move the checkpoint until Kafka acknowledged; retries the same batch', async () => {
    const couch = fakeCouch(docs.slice(0, 1));
    const kafka = fakeKafka(2);
    const w = worker(couch, kafka).start();
    await until(() => w.status().lastError !== null);
    expect(couch.local.doc).toBeUndefined();
    expect(w.status().lastError).toMatch(/Kafka at kafka\.test:9092 did not acknowledge 1 messages: broker down/);
    await until(() => couch.local.doc?.last_seq === 1);
    await w.stop();
    expect(kafka.sent.map((m) => (JSON.parse(m.value) as { id: string }).id)).toEqual(['e1']);
    expect(w.status().lastError).toBeNull();
  });

  it('says CouchDB is unreachable while it is, and recovers without losing anything', async () => {
    const couch = fakeCouch(docs.slice(0, 1));
    let down = 3;
    const flaky = (async (input: string | URL | Request, init?: RequestInit) => {
      if (down > 0) {
        down--;
        throw new TypeError('fetch failed');
      }
      return couch.fetchFn(input, init);
    }) as typeof fetch;
    const kafka = fakeKafka();
    const w = new CouchTicketsWorker({ couchdbUrl: 'http://couch.test:5984', database: 'tickets', brokers: ['k:9092'], topic: 't', deadLetterTopic: 'd', log: createLogger('silent'), fetch: flaky, producer: kafka.sink, longpollMs: 50, retryBaseMs: 5, retryMaxMs: 20 }).start();
    await until(() => w.status().lastError !== null);
    expect(w.status().lastError).toMatch(/^CouchDB at http:\/\/couch\.test:5984\/tickets is unreachable: fetch failed$/);
    await until(() => couch.local.doc?.last_seq === 1);
    await w.stop();
    expect(kafka.sent).toHaveLength(1);
    expect(w.status().lastError).toBeNull();
  });

  it('stop() during a Kafka send lets the batch finish and checkpoints it', async () => {
    const couch = fakeCouch(docs.slice(0, 1));
    let release!: () => void;
    let sending = false;
    const sink: MessageSink = {
      send: () => {
        sending = true;
        return new Promise<void>((r) => (release = r));
      },
      metadata: async () => undefined,
      close: async () => undefined,
    };
    const w = worker(couch, { sink, sent: [] }).start();
    await until(() => sending);
    const stopped = w.stop();
    release();
    await stopped;
    expect(couch.local.doc?.last_seq).toBe(1);
  });

  it('resumes from the _local checkpoint after a restart', async () => {
    const couch = fakeCouch(docs);
    const first = fakeKafka();
    const w1 = worker(couch, first, 10).start();
    await until(() => couch.local.doc?.last_seq === 5);
    await w1.stop();
    docs.push(ticketDoc('e6'));
    const second = fakeKafka();
    const w2 = worker(couch, second, 10).start();
    await until(() => couch.local.doc?.last_seq === 6);
    await w2.stop();
    docs.pop();
    expect(second.sent.map((m) => (JSON.parse(m.value) as { id: string }).id)).toEqual(['e6']);
  });
});
