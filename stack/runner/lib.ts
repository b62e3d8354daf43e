// Helpers of the no-Docker stack runner: paths, processes, probes. A CLI: it writes to stdout/stderr.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const STACK = join(REPO, 'stack');
/** Downloads (jars, Maven repository) and state (data, logs, pids) live here, never in the repo. */
export const CACHE = process.env.CS360_STACK_HOME ?? join(homedir(), '.cache', 'cs360-stack');
export const STATE = join(CACHE, 'state');
import { HOST } from './ports';

export { HOST };

export const say = (msg: string) => process.stdout.write(`${msg}\n`);
export const warn = (msg: string) => process.stderr.write(`${msg}\n`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class StackError extends Error {}

export function stateDir(service: string): string {
  const dir = join(STATE, service);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Runs a command to completion; throws with its output tail on failure. */
export function run(cmd: string, args: string[], opts: SpawnSyncOptions & { what?: string } = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error) throw new StackError(`${opts.what ?? cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    const out = `${String(r.stdout ?? '')}\n${String(r.stderr ?? '')}`.trim().split('\n').slice(-15).join('\n');
    throw new StackError(`${opts.what ?? `${cmd} ${args.join(' ')}`} failed (exit ${r.status}):\n${out}`);
  }
  return String(r.stdout ?? '');
}

export const which = (cmd: string): string | null => {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
};

let aptUpdated = false;
/** Installs Debian packages when a binary is missing (apt-get update once per run). */
export function ensureApt(binary: string, pkgs: string[]): void {
  if (which(binary) || existsSync(binary)) return;
  if (process.getuid?.() !== 0) throw new StackError(`${binary} is missing: run \`sudo apt-get install -y ${pkgs.join(' ')}\` (the runner installs it only as root)`);
  say(`  installing ${pkgs.join(' ')} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) run('apt-get', ['update', '-qq'], { env, what: 'apt-get update' });
  aptUpdated = true;
  run('apt-get', ['install', '-y', '-qq', ...pkgs], { env, what: `apt-get install ${pkgs.join(' ')}` });
}

export function javaMajor(): number {
  if (!which('java')) throw new StackError('Java is missing: install a JDK 17 (`apt-get install -y openjdk-17-jdk-headless`)');
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  const major = m ? Number(m[1] === '1' ? m[2] : m[1]) : NaN;
  if (!Number.isFinite(major)) throw new StackError(`cannot read the Java version from: ${r.stderr}`);
  return major;
}

/**
 * Fetches an engine's jars with Maven from the pom under stack/runner/maven/<name>/ into
 * <cache>/<name>-<version>/lib (Maven's own repository is kept in <cache>/m2). Cached: a lib
 * folder with a `.complete` marker is reused.
 */
export function mavenLib(name: string, version: string): string {
  const home = join(CACHE, `${name}-${version}`);
  const lib = join(home, 'lib');
  if (existsSync(join(home, '.complete'))) return lib;
  if (!which('mvn')) throw new StackError('Maven is missing: `apt-get install -y maven` (the runner fetches engine jars from Maven Central with it)');
  say(`  downloading ${name} ${version} from Maven Central (first run only)…`);
  rmSync(lib, { recursive: true, force: true });
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      run('mvn', ['-B', '-q', `-Dmaven.repo.local=${join(CACHE, 'm2')}`, 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`], {
        cwd: join(STACK, 'runner', 'maven', name),
        what: `download of ${name} ${version} (mvn dependency:copy-dependencies)`,
      });
      writeFileSync(join(home, '.complete'), new Date().toISOString());
      return lib;
    } catch (e) {
      lastError = e;
      warn(`  download attempt ${attempt} failed${attempt < 3 ? ', retrying' : ''}`);
    }
  }
  throw new StackError(`download failed: ${(lastError as Error).message}`);
}

/** True if something accepts TCP connections on the port. */
export function portOpen(port: number, host = HOST, timeoutMs = 1000): Promise<boolean> {
  return new Promise((res) => {
    const s = createConnection({ port, host });
    const done = (v: boolean) => {
      s.destroy();
      res(v);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

const pidFile = (service: string) => join(STATE, service, 'pid');
export function recordPid(service: string, pid: number): void {
  writeFileSync(pidFile(service), `${pid}\n`);
}
/** The pid this runner recorded, if that process is still the one it started (its command line holds `marker`). */
export function ourPid(service: string, marker: string): number | null {
  const f = pidFile(service);
  if (!existsSync(f)) return null;
  const pid = Number(readFileSync(f, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid) || !cmdline(pid).includes(marker)) return null;
  return pid;
}
export const forgetPid = (service: string) => rmSync(pidFile(service), { force: true });

/** Starts a long-running process detached from the CLI, output appended to its log. */
export function startDetached(service: string, cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {}): { pid: number; log: string } {
  const log = join(stateDir(service), `${service}.log`);
  const fd = openSync(log, 'a');
  writeFileSync(fd, `\n---- ${new Date().toISOString()} ${cmd} ${args.join(' ')}\n`);
  const child = spawn(cmd, args, { cwd: opts.cwd ?? stateDir(service), env: opts.env ?? process.env, detached: true, stdio: ['ignore', fd, fd], uid: opts.uid, gid: opts.gid });
  if (child.pid === undefined) throw new StackError(`could not start ${cmd}`);
  child.unref();
  recordPid(service, child.pid);
  return { pid: child.pid, log };
}

export function logTail(log: string, lines = 20): string {
  if (!existsSync(log)) return '(no log)';
  return readFileSync(log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** SIGTERM (or `signal`), wait, then SIGKILL: for processes this runner started. */
export async function stopPid(pid: number, graceMs = 30_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const until = Date.now() + graceMs;
  while (Date.now() < until) {
    if (!pidAlive(pid) || cmdline(pid) === '') return;
    await sleep(200);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

/** Polls `probe` until it answers true, the process dies, or the deadline passes. */
export async function waitReady(probe: () => Promise<boolean>, opts: { timeoutMs: number; alive?: () => boolean; intervalMs?: number }): Promise<'ready' | 'died' | 'timeout'> {
  const until = Date.now() + opts.timeoutMs;
  while (Date.now() < until) {
    if (await probe().catch(() => false)) return 'ready';
    if (opts.alive && !opts.alive()) return 'died';
    await sleep(opts.intervalMs ?? 500);
  }
  return 'timeout';
}
