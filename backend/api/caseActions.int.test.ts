import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../common/live';
import type { TimelineRow } from '../../common/model';
import { gql, rest } from '../testing/http';
import { waitFor } from '../testing/liveClient';
import { startTestApp, type TestApp } from '../testing/testApp';

// Case actions (issue 11) and their role matrix (issue 13): each operation as each role, on a
// ticket of their own, of another agent and unassigned; what is refused leaves nothing behind.

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Role = 'AGENT' | 'SUPERVISOR' | 'ANALYST';
let t: TestApp;
const open: Client[] = [];
const tokens: Record<'agentA' | 'agentB' | 'supervisor' | 'analyst', string> = { agentA: '', agentB: '', supervisor: '', analyst: '' };
const ids: Record<'agentA' | 'agentB' | 'supervisor', string> = { agentA: '', agentB: '', supervisor: '' };
const CUSTOMER = 'C0000007';

beforeAll(async () => {
  t = await startTestApp({ demo: { customers: 40, events: 3000, whaleEvents: 300 } });
  const res = await fetch(`${t.baseUrl}/api/auth/agents`);
  const { agents } = (await res.json()) as { agents: { id: string; role: Role }[] };
  const byRole = (r: Role) => agents.filter((a) => a.role === r);
  ids.agentA = byRole('AGENT')[0]!.id;
  ids.agentB = byRole('AGENT')[1]!.id;
  ids.supervisor = byRole('SUPERVISOR')[0]!.id;
  const signIn = async (agentId: string) => {
    const r = await fetch(`${t.baseUrl}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId }) });
    return ((await r.json()) as { token: string }).token;
  };
  tokens.agentA = await signIn(ids.agentA);
  tokens.agentB = await signIn(ids.agentB);
  tokens.supervisor = await signIn(ids.supervisor);
  tokens.analyst = await signIn(byRole('ANALYST')[0]!.id);
}, 120_000);
afterAll(async () => {
  for (const s of open) s.close();
  await t?.close();
});

const TICKET = 'id status assignedAgentId orderId priorityHint';
const MESSAGE = 'id authorType message internal agentId attachments { key fileName contentType size }';

/** A fresh ticket of CUSTOMER, assigned to `owner` (null: unassigned), opened by the supervisor. */
async function ticketOf(owner: string | null): Promise<string> {
  const r = await gql<{ createCase: { id: string } }>(t.baseUrl, tokens.supervisor, `mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }`, {
    i: { customerId: CUSTOMER, subject: 'Giao hàng chậm', channel: 'CHAT', priority: 'NORMAL', message: 'Đơn của tôi chưa tới' },
  });
  expect(r.code, r.message).toBeUndefined();
  const id = r.data.createCase.id;
  if (owner) expect((await gql(t.baseUrl, tokens.supervisor, `mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, agentId: $a) { id } }`, { t: id, a: owner })).code).toBeUndefined();
  return id;
}

const activity = (ticketId: string) => t.app.adapters.tickets.listActivity(ticketId);

type Op = { name: string; run: (token: string, ticketId: string, self: string) => Promise<{ status: number; code?: string; message?: string }> };
const OPS: Op[] = [
  { name: 'reply', run: (tok, id) => gql(t.baseUrl, tok, `mutation($i: ReplyInput!) { reply(input: $i) { id } }`, { i: { ticketId: id, message: 'Dạ em kiểm tra ạ' } }) },
  { name: 'internal note', run: (tok, id) => gql(t.baseUrl, tok, `mutation($i: ReplyInput!) { reply(input: $i) { id } }`, { i: { ticketId: id, message: 'Khách VIP', internal: true } }) },
  { name: 'status', run: (tok, id) => gql(t.baseUrl, tok, `mutation($t: ID!) { setTicketStatus(ticketId: $t, status: PENDING) { id } }`, { t: id }) },
  { name: 'take', run: (tok, id, self) => gql(t.baseUrl, tok, `mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, agentId: $a) { id } }`, { t: id, a: self }) },
  { name: 'escalate', run: (tok, id) => gql(t.baseUrl, tok, `mutation($t: ID!) { escalateTicket(ticketId: $t, reason: "Khách dọa hủy đơn") { id } }`, { t: id }) },
  {
    name: 'requestUpload',
    run: (tok, id) => gql(t.baseUrl, tok, `mutation($t: ID!) { requestUpload(ticketId: $t, fileName: "a.pdf", contentType: "application/pdf", size: 10) { key } }`, { t: id }),
  },
];

// Expected answer per (role, whose ticket): undefined = allowed.
const WHO = ['own', 'other agent', 'unassigned'] as const;
function expected(role: 'agentA' | 'supervisor' | 'analyst', whose: (typeof WHO)[number], op: string): string | undefined {
  if (role === 'analyst') return 'FORBIDDEN';
  if (role === 'supervisor') return undefined;
  if (op === 'take') return whose === 'other agent' ? 'FORBIDDEN' : undefined;
  return whose === 'own' ? undefined : 'FORBIDDEN';
}

describe('role matrix: every case action as each role on own, foreign and unassigned tickets', () => {
  for (const role of ['agentA', 'supervisor', 'analyst'] as const) {
    for (const whose of WHO) {
      it(`${role} on a ${whose} ticket`, async () => {
        for (const op of OPS) {
          const owner = whose === 'own' ? (role === 'supervisor' ? ids.supervisor : role === 'agentA' ? ids.agentA : ids.agentA) : whose === 'other agent' ? ids.agentB : null;
          const id = await ticketOf(owner);
          const before = (await activity(id)).length;
          const self = role === 'supervisor' ? ids.supervisor : role === 'agentA' ? ids.agentA : ids.agentA;
          const r = await op.run(tokens[role], id, self);
          const want = expected(role, whose, op.name);
          expect(r.code, `${op.name}: ${r.message}`).toBe(want);
          const after = await activity(id);
          // A refusal writes nothing; an action writes its activity (taking a ticket already yours changes nothing).
          if (want) expect(after.length, op.name).toBe(before);
          else if (!(op.name === 'take' && owner === self) && op.name !== 'requestUpload') expect(after.length, op.name).toBe(before + 1);
        }
      }, 120_000);
    }
  }

  it('refuses every action without a session (401 UNAUTHENTICATED)', async () => {
    const id = await ticketOf(ids.agentA);
    for (const op of OPS) expect((await op.run('', id, ids.agentA)).status, op.name).toBe(401);
    expect(await activity(id)).toHaveLength(2);
  });

  it('applies the same rules on the REST routes', async () => {
    const foreign = await ticketOf(ids.agentB);
    for (const [path, body] of [
      ['messages', { message: 'xin chào' }],
      ['status', { status: 'PENDING' }],
      ['escalate', { reason: 'khách gấp' }],
      ['assign', { agentId: ids.agentA }],
    ] as const) {
      const r = await rest(t.baseUrl, tokens.agentA, 'POST', `/support/cases/${foreign}/${path}`, body);
      expect(r.status, path).toBe(403);
      expect(r.json.error?.code).toBe('FORBIDDEN');
    }
    const mine = await ticketOf(ids.agentA);
    expect((await rest(t.baseUrl, tokens.agentA, 'POST', `/support/cases/${mine}/messages`, { message: 'Dạ', internal: true })).status).toBe(201);
    expect((await rest(t.baseUrl, tokens.agentA, 'POST', `/support/cases/${mine}/status`, { status: 'PENDING' })).status).toBe(200);
    expect((await rest(t.baseUrl, tokens.supervisor, 'POST', `/support/cases/${mine}/assign`, { agentId: null })).json).toMatchObject({ assigned_agent_id: null });
    expect((await rest(t.baseUrl, tokens.analyst, 'POST', `/support/cases/${mine}/assign`, { agentId: null })).status).toBe(403);
    const agents = await rest<{ agents: { role: string }[] }>(t.baseUrl, tokens.analyst, 'GET', '/support/agents');
    expect(agents.json.agents.length).toBeGreaterThan(1);
    expect(agents.json.agents.every((a) => a.role !== 'ANALYST')).toBe(true);
  });
});

describe('a case worked end to end, seen live by another agent watching the customer', () => {
  it('create with an order, reply, note, status moves, escalate, reassign: each a row within a second on the other socket', async () => {
    const watcher: Client = connect(t.baseUrl, { auth: { token: tokens.agentB }, transports: ['websocket'], reconnection: false });
    open.push(watcher);
    await new Promise<void>((resolve, reject) => (watcher.on('connect', () => resolve()), watcher.on('connect_error', reject)));
    expect(await watcher.emitWithAck('customer:watch', CUSTOMER)).toEqual({ ok: true });
    const rows: { row: TimelineRow; at: number }[] = [];
    watcher.on('timeline:row', (row) => rows.push({ row, at: Date.now() }));
    const seen = async (type: string, sentAt: number, extra: (r: TimelineRow) => boolean = () => true) => {
      await waitFor(() => rows.some((x) => x.row.event_type === type && extra(x.row)), 3000, type);
      const hit = rows.find((x) => x.row.event_type === type && extra(x.row))!;
      expect(hit.at - sentAt, `${type} latency`).toBeLessThan(1000);
      return hit.row;
    };

    const orders = await gql<{ timeline: { events: { payload: Record<string, string> }[] } }>(t.baseUrl, tokens.agentA, `query($c: ID!) { timeline(customerId: $c, first: 50, kinds: [ORDER]) { events { payload } } }`, { c: CUSTOMER });
    const orderId = orders.data.timeline.events[0]?.payload.order_id;
    expect(orderId).toBeTruthy();
    let sent = Date.now();
    const created = await gql<{ createCase: { id: string; status: string; assignedAgentId: string; orderId: string } }>(
      t.baseUrl,
      tokens.agentA,
      `mutation($i: CreateCaseInput!) { createCase(input: $i) { ${TICKET} } }`,
      { i: { customerId: CUSTOMER, subject: 'Đổi địa chỉ', channel: 'PHONE', priority: 'HIGH', message: 'Tôi muốn đổi địa chỉ giao', orderId } },
    );
    expect(created.code, created.message).toBeUndefined();
    const id = created.data.createCase.id;
    expect(created.data.createCase).toMatchObject({ status: 'OPEN', assignedAgentId: ids.agentA, orderId });
    await seen('ticket.opened', sent, (r) => r.payload.ticket_id === id && r.payload.order_id === orderId);

    sent = Date.now();
    const reply = await gql<{ reply: { internal: boolean; agentId: string } }>(t.baseUrl, tokens.agentA, `mutation($i: ReplyInput!) { reply(input: $i) { ${MESSAGE} } }`, { i: { ticketId: id, message: 'Dạ em đã đổi địa chỉ' } });
    expect(reply.data.reply).toMatchObject({ internal: false, agentId: ids.agentA });
    await seen('ticket.message', sent, (r) => r.payload.ticket_id === id && r.payload.author_type === 'AGENT');

    sent = Date.now();
    const note = await gql<{ reply: { internal: boolean } }>(t.baseUrl, tokens.agentA, `mutation($i: ReplyInput!) { reply(input: $i) { ${MESSAGE} } }`, { i: { ticketId: id, message: 'Nội bộ: khách gọi lần 3', internal: true } });
    expect(note.data.reply.internal).toBe(true);
    const noteRow = await seen('note.added', sent, (r) => r.payload.ticket_id === id);
    expect(noteRow.payload.internal).toBe('true');
    // The note is never a customer-facing message on the timeline.
    expect(rows.some((x) => x.row.event_type === 'ticket.message' && x.row.payload.message === 'Nội bộ: khách gọi lần 3')).toBe(false);

    for (const [to, ok] of [
      ['RESOLVED', false],
      ['PENDING', true],
      ['CLOSED', false],
      ['RESOLVED', true],
      ['PENDING', false],
      ['CLOSED', true],
      ['OPEN', true],
    ] as const) {
      sent = Date.now();
      const r = await gql<{ setTicketStatus: { status: string } }>(t.baseUrl, tokens.agentA, `mutation($t: ID!, $s: TicketStatus!) { setTicketStatus(ticketId: $t, status: $s) { ${TICKET} } }`, { t: id, s: to });
      if (!ok) {
        expect(r.code, `→ ${to}`).toBe('INVALID_INPUT');
        continue;
      }
      expect(r.data.setTicketStatus.status).toBe(to);
      await seen('ticket.status_changed', sent, (row) => row.payload.ticket_id === id && row.payload.status === to);
    }

    sent = Date.now();
    const esc = await gql<{ escalateTicket: { status: string } }>(t.baseUrl, tokens.agentA, `mutation($t: ID!) { escalateTicket(ticketId: $t, reason: "Khách VIP phàn nàn") { status } }`, { t: id });
    expect(esc.data.escalateTicket.status).toBe('ESCALATED');
    await seen('ticket.escalated', sent, (r) => r.payload.ticket_id === id);
    const again = await gql(t.baseUrl, tokens.agentA, `mutation($t: ID!) { escalateTicket(ticketId: $t, reason: "lần nữa") { status } }`, { t: id });
    expect(again.code).toBe('INVALID_INPUT');

    sent = Date.now();
    const moved = await gql<{ assignTicket: { assignedAgentId: string } }>(t.baseUrl, tokens.supervisor, `mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, agentId: $a) { ${TICKET} } }`, { t: id, a: ids.agentB });
    expect(moved.data.assignTicket.assignedAgentId).toBe(ids.agentB);
    await seen('ticket.assigned', sent, (r) => r.payload.ticket_id === id && r.payload.assigned_agent_id === ids.agentB);
    // No longer agent A's: refused.
    expect((await gql(t.baseUrl, tokens.agentA, `mutation($i: ReplyInput!) { reply(input: $i) { id } }`, { i: { ticketId: id, message: 'còn em' } })).code).toBe('FORBIDDEN');

    expect((await activity(id)).map((a) => a.action)).toEqual([
      'TICKET_CREATED',
      'MESSAGE_SENT',
      'NOTE_ADDED',
      'STATUS_CHANGED',
      'STATUS_CHANGED',
      'STATUS_CHANGED',
      'STATUS_CHANGED',
      'TICKET_ESCALATED',
      'TICKET_ASSIGNED',
    ]);
    const ticket = await gql<{ ticket: { messages: { internal: boolean; authorType: string }[] } }>(t.baseUrl, tokens.analyst, `query($t: ID!) { ticket(id: $t) { messages { ${MESSAGE} } } }`, { t: id });
    expect(ticket.data.ticket.messages.map((m) => [m.authorType, m.internal])).toEqual([
      ['CUSTOMER', false],
      ['AGENT', false],
      ['AGENT', true],
    ]);
  }, 60_000);
});

describe('sentiment of the first customer message (SP-04)', () => {
  it('stores it on the message and raises the priority hint of a NORMAL case to HIGH when NEGATIVE', async () => {
    const r = await gql<{ createCase: { priorityHint: string | null; messages: { sentiment: string | null }[] } }>(
      t.baseUrl,
      tokens.agentA,
      `mutation($i: CreateCaseInput!) { createCase(input: $i) { priorityHint messages { sentiment } } }`,
      { i: { customerId: CUSTOMER, subject: 'Hàng lỗi', channel: 'CHAT', priority: 'NORMAL', message: 'Hàng bị vỡ, giao quá chậm, tôi rất thất vọng và bực mình' } },
    );
    expect(r.code, r.message).toBeUndefined();
    expect(r.data.createCase).toEqual({ priorityHint: 'HIGH', messages: [{ sentiment: 'NEGATIVE' }] });
  });
});

describe('bad input gets a typed error and writes nothing', () => {
  it.each([
    { what: 'an empty reply', input: { message: '   ' }, code: 'INVALID_INPUT' },
    { what: 'a 100 kB reply', input: { message: 'a'.repeat(100_000) }, code: 'INVALID_INPUT' },
    { what: 'a NUL byte', input: { message: 'a\u0000b' }, code: 'INVALID_INPUT' },
    { what: 'a lone surrogate', input: { message: 'a\ud800b' }, code: 'INVALID_INPUT' },
    { what: 'an attachment of another ticket', input: { message: 'xem file', attachmentKeys: [`cases/${randomUUID()}/${randomUUID()}-a.pdf`] }, code: 'INVALID_INPUT' },
  ])('reply with $what → $code', async ({ input, code }) => {
    const id = await ticketOf(ids.agentA);
    const before = await t.app.adapters.tickets.listMessages(id);
    const r = await gql(t.baseUrl, tokens.agentA, `mutation($i: ReplyInput!) { reply(input: $i) { id } }`, { i: { ticketId: id, ...input } });
    expect(r.code, r.message).toBe(code);
    expect(await t.app.adapters.tickets.listMessages(id)).toHaveLength(before.length);
  });

  it('an unknown ticket is NOT_FOUND for every action; a malformed id INVALID_INPUT', async () => {
    const unknown = randomUUID();
    for (const op of OPS.filter((o) => o.name !== 'take')) expect((await op.run(tokens.supervisor, unknown, ids.supervisor)).code, op.name).toBe('NOT_FOUND');
    expect((await OPS[0]!.run(tokens.supervisor, 'nope', ids.supervisor)).code).toBe('INVALID_INPUT');
  });

  it('createCase refuses an order that is not the customer\'s, and an unknown customer', async () => {
    const base = { customerId: CUSTOMER, subject: 'Hỏi đơn', channel: 'CHAT', priority: 'LOW', message: 'Đơn này' };
    const r = await gql(t.baseUrl, tokens.agentA, `mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }`, { i: { ...base, orderId: 'O-NOT-THEIRS' } });
    expect(r.code).toBe('INVALID_INPUT');
    const u = await gql(t.baseUrl, tokens.agentA, `mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }`, { i: { ...base, customerId: 'C9999999' } });
    expect(u.code).toBe('NOT_FOUND');
  });

  it('assign refuses an unknown agent and an analyst as assignee', async () => {
    const id = await ticketOf(null);
    expect((await gql(t.baseUrl, tokens.supervisor, `mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, agentId: $a) { id } }`, { t: id, a: randomUUID() })).code).toBe('NOT_FOUND');
    const analystId = ((await (await fetch(`${t.baseUrl}/api/auth/agents`)).json()) as { agents: { id: string; role: string }[] }).agents.find((a) => a.role === 'ANALYST')!.id;
    expect((await gql(t.baseUrl, tokens.supervisor, `mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, agentId: $a) { id } }`, { t: id, a: analystId })).code).toBe('INVALID_INPUT');
  });
});
