// Kafka Connect 3.9 (distributed worker) from Maven Central with Debezium's PostgreSQL and MySQL
// connectors; registers support-cdc (PostgreSQL) and the orders connector (MariaDB) after start.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, HOST, STACK, StackError, javaMajor, mavenLib, run, say, startDetached, stateDir, stopPid, warn } from './lib';
import { connectorRegistered, registerConnector } from './clients/connect';
import { KAFKA_VERSION } from './kafka';
import { DEBEZIUM_VERSION, debeziumMysqlPlugins, ensureDebeziumMysqlPlugin, registerOrdersConnector } from './mariadb';
import { CONNECT_URL, KAFKA_BOOTSTRAP, PORTS } from './ports';
import { applyPgMigrations } from './postgres';
import type { Service } from './service';

const CONNECT_PORT = PORTS.connect;
const connectLib = () => join(CACHE, `connect-${KAFKA_VERSION}`, 'lib');
const debeziumPlugins = () => join(CACHE, `debezium-postgres-${DEBEZIUM_VERSION}`, 'plugins');
/** The support-cdc connector (stack/debezium/support-cdc.json) as the runner registers it: local PostgreSQL. */
export function supportCdcConnector(): { name: string; config: Record<string, string> } {
  const file = JSON.parse(readFileSync(join(STACK, 'debezium', 'support-cdc.json'), 'utf8')) as { name: string; config: Record<string, string> };
  return { name: file.name, config: { ...file.config, 'database.hostname': HOST, 'database.port': String(PORTS.pg) } };
}
/** Debezium's topic for a captured table: <topic.prefix>.<schema>.<table>. */
export const SUPPORT_CDC_TOPIC = 'cs.public.support_notes';

/** Unpacks Debezium's plugin tar.gz (stack/runner/maven/debezium-postgres/pom.xml) into the plugin path. Cached. */
function debeziumPlugin(): void {
  const home = join(CACHE, `debezium-postgres-${DEBEZIUM_VERSION}`);
  if (existsSync(join(home, '.complete'))) return;
  say(`  downloading Debezium PostgreSQL connector ${DEBEZIUM_VERSION} from Maven Central (first run only)…`);
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      rmSync(debeziumPlugins(), { recursive: true, force: true });
      // The plugin's "already unpacked" markers go to the cache too (by default: target/ in the repo).
      rmSync(join(home, 'markers'), { recursive: true, force: true });
      run('mvn', ['-B', '-q', `-Dmaven.repo.local=${join(CACHE, 'm2')}`, 'dependency:unpack', `-Dplugin.dir=${debeziumPlugins()}`, `-Dmarkers.dir=${join(home, 'markers')}`], {
        cwd: join(STACK, 'runner', 'maven', 'debezium-postgres'),
        what: `download of debezium-connector-postgres ${DEBEZIUM_VERSION} (mvn dependency:unpack)`,
      });
      const jar = join(debeziumPlugins(), 'debezium-connector-postgres', `debezium-connector-postgres-${DEBEZIUM_VERSION}.jar`);
      if (!existsSync(jar)) throw new StackError(`mvn dependency:unpack finished but ${jar} is missing`);
      writeFileSync(join(home, '.complete'), new Date().toISOString());
      return;
    } catch (e) {
      lastError = e;
      warn(`  download attempt ${attempt} failed${attempt < 3 ? ', retrying' : ''}`);
    }
  }
  throw new StackError(`download failed: ${(lastError as Error).message}`);
}

export const connect: Service = {
  name: 'connect',
  port: CONNECT_PORT,
  marker: 'ConnectDistributed',
  startTimeoutMs: 120_000,
  install() {
    const major = javaMajor();
    if (major < 17) throw new StackError(`Debezium ${DEBEZIUM_VERSION} needs Java 17 or newer (found ${major})`);
    mavenLib('connect', KAFKA_VERSION);
    debeziumPlugin();
    ensureDebeziumMysqlPlugin();
  },
  start() {
    const dir = stateDir('connect');
    const props = join(dir, 'worker.properties');
    writeFileSync(
      props,
      `${readFileSync(join(STACK, 'debezium', 'worker.properties'), 'utf8')}
# ---- added by stack/runner (127.0.0.1, private ports, cached plugin path)
bootstrap.servers=${KAFKA_BOOTSTRAP}
listeners=http://${HOST}:${CONNECT_PORT}
rest.advertised.host.name=${HOST}
rest.advertised.port=${CONNECT_PORT}
plugin.path=${debeziumPlugins()},${debeziumMysqlPlugins()}
`,
    );
    writeFileSync(
      join(dir, 'log4j.properties'),
      ['log4j.rootLogger=INFO, stdout', 'log4j.appender.stdout=org.apache.log4j.ConsoleAppender', 'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout', 'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n', 'log4j.logger.org.reflections=ERROR', 'log4j.logger.org.apache.kafka.clients=WARN', ''].join('\n'),
    );
    return startDetached('connect', 'java', ['-Xms256m', '-Xmx1g', '-XX:+UseG1GC', '-Djava.awt.headless=true', `-Dlog4j.configuration=file:${join(dir, 'log4j.properties')}`, '-cp', `${connectLib()}/*`, 'org.apache.kafka.connect.cli.ConnectDistributed', props]);
  },
  async probe() {
    // /connectors answers as soon as the REST server is up, before the worker has its internal topics
    // and has joined its group; /health (Kafka 3.9, KIP-1017) answers 200 only once the worker is started.
    const health = await fetch(`${CONNECT_URL}/health`, { signal: AbortSignal.timeout(3000) }).catch(() => null);
    if (health?.status !== 200) return false;
    const r = await fetch(`${CONNECT_URL}/connectors`, { signal: AbortSignal.timeout(3000) }).catch(() => null);
    return r?.status === 200 && Array.isArray(await r.json().catch(() => null));
  },
  async afterReady() {
    const cdc = supportCdcConnector();
    const slot = cdc.config['slot.name'] as string;
    const { default: pg } = await import('pg');
    const c = new pg.Client({ host: HOST, port: PORTS.pg, user: 'postgres', database: cdc.config['database.dbname'], connectionTimeoutMillis: 5000 });
    let resetOffsets: boolean;
    try {
      await c.connect().catch((e: Error) => {
        throw new StackError(`PostgreSQL at ${HOST}:${PORTS.pg} is needed by connect (npm run stack:up -- postgres): ${e.message}`);
      });
      const applied = await applyPgMigrations(c);
      if (applied.length) say(`  migrations applied to ${cdc.config['database.dbname']}: ${applied.join(', ')}`);
      const registered = await connectorRegistered(cdc.name);
      const slotRow = (await c.query<{ active_pid: number | null }>('SELECT active_pid FROM pg_replication_slots WHERE slot_name = $1', [slot])).rows[0];
      if (!registered && slotRow) {
        // A slot whose connector this Kafka cluster does not know (Kafka state reset, earlier run): stale.
        if (slotRow.active_pid) await c.query('SELECT pg_terminate_backend($1)', [slotRow.active_pid]);
        await c.query('SELECT pg_drop_replication_slot($1)', [slot]);
        say(`  dropped the stale replication slot ${slot}`);
      }
      // The connector's stored offsets point into WAL the slot no longer covers (PostgreSQL reset):
      // forget them, or Debezium would skip changes with a lower LSN than the stored one.
      resetOffsets = registered && !slotRow;
    } finally {
      await c.end().catch(() => undefined);
    }
    await registerConnector(cdc, { topics: [{ name: SUPPORT_CDC_TOPIC, partitions: 1 }], resetOffsets, what: `replication slot ${slot} was gone` });
    // The orders connector (stack/debezium/orders-mysql-connector.json) on MariaDB.
    await registerOrdersConnector();
  },
  stop: (pid) => stopPid(pid, 60_000),
};
