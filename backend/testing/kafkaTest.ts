import { Admin, Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import { KAFKA_BROKERS } from './stackTestApp';

/** Kafka helpers for stack tests: throwaway topics, producing records, reading a topic to a condition. */

export async function createTopics(names: string[], partitions = 1): Promise<void> {
  const admin = new Admin({ clientId: 'cs360-test-admin', bootstrapBrokers: KAFKA_BROKERS });
  try {
    const existing = new Set(await admin.listTopics());
    const missing = names.filter((n) => !existing.has(n));
    if (missing.length) await admin.createTopics({ topics: missing, partitions, replicas: 1 });
  } finally {
    await admin.close();
  }
}

export async function deleteTopics(names: string[]): Promise<void> {
  const admin = new Admin({ clientId: 'cs360-test-admin', bootstrapBrokers: KAFKA_BROKERS });
  try {
    const existing = new Set(await admin.listTopics());
    const present = names.filter((n) => existing.has(n));
    if (present.length) await admin.deleteTopics({ topics: present });
  } finally {
    await admin.close();
  }
}

/** Produces each value (a string, sent as is) in order, with its key; waits for every ack. */
export async function produce(topic: string, records: { key?: string; value: string }[]): Promise<void> {
  const producer = new Producer<string, string, string, string>({ clientId: 'cs360-test-producer', bootstrapBrokers: KAFKA_BROKERS, serializers: stringSerializers, acks: -1 });
  try {
    for (const r of records) await producer.send({ messages: [{ topic, key: r.key, value: r.value }] });
  } finally {
    await producer.close();
  }
}

export interface KafkaRecord {
  key: string | null;
  value: string | null;
  offset: bigint;
  partition: number;
}

/**
 * Reads `topic` from the beginning until `done(records)` holds or `timeoutMs` passes; returns what
 * it read either way (the caller's assertions then say what was missing).
 */
export async function readUntil(topic: string, done: (records: KafkaRecord[]) => boolean, timeoutMs: number): Promise<KafkaRecord[]> {
  const consumer = new Consumer<string, string, string, string>({
    clientId: 'cs360-test-reader',
    bootstrapBrokers: KAFKA_BROKERS,
    groupId: `cs360-test-reader-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
    deserializers: stringDeserializers,
    autocommit: false,
    maxWaitTime: 300,
  });
  const records: KafkaRecord[] = [];
  try {
    const stream = await consumer.consume({ topics: [topic], mode: 'earliest', autocommit: false });
    await new Promise<void>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      if (done(records)) finish();
      stream.on('data', (m: { key?: string | null; value?: string | null; offset: bigint; partition: number }) => {
        records.push({ key: m.key ?? null, value: m.value ?? null, offset: m.offset, partition: m.partition });
        if (done(records)) finish();
      });
      stream.once('error', (e: Error) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    await stream.close();
  } finally {
    await consumer.close(true);
  }
  return records;
}
