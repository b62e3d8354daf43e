import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { InProcessBus } from '../adapters/embedded/inProcessBus';
import { openPgliteTicketStore } from '../adapters/embedded/pgliteTicketStore';
import type { CaseStore } from '../ports/caseStore';
import type { TicketStore } from '../ports/ticketStore';
import { SupportService } from '../services/supportService';
import type { TimelineService } from '../services/timelineService';

// Issue 13: every multi-step write is one transaction. Each case action is run with one of its
// writes failing (the activity insert, the message insert, the status update): nothing of it may
// remain, and nothing may be published. Events go out only after the commit.

const supervisor: Principal = { id: '11111111-1111-4111-8111-111111111111', name: 'Sơn', role: 'SUPERVISOR' };
const CUSTOMER = 'C0000001';
let pg: ReturnType<typeof openPgliteTicketStore>;
let bus: InProcessBus;
const published: { topic: string; type?: string }[] = [];

const cases = {
  getCustomer: async (id: string) => (id === CUSTOMER ? { customer_id: id, full_name: 'Lan', emails: [], phones: [], city: 'Huế', segment: 'NEW', created_at: 0 } : null),
} as unknown as CaseStore;
const timeline = { page: async () => ({ events: [], nextCursor: null, partial: false }) } as unknown as TimelineService;
const metrics = { ticketCreated: () => {}, firstResponse: () => {}, timelineRefreshError: () => {} };

/** The store, with `method` throwing inside transactions (where every case action writes). */
function failingIn(inner: TicketStore, method: keyof TicketStore): TicketStore {
  const wrap = (s: TicketStore, inTx: boolean): TicketStore =>
    new Proxy(s, {
      get(target, prop, receiver) {
        if (prop === 'transaction') return (fn: (tx: TicketStore) => Promise<unknown>) => target.transaction((tx) => fn(wrap(tx, true)));
        if (inTx && prop === method) return async () => Promise.reject(new Error(`injected failure in ${method}`));
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  return wrap(inner, false);
}

const service = (tickets: TicketStore) => new SupportService(tickets, cases, bus, timeline, metrics);
const create = (s: SupportService) => s.createCase(supervisor, { customerId: CUSTOMER, subject: 'Hoàn tiền', message: 'Tôi chưa nhận tiền hoàn', channel: 'CHAT' });

beforeAll(async () => {
  pg = openPgliteTicketStore(null);
  await pg.ready;
  await pg.store.bulkLoad({ agents: [{ agent_id: supervisor.id, full_name: 'Sơn', role: 'SUPERVISOR', email: 'son@cs360.vn', team: null }] });
  bus = new InProcessBus();
  bus.subscribe('cs.events', (e) => void published.push({ topic: 'cs.events', type: e.type }));
  bus.subscribe('support.case.opened', () => void published.push({ topic: 'support.case.opened' }));
}, 60_000);
afterAll(async () => {
  await bus?.close();
  await pg?.close();
});
beforeEach(() => {
  published.length = 0;
});

describe('case actions are all-or-nothing', () => {
  it.each(['createTicket', 'addMessage', 'recordActivity'] as const)('create: a failing %s leaves no ticket, no message and no event', async (method) => {
    const before = (await pg.store.listTicketsByCustomer(CUSTOMER, 1000)).length;
    await expect(create(service(failingIn(pg.store, method)))).rejects.toThrow('injected failure');
    expect(await pg.store.listTicketsByCustomer(CUSTOMER, 1000)).toHaveLength(before);
    expect(published).toEqual([]);
  });

  it.each(['addMessage', 'recordActivity'] as const)('reply and note: a failing %s leaves no message, no first response and no event', async (method) => {
    const ticket = await create(service(pg.store));
    published.length = 0;
    for (const internal of [false, true]) {
      await expect(service(failingIn(pg.store, method)).reply(supervisor, { ticketId: ticket.ticket_id, message: 'Dạ em xem ạ', internal })).rejects.toThrow('injected failure');
    }
    expect(await pg.store.listMessages(ticket.ticket_id)).toHaveLength(1);
    expect((await pg.store.getTicket(ticket.ticket_id))?.first_response_at).toBeNull();
    expect(await pg.store.listActivity(ticket.ticket_id)).toHaveLength(1);
    expect(published).toEqual([]);
  });

  it.each(['updateTicket', 'recordActivity'] as const)('escalate, status and assign: a failing %s leaves the ticket as it was and publishes nothing', async (method) => {
    const ticket = await create(service(pg.store));
    published.length = 0;
    const failing = service(failingIn(pg.store, method));
    await expect(failing.escalate(supervisor, ticket.ticket_id, { reason: 'Khách VIP' })).rejects.toThrow('injected failure');
    await expect(failing.setStatus(supervisor, { ticketId: ticket.ticket_id, status: 'PENDING' })).rejects.toThrow('injected failure');
    await expect(failing.assign(supervisor, { ticketId: ticket.ticket_id, agentId: supervisor.id })).rejects.toThrow('injected failure');
    expect(await pg.store.getTicket(ticket.ticket_id)).toMatchObject({ status: 'OPEN', assigned_agent_id: null });
    expect((await pg.store.listActivity(ticket.ticket_id)).map((a) => a.action)).toEqual(['TICKET_CREATED']);
    expect(published).toEqual([]);
    // The same actions succeed on a healthy store, and publish after the commit.
    await service(pg.store).escalate(supervisor, ticket.ticket_id, { reason: 'Khách VIP' });
    expect(published.map((p) => p.type)).toEqual(['ticket.escalated']);
  });

  it('publishes a successful create only after its writes are visible', async () => {
    const seenInStore: boolean[] = [];
    const off = bus.subscribe('cs.events', async (e) => {
      if (e.type === 'ticket.opened') seenInStore.push((await pg.store.getTicket(e.payload.ticket_id!)) !== null);
    });
    try {
      const t = await create(service(pg.store));
      expect(published.map((p) => p.type ?? p.topic)).toEqual(['support.case.opened', 'ticket.opened', 'ticket.message']);
      expect(seenInStore).toEqual([true]);
      expect((await pg.store.listActivity(t.ticket_id)).map((a) => a.action)).toEqual(['TICKET_CREATED']);
    } finally {
      off();
    }
  });

  it('two concurrent escalations of one ticket: one wins, the other is refused, one event', async () => {
    const ticket = await create(service(pg.store));
    published.length = 0;
    const s = service(pg.store);
    const results = await Promise.allSettled([s.escalate(supervisor, ticket.ticket_id, { reason: 'lần 1' }), s.escalate(supervisor, ticket.ticket_id, { reason: 'lần 2' })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(published.filter((p) => p.type === 'ticket.escalated')).toHaveLength(1);
  });
});
