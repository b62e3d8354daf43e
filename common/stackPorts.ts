/**
 * The loopback ports of the engines in stack mode: the no-Docker runner listens on them and the
 * backend's stack-mode config defaults point at them. One table, so a port is changed in one place
 * (the runner also takes CS360_<ENGINE>_PORT overrides, see stack/runner/ports.ts).
 */
export const STACK_HOST = '127.0.0.1';

export const STACK_PORTS = {
  pg: 55432,
  redis: 56379,
  kafka: 59092,
  cassandra: 59042,
  cassandraStorage: 57000,
  cassandraJmx: 57199,
  s3: 59000,
  nessie: 59120,
  nessieManagement: 59121,
  trino: 58080,
  mariadb: 53306,
  connect: 58083,
  flink: 58081,
  flinkRpc: 58123,
  couchdb: 55984,
} as const;

export type StackEngine = keyof typeof STACK_PORTS;

/** The development credentials of the runner's MinIO (never used outside loopback). */
export const STACK_S3_CREDENTIALS = { accessKeyId: 'cs360', secretAccessKey: 'cs360-dev-only' } as const;

/** The defaults the backend's stack-mode config uses: the runner's engines on loopback. */
export interface StackDefaults {
  readonly cassandraContactPoints: readonly string[];
  readonly kafkaBrokers: readonly string[];
  readonly postgresUrl: string;
  readonly redisUrl: string;
  readonly trinoUrl: string;
  readonly s3Endpoint: string;
  readonly couchdbUrl: string;
  readonly nessieUrl: string;
  readonly connectUrl: string;
  readonly flinkUrl: string;
}

export const STACK_DEFAULTS: StackDefaults = {
  cassandraContactPoints: [`${STACK_HOST}:${STACK_PORTS.cassandra}`],
  postgresUrl: `postgres://cs360@${STACK_HOST}:${STACK_PORTS.pg}/cs360`,
  redisUrl: `redis://${STACK_HOST}:${STACK_PORTS.redis}/0`,
  kafkaBrokers: [`${STACK_HOST}:${STACK_PORTS.kafka}`],
  trinoUrl: `http://${STACK_HOST}:${STACK_PORTS.trino}`,
  s3Endpoint: `http://${STACK_HOST}:${STACK_PORTS.s3}`,
  couchdbUrl: `http://${STACK_HOST}:${STACK_PORTS.couchdb}`,
  nessieUrl: `http://${STACK_HOST}:${STACK_PORTS.nessie}`,
  connectUrl: `http://${STACK_HOST}:${STACK_PORTS.connect}`,
  flinkUrl: `http://${STACK_HOST}:${STACK_PORTS.flink}`,
};
