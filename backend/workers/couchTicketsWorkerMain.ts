import { exitOnSignals, serveMetricsAndHealth } from '../processLifecycle';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { ConfigError, loadConfig } from '../config/loadConfig';
import { createLogger } from '../logger';
import { startCouchTicketsWorker } from './couchTicketsWorker';

/**
 * The CouchDB tickets worker as its own process: `npx tsx backend/workers/couchTicketsWorkerMain.ts`
 * (same configuration as the backend: CS360_CONFIG file, CS360_* environment, e.g.
 * CS360_TICKETS_WORKER__COUCHDB_URL, CS360_STACK__KAFKA__BROKERS). Serves /metrics and /health on
 * ticketsWorker.metricsHost:metricsPort (port 0: off). SIGINT/SIGTERM stop it after the batch in flight.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`cs360 tickets worker: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.log.level, config.log.file);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const worker = startCouchTicketsWorker(config, log, registry);

  const { metricsHost, metricsPort } = config.ticketsWorker;
  // 200 while the last round reached CouchDB and Kafka; 503 (with the error) while retrying.
  const server =
    metricsPort === 0
      ? null
      : await serveMetricsAndHealth({
          host: metricsHost,
          port: metricsPort,
          registry,
          log,
          what: 'tickets worker',
          health: () => {
            const s = worker.status();
            return { ok: s.running && !s.lastError, body: s };
          },
        });
  exitOnSignals(log, 'tickets worker', async () => {
    server?.close();
    await worker.stop();
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`cs360 tickets worker: failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
