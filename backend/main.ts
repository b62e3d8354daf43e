import { allowDesktopOrigin } from './api/desktopOrigin';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/loadConfig';
import { createLogger } from './logger';
import { exitOnSignals } from './processLifecycle';

/**
 * Backend entry. Runs in plain Node (`npm run web`, tests) and as the desktop shell's
 * utilityProcess, where it reports { type: 'ready', port } on process.parentPort.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`cs360: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.log.level, config.log.file);
  const app = await createApp(config, log);
  // Desktop mode: the window on app://cs360 calls this backend cross-origin.
  if (config.auth.launchToken) allowDesktopOrigin(app.server.server);
  const { port, host, seeded } = await app.listen();
  const url = `http://${host}:${port}/`;
  log.info({ url, mode: config.mode, dataDir: config.dataDir }, config.http.serveRenderer ? `CS360 console: open ${url}` : `CS360 backend listening on ${url}`);
  const parentPort = (process as unknown as { parentPort?: { postMessage(m: unknown): void } }).parentPort;
  parentPort?.postMessage({ type: 'ready', port });
  process.send?.({ type: 'ready', port });

  exitOnSignals(log, 'backend', () => app.close());
  await seeded;
}

main().catch((err: unknown) => {
  process.stderr.write(`cs360: failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
