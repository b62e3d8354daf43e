import { describe, expect, it } from 'vitest';
import { parseEvent, type EventEnvelope } from '../../common/events';
import type { TicketRecord } from '../ports/ticketStore';
import { CustomerCasePipeline } from '../pipeline';
import { demoAgents, LiveTrickle, type DemoBatch } from './index';

const agents = demoAgents(360);
const customerIds = Array.from({ length: 50 }, (_, i) => `C${String(i + 1).padStart(7, '0')}`);
const NOW = Date.UTC(2025, 5, 1, 3, 0, 0);

function run(seed: number, calls: number, prefer?: string[]): DemoBatch[] {
  const t = new LiveTrickle({ seed, customerIds, agents });
  return Array.from({ length: calls }, (_, i) => t.next(NOW + i * 4000, prefer));
}

describe('LiveTrickle', () => {
  it('emits 1–3 valid events a call at nowMs and just after', () => {
    const batches = run(1, 300);
    for (const [i, b] of batches.entries()) {
      expect(b.events.length).toBeGreaterThanOrEqual(1);
      expect(b.events.length).toBeLessThanOrEqual(3);
      expect(new Set(b.events.map((e) => e.customer_id)).size).toBe(1);
      for (const e of b.events) {
        expect(parseEvent(e)).toMatchObject({ ok: true });
        const t = Date.parse(e.event_time);
        expect(t).toBeGreaterThanOrEqual(NOW + i * 4000);
        expect(t).toBeLessThan(NOW + i * 4000 + 60_000);
      }
    }
    const ids = batches.flatMap((b) => b.events.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps each customer's events strictly increasing even when called faster than it writes", () => {
    const t = new LiveTrickle({ seed: 2, customerIds: ['C0000001'], agents });
    let last = -Infinity;
    for (let i = 0; i < 100; i++) {
      for (const e of t.next(NOW).events) {
        const at = Date.parse(e.event_time);
        expect(at).toBeGreaterThan(last);
        last = at;
      }
    }
  });

  it('favours the customers being watched about half the time', () => {
    const batches = run(3, 400, ['C0000042']);
    const share = batches.filter((b) => b.events[0]?.customer_id === 'C0000042').length / batches.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.75);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(run(4, 30)).toEqual(run(4, 30));
    expect(run(5, 30).flatMap((b) => b.events)).not.toEqual(run(4, 30).flatMap((b) => b.events));
  });

  it('continues stories: records arrive with their events and tickets in their latest state', () => {
    const batches = run(6, 600, ['C0000007']);
    const events: EventEnvelope[] = batches.flatMap((b) => b.events);
    const latest = new Map<string, TicketRecord>();
    const knownTickets = new Set<string>();
    for (const b of batches) {
      for (const t of b.tickets) latest.set(t.ticket_id, t);
      for (const e of b.events) {
        const p = e.payload;
        if (e.type === 'ticket.opened') knownTickets.add(p.ticket_id!);
        // A message never refers to a ticket the loader has not been given.
        if (e.type.startsWith('ticket.')) {
          expect(knownTickets.has(p.ticket_id!)).toBe(true);
          expect(b.tickets.find((t) => t.ticket_id === p.ticket_id)).toBeDefined();
        }
        if (e.type === 'ticket.message') expect(b.messages.find((m) => m.conversation_id === p.conversation_id)).toMatchObject({ created_at: Date.parse(e.event_time) });
        if (e.type === 'note.added') expect(b.notes.find((n) => n.note_id === p.note_id)).toMatchObject({ created_at: Date.parse(e.event_time) });
      }
      expect(new Set(b.tickets.map((t) => t.ticket_id)).size).toBe(b.tickets.length);
    }
    const orders = new Set(events.filter((e) => e.type === 'order.created').map((e) => e.payload.order_id));
    const delivered = events.filter((e) => e.type === 'order.status.changed' && e.payload.status === 'DELIVERED' && orders.has(e.payload.order_id));
    expect(delivered.length).toBeGreaterThan(0);
    expect([...latest.values()].some((t) => t.status === 'RESOLVED')).toBe(true);
  });

  it('copes with a team missing a role, and with nobody to pick', () => {
    const onlyAgents = new LiveTrickle({ seed: 9, customerIds, agents: agents.filter((a) => a.role === 'AGENT') });
    for (let i = 0; i < 300; i++) expect(onlyAgents.next(NOW + i).events.length).toBeGreaterThan(0);
    expect(new LiveTrickle({ seed: 9, customerIds: [], agents }).next(NOW).events).toEqual([]);
    expect(new LiveTrickle({ seed: 9, customerIds, agents: [] }).next(NOW).events).toEqual([]);
  });

  it('feeds the pipeline: no dead letters, escalations reach cs_notifications', async () => {
    const p = new CustomerCasePipeline();
    let escalations = 0;
    for (const b of run(8, 800)) {
      const out = await p.process(b.events);
      expect(out.deadLetters).toEqual([]);
      escalations += out.notifications.filter((n) => n.type === 'TICKET_ESCALATED').length;
    }
    expect(escalations).toBeGreaterThan(0);
  });
});
