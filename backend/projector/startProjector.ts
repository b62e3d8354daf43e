import type { Registry } from 'prom-client';
import { CassandraCaseStore } from '../adapters/stack/cassandraCaseStore';
import { KafkaBus } from '../adapters/stack/kafkaBus';
import type { AppConfig } from '../config/schema';
import type { Logger } from '../logger';
import type { EventBus } from '../ports/eventBus';
import { CaseProjector, type CaseProjectorOptions } from './caseProjector';
import type { CaseRows } from './caseWriter';
import { createProjectorMetrics } from './projectorMetrics';

export interface RunningProjector {
  projector: CaseProjector;
  /** The Kafka topic consumed (projector.topic + stack.kafka.topicSuffix). */
  topic: string;
  /** Stops the projector, then closes what it opened itself (not what the caller passed in). */
  stop(): Promise<void>;
}

export interface StartProjectorOptions {
  /** The app's registry; the projector's metrics are added to it. Default: a registry of its own. */
  registry?: Registry;
  /** Where to write (the app's open CassandraCaseStore). Default: a CassandraCaseStore opened from config.stack.cassandra. */
  caseStore?: CaseRows;
  /** The Events port for cs.deadletter (the app's). Default: a Kafka producer opened from config.stack.kafka. */
  bus?: EventBus;
  /** Tuning (tests: small batches, short backoff). */
  tuning?: Partial<Pick<CaseProjectorOptions, 'maxInFlight' | 'retry' | 'lagIntervalMs' | 'sessionTimeoutMs' | 'heartbeatIntervalMs' | 'stopGraceMs'>>;
}

/**
 * Starts the case projector of stack mode from the typed config: in its own process (main.ts) or
 * inside the backend (app.ts, when `projector.enabled`), where it reuses the app's Cassandra store,
 * event bus and metrics registry. Fails when Cassandra or Kafka does not answer; after that,
 * outages are retried (see CaseProjector).
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
    const topic = `${p.topic}${kafka.topicSuffix}`;
    const projector = new CaseProjector({
      brokers: kafka.brokers,
      topic,
      groupId: p.groupId,
      rows: store,
      deadletter: (entry) => deadletterBus.publish('cs.deadletter', entry),
      log: log.child({ component: 'case-projector' }),
      metrics: createProjectorMetrics(opts.registry),
      batchSize: p.batchSize,
      ...opts.tuning,
    });
    log.info({ topic, groupId: p.groupId, keyspace: cassandra.keyspace }, 'case projector started');
    return {
      projector,
      topic,
      async stop() {
        await projector.stop();
        await closeAll();
      },
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
