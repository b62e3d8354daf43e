import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../common/errors';
import type { Principal } from '../auth/principal';
import type { SessionTokens } from '../auth/sessionTokens';
import type { Logger } from '../logger';
import type { Services } from '../services/services';
import { mapError } from './errorMapping';
import { registerGraphQL } from './graphql/plugin';
import type { Metrics } from './metrics';
import { LAUNCH_TOKEN_HEADER, checkLaunchToken, principalFromHeader } from './requestAuth';
import { registerApiRoutes } from './rest/apiRoutes';
import { registerAuthRoutes } from './rest/authRoutes';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Every route as "METHOD /path", for the OpenAPI conformance test. */
    routeList: string[];
  }
}

export interface ServerDeps {
  services: Services;
  tokens: SessionTokens;
  metrics: Metrics;
  log: Logger;
  launchToken?: string;
  graphqlMaxDepth: number;
  rendererDir?: string;
  health: () => { status: 'ok' | 'seeding' | 'degraded'; [k: string]: unknown };
}

/** Paths any caller may reach without a session: health, sign-in, and the static console itself. */
const isPublic = (url: string) => url === '/health' || url.startsWith('/api/auth/') || url === '/metrics';
const isApi = (url: string) => url.startsWith('/api/') || url.startsWith('/graphql') || url.startsWith('/support/') || url === '/metrics';

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({ loggerInstance: deps.log.child({ component: 'http' }) as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }), bodyLimit: 256 * 1024, routerOptions: { maxParamLength: 300 } });
  app.decorateRequest('principal', null);
  const routeList: string[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const m of [route.method].flat()) if (m !== 'HEAD') routeList.push(`${m} ${route.url}`);
  });

  app.addHook('onRequest', async (req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    if (!isApi(url)) return;
    try {
      checkLaunchToken(deps.launchToken, req.headers[LAUNCH_TOKEN_HEADER]);
      req.principal = await principalFromHeader(deps.tokens, req.headers.authorization);
      if (!req.principal && !isPublic(url)) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    } catch (err) {
      // Answered here rather than thrown: route-level error handlers (mercurius) would reshape it.
      const mapped = mapError(err);
      return reply.code(mapped.status).send(mapped.body);
    }
  });
  app.addHook('onResponse', async (req, reply) => {
    deps.metrics.httpDuration.observe({ route: req.routeOptions.url ?? 'unmatched', method: req.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.setErrorHandler((err, req, reply) => {
    const mapped = mapError(err);
    if (mapped.internal) req.log.error({ err, url: req.url }, 'request failed');
    void reply.code(mapped.status).send(mapped.body);
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
  });

  app.get('/health', async () => deps.health());
  app.get('/metrics', async (_, reply) => reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()));
  registerAuthRoutes(app, deps.services, deps.tokens);
  const ensureReady = () => {
    const seed = deps.services.seedStatus();
    if (seed.phase !== 'ready') throw new AppError('UNAVAILABLE', `Demo data is being prepared (${Math.round(seed.fraction * 100)}%)`, { phase: seed.phase });
  };
  registerApiRoutes(app, deps.services, ensureReady);
  await registerGraphQL(app, {
    maxDepth: deps.graphqlMaxDepth,
    log: deps.log,
    context: (req) => {
      ensureReadyForGraphQL(req.body, ensureReady);
      return { principal: req.principal, services: deps.services };
    },
  });

  if (deps.rendererDir) {
    const root = resolve(deps.rendererDir);
    if (!existsSync(resolve(root, 'index.html'))) throw new Error(`http.rendererDir ${root} has no index.html: run npm run build first`);
    await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'], wildcard: false });
  }
  return app;
}

/** seedStatus and me stay answerable while the demo data is generated; everything else waits. */
function ensureReadyForGraphQL(body: unknown, ensureReady: () => void): void {
  const query = typeof body === 'object' && body && 'query' in body ? String((body as { query: unknown }).query) : '';
  if (/^\s*(query\s+\w*\s*)?\{\s*(seedStatus|me)\b[^{}]*(\{[^{}]*\}\s*)?\}\s*$/.test(query)) return;
  ensureReady();
}
