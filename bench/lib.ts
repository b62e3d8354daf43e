import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { appendRecord, makeRecord } from './history';

/** Bench data lives outside the repo and is reused between runs (first run generates ~1M events). */
export const BENCH_DATA_DIR = process.env.CS360_BENCH_DATA_DIR ?? join(homedir(), '.cache', 'cs360', 'bench-data');

export interface Backend {
  baseUrl: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built backend (dist/backend/main.js) as its own process, so load generator and server do not share an event loop. */
export async function startBackend(extraEnv: Record<string, string> = {}, extraArgs: string[] = []): Promise<Backend> {
  mkdirSync(BENCH_DATA_DIR, { recursive: true });
  const child = fork('dist/backend/main.js', ['--port', '0', '--data-dir', BENCH_DATA_DIR, ...extraArgs], {
    // The benches' own knobs (CS360_BENCH_*) are not backend config: the strict loader would refuse them.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CS360_BENCH_'))), CS360_DEMO__TRICKLE_INTERVAL_MS: '0', CS360_LOG__LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { type?: string; port?: number }) => (m.type === 'ready' && m.port ? resolve(m.port) : reject(new Error('bad ready message'))));
    child.once('exit', (code) => reject(new Error(`backend exited with ${code}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // First run: wait for the demo data (progress is printed by the backend).
  for (;;) {
    const h = (await (await fetch(`${baseUrl}/health`)).json()) as { status: string; seed: { fraction: number } };
    if (h.status === 'ok') break;
    if (h.status === 'degraded') throw new Error('demo data generation failed');
    await new Promise((r) => setTimeout(r, 1000));
  }
  return {
    baseUrl,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function signIn(baseUrl: string, role = 'AGENT'): Promise<string> {
  const { agents } = (await (await fetch(`${baseUrl}/api/auth/agents`)).json()) as { agents: { id: string; role: string }[] };
  const agent = agents.find((a) => a.role === role)!;
  const res = await fetch(`${baseUrl}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId: agent.id }) });
  return ((await res.json()) as { token: string }).token;
}

export function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? Number.NaN };
}

export const fmt = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : 2)} ms`;

/**
 * The full result goes to bench/results/<name>.json (not committed); its ratios and headline
 * figures, with the commit and date, are appended to bench/history.jsonl (committed), which
 * `npm run bench:compare` reads. CS360_BENCH_NO_HISTORY=1 skips the history (trial runs).
 */
export function report(name: string, result: Record<string, unknown>): void {
  mkdirSync('bench/results', { recursive: true });
  const record = makeRecord(name, result);
  writeFileSync(join('bench/results', `${name}.json`), JSON.stringify({ name, at: record.date, commit: record.commit, dirty: record.dirty, ...result }, null, 2));
  if (process.env.CS360_BENCH_NO_HISTORY !== '1') appendRecord(record);
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}
