import { describe, expect, it } from 'vitest';
import type { CsNotification } from '../../common/model';
import { InProcessBus } from '../adapters/embedded/inProcessBus';
import { createLogger } from '../logger';
import { NotificationRelay, ReplayLog } from './relay';

const n = (id: string, agent: string | null = null): CsNotification => ({
  notification_id: id,
  type: 'TICKET_ESCALATED',
  customer_id: 'C0000001',
  case_id: 'C0000001:20250101T100000Z',
  ticket_id: '22222222-2222-4222-8222-222222222222',
  agent_id: agent,
  event_time: 1,
  severity: 'HIGH',
  message: 'escalated',
});

describe('ReplayLog', () => {
  it('replays what came after a cursor, oldest first, only what the reader is entitled to', () => {
    const log = new ReplayLog(10);
    log.append(n('a', 'x'));
    log.append(n('b', 'y'));
    log.append(n('c', 'x'));
    expect(log.since(1, (m) => m.agent_id === 'x').map((e) => [e.seq, e.notification.notification_id])).toEqual([[3, 'c']]);
    // Up to a bound: what is still waiting for the live flush is not replayed.
    expect(log.since(0, () => true, 2).map((e) => e.seq)).toEqual([1, 2]);
    expect(log.since(0, () => true, 99).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('forgets what fell out of the ring, ids included', () => {
    const log = new ReplayLog(2);
    for (const id of ['a', 'b', 'c']) log.append(n(id));
    expect(log.since(0, () => true).map((e) => e.notification.notification_id)).toEqual(['b', 'c']);
    expect(log.has('a')).toBe(false);
    expect(log.has('c')).toBe(true);
  });
});

describe('NotificationRelay', () => {
  it('relays a redelivered notification (same id) only once', async () => {
    const bus = new InProcessBus();
    const relay = new NotificationRelay({ bus, log: createLogger('silent'), capacity: 100 });
    const seen: string[] = [];
    relay.onEntry((e) => seen.push(`${e.seq}:${e.notification.notification_id}`));
    await bus.publish('cs_notifications', n('ntf-1'));
    await bus.publish('cs_notifications', n('ntf-1'));
    await bus.publish('cs_notifications', n('ntf-2'));
    expect(seen).toEqual(['1:ntf-1', '2:ntf-2']);
    relay.stop();
  });
});
