import { describe, expect, it } from 'vitest';
import { parseEvent, type EventEnvelope } from '../../common/events';
import { UUID } from '../../common/ids';
import { CUSTOMER_SEGMENTS } from '../../common/model';
import { CustomerCasePipeline } from '../pipeline';
import { demoAgents, generateDemo, normalizeCustomer, type DemoBatch, type DemoOptions } from './index';

const END = Date.UTC(2025, 5, 1, 17, 0, 0);
const OPTIONS: DemoOptions = { seed: 360, customers: 400, events: 60_000, whaleEvents: 10_000, endMs: END, spanDays: 540 };
const batches = [...generateDemo(OPTIONS)];
const all = <K extends keyof DemoBatch>(key: K): DemoBatch[K] => batches.flatMap((b): unknown[] => b[key]) as DemoBatch[K];
const events = all('events');
const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function byCustomer(list: EventEnvelope[]): Map<string, EventEnvelope[]> {
  const m = new Map<string, EventEnvelope[]>();
  for (const e of list) {
    const l = m.get(e.customer_id) ?? [];
    l.push(e);
    m.set(e.customer_id, l);
  }
  return m;
}

describe('generateDemo', () => {
  it('is reproducible from the seed', () => {
    const again = generateDemo(OPTIONS).next().value as DemoBatch;
    expect(again).toEqual(batches[0]);
    const other = generateDemo({ ...OPTIONS, seed: 361 }).next().value as DemoBatch;
    expect(other.events.slice(0, 50)).not.toEqual(batches[0]!.events.slice(0, 50));
    expect(other.customers.map((c) => c.full_name)).not.toEqual(batches[0]!.customers.map((c) => c.full_name));
  });

  it('does not depend on the batch size', () => {
    const small = [...generateDemo({ ...OPTIONS, customers: 60, events: 6000, whaleEvents: 1000, batchCustomers: 7 })];
    const large = [...generateDemo({ ...OPTIONS, customers: 60, events: 6000, whaleEvents: 1000, batchCustomers: 1000 })];
    expect(large).toHaveLength(1);
    expect(small).toHaveLength(9);
    expect(small.flatMap((b) => b.events)).toEqual(large[0]!.events);
    expect(small.flatMap((b) => b.tickets)).toEqual(large[0]!.tickets);
  });

  it('streams whole customers, agents in the first batch only', () => {
    expect(batches.length).toBeGreaterThan(3);
    expect(batches[0]!.agents).toHaveLength(12);
    for (const b of batches.slice(1)) expect(b.agents).toEqual([]);
    const seen = new Set<string>();
    for (const b of batches) {
      const ids = new Set(b.events.map((e) => e.customer_id));
      for (const id of ids) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
      expect([...ids].every((id) => b.customers.some((c) => c.customer_id === id))).toBe(true);
    }
    expect(all('customers').map((c) => c.customer_id)).toEqual(Array.from({ length: 400 }, (_, i) => `C${String(i + 1).padStart(7, '0')}`));
  });

  it('produces about the requested number of events, 10k of them for the whale', () => {
    expect(Math.abs(events.length - OPTIONS.events) / OPTIONS.events).toBeLessThan(0.02);
    const whale = events.filter((e) => e.customer_id === 'C0000001').length;
    expect(Math.abs(whale - OPTIONS.whaleEvents) / OPTIONS.whaleEvents).toBeLessThan(0.02);
    const small = [...generateDemo({ ...OPTIONS, customers: 50, events: 2000, whaleEvents: 0 })].flatMap((b) => b.events);
    expect(Math.abs(small.length - 2000) / 2000).toBeLessThan(0.02);
  });

  it('emits only events that pass parseEvent, with unique ids', () => {
    for (const e of events) expect(parseEvent(e)).toMatchObject({ ok: true });
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it("orders each customer's events strictly in time, inside the window", () => {
    const spanStart = END - OPTIONS.spanDays * 86_400_000;
    for (const list of byCustomer(events).values()) {
      let last = -Infinity;
      for (const e of list) {
        const t = Date.parse(e.event_time);
        expect(t).toBeGreaterThan(last);
        expect(t).toBeLessThanOrEqual(END);
        expect(t).toBeGreaterThanOrEqual(spanStart);
        last = t;
      }
    }
  });

  it('keeps ticket, message and note records in step with their events', () => {
    const tickets = new Map(all('tickets').map((t) => [t.ticket_id, t]));
    const messages = new Map(all('messages').map((m) => [m.conversation_id, m]));
    const notes = new Map(all('notes').map((n) => [n.note_id, n]));
    const lastOfTicket = new Map<string, EventEnvelope>();
    const firstAgentReply = new Map<string, number>();
    let opened = 0;
    let messageEvents = 0;
    let noteEvents = 0;
    for (const e of events) {
      const t = Date.parse(e.event_time);
      const p = e.payload;
      if (e.type === 'ticket.opened') {
        opened++;
        expect(tickets.get(p.ticket_id!)).toMatchObject({ customer_id: e.customer_id, created_at: t, subject: p.subject });
      }
      if (e.type.startsWith('ticket.')) {
        expect(tickets.has(p.ticket_id!)).toBe(true);
        lastOfTicket.set(p.ticket_id!, e);
      }
      if (e.type === 'ticket.message') {
        messageEvents++;
        expect(messages.get(p.conversation_id!)).toMatchObject({ ticket_id: p.ticket_id, author_type: p.author_type, message: p.message, created_at: t });
        if (p.author_type === 'AGENT' && !firstAgentReply.has(p.ticket_id!)) firstAgentReply.set(p.ticket_id!, t);
      }
      if (e.type === 'note.added') {
        noteEvents++;
        expect(notes.get(p.note_id!)).toMatchObject({ customer_id: e.customer_id, agent_id: p.agent_id, body: p.body, created_at: t, ticket_id: p.ticket_id ?? null });
      }
    }
    expect(tickets.size).toBe(opened);
    expect(messages.size).toBe(messageEvents);
    expect(notes.size).toBe(noteEvents);
    for (const [id, last] of lastOfTicket) {
      const r = tickets.get(id)!;
      expect(r.status).toBe(last.payload.status);
      expect(r.updated_at).toBe(Date.parse(last.event_time));
      expect(r.first_response_at).toBe(firstAgentReply.get(id) ?? null);
    }
    const ids = [...tickets.keys(), ...messages.keys(), ...notes.keys()];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(V4);
  });

  it('covers every kind of event, with escalations carrying agent, reason and priority', () => {
    const types = new Set(events.map((e) => e.type));
    expect(types.size).toBe(13);
    const agents = new Set(demoAgents(OPTIONS.seed).map((a) => a.agent_id));
    for (const e of events.filter((x) => x.type === 'ticket.escalated')) {
      expect(agents.has(e.payload.agent_id!)).toBe(true);
      expect(e.payload.reason).toBeTruthy();
      expect(['NORMAL', 'HIGH', 'URGENT']).toContain(e.payload.priority);
    }
    for (const e of events.filter((x) => x.type === 'order.created')) {
      const items = JSON.parse(e.payload.items_json!) as { qty: number; price_vnd: number }[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.reduce((n, i) => n + i.qty, 0)).toBe(Number(e.payload.item_count));
      for (const i of items) expect(i.price_vnd % 1000).toBe(0);
      expect(Number(e.payload.total_vnd) % 1000).toBe(0);
    }
  });

  it('clusters events into cases of several events', async () => {
    const out = await new CustomerCasePipeline().process(events);
    expect(out.deadLetters).toEqual([]);
    expect(out.late).toBe(0);
    expect(events.length / out.cases.length).toBeGreaterThan(2);
    expect(out.notifications.some((n) => n.type === 'TICKET_ESCALATED')).toBe(true);
    expect(out.notifications.some((n) => n.type === 'SLA_BREACH')).toBe(true);
  });
});

describe('demo customers', () => {
  const customers = all('customers');

  it('normalise to E.164 phones and folded emails whatever form they were typed in', () => {
    const forms = new Set<string>();
    for (const raw of customers) {
      const p = normalizeCustomer(raw);
      if ('reason' in p) throw new Error(`${raw.customer_id}: ${p.reason}`);
      expect(p.phones.length).toBeGreaterThan(0);
      for (const phone of p.phones) expect(phone).toMatch(/^\+84(3[2-9]|70|7[6-9]|8[1-9]|9[01346-8])\d{7}$/);
      for (const email of p.emails) expect(email).toMatch(/^[a-z0-9._]+@[a-z.]+$/);
      for (const phone of raw.phones) {
        forms.add(phone.replace(/\d/g, '9'));
      }
    }
    expect([...forms].sort()).toEqual(
      ['(+99) 999.999.999', '+99999999999', '99-999-999-999', '9999 999 999', '9999 999 999 999', '9999.999.999', '9999999999'].sort(),
    );
    const phones = customers.flatMap((c) => (normalizeCustomer(c) as { phones: string[] }).phones);
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('have Vietnamese names, cities and a sensible segment mix', () => {
    for (const c of customers) {
      expect(c.full_name.split(' ').length).toBeGreaterThanOrEqual(3);
      expect(c.created_at).toBeLessThanOrEqual(END);
    }
    expect(customers.filter((c) => /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i.test(c.full_name)).length).toBeGreaterThan(customers.length * 0.8);
    const cities = new Set(customers.map((c) => c.city));
    expect(cities.has('Hà Nội') && cities.has('TP. Hồ Chí Minh')).toBe(true);
    const share = (s: string) => customers.filter((c) => c.segment === s).length / customers.length;
    for (const s of CUSTOMER_SEGMENTS) expect(share(s)).toBeGreaterThan(0.02);
    expect(share('REGULAR')).toBeGreaterThan(share('VIP'));
    expect(customers[0]!.segment).toBe('VIP');
  });

  it('reject what cannot be normalised', () => {
    const good = customers[1]!;
    expect(normalizeCustomer({ ...good, phones: ['12345'] })).toMatchObject({ reason: expect.stringContaining('12345') });
    expect(normalizeCustomer({ ...good, phones: ['+1 212 555 0100'] })).toHaveProperty('reason');
    expect(normalizeCustomer({ ...good, emails: ['not-an-email'] })).toMatchObject({ reason: expect.stringContaining('emails') });
    expect(normalizeCustomer({ ...good, customer_id: 'X1' })).toMatchObject({ reason: expect.stringContaining('customer_id') });
    expect(normalizeCustomer({ ...good, phones: ['0912 345 678', '+84912345678'], emails: [' A@B.vn', 'a@b.vn'] })).toMatchObject({ phones: ['+84912345678'], emails: ['a@b.vn'] });
  });
});

describe('demoAgents', () => {
  it('gives 9 agents, 2 supervisors and an analyst with stable v4-shaped UUIDs', () => {
    const agents = demoAgents(360);
    expect(agents.map((a) => a.role).sort()).toEqual([...Array(9).fill('AGENT'), 'ANALYST', 'SUPERVISOR', 'SUPERVISOR'].sort());
    expect(demoAgents(360)).toEqual(agents);
    expect(new Set(agents.map((a) => a.agent_id)).size).toBe(12);
    expect(new Set(agents.map((a) => a.email)).size).toBe(12);
    for (const a of agents) {
      expect(a.agent_id).toMatch(UUID);
      expect(a.agent_id).toMatch(V4);
      expect(a.email).toMatch(/^[a-z.0-9]+@cs360\.vn$/);
    }
    expect(demoAgents(361).map((a) => a.agent_id)).not.toEqual(agents.map((a) => a.agent_id));
  });
});
