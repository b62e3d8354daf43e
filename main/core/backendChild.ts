import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { SupervisedChild } from './backendSupervisor';

export interface ForkedBackend extends SupervisedChild {
  readonly pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
}

/**
 * Runs the backend entry with a Node.js binary (child_process.fork): `npm start` with an
 * unpackaged app (native modules are built for Node there) and the lifecycle tests. The packaged
 * app uses Electron's utilityProcess instead (main/backendProcess.ts); both report the same way.
 */
export function forkBackendWithNode(entry: string, args: readonly string[], env: NodeJS.ProcessEnv, execPath?: string, options: { output?: 'pipe' | 'ignore' } = {}): ForkedBackend {
  const output = options.output ?? 'pipe';
  // execArgv []: the backend gets none of the parent's Node flags (a test runner's or bench's loader), as in the app.
  const child = fork(entry, [...args], { ...(execPath ? { execPath } : {}), env, execArgv: [], stdio: ['ignore', output, output, 'ipc'] });
  const events = new EventEmitter();
  let exited = false;
  const exit = (code: number) => {
    if (exited) return;
    exited = true;
    events.emit('exit', code);
  };
  child.on('message', (message: unknown) => events.emit('message', message));
  child.on('exit', (code, signal) => exit(code ?? (signal ? 128 : 1)));
  child.on('error', () => exit(1));
  return {
    events,
    pid: child.pid,
    stdout: child.stdout,
    stderr: child.stderr,
    kill: (signal = 'SIGTERM') => void child.kill(signal),
  };
}
