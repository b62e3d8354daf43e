import { EventEmitter } from 'node:events';
import type { BackendReadyMessage } from '../backendContract';
import { BackendStartError, waitForBackendReady } from './backendReady';

/**
 * Keeps the bundled backend running: start, wait for its ready message, restart it after a
 * crash, stop it on quit. Process creation is injected (utilityProcess.fork in the packaged app,
 * child_process.fork in tests and `npm start`), so this runs in plain Node.
 *
 * After a crash the backend is started again on the same port with the same launch token, so
 * the window's origin allowlist, CSP and the renderer's base URL stay valid and the socket.io
 * client simply reconnects.
 */
export interface SupervisedChild {
  /** Emits 'message' (anything posted by the backend) and 'exit' (code). */
  readonly events: EventEmitter;
  kill(signal?: 'SIGTERM' | 'SIGKILL'): void;
}

export interface SupervisorOptions {
  /** Starts a backend listening on `port` (0: let the OS choose). */
  spawn(port: number): SupervisedChild;
  readyTimeoutMs: number;
  /** Delay before restart attempt n (0-based); the last value repeats. Sum of the first must stay well under 2 s. */
  restartDelaysMs?: readonly number[];
  /** Consecutive failed starts after which the supervisor gives up. */
  maxConsecutiveFailures?: number;
  /** A backend that stayed up this long resets the failure count. */
  stableAfterMs?: number;
  now?: () => number;
}

export const DEFAULT_RESTART_DELAYS_MS = [100, 250, 500, 1000, 2000] as const;

/** Bounded backoff: attempt 0 restarts after 100 ms, later ones wait longer, never more than the last entry. */
export function restartDelay(attempt: number, delays: readonly number[] = DEFAULT_RESTART_DELAYS_MS): number {
  if (delays.length === 0) return 0;
  return delays[Math.min(Math.max(0, attempt), delays.length - 1)]!;
}

export type SupervisorEvents = {
  /** A backend (first or restarted) is listening. */
  ready: [BackendReadyMessage];
  /** The backend exited without being asked to; a restart follows unless `gave-up` does. */
  crashed: [code: number];
  'gave-up': [Error];
};

export class BackendSupervisor extends EventEmitter<SupervisorEvents> {
  private child: SupervisedChild | null = null;
  private port = 0;
  private failures = 0;
  private stopping = false;
  private readyAt = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly delays: readonly number[];
  private readonly maxFailures: number;
  private readonly stableAfterMs: number;
  private readonly now: () => number;

  constructor(private readonly options: SupervisorOptions) {
    super();
    this.delays = options.restartDelaysMs ?? DEFAULT_RESTART_DELAYS_MS;
    this.maxFailures = options.maxConsecutiveFailures ?? 5;
    this.stableAfterMs = options.stableAfterMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** The port of the running (or last) backend; 0 before the first ready. */
  get currentPort(): number {
    return this.port;
  }

  /** Starts the first backend; rejects if it does not become ready (no retry for the first start). */
  async start(): Promise<BackendReadyMessage> {
    return this.launch();
  }

  private async launch(): Promise<BackendReadyMessage> {
    const child = this.options.spawn(this.port);
    this.child = child;
    let ready: BackendReadyMessage;
    try {
      ready = await waitForBackendReady(child.events, this.options.readyTimeoutMs);
    } catch (err) {
      if (this.child === child) this.child = null;
      child.kill('SIGKILL');
      throw err;
    }
    this.port = ready.port;
    this.readyAt = this.now();
    child.events.once('exit', (code: number) => this.onExit(child, code));
    this.emit('ready', ready);
    return ready;
  }

  private onExit(child: SupervisedChild, code: number): void {
    if (this.child !== child) return;
    this.child = null;
    if (this.stopping) return;
    if (this.now() - this.readyAt >= this.stableAfterMs) this.failures = 0;
    this.emit('crashed', code);
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.failures >= this.maxFailures) {
      this.emit('gave-up', new BackendStartError(`backend failed ${this.failures} times in a row`));
      return;
    }
    const delay = restartDelay(this.failures, this.delays);
    this.failures += 1;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopping) return;
      this.launch().then(
        () => undefined,
        () => this.scheduleRestart(),
      );
    }, delay);
  }

  /** Stops the backend (SIGTERM, then SIGKILL after `graceMs`) and cancels pending restarts. */
  stop(graceMs = 5000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    this.child = null;
    if (!child) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, graceMs);
      child.events.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
