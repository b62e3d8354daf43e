import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/testApp';
import { gql, rest } from '../testing/http';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({ demo: { customers: 50, events: 3000, whaleEvents: 500 }, api: { graphqlMaxDepth: 4 } });
  token = await t.token('AGENT');
});
afterAll(async () => t?.close());

/** Every bad input answers a typed code with a readable message, never a 500 or a stack trace. */
function expectClean(text: string) {
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(text).not.toMatch(/INTERNAL/);
}

describe('bad input over GraphQL', () => {
  it.each([
    ['an empty search', '{ searchCustomers(query: "") { id } }', 'INVALID_INPUT'],
    ['a whitespace search', '{ searchCustomers(query: "   ") { id } }', 'INVALID_INPUT'],
    ['a 10 kB search', `{ searchCustomers(query: "${'a'.repeat(10_240)}") { id } }`, 'INVALID_INPUT'],
    ['too few phone digits', '{ searchCustomers(query: "09") { id } }', 'INVALID_INPUT'],
    ['a malformed customer id', '{ customer(id: "C12; DROP TABLE") { id } }', 'INVALID_INPUT'],
    ['an unknown customer', '{ customer(id: "C9999999") { id } }', 'NOT_FOUND'],
    ['a negative page size', '{ timeline(customerId: "C0000001", first: -5) { nextCursor } }', 'INVALID_INPUT'],
    ['a huge page size', '{ timeline(customerId: "C0000001", first: 1000000) { nextCursor } }', 'INVALID_INPUT'],
    ['a forged cursor', '{ timeline(customerId: "C0000001", after: "bm90LWEtY3Vyc29y") { nextCursor } }', 'INVALID_INPUT'],
    ['a bad date', '{ timeline(customerId: "C0000001", from: "yesterday") { nextCursor } }', 'INVALID_INPUT'],
    ['from after to', '{ timeline(customerId: "C0000001", from: "2025-02-01", to: "2025-01-01") { nextCursor } }', 'INVALID_INPUT'],
    ['a malformed case id', '{ case(caseId: "nope") { caseId } }', 'INVALID_INPUT'],
    ['an unknown case', '{ case(caseId: "C0000001:20000101T000000Z") { caseId } }', 'NOT_FOUND'],
    ['a malformed ticket id', '{ ticket(id: "123") { id } }', 'INVALID_INPUT'],
    ['an unknown field', '{ customer(id: "C0000001") { password } }', 'INVALID_INPUT'],
    ['a syntax error', '{ customer(id: ', 'INVALID_INPUT'],
  ])('answers %s with a typed error', async (_, query, code) => {
    const r = await gql(t.baseUrl, token, query);
    expect(r.code).toBe(code);
    expect(r.message?.length).toBeGreaterThan(5);
    expect(r.status).toBeLessThan(500);
    expectClean(r.text);
  });

  it('refuses a query deeper than the configured limit (4 here) and accepts one at the limit', async () => {
    const atLimit = await gql(t.baseUrl, token, '{ customer(id: "C0000001") { cases { tickets { id } } } }');
    expect(atLimit.code).toBeUndefined();
    const tooDeep = await gql(t.baseUrl, token, '{ customer(id: "C0000001") { cases { tickets { messages { id } } } } }');
    expect(tooDeep.code).toBe('INVALID_INPUT');
    expect(tooDeep.message).toMatch(/depth/i);
    expectClean(tooDeep.text);
  });
});

describe('bad input over REST', () => {
  it.each([
    ['an empty search', 'GET', '/api/customers/search?q=', undefined, 400, 'INVALID_INPUT'],
    ['a 10 kB search', 'GET', `/api/customers/search?q=${'x'.repeat(10_240)}`, undefined, 400, 'INVALID_INPUT'],
    ['a malformed id', 'GET', '/api/customers/123abc', undefined, 400, 'INVALID_INPUT'],
    ['an unknown customer', 'GET', '/api/customers/C9999999', undefined, 404, 'NOT_FOUND'],
    ['a negative page size', 'GET', '/api/customers/C0000001/timeline?first=-1', undefined, 400, 'INVALID_INPUT'],
    ['a huge page size', 'GET', '/api/customers/C0000001/timeline?first=99999999', undefined, 400, 'INVALID_INPUT'],
    ['a non-numeric page size', 'GET', '/api/customers/C0000001/timeline?first=abc', undefined, 400, 'INVALID_INPUT'],
    ['an unknown kind', 'GET', '/api/customers/C0000001/timeline?kinds=ORDER,PIZZA', undefined, 400, 'INVALID_INPUT'],
    ['a malformed ticket id', 'GET', '/support/cases/not-a-uuid', undefined, 400, 'INVALID_INPUT'],
    ['an unknown ticket', 'GET', '/support/cases/00000000-0000-4000-8000-000000000000', undefined, 404, 'NOT_FOUND'],
    ['a case without a subject', 'POST', '/support/cases', { customerId: 'C0000001', message: 'x' }, 400, 'INVALID_INPUT'],
    ['a case for an unknown customer', 'POST', '/support/cases', { customerId: 'C9999999', subject: 'abc', message: 'x' }, 404, 'NOT_FOUND'],
    ['a case with unknown fields', 'POST', '/support/cases', { customerId: 'C0000001', subject: 'abc', message: 'x', admin: true }, 400, 'INVALID_INPUT'],
    ['malformed JSON', 'POST', '/support/cases', '{"customerId": ', 400, 'INVALID_INPUT'],
    ['an unknown route', 'GET', '/api/nothing-here', undefined, 404, 'NOT_FOUND'],
  ])('answers %s with a typed error', async (_, method, path, body, status, code) => {
    const r = await rest(t.baseUrl, token, method, path, body);
    expect(r.status).toBe(status);
    expect(r.json.error?.code).toBe(code);
    expect(r.json.error?.message.length).toBeGreaterThan(5);
    expectClean(r.text);
  });

  it('refuses a body over the size limit with 413 without crashing', async () => {
    const r = await rest(t.baseUrl, token, 'POST', '/support/cases', { customerId: 'C0000001', subject: 'abc', message: 'x'.repeat(300_000) });
    expect(r.status).toBe(413);
    expect(r.json.error?.code).toBe('INVALID_INPUT');
  });

  it('refuses a forged bearer token', async () => {
    const r = await rest(t.baseUrl, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad', 'GET', '/api/customers/C0000001');
    expect(r.status).toBe(401);
    expect(r.json.error?.code).toBe('UNAUTHENTICATED');
  });
});
