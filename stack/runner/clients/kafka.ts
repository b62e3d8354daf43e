// The runner's Kafka calls go through the project's Kafka client (@platformatic/kafka, as the
// backend's adapter does): a readiness probe and idempotent topic creation.
import { Admin } from '@platformatic/kafka';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StackError, STACK, sleep } from '../lib';
import { KAFKA_BOOTSTRAP } from '../ports';

export interface TopicSpec {
  name: string;
  partitions: number;
}

const admin = (timeoutMs: number) => new Admin({ clientId: 'cs360-stack-runner', bootstrapBrokers: [KAFKA_BOOTSTRAP], retries: 0, timeout: timeoutMs });

/** stack/kafka/topics.txt: `name partitions` lines, `#` comments. */
export function kafkaTopics(): TopicSpec[] {
  return readFileSync(join(STACK, 'kafka', 'topics.txt'), 'utf8')
    .split('\n')
    .map((l) => (l.includes('#') ? l.slice(0, l.indexOf('#')) : l).trim())
    .filter(Boolean)
    .map((l) => {
      const [name, partitions] = l.split(/\s+/);
      return { name: name as string, partitions: Number(partitions ?? 3) };
    });
}

/** The broker serves metadata requests (its listener is up and it has joined the KRaft quorum). */
export async function kafkaAnswers(timeoutMs = 3000): Promise<boolean> {
  const a = admin(timeoutMs);
  try {
    await a.listTopics();
    return true;
  } catch {
    return false;
  } finally {
    await a.close().catch(() => undefined);
  }
}

/** Creates the topics that are missing; existing ones are left as they are. Retried: the controller may still be settling. */
export async function ensureKafkaTopics(topics: TopicSpec[], attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const a = admin(35_000);
    try {
      const existing = new Set(await a.listTopics());
      const missing = topics.filter((t) => !existing.has(t.name));
      // One CreateTopics call per partition count (the client takes one count per call).
      for (const partitions of new Set(missing.map((t) => t.partitions))) {
        await a.createTopics({ topics: missing.filter((t) => t.partitions === partitions).map((t) => t.name), partitions, replicas: 1 });
      }
      return;
    } catch (e) {
      if (attempt >= attempts) throw new StackError(`creating Kafka topics failed: ${(e as Error).message}`);
      await sleep(2000);
    } finally {
      await a.close().catch(() => undefined);
    }
  }
}
