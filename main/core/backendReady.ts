import type { BackendReadyMessage } from '../backendContract';

/**
 * Parses a message posted by the backend's utility process. Returns the ready message, or null
 * for anything else (unknown types, ports outside 1–65535, non-objects): main keeps waiting and
 * the timeout decides.
 */
export function parseBackendReady(message: unknown): BackendReadyMessage | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, port } = message as { type?: unknown; port?: unknown };
  if (type !== 'ready') return null;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { type: 'ready', port };
}

/** The part of Electron's UtilityProcess this module needs, so tests can drive it with an EventEmitter. */
export interface BackendProcessEvents {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'exit', listener: (code: number) => void): unknown;
}

export class BackendStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackendStartError';
  }
}

/**
 * Resolves with the port from the first valid ready message. Rejects if the process exits first
 * or nothing valid arrives within `timeoutMs`. Listeners are removed either way.
 */
export function waitForBackendReady(child: BackendProcessEvents, timeoutMs: number): Promise<BackendReadyMessage> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (message: unknown) => {
      const ready = parseBackendReady(message);
      if (!ready) return;
      cleanup();
      resolve(ready);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new BackendStartError(`backend exited with code ${code} before it was ready`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new BackendStartError(`backend not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
