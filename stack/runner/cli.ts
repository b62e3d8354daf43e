// The no-Docker stack runner: `npm run stack:up|stack:down|stack:status [service…]`.
// Starts the engines one after another on 127.0.0.1 (two cores: never in parallel), each with a
// real readiness probe and bounded retries; stops only the processes it recorded.
import { logTail, ourPid, forgetPid, pidAlive, portOpen, say, warn, StackError, STATE, waitReady } from './lib';
import type { Service } from './service';
import { SERVICES } from './services';

const ATTEMPTS = 2;

async function up(svc: Service): Promise<boolean> {
  const t0 = Date.now();
  const mine = ourPid(svc.name, svc.marker);
  const answers = await svc.probe().catch(() => false);
  if (answers && mine !== null) {
    say(`${svc.name}: already running (pid ${mine}, port ${svc.port})`);
    return true;
  }
  if (answers || (await portOpen(svc.port))) {
    warn(`${svc.name}: port ${svc.port} on 127.0.0.1 is taken by a process this runner did not start${answers ? ` (it answers like ${svc.name})` : ''}; stop it or move the port (CS360_*_PORT, see stack/README.md)`);
    return false;
  }
  say(`${svc.name}: installing`);
  try {
    svc.install();
  } catch (e) {
    warn(`${svc.name}: ${(e as Error).message}`);
    return false;
  }
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let pid: number;
    let log: string;
    const old = ourPid(svc.name, svc.marker);
    if (old !== null) await svc.stop(old); // a half-started previous attempt
    try {
      ({ pid, log } = svc.start());
    } catch (e) {
      warn(`${svc.name}: ${(e as Error).message}`);
      return false;
    }
    say(`${svc.name}: starting (pid ${pid}, port ${svc.port}, log ${log})`);
    const outcome = await waitReady(() => svc.probe(), { timeoutMs: svc.startTimeoutMs, alive: () => pidAlive(pid), intervalMs: 1000 });
    if (outcome === 'ready') {
      try {
        await svc.afterReady?.();
      } catch (e) {
        warn(`${svc.name}: setup after start failed: ${(e as Error).message}`);
        return false;
      }
      say(`${svc.name}: up on 127.0.0.1:${svc.port} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return true;
    }
    warn(`${svc.name}: ${outcome === 'died' ? 'exited during start-up' : `not ready after ${svc.startTimeoutMs / 1000} s`} (attempt ${attempt}/${ATTEMPTS}); log tail:\n${logTail(log)}`);
    if (pidAlive(pid)) await svc.stop(pid);
    forgetPid(svc.name);
  }
  return false;
}

async function down(svc: Service): Promise<void> {
  const pid = ourPid(svc.name, svc.marker);
  if (pid === null) {
    forgetPid(svc.name);
    say(`${svc.name}: not running (nothing of ours to stop)`);
    return;
  }
  const t0 = Date.now();
  await svc.stop(pid);
  forgetPid(svc.name);
  say(`${svc.name}: stopped pid ${pid} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

async function status(svc: Service): Promise<boolean> {
  const pid = ourPid(svc.name, svc.marker);
  const ok = await svc.probe().catch(() => false);
  const who = pid !== null ? `pid ${pid}` : ok ? 'not started by this runner' : 'no process';
  say(`${svc.name.padEnd(10)} ${ok ? 'up  ' : 'down'}  127.0.0.1:${svc.port}  (${who})`);
  return ok;
}

async function main(): Promise<number> {
  const [cmd, ...names] = process.argv.slice(2);
  const unknown = names.filter((n) => !SERVICES.some((s) => s.name === n));
  if (!cmd || !['up', 'down', 'status'].includes(cmd) || unknown.length) {
    warn(`usage: tsx stack/runner/cli.ts up|down|status [${SERVICES.map((s) => s.name).join('|')} …]${unknown.length ? `\nunknown service: ${unknown.join(', ')}` : ''}`);
    return 2;
  }
  const chosen = names.length ? SERVICES.filter((s) => names.includes(s.name)) : SERVICES;
  say(`state: ${STATE}`);
  if (cmd === 'up') {
    const failed: string[] = [];
    for (const s of chosen) if (!(await up(s))) failed.push(s.name);
    if (failed.length) warn(`not started: ${failed.join(', ')}`);
    return failed.length ? 1 : 0;
  }
  if (cmd === 'down') {
    // Reverse order: the engines that depend on others stop first.
    for (const s of [...chosen].reverse()) await down(s);
    return 0;
  }
  let allUp = true;
  for (const s of chosen) allUp = (await status(s)) && allUp;
  return allUp ? 0 : 3;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    warn(e instanceof StackError ? e.message : String((e as Error).stack ?? e));
    process.exit(1);
  },
);
