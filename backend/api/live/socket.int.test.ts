import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../common/live';
import type { TimelineRow } from '../../../common/model';
import { startTestApp, type TestApp } from '../../testing/testApp';
import { rest } from '../../testing/http';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
let t: TestApp;
const open: Client[] = [];

beforeAll(async () => {
  t = await startTestApp({ demo: { customers: 50, events: 3000, whaleEvents: 500 } });
});
afterAll(async () => {
  for (const s of open) s.close();
  await t?.close();
});

function client(auth: Record<string, unknown>): Client {
  const s: Client = connect(t.baseUrl, { auth, transports: ['websocket'], reconnection: false });
  open.push(s);
  return s;
}

const connected = (s: Client) =>
  new Promise<void>((resolve, reject) => {
    s.on('connect', () => resolve());
    s.on('connect_error', (e) => reject(e));
  });

describe('live timeline over socket.io', () => {
  it('refuses a handshake without a valid session', async () => {
    await expect(connected(client({}))).rejects.toThrow(/UNAUTHENTICATED/);
    await expect(connected(client({ token: 'forged' }))).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it('pushes a new timeline row to a watcher of that customer and not to others', async () => {
    const token = await t.token('AGENT');
    const watcher = client({ token });
    const other = client({ token });
    await Promise.all([connected(watcher), connected(other)]);
    expect(await watcher.emitWithAck('customer:watch', 'C0000003')).toEqual({ ok: true });
    expect(await other.emitWithAck('customer:watch', 'C0000004')).toEqual({ ok: true });
    const gotOther: TimelineRow[] = [];
    other.on('timeline:row', (r) => gotOther.push(r));
    const received = new Promise<TimelineRow>((resolve) => watcher.on('timeline:row', resolve));
    await rest(t.baseUrl, token, 'POST', '/support/cases', { customerId: 'C0000003', subject: 'Giao sai hàng', message: 'Tôi nhận sai màu áo.' });
    const row = await received;
    expect(row.customer_id).toBe('C0000003');
    expect(row.event_type).toMatch(/^ticket\./);
    await new Promise((r) => setTimeout(r, 100));
    expect(gotOther).toEqual([]);
  });

  it('answers a malformed watch request with INVALID_INPUT', async () => {
    const s = client({ token: await t.token('AGENT') });
    await connected(s);
    expect(await s.emitWithAck('customer:watch', '../../etc')).toEqual({ ok: false, error: 'INVALID_INPUT' });
  });
});
