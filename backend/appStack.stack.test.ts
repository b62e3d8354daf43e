import cassandra from 'cassandra-driver';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVnPhone } from '../common/phone';
import { gql, rest } from './testing/http';
import { startStackTestApp, type StackTestApp } from './testing/stackTestApp';
import type { TestApp } from './testing/testApp';

// The backend in `mode: 'stack'` over the engines of `npm run stack:up`: a small demo seeded into a
// throwaway Cassandra keyspace, PostgreSQL database, Redis key prefix and suffixed Kafka topics,
// then the console's main path over HTTP, then Cassandra stopped and started under the running app.
const CUSTOMER_Q = `query($id: ID!) { customer(id: $id) { id fullName phones emails lifetimeValueVnd cases(first: 5) { caseId } } }`;
const TIMELINE_Q = `query($id: ID!, $first: Int, $after: String) { timeline(customerId: $id, first: $first, after: $after) { nextCursor events { id eventType kind eventTime } } }`;
const SEARCH_Q = `query($q: String!) { searchCustomers(query: $q) { id matchedOn fullName } }`;

let env: StackTestApp;
let t: TestApp;
let agent: string;
let cql: cassandra.Client;
let KEYSPACE: string;
const pgUrl = () => env.pgUrl;
const runner = (cmd: 'up' | 'down', service: string) => env.runner(cmd, service);

beforeAll(async () => {
  env = await startStackTestApp('app', { customers: 200, events: 10_000, whaleEvents: 2_000 });
  ({ app: t, cql, keyspace: KEYSPACE } = env);
  agent = await t.token('AGENT');
});

afterAll(async () => env?.close());

describe('the backend in stack mode', () => {
  it('seeded the demo into Cassandra and PostgreSQL and reports ready in mode stack', async () => {
    const h = await rest<{ status: string; mode: string }>(t.baseUrl, null, 'GET', '/health');
    expect(h.json).toMatchObject({ status: 'ok', mode: 'stack' });
    const customers = await cql.execute(`SELECT count(*) AS n FROM ${KEYSPACE}.customer_profile`);
    expect(Number(customers.first().get('n'))).toBe(200);
    const cases = await cql.execute(`SELECT customer_id FROM ${KEYSPACE}.customer_case WHERE customer_id = 'C0000001' LIMIT 1`);
    expect(cases.rowLength).toBe(1);
    const db = new pg.Client({ connectionString: pgUrl() });
    await db.connect();
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM support_tickets').finally(() => db.end());
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  });

  it('finds a customer by phone, opens them, pages the timeline and creates a case over REST', async () => {
    // The phone as Cassandra holds it, typed the way an agent would.
    const stored = await cql.execute(`SELECT phones FROM ${KEYSPACE}.customer_profile WHERE customer_id = 'C0000042'`);
    const phone = (stored.first().get('phones') as string[])[0]!;
    const found = await gql<{ searchCustomers: { id: string; matchedOn: string }[] }>(t.baseUrl, agent, SEARCH_Q, { q: formatVnPhone(phone) });
    expect(found.code).toBeUndefined();
    expect(found.data.searchCustomers[0]).toMatchObject({ id: 'C0000042', matchedOn: 'PHONE' });

    const c = await gql<{ customer: { id: string; phones: string[]; cases: { caseId: string }[] } }>(t.baseUrl, agent, CUSTOMER_Q, { id: 'C0000042' });
    expect(c.data.customer.phones).toContain(phone);
    expect(c.data.customer.cases.length).toBeGreaterThan(0);

    const page1 = await gql<{ timeline: { nextCursor: string | null; events: { id: string; eventTime: string }[] } }>(t.baseUrl, agent, TIMELINE_Q, { id: 'C0000001', first: 50 });
    expect(page1.data.timeline.events).toHaveLength(50);
    const page2 = await gql<{ timeline: { events: { id: string }[] } }>(t.baseUrl, agent, TIMELINE_Q, { id: 'C0000001', first: 50, after: page1.data.timeline.nextCursor });
    expect(page2.data.timeline.events).toHaveLength(50);
    expect(new Set([...page1.data.timeline.events, ...page2.data.timeline.events].map((e) => e.id)).size).toBe(100);

    const created = await rest<{ ticket_id: string; status: string }>(t.baseUrl, agent, 'POST', '/support/cases', {
      customerId: 'C0000042',
      subject: 'Chưa nhận được hàng',
      message: 'Đơn hàng của tôi đã 5 ngày chưa giao.',
      channel: 'CHAT',
    });
    expect(created.status).toBe(201);
    const id = created.json.ticket_id;
    const db = new pg.Client({ connectionString: pgUrl() });
    await db.connect();
    const { rows } = await db.query<{ status: string }>('SELECT status FROM support_tickets WHERE ticket_id = $1', [id]).finally(() => db.end());
    expect(rows[0]?.status).toBe('OPEN');
    const read = await rest<{ ticket_id: string; messages: unknown[] }>(t.baseUrl, agent, 'GET', `/support/cases/${id}`);
    expect(read.status).toBe(200);
    expect(read.json.messages).toHaveLength(1);

    // ticket.opened went out on Kafka (cs.events), through the pipeline into cs_timeline, and its
    // cs_timeline message dropped the customer's cached pages in Redis.
    const deadline = Date.now() + 30_000;
    let types: string[] = [];
    while (Date.now() < deadline) {
      const r = await rest<{ events: { event_type: string; payload: Record<string, string> }[] }>(t.baseUrl, agent, 'GET', '/api/customers/C0000042/timeline?first=5');
      types = r.json.events.filter((e) => e.payload.ticket_id === id).map((e) => e.event_type);
      if (types.length >= 2) break;
      await new Promise((res) => setTimeout(res, 250));
    }
    expect(types.sort()).toEqual(['ticket.message', 'ticket.opened']);
  });
});

describe('fault: Cassandra stopped and started under the running backend', () => {
  it('answers UNAVAILABLE for lookups, keeps serving timeline and tickets, recovers without a restart', async () => {
    const created = await rest<{ ticket_id: string }>(t.baseUrl, agent, 'POST', '/support/cases', { customerId: 'C0000007', subject: 'Hoàn tiền', message: 'Tôi muốn hoàn tiền.' });
    expect(created.status).toBe(201);
    const t0 = Date.now();
    await runner('down', 'cassandra');
    const stoppedAt = Date.now();
    try {
      const search = await gql(t.baseUrl, agent, SEARCH_Q, { q: 'C0000042' });
      expect(search.code).toBe('UNAVAILABLE');
      const customer = await rest(t.baseUrl, agent, 'GET', '/api/customers/C0000042');
      expect(customer.status).toBe(503);
      expect(customer.json.error?.code).toBe('UNAVAILABLE');
      // What does not need Cassandra still answers: the timeline (local history + Redis) and tickets (PostgreSQL).
      const page = await gql<{ timeline: { events: unknown[] } }>(t.baseUrl, agent, TIMELINE_Q, { id: 'C0000003', first: 20 });
      expect(page.code).toBeUndefined();
      expect(page.data.timeline.events).toHaveLength(20);
      const ticket = await rest<{ ticket_id: string }>(t.baseUrl, agent, 'GET', `/support/cases/${created.json.ticket_id}`);
      expect(ticket.status).toBe(200);
      expect(ticket.json.ticket_id).toBe(created.json.ticket_id);
    } finally {
      await runner('up', 'cassandra');
    }
    const startedAt = Date.now();
    let recovered = false;
    while (!recovered && Date.now() - startedAt < 60_000) {
      const r = await gql<{ searchCustomers: { id: string }[] }>(t.baseUrl, agent, SEARCH_Q, { q: 'C0000042' });
      recovered = r.code === undefined && r.data?.searchCustomers[0]?.id === 'C0000042';
      if (!recovered) await new Promise((res) => setTimeout(res, 250));
    }
    expect(recovered).toBe(true);
    const customer = await rest<{ customer_id: string }>(t.baseUrl, agent, 'GET', '/api/customers/C0000042');
    expect(customer.status).toBe(200);
    process.stdout.write(
      `Cassandra fault cycle: stop ${((stoppedAt - t0) / 1000).toFixed(1)} s, start ${((startedAt - stoppedAt) / 1000).toFixed(1)} s, lookups back ${((Date.now() - startedAt) / 1000).toFixed(1)} s after start; whole cycle ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
    );
  }, 300_000);
});
