// Flink 1.20 for the no-Docker runner, the parts flink.ts and flinkSql.ts share: jars, config, classpath, env.
// The session cluster: a JobManager
// (StandaloneSessionClusterEntrypoint) and one TaskManager (TaskManagerRunner), assembled from
// Maven Central (stack/runner/maven/flink/pom.xml), configured by stack/flink/config.yaml plus the
// runner's node-local keys, and the pipelines of flink-sql/*.sql submitted once it is up.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { CACHE, HOST, REPO, STACK, StackError, cmdline,  mavenLib, pidAlive, run, say, stateDir,    which } from './lib';
import {  PORTS, S3_ENDPOINT } from './ports';

export const FLINK_VERSION = '1.20.0';
export const FLINK_PORT = PORTS.flink;
const FLINK_RPC_PORT = PORTS.flinkRpc;

export const flinkHome = () => join(CACHE, `flink-${FLINK_VERSION}`);
export const flinkLib = () => join(flinkHome(), 'lib');
const flinkPlugins = () => join(flinkHome(), 'plugins');
export const flinkConfDir = () => join(stateDir('flink'), 'conf');
/** Retained checkpoints, one folder per pipeline (flinkSql.ts sets it per submitted script). */
export const flinkCheckpointsDir = () => join(stateDir('flink'), 'checkpoints');
export const tmPidFile = () => join(stateDir('flink'), 'taskmanager.pid');
const UDF_JAR = 'cs360-flink-udf.jar';

/**
 * Jars in name order, as Flink's config.sh builds its classpath (so Flink's table classes come
 * before Paimon's copies of them), except the Hadoop uber jar, which goes last: it carries old
 * unshaded commons-*, snappy-java and the like, and should only add the org.apache.hadoop classes.
 */
export function flinkClasspath(): string {
  const last = (f: string) => (f.startsWith('flink-shaded-hadoop') ? 1 : 0);
  return readdirSync(flinkLib())
    .filter((f) => f.endsWith('.jar'))
    .sort((a, b) => last(a) - last(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((f) => join(flinkLib(), f))
    .join(':');
}

/** The SQL client's classpath: the cluster's plus opt/flink-python (its option parser loads a class of it). */
export function sqlClientClasspath(): string {
  const opt = join(flinkHome(), 'opt');
  const extra = existsSync(opt) ? readdirSync(opt).filter((f) => f.endsWith('.jar')).sort().map((f) => join(opt, f)) : [];
  return [flinkClasspath(), ...extra].join(':');
}

/**
 * Downloads the jars (again when pom.xml changed: mavenLib alone keeps a finished download forever),
 * then sorts them as Flink's distribution does: filesystems into plugins/<name>/ (Flink loads them
 * in their own class loader, never from lib/), client-only jars into opt/.
 */
export function installFlinkJars(): void {
  const pomHash = createHash('sha256').update(readFileSync(join(STACK, 'runner', 'maven', 'flink', 'pom.xml'))).digest('hex');
  const marker = join(flinkHome(), '.pom.sha256');
  if (existsSync(join(flinkHome(), '.complete')) && (!existsSync(marker) || readFileSync(marker, 'utf8').trim() !== pomHash)) {
    say('  stack/runner/maven/flink/pom.xml changed: downloading the jars again');
    rmSync(join(flinkHome(), '.complete'), { force: true });
  }
  mavenLib('flink', FLINK_VERSION);
  writeFileSync(marker, `${pomHash}\n`);
  const moves: [RegExp, string][] = [
    [/^flink-s3-fs-hadoop-.*\.jar$/, join(flinkPlugins(), 's3-fs-hadoop')],
    [/^flink-python-.*\.jar$/, join(flinkHome(), 'opt')],
  ];
  for (const [pattern, dir] of moves) {
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(flinkLib()).filter((n) => pattern.test(n))) renameSync(join(flinkLib(), f), join(dir, f));
    if (!readdirSync(dir).some((n) => pattern.test(n))) throw new StackError(`${pattern.source} is missing from ${dir} (delete ${flinkHome()} to download again)`);
  }
}

// ---------------------------------------------------------------------------------------------
// The UDF module (flink-sql/udf, owned by the pipelines): built with Maven into lib/ when it changed
// ---------------------------------------------------------------------------------------------
function hashTree(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === 'target' || name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(relative(dir, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(dir);
  return h.digest('hex');
}

/**
 * Builds the UDF module with Maven (repository in the runner's cache; offline first, so a warm
 * cache needs no network) and puts its jar into Flink's lib/, so the scripts can
 * `CREATE FUNCTION … AS 'com.cs360.flink.…'` without `ADD JAR`. Rebuilt only when a file of the
 * module changed (sha256 of its files, target/ excluded, kept beside the jar). No module: nothing (and a jar left by an
 * earlier build is removed). Built in a copy inside the cache, so the repo gets no target/.
 * Returns the jar's path, or null without a module.
 */
export function buildFlinkUdf(moduleDir = join(REPO, 'flink-sql', 'udf'), lib = flinkLib()): string | null {
  const jar = join(lib, UDF_JAR);
  if (!existsSync(join(moduleDir, 'pom.xml'))) {
    rmSync(jar, { force: true });
    return null;
  }
  const hash = hashTree(moduleDir);
  const work = join(CACHE, 'flink-udf-build', createHash('sha256').update(moduleDir).digest('hex').slice(0, 12));
  // Next to the jar, not in the build folder: several checkouts (a CI clone, a worktree) share this
  // Flink's lib/, and the question is whether the jar in lib/ was built from this source.
  const hashFile = `${jar}.sha256`;
  if (existsSync(jar) && existsSync(hashFile) && readFileSync(hashFile, 'utf8').trim() === hash) return jar;
  if (!which('mvn')) throw new StackError('Maven is missing: `apt-get install -y maven` (it builds flink-sql/udf)');
  say(`  building the UDF module ${relative(REPO, moduleDir) || moduleDir} with Maven…`);
  const src = join(work, 'src');
  rmSync(src, { recursive: true, force: true });
  cpSync(moduleDir, src, { recursive: true, filter: (p) => !relative(moduleDir, p).split('/').includes('target') });
  const args = ['-B', '-q', `-Dmaven.repo.local=${join(CACHE, 'm2')}`, '-DskipTests', 'package'];
  try {
    run('mvn', ['-o', ...args], { cwd: src, what: 'mvn -o package (flink-sql/udf)' });
  } catch {
    // Offline fails only when a plugin or dependency is not in the cache yet: fetch it once.
    run('mvn', args, { cwd: src, what: 'mvn package (flink-sql/udf)' });
  }
  const target = join(src, 'target');
  const jars = existsSync(target) ? readdirSync(target).filter((f) => f.endsWith('.jar') && !/^original-|-(sources|javadoc|tests)\.jar$/.test(f)) : [];
  if (!jars.length) throw new StackError(`mvn package of ${moduleDir} made no jar in target/`);
  // A shaded jar (with the module's own dependencies) is the largest one.
  const built = jars.map((f) => join(target, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0] as string;
  mkdirSync(lib, { recursive: true });
  copyFileSync(built, jar);
  writeFileSync(hashFile, `${hash}\n`);
  say(`  UDF jar: ${jar}`);
  return jar;
}

// ---------------------------------------------------------------------------------------------
// Configuration: stack/flink/config.yaml + the runner's node-local keys
// ---------------------------------------------------------------------------------------------
/** The keys the runner changes: 127.0.0.1, its ports, its directories, its MinIO. */
export function runnerOverrides(): Record<string, string> {
  const dir = stateDir('flink');
  return {
    'jobmanager.rpc.address': HOST,
    'jobmanager.rpc.port': String(FLINK_RPC_PORT),
    'jobmanager.bind-host': HOST,
    'taskmanager.bind-host': HOST,
    'taskmanager.host': HOST,
    'rest.address': HOST,
    'rest.port': String(FLINK_PORT),
    'rest.bind-address': HOST,
    'blob.server.port': '0',
    'execution.checkpointing.dir': `file://${flinkCheckpointsDir()}`,
    'execution.checkpointing.savepoint-dir': `file://${join(dir, 'savepoints')}`,
    'io.tmp.dirs': join(dir, 'tmp'),
    'web.tmpdir': join(dir, 'tmp', 'web'),
    's3.endpoint': S3_ENDPOINT,
  };
}

/** Writes <state>/flink/conf/config.yaml (+ log4j files); returns the merged settings. */
export function writeFlinkConf(): Record<string, string> {
  const shared = parse(readFileSync(join(STACK, 'flink', 'config.yaml'), 'utf8')) as Record<string, unknown>;
  const conf: Record<string, string> = {};
  for (const [k, v] of Object.entries(shared)) {
    if (v !== null && typeof v === 'object') throw new StackError(`stack/flink/config.yaml: use flat keys (${k} is nested), so the runner can override them one by one`);
    conf[k] = String(v);
  }
  Object.assign(conf, runnerOverrides());
  const dir = flinkConfDir();
  mkdirSync(join(stateDir('flink'), 'tmp', 'web'), { recursive: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), `# generated by stack/runner/flink.ts from stack/flink/config.yaml — edit that file\n${stringify(conf)}`);
  const common = ['appender.out.layout.type = PatternLayout', 'appender.out.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n', 'rootLogger.appenderRef.out.ref = out'];
  // Cluster processes: everything to stdout, which the runner appends to their log files.
  writeFileSync(
    join(dir, 'log4j-console.properties'),
    ['rootLogger.level = INFO', 'appender.out.name = out', 'appender.out.type = CONSOLE', ...common, 'logger.kafka.name = org.apache.kafka', 'logger.kafka.level = WARN', 'logger.hadoop.name = org.apache.hadoop', 'logger.hadoop.level = WARN', ''].join('\n'),
  );
  // The SQL client: its stdout is the statements' results (parsed by flinkSql.ts), logs go to a file.
  writeFileSync(
    join(dir, 'log4j-cli.properties'),
    ['rootLogger.level = INFO', 'appender.out.name = out', 'appender.out.type = FILE', `appender.out.fileName = ${join(stateDir('flink'), 'sql-client.log')}`, ...common, 'logger.kafka.name = org.apache.kafka', 'logger.kafka.level = WARN', ''].join('\n'),
  );
  return conf;
}

/** Flink's Java 17 module flags, from env.java.opts.all of the config (Flink's own default list). */
export const javaOpts = (conf: Record<string, string>) => (conf['env.java.opts.all'] ?? '').split(/\s+/).filter(Boolean);

/** Environment of every Flink JVM: where its conf, lib and plugins are (scripts normally export these). */
export function flinkEnv(): NodeJS.ProcessEnv {
  return { ...process.env, FLINK_HOME: flinkHome(), FLINK_CONF_DIR: flinkConfDir(), FLINK_LIB_DIR: flinkLib(), FLINK_PLUGINS_DIR: flinkPlugins(), FLINK_OPT_DIR: join(flinkHome(), 'opt') };
}

/**
 * The JVM sizes (-Xmx, -XX:MaxDirectMemorySize, …) and the derived memory keys (-D …) for a
 * JobManager or TaskManager, computed by Flink's own BashJavaUtils from the config, as its
 * jobmanager.sh / taskmanager.sh do. Cached per config content (it costs a JVM start).
 */
export function memoryParams(kind: 'JM' | 'TM', conf: Record<string, string>): { jvm: string[]; dynamic: string[] } {
  const key = createHash('sha256').update(kind).update(JSON.stringify(conf)).digest('hex').slice(0, 16);
  const cache = join(stateDir('flink'), `memory-${kind}-${key}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as { jvm: string[]; dynamic: string[] };
  const out = run('java', [...javaOpts(conf), '-cp', flinkClasspath(), `-Dlog4j.configurationFile=file:${join(flinkConfDir(), 'log4j-cli.properties')}`, 'org.apache.flink.runtime.util.bash.BashJavaUtils', `GET_${kind}_RESOURCE_PARAMS`, '--configDir', flinkConfDir()], {
    env: flinkEnv(),
    what: `Flink BashJavaUtils GET_${kind}_RESOURCE_PARAMS`,
  });
  const results = out
    .split('\n')
    .filter((l) => l.startsWith('BASH_JAVA_UTILS_EXEC_RESULT:'))
    .map((l) => l.slice('BASH_JAVA_UTILS_EXEC_RESULT:'.length).trim());
  if (results.length < 2) throw new StackError(`Flink's BashJavaUtils gave no memory settings for the ${kind}:\n${out.slice(-2000)}`);
  const params = { jvm: (results[0] as string).split(/\s+/).filter(Boolean), dynamic: (results[1] as string).split(/\s+/).filter(Boolean) };
  writeFileSync(cache, JSON.stringify(params));
  return params;
}

/** The java arguments of a JobManager or TaskManager process: memory, Flink's JVM flags, log, classpath, main class, config. */
export function flinkProcessArgs(conf: Record<string, string>, jvm: string[], dynamic: string[], log: string, mainClass: string): string[] {
  return [
    ...jvm,
    ...javaOpts(conf),
    '-XX:+UseG1GC',
    `-Dlog.file=${log}`,
    `-Dlog4j.configurationFile=file:${join(flinkConfDir(), 'log4j-console.properties')}`,
    '-cp',
    flinkClasspath(),
    mainClass,
    '--configDir',
    flinkConfDir(),
    ...dynamic,
  ];
}

export function startTaskManager(conf: Record<string, string>): number {
  const { jvm, dynamic } = memoryParams('TM', conf);
  const log = join(stateDir('flink'), 'taskmanager.log');
  const fd = openSync(log, 'a');
  const args = flinkProcessArgs(conf, jvm, dynamic, log, 'org.apache.flink.runtime.taskexecutor.TaskManagerRunner');
  writeFileSync(fd, `\n---- ${new Date().toISOString()} java … TaskManagerRunner\n`);
  const child = spawn('java', args, { cwd: stateDir('flink'), env: flinkEnv(), detached: true, stdio: ['ignore', fd, fd] });
  if (child.pid === undefined) throw new StackError('could not start the Flink TaskManager');
  child.unref();
  writeFileSync(tmPidFile(), `${child.pid}\n`);
  return child.pid;
}

/** The TaskManager this runner started, if it still runs. */
export function taskManagerPid(): number | null {
  if (!existsSync(tmPidFile())) return null;
  const pid = Number(readFileSync(tmPidFile(), 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && pidAlive(pid) && cmdline(pid).includes('TaskManagerRunner') ? pid : null;
}
