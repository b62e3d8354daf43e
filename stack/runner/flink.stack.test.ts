import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { Admin, Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Client } from '../../backend/adapters/stack/s3ObjectStore';
import { FLINK_URL, KAFKA_BOOTSTRAP, S3_ENDPOINT } from './ports';
import { cancelFlinkJob, flinkJobs, pipelineCheckpointDir, restartFlinkJob, submitFlinkSql } from './flinkSql';

// The runner's Flink session cluster end to end (services kafka, s3, flink): a throwaway pipeline
// reads a Kafka topic (JSON), writes to another topic and to a Paimon table in MinIO, is submitted
// with the runner's own function, then cancelled and resubmitted from its retained checkpoint.
const id = randomUUID().slice(0, 8);
const PIPELINE = `cs360-flink-smoke-${id}`;
const IN = `cs360.flink-smoke.in.${id}`;
const OUT = `cs360.flink-smoke.out.${id}`;
const TABLE = `smoke_${id}`;
const WAREHOUSE_BUCKET = 'cs360-lakehouse';
const WAREHOUSE_PREFIX = 'paimon-test';
const FILES = `flink-smoke-${id}`;
const vars = { PIPELINE, IN, OUT, TABLE, FILES };

// Flink's own s3:// filesystem (the plugin) reads a CSV file from MinIO into the same output.
// Checkpoints every 5 s (the cluster's 30 s would make the Paimon commit and the restart slow).
const SCRIPT = `-- throwaway pipeline of stack/runner/flink.stack.test.ts
SET 'pipeline.name' = '\${PIPELINE}';
SET 'execution.checkpointing.interval' = '5 s';

CREATE TEMPORARY TABLE src (id STRING, amount INT) WITH (
  'connector' = 'kafka',
  'topic' = '\${IN}',
  'properties.bootstrap.servers' = '\${KAFKA_BOOTSTRAP}',
  'properties.group.id' = '\${PIPELINE}',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);
CREATE TEMPORARY TABLE dst (id STRING, amount INT, doubled INT) WITH (
  'connector' = 'kafka',
  'topic' = '\${OUT}',
  'properties.bootstrap.servers' = '\${KAFKA_BOOTSTRAP}',
  'format' = 'json'
);
CREATE TEMPORARY TABLE files (id STRING, amount INT) WITH (
  'connector' = 'filesystem',
  'path' = 's3://${WAREHOUSE_BUCKET}/\${FILES}/',
  'format' = 'csv'
);
CREATE CATALOG smoke_lake WITH (
  'type' = 'paimon',
  'warehouse' = 's3://${WAREHOUSE_BUCKET}/${WAREHOUSE_PREFIX}',
  's3.endpoint' = '\${S3_ENDPOINT}',
  's3.access-key' = '\${S3_ACCESS_KEY}',
  's3.secret-key' = '\${S3_SECRET_KEY}',
  's3.path.style.access' = 'true'
);
CREATE DATABASE IF NOT EXISTS smoke_lake.smoke;
CREATE TABLE IF NOT EXISTS smoke_lake.smoke.\`\${TABLE}\` (id STRING, amount INT, PRIMARY KEY (id) NOT ENFORCED) WITH ('bucket' = '1');

EXECUTE STATEMENT SET BEGIN
  INSERT INTO dst SELECT id, amount, amount * 2 FROM src UNION ALL SELECT id, amount, amount * 2 FROM files;
  INSERT INTO smoke_lake.smoke.\`\${TABLE}\` SELECT id, amount FROM src;
END;
`;

const base = { clientId: `cs360-flink-smoke-${id}`, bootstrapBrokers: [KAFKA_BOOTSTRAP], retries: 3, retryDelay: 250, timeout: 5000 };
let dir = '';
let producer: Producer<string, string, string, string>;
let consumer: Consumer<string, string, string, string>;
const seen = new Map<string, { id: string; amount: number; doubled: number }>();
const s3 = s3Client({ endpoint: S3_ENDPOINT });

async function produce(...rows: { id: string; amount: number }[]): Promise<void> {
  await producer.send({ messages: rows.map((r) => ({ topic: IN, key: r.id, value: JSON.stringify(r) })) });
}
async function waitFor(cond: () => boolean | Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} not within ${timeoutMs / 1000} s`);
}
async function tableObjects(sub = ''): Promise<string[]> {
  const r = await s3.send(new ListObjectsV2Command({ Bucket: WAREHOUSE_BUCKET, Prefix: `${WAREHOUSE_PREFIX}/smoke.db/${TABLE}/${sub}` }));
  return (r.Contents ?? []).map((o) => o.Key as string);
}

describe('flink (runner session cluster + flinkSql.ts)', () => {
  beforeAll(async () => {
    const overview = await fetch(`${FLINK_URL}/overview`).catch((e: Error) => {
      throw new Error(`Flink at ${FLINK_URL} failed — is the stack up (npm run stack:up -- kafka s3 flink)? ${e.message}`);
    });
    expect(overview.status).toBe(200);
    const admin = new Admin(base);
    try {
      await admin.createTopics({ topics: [IN, OUT], partitions: 1, replicas: 1 });
    } finally {
      await admin.close();
    }
    producer = new Producer({ ...base, serializers: stringSerializers, acks: -1 });
    consumer = new Consumer({ ...base, groupId: `cs360-flink-smoke-test-${id}`, deserializers: stringDeserializers, autocommit: false, maxWaitTime: 500 });
    const stream = await consumer.consume({ topics: [OUT], mode: 'earliest', autocommit: false });
    stream.on('data', (m: { value: string }) => {
      const row = JSON.parse(m.value) as { id: string; amount: number; doubled: number };
      seen.set(row.id, row);
    });
    await s3.send(new PutObjectCommand({ Bucket: WAREHOUSE_BUCKET, Key: `${FILES}/rows.csv`, Body: 'csv-1,5\n', ContentType: 'text/csv' }));
    dir = mkdtempSync(join(tmpdir(), 'cs360-flink-smoke-'));
    writeFileSync(join(dir, '10_smoke.sql'), SCRIPT);
  });

  afterAll(async () => {
    await cancelFlinkJob(PIPELINE).catch(() => undefined);
    await new Promise<void>((r) => (consumer ? consumer.close(true, () => r()) : r()));
    await producer?.close().catch(() => undefined);
    const admin = new Admin(base);
    await admin.deleteTopics({ topics: [IN, OUT] }).catch(() => undefined);
    await admin.close().catch(() => undefined);
    const keys = await tableObjects().catch(() => [] as string[]);
    if (keys.length) await s3.send(new DeleteObjectsCommand({ Bucket: WAREHOUSE_BUCKET, Delete: { Objects: keys.map((Key) => ({ Key })) } })).catch(() => undefined);
    await s3.send(new DeleteObjectCommand({ Bucket: WAREHOUSE_BUCKET, Key: `${FILES}/rows.csv` })).catch(() => undefined);
    s3.destroy();
    rmSync(pipelineCheckpointDir(PIPELINE), { recursive: true, force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('submits a script once: Kafka JSON and a CSV file in S3 in → Kafka and a Paimon table in MinIO out', async () => {
    const [first] = await submitFlinkSql(dir, { vars });
    expect(first?.pipeline).toBe(PIPELINE);
    expect(first?.jobIds).toHaveLength(1);
    const jobs = await flinkJobs();
    expect(jobs.find((j) => j.jid === first?.jobIds[0])?.state).toBe('RUNNING');

    await produce({ id: 'a', amount: 1 }, { id: 'b', amount: 2 }, { id: 'c', amount: 3 });
    await waitFor(() => ['a', 'b', 'c', 'csv-1'].every((k) => seen.has(k)), 'the 3 Kafka records and the CSV row on the output topic', 60_000);
    expect(seen.get('b')).toEqual({ id: 'b', amount: 2, doubled: 4 });
    expect(seen.get('csv-1')).toEqual({ id: 'csv-1', amount: 5, doubled: 10 });

    // Submitting again while it runs does nothing.
    const [again] = await submitFlinkSql(dir, { vars });
    expect(again?.skipped).toBe(true);
    expect(again?.jobIds).toEqual(first?.jobIds);

    // Paimon commits on checkpoints: a snapshot appears in the warehouse.
    await waitFor(async () => (await tableObjects('snapshot/')).some((k) => /snapshot-\d+$/.test(k)), 'a Paimon snapshot in MinIO', 45_000);
  });

  it('resubmitted after a cancel, the pipeline restores from its retained checkpoint and goes on', async () => {
    const result = await restartFlinkJob(PIPELINE, { dir, vars });
    expect(result.restoredFrom).toMatch(/\/chk-\d+$/);
    expect(result.jobIds).toHaveLength(1);
    await produce({ id: 'd', amount: 4 });
    await waitFor(() => seen.has('d'), 'the record sent after the restart', 60_000);
    expect(seen.get('d')?.doubled).toBe(8);
    expect(await cancelFlinkJob(PIPELINE)).toEqual(result.jobIds);
  });
});
