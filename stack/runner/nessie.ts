// Nessie: the Quarkus runner jar, RocksDB version store in the state dir (kept across restarts)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, HOST, STACK, StackError, mavenLib,  say, stateDir, stopPid, startDetached } from './lib';
import { java25 } from './jdk25';
import { NESSIE_ICEBERG_URI, PORTS, S3_ENDPOINT } from './ports';
import type { Service } from './service';

/** The newest nessie-quarkus runner jar the Maven Central reachable here serves (0.60.1 and 0.99.0 only). */
export const NESSIE_VERSION = '0.99.0';
export const NESSIE_PORT = PORTS.nessie;
/** Quarkus's management interface (health, metrics); Nessie's default 9000 would sit next to MinIO's S3 port in compose only. */
const NESSIE_MGMT_PORT = PORTS.nessieManagement;
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
