// Flink 1.20 session cluster (a JobManager and one TaskManager) as a runner service; once it is up,
// the pipelines of flink-sql/*.sql are submitted and Trino's views applied over their tables.
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { StackError, javaMajor, say, startDetached, stateDir, stopPid, warn } from './lib';
import { FLINK_PORT, FLINK_VERSION, buildFlinkUdf, flinkEnv, flinkProcessArgs, installFlinkJars, memoryParams, startTaskManager, taskManagerPid, tmPidFile, writeFlinkConf } from './flinkCluster';
import { flinkSqlVariables, submitFlinkSql } from './flinkSql';
import { FLINK_URL } from './ports';
import type { Service } from './service';
import { applyTrinoViews } from './trino';

interface Overview {
  taskmanagers?: number;
  'slots-total'?: number;
  'slots-available'?: number;
  'jobs-running'?: number;
}

export const flink: Service = {
  name: 'flink',
  port: FLINK_PORT,
  marker: 'StandaloneSessionClusterEntrypoint',
  startTimeoutMs: 120_000,
  install() {
    const major = javaMajor();
    if (major !== 11 && major !== 17) throw new StackError(`Flink ${FLINK_VERSION} is run here on Java 11 or 17 (found ${major})`);
    installFlinkJars();
    buildFlinkUdf();
  },
  start() {
    const conf = writeFlinkConf();
    const { jvm, dynamic } = memoryParams('JM', conf);
    const log = join(stateDir('flink'), 'flink.log');
    const jm = startDetached(
      'flink',
      'java',
      flinkProcessArgs(conf, jvm, dynamic, log, 'org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint'),
      { env: flinkEnv() },
    );
    // A TaskManager left by an earlier start (its JobManager died) may have other settings: replace
    // it. It holds no state worth keeping (that is in the checkpoints).
    const old = taskManagerPid();
    if (old !== null) {
      warn(`  killing the TaskManager of an earlier start (pid ${old})`);
      process.kill(old, 'SIGKILL');
    }
    // The TaskManager retries its registration until the JobManager answers: no need to wait here.
    const tm = startTaskManager(conf);
    say(`  taskmanager pid ${tm}, log ${join(stateDir('flink'), 'taskmanager.log')}`);
    return jm;
  },
  async probe() {
    // A TaskManager registered with its slots: the cluster can run jobs (slots may be busy with them).
    const r = await fetch(`${FLINK_URL}/overview`, { signal: AbortSignal.timeout(3000) }).catch(() => null);
    if (r?.status !== 200) return false;
    const o = (await r.json().catch(() => ({}))) as Overview;
    return (o.taskmanagers ?? 0) >= 1 && (o['slots-total'] ?? 0) >= 1;
  },
  async afterReady() {
    await submitFlinkSql();
    // The Trino views read the tables the jobs just created (trino and nessie start before flink).
    const n = await applyTrinoViews(flinkSqlVariables().LAKEHOUSE_DATABASE);
    say(`  trino: ${n} view(s) of stack/trino/views.sql applied`);
  },
  async stop(pid) {
    const tm = taskManagerPid();
    if (tm !== null) await stopPid(tm, 30_000);
    rmSync(tmPidFile(), { force: true });
    await stopPid(pid, 30_000);
  },
};
