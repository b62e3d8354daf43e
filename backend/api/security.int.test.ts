import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../common/live';
import { SessionTokens } from '../auth/sessionTokens';
import { codeOf, raw, startSecurityApp, type RawResponse } from './security/securityTestApp';

/**
 * The probe of issue 13, replayed: each finding is asserted here and each assertion failed on the
 * code before the fix (percent-encoded paths, the quadratic regex, no cost limits, deep literals,
 * NUL bytes, missing headers, served source maps, public /metrics, any Host, the demo sign-in
 * everywhere, uncapped socket rooms, expiry checked only at the handshake, no logout).
 */
type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Started = Awaited<ReturnType<typeof startSecurityApp>>;

const SECRET = 's'.repeat(48);
const METRICS_TOKEN = 'metrics-token-0123456789';
const LAUNCH = 'launch-token-0123456789abcdef';
let a: Started;
let b: Started;
let rendererDir: string;
let metricsPort: number;
const sockets: Client[] = [];
const tokens: Record<string, string> = {};

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function signIn(role: string): Promise<string> {
  const agents = (await raw(a.port, 'GET', '/api/auth/agents')).json as unknown as { agents: { id: string; role: string }[] };
  const agent = agents.agents.find((x) => x.role === role)!;
  return ((await raw(a.port, 'POST', '/api/auth/local', { body: JSON.stringify({ agentId: agent.id }) })).json as unknown as { token: string }).token;
}

const gql = (port: number, query: string, variables: unknown = {}, headers: Record<string, string> = {}) =>
  raw(port, 'POST', '/graphql', { headers: { authorization: `Bearer ${tokens.AGENT}`, ...headers }, body: JSON.stringify({ query, variables }), timeoutMs: 10_000 });

/** No stack trace, file path or engine message reaches a client. */
function expectClean(r: RawResponse) {
  expect(r.text).not.toMatch(/\bat .+\.(ts|js|mjs|cjs):\d+/);
  expect(r.text).not.toMatch(/\/work\/|node_modules|Maximum call stack|INTERNAL/);
}

function client(port: number, auth: Record<string, unknown>): Client {
  const s: Client = connect(`http://127.0.0.1:${port}`, { auth, transports: ['websocket'], reconnection: false });
  sockets.push(s);
  return s;
}
const connected = (s: Client) =>
  new Promise<void>((resolve, reject) => {
    s.on('connect', () => resolve());
    s.on('connect_error', (e) => reject(e));
  });
const ended = (s: Client) =>
  new Promise<{ reason: string; disconnected: string }>((resolve) => {
    let reason = '';
    (s as unknown as { on(e: string, f: (d: { reason: string }) => void): void }).on('session:ended', (d) => (reason = d.reason));
    s.on('disconnect', (why) => resolve({ reason, disconnected: why }));
  });

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'cs360-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CS360</title><script src="/app.js"></script>');
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1);\n//# sourceMappingURL=app.js.map');
  writeFileSync(join(rendererDir, 'app.js.map'), '{"version":3,"sources":["../renderer/src/secret.ts"]}');
  metricsPort = await freePort();
  a = await startSecurityApp({
    auth: { secret: SECRET },
    http: { allowedHosts: ['cs360.test'], serveRenderer: true, rendererDir },
    metrics: { token: METRICS_TOKEN },
    live: { maxRoomsPerSocket: 3 },
  });
  b = await startSecurityApp({ auth: { secret: SECRET, launchToken: LAUNCH, oidc: { issuer: 'https://idp.example/realms/cs360' } }, metrics: { port: metricsPort } });
  for (const role of ['AGENT', 'SUPERVISOR', 'ANALYST']) tokens[role] = await signIn(role);
}, 300_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await a?.close();
  await b?.close();
  if (rendererDir) rmSync(rendererDir, { recursive: true, force: true });
});

describe('decode-then-authorize', () => {
  it('gates percent-encoded paths exactly as the plain ones', async () => {
    const introspection = JSON.stringify({ query: '{ __schema { queryType { name } } seedStatus { phase } }' });
    for (const path of ['/%67raphql', '/graphq%6C', '/%67%72%61%70%68%71%6c']) {
      const r = await raw(a.port, 'POST', path, { body: introspection });
      expect(r.status, path).toBe(401);
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
    }
    for (const [method, path] of [
      ['GET', '/%6detrics'],
      ['GET', '/%61pi/customers/search?q=a'],
      ['GET', '/api/%63ustomers/C0000002'],
      ['POST', '/%73upport/cases'],
    ]) {
      const r = await raw(a.port, method!, path!, method === 'POST' ? { body: '{}' } : {});
      expect(r.status, path).toBe(401);
    }
  });

  it('does not decode twice, and refuses a malformed escape with 400', async () => {
    const twice = await raw(a.port, 'POST', '/%2567raphql', { body: '{"query":"{ me { id } }"}' });
    expect(twice.status).toBe(404);
    expect(twice.text).not.toContain('"me"');
    const bad = await raw(a.port, 'GET', '/api/%zz');
    expect(bad.status).toBe(400);
    expect(codeOf(bad)).toBe('INVALID_INPUT');
  });

  it('requires the desktop launch token on encoded paths too', async () => {
    const session = await new SessionTokens(SECRET, 600).issue({ id: '00000000-0000-4000-8000-000000000001', name: 'X', role: 'SUPERVISOR' });
    for (const path of ['/%67raphql', '/graphql']) {
      const r = await raw(b.port, 'POST', path, { headers: { authorization: `Bearer ${session}` }, body: '{"query":"{ me { id role } }"}' });
      expect(r.status, path).toBe(401);
      expect(r.json?.error?.message).toMatch(/launch token/);
    }
    const ok = await raw(b.port, 'POST', '/%67raphql', { headers: { authorization: `Bearer ${session}`, 'x-cs360-launch-token': LAUNCH }, body: '{"query":"{ me { role } }"}' });
    expect(ok.status).toBe(200);
  });
});

describe('no backtracking on request bodies', () => {
  it('answers 256 kB of adversarial GraphQL text in under 100 ms while /health keeps answering', async () => {
    for (const query of [`query ${' '.repeat(250_000)}{`, `{ seedStatus ${' '.repeat(250_000)}`, `query a${'\t'.repeat(250_000)}{ me {`, `query ${' '.repeat(250_000)}{ me { id } }`]) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await gql(a.port, query);
        expect(r.status).toBeLessThan(500);
        times.push(r.ms);
      }
      expect(Math.min(...times), JSON.stringify(times)).toBeLessThan(100);
    }
    expect((await raw(a.port, 'GET', '/health')).status).toBe(200);
  });
});

describe('GraphQL cost limits and bad input', () => {
  const ONE = 'customer(id: "C0000002") { cases(first: 200) { tickets { messages { id } } } }';

  it('refuses the 100-alias query of the probe at once with INVALID_INPUT naming the limit', async () => {
    const r = await gql(a.port, `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: ${ONE}`).join(' ')} }`);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('INVALID_INPUT');
    expect(r.json?.errors?.[0]?.extensions?.details).toMatchObject({ limit: 'aliases', max: 30, actual: 100 });
    expect(r.ms).toBeLessThan(1000);
    // Under the alias limit, the cost still refuses it.
    const costly = await gql(a.port, `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: ${ONE}`).join(' ')} }`);
    expect(costly.json?.errors?.[0]?.extensions?.details).toMatchObject({ limit: 'cost' });
    const fine = await gql(a.port, '{ customer(id: "C0000002") { cases(first: 5) { tickets { messages { id } } } } }');
    expect(fine.status).toBe(200);
  });

  it('refuses thousands of fields before the quadratic validation runs', async () => {
    const r = await gql(a.port, `{ ${'me { id } '.repeat(2000)}}`);
    expect(r.status).toBe(400);
    expect(r.json?.errors?.[0]?.extensions?.details).toMatchObject({ limit: 'fields', max: 1000, actual: 4000 });
    expect(r.ms).toBeLessThan(1000);
  });

  it('refuses 20,000-deep literals and variables with INVALID_INPUT, not a stack overflow', async () => {
    const list = `{ customer(id: ${'['.repeat(20_000)}"x"${']'.repeat(20_000)}) { id } }`;
    const object = `{ customer(id: ${'{a:'.repeat(20_000)}1${'}'.repeat(20_000)}) { id } }`;
    for (const q of [list, object]) {
      const r = await gql(a.port, q);
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe('INVALID_INPUT');
      expectClean(r);
    }
    let deep: unknown = 'x';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const v = await raw(a.port, 'POST', '/graphql', { headers: { authorization: `Bearer ${tokens.AGENT}` }, body: `{"query":"query($id: ID!) { customer(id: $id) { id } }","variables":{"id":${'['.repeat(20_000)}1${']'.repeat(20_000)}}}` });
    expect(v.status).toBe(400);
    expect(codeOf(v)).toBe('INVALID_INPUT');
    expectClean(v);
  });

  it('answers variables of the wrong JSON type with INVALID_INPUT, never INTERNAL', async () => {
    const cases: [string, unknown][] = [
      ['query($id: ID!) { customer(id: $id) { id } }', { id: {} }],
      ['query($id: ID!) { customer(id: $id) { id } }', { id: [1, 2] }],
      ['query($id: ID!) { customer(id: $id) { id } }', { id: true }],
      ['query($id: ID!, $n: Int) { timeline(customerId: $id, first: $n) { nextCursor } }', { id: 'C0000002', n: '5' }],
      ['query($id: ID!, $n: Int) { timeline(customerId: $id, first: $n) { nextCursor } }', { id: 'C0000002', n: 1e20 }],
      ['query($id: ID!, $from: DateTime) { timeline(customerId: $id, from: $from) { nextCursor } }', { id: 'C0000002', from: {} }],
      ['query($id: ID!, $k: [TimelineKind!]) { timeline(customerId: $id, kinds: $k) { nextCursor } }', { id: 'C0000002', k: [7] }],
      ['mutation($i: CreateCaseInput!) { createCase(input: $i) { ticketId } }', { i: 'x' }],
      ['mutation($i: CreateCaseInput!) { createCase(input: $i) { ticketId } }', { i: { customerId: 'C0000002', subject: {}, channel: 'EMAIL', priority: 'LOW', message: 'm' } }],
      ['query($id: ID!) { customer(id: $id) { id } }', 'not an object'],
      ['query($id: ID!) { customer(id: $id) { id } }', [1]],
    ];
    for (const [query, variables] of cases) {
      const r = await gql(a.port, query, variables);
      expect(r.status, `${query} ${JSON.stringify(variables)}: ${r.text}`).toBe(400);
      expect(codeOf(r), r.text).toBe('INVALID_INPUT');
      expectClean(r);
    }
  });

  it('answers FORBIDDEN without data with HTTP 403', async () => {
    const agents = (await raw(a.port, 'GET', '/api/auth/agents')).json as unknown as { agents: { id: string; role: string }[] };
    const supervisor = agents.agents.find((x) => x.role === 'SUPERVISOR')!.id;
    // An AGENT reads only their own SLA figures.
    const r = await gql(a.port, `{ slaReport(filter: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", agentId: "${supervisor}" }, groupBy: AGENT) { generatedAt } }`);
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(r.status).toBe(403);
  });

  it('answers an over-size body with 413 and a typed error, REST and GraphQL', async () => {
    const big = JSON.stringify({ query: '{ me { id } }', x: 'y'.repeat(300_000) });
    for (const path of ['/graphql', '/support/cases']) {
      const r = await raw(a.port, 'POST', path, { headers: { authorization: `Bearer ${tokens.AGENT}` }, body: big });
      expect(r.status, path).toBe(413);
      expect(codeOf(r)).toBe('INVALID_INPUT');
    }
  });
});

describe('text inputs', () => {
  it('refuses NUL and lone surrogates in REST bodies, GraphQL variables and literals with INVALID_INPUT', async () => {
    const auth = { authorization: `Bearer ${tokens.AGENT}` };
    const rest = await raw(a.port, 'POST', '/support/cases', { headers: auth, body: JSON.stringify({ customerId: 'C0000002', subject: 'Hỏng\u0000hàng', message: 'x' }) });
    expect(rest.status).toBe(400);
    expect(codeOf(rest)).toBe('INVALID_INPUT');
    const surrogate = await raw(a.port, 'POST', '/support/cases', { headers: auth, body: '{"customerId":"C0000002","subject":"Hỏng hàng","message":"x\\ud800y"}' });
    expect(codeOf(surrogate)).toBe('INVALID_INPUT');
    const mutation = 'mutation($i: CreateCaseInput!) { createCase(input: $i) { ticketId } }';
    const variable = await gql(a.port, mutation, { i: { customerId: 'C0000002', subject: 'Hỏng hàng', channel: 'EMAIL', priority: 'LOW', message: 'a\u0000b' } });
    expect(codeOf(variable)).toBe('INVALID_INPUT');
    const literal = await gql(a.port, 'mutation { createCase(input: { customerId: "C0000002", subject: "Hỏng hàng", channel: EMAIL, priority: LOW, message: "a\\u0000b" }) { ticketId } }');
    expect(codeOf(literal)).toBe('INVALID_INPUT');
    const path = await raw(a.port, 'GET', '/api/customers/C%00002', { headers: auth });
    expect(codeOf(path)).toBe('INVALID_INPUT');
    for (const r of [rest, surrogate, variable, literal, path]) expectClean(r);
  });
});

describe('security headers and static files', () => {
  it('sends CSP, nosniff, frame denial and no-referrer on every response', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/health'],
      ['POST', '/graphql'],
      ['GET', '/nope'],
      ['GET', '/api/customers/search?q=a'],
    ]) {
      const r = await raw(a.port, method!, path!, method === 'POST' ? { body: '{}' } : {});
      expect(r.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(r.headers['content-security-policy'], path).toContain("script-src 'self'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('serves the console but not its source maps', async () => {
    expect((await raw(a.port, 'GET', '/app.js')).status).toBe(200);
    for (const path of ['/app.js.map', '/app%2ejs%2emap', '/%61pp.js.map']) {
      const r = await raw(a.port, 'GET', path);
      expect(r.status, path).toBe(404);
      expect(r.text).not.toContain('secret.ts');
    }
  });
});

describe('/metrics', () => {
  it('needs the scraper token or a SUPERVISOR/ANALYST session', async () => {
    expect((await raw(a.port, 'GET', '/metrics')).status).toBe(401);
    expect((await raw(a.port, 'GET', '/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    expect((await raw(a.port, 'GET', '/metrics', { headers: { authorization: `Bearer ${tokens.AGENT}` } })).status).toBe(403);
    for (const auth of [METRICS_TOKEN, tokens.SUPERVISOR, tokens.ANALYST]) {
      const r = await raw(a.port, 'GET', '/metrics', { headers: { authorization: `Bearer ${auth}` } });
      expect(r.status).toBe(200);
      expect(r.text).toContain('cs360_http_request_duration_seconds');
    }
  });

  it('is served on the separate listener when metrics.port is set', async () => {
    const r = await raw(metricsPort, 'GET', '/metrics');
    expect(r.status).toBe(200);
    expect(r.text).toContain('process_cpu_seconds_total');
    expect((await raw(metricsPort, 'GET', '/graphql')).status).toBe(404);
  });
});

describe('Host allowlist', () => {
  it('answers loopback names and configured ones, refuses others with 403 FORBIDDEN', async () => {
    for (const host of ['127.0.0.1', `localhost:${a.port}`, `[::1]:${a.port}`, 'cs360.test']) expect((await raw(a.port, 'GET', '/health', { headers: { host } })).status, host).toBe(200);
    for (const host of ['evil.example', `evil.example:${a.port}`, `127.0.0.1.nip.io:${a.port}`]) {
      for (const path of ['/health', '/', '/graphql']) {
        const r = await raw(a.port, 'GET', path, { headers: { host } });
        expect(r.status, `${host} ${path}`).toBe(403);
        expect(codeOf(r)).toBe('FORBIDDEN');
      }
    }
  });

  it('refuses a socket.io handshake under a foreign Host', async () => {
    const good = await raw(a.port, 'GET', '/socket.io/?EIO=4&transport=polling', { headers: { host: `localhost:${a.port}` } });
    expect(good.status).toBe(200);
    const evil = await raw(a.port, 'GET', '/socket.io/?EIO=4&transport=polling', { headers: { host: 'evil.example' } });
    expect(evil.status).toBe(403);
  });
});

describe('passwordless demo sign-in', () => {
  it('is refused (404) when an IdP is configured', async () => {
    const h = { 'x-cs360-launch-token': LAUNCH };
    expect((await raw(b.port, 'GET', '/api/auth/agents', { headers: h })).status).toBe(404);
    expect((await raw(b.port, 'POST', '/api/auth/local', { headers: h, body: JSON.stringify({ agentId: '00000000-0000-4000-8000-000000000001' }) })).status).toBe(404);
  });
});

describe('sockets and sessions', () => {
  it('caps the rooms one socket watches, with a typed ack beyond', async () => {
    const s = client(a.port, { token: tokens.AGENT });
    await connected(s);
    for (const id of ['C0000002', 'C0000003', 'C0000004']) expect(await s.emitWithAck('customer:watch', id)).toEqual({ ok: true });
    expect(await s.emitWithAck('customer:watch', 'C0000005')).toEqual({ ok: false, error: 'INVALID_INPUT' });
    expect(await s.emitWithAck('customer:watch', 'C0000003')).toEqual({ ok: true });
    s.emit('customer:unwatch', 'C0000002');
    expect(await s.emitWithAck('customer:watch', 'C0000005')).toEqual({ ok: true });
  });

  it('re-checks the session on every event: an expired one is disconnected with its reason', async () => {
    const short = await new SessionTokens(SECRET, 1).issue({ id: '00000000-0000-4000-8000-000000000002', name: 'Short', role: 'AGENT' });
    const s = client(a.port, { token: short });
    await connected(s);
    const end = ended(s);
    await new Promise((r) => setTimeout(r, 1300));
    s.emit('customer:watch', 'C0000002', () => undefined);
    await expect(end).resolves.toEqual({ reason: 'expired', disconnected: 'io server disconnect' });
  });

  it('signs out: the token is refused from then on and its sockets are disconnected', async () => {
    const token = await signIn('AGENT');
    const s = client(a.port, { token });
    await connected(s);
    const end = ended(s);
    const auth = { authorization: `Bearer ${token}` };
    expect((await raw(a.port, 'POST', '/api/auth/logout', { headers: auth })).json).toEqual({ signedOut: true });
    await expect(end).resolves.toEqual({ reason: 'signed-out', disconnected: 'io server disconnect' });
    const after = await raw(a.port, 'POST', '/graphql', { headers: auth, body: '{"query":"{ me { id } }"}' });
    expect(after.status).toBe(401);
    await expect(connected(client(a.port, { token }))).rejects.toThrow();
    // Other sessions are untouched.
    expect((await gql(a.port, '{ me { id } }')).status).toBe(200);
    expect((await raw(a.port, 'POST', '/api/auth/logout')).status).toBe(401);
  });
});
