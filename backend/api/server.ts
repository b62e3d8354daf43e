import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../common/errors';
import type { Principal } from '../auth/principal';
import type { Session, SessionTokens } from '../auth/sessionTokens';
import type { AppConfig } from '../config/schema';
import type { Logger } from '../logger';
import type { Services } from '../services/services';
import { mapError } from './errorMapping';
import { registerGraphQL } from './graphql/plugin';
import type { Metrics } from './metrics';
import { LAUNCH_TOKEN_HEADER, checkLaunchToken, sameSecret, sessionFromHeader } from './requestAuth';
import { registerApiRoutes } from './rest/apiRoutes';
import { registerAuthRoutes } from './rest/authRoutes';
import { cspSourcesFromConfig } from './security/cspSources';
import { securityHeaders } from './security/headers';
import { hostAllowed } from './security/hostAllowlist';
import { localSignInAllowed } from './security/localSignIn';
import { startMetricsListener } from './security/metricsListener';
import { onlySeedFields } from './security/queryScan';
import { decodedPath } from './security/requestPath';
import { refuseBadInput } from './security/inputGuard';
import { requestOrigin } from './requestOrigin';
import { registerPiiResponseMask } from './piiResponses';
import { registerRequestOriginContext } from './requestOriginContext';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The verified session behind principal (its jti and expiry), for sign-out. */
    authSession: Session | null;
  }
  interface FastifyInstance {
    /** Every route as "METHOD /path", for the OpenAPI conformance test. */
    routeList: string[];
  }
}

export interface ServerDeps {
  config: AppConfig;
  services: Services;
  tokens: SessionTokens;
  metrics: Metrics;
  log: Logger;
  launchToken?: string;
  graphqlMaxDepth: number;
  rendererDir?: string;
  health: () => { status: 'ok' | 'seeding' | 'degraded'; [k: string]: unknown };
}

/** Paths any caller may reach without a session: health and sign-in. */
const isPublic = (path: string) => path === '/health' || path.startsWith('/api/auth/');
const isApi = (path: string) => path.startsWith('/api/') || path.startsWith('/graphql') || path.startsWith('/support/') || path === '/metrics';
/** Roles that may read the process figures on the main listener. */
const METRICS_ROLES = new Set(['SUPERVISOR', 'ANALYST']);

/** Answered from a hook rather than thrown: route-level error handlers (mercurius) would reshape it. */
const refuse = (reply: FastifyReply, err: unknown) => {
  const mapped = mapError(err);
  return reply.code(mapped.status).send(mapped.body);
};

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app: FastifyInstance = Fastify({ loggerInstance: deps.log.child({ component: 'http' }) as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }), bodyLimit: 256 * 1024, routerOptions: { maxParamLength: 300 },
    // A path the router cannot decode (`/api/%zz`) gets the typed body too, not Fastify's own.
    frameworkErrors: (err, _req, reply) => {
      const mapped = mapError(err);
      void (reply as unknown as FastifyReply).code(mapped.status).send(err.code === 'FST_ERR_BAD_URL' ? { error: { code: 'INVALID_INPUT', message: 'The request path is malformed' } } : mapped.body);
    },
  });
  app.decorateRequest('principal', null);
  app.decorateRequest('authSession', null);
  const routeList: string[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const m of [route.method].flat()) if (m !== 'HEAD') routeList.push(`${m} ${route.url}`);
  });

  const headers = securityHeaders(cspSourcesFromConfig(config));
  // The configured names, and the one signed object URLs use when config sets it.
  const objectsUrl = (config as { objects?: { publicUrl?: unknown } }).objects?.publicUrl;
  const allowedHosts = [...config.http.allowedHosts, ...(typeof objectsUrl === 'string' ? [new URL(objectsUrl).hostname.replace(/^\[|\]$/g, '')] : [])];
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.headers(headers);
    return payload;
  });

  /**
   * The one gate: Host allowlist, then every decision on the path the router matched (its route
   * pattern, or the decoded path when nothing matched) — never on the raw URL, where `/%67raphql`
   * would not look like `/graphql`.
   */
  app.addHook('onRequest', async (req, reply) => {
    if (!hostAllowed(req.headers.host, allowedHosts)) return refuse(reply, new AppError('FORBIDDEN', 'Unknown Host; this backend answers only its own names'));
    let path: string;
    try {
      path = req.routeOptions.url ?? decodedPath(req.url);
    } catch (err) {
      return refuse(reply, err);
    }
    if (!config.http.serveSourceMaps && path.endsWith('.map')) return refuse(reply, new AppError('NOT_FOUND', 'No such file'));
    if (!isApi(path)) return;
    try {
      if (path === '/metrics' && config.metrics.token && typeof req.headers.authorization === 'string' && sameSecret(req.headers.authorization, `Bearer ${config.metrics.token}`)) return;
      checkLaunchToken(deps.launchToken, req.headers[LAUNCH_TOKEN_HEADER]);
      req.authSession = await sessionFromHeader(deps.tokens, req.headers.authorization);
      req.principal = req.authSession?.principal ?? null;
      if (!req.principal && !isPublic(path)) throw new AppError('UNAUTHENTICATED', 'Sign in first');
      if (path === '/metrics' && !METRICS_ROLES.has(req.principal!.role)) throw new AppError('FORBIDDEN', 'Metrics are for supervisors, analysts and the scraper');
    } catch (err) {
      return refuse(reply, err);
    }
  });
  // NUL, lone surrogates and absurd nesting are refused for every route, before any handler sees them.
  app.addHook('preValidation', async (req: FastifyRequest, reply) => {
    try {
      refuseBadInput(req, config.graphql.maxNesting);
    } catch (err) {
      if (req.routeOptions.url === '/graphql') {
        const mapped = mapError(err);
        return reply.code(mapped.status).send({ data: null, errors: [{ message: mapped.body.error.message, extensions: { code: mapped.body.error.code, ...(mapped.body.error.details ? { details: mapped.body.error.details } : {}) } }] });
      }
      return refuse(reply, err);
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
    let path: string;
    try {
      path = decodedPath(req.url);
    } catch {
      path = '(malformed path)';
    }
    void reply.code(404).send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${path.slice(0, 200)}` } });
  });

  app.get('/health', async () => deps.health());
  app.get('/metrics', async (_, reply) => reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()));
  registerAuthRoutes(app, deps.services, deps.tokens, { localSignIn: localSignInAllowed(config) });
  const ensureReady = () => {
    const seed = deps.services.seedStatus();
    if (seed.phase !== 'ready') throw new AppError('UNAVAILABLE', `Demo data is being prepared (${Math.round(seed.fraction * 100)}%)`, { phase: seed.phase });
  };
  registerPiiResponseMask(app);
  registerRequestOriginContext(app);
  registerApiRoutes(app, deps.services, ensureReady);
  await registerGraphQL(app, {
    maxDepth: deps.graphqlMaxDepth,
    limits: config.graphql,
    log: deps.log,
    context: (req) => {
      ensureReadyForGraphQL(req, deps.services, ensureReady);
      return { principal: req.principal, services: deps.services, from: requestOrigin(req) };
    },
  });
  if (config.metrics.port > 0) startMetricsListener(app, deps.metrics.registry, config.metrics, deps.log);

  if (deps.rendererDir) {
    const root = resolve(deps.rendererDir);
    if (!existsSync(resolve(root, 'index.html'))) throw new Error(`http.rendererDir ${root} has no index.html: run npm run build first`);
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      index: ['index.html'],
      wildcard: false,
      // Source maps stay on disk (and are 404 above) unless http.serveSourceMaps asks for them.
      ...(config.http.serveSourceMaps ? {} : { allowedPath: (pathName: string) => !pathName.endsWith('.map') }),
    });
  }
  return app;
}

/** seedStatus and me stay answerable while the demo data is generated; everything else waits. Nothing is scanned once ready. */
function ensureReadyForGraphQL(req: FastifyRequest, services: Services, ensureReady: () => void): void {
  if (services.seedStatus().phase === 'ready') return;
  const body = (req.method === 'GET' ? req.query : req.body) as { query?: unknown; operationName?: unknown } | undefined;
  if (typeof body?.query === 'string' && onlySeedFields(body.query, body.operationName)) return;
  ensureReady();
}
