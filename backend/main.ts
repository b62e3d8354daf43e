import { isAbsolute, join, resolve } from 'node:path';
import { allowDesktopOrigin } from './api/desktopOrigin';
import { createApp } from './app';
import { TerminalReporter } from './cli/terminalReporter';
import { ConfigError, loadConfig } from './config/loadConfig';
import { createLogger } from './logger';
import { exitOnSignals } from './processLifecycle';

/**
 * Backend entry. Runs in plain Node (`npm run web`, tests) and as the desktop shell's
 * utilityProcess, where it reports { type: 'ready', port } on process.parentPort.
 */
async function main(): Promise<void> {
  const startupWarnings: string[] = [];
  let config;
  try {
    config = loadConfig({ warn: (m) => startupWarnings.push(m) });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`cs360: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  // A person at a terminal reads words; anything else (the desktop shell, CI, a collector) gets JSON lines.
  const human = config.log.console === 'human' || (config.log.console === 'auto' && process.stdout.isTTY === true);
  const terminal = human ? new TerminalReporter(process.stdout) : null;
  const logFile = config.log.file ?? join(config.dataDir, 'logs', 'backend.log');
  const log = createLogger(config.log.level, { file: logFile, jsonToStdout: !human, ...(terminal ? { onWarning: (t: string) => terminal.warn(t) } : {}) });

  const absolute = (p: string) => (isAbsolute(p) ? p : resolve(p));
  terminal?.line(`CS360 — ${config.mode === 'stack' ? `stack mode (real engines${config.stack.pipeline === 'flink' ? ', Flink pipeline' : ''})` : 'embedded mode (in-process engines, demo data)'}`);
  terminal?.line(`Data: ${absolute(config.dataDir)}   Log: ${absolute(logFile)}`);
  for (const w of startupWarnings) log.warn(w);

  const app = await createApp(config, log, { onSeedProgress: (p) => terminal?.seed(p) });
  // Desktop mode: the window on app://cs360 calls this backend cross-origin.
  if (config.auth.launchToken) allowDesktopOrigin(app.server.server);
  const { port, host, seeded } = await app.listen();
  const url = `http://${host}:${port}/`;
  log.info({ url, mode: config.mode, dataDir: config.dataDir }, config.http.serveRenderer ? `CS360 console: open ${url}` : `CS360 backend listening on ${url}`);
  terminal?.line(config.http.serveRenderer ? `Open the console: ${url}   (Ctrl+C stops it)` : `Backend listening on ${url}`);
  const parentPort = (process as unknown as { parentPort?: { postMessage(m: unknown): void } }).parentPort;
  parentPort?.postMessage({ type: 'ready', port });
  process.send?.({ type: 'ready', port });

  exitOnSignals(log, 'backend', () => app.close());
  await seeded;
  if (app.seedStatus().phase === 'ready') terminal?.line(config.http.serveRenderer ? `Ready: ${url}` : `Ready on ${url}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`cs360: failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
