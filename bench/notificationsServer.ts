// The backend imports .sql and .graphql files as text; their module declarations live beside it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../backend/sqlModules.d.ts" />
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../backend/graphqlModules.d.ts" />
/**
 * The server side of bench/notifications.ts, in its own process: the real backend (createApp, the
 * embedded bus, the relay, socket.io) plus a bare socket.io server as the baseline. The bus is
 * in-process, so the publisher must live here; the parent drives it over IPC. bench/notifications.ts
 * bundles it with esbuild (the backend imports .sql and .graphql as text) into dist/bench/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { createApp } from '../backend/app';
import { configSchema } from '../backend/config/schema';
import { createLogger } from '../backend/logger';
import type { CsNotification } from '../common/model';

type Cmd = { type: 'run'; target: 'relay' | 'raw'; rate: number; seconds: number } | { type: 'rss' } | { type: 'cpu' } | { type: 'stop' };

const now = () => performance.timeOrigin + performance.now();
const dataDir = mkdtempSync(join(tmpdir(), 'cs360-bench-ntf-'));
// BENCH_FLUSH_MS: notifications.flushIntervalMs of the relay (the config's default when unset).
const flushIntervalMs = process.env.BENCH_FLUSH_MS ? Number(process.env.BENCH_FLUSH_MS) : undefined;
const config = configSchema.parse({ dataDir, http: { port: 0 }, demo: { customers: 20, events: 1000, whaleEvents: 100, trickleIntervalMs: 0 }, notifications: { flushIntervalMs }, log: { level: 'warn' } });
const app = await createApp(config, createLogger('warn'));
const { port, seeded } = await app.listen();
await seeded;

const rawHttp = createServer();
const raw = new Server(rawHttp, { serveClient: false });
await new Promise<void>((r) => rawHttp.listen(0, '127.0.0.1', () => r()));
const rawPort = (rawHttp.address() as AddressInfo).port;

let n = 0;
const note = (): CsNotification => {
  n += 1;
  return {
    notification_id: `ntf-bench-${n}`,
    type: 'TICKET_ESCALATED',
    customer_id: 'C0000001',
    case_id: 'C0000001:20260101T000000Z',
    ticket_id: '00000000-0000-4000-8000-000000000001',
    agent_id: null,
    event_time: now(),
    severity: 'HIGH',
    message: 'Ticket "Giao sai hàng" of customer C0000001 was escalated with URGENT priority. Reason: khách yêu cầu gặp quản lý',
  };
};

async function run(target: 'relay' | 'raw', rate: number, seconds: number): Promise<number> {
  const total = rate * seconds;
  const t0 = performance.now();
  let sent = 0;
  while (sent < total) {
    // Publish what is due by now (1 ms granularity), then yield to the event loop.
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * rate));
    while (sent < due) {
      const msg = note();
      if (target === 'relay') await app.adapters.bus.publish('cs_notifications', msg);
      else raw.emit('notification', { ...msg, seq: n });
      sent += 1;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  return sent;
}

const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (cmd: Cmd) => {
  void (async () => {
    if (cmd.type === 'run') process.send?.({ type: 'done', sent: await run(cmd.target, cmd.rate, cmd.seconds) });
    else if (cmd.type === 'cpu') {
      const c = process.cpuUsage();
      process.send?.({ type: 'cpu', micros: c.user + c.system });
    } else if (cmd.type === 'rss') {
      gc?.();
      await new Promise((r) => setTimeout(r, 200));
      gc?.();
      const m = process.memoryUsage();
      process.send?.({ type: 'rss', rss: m.rss, heap: m.heapUsed + m.external + m.arrayBuffers });
    } else {
      await app.close();
      await raw.close();
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }
  })();
});
process.send?.({ type: 'ready', port, rawPort, flushIntervalMs: config.notifications.flushIntervalMs });
