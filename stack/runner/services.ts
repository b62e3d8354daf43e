// The engines the no-Docker runner starts, in order. Each one: install (Debian or Maven Central,
// cached), start on 127.0.0.1, a real readiness probe, and a stop that touches only its own pid.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import { join } from 'node:path';
import { applyCassandraSchema } from '../../backend/adapters/stack/cassandraSchema';
import { CACHE, HOST, REPO, STACK, StackError, ensureApt, javaMajor, mavenLib, ourPid, run, say, sleep, stateDir, stopPid, startDetached, tcpExchange, warn, which } from './lib';
import { debeziumMysqlPlugins, ensureDebeziumMysqlPlugin, mariadb, registerOrdersConnector } from './mariadb';
import { nessie, trino } from './lakehouse';
import { flink } from './flink';

export interface Service {
  name: string;
  port: number;
  /** A substring of the started process's command line: proves a recorded pid is still ours. */
  marker: string;
  startTimeoutMs: number;
  install(): void;
  /** Starts the process; returns its pid and log. */
  start(): { pid: number; log: string };
  /** A real request to the engine (not just an open port). */
  probe(): Promise<boolean>;
  /** One-time setup after the first successful probe (roles, topics, schema). Idempotent. */
  afterReady?(): Promise<void>;
  stop(pid: number): Promise<void>;
}

const envPort = (name: string, dflt: number) => Number(process.env[name] ?? dflt);

// ---------------------------------------------------------------------------------------------
// PostgreSQL (Debian package), a private cluster as the `postgres` OS user (it refuses root).
// ---------------------------------------------------------------------------------------------
function pgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}
const isRoot = () => process.getuid?.() === 0;
function pgUser(): { uid: number; gid: number } | null {
  if (!isRoot()) return null;
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new StackError('running as root, but the `postgres` OS user is missing (it comes with the Debian postgresql package)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
/** As root the data directory must be reachable by `postgres`, so it lives outside root's home. */
const pgData = () => process.env.CS360_STACK_PGDATA ?? (isRoot() ? '/var/tmp/cs360-stack/postgres' : join(stateDir('postgres'), 'data'));

const PG_PORT = envPort('CS360_PG_PORT', 55432);
const postgres: Service = {
  name: 'postgres',
  port: PG_PORT,
  marker: 'postgres',
  startTimeoutMs: 60_000,
  install() {
    if (!pgBin()) ensureApt('/usr/lib/postgresql/none', ['postgresql']);
    if (!pgBin()) throw new StackError('PostgreSQL binaries not found under /usr/lib/postgresql after installing');
  },
  start() {
    const bin = pgBin() as string;
    const data = pgData();
    const user = pgUser();
    const asPg = user ? { uid: user.uid, gid: user.gid } : {};
    if (!existsSync(join(data, 'PG_VERSION'))) {
      mkdirSync(data, { recursive: true });
      if (user) chownSync(data, user.uid, user.gid);
      say(`  initdb ${data}`);
      run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], { ...asPg, what: 'initdb' });
      writeFileSync(join(data, 'postgresql.conf'), `${readFileSync(join(data, 'postgresql.conf'), 'utf8')}\ninclude 'cs360.conf'\n`);
    }
    // The shared settings (stack/postgres/postgresql.conf), refreshed at every start.
    writeFileSync(join(data, 'cs360.conf'), readFileSync(join(STACK, 'postgres', 'postgresql.conf')));
    if (user) chownSync(join(data, 'cs360.conf'), user.uid, user.gid);
    return startDetached('postgres', join(bin, 'postgres'), ['-D', data, '-c', `port=${PG_PORT}`, '-c', `listen_addresses=${HOST}`, '-c', `unix_socket_directories=${data}`], { ...asPg, cwd: data });
  },
  async probe() {
    const { default: pg } = await import('pg');
    const c = new pg.Client({ host: HOST, port: PG_PORT, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    } finally {
      await c.end().catch(() => undefined);
    }
  },
  async afterReady() {
    const { default: pg } = await import('pg');
    const c = new pg.Client({ host: HOST, port: PG_PORT, user: 'postgres', database: 'postgres' });
    await c.connect();
    try {
      // The application role; SUPERUSER so contract tests can create throwaway databases (development only).
      const role = await c.query(`SELECT 1 FROM pg_roles WHERE rolname = 'cs360'`);
      if (role.rowCount === 0) await c.query(`CREATE ROLE cs360 LOGIN SUPERUSER REPLICATION`);
      const db = await c.query(`SELECT 1 FROM pg_database WHERE datname = 'cs360'`);
      if (db.rowCount === 0) await c.query(`CREATE DATABASE cs360 OWNER cs360`);
      const wal = await c.query<{ wal_level: string }>('SHOW wal_level');
      if (wal.rows[0]?.wal_level !== 'logical') throw new StackError(`wal_level is ${wal.rows[0]?.wal_level}, expected logical`);
    } finally {
      await c.end();
    }
  },
  // SIGINT is PostgreSQL's "fast" shutdown: it disconnects clients instead of waiting for them.
  stop: (pid) => stopPid(pid, 60_000, 'SIGINT'),
};

// ---------------------------------------------------------------------------------------------
// Redis (Debian package)
// ---------------------------------------------------------------------------------------------
const REDIS_PORT = envPort('CS360_REDIS_PORT', 56379);
const redis: Service = {
  name: 'redis',
  port: REDIS_PORT,
  marker: 'redis-server',
  startTimeoutMs: 20_000,
  install: () => ensureApt('redis-server', ['redis-server']),
  start: () =>
    startDetached('redis', 'redis-server', [join(STACK, 'redis', 'redis.conf'), '--port', String(REDIS_PORT), '--bind', HOST, '--dir', stateDir('redis'), '--daemonize', 'no', '--logfile', '']),
  async probe() {
    const r = await tcpExchange(REDIS_PORT, Buffer.from('*1\r\n$4\r\nPING\r\n'), (b) => b.includes('\r\n'));
    return r?.toString().startsWith('+PONG') ?? false;
  },
  stop: (pid) => stopPid(pid, 20_000),
};

// ---------------------------------------------------------------------------------------------
// Kafka 3.9 (KRaft) from Maven Central
// ---------------------------------------------------------------------------------------------
const KAFKA_VERSION = '3.9.1';
const KAFKA_PORT = envPort('CS360_KAFKA_PORT', 59092);
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

/** Kafka protocol by hand (no Kafka client is installed): a request with header v1. */
function kafkaRequest(apiKey: number, apiVersion: number, body: Buffer): Buffer {
  const clientId = Buffer.from('cs360-stack-runner');
  const header = Buffer.alloc(10);
  header.writeInt16BE(apiKey, 0);
  header.writeInt16BE(apiVersion, 2);
  header.writeInt32BE(1, 4);
  header.writeInt16BE(clientId.length, 8);
  const msg = Buffer.concat([header, clientId, body]);
  const size = Buffer.alloc(4);
  size.writeInt32BE(msg.length);
  return Buffer.concat([size, msg]);
}
const kafkaComplete = (b: Buffer) => b.length >= 4 && b.length >= 4 + b.readInt32BE(0);
const kstr = (s: string) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(Buffer.byteLength(s));
  return Buffer.concat([b, Buffer.from(s)]);
};
const i32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const i16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};

export function kafkaTopics(): { name: string; partitions: number }[] {
  return readFileSync(join(STACK, 'kafka', 'topics.txt'), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map((l) => {
      const [name, partitions] = l.split(/\s+/);
      return { name: name as string, partitions: Number(partitions ?? 3) };
    });
}

const kafka: Service = {
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
  async probe() {
    // ApiVersions v0: the broker answers error_code 0 once its listener serves requests.
    const r = await tcpExchange(KAFKA_PORT, kafkaRequest(18, 0, Buffer.alloc(0)), kafkaComplete);
    return r !== null && r.length >= 10 && r.readInt16BE(8) === 0;
  },
  async afterReady() {
    const topics = kafkaTopics();
    await ensureKafkaTopics(topics);
    say(`  topics: ${topics.map((t) => t.name).join(', ')}`);
  },
  stop: (pid) => stopPid(pid, 60_000),
};

/** CreateTopics v0; TOPIC_ALREADY_EXISTS (36) is fine. Retried: the controller may still be settling. */
async function ensureKafkaTopics(topics: { name: string; partitions: number }[]): Promise<void> {
  const body = Buffer.concat([i32(topics.length), ...topics.map((t) => Buffer.concat([kstr(t.name), i32(t.partitions), i16(1), i32(0), i32(0)])), i32(30_000)]);
  for (let attempt = 1; ; attempt++) {
    const r = await tcpExchange(KAFKA_PORT, kafkaRequest(19, 0, body), kafkaComplete, 35_000);
    const errors: string[] = [];
    if (!r) errors.push('no answer');
    else {
      let o = 8;
      const n = r.readInt32BE(o);
      o += 4;
      for (let i = 0; i < n; i++) {
        const len = r.readInt16BE(o);
        const name = r.subarray(o + 2, o + 2 + len).toString();
        o += 2 + len;
        const code = r.readInt16BE(o);
        o += 2;
        if (code !== 0 && code !== 36) errors.push(`${name}: error ${code}`);
      }
    }
    if (errors.length === 0) return;
    if (attempt >= 5) throw new StackError(`creating Kafka topics failed: ${errors.join('; ')}`);
    await new Promise((res) => setTimeout(res, 2000));
  }
}

// ---------------------------------------------------------------------------------------------
// Cassandra 5.0 from Maven Central (Java 11 or 17)
// ---------------------------------------------------------------------------------------------
const CASSANDRA_VERSION = '5.0.4';
const CASSANDRA_PORT = envPort('CS360_CASSANDRA_PORT', 59042);
const CASSANDRA_STORAGE_PORT = envPort('CS360_CASSANDRA_STORAGE_PORT', 57000);
const cassandraLib = () => join(CACHE, `cassandra-${CASSANDRA_VERSION}`, 'lib');

/** Cassandra's conf/jvm17-server.options (JPMS and Netty lines) and the essentials of jvm-server.options. */
const CASSANDRA_JVM17 = [
  '-XX:+UseG1GC',
  '-XX:+ParallelRefProcEnabled',
  '-XX:MaxTenuringThreshold=1',
  '-XX:G1HeapRegionSize=16m',
  '-XX:G1RSetUpdatingPauseTimePercent=5',
  '-XX:MaxGCPauseMillis=300',
  '-XX:InitiatingHeapOccupancyPercent=70',
  '-Djdk.attach.allowAttachSelf=true',
  '--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED',
  '--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED',
  '--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED',
  '--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED',
  '--add-exports=java.sql/java.sql=ALL-UNNAMED',
  '--add-exports=java.base/java.lang.ref=ALL-UNNAMED',
  '--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED',
  '--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED',
  '--add-opens=java.base/java.lang.module=ALL-UNNAMED',
  '--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED',
  '--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED',
  '--add-opens=java.base/jdk.internal.math=ALL-UNNAMED',
  '--add-opens=java.base/jdk.internal.module=ALL-UNNAMED',
  '--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED',
  '--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.lang.reflect=ALL-UNNAMED',
  '--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dio.netty.allocator.useCacheForAllThreads=true',
  '-Dio.netty.allocator.maxOrder=11',
  '-Djava.net.preferIPv4Stack=true',
  '-XX:+HeapDumpOnOutOfMemoryError',
  '-Xss256k',
];

function cassandraConfig(dir: string): string {
  const yaml = readFileSync(join(STACK, 'cassandra', 'cassandra.yaml'), 'utf8')
    .replace(/^native_transport_port: \d+$/m, `native_transport_port: ${CASSANDRA_PORT}`)
    .replace(/^storage_port: \d+$/m, `storage_port: ${CASSANDRA_STORAGE_PORT}`);
  const data = join(dir, 'data');
  const file = join(dir, 'cassandra.yaml');
  writeFileSync(
    file,
    `${yaml}
# ---- added by stack/runner
data_file_directories:
  - ${join(data, 'data')}
commitlog_directory: ${join(data, 'commitlog')}
hints_directory: ${join(data, 'hints')}
saved_caches_directory: ${join(data, 'saved_caches')}
cdc_raw_directory: ${join(data, 'cdc_raw')}
`,
  );
  writeFileSync(
    join(dir, 'logback.xml'),
    `<configuration scan="false">
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="STDOUT" /></root>
</configuration>
`,
  );
  return file;
}

async function cassandraClient(keyspace?: string) {
  const { Client } = await import('cassandra-driver');
  return new Client({ contactPoints: [`${HOST}:${CASSANDRA_PORT}`], localDataCenter: 'datacenter1', keyspace, socketOptions: { connectTimeout: 3000, readTimeout: 20_000 } });
}

const cassandra: Service = {
  name: 'cassandra',
  port: CASSANDRA_PORT,
  marker: 'CassandraDaemon',
  startTimeoutMs: 240_000,
  install() {
    const major = javaMajor();
    if (major !== 11 && major !== 17) throw new StackError(`Cassandra ${CASSANDRA_VERSION} runs on Java 11 or 17 only (found ${major})`);
    mavenLib('cassandra', CASSANDRA_VERSION);
  },
  start() {
    const dir = stateDir('cassandra');
    const yaml = cassandraConfig(dir);
    const jamm = readdirSync(cassandraLib()).find((f) => /^jamm-.*\.jar$/.test(f));
    if (!jamm) throw new StackError(`the jamm agent jar is missing from ${cassandraLib()}`);
    return startDetached('cassandra', 'java', [
      '-Xms1g',
      '-Xmx1g',
      ...CASSANDRA_JVM17,
      `-javaagent:${join(cassandraLib(), jamm)}`,
      `-Dcassandra.config=file://${yaml}`,
      `-Dlogback.configurationFile=${join(dir, 'logback.xml')}`,
      `-Dcassandra.storagedir=${join(dir, 'data')}`,
      `-Dcassandra.logdir=${dir}`,
      '-Dcassandra-foreground=yes',
      '-Dcassandra.skip_wait_for_gossip_to_settle=0',
      '-Dcassandra.jmx.local.port=57199',
      '-cp',
      `${cassandraLib()}/*`,
      'org.apache.cassandra.service.CassandraDaemon',
    ]);
  },
  async probe() {
    const c = await cassandraClient();
    try {
      await c.connect();
      const r = await c.execute('SELECT release_version FROM system.local');
      return typeof r.first()?.get('release_version') === 'string';
    } finally {
      await c.shutdown().catch(() => undefined);
    }
  },
  async afterReady() {
    const c = await cassandraClient();
    try {
      await c.connect();
      await applyCassandraSchema(c, readFileSync(join(STACK, 'cassandra', 'schema.cql'), 'utf8'));
      say('  schema: keyspace cs (stack/cassandra/schema.cql)');
    } finally {
      await c.shutdown();
    }
  },
  stop: (pid) => stopPid(pid, 60_000),
};

// ---------------------------------------------------------------------------------------------
// S3 (MinIO) built from the Go module proxy
// ---------------------------------------------------------------------------------------------
/**
 * MinIO's community edition is source-only since late 2025. Its last release tag
 * (RELEASE.2025-10-15T17-29-55Z, commit 9e49d5e7a648) is refused by the module proxy reachable
 * here (403), so the runner builds the module's final commit, which is that release plus bug fixes
 * and README changes (docs/decisions.md). A binary already in CS360_MINIO_BIN wins.
 */
const MINIO_MODULE = 'github.com/minio/minio@v0.0.0-20260212201848-7aac2a2c5b7c';
const S3_PORT = envPort('CS360_S3_PORT', 59000);
const S3_USER = 'cs360';
const S3_PASSWORD = 'cs360-dev-only';
const minioBin = () => process.env.CS360_MINIO_BIN ?? join(CACHE, 'bin', 'minio');

export function s3Buckets(): { name: string; lifecycle: string | null }[] {
  return readFileSync(join(STACK, 'minio', 'buckets.txt'), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map((l) => {
      const [name, lifecycle] = l.split(/\s+/);
      return { name: name as string, lifecycle: lifecycle && lifecycle !== '-' ? join(STACK, 'minio', lifecycle) : null };
    });
}

/** stack/minio/folders.txt: `bucket/prefix/` lines. */
export function s3Folders(): string[] {
  return readFileSync(join(STACK, 'minio', 'folders.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

const s3: Service = {
  name: 's3',
  port: S3_PORT,
  marker: 'minio',
  startTimeoutMs: 60_000,
  install() {
    if (existsSync(minioBin())) return;
    if (!which('go')) throw new StackError('Go is missing: MinIO is built with `go install` (install Go 1.24 or newer, or point CS360_MINIO_BIN at a minio binary)');
    say(`  go install ${MINIO_MODULE} (a few minutes the first time; modules cached in ${join(CACHE, 'go')})`);
    run('go', ['install', MINIO_MODULE], {
      what: 'go install minio',
      env: { ...process.env, GOBIN: join(CACHE, 'bin'), GOMODCACHE: join(CACHE, 'go', 'mod'), GOCACHE: join(CACHE, 'go', 'build'), GOFLAGS: '-buildvcs=false' },
    });
    if (!existsSync(minioBin())) throw new StackError(`go install finished but ${minioBin()} is missing`);
  },
  start: () =>
    startDetached('s3', minioBin(), ['server', join(stateDir('s3'), 'data'), '--address', `${HOST}:${S3_PORT}`, '--quiet'], {
      env: { ...process.env, MINIO_ROOT_USER: S3_USER, MINIO_ROOT_PASSWORD: S3_PASSWORD, MINIO_BROWSER: 'off', MINIO_UPDATE: 'off', MINIO_CI_CD: '1' },
    }),
  async probe() {
    // MinIO's readiness endpoint answers 200 once the drive is formatted and the S3 API serves.
    const r = await fetch(`http://${HOST}:${S3_PORT}/minio/health/ready`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    return r?.status === 200;
  },
  async afterReady() {
    const { ensureBucket, s3Client } = await import('../../backend/adapters/stack/s3ObjectStore');
    const client = s3Client({ endpoint: `http://${HOST}:${S3_PORT}`, accessKeyId: S3_USER, secretAccessKey: S3_PASSWORD });
    try {
      for (const b of s3Buckets()) {
        const lifecycle = b.lifecycle ? JSON.parse(readFileSync(b.lifecycle, 'utf8')) : undefined;
        const { created } = await ensureBucket(client, b.name, lifecycle);
        say(`  bucket ${b.name}${created ? ' created' : ''}${b.lifecycle ? ', lifecycle applied' : ''}`);
      }
      const { PutObjectCommand } = await import('@aws-sdk/client-s3');
      for (const folder of s3Folders()) {
        const [bucket, ...rest] = folder.split('/');
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: `${rest.join('/')}_folder`, Body: new Uint8Array(0), ContentLength: 0 }));
        say(`  folder ${folder}`);
      }
    } finally {
      client.destroy();
    }
  },
  stop: (pid) => stopPid(pid, 20_000),
};

// ---------------------------------------------------------------------------------------------
// Kafka Connect 3.9 (distributed worker) + Debezium's PostgreSQL connector, from Maven Central
// ---------------------------------------------------------------------------------------------
const DEBEZIUM_VERSION = '3.0.8.Final';
const CONNECT_PORT = envPort('CS360_CONNECT_PORT', 58083);
const connectLib = () => join(CACHE, `connect-${KAFKA_VERSION}`, 'lib');
const debeziumPlugins = () => join(CACHE, `debezium-postgres-${DEBEZIUM_VERSION}`, 'plugins');
const CONNECT_URL = `http://${HOST}:${CONNECT_PORT}`;
/** The support-cdc connector (stack/debezium/support-cdc.json) as the runner registers it: local PostgreSQL. */
export function supportCdcConnector(): { name: string; config: Record<string, string> } {
  const file = JSON.parse(readFileSync(join(STACK, 'debezium', 'support-cdc.json'), 'utf8')) as { name: string; config: Record<string, string> };
  return { name: file.name, config: { ...file.config, 'database.hostname': HOST, 'database.port': String(PG_PORT) } };
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

async function connectApi(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const r = await fetch(`${CONNECT_URL}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await r.text();
  let json: unknown = text;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: r.status, json };
}

interface ConnectorStatus {
  connector?: { state: string; trace?: string };
  tasks?: { id: number; state: string; trace?: string }[];
}
async function connectorState(name: string): Promise<ConnectorStatus | null> {
  const r = await connectApi('GET', `/connectors/${name}/status`);
  return r.status === 200 ? (r.json as ConnectorStatus) : null;
}
async function waitConnector(name: string, want: (s: ConnectorStatus) => boolean, what: string, timeoutMs = 90_000): Promise<ConnectorStatus> {
  const until = Date.now() + timeoutMs;
  let last: ConnectorStatus | null = null;
  while (Date.now() < until) {
    last = await connectorState(name).catch(() => null);
    if (last && want(last)) return last;
    const failed = last?.tasks?.find((t) => t.state === 'FAILED') ?? (last?.connector?.state === 'FAILED' ? last.connector : undefined);
    if (failed) throw new StackError(`connector ${name} FAILED: ${(failed.trace ?? '').split('\n').slice(0, 6).join('\n')}`);
    await sleep(1000);
  }
  throw new StackError(`connector ${name} not ${what} after ${timeoutMs / 1000} s (last status: ${JSON.stringify(last)})`);
}
const running = (s: ConnectorStatus) => s.connector?.state === 'RUNNING' && (s.tasks?.length ?? 0) > 0 && (s.tasks ?? []).every((t) => t.state === 'RUNNING');

/** The support schema in the cs360 database (the tables the connector captures), like the adapter's migrate(). */
async function applyPgMigrations(c: import('pg').Client): Promise<string[]> {
  await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
  const done = new Set((await c.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
  const applied: string[] = [];
  const dir = join(STACK, 'postgres', 'migrations');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.sql')).sort()) {
    const id = f.replace(/\.sql$/, '');
    if (done.has(id)) continue;
    await c.query(`BEGIN; ${readFileSync(join(dir, f), 'utf8')}; INSERT INTO schema_migrations (id) VALUES ('${id}'); COMMIT;`);
    applied.push(id);
  }
  return applied;
}

const connect: Service = {
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
bootstrap.servers=${HOST}:${KAFKA_PORT}
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
    const c = new pg.Client({ host: HOST, port: PG_PORT, user: 'postgres', database: cdc.config['database.dbname'], connectionTimeoutMillis: 5000 });
    try {
      await c.connect().catch((e: Error) => {
        throw new StackError(`PostgreSQL at ${HOST}:${PG_PORT} is needed by connect (npm run stack:up -- postgres): ${e.message}`);
      });
      const applied = await applyPgMigrations(c);
      if (applied.length) say(`  migrations applied to ${cdc.config['database.dbname']}: ${applied.join(', ')}`);
      // The topic exists before the first change, so consumers can subscribe right away.
      await ensureKafkaTopics([{ name: SUPPORT_CDC_TOPIC, partitions: 1 }]);
      const registered = ((await connectApi('GET', '/connectors')).json as string[]).includes(cdc.name);
      const slotRow = (await c.query<{ active_pid: number | null }>('SELECT active_pid FROM pg_replication_slots WHERE slot_name = $1', [slot])).rows[0];
      if (!registered && slotRow) {
        // A slot whose connector this Kafka cluster does not know (Kafka state reset, earlier run): stale.
        if (slotRow.active_pid) await c.query('SELECT pg_terminate_backend($1)', [slotRow.active_pid]);
        await c.query('SELECT pg_drop_replication_slot($1)', [slot]);
        say(`  dropped the stale replication slot ${slot}`);
      }
      if (registered && !slotRow) {
        // The connector's stored offsets point into WAL the slot no longer covers (PostgreSQL reset):
        // forget them, or Debezium would skip changes with a lower LSN than the stored one.
        await connectApi('PUT', `/connectors/${cdc.name}/stop`);
        await waitConnector(cdc.name, (s) => s.connector?.state === 'STOPPED', 'STOPPED');
        const del = await connectApi('DELETE', `/connectors/${cdc.name}/offsets`);
        if (del.status !== 200) throw new StackError(`resetting ${cdc.name}'s offsets failed: ${del.status} ${JSON.stringify(del.json)}`);
        say(`  replication slot ${slot} was gone: ${cdc.name}'s offsets reset`);
      }
    } finally {
      await c.end().catch(() => undefined);
    }
    const put = await connectApi('PUT', `/connectors/${cdc.name}/config`, cdc.config);
    if (put.status !== 200 && put.status !== 201) throw new StackError(`registering ${cdc.name} failed: ${put.status} ${JSON.stringify(put.json)}`);
    const st = await connectorState(cdc.name);
    if (st?.connector?.state === 'STOPPED' || st?.connector?.state === 'PAUSED') await connectApi('PUT', `/connectors/${cdc.name}/resume`);
    await waitConnector(cdc.name, running, 'RUNNING');
    say(`  connector ${cdc.name} RUNNING (slot ${slot}, topic ${SUPPORT_CDC_TOPIC})`);
    // The orders connector (stack/debezium/orders-mysql-connector.json) on MariaDB: stack/runner/mariadb.ts.
    await registerOrdersConnector({ api: connectApi, state: connectorState, wait: waitConnector, running, ensureTopics: ensureKafkaTopics });
  },
  stop: (pid) => stopPid(pid, 60_000),
};

// ---------------------------------------------------------------------------------------------
// CouchDB protocol: pouchdb-server (npm, a devDependency), LevelDB files in the state dir
// ---------------------------------------------------------------------------------------------
const COUCHDB_PORT = envPort('CS360_COUCHDB_PORT', 55984);
const pouchdbServerBin = () => join(REPO, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
const couchdb: Service = {
  name: 'couchdb',
  port: COUCHDB_PORT,
  marker: 'pouchdb-server',
  startTimeoutMs: 60_000,
  install() {
    if (!existsSync(pouchdbServerBin())) throw new StackError('pouchdb-server is missing from node_modules: run `npm ci` (it is a devDependency)');
  },
  start() {
    const dir = stateDir('couchdb');
    mkdirSync(join(dir, 'data'), { recursive: true });
    // --config and the server's own log stay in the state dir (its defaults write into the cwd).
    return startDetached('couchdb', process.execPath, [pouchdbServerBin(), '--host', HOST, '--port', String(COUCHDB_PORT), '--dir', join(dir, 'data'), '--config', join(dir, 'config.json'), '--no-color'], { cwd: dir });
  },
  async probe() {
    // The CouchDB welcome document, then _all_dbs: the database layer answers, not only the HTTP listener.
    const root = await fetch(`http://${HOST}:${COUCHDB_PORT}/`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    if (root?.status !== 200 || !('version' in ((await root.json().catch(() => ({}))) as object))) return false;
    const dbs = await fetch(`http://${HOST}:${COUCHDB_PORT}/_all_dbs`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    return dbs?.status === 200;
  },
  stop: (pid) => stopPid(pid, 20_000),
};

export const SERVICES: Service[] = [postgres, redis, kafka, cassandra, s3, nessie, trino, mariadb, connect, flink, couchdb];
export { ourPid };
