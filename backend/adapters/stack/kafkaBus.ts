import { Admin, Consumer, type Message, type MessagesStream, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import type { Logger } from '../../logger';
import type { EventBus, Topic, TopicMessages, Unsubscribe } from '../../ports/eventBus';
import { STACK_DEFAULTS } from '../../../common/stackPorts';

export const DEFAULT_KAFKA_BROKERS = [...STACK_DEFAULTS.kafkaBrokers];

export interface KafkaBusOptions {
  /** Bootstrap brokers, host:port. Default: the runner's broker (common/stackPorts.ts). */
  brokers?: string[];
  /**
   * Consumer group id. Each subscribed topic is consumed by its own member of the group
   * `<groupId>.<topic>` (topics rebalance independently; two processes with the same groupId share
   * each topic's partitions, two different groupIds each see every message).
   */
  groupId: string;
  clientId?: string;
  /** Handler errors, poison messages, commit failures and reconnects are logged here. */
  logger: Logger;
  /** Appended to every port topic name (`cs_timeline` → `cs_timeline<suffix>`): test runs, tenants. */
  topicSuffix?: string;
  /**
   * Create missing topics at open() (the broker has auto.create.topics.enable=false; stack:up creates
   * the real ones from stack/kafka/topics.txt). Only for suffixed/test topics.
   */
  ensureTopics?: { topics: Topic[]; partitions: number };
  /**
   * Where a group with no committed offset starts. Default 'earliest': a subscription made before
   * (or while) messages are published never misses them, at the price of a replay for a new group.
   */
  startFrom?: 'earliest' | 'latest';
  /** Messages received but not yet handled, per topic, above which fetching pauses. Default 500. */
  maxInFlight?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
}

/** Closes a consumer even with a stream open; errors are irrelevant at that point. */
const forceClose = (c: Consumer<string, string, string, string>) => new Promise<void>((resolve) => c.close(true, () => resolve()));

type Handler = (message: never) => void | Promise<void>;
type KMessage = Message<string, string, string, string>;

interface TopicSubscription {
  topic: Topic;
  name: string;
  handlers: Set<Handler>;
  active: boolean;
  /** Resolves when the first consumer of this subscription has joined its group and started fetching. */
  ready: Promise<void>;
  isReady: boolean;
  consumer?: Consumer<string, string, string, string>;
  stream?: MessagesStream<string, string, string, string>;
  /** One promise chain per partition: in order within a partition, partitions in parallel. */
  chains: Map<number, Promise<void>>;
  inFlight: number;
  paused: boolean;
  stopped?: Promise<void>;
}

/**
 * The Events port on Kafka (@platformatic/kafka).
 *
 * - publish: JSON value, keyed by customer id (explicit key, else the message's `customer_id`), so one
 *   customer's events share a partition and keep their order. Resolves once the broker acknowledged.
 * - subscribe: in-process fan-out from one consumer per topic. Messages of a partition are handled one
 *   at a time, every handler of the topic in subscription order; the offset is committed only after
 *   all of them finished (at-least-once: a crash re-delivers what was not committed). A handler that
 *   throws is logged and does not stop the others nor the commit (it is the handler's bug, not a
 *   delivery failure). A consumer that loses the broker is rebuilt with backoff until close().
 * - A fresh group starts at the earliest offset (startFrom), an existing one at its committed offset;
 *   publish() first awaits (≤ 5 s) the same topic's subscription still joining on this bus, so a
 *   publish that follows subscribe() does not wait for the group join on the delivery side.
 */
export class KafkaBus implements EventBus {
  private readonly subs = new Map<Topic, TopicSubscription>();
  private readonly stopping = new Set<Promise<void>>();
  private closed = false;

  private constructor(
    private readonly options: Required<Pick<KafkaBusOptions, 'brokers' | 'groupId' | 'clientId' | 'topicSuffix' | 'startFrom' | 'maxInFlight' | 'sessionTimeoutMs' | 'heartbeatIntervalMs'>> & { logger: Logger },
    private readonly producer: Producer<string, string, string, string>,
  ) {}

  /** Connects (fails with the broker's address when it is unreachable) and creates ensureTopics. */
  static async open(opts: KafkaBusOptions): Promise<KafkaBus> {
    const options = {
      brokers: opts.brokers ?? DEFAULT_KAFKA_BROKERS,
      groupId: opts.groupId,
      clientId: opts.clientId ?? 'cs360-backend',
      topicSuffix: opts.topicSuffix ?? '',
      startFrom: opts.startFrom ?? 'earliest',
      maxInFlight: opts.maxInFlight ?? 500,
      sessionTimeoutMs: opts.sessionTimeoutMs ?? 10_000,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 1_000,
      logger: opts.logger,
    };
    const base = { clientId: options.clientId, bootstrapBrokers: options.brokers, retries: 3, retryDelay: 250, timeout: 5000 };
    if (opts.ensureTopics) {
      const admin = new Admin(base);
      try {
        const existing = new Set(await admin.listTopics());
        const missing = opts.ensureTopics.topics.map((t) => `${t}${options.topicSuffix}`).filter((n) => !existing.has(n));
        if (missing.length) await admin.createTopics({ topics: missing, partitions: opts.ensureTopics.partitions, replicas: 1 });
      } finally {
        await admin.close();
      }
    }
    const producer = new Producer<string, string, string, string>({ ...base, serializers: stringSerializers, acks: -1 });
    try {
      // A real round trip now, so a broker that is down fails open() instead of the first publish.
      await producer.metadata({ topics: [] });
    } catch (err) {
      await producer.close().catch(() => undefined);
      throw new Error(`Kafka at ${options.brokers.join(',')} is unreachable: ${(err as Error).message}`, { cause: err });
    }
    return new KafkaBus(options, producer);
  }

  /** The Kafka topic name of a port topic. */
  topicName(topic: Topic): string {
    return `${topic}${this.options.topicSuffix}`;
  }

  async publish<T extends Topic>(topic: T, message: TopicMessages[T], key?: string): Promise<void> {
    if (this.closed) throw new Error('event bus is closed');
    const sub = this.subs.get(topic);
    if (sub && !sub.isReady) {
      // Bounded: with the broker down the join never completes, and the send below must fail instead.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([sub.ready, new Promise<void>((r) => (timer = setTimeout(r, 5000)))]).finally(() => clearTimeout(timer));
    }
    const k = key ?? (message as { customer_id?: unknown }).customer_id;
    await this.producer.send({
      messages: [{ topic: this.topicName(topic), key: typeof k === 'string' ? k : undefined, value: JSON.stringify(message) }],
    });
  }

  /** Chunks of 1,000 per produce request: a bulk load (the demo seeding) is bound by the broker, not by round trips. */
  async publishMany<T extends Topic>(topic: T, messages: readonly TopicMessages[T][]): Promise<void> {
    if (this.closed) throw new Error('event bus is closed');
    const name = this.topicName(topic);
    for (let i = 0; i < messages.length; i += 1000) {
      await this.producer.send({
        messages: messages.slice(i, i + 1000).map((m) => {
          const k = (m as { customer_id?: unknown }).customer_id;
          return { topic: name, key: typeof k === 'string' ? k : undefined, value: JSON.stringify(m) };
        }),
      });
    }
  }

  subscribe<T extends Topic>(topic: T, handler: (message: TopicMessages[T]) => void | Promise<void>): Unsubscribe {
    if (this.closed) throw new Error('event bus is closed');
    let sub = this.subs.get(topic);
    if (!sub) {
      sub = this.startSubscription(topic);
      this.subs.set(topic, sub);
    }
    const s = sub;
    s.handlers.add(handler as Handler);
    return () => {
      s.handlers.delete(handler as Handler);
      if (s.handlers.size === 0 && this.subs.get(topic) === s) {
        this.subs.delete(topic);
        const p = this.stopSubscription(s).finally(() => this.stopping.delete(p));
        this.stopping.add(p);
      }
    };
  }

  /** Resolves when every current subscription has joined its group (useful before measuring latency). */
  async whenSubscribed(): Promise<void> {
    await Promise.all([...this.subs.values()].map((s) => s.ready));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const subs = [...this.subs.values()];
    this.subs.clear();
    await Promise.all([...subs.map((s) => this.stopSubscription(s)), ...this.stopping]);
    await this.producer.close();
  }

  // -------------------------------------------------------------------------------------------------

  private startSubscription(topic: Topic): TopicSubscription {
    let markReady!: () => void;
    const sub: TopicSubscription = {
      topic,
      name: this.topicName(topic),
      handlers: new Set(),
      active: true,
      ready: new Promise<void>((r) => (markReady = r)),
      isReady: false,
      chains: new Map(),
      inFlight: 0,
      paused: false,
    };
    void this.runSubscription(sub, () => {
      sub.isReady = true;
      markReady();
    });
    return sub;
  }

  /** Consumes until the subscription stops; a consumer that fails is rebuilt with capped backoff. */
  private async runSubscription(sub: TopicSubscription, markReady: () => void): Promise<void> {
    const log = this.options.logger;
    for (let attempt = 0; sub.active; attempt++) {
      const consumer = new Consumer<string, string, string, string>({
        clientId: this.options.clientId,
        bootstrapBrokers: this.options.brokers,
        groupId: `${this.options.groupId}.${sub.topic}`,
        deserializers: stringDeserializers,
        autocommit: false,
        sessionTimeout: this.options.sessionTimeoutMs,
        heartbeatInterval: this.options.heartbeatIntervalMs,
        maxWaitTime: 500,
        retries: 3,
        retryDelay: 500,
      });
      sub.consumer = consumer;
      try {
        const stream = await consumer.consume({ topics: [sub.name], mode: 'committed', fallbackMode: this.options.startFrom, autocommit: false });
        sub.stream = stream;
        attempt = 0;
        markReady();
        if (!sub.active) break;
        await new Promise<void>((resolve) => {
          stream.on('data', (m: KMessage) => this.receive(sub, m));
          stream.once('error', (err: Error) => {
            if (sub.active) log.warn({ err, topic: sub.name }, 'kafka consumer stream failed; rebuilding it');
            resolve();
          });
          stream.once('close', () => resolve());
        });
      } catch (err) {
        if (sub.active) log.warn({ err, topic: sub.name, attempt }, 'kafka consumer could not join its group; retrying');
      }
      if (!sub.active) break;
      sub.stream = undefined;
      await forceClose(consumer);
      await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** attempt, 10_000)));
    }
    // Anyone awaiting readiness (publish) must not hang on a subscription that never joined.
    markReady();
  }

  private receive(sub: TopicSubscription, m: KMessage): void {
    sub.inFlight++;
    if (!sub.paused && sub.inFlight >= this.options.maxInFlight) {
      sub.paused = true;
      sub.stream?.pause();
    }
    const prev = sub.chains.get(m.partition) ?? Promise.resolve();
    const next = prev
      .then(() => this.handle(sub, m))
      .finally(() => {
        sub.inFlight--;
        if (sub.paused && sub.active && sub.inFlight <= this.options.maxInFlight / 2) {
          sub.paused = false;
          sub.stream?.resume();
        }
        if (sub.chains.get(m.partition) === next) sub.chains.delete(m.partition);
      });
    sub.chains.set(m.partition, next);
  }

  private async handle(sub: TopicSubscription, m: KMessage): Promise<void> {
    const log = this.options.logger;
    // Stopped, or unsubscribed by its last handler: leave the offset uncommitted, the next member of
    // the group handles it.
    if (!sub.active || sub.handlers.size === 0) return;
    const where = { topic: sub.name, partition: m.partition, offset: m.offset.toString() };
    let value: unknown;
    try {
      value = JSON.parse(m.value ?? '');
    } catch (err) {
      // A record nobody can read would block its partition forever: log it and move on.
      log.error({ err, ...where }, 'kafka record is not JSON; skipped');
    }
    if (value !== undefined) {
      for (const handler of [...sub.handlers]) {
        if (!sub.handlers.has(handler)) continue; // unsubscribed meanwhile
        try {
          await (handler as (msg: unknown) => void | Promise<void>)(value);
        } catch (err) {
          log.error({ err, ...where }, 'event handler failed');
        }
      }
    }
    if (!sub.active) return;
    try {
      await m.commit();
    } catch (err) {
      // Not fatal: the message is delivered again after a rebalance or restart (at-least-once).
      log.warn({ err, ...where }, 'kafka offset commit failed');
    }
  }

  /** Stops fetching, lets handlers in progress finish (and commit), then leaves the group. */
  private async stopSubscription(sub: TopicSubscription): Promise<void> {
    sub.stopped ??= (async () => {
      if (!sub.isReady) {
        // Still joining (or the broker is down): abort the attempt; nothing was received yet.
        sub.active = false;
        if (sub.consumer) await forceClose(sub.consumer);
      }
      await sub.ready;
      sub.stream?.pause();
      await Promise.allSettled([...sub.chains.values()]);
      sub.active = false;
      await sub.stream?.close().catch(() => undefined);
      if (sub.consumer) await forceClose(sub.consumer);
    })();
    return sub.stopped;
  }
}
