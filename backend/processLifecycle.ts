import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import type { Logger } from './logger';

/**
 * What the backend's standalone processes share (main.ts, the case projector, the tickets worker):
 * a small /metrics + /health server for Prometheus and compose healthchecks, and a clean stop on
 * SIGINT/SIGTERM.
 */

export interface Health {
  ok: boolean;
  body: unknown;
}

/** Serves GET /metrics (the registry) and GET /health (200 when ok, else 503, the body as JSON) on host:port. */
export async function serveMetricsAndHealth(opts: { host: string; port: number; registry: Registry; health: () => Health; log: Logger; what: string }): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/metrics') {
      opts.registry.metrics().then(
        (body) => res.writeHead(200, { 'content-type': opts.registry.contentType }).end(body),
        (err: unknown) => {
          opts.log.error({ err }, `${opts.what}: metrics failed`);
          res.writeHead(500).end();
        },
      );
    } else if (req.method === 'GET' && req.url === '/health') {
      const h = opts.health();
      res.writeHead(h.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(h.body));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(opts.port, opts.host, resolve));
  opts.log.info({ url: `http://${opts.host}:${opts.port}/metrics` }, `${opts.what}: metrics`);
  return server;
}

/** On SIGINT/SIGTERM (once): `stop`, then exit 0, or 1 if stopping failed. */
export function exitOnSignals(log: Logger, what: string, stop: () => Promise<unknown>): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${what}: shutting down`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, `${what}: shutdown failed`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
}
