// Trino 476: the server tarball unpacked once, only the plugins CS360 uses, config from stack/trino
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, HOST, STACK, StackError,  run, say, stateDir, stopPid, startDetached, warn, which } from './lib';
import { trinoQueryValue } from './clients/trino';
import { java25 } from './jdk25';
import { NESSIE_ICEBERG_URI, PORTS, S3_ENDPOINT, S3_PASSWORD, S3_USER, TRINO_URL } from './ports';
import type { Service } from './service';

/**
 * The Maven Central reachable here serves trino-server 352, 356, 368, 470 and 476 only: 368 has no
 * Iceberg REST catalog, 470 and 476 need Java 23/24+. 476 matches compose's trinodb/trino:476.
 */
export const TRINO_VERSION = '476';
export const TRINO_PORT = PORTS.trino;
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
