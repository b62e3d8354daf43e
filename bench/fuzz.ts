import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { parse as parseYaml } from 'yaml';
import { percentiles, report, signIn, startBackend } from './lib';

/**
 * `npm run bench -- fuzz`: bounded random requests against a local backend (loopback only) — REST
 * routes of openapi.yaml, the renderer's GraphQL operations and synthetic ones, socket.io events —
 * with malformed paths, percent-escapes, wrong-typed and deeply nested JSON, NUL and lone
 * surrogates, huge texts, foreign Host headers and forged tokens, while /health is polled. It prints
 * the status histogram, the 5xx count, responses leaking internals (stack traces, file paths,
 * engine errors) and responses slower than 1 s: all three must be 0.
 *
 * CS360_BENCH_FUZZ_CASES (default 10,000) and CS360_BENCH_FUZZ_SEED (default 13) make a run repeatable.
 */

const CASES = Number(process.env.CS360_BENCH_FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.CS360_BENCH_FUZZ_SEED ?? 13);
const CONCURRENCY = 8;
const SLOW_MS = 1000;

/** mulberry32: small, seedable, good enough to pick cases. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

/** What a response must never contain: stack frames, source paths, engine and runtime error names. */
const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat [\w$.<>]+ \(|\bat (file:\/\/|\/)[^\s]+:\d+:\d+/],
  ['source path', /(\/work\/|\/home\/|node_modules|[\w-]+\.(ts|mjs|cjs):\d+)/],
  ['runtime error', /\b(TypeError|ReferenceError|RangeError|SyntaxError: Unexpected|Maximum call stack|Cannot read properties)\b/],
  ['engine error', /\b(SQLITE_\w+|better-sqlite3|ECONNREFUSED|duckdb|Cassandra|kafkajs)\b/i],
];

function leakIn(text: string): string | null {
  for (const [what, re] of LEAKS) if (re.test(text)) return what;
  return null;
}

interface Outcome {
  kind: 'rest' | 'graphql' | 'socket';
  /** Which case (its generator's seed offset), to replay it. */
  index?: number;
  status: string;
  /** The transport error of a failed request. */
  error?: string;
  ms: number;
  leak: string | null;
  what: string;
}

function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string; ms: number; error?: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    let req: ReturnType<typeof request>;
    try {
      // A connection per request: a keep-alive socket the server closed after an unread body would fail the next case.
      req = request({ host: '127.0.0.1', port, method, path, agent: false, headers: { ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers }, timeout: 10_000 }, (res) => {
      const chunks: Uint8Array[] = [];
      res.on('data', (c: Uint8Array) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      res.on('error', () => resolve({ status: -1, text: '', ms: performance.now() - started }));
    });
    } catch {
      // Node refused to send it (a header or path it will not write): not the server's doing.
      resolve({ status: 0, text: '', ms: 0 });
      return;
    }
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: e.message === 'timeout' ? -2 : -1, text: '', ms: performance.now() - started, error: e.code ?? e.message }));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// ---- value generators ----

const WEIRD_STRINGS = [
  '',
  ' ',
  'a',
  'C0000002',
  'C9999999',
  '00000000-0000-4000-8000-000000000000',
  '../../etc/passwd',
  '..%2f..%2fetc',
  '%00',
  'x\u0000y',
  'x\ud800',
  '\udc00x',
  '😀'.repeat(50),
  'Nguyễn Văn A',
  "' OR 1=1 --",
  '"; DROP TABLE t; --',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '\\',
  '%',
  '%zz',
  '\r\nX-Injected: 1',
  '0912 345 678',
  '+84 912 345 678',
  'someone@example.com',
  '2026-01-01T00:00:00Z',
  'not-a-date',
  '9'.repeat(400),
  'NaN',
  'Infinity',
  '-1',
  '__proto__',
  'constructor',
];

function jsonValue(r: Rng, depth = 0): unknown {
  const k = r.int(depth > 3 ? 6 : 10);
  switch (k) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1, 1.5, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 5000, 500, 201]);
    case 3:
    case 4:
    case 5:
      return r.chance(0.05) ? 'x'.repeat(r.int(20_000)) : r.pick(WEIRD_STRINGS);
    case 6:
    case 7:
      return Array.from({ length: r.int(5) }, () => jsonValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = r.int(5); i > 0; i--) o[r.pick(['id', 'customerId', 'subject', 'message', 'channel', 'priority', 'status', 'agentId', 'first', 'q', '__proto__', 'constructor', 'x\u0000', r.pick(WEIRD_STRINGS)])] = jsonValue(r, depth + 1);
      return o;
    }
  }
}

/** A deep array/object literal as text (JSON or GraphQL), up to 30,000 levels. */
const deepText = (r: Rng, n: number) => (r.chance(0.5) ? `${'['.repeat(n)}1${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);

function mangledPath(r: Rng, path: string): string {
  switch (r.int(9)) {
    case 0:
      // Percent-encode one character of the path.
      return path.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`);
    case 1:
      return path.replace(/[a-z]/, (c) => `%25${c.charCodeAt(0).toString(16)}`);
    case 2:
      return `${path}/`;
    case 3:
      return path.toUpperCase();
    case 4:
      return `/${path}`;
    case 5:
      return `${path}/..%2f..%2f`;
    case 6:
      return `${path}%00`;
    case 7:
      return `${path}?${r.pick(['q=', 'q=%zz', `q=${'a'.repeat(3000)}`, 'first=-1', 'first=99999999', 'q=%00', 'a[b][c]=1', 'q=%ed%a0%80'])}`;
    default:
      return path;
  }
}

// ---- the cases ----

interface Context {
  port: number;
  tokens: Record<string, string>;
  restOps: { method: string; path: string }[];
  gqlOps: { text: string; variables: string[] }[];
  ids: string[];
}

function authHeader(r: Rng, c: Context): Record<string, string> {
  const k = r.int(10);
  if (k < 6) return { authorization: `Bearer ${c.tokens[r.pick(['AGENT', 'SUPERVISOR', 'ANALYST'])]}` };
  if (k === 6) return {};
  if (k === 7) return { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6IlNVUEVSVklTT1IifQ.' };
  if (k === 8) return { authorization: r.pick(['Basic YTpi', 'Bearer', 'Bearer ' + 'x'.repeat(5000), 'bearer abc']) };
  return { authorization: `Bearer ${c.tokens.AGENT!.slice(0, -3)}abc` };
}

function hostHeader(r: Rng, port: number): Record<string, string> {
  return r.chance(0.9) ? { host: r.pick([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) } : { host: r.pick(['evil.example', `attacker.test:${port}`, '', '127.0.0.1.nip.io', 'localhost:abc']) };
}

async function restCase(r: Rng, c: Context): Promise<Outcome> {
  const op = r.pick(c.restOps);
  let path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(r.chance(0.6) ? r.pick(c.ids) : String(r.pick(WEIRD_STRINGS))));
  path = mangledPath(r, path);
  const method = r.chance(0.85) ? op.method : r.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
  let body: string | undefined;
  // Signing out revokes the token: the shared ones would then make every later case a 401. A fresh session is signed out instead.
  const auth = op.path === '/api/auth/logout' ? { authorization: `Bearer ${await signIn(`http://127.0.0.1:${c.port}`, r.pick(['AGENT', 'SUPERVISOR', 'ANALYST']))}` } : authHeader(r, c);
  const headers: Record<string, string> = { ...auth, ...hostHeader(r, c.port) };
  if (method !== 'GET' && method !== 'HEAD' && r.chance(0.9)) {
    const k = r.int(10);
    body = k === 0 ? deepText(r, r.int(30_000)) : k === 1 ? '{"a":' : k === 2 ? 'x'.repeat(r.chance(0.5) ? 300_000 : 10) : JSON.stringify(jsonValue(r));
    headers['content-type'] = r.chance(0.9) ? 'application/json' : r.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']);
  }
  const res = await send(c.port, method, path, headers, body);
  return { kind: 'rest', status: String(res.status), error: res.error, ms: res.ms, leak: res.status >= 400 || res.status < 0 ? leakIn(res.text) : leakInError(res.text), what: `${method} ${path.slice(0, 120)}` };
}

/** Successful answers carry data (names, messages) where words like "TypeError" could legitimately appear; only their error parts are checked. */
function leakInError(text: string): string | null {
  try {
    const j = JSON.parse(text) as { errors?: unknown; error?: unknown };
    return j.errors || j.error ? leakIn(JSON.stringify(j.errors ?? j.error)) : null;
  } catch {
    return null;
  }
}

const SYNTHETIC_GQL = [
  '{ me { id role } }',
  '{ seedStatus { phase fraction } }',
  'query($id: ID!) { customer(id: $id) { id fullName cases(first: 5) { caseId } } }',
  'query($q: String!) { searchCustomers(query: $q, limit: 10) { id } }',
  'query($id: ID!, $first: Int, $after: String) { timeline(customerId: $id, first: $first, after: $after) { nextCursor events { id } } }',
  'mutation($i: CreateCaseInput!) { createCase(input: $i) { ticketId } }',
  'mutation($t: ID!, $m: String!) { postMessage(ticketId: $t, message: $m) { id } }',
  'mutation($t: ID!, $r: String!) { escalateTicket(ticketId: $t, reason: $r) { ticketId } }',
  '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }',
];

function mutateQuery(r: Rng, q: string): string {
  switch (r.int(12)) {
    case 0:
      return `query ${' '.repeat(r.int(200_000))}{`;
    case 1:
      return `{ ${Array.from({ length: r.int(120) }, (_, i) => `a${i}: customer(id: "C0000002") { cases(first: 200) { tickets { messages { id } } } }`).join(' ')} }`;
    case 2:
      return `{ customer(id: ${deepText(r, r.int(25_000)).replaceAll('"a"', 'a')}) { id } }`;
    case 3:
      return q.slice(0, r.int(q.length));
    case 4:
      return q.replace(/"[^"]*"|\$\w+/, r.pick(['"\\u0000"', '"\\ud800"', '"x"', '5', 'null', '[1]', '{a: 1}']));
    case 5:
      return `${q} ${q}`;
    case 6:
      return `{ ${'me { id } '.repeat(r.int(2000))}}`;
    case 7:
      return `${'fragment F on Customer { id ...G } fragment G on Customer { id ...F } '}{ customer(id: "x") { ...F } }`;
    case 8:
      return `query { ${'customer(id: "C0000002") { '.repeat(r.int(40))}id${' }'.repeat(20)}`;
    default:
      return q;
  }
}

async function graphqlCase(r: Rng, c: Context): Promise<Outcome> {
  const op = r.chance(0.5) ? r.pick(c.gqlOps) : { text: r.pick(SYNTHETIC_GQL), variables: ['id', 'q', 'first', 'after', 'i', 't', 'm', 'r'] };
  const query = r.chance(0.6) ? op.text : mutateQuery(r, op.text);
  const variables: Record<string, unknown> = {};
  for (const v of op.variables) if (r.chance(0.8)) variables[v] = r.chance(0.4) ? r.pick(c.ids) : jsonValue(r);
  const k = r.int(20);
  const payload = k === 0 ? JSON.stringify([{ query }, { query }]) : k === 1 ? JSON.stringify({ query: jsonValue(r) }) : k === 2 ? JSON.stringify({ query, variables: jsonValue(r) }) : k === 3 ? JSON.stringify({ query, operationName: jsonValue(r), variables }) : JSON.stringify({ query, variables });
  const headers: Record<string, string> = { ...authHeader(r, c), ...hostHeader(r, c.port), 'content-type': 'application/json' };
  const viaGet = r.chance(0.1);
  const path = viaGet ? `/graphql?query=${encodeURIComponent(query.slice(0, 4000))}&variables=${encodeURIComponent(JSON.stringify(variables))}` : mangledPath(r, '/graphql').replace(/\?.*$/, '');
  const res = viaGet ? await send(c.port, 'GET', path, headers) : await send(c.port, 'POST', path, headers, payload);
  return { kind: 'graphql', status: String(res.status), error: res.error, ms: res.ms, leak: res.status >= 400 || res.status < 0 ? leakIn(res.text) : leakInError(res.text), what: `${viaGet ? 'GET' : 'POST'} ${path.slice(0, 40)} ${query.slice(0, 80)}` };
}

type AnySocket = Socket & { emitWithAck(ev: string, ...args: unknown[]): Promise<unknown> };

async function socketCase(r: Rng, c: Context): Promise<Outcome> {
  const started = performance.now();
  const auth: Record<string, unknown> = r.chance(0.8) ? { token: c.tokens[r.pick(['AGENT', 'SUPERVISOR', 'ANALYST'])] } : { token: jsonValue(r) };
  if (r.chance(0.3)) auth.watching = r.chance(0.5) ? Array.from({ length: r.int(200) }, (_, i) => `C${String(i).padStart(7, '0')}`) : jsonValue(r);
  if (r.chance(0.2)) auth.lastSeq = jsonValue(r);
  const s = connect(`http://127.0.0.1:${c.port}`, { auth, transports: ['websocket'], reconnection: false, timeout: 5000 }) as unknown as AnySocket;
  try {
    const ok = await new Promise<boolean>((resolve) => {
      s.on('connect', () => resolve(true));
      s.on('connect_error', () => resolve(false));
    });
    if (!ok) return { kind: 'socket', status: 'socket:refused', ms: performance.now() - started, leak: null, what: 'handshake' };
    let acks = 0;
    let leak: string | null = null;
    for (let i = r.int(60); i > 0; i--) {
      const event = r.chance(0.8) ? r.pick(['customer:watch', 'customer:unwatch']) : r.pick(['x', 'customer:watch:x', '__proto__', 'hasOwnProperty', 'timeline:row']);
      const arg = r.chance(0.6) ? `C${String(r.int(300)).padStart(7, '0')}` : jsonValue(r);
      if (event === 'customer:watch') {
        const ack = await Promise.race([s.emitWithAck(event, arg), new Promise((resolve) => setTimeout(() => resolve({ timeout: true }), 5000))]);
        acks++;
        leak ??= leakIn(JSON.stringify(ack));
        if ((ack as { timeout?: boolean }).timeout) return { kind: 'socket', status: 'socket:ack-timeout', ms: performance.now() - started, leak, what: `${event} ${JSON.stringify(arg).slice(0, 60)}` };
      } else {
        try {
          s.emit(event, arg);
        } catch {
          // a name socket.io reserves on the client: not sent
        }
      }
    }
    return { kind: 'socket', status: s.connected ? 'socket:ok' : 'socket:closed-by-server', ms: (performance.now() - started) / Math.max(1, acks), leak, what: 'events' };
  } finally {
    s.close();
  }
}

export async function benchFuzz(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs360-fuzz-'));
  const backend = await startBackend({ CS360_DEMO__CUSTOMERS: '300', CS360_DEMO__EVENTS: '20000', CS360_DEMO__WHALE_EVENTS: '2000', CS360_LOG__LEVEL: 'fatal' }, ['--data-dir', dataDir]);
  const port = Number(new URL(backend.baseUrl).port);
  if (new URL(backend.baseUrl).hostname !== '127.0.0.1') throw new Error('fuzz: loopback only');
  const health = { polls: 0, failures: 0, slow: 0, slowest: 0 };
  const lag = { serverMaxMs: 0 };
  let supervisor: string | null = null;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      if (supervisor && health.polls % 5 === 0) {
        // The backend's own event-loop delay (prom-client, reset at each scrape): a stalled server, not a starved machine.
        const m = await send(port, 'GET', '/metrics', { authorization: `Bearer ${supervisor}` });
        const v = Number(/^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(m.text)?.[1] ?? 0) * 1000;
        if (v > lag.serverMaxMs) lag.serverMaxMs = v;
      }
      const res = await send(port, 'GET', '/health', {});
      health.polls++;
      health.slowest = Math.max(health.slowest, res.ms);
      if (res.status !== 200) health.failures++;
      // Timed by this process, whose own stalls (printed below) count in: reported, not failed on.
      if (res.ms > SLOW_MS) health.slow++;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const tokens: Record<string, string> = {};
    for (const role of ['AGENT', 'SUPERVISOR', 'ANALYST']) tokens[role] = await signIn(backend.baseUrl, role);
    supervisor = tokens.SUPERVISOR!;
    const spec = parseYaml(readFileSync('backend/api/rest/openapi.yaml', 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    const restOps = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => /^(get|post|put|patch|delete)$/.test(m)).map((m) => ({ method: m.toUpperCase(), path })));
    const opsDir = 'renderer/src/graphql/operations';
    const gqlOps = readdirSync(opsDir)
      .filter((f) => f.endsWith('.graphql'))
      .flatMap((f) => readFileSync(join(opsDir, f), 'utf8').split(/\n(?=query|mutation|fragment)/))
      .filter((t) => /^(query|mutation)/.test(t))
      .map((text) => ({ text, variables: [...text.matchAll(/\$(\w+)\s*:/g)].map((m) => m[1]!) }));
    const search = (await (await fetch(`${backend.baseUrl}/api/customers/search?q=C00000`, { headers: { authorization: `Bearer ${tokens.SUPERVISOR}` } })).json()) as { customers?: { id: string }[] };
    const ids = ['C0000002', 'C0000003', ...(search.customers ?? []).map((x) => x.id)];
    const ctx: Context = { port, tokens, restOps, gqlOps, ids };

    // This process's own stalls inflate the times it measures: shown beside the figures.
    const clientLag = monitorEventLoopDelay({ resolution: 10 });
    clientLag.enable();
    const outcomes: Outcome[] = [];
    let next = 0;
    const started = performance.now();
    /** Case i: one generator per case, so the same seed gives the same cases whatever the interleaving. */
    const runCase = async (i: number): Promise<Outcome> => {
      const r = rng(SEED * 1_000_003 + i);
      const kind = r.next();
      try {
        return { ...(await (kind < 0.45 ? restCase(r, ctx) : kind < 0.93 ? graphqlCase(r, ctx) : socketCase(r, ctx))), index: i };
      } catch (err) {
        // The generator's own failure (a client library refusing to send something): shown, not blamed on the server.
        return { kind: kind < 0.45 ? 'rest' : kind < 0.93 ? 'graphql' : 'socket', index: i, status: 'not-sent', ms: 0, leak: null, what: (err as Error).message };
      }
    };
    const worker = async () => {
      while (next < CASES) {
        const i = next++;
        const o = await runCase(i);
        outcomes.push(o);
        if ((i + 1) % 1000 === 0) process.stdout.write(`\rfuzz: ${i + 1}/${CASES} cases`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    clientLag.disable();
    process.stdout.write('\n');

    const histogram: Record<string, number> = {};
    for (const o of outcomes) histogram[`${o.kind} ${o.status}`] = (histogram[`${o.kind} ${o.status}`] ?? 0) + 1;
    const serverErrors = outcomes.filter((o) => /^5\d\d$/.test(o.status) || o.status === '-1' || o.status === '-2' || o.status === 'socket:ack-timeout');
    const leaks = outcomes.filter((o) => o.leak);
    const slow = outcomes.filter((o) => o.ms > SLOW_MS);
    // Each slow case again, alone: slow again means the request is slow; fast alone means it queued
    // behind others on a busy machine (these 2-core machines run other suites at the same time).
    const replayed: { index: number; what: string; underLoad: number; alone: number }[] = [];
    for (const o of slow) replayed.push({ index: o.index!, what: o.what, underLoad: o.ms, alone: (await runCase(o.index!)).ms });
    const slowAlone = replayed.filter((x) => x.alone > SLOW_MS);
    const lat = percentiles(outcomes.filter((o) => o.kind !== 'socket').map((o) => o.ms));
    const pass = serverErrors.length === 0 && leaks.length === 0 && slowAlone.length === 0 && health.failures === 0;

    console.log(`fuzz: ${outcomes.length} cases in ${seconds.toFixed(1)} s (seed ${SEED}, ${CONCURRENCY} in flight, loopback ${backend.baseUrl}; machine load average ${loadavg()[0]!.toFixed(1)})`);
    console.log('status histogram:');
    for (const [k, n] of Object.entries(histogram).sort()) console.log(`  ${k.padEnd(28)} ${String(n).padStart(6)}`);
    console.log(`5xx / transport failures: ${serverErrors.length}   [must be 0]`);
    console.log(`leaked internals:         ${leaks.length}   [must be 0]`);
    console.log(`slower than ${SLOW_MS} ms:        ${slow.length} in the run${slow.length ? '' : '   [must be 0]'}   (HTTP p50 ${lat.p50.toFixed(1)} ms, p99 ${lat.p99.toFixed(1)} ms, max ${lat.max.toFixed(0)} ms)`);
    if (slow.length > 0) console.log(`  replayed alone: ${slowAlone.length} slower than ${SLOW_MS} ms   [must be 0]   (${replayed.map((x) => `${x.underLoad.toFixed(0)}→${x.alone.toFixed(0)} ms`).join(', ')})`);
    console.log(`event-loop delay max: backend ${lag.serverMaxMs.toFixed(0)} ms (sampled every ~0.5 s), this load generator ${(clientLag.max / 1e6).toFixed(0)} ms`);
    console.log(`/health during the run:   ${health.polls} polls, ${health.failures} not answered 200   [must be 0]; ${health.slow} slower than ${SLOW_MS} ms, slowest ${health.slowest.toFixed(0)} ms`);
    for (const [label, list] of [
      ['5xx', serverErrors],
      ['leak', leaks],
      ['slow', slow],
    ] as const)
      for (const o of list.slice(0, 10)) console.log(`  ${label}: #${o.index} ${o.status} ${o.error ?? ''} ${o.ms.toFixed(0)} ms ${o.leak ?? ''} ${o.what.slice(0, 160).replace(/\s+/g, ' ')}`);
    if (slow.length > 0) {
      // What ran beside the slow ones: the cases started just before them, heaviest first.
      const byIndex = new Map(outcomes.map((o) => [o.index, o]));
      const neighbours = new Map<number, Outcome>();
      for (const o of slow) for (let j = o.index! - CONCURRENCY * 2; j < o.index!; j++) if (byIndex.has(j) && !slow.includes(byIndex.get(j)!)) neighbours.set(j, byIndex.get(j)!);
      for (const o of [...neighbours.values()].sort((x, y) => y.ms - x.ms).slice(0, 5)) console.log(`  beside them: #${o.index} ${o.status} ${o.ms.toFixed(0)} ms ${o.what.slice(0, 140).replace(/\s+/g, ' ')}`);
    }
    console.log(pass ? 'fuzz: PASS' : 'fuzz: FAIL');
    if (!pass) process.exitCode = 1;
    const result = { cases: outcomes.length, seed: SEED, seconds, loadAverage: loadavg()[0], serverLagMaxMs: lag.serverMaxMs, clientLagMaxMs: clientLag.max / 1e6, histogram, serverErrors: serverErrors.length, leaks: leaks.length, slow: slow.length, slowReplayedAlone: slowAlone.length, replayed, latency: lat, health, pass };
    report('fuzz', result);
    return result;
  } finally {
    polling = false;
    await poller;
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
