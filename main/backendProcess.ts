import { EventEmitter } from 'node:events';
import { utilityProcess } from 'electron';
import { backendArgs } from './backendContract';
import { forkBackendWithNode } from './core/backendChild';
import { backendEnv } from './core/backendEnv';
import type { SupervisedChild } from './core/backendSupervisor';

export interface BackendLaunch {
  /** dist/backend/main.js */
  entry: string;
  launchToken: string;
  dataDir: string;
  /**
   * A Node.js binary to run the backend with instead of Electron's utility process. Used when
   * unpackaged (`npm start`): native modules in node_modules (better-sqlite3) are built for
   * Node's ABI there, while a packaged app has them rebuilt for Electron's by electron-builder.
   */
  nodeBinary?: string;
  /** Receives the backend's stdout/stderr (pino JSON lines); main writes them to a rotating file. */
  log(chunk: Buffer | string): void;
}

/** A spawner for core/backendSupervisor.ts: utilityProcess.fork when packaged, Node when `npm start`. */
export function backendSpawner(launch: BackendLaunch): (port: number) => SupervisedChild {
  const env = backendEnv(process.env, launch);
  return (port) => {
    if (launch.nodeBinary) {
      const child = forkBackendWithNode(launch.entry, backendArgs(port), env, launch.nodeBinary);
      child.stdout?.on('data', launch.log);
      child.stderr?.on('data', launch.log);
      return child;
    }
    const child = utilityProcess.fork(launch.entry, backendArgs(port), { env, stdio: 'pipe', serviceName: 'CS360 backend' });
    const events = new EventEmitter();
    child.on('message', (message: unknown) => events.emit('message', message));
    child.on('exit', (code: number) => events.emit('exit', code));
    child.stdout?.on('data', launch.log);
    child.stderr?.on('data', launch.log);
    // utilityProcess.kill() sends SIGTERM on POSIX; there is no SIGKILL variant, and it suffices.
    return { events, kill: () => void child.kill() };
  };
}
