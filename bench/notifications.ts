import { fork, type ChildProcess } from 'node:child_process';
import { build } from 'esbuild';
import { io, type Socket } from 'socket.io-client';
import { fmt, percentiles, report, signIn } from './lib';

/**
 * Notification fan-out (quality.md: event on the bus → received by a socket.io client, p99 ≤ 100 ms at
 * 1,000 events/s fanned out to 500 sockets; ≤ 1.2 × a raw socket.io broadcast).
 * Server: bench/notificationsServer.ts in its own process (the real app: bus → relay → rooms), with a
 * bare socket.io server beside it for the baseline (io.emit of the same payload, same rate, same run).
 * Clients: 500 socket.io clients (websocket) signed in as a supervisor, 500 on the bare server.
 * Latency: publish time (performance.timeOrigin + now, same machine clock) → client receipt,
 * sampled on SAMPLED sockets of each 500. Memory: backend RSS delta for its 500 clients / 500.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SAMPLED = 100;

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

async function connectAll(url: string, auth: object, count: number, samples: number[]): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) => {
      const s = io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
      if (i + j < SAMPLED) s.on('notification', (n: { event_time: number }) => samples.push(now() - n.event_time));
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
  const { port, rawPort } = await new Promise<{ port: number; rawPort: number }>((resolve, reject) => {
    child.once('message', (m: { type: string; port: number; rawPort: number }) => (m.type === 'ready' ? resolve(m) : reject(new Error('bad ready'))));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = await signIn(baseUrl, 'SUPERVISOR');
  const relaySamples: number[] = [];
  const rawSamples: number[] = [];

  const before = await request<{ rss: number; heap: number }>(child, { type: 'rss' }, 'rss');
  const relayClients = await connectAll(baseUrl, { token }, CLIENTS, relaySamples);
  const after = await request<{ rss: number; heap: number }>(child, { type: 'rss' }, 'rss');
  const rawClients = await connectAll(`http://127.0.0.1:${rawPort}`, {}, CLIENTS, rawSamples);
  const perClientKb = (after.rss - before.rss) / CLIENTS / 1024;
  const heapPerClientKb = (after.heap - before.heap) / CLIENTS / 1024;

  // Warm-up (not judged), then the measured runs, alternating so drift hits both paths alike.
  await request(child, { type: 'run', target: 'relay', rate: RATE, seconds: 2 }, 'done');
  await request(child, { type: 'run', target: 'raw', rate: RATE, seconds: 2 }, 'done');
  await new Promise((r) => setTimeout(r, 500));
  relaySamples.length = 0;
  rawSamples.length = 0;
  const half = SECONDS / 2;
  for (const target of ['relay', 'raw', 'relay', 'raw'] as const) {
    await request(child, { type: 'run', target, rate: RATE, seconds: half }, 'done');
    await new Promise((r) => setTimeout(r, 1000));
  }
  const expected = RATE * SECONDS * Math.min(SAMPLED, CLIENTS);
  const relay = percentiles(relaySamples);
  const rawP = percentiles(rawSamples);
  const ratio = relay.p99 / rawP.p99;
  const result = {
    clients: CLIENTS,
    ratePerSecond: RATE,
    seconds: SECONDS,
    process: 'separate (bench/notificationsServer.ts bundled to dist/bench/: createApp + a bare socket.io server, forked)',
    relay: { ...relay, lost: expected - relaySamples.length },
    raw: { ...rawP, lost: expected - rawSamples.length },
    ratioP99: ratio,
    ratioP50: relay.p50 / rawP.p50,
    memoryPerClientKb: perClientKb,
    heapPerClientKb,
    budgets: { p99Ms: 100, ratio: 1.2 },
    pass: relay.p99 <= 100 && ratio <= 1.2,
  };
  console.log(`notifications: ${CLIENTS} clients, ${RATE}/s for ${SECONDS} s to role:SUPERVISOR`);
  console.log(`  relay (bus → client): p50 ${fmt(relay.p50)}  p95 ${fmt(relay.p95)}  p99 ${fmt(relay.p99)}  max ${fmt(relay.max)}  received ${relaySamples.length}/${expected}`);
  console.log(`  raw io.emit baseline: p50 ${fmt(rawP.p50)}  p95 ${fmt(rawP.p95)}  p99 ${fmt(rawP.p99)}  max ${fmt(rawP.max)}  received ${rawSamples.length}/${expected}`);
  console.log(`  ratio p99 ${ratio.toFixed(2)} (budget ≤ 1.2), p99 budget ≤ 100 ms → ${result.pass ? 'PASS' : 'FAIL'}; memory/client ${perClientKb.toFixed(1)} kB RSS, ${heapPerClientKb.toFixed(1)} kB heap+external (deltas after GC / ${CLIENTS})`);
  report('notifications', result);
  for (const s of [...relayClients, ...rawClients]) s.close();
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.send({ type: 'stop' });
  });
  return result;
}
