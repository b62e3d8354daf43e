import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCustomerId } from '../common/ids';
import type { SeedProgress } from '../common/live';
import { openEmbeddedAdapters } from './adapters/embedded/embeddedAdapters';
import { readManifest, seedDemo } from './adapters/embedded/demoSeeder';
import { startLiveTrickle } from './adapters/embedded/liveTrickle';
import { runLivePipeline, storeStateLoader } from './adapters/embedded/pipelineRunner';
import { CassandraCaseStore } from './adapters/stack/cassandraCaseStore';
import { openStackAdapters } from './adapters/stack/stackAdapters';
import { startCaseProjector } from './projector/startProjector';
import { startCouchTicketsWorker } from './workers/couchTicketsWorker';
import type { EventEnvelope } from '../common/events';
import { attachSocketServer } from './api/live/socketServer';
import { createMetrics } from './api/metrics';
import { buildServer } from './api/server';
import { SessionTokens } from './auth/sessionTokens';
import type { AppConfig } from './config/schema';
import type { Logger } from './logger';
import { EscalationDispatcher, slackSink, smtpSink, type EscalationSink } from './notifications/escalationSinks';
import { NotificationRelay } from './notifications/relay';
import { CustomerCasePipeline } from './pipeline';
import { AttachmentService } from './services/attachmentService';
import { CaseService } from './services/caseService';
import { CustomerService } from './services/customerService';
import type { Services } from './services/services';
import { SupportService } from './services/supportService';
import { TimelineService, customerTag } from './services/timelineService';

/** A per-data-dir secret, so sessions survive restarts without anyone configuring one. */
function sessionSecret(config: AppConfig): string {
  if (config.auth.secret) return config.auth.secret;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'session.secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The composition root: picks adapters from config, builds services, api and live channel. */
export interface AppHooks {
  /** Demo-data generation progress, for the terminal (backend/cli/terminalReporter.ts). */
  onSeedProgress?(p: SeedProgress): void;
}

export async function createApp(config: AppConfig, log: Logger, hooks: AppHooks = {}) {
  // Stack mode: Cassandra, PostgreSQL, Redis and Kafka. With `stack.pipeline: flink` the Flink SQL jobs
  // build cases, timeline and notifications (the projector below writes their cases to Cassandra,
  // History reads the lakehouse through Trino); otherwise the embedded pipeline runs here on Kafka.
  const flinkPipeline = config.mode === 'stack' && config.stack.pipeline === 'flink';
  const adapters = config.mode === 'stack' ? await openStackAdapters(config, log) : await openEmbeddedAdapters(config, log);
  const metrics = createMetrics();
  const tokens = new SessionTokens(sessionSecret(config), config.auth.tokenTtlSeconds);

  const manifest = readManifest(adapters.db);
  let seed: SeedProgress = manifest
    ? { phase: 'ready', fraction: 1, eventsWritten: manifest.events, eventsTotal: manifest.events, message: 'ready' }
    : { phase: 'idle', fraction: 0, eventsWritten: 0, eventsTotal: config.demo.events, message: 'waiting to generate demo data' };

  const timeline = new TimelineService(adapters.history, adapters.cache, { ttlMs: config.api.timelineCacheTtlMs, maxPageSize: config.api.maxPageSize }, metrics.support);
  const cases = new CaseService(adapters.caseStore, adapters.history, adapters.tickets);
  const support = new SupportService(adapters.tickets, adapters.caseStore, adapters.bus, timeline, metrics.support);
  const services: Services = {
    customers: new CustomerService(adapters.caseStore),
    timeline,
    cases,
    support,
    attachments: new AttachmentService(adapters.objects, adapters.notesSync, (principal, caseId) => support.getCase(principal, caseId, false), config.stack.s3),
    listAgents: () => adapters.tickets.listAgents(),
    seedStatus: () => seed,
    ticketMessages: (id) => adapters.tickets.listMessages(id),
  };

  const server = await buildServer({
    services,
    tokens,
    metrics,
    log,
    launchToken: config.auth.launchToken,
    graphqlMaxDepth: config.api.graphqlMaxDepth,
    rendererDir: config.http.serveRenderer ? config.http.rendererDir : undefined,
    health: () => ({ status: seed.phase === 'ready' ? 'ok' : seed.phase === 'failed' ? 'degraded' : 'seeding', mode: config.mode, seed }),
  });
  // Notifications: cs_notifications → replay log → socket.io rooms, and escalations → Slack / email.
  const relay = new NotificationRelay({ bus: adapters.bus, log, capacity: config.notifications.replayBufferSize });
  const nc = config.notifications;
  const sinks: EscalationSink[] = [...(nc.slackWebhookUrl ? [slackSink(nc.slackWebhookUrl)] : []), ...(nc.smtp ? [smtpSink(nc.smtp)] : [])];
  const escalations = new EscalationDispatcher({ sinks, retries: nc.retries, retryBaseMs: nc.retryBaseMs, deadLetterFile: join(config.dataDir, 'escalations.deadletter.jsonl'), bus: adapters.bus, log });
  const stopEscalations = relay.onEntry((e) => escalations.handle(e.notification));
  const live = attachSocketServer(server.server, { tokens, bus: adapters.bus, log, launchToken: config.auth.launchToken, relay, flushIntervalMs: nc.flushIntervalMs, onNotification: (type) => metrics.notifications.inc({ type }) });

  // SP-01: any new event for a customer drops their cached timeline pages.
  const stopInvalidation = adapters.bus.subscribe('cs_timeline', (row) => adapters.cache.invalidateTag(customerTag(row.customer_id)));
  let evictTimer: NodeJS.Timeout | undefined;
  let stopPipeline = () => {};
  if (!flinkPipeline) {
    const livePipeline = new CustomerCasePipeline({ loadState: storeStateLoader(adapters.caseStore) });
    // Customers idle past the session gap are dropped from memory; loadState brings them back from the store.
    evictTimer = setInterval(() => livePipeline.evictIdle(Date.now()), 5 * 60_000);
    evictTimer.unref();
    stopPipeline = runLivePipeline({
      bus: adapters.bus,
      pipeline: livePipeline,
      sinks: { cases: adapters.caseStore, history: adapters.history },
      log,
      onProcessed: (outcome) => metrics.pipelineEvents.inc({ outcome }),
    });
  }
  // The case projector (Flink's cs_case_changes / cs_customer_stats → Cassandra) inside this process,
  // when asked to; compose runs it as its own service instead.
  const projector =
    flinkPipeline && config.projector.enabled && adapters.caseStore instanceof CassandraCaseStore
      ? await startCaseProjector(config, log, { registry: metrics.registry, caseStore: adapters.caseStore, bus: adapters.bus })
      : null;
  // CouchDB support_tickets → Kafka support.tickets (seed 003's custom _changes worker), when asked to.
  const ticketsWorker = config.mode === 'stack' && config.ticketsWorker.enabled ? startCouchTicketsWorker(config, log, metrics.registry) : null;
  let stopTrickle = () => {};

  const setSeed = (p: SeedProgress) => {
    seed = p;
    live.broadcastSeed(p);
    hooks.onSeedProgress?.(p);
  };

  async function startDemo(): Promise<void> {
    const demo = { ...config.demo, endMs: manifest?.endMs ?? Math.floor(Date.now() / 3_600_000) * 3_600_000 };
    if (!manifest) {
      try {
        await seedDemo({
          db: adapters.db,
          cases: adapters.caseStore,
          history: adapters.history,
          tickets: adapters.tickets,
          options: demo,
          log,
          onProgress: setSeed,
          ...(flinkPipeline ? { publishEvents: (events: readonly EventEnvelope[]) => adapters.bus.publishMany('cs.events', events) } : {}),
        });
      } catch (err) {
        log.error({ err }, 'demo data generation failed');
        setSeed({ ...seed, phase: 'failed', message: `demo data generation failed: ${(err as Error).message}` });
        return;
      }
    }
    if (config.demo.trickleIntervalMs > 0) {
      const customerIds = Array.from({ length: (manifest ?? demo).customers }, (_, i) => formatCustomerId(i + 1));
      stopTrickle = startLiveTrickle({
        seed: demo.seed,
        intervalMs: config.demo.trickleIntervalMs,
        customerIds,
        agents: await adapters.tickets.listAgents(),
        watched: () => [...live.io.sockets.adapter.rooms.keys()].filter((r) => r.startsWith('customer:')).map((r) => r.slice('customer:'.length)),
        tickets: adapters.tickets,
        bus: adapters.bus,
        log,
      });
    }
  }

  return {
    server,
    services,
    adapters,
    relay,
    escalations,
    seedStatus: () => seed,
    /** Listens first, then generates demo data in the background so progress is visible over HTTP and socket.io. */
    async listen(): Promise<{ port: number; host: string; seeded: Promise<void> }> {
      // A deep accept backlog: a burst of 1,000 connections must not wait on SYN retries.
      await server.listen({ host: config.http.host, port: config.http.port, backlog: 2048 });
      const address = server.server.address();
      const port = typeof address === 'object' && address ? address.port : config.http.port;
      return { port, host: config.http.host, seeded: startDemo() };
    },
    async close(): Promise<void> {
      stopTrickle();
      clearInterval(evictTimer);
      stopPipeline();
      await projector?.stop();
      await ticketsWorker?.stop();
      stopInvalidation();
      stopEscalations();
      relay.stop();
      await escalations.stop();
      await live.close();
      await server.close();
      await adapters.close();
    },
  };
}
export type App = Awaited<ReturnType<typeof createApp>>;
