import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedProgress } from '../common/live';
import { attachSocketServer } from './api/live/socketServer';
import { createMetrics } from './api/metrics';
import { registerSlaGauges } from './api/slaGauges';
import { buildServer } from './api/server';
import { withRequestOrigin } from './api/requestOriginContext';
import { SessionTokens } from './auth/sessionTokens';
import type { AppConfig } from './config/schema';
import { Lifecycle } from './lifecycle';
import type { Logger } from './logger';
import { EscalationDispatcher, slackSink, smtpSink, type EscalationSink } from './notifications/escalationSinks';
import { NotificationRelay } from './notifications/relay';
import { AttachmentService } from './services/attachmentService';
import { AuditService } from './services/auditService';
import { CaseService } from './services/caseService';
import { CustomerService } from './services/customerService';
import { ContactHasher } from './services/pii/mask';
import type { Services } from './services/services';
import { SlaService, slaPolicyFromConfig } from './services/slaService';
import { SupportService } from './services/supportService';
import { TimelineService, customerTag } from './services/timelineService';
import { DemoData } from './wiring/demoData';
import { startPipelines } from './wiring/pipelines';
import { selectAdapters } from './wiring/selectAdapters';
import { openEmbeddedNotes } from './notes/embeddedNotes';

/** A per-data-dir secret, so sessions survive restarts without anyone configuring one. */
function sessionSecret(config: AppConfig): string {
  return config.auth.secret ?? dataDirSecret(config, 'session.secret');
}

/** A secret kept in <dataDir>/<name>, created (random, 0600) on first use. */
function dataDirSecret(config: AppConfig, name: string): string {
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export interface AppHooks {
  /** Demo-data generation progress, for the terminal (backend/cli/terminalReporter.ts). */
  onSeedProgress?(p: SeedProgress): void;
}

/**
 * The composition root: adapters chosen once from config (wiring/selectAdapters.ts), services over
 * their ports, the API and live channel, and every background part registered with one lifecycle
 * that stops them in reverse order.
 */
export async function createApp(config: AppConfig, log: Logger, hooks: AppHooks = {}) {
  const lifecycle = new Lifecycle(log);
  const adapters = await selectAdapters(config, log);
  lifecycle.add('adapters', () => adapters.close());
  // Offline notes: embedded mode serves the CouchDB protocol itself (backend/notes); stack mode has CouchDB.
  const embeddedNotes = config.mode === 'embedded' ? openEmbeddedNotes(config.dataDir, adapters.bus, log) : null;
  if (embeddedNotes) lifecycle.add('notes databases', () => embeddedNotes.close());
  try {
    const metrics = createMetrics();
    const tokens = new SessionTokens(sessionSecret(config), config.auth.tokenTtlSeconds);

    const timeline = new TimelineService(adapters.history, adapters.cache, { ttlMs: config.api.timelineCacheTtlMs, maxPageSize: config.api.maxPageSize }, metrics.support);
    const cases = new CaseService(adapters.caseStore, adapters.history, adapters.tickets);
    // Case actions' audit records carry the request's IP and user agent (api/requestOriginContext.ts).
    const support = new SupportService(withRequestOrigin(adapters.tickets), adapters.caseStore, adapters.bus, timeline, metrics.support);
    // The demo data reports to the live channel, which is attached to the server built below.
    const liveRef: { current?: ReturnType<typeof attachSocketServer> } = {};
    const demo = new DemoData({
      config,
      adapters,
      log,
      onProgress: (p) => {
        liveRef.current?.broadcastSeed(p);
        hooks.onSeedProgress?.(p);
      },
      watchedCustomers: () => liveRef.current?.watchedCustomers() ?? [],
    });
    const audit = new AuditService(adapters.tickets);
    const services: Services = {
      customers: new CustomerService(adapters.caseStore, Date.now, {
        hasher: new ContactHasher(config.pii.hmacSecret ?? dataDirSecret(config, 'pii.secret')),
        audit: (a) => audit.record(a),
      }),
      audit,
      timeline,
      cases,
      support,
      sla: new SlaService(adapters.analytics, adapters.tickets, slaPolicyFromConfig(config.sla)),
      attachments: new AttachmentService(adapters.objects, adapters.notesSync ?? embeddedNotes?.sync ?? null, (principal, caseId) => support.getCase(principal, caseId, false), config.stack.s3),
      listAgents: () => adapters.tickets.listAgents(),
      seedStatus: () => demo.status(),
      ticketMessages: (id) => adapters.tickets.listMessages(id),
    };

    // Prometheus gauges for the SLA alerts (stack/prometheus/alerts.yml), computed at scrape time.
    registerSlaGauges(metrics.registry, () => services.sla.snapshot(), config.sla.backlogAlertThreshold);

    const server = await buildServer({
      config,
      services,
      tokens,
      metrics,
      log,
      launchToken: config.auth.launchToken,
      graphqlMaxDepth: config.api.graphqlMaxDepth,
      rendererDir: config.http.serveRenderer ? config.http.rendererDir : undefined,
      health: () => {
        const seed = demo.status();
        return { status: seed.phase === 'ready' ? 'ok' : seed.phase === 'failed' ? 'degraded' : 'seeding', mode: config.mode, seed };
      },
    });
    lifecycle.add('http server', () => server.close());
    if (embeddedNotes) await embeddedNotes.mount(server, tokens, config.auth.launchToken);

    // Notifications: cs_notifications → replay log → socket.io rooms, and escalations → Slack / email.
    const nc = config.notifications;
    const sinks: EscalationSink[] = [...(nc.slackWebhookUrl ? [slackSink(nc.slackWebhookUrl)] : []), ...(nc.smtp ? [smtpSink(nc.smtp)] : [])];
    const escalations = new EscalationDispatcher({ sinks, retries: nc.retries, retryBaseMs: nc.retryBaseMs, deadLetterFile: join(config.dataDir, 'escalations.deadletter.jsonl'), bus: adapters.bus, log });
    lifecycle.add('escalation sinks', () => escalations.stop());
    const relay = new NotificationRelay({ bus: adapters.bus, log, capacity: nc.replayBufferSize });
    lifecycle.add('notification relay', () => relay.stop());
    lifecycle.add('escalations from the relay', relay.onEntry((e) => escalations.handle(e.notification)));
    const live = attachSocketServer(server.server, { config, tokens, bus: adapters.bus, log, launchToken: config.auth.launchToken, relay, flushIntervalMs: nc.flushIntervalMs, onNotification: (type) => metrics.notifications.inc({ type }) });
    liveRef.current = live;
    lifecycle.add('socket.io', () => live.close());

    // SP-01: any new event for a customer drops their cached timeline pages.
    lifecycle.add('timeline cache invalidation', adapters.bus.subscribe('cs_timeline', (row) => adapters.cache.invalidateTag(customerTag(row.customer_id))));
    for (const part of await startPipelines(config, adapters, log, metrics)) lifecycle.add(part.name, () => part.stop());
    if (embeddedNotes) lifecycle.add('notes follower', embeddedNotes.follow());
    else if (config.mode === 'stack' && config.stack.couchdb.notesWorker) {
      const { startCouchNotesWorker } = await import('./workers/couchNotesWorker');
      const notesWorker = startCouchNotesWorker(config, log);
      lifecycle.add('notes worker', () => notesWorker.stop());
    }

    return {
      server,
      services,
      adapters,
      relay,
      escalations,
      seedStatus: () => demo.status(),
      /** Names of the running background parts, in start order (they stop in reverse). */
      running: () => lifecycle.names,
      /** Listens first, then generates demo data in the background so progress is visible over HTTP and socket.io. */
      async listen(): Promise<{ port: number; host: string; seeded: Promise<void> }> {
        // A deep accept backlog: a burst of 1,000 connections must not wait on SYN retries.
        await server.listen({ host: config.http.host, port: config.http.port, backlog: 2048 });
        const address = server.server.address();
        const port = typeof address === 'object' && address ? address.port : config.http.port;
        lifecycle.add(demo.name, () => demo.stop());
        return { port, host: config.http.host, seeded: demo.start() };
      },
      close: () => lifecycle.stopAll(),
    };
  } catch (err) {
    await lifecycle.stopAll();
    throw err;
  }
}
export type App = Awaited<ReturnType<typeof createApp>>;
