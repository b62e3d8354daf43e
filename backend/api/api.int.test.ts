import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVnPhone } from '../../common/phone';
import { startTestApp, type TestApp } from '../testing/testApp';
import { gql, rest } from '../testing/http';

let t: TestApp;
let agent: string;

beforeAll(async () => {
  t = await startTestApp();
  agent = await t.token('AGENT');
});
afterAll(async () => t?.close());

const CUSTOMER_Q = `query($id: ID!) { customer(id: $id) { id fullName emails phones segment vip lifetimeValueVnd openCaseCount cases(first: 5) { caseId open } } }`;
const TIMELINE_Q = `query($id: ID!, $first: Int, $after: String, $kinds: [TimelineKind!], $from: DateTime, $to: DateTime) {
  timeline(customerId: $id, first: $first, after: $after, kinds: $kinds, from: $from, to: $to) { nextCursor events { id eventType kind eventTime payload } } }`;

describe('health and identity', () => {
  it('reports ready once the demo data is generated', async () => {
    const r = await rest<{ status: string; seed: { phase: string } }>(t.baseUrl, null, 'GET', '/health');
    expect(r.json.status).toBe('ok');
    expect(r.json.seed.phase).toBe('ready');
  });

  it('refuses GraphQL and REST without a session, with UNAUTHENTICATED', async () => {
    const g = await rest(t.baseUrl, null, 'POST', '/graphql', { query: '{ me { id } }' });
    expect(g.status).toBe(401);
    expect(g.json.error?.code).toBe('UNAUTHENTICATED');
    const r = await rest(t.baseUrl, null, 'GET', '/api/customers/C0000002');
    expect(r.json.error?.code).toBe('UNAUTHENTICATED');
  });

  it('signs in a demo agent and answers me with the role', async () => {
    const r = await gql<{ me: { role: string } }>(t.baseUrl, agent, '{ me { id name role } }');
    expect(r.data.me.role).toBe('AGENT');
  });
});

describe('customer search', () => {
  let phone: string;
  let email: string;
  beforeAll(async () => {
    const r = await gql<{ customer: { phones: string[]; emails: string[] } }>(t.baseUrl, agent, CUSTOMER_Q, { id: 'C0000042' });
    phone = r.data.customer.phones[0]!;
    email = r.data.customer.emails[0]!;
  });

  it.each([
    ['0912 345 678 form', (p: string) => formatVnPhone(p)],
    ['+84 form', (p: string) => p],
    ['84-xxx-xxx-xxx form', (p: string) => `84-${p.slice(3, 6)}-${p.slice(6, 9)}-${p.slice(9)}`],
    ['(+84) xxx.xxx.xxx form', (p: string) => `(+84) ${p.slice(3, 6)}.${p.slice(6, 9)}.${p.slice(9)}`],
  ])('finds the customer by phone in the %s', async (_, form) => {
    const r = await gql<{ searchCustomers: { id: string; matchedOn: string }[] }>(t.baseUrl, agent, 'query($q: String!) { searchCustomers(query: $q) { id matchedOn } }', { q: form(phone) });
    expect(r.data.searchCustomers.map((h) => h.id)).toContain('C0000042');
    expect(r.data.searchCustomers[0]?.matchedOn).toBe('PHONE');
  });

  it('finds by email prefix, case-insensitively', async () => {
    const r = await gql<{ searchCustomers: { id: string }[] }>(t.baseUrl, agent, 'query($q: String!) { searchCustomers(query: $q) { id } }', { q: email.slice(0, 6).toUpperCase() + email.slice(6) });
    expect(r.data.searchCustomers.map((h) => h.id)).toContain('C0000042');
  });

  it('finds by customer id and by a name without diacritics', async () => {
    const byId = await gql<{ searchCustomers: { id: string }[] }>(t.baseUrl, agent, '{ searchCustomers(query: "c0000042") { id } }');
    expect(byId.data.searchCustomers[0]?.id).toBe('C0000042');
    const c = await gql<{ customer: { fullName: string } }>(t.baseUrl, agent, CUSTOMER_Q, { id: 'C0000042' });
    const folded = c.data.customer.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd');
    const byName = await gql<{ searchCustomers: { id: string }[] }>(t.baseUrl, agent, 'query($q: String!) { searchCustomers(query: $q, limit: 50) { id } }', { q: folded });
    expect(byName.data.searchCustomers.map((h) => h.id)).toContain('C0000042');
  });
});

describe('Customer 360', () => {
  it('returns the header with contacts, segment and lifetime value', async () => {
    const r = await gql<{ customer: { id: string; phones: string[]; lifetimeValueVnd: number; cases: unknown[] } }>(t.baseUrl, agent, CUSTOMER_Q, { id: 'C0000042' });
    expect(r.data.customer.id).toBe('C0000042');
    expect(r.data.customer.phones[0]).toMatch(/^\+84\d{9,10}$/);
    expect(r.data.customer.lifetimeValueVnd).toBeGreaterThanOrEqual(0);
    expect(r.data.customer.cases.length).toBeGreaterThan(0);
  });

  it('pages the timeline newest first without gaps or repeats', async () => {
    const seen: { id: string; eventTime: string }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const r: Awaited<ReturnType<typeof gql<{ timeline: { nextCursor: string | null; events: { id: string; eventTime: string }[] } }>>> = await gql(t.baseUrl, agent, TIMELINE_Q, { id: 'C0000001', first: 200, after });
      seen.push(...r.data.timeline.events);
      after = r.data.timeline.nextCursor;
      if (!after) break;
    }
    expect(seen.length).toBe(1000);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    for (let i = 1; i < seen.length; i++) expect(Date.parse(seen[i - 1]!.eventTime)).toBeGreaterThanOrEqual(Date.parse(seen[i]!.eventTime));
  });

  it('filters by kind and time range', async () => {
    const all = await gql<{ timeline: { events: { eventTime: string }[] } }>(t.baseUrl, agent, TIMELINE_Q, { id: 'C0000001', first: 50 });
    const newest = all.data.timeline.events[0]!.eventTime;
    const from = new Date(Date.parse(newest) - 30 * 86_400_000).toISOString();
    const r = await gql<{ timeline: { events: { kind: string; eventTime: string }[] } }>(t.baseUrl, agent, TIMELINE_Q, { id: 'C0000001', first: 500, kinds: ['PAYMENT', 'SHIPMENT'], from, to: newest });
    expect(r.data.timeline.events.length).toBeGreaterThan(0);
    for (const e of r.data.timeline.events) {
      expect(['PAYMENT', 'SHIPMENT']).toContain(e.kind);
      expect(Date.parse(e.eventTime)).toBeGreaterThanOrEqual(Date.parse(from));
    }
  });

  it('opens a case with its tickets and messages', async () => {
    const tickets = await rest<{ customers: unknown[] }>(t.baseUrl, agent, 'GET', '/api/customers/C0000001');
    expect(tickets.status).toBe(200);
    const cases = await gql<{ customer: { cases: { caseId: string }[] } }>(t.baseUrl, agent, '{ customer(id: "C0000001") { cases(first: 200) { caseId ticketStatus } } }');
    const withTicket = (cases.data.customer.cases as { caseId: string; ticketStatus?: string | null }[]).find((c) => c.ticketStatus);
    expect(withTicket).toBeDefined();
    const r = await gql<{ case: { caseId: string; tickets: { id: string; messages: { authorType: string; message: string }[] }[] } }>(
      t.baseUrl,
      agent,
      'query($c: ID!) { case(caseId: $c) { caseId openedAt lastEventTime open orderIds ticketStatus tickets { id subject status messages { authorType message createdAt } } } }',
      { c: withTicket!.caseId },
    );
    expect(r.data.case.caseId).toBe(withTicket!.caseId);
    expect(r.data.case.tickets.length).toBeGreaterThan(0);
    expect(r.data.case.tickets[0]!.messages.length).toBeGreaterThan(0);
  });
});

describe('seed-002 REST endpoints', () => {
  it('creates a case, reads it with its timeline, posts a message, reads the workload', async () => {
    const created = await rest<{ ticket_id: string; status: string; messages: unknown[] }>(t.baseUrl, agent, 'POST', '/support/cases', {
      customerId: 'C0000007',
      subject: 'Chưa nhận được hàng',
      message: 'Đơn hàng của tôi đã 5 ngày chưa giao.',
      channel: 'CHAT',
    });
    expect(created.status).toBe(201);
    expect(created.json.status).toBe('OPEN');
    const id = created.json.ticket_id;

    const read = await rest<{ ticket_id: string; timeline: { events: { event_type: string }[] } }>(t.baseUrl, agent, 'GET', `/support/cases/${id}?includeTimeline=true`);
    expect(read.status).toBe(200);
    expect(read.json.ticket_id).toBe(id);
    for (const e of read.json.timeline.events) expect(e.event_type).toMatch(/^(order|payment|shipment)\./);

    const msg = await rest<{ author_type: string }>(t.baseUrl, agent, 'POST', `/support/cases/${id}/messages`, { message: 'Em đã kiểm tra, đơn đang được giao.' });
    expect(msg.status).toBe(201);
    expect(msg.json.author_type).toBe('AGENT');

    const me = await t.agentId('AGENT');
    const w = await rest<{ open_tickets: number }>(t.baseUrl, agent, 'GET', `/support/agents/${me}/workload`);
    expect(w.status).toBe(200);
    expect(w.json.open_tickets).toBeGreaterThanOrEqual(1);
  });

  it('shows a new ticket on the live timeline at once (cache invalidated by the event)', async () => {
    const before = await rest<{ events: { event_type: string }[] }>(t.baseUrl, agent, 'GET', '/api/customers/C0000009/timeline?first=5');
    expect(before.status).toBe(200);
    await rest(t.baseUrl, agent, 'POST', '/support/cases', { customerId: 'C0000009', subject: 'Yêu cầu hoàn tiền', message: 'Tôi muốn hoàn tiền.' });
    const after = await rest<{ events: { event_type: string; payload: Record<string, string> }[] }>(t.baseUrl, agent, 'GET', '/api/customers/C0000009/timeline?first=5');
    expect(after.json.events.slice(0, 2).map((e) => e.event_type).sort()).toEqual(['ticket.message', 'ticket.opened']);
  });

  it('keeps analysts read-only and agents to their own workload', async () => {
    const analyst = await t.token('ANALYST');
    const r = await rest(t.baseUrl, analyst, 'POST', '/support/cases', { customerId: 'C0000007', subject: 'abc', message: 'x' });
    expect(r.status).toBe(403);
    expect(r.json.error?.code).toBe('FORBIDDEN');
    const supervisorId = await t.agentId('SUPERVISOR');
    const w = await rest(t.baseUrl, agent, 'GET', `/support/agents/${supervisorId}/workload`);
    expect(w.json.error?.code).toBe('FORBIDDEN');
  });
});
