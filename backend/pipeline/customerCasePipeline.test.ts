import { describe, expect, it, vi } from 'vitest';
import type { EventEnvelope, EventType } from '../../common/events';
import type { CustomerCaseRow } from '../../common/model';
import { CustomerCasePipeline, MAX_NOTES_CHARS, type CustomerPipelineState } from './index';

const T0 = Date.UTC(2025, 2, 10, 2, 0, 0);
const MIN = 60_000;
const SOURCE: Record<string, EventEnvelope['source']> = { order: 'orders_cdc', payment: 'payments_cdc', shipment: 'logistics', ticket: 'support.tickets', note: 'support_notes', fraud: 'fraud' };
let seq = 0;
function ev(type: EventType, atMs: number, payload: Record<string, string>, customer = 'C0000001', id = `e${++seq}`): EventEnvelope {
  return { id, type, customer_id: customer, event_time: new Date(atMs).toISOString(), source: SOURCE[type.split('.')[0]!]!, payload, schema_version: 1 };
}
const note = (at: number, body: string) => ev('note.added', at, { note_id: `n${seq}`, agent_id: 'a1', body });
const pay = (type: 'payment.captured' | 'payment.refunded' | 'payment.authorized', at: number, amount: string, orderId = 'DH1') =>
  ev(type, at, { payment_id: `P-${orderId}`, order_id: orderId, status: type.split('.')[1]!.toUpperCase(), amount_vnd: amount });

describe('CustomerCasePipeline', () => {
  it('returns a case changed several times in a batch once, in its final state', async () => {
    const p = new CustomerCasePipeline();
    const out = await p.process([pay('payment.authorized', T0, '100000'), pay('payment.captured', T0 + MIN, '100000'), note(T0 + 2 * MIN, 'ok')]);
    expect(out.cases).toHaveLength(1);
    expect(out.cases[0]).toMatchObject({ case_id: 'C0000001:20250310T020000Z', last_event_time: T0 + 2 * MIN, payment_status: 'CAPTURED', notes: 'ok', order_ids: ['DH1'] });
    expect(out.timeline).toHaveLength(3);
    expect(out.stats).toEqual([{ customer_id: 'C0000001', lifetime_value_vnd: 100_000, order_count: 0, last_event_time: T0 + 2 * MIN }]);
  });

  it('does not change rows it returned earlier when the case moves on', async () => {
    const p = new CustomerCasePipeline();
    const first = await p.process([pay('payment.authorized', T0, '1000')]);
    const row = structuredClone(first.cases[0]);
    await p.process([pay('payment.captured', T0 + MIN, '1000'), note(T0 + 2 * MIN, 'x')]);
    expect(first.cases[0]).toEqual(row);
  });

  it('takes each status from the latest event of its kind by event time, not arrival', async () => {
    const p = new CustomerCasePipeline();
    const out = await p.process([
      ev('shipment.status.changed', T0, { shipment_id: 'S', order_id: 'DH1', carrier: 'GHN', status: 'CREATED' }),
      ev('shipment.status.changed', T0 + 10 * MIN, { shipment_id: 'S', order_id: 'DH1', carrier: 'GHN', status: 'DELIVERED' }),
      ev('shipment.status.changed', T0 + 5 * MIN, { shipment_id: 'S', order_id: 'DH1', carrier: 'GHN', status: 'IN_TRANSIT' }),
      ev('ticket.message', T0 + 11 * MIN, { ticket_id: 't', author_type: 'CUSTOMER', message: 'no status here' }),
    ]);
    expect(out.cases[0]).toMatchObject({ shipment_status: 'DELIVERED', ticket_status: null, last_event_time: T0 + 11 * MIN });
  });

  it('keeps the notes of a case in time order and only the latest 4000 characters', async () => {
    const p = new CustomerCasePipeline();
    const out = await p.process([note(T0, 'first'), note(T0 + 2 * MIN, 'third'), note(T0 + MIN, 'second')]);
    expect(out.cases[0]!.notes).toBe('first\nsecond\nthird');

    const long = new CustomerCasePipeline();
    const bodies = Array.from({ length: 30 }, (_, i) => `${String(i).padStart(2, '0')}${'x'.repeat(298)}`);
    const many = await long.process(bodies.map((b, i) => note(T0 + i * 1000, b)));
    const notes = many.cases[0]!.notes!;
    expect(notes).toHaveLength(MAX_NOTES_CHARS);
    expect(notes.endsWith(bodies[29]!)).toBe(true);
    expect(bodies.join('\n').endsWith(notes)).toBe(true);
    // A late-arriving older note lands left of the window: nothing visible changes.
    const after = await long.process([note(T0 + 500, 'old')]);
    expect(after.cases[0]!.notes).toBe(notes);
  });

  it('never splits an emoji when cutting the notes', async () => {
    const p = new CustomerCasePipeline();
    const body = `😀${'a'.repeat(MAX_NOTES_CHARS - 1)}`;
    const out = await p.process([note(T0, body)]);
    expect(out.cases[0]!.notes).toBe('a'.repeat(MAX_NOTES_CHARS - 1));
  });

  it('counts amounts that are not whole VND as 0, as a failed CAST would', async () => {
    const p = new CustomerCasePipeline();
    const out = await p.process([pay('payment.captured', T0, '12.5'), pay('payment.captured', T0 + 1, 'abc', 'DH2'), pay('payment.captured', T0 + 2, '2000', 'DH3')]);
    expect(out.stats[0]!.lifetime_value_vnd).toBe(2000);
  });

  it('points a notification of a late event at the current case', async () => {
    const p = new CustomerCasePipeline();
    await p.process([note(T0, 'a'), note(T0 + 60 * MIN, 'b')]);
    const out = await p.process([ev('ticket.escalated', T0 + 5 * MIN, { ticket_id: 't1', status: 'ESCALATED', reason: 'late reason', priority: 'HIGH' })]);
    expect(out.late).toBe(1);
    expect(out.cases).toEqual([]);
    expect(out.notifications).toMatchObject([{ type: 'TICKET_ESCALATED', case_id: 'C0000001:20250310T030000Z', severity: 'HIGH', agent_id: null }]);
    expect(out.notifications[0]!.message).toContain('late reason');
  });

  it('judges the SLA when an agent reply overtook its ticket.opened', async () => {
    const p = new CustomerCasePipeline();
    const reply = ev('ticket.message', T0 + 9 * MIN, { ticket_id: 't1', author_type: 'AGENT', message: 'hi', agent_id: 'a9' });
    const first = await p.process([reply]);
    expect(first.notifications).toEqual([]);
    const second = await p.process([ev('ticket.opened', T0, { ticket_id: 't1', status: 'OPEN', subject: 'Chưa nhận được hàng' })]);
    expect(second.notifications).toMatchObject([{ type: 'SLA_BREACH', notification_id: `ntf-${reply.id}`, agent_id: 'a9', event_time: T0 + 9 * MIN, severity: 'MEDIUM' }]);
  });

  it('honours sessionGapMs', async () => {
    const p = new CustomerCasePipeline({ sessionGapMs: 5 * MIN });
    const out = await p.process([note(T0, 'a'), note(T0 + 5 * MIN, 'b')]);
    expect(out.cases.map((c) => c.case_id)).toEqual(['C0000001:20250310T020000Z', 'C0000001:20250310T020500Z']);
  });

  it('dead-letters anything that is not a valid event, and never throws', async () => {
    const p = new CustomerCasePipeline();
    const cyclic: Record<string, unknown> = { id: 'x' };
    cyclic.self = cyclic;
    const junk: unknown[] = [null, undefined, 'text', 3, [], {}, cyclic, { ...note(T0, 'a'), event_time: '2025-02-30T00:00:00.000Z' }, { ...note(T0, 'a'), payload: { note_id: 'n', agent_id: 'a', body: 'x'.repeat(10_001) } }];
    const out = await p.process([...junk, note(T0, 'fine')]);
    expect(out.deadLetters).toHaveLength(junk.length);
    expect(out.deadLetters.map((d) => d.record)).toEqual(junk);
    expect(out.cases).toHaveLength(1);
  });

  it('applies batches in call order even when calls overlap', async () => {
    const p = new CustomerCasePipeline();
    const [a, b] = await Promise.all([p.process([pay('payment.authorized', T0, '5')]), p.process([pay('payment.captured', T0 + MIN, '5')])]);
    expect(a.cases[0]!.payment_status).toBe('AUTHORIZED');
    expect(b.cases[0]!.payment_status).toBe('CAPTURED');
  });

  describe('restored state', () => {
    const stored: CustomerCaseRow = {
      customer_id: 'C0000001',
      case_id: 'C0000001:20250310T020000Z',
      last_event_time: T0 + 10 * MIN,
      order_ids: ['DH1'],
      payment_status: 'CAPTURED',
      ticket_status: null,
      shipment_status: null,
      notes: 'stored note',
    };
    const state = (): CustomerPipelineState => ({
      openCase: { row: structuredClone(stored), sessionStartMs: T0 },
      stats: { customer_id: 'C0000001', lifetime_value_vnd: 500_000, order_count: 2, last_event_time: T0 + 10 * MIN },
    });

    it('continues the stored case and totals after a restart', async () => {
      const loadState = vi.fn(state);
      const p = new CustomerCasePipeline({ loadState });
      const out = await p.process([note(T0 + 20 * MIN, 'new note'), pay('payment.captured', T0 + 21 * MIN, '1000', 'DH9')]);
      expect(loadState).toHaveBeenCalledTimes(1);
      expect(out.cases).toEqual([{ ...stored, last_event_time: T0 + 21 * MIN, order_ids: ['DH1', 'DH9'], notes: 'stored note\nnew note' }]);
      expect(out.stats).toEqual([{ customer_id: 'C0000001', lifetime_value_vnd: 501_000, order_count: 2, last_event_time: T0 + 21 * MIN }]);
      await p.process([note(T0 + 22 * MIN, 'again')]);
      expect(loadState).toHaveBeenCalledTimes(1);
    });

    it('treats events up to the checkpoint as already applied', async () => {
      const p = new CustomerCasePipeline({ loadState: state });
      const out = await p.process([pay('payment.refunded', T0 + 5 * MIN, '1000'), note(T0 + 9 * MIN, 'replayed')]);
      expect(out.cases).toEqual([]);
      expect(out.stats).toEqual([]);
      expect(out.timeline).toHaveLength(2);
    });

    it('starts a new case after the gap', async () => {
      const p = new CustomerCasePipeline({ loadState: state });
      const out = await p.process([note(T0 + 40 * MIN, 'later')]);
      expect(out.cases.map((c) => c.case_id)).toEqual(['C0000001:20250310T024000Z']);
    });

    it('reloads evicted customers, and keeps totals when there is nothing to reload from', async () => {
      const loadState = vi.fn(state);
      const p = new CustomerCasePipeline({ loadState });
      await p.process([note(T0 + 20 * MIN, 'x')]);
      p.evictIdle(T0 + 20 * MIN + 30 * MIN); // idle exactly the gap: kept
      await p.process([note(T0 + 21 * MIN, 'y')]);
      expect(loadState).toHaveBeenCalledTimes(1);
      p.evictIdle(T0 + 21 * MIN + 30 * MIN + 1);
      await p.process([note(T0 + 90 * MIN, 'z')]);
      expect(loadState).toHaveBeenCalledTimes(2);

      const bare = new CustomerCasePipeline();
      await bare.process([pay('payment.captured', T0, '700')]);
      bare.evictIdle(T0 + 3 * 60 * MIN);
      const out = await bare.process([pay('payment.captured', T0 + 4 * 60 * MIN, '300', 'DH2')]);
      expect(out.stats[0]!.lifetime_value_vnd).toBe(1000);
    });
  });
});
