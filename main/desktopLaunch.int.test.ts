import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// The same modules `npm start` and main use: start.mjs's environment, main's backend environment,
// arguments, Node fork and supervisor. Only Electron itself is missing (it cannot run here).
import { desktopEnv } from '../scripts/desktopEnv.mjs';
import { backendArgs, BACKEND_READY_TIMEOUT_MS, LAUNCH_TOKEN_ENV } from './backendContract';
import { forkBackendWithNode, type ForkedBackend } from './core/backendChild';
import { backendEnv, nodeBinaryFor } from './core/backendEnv';
import { BackendSupervisor } from './core/backendSupervisor';
import { newLaunchToken } from './core/launchToken';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'dist', 'backend', 'main.js');

describe('the desktop launch path: npm start → main → the built backend, ready', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs360-desktop-'));
  const output: string[] = [];
  let supervisor: BackendSupervisor | undefined;
  let current: ForkedBackend | undefined;
  afterAll(async () => {
    await supervisor?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with exactly the environment and arguments the app gives it, and serves with the launch token only', async () => {
    // What scripts/start.mjs hands Electron, plus variables the project's docs tell users to set
    // (the stack runner's, a configuration one): none of them may stop the backend.
    const shellEnv = desktopEnv({ ...process.env, CS360_KAFKA_PORT: '59092', CS360_DOWNLOAD_HOSTS: 'repo1.maven.org', CS360_DEMO__TRICKLE_INTERVAL_MS: '0' }, process.execPath);
    const launchToken = newLaunchToken();
    const env = backendEnv(shellEnv, { launchToken, dataDir });
    const nodeBinary = nodeBinaryFor(shellEnv, false);
    expect(nodeBinary).toBe(process.execPath);
    expect(env[LAUNCH_TOKEN_ENV]).toBe(launchToken);

    supervisor = new BackendSupervisor({
      spawn: (port) => {
        const child = forkBackendWithNode(entry, backendArgs(port), env, nodeBinary);
        child.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
        current = child;
        return child;
      },
      readyTimeoutMs: BACKEND_READY_TIMEOUT_MS,
    });
    const ready = await supervisor.start().catch((err: Error) => {
      throw new Error(`${err.message}\n${output.join('')}`);
    });
    expect(ready.port).toBeGreaterThan(0);

    const health = await fetch(`http://127.0.0.1:${ready.port}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { mode: string }).mode).toBe('embedded');
    // The API answers the window, which carries the launch token, and nobody else.
    const agents = `http://127.0.0.1:${ready.port}/api/auth/agents`;
    expect((await fetch(agents, { headers: { 'x-cs360-launch-token': launchToken } })).status).toBe(200);
    expect((await fetch(agents)).status).toBe(401);
  });

  it('comes back on the same port after a crash', async () => {
    const port = supervisor!.currentPort;
    const again = new Promise<number>((resolve) => supervisor!.once('ready', (r) => resolve(r.port)));
    const crashed = new Promise<number>((resolve) => supervisor!.once('crashed', resolve));
    current!.kill('SIGKILL');
    expect(await crashed).toBe(128);
    expect(await again).toBe(port);
  });
});
