import { Producer, stringSerializers } from '@platformatic/kafka';
import { Counter, Gauge, Registry } from 'prom-client';
import { parseEvent, type EventEnvelope } from '../../common/events';
import type { Logger } from '../logger';

/**
 * The CouchDB `_changes` worker of seed 003 §2.1 ("custom worker reads _changes feed, publishes to
 * Kafka"): ticket events are written to the CouchDB database `support_tickets`, one document per
 * event (the envelope of common/events.ts with `_id` as its id), and this worker publishes each one to
 * the Kafka topic `support.tickets`, keyed by customer id.
 *
 * Delivery is at least once. The position in the feed (`last_seq`) is checkpointed in the database's
 * `_local/cs360-tickets-worker` document only after Kafka acknowledged the whole batch (acks=all), so a
 * crash between the two republishes at most that batch; consumers drop duplicates by event id. `_local`
 * documents are not replicated and do not appear in `_changes`, and CouchDB's own replicator keeps its
 * checkpoints the same way, so the position lives with the data it describes and survives restarts.
 */

export const CHECKPOINT_ID = '_local/cs360-tickets-worker';
export const TICKETS_SOURCE = 'support.tickets';
/** A doc whose envelope is bigger than this is dead-lettered: it could never be produced (broker limit ~1 MB) and would stall the feed. */
export const MAX_EVENT_BYTES = 256 * 1024;
/** What a dead letter keeps of a bad document: all of it when small, a prefix when not. */
const MAX_DEADLETTER_RECORD_CHARS = 2048;

/** One row of `_changes?include_docs=true`. */
export interface CouchChange {
  seq: unknown;
  id: string;
  changes?: { rev: string }[];
  deleted?: boolean;
  doc?: Record<string, unknown> | null;
}

export type ChangeOutcome =
  | { kind: 'event'; event: EventEnvelope }
  | { kind: 'skip'; why: 'design' | 'deleted' }
  | { kind: 'invalid'; reason: string };

/**
 * What one change becomes. Skipped, not dead-lettered:
 * - design documents (`_design/…`) hold views and validation functions, not events;
 * - deletions: an event log is append-only, so a deleted document is the source's clean-up (purge,
 *   retention, erasure), not a new business event, and the envelope has no "ticket deleted" type. The
 *   event published earlier stays in Kafka under the topic's retention.
 * Everything else must be a valid ticket envelope; anything else is dead-lettered with the reason.
 */
export function mapChange(change: CouchChange): ChangeOutcome {
  if (change.id.startsWith('_design/')) return { kind: 'skip', why: 'design' };
  if (change.deleted === true || change.doc?._deleted === true) return { kind: 'skip', why: 'deleted' };
  const doc = change.doc;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { kind: 'invalid', reason: 'malformed: the change carries no document (include_docs)' };
  // CouchDB's own fields (_id, _rev, _attachments, _conflicts, …) are not part of the envelope; _id is its id.
  const candidate: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_')) candidate[k] = v;
  candidate.id = doc._id ?? change.id;
  const parsed = parseEvent(candidate);
  if (!parsed.ok) return { kind: 'invalid', reason: `malformed: ${parsed.reason}` };
  const event = parsed.event;
  if (event.source !== TICKETS_SOURCE) return { kind: 'invalid', reason: `wrong source: ${event.source} (this feed carries ${TICKETS_SOURCE} only)` };
  if (!event.type.startsWith('ticket.')) return { kind: 'invalid', reason: `wrong type: ${event.type} (this feed carries ticket.* only)` };
  const bytes = Buffer.byteLength(JSON.stringify(event), 'utf8');
  if (bytes > MAX_EVENT_BYTES) return { kind: 'invalid', reason: `oversized: ${bytes} bytes > ${MAX_EVENT_BYTES}` };
  return { kind: 'event', event };
}

/** The dead-letter message (the shape of cs.deadletter in backend/ports/eventBus.ts), with where the document came from. */
export function deadLetter(topic: string, reason: string, change: CouchChange, database: string, at = Date.now()) {
  return { topic, reason, record: { database, id: change.id, seq: change.seq, doc: summarize(change.doc) }, at };
}

function summarize(raw: unknown): unknown {
  try {
    const json = JSON.stringify(raw);
    if (json === undefined) return String(raw);
    return json.length <= MAX_DEADLETTER_RECORD_CHARS ? raw : { truncated: true, bytes: Buffer.byteLength(json, 'utf8'), prefix: json.slice(0, 1024) };
  } catch {
    return { unserializable: true };
  }
}

/** CouchDB sequences are opaque ("12-g1AAAA…" on CouchDB 2+, a number on PouchDB); the gauge shows the numeric prefix. */
export function seqNumber(seq: unknown): number {
  const n = typeof seq === 'number' ? seq : Number.parseInt(String(seq), 10);
  return Number.isFinite(n) ? n : 0;
}

export function createTicketsWorkerMetrics(registry: Registry = new Registry()) {
  const registers = [registry];
  return {
    registry,
    published: new Counter({ name: 'cs360_tickets_worker_published_total', help: 'support_tickets documents published to Kafka (acknowledged)', registers }),
    deadLettered: new Counter({ name: 'cs360_tickets_worker_deadletter_total', help: 'support_tickets documents sent to the dead-letter topic', registers }),
    skipped: new Counter({ name: 'cs360_tickets_worker_skipped_total', help: 'Changes not published: design documents and deletions', labelNames: ['why'], registers }),
    errors: new Counter({ name: 'cs360_tickets_worker_errors_total', help: 'Failed rounds (CouchDB or Kafka unavailable), retried with backoff', labelNames: ['dependency'], registers }),
    lastSeq: new Gauge({ name: 'cs360_tickets_worker_last_seq', help: 'Numeric prefix of the last checkpointed _changes sequence', registers }),
    healthy: new Gauge({ name: 'cs360_tickets_worker_healthy', help: '1 while the last round reached CouchDB and Kafka, 0 while retrying', registers }),
  };
}
export type TicketsWorkerMetrics = ReturnType<typeof createTicketsWorkerMetrics>;

export interface CouchTicketsWorkerOptions {
  /** CouchDB base URL; user:password in it become Basic auth. */
  couchdbUrl: string;
  database: string;
  brokers: string[];
  topic: string;
  deadLetterTopic: string;
  log: Logger;
  metrics?: TicketsWorkerMetrics;
  /** Changes per batch (one Kafka send, one checkpoint). */
  batchSize?: number;
  /** How long one longpoll request waits for a change (CouchDB caps it at 60 s). */
  longpollMs?: number;
  /** Backoff after a failed round: base, doubled per failure, capped. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  clientId?: string;
  fetch?: typeof fetch;
  /** Replaces the Kafka producer (tests). */
  producer?: MessageSink;
  /** What a change becomes (default: a ticket envelope, mapChange); the notes worker maps notes. */
  mapChange?: (change: CouchChange) => ChangeOutcome;
  /** The `_local` document holding the position (default CHECKPOINT_ID). */
  checkpointId?: string;
}

/** What the worker needs of a Kafka producer: send resolves once the broker acknowledged every message. */
export interface MessageSink {
  send(request: { messages: { topic: string; key?: string; value: string }[] }): Promise<unknown>;
  /** A round trip naming the topics: fails while the broker is down or a topic is missing. */
  metadata(request: { topics: string[] }): Promise<unknown>;
  close(): Promise<unknown>;
}

export interface TicketsWorkerStatus {
  running: boolean;
  /** The last checkpointed sequence (null before the first checkpoint). */
  checkpoint: unknown;
  published: number;
  deadLettered: number;
  /** The failure of the last round, until a round succeeds again. */
  lastError: string | null;
}

class DependencyError extends Error {
  constructor(
    readonly dependency: 'couchdb' | 'kafka',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Follows `_changes` (longpoll) and publishes to Kafka; see the file comment for the guarantees. */
export class CouchTicketsWorker {
  private readonly base: string;
  private readonly auth: string | undefined;
  private readonly fetchFn: typeof fetch;
  private readonly metrics: TicketsWorkerMetrics;
  private readonly producer: MessageSink;
  private readonly stopCtrl = new AbortController();
  private loop: Promise<void> | null = null;
  private since: unknown = null;
  private checkpointRev: string | undefined;
  /** A sequence Kafka acknowledged whose checkpoint write failed: written before the next fetch. */
  private pendingCheckpoint: unknown = undefined;
  private readonly state: TicketsWorkerStatus = { running: false, checkpoint: null, published: 0, deadLettered: 0, lastError: null };

  constructor(private readonly options: CouchTicketsWorkerOptions) {
    const url = new URL(options.couchdbUrl);
    if (url.username) this.auth = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
    this.base = `${url.toString().replace(/\/+$/, '')}/${encodeURIComponent(options.database)}`;
    this.fetchFn = options.fetch ?? fetch;
    this.metrics = options.metrics ?? createTicketsWorkerMetrics();
    this.producer =
      options.producer ??
      new Producer<string, string, string, string>({
        clientId: options.clientId ?? 'cs360-tickets-worker',
        bootstrapBrokers: options.brokers,
        serializers: stringSerializers,
        // Resolves once every in-sync replica has the batch: only then is the checkpoint moved.
        acks: -1,
        retries: 3,
        retryDelay: 250,
        timeout: 5000,
      });
  }

  /** Starts following the feed; never throws (failures are logged and retried with backoff). */
  start(): this {
    if (!this.loop) {
      this.state.running = true;
      this.loop = this.run().finally(() => {
        this.state.running = false;
      });
    }
    return this;
  }

  status(): TicketsWorkerStatus {
    return { ...this.state };
  }

  /** Ends the longpoll in progress, lets a batch being published finish (and be checkpointed), closes Kafka. */
  async stop(): Promise<void> {
    this.stopCtrl.abort();
    await this.loop;
    await this.producer.close().catch(() => undefined);
  }

  private get checkpointId(): string {
    return this.options.checkpointId ?? CHECKPOINT_ID;
  }

  private get stopping(): boolean {
    return this.stopCtrl.signal.aborted;
  }

  private async run(): Promise<void> {
    const log = this.options.log;
    const retryBase = this.options.retryBaseMs ?? 500;
    const retryMax = this.options.retryMaxMs ?? 30_000;
    let failures = 0;
    while (!this.stopping) {
      try {
        if (this.since === null) {
          await this.ensureDatabase();
          const since = await this.readCheckpoint();
          try {
            await this.producer.metadata({ topics: [this.options.topic, this.options.deadLetterTopic] });
          } catch (err) {
            throw new DependencyError('kafka', `Kafka at ${this.options.brokers.join(',')} cannot serve ${this.options.topic} and ${this.options.deadLetterTopic} (broker down, or topics missing): ${(err as Error).message}`, { cause: err });
          }
          this.since = since;
          this.metrics.healthy.set(1);
          log.info({ database: this.options.database, since: this.since, topic: this.options.topic }, 'tickets worker: following _changes');
        }
        if (this.pendingCheckpoint !== undefined) await this.writeCheckpoint(this.pendingCheckpoint);
        await this.round();
        if (failures > 0) log.info({ database: this.options.database, failures }, 'tickets worker: CouchDB and Kafka reachable again');
        failures = 0;
        this.state.lastError = null;
        this.metrics.healthy.set(1);
      } catch (err) {
        if (this.stopping) break;
        failures++;
        const delay = Math.min(retryBase * 2 ** (failures - 1), retryMax);
        const dependency = err instanceof DependencyError ? err.dependency : 'couchdb';
        this.state.lastError = (err as Error).message;
        this.metrics.errors.inc({ dependency });
        this.metrics.healthy.set(0);
        log.error({ err, dependency, attempt: failures, retryInMs: delay }, `tickets worker: ${(err as Error).message}; retrying`);
        await this.sleep(delay);
      }
    }
  }

  /** One longpoll, one Kafka batch, one checkpoint. */
  private async round(): Promise<void> {
    const { results, last_seq: lastSeq } = await this.changes();
    if (results.length === 0) {
      // A longpoll that timed out: nothing to publish, and the position did not move.
      return;
    }
    const messages: { topic: string; key?: string; value: string }[] = [];
    let events = 0;
    let dead = 0;
    for (const change of results) {
      const out = (this.options.mapChange ?? mapChange)(change);
      if (out.kind === 'event') {
        messages.push({ topic: this.options.topic, key: out.event.customer_id, value: JSON.stringify(out.event) });
        events++;
      } else if (out.kind === 'invalid') {
        this.options.log.warn({ reason: out.reason, id: change.id, seq: change.seq, database: this.options.database }, 'tickets worker: document dead-lettered');
        messages.push({ topic: this.options.deadLetterTopic, value: JSON.stringify(deadLetter(this.options.topic, out.reason, change, this.options.database)) });
        dead++;
      } else {
        this.metrics.skipped.inc({ why: out.why });
      }
    }
    if (messages.length > 0) {
      try {
        await this.producer.send({ messages });
      } catch (err) {
        throw new DependencyError('kafka', `Kafka at ${this.options.brokers.join(',')} did not acknowledge ${messages.length} messages: ${(err as Error).message}`, { cause: err });
      }
    }
    // Acknowledged: from here on, this process never sends these again, even if the checkpoint write fails.
    this.since = lastSeq;
    this.state.published += events;
    this.state.deadLettered += dead;
    this.metrics.published.inc(events);
    this.metrics.deadLettered.inc(dead);
    this.pendingCheckpoint = lastSeq;
    await this.writeCheckpoint(lastSeq);
  }

  /**
   * A request to the database, ended by `signal` (default: a 10 s timeout) and by stop() — except the
   * checkpoint's requests (`finishOnStop`): a batch Kafka acknowledged is checkpointed even while stopping.
   */
  private async couch(path: string, init: { method?: string; body?: string; signal?: AbortSignal; finishOnStop?: boolean } = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) };
    if (this.auth) headers.authorization = this.auth;
    const own = init.signal ?? AbortSignal.timeout(10_000);
    const signal = init.finishOnStop ? own : AbortSignal.any([this.stopCtrl.signal, own]);
    try {
      return await this.fetchFn(`${this.base}${path}`, { method: init.method, body: init.body, headers, signal });
    } catch (err) {
      throw new DependencyError('couchdb', `CouchDB at ${this.base} is unreachable: ${(err as Error).message}`, { cause: err });
    }
  }

  private async ensureDatabase(): Promise<void> {
    const head = await this.couch('', { method: 'GET' });
    if (head.status === 200) return;
    if (head.status !== 404) throw new DependencyError('couchdb', `CouchDB database ${this.base} answered ${head.status}: ${await head.text()}`);
    // Writers may start after the worker: create it (201/202; 412 if someone else just did).
    const put = await this.couch('', { method: 'PUT' });
    if (put.status !== 201 && put.status !== 202 && put.status !== 412) throw new DependencyError('couchdb', `creating CouchDB database ${this.base} failed: ${put.status} ${await put.text()}`);
    this.options.log.info({ database: this.options.database }, 'tickets worker: created the CouchDB database');
  }

  private async readCheckpoint(): Promise<unknown> {
    const res = await this.couch(`/${this.checkpointId}`);
    if (res.status === 404) {
      await res.body?.cancel();
      return 0;
    }
    if (res.status !== 200) throw new DependencyError('couchdb', `reading ${this.checkpointId} failed: ${res.status} ${await res.text()}`);
    const doc = (await res.json()) as { _rev?: string; last_seq?: unknown };
    this.checkpointRev = doc._rev;
    this.state.checkpoint = doc.last_seq ?? null;
    this.metrics.lastSeq.set(seqNumber(doc.last_seq));
    return doc.last_seq ?? 0;
  }

  private async writeCheckpoint(seq: unknown): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const body = JSON.stringify({ _rev: this.checkpointRev, last_seq: seq, topic: this.options.topic, updated_at: new Date().toISOString() });
      const res = await this.couch(`/${this.checkpointId}`, { method: 'PUT', body, finishOnStop: true });
      if (res.status === 201 || res.status === 200) {
        this.checkpointRev = ((await res.json()) as { rev?: string }).rev;
        this.pendingCheckpoint = undefined;
        this.state.checkpoint = seq;
        this.metrics.lastSeq.set(seqNumber(seq));
        return;
      }
      if (res.status === 409 && attempt === 0) {
        // Our revision is stale (the document was rewritten elsewhere): take the current one, write again.
        const cur = await this.couch(`/${this.checkpointId}`, { finishOnStop: true });
        this.checkpointRev = cur.status === 200 ? ((await cur.json()) as { _rev?: string })._rev : undefined;
        continue;
      }
      throw new DependencyError('couchdb', `writing ${this.checkpointId} failed: ${res.status} ${await res.text()}`);
    }
  }

  private async changes(): Promise<{ results: CouchChange[]; last_seq: unknown }> {
    const longpollMs = this.options.longpollMs ?? 30_000;
    const q = new URLSearchParams({ feed: 'longpoll', include_docs: 'true', since: String(this.since), limit: String(this.options.batchSize ?? 500), timeout: String(longpollMs) });
    // CouchDB answers an idle longpoll after `timeout` with no results; pouchdb-server ignores the
    // parameter and holds the request until a change comes. Ending it ourselves is the same empty answer.
    const idle = AbortSignal.timeout(longpollMs + 5000);
    let body: { results?: CouchChange[]; last_seq?: unknown };
    try {
      const res = await this.couch(`/_changes?${q.toString()}`, { signal: idle });
      if (res.status !== 200) {
        if (res.status === 404) this.since = null; // the database went away: create it again, start from its checkpoint
        throw new DependencyError('couchdb', `_changes of ${this.base} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      }
      body = (await res.json()) as typeof body;
    } catch (err) {
      if (idle.aborted && !this.stopping) return { results: [], last_seq: this.since };
      if (err instanceof DependencyError) throw err;
      throw new DependencyError('couchdb', `_changes of ${this.base} failed: ${(err as Error).message}`, { cause: err });
    }
    if (!Array.isArray(body.results) || body.last_seq === undefined) throw new DependencyError('couchdb', `_changes of ${this.base} returned no results/last_seq`);
    return { results: body.results, last_seq: body.last_seq };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.stopCtrl.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.stopCtrl.signal.addEventListener('abort', done, { once: true });
    });
  }
}

/** The config section the worker reads (backend/config/schema.ts `ticketsWorker`, plus the Kafka brokers and topic suffix of `stack.kafka`). */
export interface TicketsWorkerConfig {
  ticketsWorker: { couchdbUrl: string; database: string; topic: string; deadLetterTopic: string; batchSize: number };
  stack: { kafka: { brokers: string[]; topicSuffix: string } };
}

/**
 * Starts the worker inside a process (the app in stack mode, or the standalone entry
 * couchTicketsWorkerMain.ts). Topic names get stack.kafka.topicSuffix appended, as the Events port's do.
 */
export function startCouchTicketsWorker(config: TicketsWorkerConfig, log: Logger, registry?: Registry): CouchTicketsWorker {
  const c = config.ticketsWorker;
  const suffix = config.stack.kafka.topicSuffix;
  return new CouchTicketsWorker({
    couchdbUrl: c.couchdbUrl,
    database: c.database,
    brokers: config.stack.kafka.brokers,
    topic: `${c.topic}${suffix}`,
    deadLetterTopic: `${c.deadLetterTopic}${suffix}`,
    batchSize: c.batchSize,
    log: log.child({ worker: 'couch-tickets' }),
    metrics: createTicketsWorkerMetrics(registry),
  }).start();
}
