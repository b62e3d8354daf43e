// Submits flink-sql/*.sql to the runner's Flink session cluster with Flink's SQL client, as
// compose's flink-sql-submit does, but idempotently: a script whose pipeline (SET 'pipeline.name')
// already runs is skipped, and a pipeline submitted again restores from its newest retained
// checkpoint. Also a CLI: `npx tsx stack/runner/flinkSql.ts submit|list|cancel <name>|restart <name>`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { FLINK_PORT, flinkCheckpointsDir, flinkConfDir, flinkEnv, javaOpts, sqlClientClasspath, writeFlinkConf } from './flinkCluster';
import { FLINK_URL, KAFKA_BOOTSTRAP, NESSIE_ICEBERG_URI, S3_ENDPOINT } from './ports';
import { HOST, REPO, StackError, say, sleep, stateDir, warn } from './lib';

/** The pipelines; CS360_FLINK_SQL_DIR points the runner at another folder (an empty one: none). */
export const FLINK_SQL_DIR = process.env.CS360_FLINK_SQL_DIR ?? join(REPO, 'flink-sql');

/**
 * The runner's values for the `${NAME}` placeholders of flink-sql/*.sql (the list is in
 * flink-sql/README.md; compose's flink-sql-submit fills the same names with envsubst). Tests pass
 * their own (unique topic and pipeline suffixes) through `vars`.
 */
export function flinkSqlVariables(): Record<string, string> {
  return {
    KAFKA_BOOTSTRAP,
    S3_ENDPOINT,
    S3_ACCESS_KEY: process.env.CS360_S3_ACCESS_KEY ?? 'cs360',
    S3_SECRET_KEY: process.env.CS360_S3_SECRET_KEY ?? 'cs360-dev-only',
    PIPELINE_SUFFIX: '',
    TOPIC_SUFFIX: '',
    SUPPORT_NOTES_TOPIC: 'cs.public.support_notes',
    LOGISTICS_PATH: 's3://cs360-lakehouse/logistics/',
    LAKEHOUSE_WAREHOUSE: 's3://cs360-lakehouse/paimon',
    // The lakehouse database: Paimon's, and the Iceberg namespace Trino reads as schema iceberg.cs (stack.trino.schema).
    LAKEHOUSE_DATABASE: 'cs',
    ICEBERG_REST_URI: NESSIE_ICEBERG_URI,
  };
}

/** Fills `${NAME}` placeholders (comment lines are left alone); an unknown name is an error. */
export function substituteVariables(sql: string, vars: Record<string, string>, what: string): string {
  return sql
    .split('\n')
    .map((line) =>
      line.trimStart().startsWith('--')
        ? line
        : line.replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (_, name: string) => {
            const v = vars[name];
            if (v === undefined) throw new StackError(`${what}: unknown placeholder \${${name}} (known: ${Object.keys(vars).join(', ')})`);
            return v;
          }),
    )
    .join('\n');
}

/** The job name a script sets (`SET 'pipeline.name' = '…';`, the last one wins), or null. */
export function pipelineName(sql: string): string | null {
  const names = [...sql.matchAll(/^\s*SET\s+'pipeline\.name'\s*=\s*'([^']+)'\s*;/gim)].map((m) => m[1] as string);
  return names.length ? (names[names.length - 1] as string) : null;
}

// ---------------------------------------------------------------------------------------------
// REST
// ---------------------------------------------------------------------------------------------
async function rest<T>(method: string, path: string): Promise<{ status: number; json: T }> {
  const r = await fetch(`${FLINK_URL}${path}`, { method, signal: AbortSignal.timeout(10_000) }).catch((e: Error) => {
    throw new StackError(`Flink at ${FLINK_URL} did not answer ${method} ${path} (${e.message}) — is it up (npm run stack:up -- flink)?`);
  });
  const text = await r.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: r.status, json: json as T };
}

export interface FlinkJob {
  jid: string;
  name: string;
  state: string;
  'start-time': number;
}
const ACTIVE = new Set(['INITIALIZING', 'CREATED', 'RUNNING', 'RESTARTING', 'RECONCILING', 'FAILING', 'CANCELLING']);

export async function flinkJobs(): Promise<FlinkJob[]> {
  const r = await rest<{ jobs?: FlinkJob[] }>('GET', '/jobs/overview');
  return r.json.jobs ?? [];
}
const activeJobs = async (name: string) => (await flinkJobs()).filter((j) => j.name === name && ACTIVE.has(j.state));

/** The root exception of a failed job, first lines (REST /jobs/<id>/exceptions). */
export async function flinkJobError(jid: string): Promise<string> {
  const r = await rest<{ 'root-exception'?: string; exceptionHistory?: { entries?: { stacktrace?: string; exceptionName?: string }[] } }>('GET', `/jobs/${jid}/exceptions?maxExceptions=1`);
  const trace = r.json['root-exception'] ?? r.json.exceptionHistory?.entries?.[0]?.stacktrace ?? '(no exception recorded)';
  // The last "Caused by" usually names the real problem; keep the head and the causes.
  const lines = trace.split('\n');
  const causes = lines.filter((l) => l.startsWith('Caused by:'));
  return [lines[0], ...causes.slice(-3)].filter(Boolean).join('\n');
}

async function waitJob(jid: string, want: (state: string) => boolean, timeoutMs: number): Promise<string> {
  const until = Date.now() + timeoutMs;
  let state = 'unknown';
  while (Date.now() < until) {
    const r = await rest<{ state?: string }>('GET', `/jobs/${jid}`);
    state = r.json.state ?? 'unknown';
    if (want(state)) return state;
    if (state === 'FAILED') return state;
    await sleep(500);
  }
  return state;
}

/** Every task of the job RUNNING (a job is RUNNING before its tasks are deployed). */
async function waitTasksRunning(jid: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const r = await rest<{ state?: string; vertices?: { status: string }[] }>('GET', `/jobs/${jid}`);
    if (r.json.state === 'FAILED') return;
    if (r.json.state === 'RUNNING' && (r.json.vertices ?? []).every((v) => v.status === 'RUNNING')) return;
    await sleep(500);
  }
}

// ---------------------------------------------------------------------------------------------
// Checkpoints: <state>/flink/checkpoints/<pipeline>/<job id>/chk-<n>/_metadata
// ---------------------------------------------------------------------------------------------
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');
export const pipelineCheckpointDir = (name: string) => join(flinkCheckpointsDir(), safeName(name));

/** The newest completed (retained) checkpoint of a pipeline, or null. */
export function newestCheckpoint(name: string): string | null {
  const dir = pipelineCheckpointDir(name);
  if (!existsSync(dir)) return null;
  let best: { path: string; mtime: number } | null = null;
  for (const job of readdirSync(dir)) {
    const jobDir = join(dir, job);
    if (!statSync(jobDir).isDirectory()) continue;
    for (const chk of readdirSync(jobDir).filter((c) => /^chk-\d+$/.test(c))) {
      const meta = join(jobDir, chk, '_metadata');
      if (!existsSync(meta)) continue;
      const mtime = statSync(meta).mtimeMs;
      if (!best || mtime > best.mtime) best = { path: join(jobDir, chk), mtime };
    }
  }
  return best?.path ?? null;
}

/** Removes the pipeline's older job folders once a newer job restored from `keep` (disk hygiene). */
function pruneCheckpoints(name: string, keep: string): void {
  const dir = pipelineCheckpointDir(name);
  const keepJob = resolve(keep, '..');
  const keepTime = statSync(join(keep, '_metadata')).mtimeMs;
  for (const job of readdirSync(dir)) {
    const jobDir = join(dir, job);
    if (jobDir === keepJob || !statSync(jobDir).isDirectory()) continue;
    if (statSync(jobDir).mtimeMs < keepTime) rmSync(jobDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Submission
// ---------------------------------------------------------------------------------------------
export interface SubmitResult {
  file: string;
  pipeline: string | null;
  /** Jobs the script started (none for DDL-only scripts or skipped ones). */
  jobIds: string[];
  restoredFrom: string | null;
  skipped: boolean;
}

/** The SQL client's complaint: the failing statement (its first lines) and the [ERROR] block. */
function clientError(out: string): string {
  const at = out.indexOf('[ERROR]');
  if (at < 0) return out.slice(-3000);
  const prompt = out.lastIndexOf('Flink SQL>', at);
  const statement = (prompt >= 0 ? out.slice(prompt + 'Flink SQL>'.length, at) : '')
    .split('\n')
    .map((l) => l.replace(/^>\s?/, '').trim())
    .filter((l) => l && !l.startsWith('--'))
    .slice(0, 6);
  const error = out
    .slice(at)
    .split('\n')
    .filter((l) => l.trim() && !/^\s+at /.test(l) && !l.startsWith('Shutting down') && !l.startsWith('done.'))
    .slice(0, 10);
  return [...(statement.length ? ['in the statement:', ...statement.map((l) => `  ${l}`)] : []), ...error].join('\n');
}

function runSqlClient(init: string, script: string): { status: number | null; out: string } {
  const conf = writeFlinkConf();
  const r = spawnSync(
    'java',
    [
      '-Xmx768m',
      ...javaOpts(conf),
      `-Dlog4j.configurationFile=file:${join(flinkConfDir(), 'log4j-cli.properties')}`,
      '-cp',
      sqlClientClasspath(),
      'org.apache.flink.table.client.SqlClient',
      'embedded',
      '-D',
      `rest.address=${HOST}`,
      '-D',
      `rest.port=${FLINK_PORT}`,
      '-D',
      'execution.target=remote',
      '-i',
      init,
      '-f',
      script,
    ],
    { cwd: stateDir('flink'), env: flinkEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
  );
  if (r.error) throw new StackError(`Flink SQL client: ${r.error.message}`);
  // The client colours its [INFO]/[ERROR] lines.
  return { status: r.status, out: stripVTControlCharacters(`${r.stdout ?? ''}\n${r.stderr ?? ''}`) };
}

/**
 * Submits one script: skipped if its pipeline already runs; otherwise with its own checkpoint
 * folder and, if the pipeline ran before, restored from its newest retained checkpoint.
 * Waits until the started jobs run their tasks; a failed job throws with its root exception.
 */
export async function submitFlinkScript(file: string, opts: { vars?: Record<string, string> } = {}): Promise<SubmitResult> {
  const what = basename(file);
  const sql = substituteVariables(readFileSync(file, 'utf8'), { ...flinkSqlVariables(), ...opts.vars }, what);
  const pipeline = pipelineName(sql);
  if (pipeline) {
    const running = await activeJobs(pipeline);
    if (running.length) {
      say(`  ${what}: pipeline '${pipeline}' already ${running[0]?.state} (job ${running[0]?.jid}), not submitted again`);
      return { file, pipeline, jobIds: running.map((j) => j.jid), restoredFrom: null, skipped: true };
    }
  }
  const work = join(stateDir('flink'), 'sql');
  mkdirSync(work, { recursive: true });
  const restoredFrom = pipeline ? newestCheckpoint(pipeline) : null;
  const init = [
    '-- generated by stack/runner/flinkSql.ts',
    ...(pipeline ? [`SET 'execution.checkpointing.dir' = 'file://${pipelineCheckpointDir(pipeline)}';`] : []),
    ...(restoredFrom ? [`SET 'execution.state-recovery.path' = 'file://${restoredFrom}';`] : []),
    '',
  ].join('\n');
  const initFile = join(work, `${what}.init.sql`);
  const scriptFile = join(work, what);
  writeFileSync(initFile, init);
  writeFileSync(scriptFile, sql);
  say(`  ${what}: submitting${pipeline ? ` pipeline '${pipeline}'` : ''}${restoredFrom ? ` (restoring from ${restoredFrom})` : ''}…`);
  const { status, out } = runSqlClient(initFile, scriptFile);
  writeFileSync(join(work, `${what}.out`), out);
  if (status !== 0 || out.includes('[ERROR]')) throw new StackError(`${what}: the SQL client failed (exit ${status}):\n${clientError(out)}\n(full output: ${join(work, `${what}.out`)})`);
  const jobIds = [...new Set([...out.matchAll(/Job ID: ([0-9a-f]{32})/g)].map((m) => m[1] as string))];
  if (!pipeline && jobIds.length) warn(`  ${what}: starts a job but sets no 'pipeline.name', so it is submitted again at every start (see flink-sql/README.md)`);
  for (const jid of jobIds) {
    const state = await waitJob(jid, (s) => s === 'RUNNING' || s === 'FINISHED', 90_000);
    if (state === 'RUNNING') await waitTasksRunning(jid, 60_000);
    const now = (await rest<{ state?: string }>('GET', `/jobs/${jid}`)).json.state;
    if (now === 'FAILED') throw new StackError(`${what}: job ${jid}${pipeline ? ` ('${pipeline}')` : ''} FAILED:\n${await flinkJobError(jid)}`);
    if (now !== 'RUNNING' && now !== 'FINISHED') throw new StackError(`${what}: job ${jid} is ${now} after 90 s`);
  }
  if (restoredFrom && pipeline) pruneCheckpoints(pipeline, restoredFrom);
  say(`  ${what}: ${jobIds.length ? `job${jobIds.length > 1 ? 's' : ''} ${jobIds.join(', ')} running` : 'done (no job)'}`);
  return { file, pipeline, jobIds, restoredFrom, skipped: false };
}

/** All scripts of a folder (default flink-sql/), in name order; stops at the first failure. */
export async function submitFlinkSql(dir = FLINK_SQL_DIR, opts: { vars?: Record<string, string> } = {}): Promise<SubmitResult[]> {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sql')).sort() : [];
  if (!files.length) return [];
  const results: SubmitResult[] = [];
  for (const f of files) results.push(await submitFlinkScript(join(dir, f), opts));
  return results;
}

/** Cancels the pipeline's running jobs (its checkpoints are retained on cancellation). Returns their ids. */
export async function cancelFlinkJob(name: string): Promise<string[]> {
  const jobs = await activeJobs(name);
  for (const j of jobs) {
    const r = await rest('PATCH', `/jobs/${j.jid}?mode=cancel`);
    if (r.status !== 202) throw new StackError(`cancelling job ${j.jid} ('${name}') failed: ${r.status} ${JSON.stringify(r.json)}`);
  }
  for (const j of jobs) {
    const state = await waitJob(j.jid, (s) => !ACTIVE.has(s), 60_000);
    if (ACTIVE.has(state)) throw new StackError(`job ${j.jid} ('${name}') is still ${state} 60 s after cancel`);
  }
  return jobs.map((j) => j.jid);
}

/** Cancels the pipeline if it runs, then submits its script again, restored from its newest checkpoint. */
export async function restartFlinkJob(name: string, opts: { dir?: string; vars?: Record<string, string> } = {}): Promise<SubmitResult> {
  const dir = opts.dir ?? FLINK_SQL_DIR;
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join(dir, f))
    .find((f) => pipelineName(substituteVariables(readFileSync(f, 'utf8'), { ...flinkSqlVariables(), ...opts.vars }, basename(f))) === name);
  if (!file) throw new StackError(`no script in ${dir} sets 'pipeline.name' = '${name}'`);
  await cancelFlinkJob(name);
  return submitFlinkScript(file, opts);
}

// CLI, for by-hand use while the cluster runs.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd, arg] = process.argv.slice(2);
  const main = async (): Promise<void> => {
    if (cmd === 'submit') await submitFlinkSql(arg ? resolve(arg) : FLINK_SQL_DIR);
    else if (cmd === 'list') for (const j of await flinkJobs()) say(`${j.state.padEnd(10)} ${j.jid}  ${j.name}`);
    else if (cmd === 'cancel' && arg) say(`cancelled: ${(await cancelFlinkJob(arg)).join(', ') || '(nothing running)'}`);
    else if (cmd === 'restart' && arg) await restartFlinkJob(arg);
    else throw new StackError('usage: tsx stack/runner/flinkSql.ts submit [dir] | list | cancel <pipeline> | restart <pipeline>');
  };
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      warn(e instanceof StackError ? e.message : String((e as Error).stack ?? e));
      process.exit(1);
    },
  );
}
