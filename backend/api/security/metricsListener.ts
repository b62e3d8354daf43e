import type { FastifyInstance } from 'fastify';
import { createServer } from 'node:http';
import type { Registry } from 'prom-client';
import type { Logger } from '../../logger';

/**
 * /metrics on its own listener (config metrics.port): for a scraper on a network the console's
 * users do not reach. Nothing else is served there; it starts and stops with the main server.
 */
export function startMetricsListener(app: FastifyInstance, registry: Registry, opts: { host: string; port: number }, log: Logger): void {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' }).end('{"error":{"code":"NOT_FOUND","message":"Only GET /metrics here"}}');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType, 'x-content-type-options': 'nosniff' }).end(text),
      (err: unknown) => {
        log.error({ err }, 'metrics collection failed');
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"UNAVAILABLE","message":"Metrics unavailable"}}');
      },
    );
  });
  app.addHook('onListen', async () => {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    log.info({ host: opts.host, port: opts.port }, 'metrics listener');
  });
  app.addHook('onClose', async () => {
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  });
}
