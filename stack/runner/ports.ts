// The runner's ports and addresses, in one place: common/stackPorts.ts's table, each overridable
// with CS360_<ENGINE>_PORT (e.g. CS360_KAFKA_PORT) when a port is taken on this machine.
import { STACK_HOST, STACK_PORTS, STACK_S3_CREDENTIALS, type StackEngine } from '../../common/stackPorts';

export const HOST = STACK_HOST;

/** CS360_KAFKA_PORT, CS360_CASSANDRA_STORAGE_PORT, … (camelCase engine name in upper snake case). */
export const portVariable = (engine: StackEngine) => `CS360_${engine.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_PORT`;

function port(engine: StackEngine, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[portVariable(engine)];
  if (raw === undefined || raw === '') return STACK_PORTS[engine];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) throw new Error(`${portVariable(engine)}=${raw} is not a TCP port`);
  return n;
}

export function runnerPorts(env: NodeJS.ProcessEnv = process.env): Record<StackEngine, number> {
  return Object.fromEntries((Object.keys(STACK_PORTS) as StackEngine[]).map((e) => [e, port(e, env)])) as Record<StackEngine, number>;
}

export const PORTS = runnerPorts();

export const KAFKA_BOOTSTRAP = `${HOST}:${PORTS.kafka}`;
export const S3_ENDPOINT = `http://${HOST}:${PORTS.s3}`;
export const S3_USER = STACK_S3_CREDENTIALS.accessKeyId;
export const S3_PASSWORD = STACK_S3_CREDENTIALS.secretAccessKey;
export const TRINO_URL = `http://${HOST}:${PORTS.trino}`;
export const NESSIE_ICEBERG_URI = `http://${HOST}:${PORTS.nessie}/iceberg`;
export const CONNECT_URL = `http://${HOST}:${PORTS.connect}`;
export const FLINK_URL = `http://${HOST}:${PORTS.flink}`;
export const COUCHDB_URL = `http://${HOST}:${PORTS.couchdb}`;
