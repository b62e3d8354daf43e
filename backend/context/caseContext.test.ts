import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope, EventType } from '../../common/events';
import type { TimelineRow } from '../../common/model';
import { InProcessBus } from '../adapters/embedded/inProcessBus';
import { openPgliteTicketStore } from '../adapters/embedded/pgliteTicketStore';
import { LruCache } from '../adapters/local/lruCache';
import type { Logger } from '../logger';
import type { HistoryStore } from '../ports/historyStore';
import type { TicketRecord } from '../ports/ticketStore';
import { contextFromTimeline, contextUpdateOf, startCaseContextConsumer } from './caseContext';
import { SqlCaseContextStore } from './sqlCaseContextStore';

const NOW = Date.UTC(2026, 11, 2, 10, 0);
const T = (minutes: number) => NOW - 60 * 60_000 + minutes * 60_000;
let seq = 0;
const event = (type: EventType, at: number, payload: Record<string, string>, customer = 'C0000001'): EventEnvelope => ({
  id: `e${++seq}`,
  type,
  customer_id: customer,
  event_time: new Date(at).toISOString(),
  source: 'orders_cdc',
  payload,
  schema_version: 1,
});
const ticket = (id: string, customer: string, status: TicketRecord['status'] = 'OPEN'): TicketRecord => ({
  ticket_id: id,
  customer_id: customer,
  subject: 'Đơn hàng chưa tới',
  status,
  priority: 'NORMAL',
  channel: 'CHAT',
  assigned_agent_id: null,
  created_at: T(0),
  updated_at: T(0),
  first_response_at: null,
});
const OPEN_1 = '10000000-0000-4000-8000-000000000001';
const OPEN_2 = '10000000-0000-4000-8000-000000000002';
const CLOSED = '10000000-0000-4000-8000-000000000003';
const OTHER = '10000000-0000-4000-8000-000000000004';
const NEW = '10000000-0000-4000-8000-000000000005';
const silent = { warn: () => {}, info: () => {}, error: () => {}, debug: () => {} } as unknown as Logger;

describe('contextUpdateOf', () => {
  it('maps the domain events and ignores the rest', () => {
    expect(contextUpdateOf(event('order.status.changed', 1000, { order_id: 'O1', status: 'SHIPPED' }))).toEqual({ customerId: 'C0000001', at: 1000, order: { id: 'O1', status: 'SHIPPED' } });
    expect(contextUpdateOf(event('payment.authorized', 1000, { payment_id: 'P', order_id: 'O1', status: 'AUTHORIZED', amount_vnd: '1' }))).toMatchObject({ paymentStatus: 'AUTHORIZED' });
    expect(contextUpdateOf(event('shipment.status.changed', 1000, { shipment_id: 'S', order_id: 'O1', carrier: 'GHN', status: 'IN_TRANSIT' }))).toMatchObject({ shipmentStatus: 'IN_TRANSIT' });
    expect(contextUpdateOf(event('fraud.alert', 1000, { alert_id: 'A', score: '0.93', reason: 'velocity' }))).toMatchObject({ fraud: { score: '0.93', reason: 'velocity' } });
    expect(contextUpdateOf(event('ticket.opened', 1000, { ticket_id: 't', status: 'OPEN', subject: 's' }))).toBeNull();
  });

  it('derives a new case context from the newest order, payment and shipment rows', () => {
    const row = (t: number, type: EventType, payload: Record<string, string>): TimelineRow => ({ customer_id: 'C0000001', event_type: type, event_time: t, payload });
    expect(
      contextFromTimeline('C0000001', [row(3, 'order.status.changed', { order_id: 'O2', status: 'PACKED' }), row(5, 'payment.captured', { status: 'CAPTURED' }), row(1, 'order.created', { order_id: 'O1', status: 'CREATED' })]),
    ).toEqual({ customerId: 'C0000001', at: 5, order: { id: 'O2', status: 'PACKED' }, paymentStatus: 'CAPTURED' });
    expect(contextFromTimeline('C0000001', [])).toBeNull();
  });
});

describe('SP-02 consumer on the in-process bus over PGlite', () => {
  const pg = openPgliteTicketStore(null);
  const store = new SqlCaseContextStore(pg.client);
  const bus = new InProcessBus((topic, err) => {
    throw err;
  });
  const cache = new LruCache(1024 * 1024);
  const outcomes: string[] = [];
  const historyRows: TimelineRow[] = [
    { customer_id: 'C0000003', event_type: 'order.created', event_time: T(1), payload: { order_id: 'O9', status: 'CREATED' } },
    { customer_id: 'C0000003', event_type: 'shipment.status.changed', event_time: T(2), payload: { order_id: 'O9', shipment_id: 'S9', carrier: 'GHN', status: 'DELIVERED' } },
  ];
  const history: HistoryStore = { timelinePage: async () => historyRows, timelineBetween: async () => [], caseTimeline: async () => [] };
  let consumer: { stop(): void };

  beforeAll(async () => {
    await pg.store.bulkLoad({ tickets: [ticket(OPEN_1, 'C0000001'), ticket(OPEN_2, 'C0000001', 'ESCALATED'), ticket(CLOSED, 'C0000001', 'CLOSED'), ticket(OTHER, 'C0000002'), ticket(NEW, 'C0000003')] });
    consumer = startCaseContextConsumer({ bus, store, history, cache, log: silent, now: () => NOW, onEvent: (o) => void outcomes.push(o) });
  }, 30_000);
  afterAll(async () => {
    consumer.stop();
    await pg.close();
  });

  it('keeps the context of the customer\'s active tickets, not of closed ones or other customers', async () => {
    await bus.publish('cs.events', event('order.status.changed', T(10), { order_id: 'O1', status: 'SHIPPED' }));
    await bus.publish('cs.events', event('payment.authorized', T(11), { payment_id: 'P1', order_id: 'O1', status: 'AUTHORIZED', amount_vnd: '250000' }));
    await bus.publish('cs.events', event('shipment.status.changed', T(12), { shipment_id: 'S1', order_id: 'O1', carrier: 'GHN', status: 'IN_TRANSIT' }));
    for (const id of [OPEN_1, OPEN_2]) {
      expect(await store.get(id)).toEqual({
        ticket_id: id,
        customer_id: 'C0000001',
        last_order_id: 'O1',
        last_order_status: 'SHIPPED',
        last_payment_status: 'AUTHORIZED',
        last_shipment_status: 'IN_TRANSIT',
        updated_at: T(12),
      });
    }
    expect(await store.get(CLOSED)).toBeNull();
    expect(await store.get(OTHER)).toBeNull();
  });

  it('is idempotent: a redelivered event and an older one change nothing', async () => {
    const before = await store.get(OPEN_1);
    outcomes.length = 0;
    const dup = event('shipment.status.changed', T(12), { shipment_id: 'S1', order_id: 'O1', carrier: 'GHN', status: 'IN_TRANSIT' });
    await bus.publish('cs.events', dup);
    await bus.publish('cs.events', dup);
    await bus.publish('cs.events', event('order.status.changed', T(5), { order_id: 'O0', status: 'CANCELLED' }));
    expect(outcomes).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await store.get(OPEN_1)).toEqual(before);
  });

  it('records a fraud alert as a fresher context and drops the cached case page', async () => {
    await cache.set('ctl:page', Buffer.from('{}'), { ttlMs: 60_000, tags: [`ticket:${OPEN_1}`] });
    await bus.publish('cs.events', event('fraud.alert', T(20), { alert_id: 'A1', score: '0.97', reason: 'velocity' }));
    expect((await store.get(OPEN_1))?.updated_at).toBe(T(20));
    expect((await store.get(OPEN_1))?.last_shipment_status).toBe('IN_TRANSIT');
    expect(await cache.get('ctl:page')).toBeUndefined();
  });

  it('drops the cached case page on the case\'s own events', async () => {
    await cache.set('ctl:page2', Buffer.from('{}'), { ttlMs: 60_000, tags: [`ticket:${OTHER}`] });
    await bus.publish('cs.events', { ...event('ticket.message', T(21), { ticket_id: OTHER, author_type: 'AGENT', message: 'ok' }, 'C0000002'), source: 'support.tickets' });
    expect(await cache.get('ctl:page2')).toBeUndefined();
  });

  it('skips events older than the age limit (a replay of old history)', async () => {
    outcomes.length = 0;
    await bus.publish('cs.events', event('order.status.changed', NOW - 90 * 24 * 3600_000, { order_id: 'OLD', status: 'DELIVERED' }));
    expect(outcomes).toEqual(['skipped']);
  });

  it('seeds a new case from the customer\'s history on support.case.opened', async () => {
    await bus.publish('support.case.opened', { ticket_id: NEW, customer_id: 'C0000003', opened_at: T(30), channel: 'CHAT' });
    expect(await store.get(NEW)).toMatchObject({ last_order_id: 'O9', last_order_status: 'CREATED', last_payment_status: null, last_shipment_status: 'DELIVERED', updated_at: T(2) });
  });
});
