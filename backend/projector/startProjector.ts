import { Registry } from 'prom-client';
import { CassandraCaseStore } from '../adapters/stack/cassandraCaseStore';
import { KafkaBus } from '../adapters/stack/kafkaBus';
import type { AppConfig } from '../config/schema';
import type { Logger } from '../logger';
import type { EventBus } from '../ports/eventBus';
import { CaseProjector, type CaseProjectorOptions } from './caseProjector';
import { caseProjection, type CaseRows } from './caseWriter';
import type { Projection } from './projection';
import { createProjectorMetrics } from './projectorMetrics';
import { statsProjection, type StatsRows } from './statsWriter';

export interface RunningProjector {
  /** cs_case_changes → cs.customer_case. */
  projector: CaseProjector;
  /** cs_customer_stats → cs.customer_stats: the same loop on the other topic, in its own consumer group. */
  statsProjector: CaseProjector;
  /** The case topic consumed (projector.topic + stack.kafka.topicSuffix). */
  topic: string;
  /** The stats topic consumed (projector.statsTopic + stack.kafka.topicSuffix). */
  statsTopic: string;
  /** Resolves when both loops have joined their groups (or stopped first). */
  ready: Promise<void>;
  /** Stops both loops, then closes what it opened itself (not what the caller passed in). */
  stop(): Promise<void>;
}

export interface StartProjectorOptions {
  /** The app's registry; the projector's metrics are added to it. Default: a registry of its own. */
  registry?: Registry;
  /** Where to write (the app's open CassandraCaseStore). Default: a CassandraCaseStore opened from config.stack.cassandra. */
  caseStore?: CaseRows & StatsRows;
  /** The Events port for cs.deadletter (the app's). Default: a Kafka producer opened from config.stack.kafka. */
  bus?: EventBus;
  /** Tuning (tests: small batches, short backoff). */
  tuning?: Partial<Pick<CaseProjectorOptions, 'maxInFlight' | 'retry' | 'lagIntervalMs' | 'sessionTimeoutMs' | 'heartbeatIntervalMs' | 'stopGraceMs'>>;
}

/**
 * Starts the case projector of stack mode from the typed config: in its own process (main.ts) or
 * inside the backend (app.ts, when `projector.enabled`), where it reuses the app's Cassandra store,
 * event bus and metrics registry. Two instances of one consumer loop: case changes in consumer group
 * projector.groupId, customer stats in `<groupId>.<statsTopic>` (each topic's offsets and lag its
 * own; an absent stats topic does not hold the cases up). Fails when Cassandra or Kafka does not
 * answer; after that, outages are retried (see CaseProjector).
 */
export async function startCaseProjector(config: AppConfig, log: Logger, opts: StartProjectorOptions = {}): Promise<RunningProjector> {
  const { cassandra, kafka } = config.stack;
  const p = config.projector;
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const c of closers.reverse()) await c().catch((err: unknown) => log.warn({ err }, 'case projector: closing a connection failed'));
  };
  try {
    let store = opts.caseStore;
    if (!store) {
      const opened = await CassandraCaseStore.open({ contactPoints: cassandra.contactPoints, localDataCenter: cassandra.localDataCenter, keyspace: cassandra.keyspace });
      closers.push(opened.close);
      store = opened.store;
    }
    let bus = opts.bus;
    if (!bus) {
      // Only its producer is used (cs.deadletter); nothing is subscribed.
      const opened = await KafkaBus.open({ brokers: kafka.brokers, groupId: p.groupId, clientId: 'cs360-case-projector', topicSuffix: kafka.topicSuffix, logger: log });
      closers.push(() => opened.close());
      bus = opened;
    }
    const deadletterBus = bus;
    const registry = opts.registry ?? new Registry();
    const loop = (topic: string, groupId: string, projection: Projection) =>
      new CaseProjector({
        brokers: kafka.brokers,
        topic,
        groupId,
        projection,
        deadletter: (entry) => deadletterBus.publish('cs.deadletter', entry),
        log: log.child({ component: 'case-projector', table: projection.table }),
        metrics: createProjectorMetrics(topic, registry),
        batchSize: p.batchSize,
        ...opts.tuning,
      });
    const topic = `${p.topic}${kafka.topicSuffix}`;
    const statsTopic = `${p.statsTopic}${kafka.topicSuffix}`;
    const statsGroupId = `${p.groupId}.${p.statsTopic}`;
    const projector = loop(topic, p.groupId, caseProjection(store));
    const statsProjector = loop(statsTopic, statsGroupId, statsProjection(store));
    log.info({ topic, statsTopic, groupId: p.groupId, statsGroupId, keyspace: cassandra.keyspace }, 'case projector started');
    return {
      projector,
      statsProjector,
      topic,
      statsTopic,
      ready: Promise.all([projector.ready, statsProjector.ready]).then(() => undefined),
      async stop() {
        await Promise.all([projector.stop(), statsProjector.stop()]);
        await closeAll();
      },
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
