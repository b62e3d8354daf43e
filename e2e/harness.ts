import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** The built backend serving the built renderer (`npm run web`), on a free port over a temp data dir. */
export interface WebConsole {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** SIGKILL, as a crash would: no clean shutdown. */
  crash(): Promise<void>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function startWebConsole(env: Record<string, string> = {}, reuse?: { port: number; dataDir: string }): Promise<WebConsole> {
  if (!existsSync('dist/backend/main.js') || !existsSync('dist/renderer/index.html')) throw new Error('e2e needs a build: run npm run build');
  const dataDir = reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'cs360-e2e-'));
  const child: ChildProcess = fork('dist/backend/main.js', ['--web', '--port', String(reuse?.port ?? 0), '--data-dir', dataDir], {
    env: {
      ...process.env,
      CS360_DEMO__CUSTOMERS: '300',
      CS360_DEMO__EVENTS: '30000',
      CS360_DEMO__WHALE_EVENTS: '5000',
      CS360_DEMO__TRICKLE_INTERVAL_MS: '0',
      CS360_LOG__LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { type?: string; port?: number }) => (m.type === 'ready' && m.port ? resolve(m.port) : reject(new Error('bad ready message'))));
    child.once('exit', (code) => reject(new Error(`backend exited with ${code}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const kill = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return {
    baseUrl,
    port,
    dataDir,
    crash: () => kill('SIGKILL'),
    stop: async (options) => {
      await kill('SIGTERM');
      if (!options?.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium through playwright-core; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function waitReady(baseUrl: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const h = (await (await fetch(`${baseUrl}/health`)).json()) as { status: string };
    if (h.status === 'ok') return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('backend never became ready');
}

/** The demo agents' ids by role, and a session token for one of them, through the real sign-in API. */
export async function demoAgents(baseUrl: string): Promise<{ id: string; role: string }[]> {
  return ((await (await fetch(`${baseUrl}/api/auth/agents`)).json()) as { agents: { id: string; role: string }[] }).agents;
}

export async function apiToken(baseUrl: string, role: 'AGENT' | 'SUPERVISOR' | 'ANALYST' = 'AGENT'): Promise<string> {
  const agent = (await demoAgents(baseUrl)).find((a) => a.role === role);
  if (!agent) throw new Error(`no demo agent with role ${role}`);
  const res = await fetch(`${baseUrl}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId: agent.id }) });
  return ((await res.json()) as { token: string }).token;
}
