import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../common/live';
import type { TimelineRow } from '../common/model';
import { fmt, percentiles, report } from './lib';

/**
 * `npm run bench -- case-actions` (issue 11): a case action (reply, status change, assign,
 * escalate) → its row on the timeline of another agent watching the customer (socket.io
 * `timeline:row`), p50/p95/p99 over ≥ 200 actions; the mutation's own round trip beside it.
 *
 * The built backend (dist/backend/main.js) runs in its own process, embedded mode, over a fresh
 * data dir with a small demo (BENCH_CASE_ACTIONS_CUSTOMERS, default 300 customers / 30,000 events),
 * so the figure is the action path (GraphQL → transaction on PGlite → cs.events → embedded
 * pipeline → socket) and not demo generation. A supervisor acts; an agent's socket watches the
 * customer. Actions run one after another (latency, not throughput), in rounds on a fresh ticket:
 * reply → PENDING → assign to the agent → escalate; 60 rounds (240 actions) by default
 * (BENCH_CASE_ACTIONS_ROUNDS). One clock: this process's performance.now().
 */
const ROUNDS = Number(process.env.BENCH_CASE_ACTIONS_ROUNDS ?? 60);
const CUSTOMERS = Number(process.env.BENCH_CASE_ACTIONS_CUSTOMERS ?? 300);
const CUSTOMER = 'C0000042';
const KINDS = ['reply', 'status', 'assign', 'escalate'] as const;
type Kind = (typeof KINDS)[number];

async function startEmbedded(dataDir: string) {
  const child = fork('dist/backend/main.js', ['--port', '0', '--data-dir', dataDir], {
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CS360_BENCH_') && !k.startsWith('BENCH_'))),
      CS360_DEMO__CUSTOMERS: String(CUSTOMERS),
      CS360_DEMO__EVENTS: String(CUSTOMERS * 100),
      CS360_DEMO__WHALE_EVENTS: '3000',
      CS360_DEMO__TRICKLE_INTERVAL_MS: '0',
      CS360_LOG__LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { type?: string; port?: number }) => (m.type === 'ready' && m.port ? resolve(m.port) : reject(new Error('bad ready message'))));
    child.once('exit', (code) => reject(new Error(`backend exited with ${code}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    const h = (await (await fetch(`${baseUrl}/health`)).json()) as { status: string };
    if (h.status === 'ok') break;
    if (h.status === 'degraded') throw new Error('demo data generation failed');
    await new Promise((r) => setTimeout(r, 500));
  }
  return { baseUrl, stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))) };
}

export async function benchCaseActions(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs360-bench-case-actions-'));
  const backend = await startEmbedded(dataDir);
  const sockets: Socket[] = [];
  try {
    const { agents } = (await (await fetch(`${backend.baseUrl}/api/auth/agents`)).json()) as { agents: { id: string; role: string }[] };
    const supervisorId = agents.find((a) => a.role === 'SUPERVISOR')!.id;
    const agentId = agents.find((a) => a.role === 'AGENT')!.id;
    const signIn = async (id: string) =>
      ((await (await fetch(`${backend.baseUrl}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId: id }) })).json()) as { token: string }).token;
    const [supervisor, agent] = await Promise.all([signIn(supervisorId), signIn(agentId)]);

    const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const res = await fetch(`${backend.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisor}` }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors[0]!.message);
      return body.data as T;
    };

    // The other agent's console: a socket watching the customer.
    const watcher: Socket<ServerToClientEvents, ClientToServerEvents> = io(backend.baseUrl, { auth: { token: agent }, transports: ['websocket'], reconnection: false });
    sockets.push(watcher);
    await new Promise<void>((resolve, reject) => (watcher.on('connect', () => resolve()), watcher.on('connect_error', reject)));
    const ack = await watcher.emitWithAck('customer:watch', CUSTOMER);
    if (!ack.ok) throw new Error(`watch refused: ${ack.error}`);
    const waiting = new Map<string, (at: number) => void>();
    watcher.on('timeline:row', (row: TimelineRow) => {
      const at = performance.now();
      const key = `${row.event_type}|${row.payload.ticket_id}|${row.payload.status ?? ''}`;
      waiting.get(key)?.(at);
      waiting.delete(key);
    });
    const seen = (key: string) => new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => (waiting.delete(key), reject(new Error(`no timeline row ${key} within 10 s`))), 10_000);
      waiting.set(key, (at) => (clearTimeout(timer), resolve(at)));
    });

    const visible: Record<Kind, number[]> = { reply: [], status: [], assign: [], escalate: [] };
    const roundTrip: Record<Kind, number[]> = { reply: [], status: [], assign: [], escalate: [] };
    const act = async (kind: Kind, key: string, run: () => Promise<unknown>) => {
      const row = seen(key);
      const t0 = performance.now();
      await run();
      roundTrip[kind].push(performance.now() - t0);
      visible[kind].push((await row) - t0);
    };

    for (let round = 0; round < ROUNDS; round++) {
      const { createCase } = await gql<{ createCase: { id: string } }>(`mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }`, {
        i: { customerId: CUSTOMER, subject: `Bench round ${round}`, channel: 'CHAT', priority: 'NORMAL', message: 'Đơn hàng của tôi đâu rồi?' },
      });
      const id = createCase.id;
      await act('reply', `ticket.message|${id}|OPEN`, () => gql(`mutation($i: ReplyInput!) { reply(input: $i) { id } }`, { i: { ticketId: id, message: `Dạ em kiểm tra ngay (${round})` } }));
      await act('status', `ticket.status_changed|${id}|PENDING`, () => gql(`mutation($t: ID!) { setTicketStatus(ticketId: $t, status: PENDING) { id } }`, { t: id }));
      await act('assign', `ticket.assigned|${id}|PENDING`, () => gql(`mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, agentId: $a) { id } }`, { t: id, a: agentId }));
      await act('escalate', `ticket.escalated|${id}|ESCALATED`, () => gql(`mutation($t: ID!) { escalateTicket(ticketId: $t, reason: "Bench escalation") { id } }`, { t: id }));
    }

    const all = KINDS.flatMap((k) => visible[k]);
    const result = {
      actions: all.length,
      visibleOnOtherAgent: percentiles(all),
      mutationRoundTrip: percentiles(KINDS.flatMap((k) => roundTrip[k])),
      byKind: Object.fromEntries(KINDS.map((k) => [k, { visible: percentiles(visible[k]), roundTrip: percentiles(roundTrip[k]) }])),
      setup: { mode: 'embedded', customers: CUSTOMERS, events: CUSTOMERS * 100, rounds: ROUNDS },
    };
    const v = result.visibleOnOtherAgent;
    const r = result.mutationRoundTrip;
    console.log(`case-actions (${all.length} actions, embedded): action → row on another agent's socket p50 ${fmt(v.p50)}  p95 ${fmt(v.p95)}  p99 ${fmt(v.p99)}  max ${fmt(v.max)}`);
    console.log(`  mutation round trip p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}  p99 ${fmt(r.p99)}`);
    for (const k of KINDS) {
      const p = percentiles(visible[k]);
      console.log(`  ${k.padEnd(8)} visible p50 ${fmt(p.p50)}  p95 ${fmt(p.p95)}  p99 ${fmt(p.p99)}`);
    }
    report('case-actions', result);
    return result;
  } finally {
    for (const s of sockets) s.close();
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
