import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backendArgs, LAUNCH_TOKEN_ENV } from '../backendContract';
import { forkBackendWithNode, type ForkedBackend } from './backendChild';
import { BackendSupervisor, restartDelay, type SupervisedChild } from './backendSupervisor';

describe('restartDelay (bounded backoff)', () => {
  it('starts fast, grows, and stops growing', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map((n) => restartDelay(n))).toEqual([100, 250, 500, 1000, 2000, 2000, 2000]);
    expect(restartDelay(-1)).toBe(100);
  });
});

/** A fake backend that reports ready on the next tick, unless told to fail. */
function fakeSpawner(plan: ('ok' | 'fail')[] = []) {
  const children: (SupervisedChild & { port: number; exit(code: number): void })[] = [];
  const spawn = vi.fn((port: number) => {
    const events = new EventEmitter();
    const outcome = plan.shift() ?? 'ok';
    const child = {
      events,
      port,
      kill: vi.fn(() => setImmediate(() => events.emit('exit', 0))),
      exit: (code: number) => events.emit('exit', code),
    };
    children.push(child);
    setImmediate(() => (outcome === 'ok' ? events.emit('message', { type: 'ready', port: port || 4321 }) : events.emit('exit', 1)));
    return child;
  });
  return { spawn, children };
}

describe('BackendSupervisor (fake processes)', () => {
  it('restarts a crashed backend on the same port', async () => {
    const { spawn, children } = fakeSpawner();
    const sup = new BackendSupervisor({ spawn, readyTimeoutMs: 1000, restartDelaysMs: [10] });
    await expect(sup.start()).resolves.toEqual({ type: 'ready', port: 4321 });
    const restarted = new Promise((r) => sup.once('ready', r));
    children[0]!.exit(137);
    await expect(restarted).resolves.toEqual({ type: 'ready', port: 4321 });
    expect(spawn.mock.calls.map(([p]) => p)).toEqual([0, 4321]);
    await sup.stop();
  });

  it('retries failed restarts with backoff, then gives up', async () => {
    const { spawn, children } = fakeSpawner(['ok', 'fail', 'fail', 'fail']);
    const sup = new BackendSupervisor({ spawn, readyTimeoutMs: 1000, restartDelaysMs: [1, 2], maxConsecutiveFailures: 3 });
    await sup.start();
    const gaveUp = new Promise<Error>((r) => sup.once('gave-up', r));
    children[0]!.exit(1);
    await expect(gaveUp).resolves.toBeInstanceOf(Error);
    expect(spawn).toHaveBeenCalledTimes(4);
  });

  it('does not restart after stop, and stops cleanly', async () => {
    const { spawn, children } = fakeSpawner();
    const sup = new BackendSupervisor({ spawn, readyTimeoutMs: 1000, restartDelaysMs: [1] });
    await sup.start();
    await sup.stop();
    expect(children[0]!.kill).toHaveBeenCalledWith('SIGTERM');
    await new Promise((r) => setTimeout(r, 20));
    expect(spawn).toHaveBeenCalledTimes(1);
  });

  it('rejects the first start when no ready message arrives in time', async () => {
    const spawn = vi.fn(() => ({ events: new EventEmitter(), kill: vi.fn() }));
    const sup = new BackendSupervisor({ spawn, readyTimeoutMs: 20 });
    await expect(sup.start()).rejects.toThrow(/not ready after 20 ms/);
  });
});

// The real backend entry, forked in plain Node, supervised the way main does it.
const entry = resolve('dist/backend/main.js');

describe('backend lifecycle (real dist/backend/main.js)', () => {
  const launchToken = 'lifecycle-test-token-0123456789abcdef';
  let dataDir: string;
  let sup: BackendSupervisor;
  const children: ForkedBackend[] = [];

  beforeAll(() => {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build:node first`);
    dataDir = mkdtempSync(join(tmpdir(), 'cs360-lifecycle-'));
    const env = {
      ...process.env,
      [LAUNCH_TOKEN_ENV]: launchToken,
      CS360_DATA_DIR: dataDir,
      CS360_LOG__LEVEL: 'warn',
      CS360_DEMO__CUSTOMERS: '200',
      CS360_DEMO__EVENTS: '5000',
      CS360_DEMO__WHALE_EVENTS: '1000',
      CS360_DEMO__TRICKLE_INTERVAL_MS: '0',
    };
    sup = new BackendSupervisor({
      spawn: (port) => {
        const child = forkBackendWithNode(entry, backendArgs(port), env);
        child.stderr?.resume();
        child.stdout?.resume();
        children.push(child);
        return child;
      },
      readyTimeoutMs: 20_000,
    });
  });
  afterAll(async () => {
    await sup?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports ready on 127.0.0.1, refuses requests without the launch token, accepts them with it', { timeout: 30_000 }, async () => {
    const ready = await sup.start();
    expect(ready.type).toBe('ready');
    const base = `http://127.0.0.1:${ready.port}`;
    const without = await fetch(`${base}/api/auth/agents`);
    expect(without.status).toBe(401);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const withToken = await fetch(`${base}/api/auth/agents`, { headers: { 'x-cs360-launch-token': launchToken } });
    expect(withToken.status).toBe(200);
    // Desktop mode: the console's app://cs360 origin may call it cross-origin; the UI is not served.
    const pre = await fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin: 'app://cs360', 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBe('app://cs360');
    expect((await fetch(`${base}/`)).status).toBe(404);
  });

  it('respawns the backend at once after kill -9, on the same port, and it serves again', { timeout: 30_000 }, async () => {
    const before = sup.currentPort;
    const victim = children.at(-1)!;
    const restarted = new Promise<{ port: number }>((r) => sup.once('ready', r));
    const t0 = performance.now();
    process.kill(victim.pid!, 'SIGKILL');
    await vi.waitFor(() => expect(children.length).toBe(2), { timeout: 2000, interval: 10 });
    // The supervisor's part of the 2 s budget: the new process is forked after the first backoff step.
    expect(performance.now() - t0).toBeLessThan(2000);
    const ready = await restarted;
    // Ready after a crash is dominated by the backend's own start (~1.4 s p50, bench/startup.ts);
    // not asserted at 2 s here because this machine runs the other test files in parallel.
    expect(ready.port).toBe(before);
    const res = await fetch(`http://127.0.0.1:${ready.port}/health`);
    expect(res.status).toBe(200);
  });
});
