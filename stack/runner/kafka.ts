// Kafka 3.9 (KRaft) from Maven Central; the topics of stack/kafka/topics.txt created after start.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, HOST, STACK, StackError, javaMajor, mavenLib, run, say, startDetached, stateDir, stopPid } from './lib';
import { ensureKafkaTopics, kafkaAnswers, kafkaTopics } from './clients/kafka';
import { PORTS } from './ports';
import type { Service } from './service';

export const KAFKA_VERSION = '3.9.1';
const KAFKA_PORT = PORTS.kafka;
const KAFKA_CONTROLLER_PORT = KAFKA_PORT + 1;
const kafkaLib = () => join(CACHE, `kafka-${KAFKA_VERSION}`, 'lib');

/** stack/kafka/server.properties plus the runner's node-local lines (later keys win). */
function kafkaProperties(): string {
  const dir = stateDir('kafka');
  const file = join(dir, 'server.properties');
  writeFileSync(
    file,
    `${readFileSync(join(STACK, 'kafka', 'server.properties'), 'utf8')}
# ---- added by stack/runner (127.0.0.1, private ports, state dir)
controller.quorum.voters=1@${HOST}:${KAFKA_CONTROLLER_PORT}
listeners=PLAINTEXT://${HOST}:${KAFKA_PORT},CONTROLLER://${HOST}:${KAFKA_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://${HOST}:${KAFKA_PORT}
log.dirs=${join(dir, 'data')}
`,
  );
  writeFileSync(
    join(dir, 'log4j.properties'),
    ['log4j.rootLogger=INFO, stdout', 'log4j.appender.stdout=org.apache.log4j.ConsoleAppender', 'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout', 'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n', 'log4j.logger.kafka.request.logger=WARN', 'log4j.logger.org.apache.kafka.raft=WARN', ''].join('\n'),
  );
  return file;
}
const kafkaJvm = (dir: string) => [`-Dlog4j.configuration=file:${join(dir, 'log4j.properties')}`, `-Dkafka.logs.dir=${dir}`, '-cp', `${kafkaLib()}/*`];

export const kafka: Service = {
  name: 'kafka',
  port: KAFKA_PORT,
  marker: 'kafka.Kafka',
  startTimeoutMs: 90_000,
  install() {
    const major = javaMajor();
    if (major < 11) throw new StackError(`Kafka ${KAFKA_VERSION} needs Java 11 or newer (found ${major})`);
    mavenLib('kafka', KAFKA_VERSION);
  },
  start() {
    const dir = stateDir('kafka');
    const props = kafkaProperties();
    if (!existsSync(join(dir, 'data', 'meta.properties'))) {
      // A KRaft cluster id is 16 random bytes in URL-safe base64 (what StorageTool random-uuid prints).
      const clusterId = randomBytes(16).toString('base64url');
      say(`  formatting KRaft storage (cluster ${clusterId})`);
      run('java', [...kafkaJvm(dir), 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', props, '--ignore-formatted'], { what: 'kafka storage format' });
    }
    return startDetached('kafka', 'java', ['-Xms512m', '-Xmx1g', '-XX:+UseG1GC', '-Djava.awt.headless=true', ...kafkaJvm(dir), 'kafka.Kafka', props]);
  },
  // A metadata request through the project's Kafka client: answered once the broker serves requests.
  probe: () => kafkaAnswers(),
  async afterReady() {
    const topics = kafkaTopics();
    await ensureKafkaTopics(topics);
    say(`  topics: ${topics.map((t) => t.name).join(', ')}`);
  },
  stop: (pid) => stopPid(pid, 60_000),
};
