import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../common/live';
import type { TimelineRow } from '../../../common/model';
import { createLogger } from '../../logger';
import { gql, rest } from '../../testing/http';
import { startTestApp, type TestApp } from '../../testing/testApp';

/** Issue 13 §3: an ANALYST never receives a raw email or phone; contacts are found only in full; unmasking is a supervisor's, audited; logs hold no contact. */
type Role = 'AGENT' | 'SUPERVISOR' | 'ANALYST';
let t: TestApp;
const logLines: string[] = [];
const token: Partial<Record<Role, string>> = {};
let customer: { id: string; emails: string[]; phones: string[] };
const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];

const CUSTOMER = `query($id: ID!) { customer(id: $id) { id emails phones } }`;
const SEARCH = `query($q: String!) { searchCustomers(query: $q, limit: 10) { id email phone matchedOn } }`;
const UNMASK = `mutation($id: ID!, $reason: String!) { unmaskCustomer(id: $id, reason: $reason) { customerId emails phones } }`;
/** Every raw contact of the customer, in the forms they could leak in. */
const rawForms = () => [...customer.emails, ...customer.phones, ...customer.phones.map((p) => p.replace('+84', '0')), ...customer.phones.map((p) => p.slice(3))];
const expectNoRaw = (text: string) => {
  for (const v of rawForms()) expect(text, v).not.toContain(v);
};

beforeAll(async () => {
  t = await startTestApp({ demo: { customers: 60, events: 3000, whaleEvents: 500 }, logger: createLogger('trace', { jsonToStdout: false, stream: { write: (l) => void logLines.push(l) } }) });
  for (const r of ['AGENT', 'SUPERVISOR', 'ANALYST'] as const) token[r] = await t.token(r);
  const c = await gql<{ customer: typeof customer }>(t.baseUrl, token.SUPERVISOR!, CUSTOMER, { id: 'C0000003' });
  customer = c.data.customer;
  expect(customer.emails.length).toBeGreaterThan(0);
  expect(customer.phones.length).toBeGreaterThan(0);
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await t?.close();
});

describe('PII for each role', () => {
  it('gives AGENT and SUPERVISOR raw contacts (GraphQL and REST)', async () => {
    for (const r of ['AGENT', 'SUPERVISOR'] as const) {
      const g = await gql<{ customer: typeof customer }>(t.baseUrl, token[r]!, CUSTOMER, { id: customer.id });
      expect(g.data.customer.emails).toEqual(customer.emails);
      const res = await rest<{ emails: string[]; phones: string[] }>(t.baseUrl, token[r]!, 'GET', `/api/customers/${customer.id}`);
      expect(res.json.phones).toEqual(customer.phones);
    }
  });

  it('masks an ANALYST\'s customer, REST customer, search hits and timeline', async () => {
    const g = await gql<{ customer: typeof customer }>(t.baseUrl, token.ANALYST!, CUSTOMER, { id: customer.id });
    expect(g.data.customer.emails[0]).toMatch(/^.\*\*\*@[^*]+$/);
    expect(g.data.customer.phones[0]).toMatch(/^\+84 \d\*+ \*\*\* \d{3}$/);
    expectNoRaw(g.text);
    const r = await rest(t.baseUrl, token.ANALYST!, 'GET', `/api/customers/${customer.id}`);
    expect(r.status).toBe(200);
    expectNoRaw(r.text);
    for (const q of [customer.id, 'C0000', customer.emails[0]!, customer.phones[0]!]) {
      const s = await gql<{ searchCustomers: { email: string | null; phone: string | null }[] }>(t.baseUrl, token.ANALYST!, SEARCH, { q });
      expect(s.code, q).toBeUndefined();
      for (const h of s.data.searchCustomers) {
        if (h.email) expect(h.email).toContain('***');
        if (h.phone) expect(h.phone).toContain('***');
      }
      expectNoRaw(s.text);
      const rs = await rest(t.baseUrl, token.ANALYST!, 'GET', `/api/customers/search?q=${encodeURIComponent(q)}`);
      expectNoRaw(rs.text);
    }
    const tl = await rest(t.baseUrl, token.ANALYST!, 'GET', `/api/customers/${customer.id}/timeline?first=200`);
    expect(tl.status).toBe(200);
    expectNoRaw(tl.text);
  });

  it('lets an ANALYST find a customer by a full email or phone (any form), never by a prefix', async () => {
    const email = customer.emails[0]!;
    const phone = customer.phones[0]!;
    for (const q of [email, email.toUpperCase(), phone, phone.replace('+84', '0'), `${phone.replace('+84', '0').slice(0, 4)} ${phone.replace('+84', '0').slice(4, 7)} ${phone.replace('+84', '0').slice(7)}`]) {
      const s = await gql<{ searchCustomers: { id: string }[] }>(t.baseUrl, token.ANALYST!, SEARCH, { q });
      expect(s.data.searchCustomers.map((h) => h.id), q).toContain(customer.id);
    }
    const at = email.indexOf('@');
    for (const q of [email.slice(0, at + 1), email.slice(0, at + 3), email.slice(0, -1), phone.slice(0, 8), phone.replace('+84', '0').slice(0, 9)]) {
      const s = await gql<{ searchCustomers: { id: string }[] }>(t.baseUrl, token.ANALYST!, SEARCH, { q });
      expect(s.data.searchCustomers, q).toEqual([]);
    }
    // An AGENT keeps the as-you-type prefix search.
    const a = await gql<{ searchCustomers: { id: string }[] }>(t.baseUrl, token.AGENT!, SEARCH, { q: email.slice(0, at + 1) });
    expect(a.data.searchCustomers.map((h) => h.id)).toContain(customer.id);
  });

  it('masks the timeline rows a watching ANALYST receives over socket.io, not an AGENT\'s', async () => {
    const watch = async (r: Role) => {
      const s: Socket<ServerToClientEvents, ClientToServerEvents> = connect(t.baseUrl, { auth: { token: token[r] }, transports: ['websocket'], reconnection: false });
      sockets.push(s);
      await new Promise<void>((resolve, reject) => {
        s.on('connect', () => resolve());
        s.on('connect_error', reject);
      });
      expect(await s.emitWithAck('customer:watch', customer.id)).toEqual({ ok: true });
      // Wrapped: an async function returning a bare promise would wait for the row itself.
      return { row: new Promise<TimelineRow>((resolve) => s.on('timeline:row', (row) => row.event_type === 'ticket.message' && resolve(row))) };
    };
    const [analystRow, agentRow] = [await watch('ANALYST'), await watch('AGENT')];
    const message = `Liên hệ lại: ${customer.emails[0]} hoặc ${customer.phones[0]!.replace('+84', '0')}`;
    const created = await rest(t.baseUrl, token.AGENT!, 'POST', '/support/cases', { customerId: customer.id, subject: 'Đổi liên hệ', message });
    expect(created.status).toBe(201);
    const [a, g] = await Promise.all([analystRow.row, agentRow.row]);
    expectNoRaw(JSON.stringify(a));
    expect(JSON.stringify(g)).toContain(customer.emails[0]);
    // The case as an ANALYST reads it: the message text is masked too.
    const ticketId = (created.json as { ticket_id?: string; ticketId?: string; id?: string }).ticket_id ?? (created.json as { id?: string }).id;
    const read = await rest(t.baseUrl, token.ANALYST!, 'GET', `/support/cases/${ticketId}?includeTimeline=true`);
    expect(read.status).toBe(200);
    expectNoRaw(read.text);
  });

  it('unmasks for a SUPERVISOR with a reason, audited; refuses AGENT and ANALYST', async () => {
    for (const r of ['AGENT', 'ANALYST'] as const) expect((await gql(t.baseUrl, token[r]!, UNMASK, { id: customer.id, reason: 'Customer asked for a callback' })).code, r).toBe('FORBIDDEN');
    expect((await gql(t.baseUrl, token.SUPERVISOR!, UNMASK, { id: customer.id, reason: '' })).code).toBe('INVALID_INPUT');
    const u = await gql<{ unmaskCustomer: { customerId: string; emails: string[]; phones: string[] } }>(t.baseUrl, token.SUPERVISOR!, UNMASK, { id: customer.id, reason: 'Customer asked for a callback' });
    expect(u.data.unmaskCustomer).toEqual({ customerId: customer.id, emails: customer.emails, phones: customer.phones });
    const audit = await t.app.adapters.tickets.listAudit({ action: 'PII_UNMASKED', customerId: customer.id }, 10);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.agent_id).toBe(await t.agentId('SUPERVISOR'));
    expect(audit[0]!.details).toMatchObject({ customer_id: customer.id, reason: 'Customer asked for a callback', ip: expect.any(String), user_agent: expect.any(String) });
  });

  it('never writes a raw email or phone to the log', async () => {
    // Inputs that fail: half contacts, a contact in a bad id, an unknown contact.
    for (const tok of [token.AGENT!, token.ANALYST!]) {
      await rest(t.baseUrl, tok, 'GET', `/api/customers/${encodeURIComponent(customer.emails[0]!)}`);
      await rest(t.baseUrl, tok, 'GET', `/api/customers/search?q=${encodeURIComponent(customer.phones[0]!)}&limit=abc`);
      await gql(t.baseUrl, tok, SEARCH, { q: 12 });
      await gql(t.baseUrl, tok, `query { customer(id: "${customer.emails[0]}") { id } }`);
      await rest(t.baseUrl, tok, 'POST', '/support/cases', { customerId: customer.id, subject: customer.emails[0], message: 1 });
    }
    // And a direct log call carrying contacts, as a careless handler would.
    t.app.server.log.error({ email: customer.emails[0], url: `/api/customers/search?q=${encodeURIComponent(customer.emails[0]!)}` }, `lookup failed for ${customer.phones[0]}`);
    await new Promise((r) => setTimeout(r, 50));
    const all = logLines.join('');
    expect(logLines.length).toBeGreaterThan(0);
    expectNoRaw(all);
    expect(all).toContain('***@');
  });
});
