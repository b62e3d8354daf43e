import { Consumer, FetchIsolationLevels, type Message, type MessagesStream, stringDeserializers } from '@platformatic/kafka';
import type { Logger } from '../logger';
import { applyRecords, type DeadLetter } from './applyRecords';
import type { Projection } from './projection';
import type { ProjectorMetrics } from './projectorMetrics';

type KMessage = Message<string, string, string, string>;
type KConsumer = Consumer<string, string, string, string>;

export interface CaseProjectorOptions {
  brokers: string[];
  /** The upsert-kafka topic consumed (`cs_case_changes` or `cs_customer_stats`, plus the deployment's suffix). */
  topic: string;
  /** The projector's own consumer group: two projectors with the same group share the partitions. */
  groupId: string;
  clientId?: string;
  /** What the topic's records become in Cassandra (caseProjection, statsProjection). */
  projection: Projection;
  deadletter(entry: DeadLetter): Promise<void>;
  log: Logger;
  metrics: ProjectorMetrics;
  /** Records applied between two commits of a partition. Default 500. */
  batchSize?: number;
  /** Records received but not applied above which fetching pauses. Default 5000. */
  maxInFlight?: number;
  /** Backoff of a failed write. Default 250 ms doubling to 15 s. */
  retry?: { baseMs: number; maxMs: number };
  /** How often cs360_projector_lag is refreshed. Default 5 s; 0 turns it off. */
  lagIntervalMs?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** How long stop() lets the batch in progress finish (and commit) before abandoning it uncommitted. Default 5 s. */
  stopGraceMs?: number;
}

/** Closes a consumer even with a stream open; errors are irrelevant at that point. */
const forceClose = (c: KConsumer) => new Promise<void>((resolve) => c.close(true, () => resolve()));
const delay = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * The projector's consumer loop for one upsert-kafka topic: `cs_case_changes` → cs.customer_case
 * (caseProjection) or `cs_customer_stats` → cs.customer_stats (statsProjection); the process runs one
 * per topic (startProjector.ts).
 *
 * - One consumer in its own group, manual commits, read_committed (a transactional Flink sink's
 *   aborted records are never applied). A new group starts at the earliest offset: the topic is the
 *   whole changelog of its table.
 * - Per partition, records are applied in batches (applyRecords: per key in order, keys concurrently);
 *   the batch's last offset is committed only after every record of it was written to Cassandra or
 *   dead-lettered. A restart resumes after the last commit and re-applies at most one batch per
 *   partition, which the version rule makes harmless.
 * - Cassandra (or the dead-letter topic) unavailable: the batch is retried with capped backoff,
 *   nothing is committed, fetching pauses when maxInFlight records wait.
 * - A consumer that fails (broker gone) is rebuilt with backoff until stop().
 */
export class CaseProjector {
  /** Resolves when the first consumer has joined its group (or the projector stopped first). */
  readonly ready: Promise<void>;
  /** Records handled (applied, skipped or dead-lettered) and committed, since start. */
  readonly stats = { records: 0, batches: 0, commitFailures: 0 };

  private readonly o: Required<Omit<CaseProjectorOptions, 'clientId'>> & { clientId: string };
  private active = true;
  private markReady!: () => void;
  private readonly loop: Promise<void>;
  private consumer?: KConsumer;
  private stream?: MessagesStream<string, string, string, string>;
  /** Stops workers of the current consumer (stream failed, or stop() after its grace). */
  private abort = new AbortController();
  private readonly queues = new Map<number, KMessage[]>();
  private readonly workers = new Map<number, Promise<void>>();
  /** Per partition: aborted when a rebalance takes the partition away. */
  private readonly revoked = new Map<number, AbortController>();
  private queued = 0;
  private paused = false;
  /** Next offset to apply per partition: the last commit, or the first record received. For the lag gauge. */
  private readonly position = new Map<number, bigint>();
  private lagTimer?: NodeJS.Timeout;
  private stopping?: Promise<void>;
  /** Aborted by stop(): cuts the backoff between two consumer attempts short. */
  private readonly stopped = new AbortController();

  constructor(options: CaseProjectorOptions) {
    this.o = {
      clientId: 'cs360-case-projector',
      batchSize: 500,
      maxInFlight: 5000,
      retry: { baseMs: 250, maxMs: 15_000 },
      lagIntervalMs: 5000,
      sessionTimeoutMs: 10_000,
      heartbeatIntervalMs: 1000,
      stopGraceMs: 5000,
      ...options,
    };
    this.ready = new Promise<void>((r) => (this.markReady = r));
    this.loop = this.run();
  }

  /** Stops fetching, lets the batches in progress finish and commit (within stopGraceMs), leaves the group. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.active = false;
      this.stopped.abort();
      clearInterval(this.lagTimer);
      this.stream?.pause();
      // Records not started stay uncommitted: the next member of the group applies them.
      this.queues.clear();
      this.queued = 0;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...this.workers.values()]), new Promise((r) => (timer = setTimeout(r, this.o.stopGraceMs)))]);
      clearTimeout(timer);
      this.abort.abort();
      await Promise.allSettled([...this.workers.values()]);
      await this.stream?.close().catch(() => undefined);
      if (this.consumer) await forceClose(this.consumer);
      await this.loop;
      this.o.log.info({ topic: this.o.topic, groupId: this.o.groupId, ...this.stats }, 'case projector stopped');
    })();
    return this.stopping;
  }

  // -------------------------------------------------------------------------------------------------

  private async run(): Promise<void> {
    const { log, topic, groupId } = this.o;
    for (let attempt = 0; this.active; attempt++) {
      const consumer = new Consumer<string, string, string, string>({
        clientId: this.o.clientId,
        bootstrapBrokers: this.o.brokers,
        groupId,
        deserializers: stringDeserializers,
        autocommit: false,
        isolationLevel: FetchIsolationLevels.READ_COMMITTED,
        sessionTimeout: this.o.sessionTimeoutMs,
        heartbeatInterval: this.o.heartbeatIntervalMs,
        maxWaitTime: 500,
        retries: 3,
        retryDelay: 500,
      });
      this.consumer = consumer;
      this.abort = new AbortController();
      consumer.on('consumer:group:join', ({ assignments }) => this.onAssigned((assignments ?? []).find((a) => a.topic === topic)?.partitions ?? []));
      try {
        const stream = await consumer.consume({ topics: [topic], mode: 'committed', fallbackMode: 'earliest', autocommit: false });
        this.stream = stream;
        if (!this.active) break;
        attempt = 0;
        log.info({ topic, groupId, assignments: consumer.assignments }, 'case projector consuming');
        this.markReady();
        this.startLag(consumer);
        await new Promise<void>((resolve) => {
          stream.on('data', (m: KMessage) => this.receive(m));
          stream.once('error', (err: Error) => {
            if (this.active) log.warn({ err, topic }, 'case projector: kafka stream failed; rebuilding the consumer');
            resolve();
          });
          stream.once('close', () => resolve());
        });
      } catch (err) {
        if (this.active) {
          const missing = /unknown topic/i.test((err as Error).message);
          log.warn({ err, topic, groupId, attempt }, missing ? `case projector: topic ${topic} does not exist yet (stack/kafka/topics.txt or the Flink job creates it); retrying` : 'case projector: could not join the consumer group; retrying');
        }
      }
      clearInterval(this.lagTimer);
      if (!this.active) break;
      // The old consumer's workers must be done before a new one receives the same partitions.
      this.abort.abort();
      await Promise.allSettled([...this.workers.values()]);
      this.queues.clear();
      this.queued = 0;
      this.paused = false;
      this.position.clear();
      this.stream = undefined;
      await forceClose(consumer);
      await delay(Math.min(500 * 2 ** attempt, 10_000), this.stopped.signal);
    }
    this.markReady();
  }

  private receive(m: KMessage): void {
    if (!this.active) return;
    let q = this.queues.get(m.partition);
    if (!q) this.queues.set(m.partition, (q = []));
    q.push(m);
    if (!this.position.has(m.partition)) this.position.set(m.partition, m.offset);
    if (++this.queued >= this.o.maxInFlight && !this.paused) {
      this.paused = true;
      this.stream?.pause();
    }
    if (!this.workers.has(m.partition)) this.startWorker(m.partition);
  }

  private startWorker(partition: number): void {
    let ctl = this.revoked.get(partition);
    if (!ctl || ctl.signal.aborted) this.revoked.set(partition, (ctl = new AbortController()));
    const consumerSignal = this.abort.signal;
    const w = this.drain(partition, AbortSignal.any([consumerSignal, ctl.signal])).finally(() => {
      if (this.workers.get(partition) !== w) return;
      this.workers.delete(partition);
      // Records of a partition revoked and assigned back while this worker was winding down.
      if (this.active && !consumerSignal.aborted && this.queues.get(partition)?.length) this.startWorker(partition);
    });
    this.workers.set(partition, w);
  }

  /**
   * A rebalance moved partitions: stop applying the ones this member lost (their uncommitted records
   * go to the new owner), so two members do not write the same row at once.
   */
  private onAssigned(partitions: number[]): void {
    const kept = new Set(partitions);
    for (const p of new Set([...this.queues.keys(), ...this.workers.keys()])) {
      if (kept.has(p)) continue;
      this.queued -= this.queues.get(p)?.length ?? 0;
      this.queues.delete(p);
      this.position.delete(p);
      this.revoked.get(p)?.abort();
      this.o.log.info({ topic: this.o.topic, partition: p }, 'case projector: partition revoked; its uncommitted records are left to the new owner');
    }
    this.maybeResume();
  }

  private maybeResume(): void {
    if (this.paused && this.active && this.queued <= this.o.maxInFlight / 2) {
      this.paused = false;
      this.stream?.resume();
    }
  }

  /** Applies a partition's queue batch by batch, committing after each. */
  private async drain(partition: number, signal: AbortSignal): Promise<void> {
    const { log, topic } = this.o;
    // Let the rest of this fetch arrive, so the first batch is not a single record.
    await Promise.resolve();
    for (let q = this.queues.get(partition); q?.length && this.active && !signal.aborted; q = this.queues.get(partition)) {
      const batch = q.splice(0, this.o.batchSize);
      this.queued -= batch.length;
      this.maybeResume();
      const records = batch.map((m) => ({ topic: m.topic, partition: m.partition, offset: m.offset, key: m.key, value: m.value }));
      const done = await applyRecords(records, { projection: this.o.projection, deadletter: (e) => this.o.deadletter(e), log, metrics: this.o.metrics, retry: this.o.retry }, signal);
      if (!done) return;
      const last = batch[batch.length - 1] as KMessage;
      try {
        await last.commit();
        this.position.set(partition, last.offset + 1n);
      } catch (err) {
        // Not fatal: after a rebalance or restart the batch is applied again, idempotently.
        this.stats.commitFailures++;
        log.warn({ err, topic, partition, offset: last.offset.toString() }, 'case projector: offset commit failed');
      }
      this.stats.records += batch.length;
      this.stats.batches++;
    }
  }

  private startLag(consumer: KConsumer): void {
    if (this.o.lagIntervalMs <= 0) return;
    clearInterval(this.lagTimer);
    this.lagTimer = setInterval(() => void this.refreshLag(consumer), this.o.lagIntervalMs);
    this.lagTimer.unref();
  }

  private async refreshLag(consumer: KConsumer): Promise<void> {
    const { topic } = this.o;
    try {
      const assigned = (consumer.assignments ?? []).find((a) => a.topic === topic)?.partitions ?? [];
      if (!assigned.length) return this.o.metrics.setLag(new Map());
      const latest = (await consumer.listOffsets({ topics: [topic], isolationLevel: FetchIsolationLevels.READ_COMMITTED })).get(topic) ?? [];
      const unknown = assigned.filter((p) => !this.position.has(p));
      const committed = unknown.length ? ((await consumer.listCommittedOffsets({ topics: [{ topic, partitions: unknown }] })).get(topic) ?? []) : [];
      const lag = new Map<number, number>();
      for (const p of assigned) {
        const end = latest[p];
        if (end === undefined) continue;
        const c = committed[p];
        const at = this.position.get(p) ?? (c !== undefined && c >= 0n ? c : end);
        lag.set(p, Number(end > at ? end - at : 0n));
      }
      this.o.metrics.setLag(lag);
    } catch (err) {
      this.o.log.debug({ err, topic }, 'case projector: lag not refreshed');
    }
  }
}
