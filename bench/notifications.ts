import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { build } from 'esbuild';
import { io, type Socket } from 'socket.io-client';
import { fmt, percentiles, report, signIn } from './lib';

/**
 * Notification fan-out (quality.md: event on the bus → received by a socket.io client, p99 ≤ 100 ms at
 * 1,000 events/s fanned out to 500 sockets; ≤ 1.2 × a raw socket.io broadcast).
 * Server: bench/notificationsServer.ts in its own process (the real app: bus → relay → rooms), with a
 * bare socket.io server beside it for the baseline (io.emit of the same payload, same rate, same run).
 * Clients: 500 socket.io clients (websocket) signed in as a supervisor, 500 on the bare server.
 * The relay sends batches ('notifications', one packet per socket per flush, every
 * notifications.flushIntervalMs); the baseline is the naive way, one io.emit per notification.
 * Latency per notification: publish time (performance.timeOrigin + now, same machine clock) → receipt
 * of the packet carrying it, sampled on SAMPLED sockets of each 500. Frames/s: packets those sockets
 * received, scaled to all clients. Memory: backend RSS delta for its 500 clients / 500.
 * BENCH_LOAD=light: the clients not sampled read the socket.io wire but do not decode events (the
 * server's work is unchanged), so this process's decoding of 500 × 1,000 notifications/s — work each
 * client does on its own machine in production — is taken out of the shared 2 cores; both paths alike.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SAMPLED = 100;
const LOAD: 'full' | 'light' = process.env.BENCH_LOAD === 'light' ? 'light' : 'full';

/** socket.io's wire format for the packets a load-only client needs; events are dropped undecoded. */
class LightEncoder {
  encode(packet: { type: number; nsp?: string; data?: unknown }): string[] {
    return [`${packet.type}${packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : ''}${packet.data === undefined ? '' : JSON.stringify(packet.data)}`];
  }
}
class LightDecoder extends EventEmitter {
  add(chunk: unknown): void {
    if (typeof chunk !== 'string' || chunk[0] === '2') return; // '2': EVENT, not decoded
    const rest = chunk.slice(1);
    this.emit('decoded', { type: Number(chunk[0]), nsp: '/', data: rest ? (JSON.parse(rest) as unknown) : undefined });
  }
  destroy(): void {
    this.removeAllListeners();
  }
}

const now = () => performance.timeOrigin + performance.now();

function request<T>(child: ChildProcess, cmd: object, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type === reply) {
        child.off('message', on);
        resolve(m as T);
      }
    };
    child.on('message', on);
    child.send(cmd);
  });
}

interface Tally {
  samples: number[];
  /** Packets received by the sampled sockets. */
  frames: number;
  /** Disconnects of any of the sockets, by reason (a socket cut off as slow, a ping timeout…). */
  disconnects: Record<string, number>;
}
type Stamped = { event_time: number };

async function connectAll(url: string, auth: object, count: number, tally: Tally, event: 'notifications' | 'notification'): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) => {
      const light = LOAD === 'light' && i + j >= SAMPLED;
      const s = io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false, ...(light ? { parser: { Encoder: LightEncoder, Decoder: LightDecoder } } : {}) });
      s.on('disconnect', (reason) => {
        tally.disconnects[reason] = (tally.disconnects[reason] ?? 0) + 1;
      });
      if (i + j < SAMPLED) {
        s.on(event, (payload: Stamped | Stamped[]) => {
          const at = now();
          tally.frames += 1;
          for (const n of Array.isArray(payload) ? payload : [payload]) tally.samples.push(at - n.event_time);
        });
      }
      sockets.push(s);
      return new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
      });
    });
    await Promise.all(batch);
  }
  return sockets;
}

export async function benchNotifications() {
  // Bundled like dist/backend/main.js (same loaders, packages from node_modules), then forked.
  const outfile = 'dist/bench/notificationsServer.js';
  await build({ entryPoints: ['bench/notificationsServer.ts'], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', loader: { '.sql': 'text', '.graphql': 'text' }, logLevel: 'warning' });
  const child = fork(outfile, [], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port, rawPort, flushIntervalMs } = await new Promise<{ port: number; rawPort: number; flushIntervalMs: number }>((resolve, reject) => {
    child.once('message', (m: { type: string; port: number; rawPort: number; flushIntervalMs: number }) => (m.type === 'ready' ? resolve(m) : reject(new Error('bad ready'))));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = await signIn(baseUrl, 'SUPERVISOR');
  const relayTally: Tally = { samples: [], frames: 0, disconnects: {} };
  const rawTally: Tally = { samples: [], frames: 0, disconnects: {} };
  const relaySamples = relayTally.samples;
  const rawSamples = rawTally.samples;

  const before = await request<{ rss: number; heap: number }>(child, { type: 'rss' }, 'rss');
  const relayClients = await connectAll(baseUrl, { token }, CLIENTS, relayTally, 'notifications');
  const after = await request<{ rss: number; heap: number }>(child, { type: 'rss' }, 'rss');
  const rawClients = await connectAll(`http://127.0.0.1:${rawPort}`, {}, CLIENTS, rawTally, 'notification');
  const perClientKb = (after.rss - before.rss) / CLIENTS / 1024;
  const heapPerClientKb = (after.heap - before.heap) / CLIENTS / 1024;

  // Each run is drained (its sampled sockets have everything) before the next starts: a backlog left in
  // the clients' process by one path would otherwise be charged to the other.
  const sampled = Math.min(SAMPLED, CLIENTS);
  const drained = async (tally: Tally, count: number) => {
    const until = Date.now() + 60_000;
    while (tally.samples.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 500));
  };
  // Warm-up (not judged), then the measured runs, alternating so drift hits both paths alike.
  await request(child, { type: 'run', target: 'relay', rate: RATE, seconds: 2 }, 'done');
  await drained(relayTally, RATE * 2 * sampled);
  await request(child, { type: 'run', target: 'raw', rate: RATE, seconds: 2 }, 'done');
  await drained(rawTally, RATE * 2 * sampled);
  relaySamples.length = 0;
  rawSamples.length = 0;
  relayTally.frames = 0;
  rawTally.frames = 0;
  const half = SECONDS / 2;
  // CPU seconds per path, run + drain: the server process and this (the clients') process.
  const cpu = { relay: { server: 0, clients: 0 }, raw: { server: 0, clients: 0 } };
  const serverCpu = async () => (await request<{ micros: number }>(child, { type: 'cpu' }, 'cpu')).micros;
  const clientCpu = () => {
    const c = process.cpuUsage();
    return c.user + c.system;
  };
  let round = 0;
  for (const target of ['relay', 'raw', 'relay', 'raw'] as const) {
    const [s0, c0] = [await serverCpu(), clientCpu()];
    await request(child, { type: 'run', target, rate: RATE, seconds: half }, 'done');
    await drained(target === 'relay' ? relayTally : rawTally, RATE * half * sampled * (round < 2 ? 1 : 2));
    cpu[target].server += (await serverCpu()) - s0;
    cpu[target].clients += clientCpu() - c0;
    round += 1;
  }
  const cpuSeconds = (x: { server: number; clients: number }) => ({ server: x.server / 1e6, clients: x.clients / 1e6 });
  const expected = RATE * SECONDS * sampled;
  const relay = percentiles(relaySamples);
  const rawP = percentiles(rawSamples);
  const ratio = relay.p99 / rawP.p99;
  // Packets per second written to all clients (each path ran SECONDS in total), from the sampled sockets.
  const relayFramesPerSecond = (relayTally.frames / sampled / SECONDS) * CLIENTS;
  const rawFramesPerSecond = (rawTally.frames / sampled / SECONDS) * CLIENTS;
  const result = {
    clients: CLIENTS,
    ratePerSecond: RATE,
    seconds: SECONDS,
    flushIntervalMs,
    loadClients: LOAD,
    process: 'separate (bench/notificationsServer.ts bundled to dist/bench/: createApp + a bare socket.io server, forked)',
    relay: { ...relay, lost: expected - relaySamples.length, framesPerSecond: relayFramesPerSecond, notificationsPerFrame: relaySamples.length / Math.max(1, relayTally.frames), disconnects: relayTally.disconnects },
    raw: { ...rawP, lost: expected - rawSamples.length, framesPerSecond: rawFramesPerSecond, disconnects: rawTally.disconnects },
    /** CPU seconds used while each path published for SECONDS and drained (less 1 s of idle waits). */
    cpuSeconds: { relay: cpuSeconds(cpu.relay), raw: cpuSeconds(cpu.raw) },
    ratioP99: ratio,
    ratioP50: relay.p50 / rawP.p50,
    memoryPerClientKb: perClientKb,
    heapPerClientKb,
    budgets: { p99Ms: 100, ratio: 1.2 },
    pass: relay.p99 <= 100 && ratio <= 1.2,
  };
  console.log(`notifications: ${CLIENTS} clients, ${RATE}/s for ${SECONDS} s to role:SUPERVISOR, relay flush every ${flushIntervalMs} ms${LOAD === 'light' ? `; clients past the ${SAMPLED} sampled do not decode` : ''}`);
  const perFrame = (relaySamples.length / Math.max(1, relayTally.frames)).toFixed(1);
  console.log(`  relay (bus → client, batched): p50 ${fmt(relay.p50)}  p95 ${fmt(relay.p95)}  p99 ${fmt(relay.p99)}  max ${fmt(relay.max)}  received ${relaySamples.length}/${expected}; ${Math.round(relayFramesPerSecond).toLocaleString('en')} frames/s (${perFrame} notifications/frame)`);
  console.log(`  raw io.emit per notification:  p50 ${fmt(rawP.p50)}  p95 ${fmt(rawP.p95)}  p99 ${fmt(rawP.p99)}  max ${fmt(rawP.max)}  received ${rawSamples.length}/${expected}; ${Math.round(rawFramesPerSecond).toLocaleString('en')} frames/s`);
  const drops = (t: Tally) => Object.entries(t.disconnects).map(([why, count]) => `${count} × ${why}`).join(', ') || 'none';
  console.log(`  disconnects: relay ${drops(relayTally)}; raw ${drops(rawTally)}`);
  console.log(
    `  CPU s for ${SECONDS} s of publishing + drain: relay server ${(cpu.relay.server / 1e6).toFixed(1)}, its clients ${(cpu.relay.clients / 1e6).toFixed(1)}; raw server ${(cpu.raw.server / 1e6).toFixed(1)}, its clients ${(cpu.raw.clients / 1e6).toFixed(1)}`,
  );
  console.log(`  ratio p99 ${ratio.toFixed(2)} (budget ≤ 1.2), p99 budget ≤ 100 ms → ${result.pass ? 'PASS' : 'FAIL'}; memory/client ${perClientKb.toFixed(1)} kB RSS, ${heapPerClientKb.toFixed(1)} kB heap+external (deltas after GC / ${CLIENTS})`);
  report('notifications', result);
  for (const s of [...relayClients, ...rawClients]) s.close();
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.send({ type: 'stop' });
  });
  return result;
}
