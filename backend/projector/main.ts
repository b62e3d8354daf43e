import { exitOnSignals, serveMetricsAndHealth } from '../processLifecycle';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { ConfigError, loadConfig } from '../config/loadConfig';
import { createLogger } from '../logger';
import { startCaseProjector } from './startProjector';

/**
 * The case projector as its own process (`node dist/backend/projector.js`, the compose service
 * `case-projector`), applying cs_case_changes and cs_customer_stats: same typed config as the backend
 * (file, CS360_* env, flags), stack settings only.
 * Serves GET /metrics (prom-client) and GET /health on projector.metricsHost:metricsPort.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`cs360-projector: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.log.level, config.log.file);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Cassandra or Kafka not answering yet (a restart of the stack): keep trying rather than exit.
  let running;
  for (let attempt = 0; !running; attempt++) {
    try {
      running = await startCaseProjector(config, log, { registry });
    } catch (err) {
      const retryInMs = Math.min(1000 * 2 ** attempt, 30_000);
      log.error({ err, retryInMs }, 'case projector could not start; retrying');
      await new Promise((r) => setTimeout(r, retryInMs));
    }
  }
  const projector = running;
  let joined = false;
  void projector.ready.then(() => (joined = true));

  const { metricsHost, metricsPort } = config.projector;
  // Alive once both consumers have joined their groups; a Cassandra outage shows in the metrics, not
  // in the health (restarting the process would not help, and the backlog is kept).
  const server =
    metricsPort > 0
      ? await serveMetricsAndHealth({
          host: metricsHost,
          port: metricsPort,
          registry,
          log,
          what: 'case projector',
          health: () => ({ ok: joined, body: { joined, cases: projector.projector.stats, customer_stats: projector.statsProjector.stats } }),
        })
      : undefined;
  exitOnSignals(log, 'case projector', async () => {
    server?.close();
    await projector.stop();
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`cs360-projector: failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
