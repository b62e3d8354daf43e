import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveNotification } from '../../common/live';
import type { CsNotification } from '../../common/model';
import { MAX_BATCH } from '../api/live/socketServer';
import { createApp, type App } from '../app';
import { configSchema } from '../config/schema';
import { createLogger } from '../logger';
import type { TopicMessages } from '../ports/eventBus';
import { rest } from '../testing/http';
import { recordingClient, waitFor, type LiveSocket } from '../testing/liveClient';
import { startTestApp, type TestApp } from '../testing/testApp';

let t: TestApp;
const open: LiveSocket[] = [];
let agents: { id: string; role: string }[] = [];

beforeAll(async () => {
  t = await startTestApp({ demo: { customers: 30, events: 2000, whaleEvents: 200 } });
  agents = ((await (await fetch(`${t.baseUrl}/api/auth/agents`)).json()) as { agents: { id: string; role: string }[] }).agents;
});
afterAll(async () => {
  for (const s of open) s.close();
  await t?.close();
});

async function tokenFor(agentId: string, baseUrl = t.baseUrl): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId }) });
  return ((await res.json()) as { token: string }).token;
}

/** A recording live client (backend/testing/liveClient.ts) on this test's backend, or another's. */
const client = (auth: Record<string, unknown>, baseUrl = t.baseUrl) => recordingClient(baseUrl, auth, open);

/** Each notification once, seq strictly increasing (across packets too). */
function expectOnceInOrder(got: LiveNotification[]) {
  expect(new Set(got.map((x) => x.notification_id)).size).toBe(got.length);
  for (let i = 1; i < got.length; i++) expect(got[i]!.seq).toBeGreaterThan(got[i - 1]!.seq);
}

const settle = () => new Promise((r) => setTimeout(r, 150));

let n = 0;
function note(over: Partial<CsNotification> = {}): CsNotification {
  n += 1;
  return {
    notification_id: `ntf-test-${n}`,
    type: 'TICKET_ESCALATED',
    customer_id: 'C0000005',
    case_id: 'C0000005-case',
    ticket_id: '00000000-0000-4000-8000-000000000001',
    agent_id: null,
    event_time: Date.now(),
    severity: 'HIGH',
    message: `test ${n}`,
    ...over,
  };
}
const publish = (m: unknown) => t.app.adapters.bus.publish('cs_notifications', m as CsNotification);

describe('notification relay over socket.io', () => {
  it('refuses an unauthenticated socket, even one that brings a cursor', async () => {
    await expect(client({ lastSeq: 0 })).rejects.toThrow(/UNAUTHENTICATED/);
    await expect(client({ token: 'forged', lastSeq: 0 })).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it('delivers a notification to the assigned agent, the customer watchers and supervisors, and no one else', async () => {
    const [a, b, c] = agents.filter((x) => x.role === 'AGENT');
    const sup = agents.find((x) => x.role === 'SUPERVISOR')!;
    const assigned = await client({ token: await tokenFor(a!.id) });
    const bystander = await client({ token: await tokenFor(b!.id) });
    const watcher = await client({ token: await tokenFor(c!.id) });
    const supervisor = await client({ token: await tokenFor(sup.id) });
    expect(await watcher.s.emitWithAck('customer:watch', 'C0000007')).toEqual({ ok: true });
    expect(await bystander.s.emitWithAck('customer:watch', 'C0000008')).toEqual({ ok: true });
    const msg = note({ agent_id: a!.id, customer_id: 'C0000007' });
    await publish(msg);
    await waitFor(() => assigned.got.length === 1 && supervisor.got.length === 1 && watcher.got.length === 1);
    await settle();
    for (const r of [assigned, supervisor, watcher]) {
      expect(r.got).toHaveLength(1);
      expect(r.got[0]).toMatchObject({ notification_id: msg.notification_id, customer_id: 'C0000007' });
      expect(r.got[0]!.seq).toBeGreaterThan(0);
    }
    expect(bystander.got).toEqual([]);
  });

  it('replays exactly what a reconnecting client missed, in order, and nothing twice', async () => {
    const [a, b] = agents.filter((x) => x.role === 'AGENT');
    const sup = agents.find((x) => x.role === 'SUPERVISOR')!;
    const supToken = await tokenFor(sup.id);
    const aToken = await tokenFor(a!.id);
    const first = await client({ token: supToken });
    const firstA = await client({ token: aToken });
    await publish(note({ agent_id: a!.id }));
    await waitFor(() => first.got.length === 1 && firstA.got.length === 1);
    const cursor = first.got[0]!.seq;
    const epoch = first.hello().epoch;
    first.s.close();
    firstA.s.close();
    // Missed while away: one for agent a, one for agent b, one unassigned.
    const missed = [note({ agent_id: a!.id }), note({ agent_id: b!.id }), note()];
    for (const m of missed) await publish(m);

    const back = await client({ token: supToken, lastSeq: cursor, epoch });
    const backA = await client({ token: aToken, lastSeq: cursor, epoch });
    await waitFor(() => back.got.length === 3 && backA.got.length === 1);
    expect(back.got.map((x) => x.notification_id)).toEqual(missed.map((m) => m.notification_id));
    const seqs = back.got.map((x) => x.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(seqs[0]).toBeGreaterThan(cursor);
    expect(backA.got.map((x) => x.notification_id)).toEqual([missed[0]!.notification_id]);

    // After the replay, live again: the next one arrives once.
    const live = note({ agent_id: a!.id });
    await publish(live);
    await waitFor(() => back.got.length === 4 && backA.got.length === 2);
    await settle();
    expect(back.got.map((x) => x.notification_id)).toEqual([...missed, live].map((m) => m.notification_id));
    expect(new Set(back.got.map((x) => x.seq)).size).toBe(4);

    // A cursor at the head replays nothing; one from another epoch (a restart) replays what the log holds.
    const atHead = await client({ token: supToken, lastSeq: back.got[3]!.seq, epoch });
    const otherEpoch = await client({ token: aToken, lastSeq: 10_000, epoch: 'gone' });
    await settle();
    expect(atHead.got).toEqual([]);
    expect(otherEpoch.got.map((x) => x.agent_id)).toEqual(expect.arrayContaining([a!.id]));
    expect(otherEpoch.got.every((x) => x.agent_id === a!.id)).toBe(true);
  });

  it('replays to a reconnecting watcher what it missed about the customers it names, and only those', async () => {
    const [a, b] = agents.filter((x) => x.role === 'AGENT');
    const watcherToken = await tokenFor(b!.id);
    const first = await client({ token: watcherToken });
    await new Promise<void>((resolve) => first.s.emit('customer:watch', 'C0000021', () => resolve()));
    await publish(note({ customer_id: 'C0000021', agent_id: a!.id }));
    await waitFor(() => first.got.length === 1);
    const cursor = first.got[0]!.seq;
    const epoch = first.hello().epoch;
    first.s.close();
    // Missed while away: two about the watched customer (assigned to someone else), one about another.
    const missed = [note({ customer_id: 'C0000021', agent_id: a!.id }), note({ customer_id: 'C0000022', agent_id: a!.id }), note({ customer_id: 'C0000021' })];
    for (const m of missed) await publish(m);

    const back = await client({ token: watcherToken, lastSeq: cursor, epoch, watching: ['C0000021', 'not-a-customer', 42] });
    await waitFor(() => back.got.length === 2);
    await settle();
    expect(back.got.map((x) => x.notification_id)).toEqual([missed[0]!.notification_id, missed[2]!.notification_id]);
    // Joined at connect: the next one about that customer arrives live, once.
    const live = note({ customer_id: 'C0000021' });
    await publish(live);
    await waitFor(() => back.got.length === 3);
    await settle();
    expect(back.got.map((x) => x.notification_id)).toEqual([missed[0], missed[2], live].map((m) => m!.notification_id));
    // Without naming it, the same client is owed none of them.
    const blind = await client({ token: watcherToken, lastSeq: cursor, epoch });
    await settle();
    expect(blind.got).toEqual([]);
  });

  it('sends 50 notifications published back to back to a supervisor in a few packets, in seq order, each once', async () => {
    const sup = agents.find((x) => x.role === 'SUPERVISOR')!;
    const watcher = await client({ token: await tokenFor(sup.id) });
    const sent = Array.from({ length: 50 }, () => note({ customer_id: 'C0000023' }));
    for (const m of sent) await publish(m);
    await waitFor(() => watcher.got.filter((x) => x.customer_id === 'C0000023').length >= 50);
    await settle();
    const mine = watcher.got.filter((x) => x.customer_id === 'C0000023');
    expect(mine.map((x) => x.notification_id)).toEqual(sent.map((m) => m.notification_id));
    expectOnceInOrder(watcher.got);
    // One flush every 10 ms: the burst fits in one or two; never a packet per notification, never an empty one.
    expect(watcher.frames.length).toBeLessThanOrEqual(3);
    expect(watcher.frames.every((f) => f.length > 0)).toBe(true);
  });

  it('gives each socket in a mixed batch exactly the notifications it is owed', async () => {
    const [a, bystanderAgent, c] = agents.filter((x) => x.role === 'AGENT');
    const sup = agents.find((x) => x.role === 'SUPERVISOR')!;
    const agentA = await client({ token: await tokenFor(a!.id) });
    const agentC = await client({ token: await tokenFor(c!.id) });
    const bystander = await client({ token: await tokenFor(bystanderAgent!.id) });
    const supervisor = await client({ token: await tokenFor(sup.id) });
    expect(await agentA.s.emitWithAck('customer:watch', 'C0000011')).toEqual({ ok: true });
    expect(await bystander.s.emitWithAck('customer:watch', 'C0000012')).toEqual({ ok: true });
    const batch = [
      note({ agent_id: a!.id, customer_id: 'C0000013' }), // A's own
      note({ agent_id: c!.id, customer_id: 'C0000011' }), // C's, about the customer A watches
      note({ agent_id: null, customer_id: 'C0000014' }), // supervisors only
      note({ agent_id: a!.id, customer_id: 'C0000011' }), // A's own and watched: once
      note({ agent_id: c!.id, customer_id: 'C0000015' }), // C's own
    ];
    for (const m of batch) await publish(m);
    const ids = (xs: CsNotification[]) => xs.map((m) => m.notification_id);
    const ours = new Set(ids(batch));
    const mine = (r: { got: LiveNotification[] }) => r.got.filter((x) => ours.has(x.notification_id));
    await waitFor(() => mine(supervisor).length === 5 && mine(agentA).length === 3 && mine(agentC).length === 2);
    await settle();
    expect(ids(mine(supervisor))).toEqual(ids(batch));
    expect(ids(mine(agentA))).toEqual(ids([batch[0]!, batch[1]!, batch[3]!]));
    expect(ids(mine(agentC))).toEqual(ids([batch[1]!, batch[4]!]));
    expect(bystander.got).toEqual([]);
    for (const r of [supervisor, agentA, agentC]) {
      expectOnceInOrder(r.got);
      // Published back to back: one packet each (two if a flush fell in the middle of the burst).
      expect(r.frames.length).toBeLessThanOrEqual(2);
    }
  });

  it('dead-letters malformed, oversized and unknown-type messages with the reason and keeps relaying', async () => {
    const sup = agents.find((x) => x.role === 'SUPERVISOR')!;
    const watcher = await client({ token: await tokenFor(sup.id) });
    const dead: TopicMessages['cs.deadletter'][] = [];
    const stop = t.app.adapters.bus.subscribe('cs.deadletter', (d) => {
      dead.push(d);
    });
    try {
      await publish({ hello: 'world' });
      await publish(null);
      await publish({ ...note(), message: 'x'.repeat(20_000) });
      await publish({ ...note(), type: 'PARTY_TIME' });
      const good = note();
      await publish(good);
      await waitFor(() => watcher.got.length === 1);
      expect(watcher.got[0]!.notification_id).toBe(good.notification_id);
      expect(dead.map((d) => d.topic)).toEqual(['cs_notifications', 'cs_notifications', 'cs_notifications', 'cs_notifications']);
      expect(dead[0]!.reason).toMatch(/^malformed/);
      expect(dead[1]!.reason).toMatch(/^malformed/);
      expect(dead[2]!.reason).toMatch(/^oversized/);
      expect(dead[3]!.reason).toMatch(/^unknown type: PARTY_TIME/);
    } finally {
      stop();
    }
  });

  it('turns POST /support/cases/{id}/escalate into a TICKET_ESCALATED notification for supervisors', async () => {
    const sup = agents.find((x) => x.role === 'SUPERVISOR')!;
    const supToken = await tokenFor(sup.id);
    const watcher = await client({ token: supToken });
    const agentToken = await t.token('AGENT');
    const created = await rest<{ ticket_id: string }>(t.baseUrl, agentToken, 'POST', '/support/cases', { customerId: 'C0000009', subject: 'Hoàn tiền chậm', message: 'Chưa nhận được tiền hoàn.', priority: 'URGENT' });
    expect(created.status).toBe(201);
    const esc = await rest<{ status: string }>(t.baseUrl, agentToken, 'POST', `/support/cases/${created.json.ticket_id}/escalate`, { reason: 'refund overdue' });
    expect(esc.status).toBe(200);
    expect(esc.json.status).toBe('ESCALATED');
    await waitFor(() => watcher.got.some((x) => x.type === 'TICKET_ESCALATED' && x.ticket_id === created.json.ticket_id));
    const got = watcher.got.find((x) => x.ticket_id === created.json.ticket_id)!;
    expect(got).toMatchObject({ customer_id: 'C0000009', severity: 'HIGH' });
    expect(got.message).toContain('refund overdue');
    // Bad input and roles.
    expect((await rest(t.baseUrl, agentToken, 'POST', `/support/cases/${created.json.ticket_id}/escalate`, {})).status).toBe(400);
    expect((await rest(t.baseUrl, agentToken, 'POST', '/support/cases/00000000-0000-4000-8000-000000000000/escalate', { reason: 'nope nope' })).status).toBe(404);
    expect((await rest(t.baseUrl, await t.token('ANALYST'), 'POST', `/support/cases/${created.json.ticket_id}/escalate`, { reason: 'analyst' })).status).toBe(403);
    expect((await rest(t.baseUrl, null, 'POST', `/support/cases/${created.json.ticket_id}/escalate`, { reason: 'anon' })).status).toBe(401);
  });
});

describe('batched delivery: a socket connecting while notifications wait for the flush', () => {
  // A flush interval no test waits for: the only flushes are the MAX_BATCH ones (and the one at close).
  let app: App;
  let baseUrl: string;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cs360-it-'));
    const config = configSchema.parse({
      dataDir,
      http: { port: 0 },
      demo: { customers: 30, events: 2000, whaleEvents: 200, trickleIntervalMs: 0 },
      notifications: { flushIntervalMs: 60_000 },
      log: { level: 'warn' },
    });
    app = await createApp(config, createLogger('warn'));
    const listening = await app.listen();
    await listening.seeded;
    baseUrl = `http://127.0.0.1:${listening.port}`;
  });
  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('gets each buffered notification exactly once: not in the replay, in the next flush', async () => {
    const list = ((await (await fetch(`${baseUrl}/api/auth/agents`)).json()) as { agents: { id: string; role: string }[] }).agents;
    const sup = list.find((x) => x.role === 'SUPERVISOR')!;
    const agent = list.find((x) => x.role === 'AGENT')!;
    const supToken = await tokenFor(sup.id, baseUrl);
    const agentToken = await tokenFor(agent.id, baseUrl);
    const pub = (m: CsNotification) => app.adapters.bus.publish('cs_notifications', m);

    const early = await client({ token: supToken }, baseUrl);
    // The first one after a quiet interval goes at once; the next ones wait for the interval's end.
    const primer = note({ customer_id: 'C0000016' });
    const primerSeq = (got: LiveNotification[]) => got.find((x) => x.notification_id === primer.notification_id)?.seq;
    await pub(primer);
    await waitFor(() => early.got.some((x) => x.notification_id === primer.notification_id));
    const buffered = [note({ customer_id: 'C0000017' }), note({ customer_id: 'C0000018' }), note({ customer_id: 'C0000017' })];
    for (const m of buffered) await pub(m);
    await settle();
    expect(early.got.filter((x) => buffered.some((m) => m.notification_id === x.notification_id))).toEqual([]); // still in the buffer

    // Connected while they wait: the hello's head is what went out live, so they are not replayed…
    const epoch = early.hello().epoch;
    const head = early.got.at(-1)!.seq; // the primer's: the newest sent live
    expect(head).toBe(primerSeq(early.got));
    const atHead = await client({ token: supToken, lastSeq: head, epoch }, baseUrl);
    const fromZero = await client({ token: supToken, lastSeq: 0, epoch }, baseUrl);
    const watcher = await client({ token: agentToken, lastSeq: 0, epoch, watching: ['C0000018'] }, baseUrl);
    for (const r of [atHead, fromZero, watcher]) expect(r.hello().lastSeq).toBe(head);
    expect(app.relay.log.lastSeq).toBeGreaterThan(head);
    await settle();
    expect(atHead.got).toEqual([]);
    expect(fromZero.got.every((x) => x.seq <= head)).toBe(true);

    // …and the next flush (the buffer reaching MAX_BATCH) brings them, once, after the replay.
    const filler = Array.from({ length: MAX_BATCH }, () => note({ customer_id: 'C0000019' }));
    for (const m of filler) await pub(m);
    const ours = (r: { got: LiveNotification[] }) => r.got.filter((x) => x.notification_id.startsWith('ntf-test-') && x.notification_id !== primer.notification_id).map((x) => x.notification_id);
    await waitFor(() => [early, atHead, fromZero].every((r) => ours(r).length >= buffered.length) && ours(watcher).length >= 1);
    await settle();
    const want = buffered.map((m) => m.notification_id);
    for (const r of [early, atHead, fromZero]) {
      expect(ours(r).slice(0, buffered.length)).toEqual(want);
      expectOnceInOrder(r.got);
    }
    // No gap either: a supervisor sees every seq after its cursor.
    const contiguous = (got: LiveNotification[], from: number) => got.every((x, i) => x.seq === from + i);
    expect(contiguous(early.got, early.hello().lastSeq + 1)).toBe(true);
    expect(contiguous(atHead.got, head + 1)).toBe(true);
    expect(contiguous(fromZero.got, 1)).toBe(true);
    expect(ours(watcher)).toEqual([buffered[1]!.notification_id]);
  });
});
