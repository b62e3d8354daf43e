import { fork as forkNode } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { utilityProcess } from 'electron';
import { BACKEND_ARGS, BACKEND_READY_TIMEOUT_MS, LAUNCH_TOKEN_ENV, type BackendReadyMessage } from './backendContract';
import { waitForBackendReady } from './core/backendReady';

export interface BackendLaunch {
  /** dist/backend/main.js */
  entry: string;
  launchToken: string;
  dataDir: string;
  rendererDir: string;
  /**
   * A Node.js binary to run the backend with instead of Electron's utility process. Used when
   * unpackaged (`npm start`): native modules in node_modules (better-sqlite3) are built for
   * Node's ABI there, while a packaged app has them rebuilt for Electron's by electron-builder.
   */
  nodeBinary?: string;
  /** Where the backend's stdout/stderr (pino JSON lines) go. */
  log: NodeJS.WritableStream;
}

export interface RunningBackend {
  readonly ready: BackendReadyMessage;
  /** Fires when the process ends, whether asked to or not. */
  readonly events: EventEmitter<{ exit: [code: number] }>;
  /** Asks the backend to stop (SIGTERM; it closes its server) and resolves when it has exited or after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

interface Child {
  events: EventEmitter;
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
  kill(): void;
}

function forkUtility(launch: BackendLaunch, env: NodeJS.ProcessEnv): Child {
  const child = utilityProcess.fork(launch.entry, [...BACKEND_ARGS], { env, stdio: 'pipe', serviceName: 'CS360 backend' });
  const events = new EventEmitter();
  child.on('message', (message: unknown) => events.emit('message', message));
  child.on('exit', (code: number) => events.emit('exit', code));
  return { events, stdout: child.stdout, stderr: child.stderr, kill: () => void child.kill() };
}

function forkWithNode(launch: BackendLaunch, nodeBinary: string, env: NodeJS.ProcessEnv): Child {
  const child = forkNode(launch.entry, [...BACKEND_ARGS], { execPath: nodeBinary, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const events = new EventEmitter();
  child.on('message', (message: unknown) => events.emit('message', message));
  child.on('exit', (code, signal) => events.emit('exit', code ?? (signal ? 128 : 1)));
  child.on('error', () => events.emit('exit', 1));
  return { events, stdout: child.stdout, stderr: child.stderr, kill: () => void child.kill('SIGTERM') };
}

/** Forks the backend, pipes its logs, and resolves once it reported `{ type: 'ready', port }`. */
export async function startBackend(launch: BackendLaunch): Promise<RunningBackend> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [LAUNCH_TOKEN_ENV]: launch.launchToken,
    CS360_DATA_DIR: launch.dataDir,
    CS360_HTTP__RENDERER_DIR: launch.rendererDir,
  };
  // Electron-specific switches must not reach a plain Node child.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = launch.nodeBinary ? forkWithNode(launch, launch.nodeBinary, env) : forkUtility(launch, env);
  child.stdout?.pipe(launch.log, { end: false });
  child.stderr?.pipe(launch.log, { end: false });

  let exited = false;
  const events = new EventEmitter<{ exit: [code: number] }>();
  child.events.once('exit', (code: number) => {
    exited = true;
    events.emit('exit', code);
  });

  let ready: BackendReadyMessage;
  try {
    ready = await waitForBackendReady(child.events, BACKEND_READY_TIMEOUT_MS);
  } catch (err) {
    if (!exited) child.kill();
    throw err;
  }

  return {
    ready,
    events,
    stop(graceMs = 5000) {
      if (exited) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        events.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill();
      });
    },
  };
}
