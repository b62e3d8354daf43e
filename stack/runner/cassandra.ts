// Cassandra 5.0 from Maven Central (Java 11 or 17); the cs keyspace (stack/cassandra/schema.cql) applied after start.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyCassandraSchema } from '../../backend/adapters/stack/cassandraSchema';
import { CACHE, HOST, STACK, StackError, javaMajor, mavenLib, say, startDetached, stateDir, stopPid } from './lib';
import { PORTS } from './ports';
import type { Service } from './service';

const CASSANDRA_VERSION = '5.0.4';
const CASSANDRA_PORT = PORTS.cassandra;
const CASSANDRA_STORAGE_PORT = PORTS.cassandraStorage;
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

export const cassandra: Service = {
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
      `-Dcassandra.jmx.local.port=${PORTS.cassandraJmx}`,
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
