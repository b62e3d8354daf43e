// MariaDB (Debian package) standing in for seed 003's MySQL orders database, and the Debezium
// connector that captures it (registered by the `connect` service in connect.ts).
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, HOST, STACK, StackError, ensureApt, run, say, startDetached, stateDir, stopPid, warn } from './lib';
import { connectorRegistered, registerConnector } from './clients/connect';
import { CONNECT_URL, KAFKA_BOOTSTRAP, PORTS } from './ports';
import type { Service } from './service';

export const MARIADB_PORT = PORTS.mariadb;

const isRoot = () => process.getuid?.() === 0;
/** As root, mariadbd drops to the `mysql` OS user, which cannot enter /root: its files live outside root's home (like PostgreSQL's). */
const home = () => process.env.CS360_STACK_MARIADB_DATA ?? (isRoot() ? '/var/tmp/cs360-stack/mariadb' : stateDir('mariadb'));
const dataDir = () => join(home(), 'data');
const configFile = () => join(home(), 'my.cnf');
/** Written when the data directory was created by this start: the connector's stored binlog offsets no longer mean anything. */
const resetMarker = () => join(stateDir('mariadb'), 'fresh-datadir');

function mysqlUser(): { uid: number; gid: number } | null {
  if (!isRoot()) return null;
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('mysql:'));
  if (!line) throw new StackError('running as root, but the `mysql` OS user is missing (it comes with the Debian mariadb-server package)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** The shared settings (stack/mariadb/my.cnf), then the node-local lines; later lines win. */
function writeConfig(): string {
  const file = configFile();
  const user = mysqlUser();
  writeFileSync(
    file,
    `# Written by stack/runner/mariadb.ts at every start; edit stack/mariadb/my.cnf instead.
!include ${join(STACK, 'mariadb', 'my.cnf')}

[mysqld]
datadir = ${dataDir()}
port = ${MARIADB_PORT}
bind_address = ${HOST}
socket = ${join(home(), 'mariadbd.sock')}
pid_file = ${join(home(), 'mariadbd.pid')}
tmpdir = ${home()}
${user ? 'user = mysql\n' : ''}# A development box: small buffers.
innodb_buffer_pool_size = 128M
performance_schema = OFF

[client]
socket = ${join(home(), 'mariadbd.sock')}
port = ${MARIADB_PORT}
`,
  );
  return file;
}

/** Runs SQL through the `mariadb` client over TCP as root (empty password, loopback, dev only). */
export function mariadbRootSql(sql: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'mariadb',
      ['--no-defaults', '--protocol=TCP', '-h', HOST, '-P', String(MARIADB_PORT), '-u', 'root', `--connect-timeout=${Math.ceil(timeoutMs / 1000)}`, '-N', '-B'],
      { timeout: timeoutMs, encoding: 'utf8' },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message.split('\n')[0]} ${stderr.trim()}`)) : resolve(stdout)),
    );
    child.stdin?.end(sql);
  });
}

export const mariadb: Service = {
  name: 'mariadb',
  port: MARIADB_PORT,
  marker: 'mariadbd',
  startTimeoutMs: 60_000,
  install() {
    ensureApt('/usr/sbin/mariadbd', ['mariadb-server']);
    if (!existsSync('/usr/sbin/mariadbd')) throw new StackError('/usr/sbin/mariadbd is missing after installing mariadb-server');
  },
  start() {
    const user = mysqlUser();
    mkdirSync(home(), { recursive: true });
    if (user) chownSync(home(), user.uid, user.gid);
    const cnf = writeConfig();
    if (!existsSync(join(dataDir(), 'mysql'))) {
      rmSync(dataDir(), { recursive: true, force: true });
      say(`  mariadb-install-db ${dataDir()}`);
      // root without a password (loopback only, dev only): the runner and tests connect over TCP without sudo.
      run('mariadb-install-db', [`--defaults-file=${cnf}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...(user ? ['--user=mysql'] : [])], { what: 'mariadb-install-db' });
      writeFileSync(resetMarker(), new Date().toISOString());
    }
    return startDetached('mariadb', '/usr/sbin/mariadbd', [`--defaults-file=${cnf}`], { cwd: home() });
  },
  async probe() {
    // A query over the port clients use (not just an open socket).
    return (await mariadbRootSql('SELECT 1', 3000).catch(() => '')).trim() === '1';
  },
  async afterReady() {
    const ddl = readFileSync(join(STACK, 'mariadb', 'ecommerce.sql'), 'utf8');
    // Anonymous accounts (older install-db) would shadow 'debezium'@'%' for local connections.
    await mariadbRootSql(`DELETE FROM mysql.global_priv WHERE User = ''; FLUSH PRIVILEGES;\n${ddl}`, 30_000);
    say('  schema: database ecommerce (stack/mariadb/ecommerce.sql), users debezium and cs360');
    const [logBin, format, image] = (await mariadbRootSql('SELECT @@log_bin, @@binlog_format, @@binlog_row_image')).trim().split('\t');
    if (logBin !== '1' || format !== 'ROW' || image !== 'FULL') throw new StackError(`MariaDB binlog is log_bin=${logBin} binlog_format=${format} binlog_row_image=${image}; Debezium needs 1/ROW/FULL (stack/mariadb/my.cnf)`);
    if (existsSync(resetMarker())) {
      // The running connector still holds offsets into the old binlog; connect's setup resets them.
      const known = await fetch(`${CONNECT_URL}/connectors/${ordersConnector().name}`, { signal: AbortSignal.timeout(3000) }).catch(() => null);
      if (known?.status === 200) warn(`  new data directory: restart connect (npm run stack:down -- connect && npm run stack:up -- connect) so ${ordersConnector().name} forgets its old binlog offsets`);
    }
  },
  stop: (pid) => stopPid(pid, 60_000),
};

// ---------------------------------------------------------------------------------------------
// The orders connector (Debezium's MySQL connector against MariaDB)
// ---------------------------------------------------------------------------------------------
/**
 * No debezium-connector-mariadb was published at 3.0.8.Final (the version of the PostgreSQL plugin;
 * Maven Central has 3.0.0/3.0.1 and then 3.1+), so the orders connector is Debezium's MySQL
 * connector 3.0.8, which reads MariaDB's binlog by file and position (MariaDB has no gtid_mode, so
 * the connector does not use GTIDs) and falls back from SHOW BINARY LOG STATUS to SHOW MASTER STATUS.
 */
export const DEBEZIUM_VERSION = '3.0.8.Final';
export const debeziumMysqlPlugins = () => join(CACHE, `debezium-mysql-${DEBEZIUM_VERSION}`, 'plugins');

/** Unpacks Debezium's MySQL plugin tar.gz (stack/runner/maven/debezium-mysql/pom.xml) next to the PostgreSQL one. Cached. */
export function ensureDebeziumMysqlPlugin(): void {
  const dir = join(CACHE, `debezium-mysql-${DEBEZIUM_VERSION}`);
  if (existsSync(join(dir, '.complete'))) return;
  say(`  downloading Debezium MySQL connector ${DEBEZIUM_VERSION} from Maven Central (first run only)…`);
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      rmSync(debeziumMysqlPlugins(), { recursive: true, force: true });
      rmSync(join(dir, 'markers'), { recursive: true, force: true });
      run('mvn', ['-B', '-q', `-Dmaven.repo.local=${join(CACHE, 'm2')}`, 'dependency:unpack', `-Dplugin.dir=${debeziumMysqlPlugins()}`, `-Dmarkers.dir=${join(dir, 'markers')}`], {
        cwd: join(STACK, 'runner', 'maven', 'debezium-mysql'),
        what: `download of debezium-connector-mysql ${DEBEZIUM_VERSION} (mvn dependency:unpack)`,
      });
      const jar = join(debeziumMysqlPlugins(), 'debezium-connector-mysql', `debezium-connector-mysql-${DEBEZIUM_VERSION}.jar`);
      if (!existsSync(jar)) throw new StackError(`mvn dependency:unpack finished but ${jar} is missing`);
      writeFileSync(join(dir, '.complete'), new Date().toISOString());
      return;
    } catch (e) {
      lastError = e;
      warn(`  download attempt ${attempt} failed${attempt < 3 ? ', retrying' : ''}`);
    }
  }
  throw new StackError(`download failed: ${(lastError as Error).message}`);
}

/** Kafka topics of the captured tables (the connector's RegexRouter maps mysql-oltp.ecommerce.<table> → <table>_cdc). */
export const ORDERS_CDC_TOPICS = [
  { name: 'orders_cdc', partitions: 3 },
  { name: 'order_items_cdc', partitions: 3 },
];

/**
 * stack/debezium/orders-mysql-connector.json as the runner registers it: local MariaDB and Kafka.
 * The file uses Debezium 3's names — topic.prefix (was database.server.name) and
 * schema.history.internal.kafka.* (was database.history.kafka.*); the old names are ignored by 3.x.
 */
export function ordersConnector(): { name: string; config: Record<string, string> } {
  const file = JSON.parse(readFileSync(join(STACK, 'debezium', 'orders-mysql-connector.json'), 'utf8')) as { name: string; config: Record<string, string> };
  return {
    name: file.name,
    config: {
      ...file.config,
      'database.hostname': HOST,
      'database.port': String(MARIADB_PORT),
      'schema.history.internal.kafka.bootstrap.servers': KAFKA_BOOTSTRAP,
      // `stack:down/up -- mariadb` is routine here: reconnect to the binlog within seconds, not the default minute.
      'connect.keep.alive.interval.ms': '5000',
    },
  };
}

/** Registers the orders connector and waits for RUNNING. MariaDB must be up (it is started before connect). */
export async function registerOrdersConnector(): Promise<void> {
  const cdc = ordersConnector();
  if ((await mariadbRootSql('SELECT 1').catch(() => '')).trim() !== '1') throw new StackError(`MariaDB at ${HOST}:${MARIADB_PORT} is needed by connect for ${cdc.name} (npm run stack:up -- mariadb)`);
  // A new MariaDB data directory restarts the binlog at binlog.000001: stored offsets would point into
  // a different history. Forget them; snapshot.mode when_needed then takes a fresh snapshot.
  const resetOffsets = existsSync(resetMarker()) && (await connectorRegistered(cdc.name));
  await registerConnector(cdc, { topics: ORDERS_CDC_TOPICS, resetOffsets, what: "MariaDB's data directory is new" });
  rmSync(resetMarker(), { force: true });
}
