import { createServer } from 'node:http';
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
  const server =
    metricsPort === 0
      ? null
      : createServer((req, res) => {
          if (req.url === '/metrics') {
            registry.metrics().then(
              (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
              (err: unknown) => res.writeHead(500).end(String(err)),
            );
          } else if (req.url === '/health') {
            // 200 while the last round reached CouchDB and Kafka; 503 (with the error) while retrying.
            const s = worker.status();
            res.writeHead(s.running && !s.lastError ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(s));
          } else res.writeHead(404).end();
        }).listen(metricsPort, metricsHost, () => log.info({ url: `http://${metricsHost}:${metricsPort}/metrics` }, 'tickets worker: metrics'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'tickets worker: shutting down');
    server?.close();
    worker.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'tickets worker: shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`cs360 tickets worker: failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
