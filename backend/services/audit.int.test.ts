import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from '../testing/http';
import { startTestApp, type TestApp } from '../testing/testApp';

/** Issue 13 §4: who, what, when and from where — sign-in/out, customer 360 reads, unmasks, case actions; supervisors read it; nothing modifies it. */
type Role = 'AGENT' | 'SUPERVISOR' | 'ANALYST';
let t: TestApp;
const token: Partial<Record<Role, string>> = {};
const AUDIT = `query($f: AuditFilter, $first: Int) { auditLog(filter: $f, first: $first) { id agentId agentName action ticketId customerId at details } }`;
type Entry = { id: string; agentId: string; agentName: string | null; action: string; ticketId: string | null; customerId: string | null; at: string; details: Record<string, unknown> };

beforeAll(async () => {
  t = await startTestApp({ demo: { customers: 40, events: 2000, whaleEvents: 300 } });
  for (const r of ['AGENT', 'SUPERVISOR', 'ANALYST'] as const) token[r] = await t.token(r);
}, 120_000);
afterAll(async () => t?.close());

const log = async (f: Record<string, unknown> = {}) => {
  const r = await gql<{ auditLog: Entry[] }>(t.baseUrl, token.SUPERVISOR!, AUDIT, { f, first: 200 });
  expect(r.code, r.message).toBeUndefined();
  return r.data.auditLog;
};

describe('audit trail', () => {
  it('records sign-ins with where they came from', async () => {
    const entries = await log({ action: 'SIGNED_IN', agentId: await t.agentId('ANALYST') });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]!.details).toMatchObject({ method: 'demo', ip: expect.any(String), user_agent: expect.any(String) });
    expect(entries[0]!.agentName).toBeTruthy();
  });

  it('records every customer 360 opened (GraphQL and REST), a case action and an unmask, filterable by customer', async () => {
    await gql(t.baseUrl, token.ANALYST!, `query { customer(id: "C0000005") { id } }`);
    await rest(t.baseUrl, token.AGENT!, 'GET', '/api/customers/C0000005');
    const created = await rest<{ ticket_id: string }>(t.baseUrl, token.AGENT!, 'POST', '/support/cases', { customerId: 'C0000005', subject: 'Hỏi đơn', message: 'Đơn của tôi đâu?' });
    expect(created.status).toBe(201);
    await gql(t.baseUrl, token.SUPERVISOR!, `mutation { unmaskCustomer(id: "C0000005", reason: "Gọi lại cho khách") { customerId } }`);
    const entries = await log({ customerId: 'C0000005' });
    const actions = entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'CUSTOMER_VIEWED')).toHaveLength(2);
    expect(actions).toContain('TICKET_CREATED');
    expect(actions).toContain('PII_UNMASKED');
    const viewed = entries.filter((e) => e.action === 'CUSTOMER_VIEWED').map((e) => e.agentId).sort();
    expect(viewed).toEqual([await t.agentId('AGENT'), await t.agentId('ANALYST')].sort());
    expect(entries.every((e) => e.customerId === 'C0000005')).toBe(true);
    // Newest first.
    expect([...entries].sort((a, b) => b.at.localeCompare(a.at)).map((e) => e.at)).toEqual(entries.map((e) => e.at));
    // Case actions say where they came from too.
    expect(entries.find((e) => e.action === 'TICKET_CREATED')!.details).toMatchObject({ ip: expect.any(String), user_agent: expect.any(String) });
    const unmask = entries.find((e) => e.action === 'PII_UNMASKED')!;
    expect(unmask.details).toMatchObject({ reason: 'Gọi lại cho khách', ip: expect.any(String) });
    // Time window: nothing in the future.
    expect(await log({ from: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
  });

  it('is a supervisor\'s to read, over GraphQL and REST', async () => {
    for (const r of ['AGENT', 'ANALYST'] as const) {
      expect((await gql(t.baseUrl, token[r]!, AUDIT, {})).code, r).toBe('FORBIDDEN');
      expect((await rest(t.baseUrl, token[r]!, 'GET', '/api/audit')).status, r).toBe(403);
    }
    expect((await rest(t.baseUrl, null, 'GET', '/api/audit')).status).toBe(401);
    const ok = await rest<{ entries: Entry[] }>(t.baseUrl, token.SUPERVISOR!, 'GET', '/api/audit?action=CUSTOMER_VIEWED&first=5');
    expect(ok.status).toBe(200);
    expect(ok.json.entries.length).toBeGreaterThan(0);
    expect(ok.json.entries.every((e) => e.action === 'CUSTOMER_VIEWED')).toBe(true);
    expect((await rest(t.baseUrl, token.SUPERVISOR!, 'GET', '/api/audit?customerId=nope')).status).toBe(400);
  });

  it('is append-only: no operation changes or deletes a record', () => {
    const schema = readFileSync('common/graphql/schema.graphql', 'utf8');
    const mutations = schema.slice(schema.indexOf('type Mutation')).split('}')[0]!;
    const names = [...mutations.matchAll(/^\s+(\w+)[(:]/gm)].map((m) => m[1]!);
    expect(names).toContain('unmaskCustomer');
    expect(names.filter((n) => /audit|activity/i.test(n))).toEqual([]);
    const openapi = readFileSync('backend/api/rest/openapi.yaml', 'utf8');
    const auditPath = openapi.slice(openapi.indexOf('  /api/audit:'), openapi.indexOf('components:'));
    expect(auditPath).not.toMatch(/^\s{4}(post|put|patch|delete):/m);
  });

  it('records sign-out', async () => {
    const own = await t.token('ANALYST');
    expect((await rest(t.baseUrl, own, 'POST', '/api/auth/logout')).status).toBe(200);
    expect((await log({ action: 'SIGNED_OUT', agentId: await t.agentId('ANALYST') })).length).toBe(1);
  });
});
