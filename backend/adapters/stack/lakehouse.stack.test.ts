import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DeleteObjectsCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { Trino, type QueryResult } from 'trino-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { TimelineRow } from '../../../common/model';
import { historyStoreContract } from '../../ports/contracts/historyStoreContract';
import { DEFAULT_S3, s3Client } from './s3ObjectStore';
import { DEFAULT_TRINO, TrinoHistoryStore, sqlIdentifier, sqlString, sqlTimestamp } from './trinoHistoryStore';
import { STACK_DEFAULTS } from '../../../common/stackPorts';

// The lakehouse chain on the runner's engines (npm run stack:up -- s3 nessie trino): Trino's Iceberg
// connector → Nessie's Iceberg REST catalog → data and metadata files on the S3 server. Then the
// HistoryStore contract on TrinoHistoryStore, seeded through Trino (the adapter has no writes; Flink
// writes cs_timeline in production). Everything lives in a throwaway schema dropped after the run.
const TRINO_URL = process.env.CS360_TRINO_URL ?? DEFAULT_TRINO.url;
const NESSIE_URL = process.env.CS360_NESSIE_URL ?? STACK_DEFAULTS.nessieUrl;
const S3_ENDPOINT = process.env.CS360_S3_ENDPOINT ?? DEFAULT_S3.endpoint;
const CATALOG = DEFAULT_TRINO.catalog;
const LAKEHOUSE_BUCKET = 'cs360-lakehouse';
const RUN = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const SCHEMA = `lakehouse_${RUN}`;
const Q = (table: string) => `${sqlIdentifier(CATALOG)}.${sqlIdentifier(SCHEMA)}.${sqlIdentifier(table)}`;

const trino = Trino.create({ server: TRINO_URL, catalog: CATALOG, extraHeaders: { 'X-Trino-User': 'cs360-stack-test' } });
/** One statement to completion (test-only: DDL and seeding, values rendered by the adapter's literal functions). */
async function sql(statement: string): Promise<unknown[][]> {
  try {
    const it = await trino.query(statement);
    const rows: unknown[][] = [];
    for (;;) {
      const { value, done } = (await it.next()) as IteratorResult<QueryResult, QueryResult>;
      if (value?.error) throw new Error(`${value.error.errorName}: ${value.error.message}`);
      rows.push(...((value?.data ?? []) as unknown[][]));
      if (done) return rows;
    }
  } catch (e) {
    throw new Error(`Trino at ${TRINO_URL} failed — is the stack up (npm run stack:up -- s3 nessie trino)? ${(e as Error).message}`, { cause: e });
  }
}

/** The columns Flink writes through Paimon (seed 000 §5); Iceberg surfaces TIMESTAMP(3) as timestamp(6) in Trino. */
const TIMELINE_DDL = '(customer_id VARCHAR, event_type VARCHAR, payload MAP(VARCHAR, VARCHAR), event_time TIMESTAMP(6))';
const rowLiteral = (r: TimelineRow) => {
  const entries = Object.entries(r.payload);
  const map = `MAP(ARRAY[${entries.map(([k]) => sqlString(k)).join(', ')}], ARRAY[${entries.map(([, v]) => sqlString(v)).join(', ')}])`;
  return `(${sqlString(r.customer_id)}, ${sqlString(r.event_type)}, ${entries.length ? map : 'MAP()'}, ${sqlTimestamp(r.event_time)})`;
};
async function createTimeline(table: string, rows: TimelineRow[]): Promise<void> {
  await sql(`CREATE TABLE ${Q(table)} ${TIMELINE_DDL}`);
  if (rows.length) await sql(`INSERT INTO ${Q(table)} VALUES ${rows.map(rowLiteral).join(', ')}`);
}

let schemaSetup: Promise<unknown> | null = null;
const ensureSchema = () => (schemaSetup ??= sql(`CREATE SCHEMA ${sqlIdentifier(CATALOG)}.${sqlIdentifier(SCHEMA)}`));
afterAll(async () => {
  if (!schemaSetup) return;
  const tables = await sql(`SHOW TABLES FROM ${sqlIdentifier(CATALOG)}.${sqlIdentifier(SCHEMA)}`).catch(() => []);
  for (const [t] of tables) await sql(`DROP VIEW IF EXISTS ${Q(String(t))}`).catch(() => sql(`DROP TABLE IF EXISTS ${Q(String(t))}`).catch(() => undefined));
  for (const [t] of tables) await sql(`DROP TABLE IF EXISTS ${Q(String(t))}`).catch(() => undefined);
  await sql(`DROP SCHEMA IF EXISTS ${sqlIdentifier(CATALOG)}.${sqlIdentifier(SCHEMA)}`).catch(() => undefined);
  // Nessie never deletes files (DROP TABLE only removes the pointer): remove this run's objects.
  const s3 = s3Client({ endpoint: S3_ENDPOINT });
  try {
    for (;;) {
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: LAKEHOUSE_BUCKET, Prefix: `warehouse/${SCHEMA}/` }));
      const keys = (listed.Contents ?? []).map((o) => ({ Key: o.Key as string }));
      if (!keys.length) break;
      await s3.send(new DeleteObjectsCommand({ Bucket: LAKEHOUSE_BUCKET, Delete: { Objects: keys } }));
    }
  } finally {
    s3.destroy();
  }
});

describe('lakehouse chain: Trino → Nessie (Iceberg REST) → S3', () => {
  it('creates a schema and an Iceberg table, inserts, reads back, and drops it; files on S3, table in Nessie', async () => {
    await ensureSchema();
    await createTimeline('chain', [
      { customer_id: 'C0000001', event_type: 'order.created', event_time: Date.UTC(2026, 0, 2, 3, 4, 5, 678), payload: { order_id: 'O1', note: "it's" } },
      { customer_id: 'C0000001', event_type: 'note.added', event_time: Date.UTC(2026, 0, 2, 3, 4, 6), payload: {} },
    ]);
    const rows = await sql(`SELECT customer_id, event_type, payload, CAST(event_time AS VARCHAR) FROM ${Q('chain')} ORDER BY event_time`);
    expect(rows).toEqual([
      ['C0000001', 'order.created', { order_id: 'O1', note: "it's" }, '2026-01-02 03:04:05.678000'],
      ['C0000001', 'note.added', {}, '2026-01-02 03:04:06.000000'],
    ]);

    // Nessie holds the table pointer on its default branch…
    const key = `${SCHEMA}.chain`;
    const content = await fetch(`${NESSIE_URL}/api/v2/trees/main/contents/${key}`);
    expect(content.status).toBe(200);
    const body = (await content.json()) as { content: { type: string; metadataLocation: string } };
    expect(body.content.type).toBe('ICEBERG_TABLE');
    expect(body.content.metadataLocation).toMatch(/^s3:\/\/cs360-lakehouse\/warehouse\//);

    // …and the data files are objects in the lakehouse bucket.
    const files = await sql(`SELECT file_path FROM ${sqlIdentifier(CATALOG)}.${sqlIdentifier(SCHEMA)}."chain$files"`);
    expect(files.length).toBeGreaterThan(0);
    const s3 = s3Client({ endpoint: S3_ENDPOINT });
    try {
      for (const [path] of files) {
        const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(String(path));
        expect(m?.[1]).toBe(LAKEHOUSE_BUCKET);
        const head = await s3.send(new HeadObjectCommand({ Bucket: m![1], Key: m![2] }));
        expect(head.ContentLength).toBeGreaterThan(0);
      }
    } finally {
      s3.destroy();
    }

    await sql(`DROP TABLE ${Q('chain')}`);
    expect((await fetch(`${NESSIE_URL}/api/v2/trees/main/contents/${key}`)).status).toBe(404);
  });
});

/** stack/trino/views.sql's vw_support_case_timeline, as the runner applies it, over `table` under the name `view`. */
async function createCaseView(table: string, view: string): Promise<void> {
  const text = readFileSync(new URL('../../../stack/trino/views.sql', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('--'))
    .join('\n')
    .replaceAll('${SCHEMA}', SCHEMA);
  const statement = text.split(/^;\s*$/m).find((s) => s.includes('vw_support_case_timeline'));
  if (!statement) throw new Error('views.sql has no vw_support_case_timeline');
  await sql(statement.trim().replace('.vw_support_case_timeline ', `.${view} `).replace(`${SCHEMA}.cs_timeline\n`, `${SCHEMA}.${table}\n`));
}

// ---- HistoryStore contract: a fresh table (and case view over it) per test in the throwaway schema, seeded through Trino.
let tableCount = 0;
historyStoreContract('Trino (Iceberg on Nessie + S3)', async () => {
  await ensureSchema();
  const table = `cs_timeline_${++tableCount}`;
  const caseView = `vw_case_${tableCount}`;
  const store = new TrinoHistoryStore({ url: TRINO_URL, catalog: CATALOG, schema: SCHEMA, table, caseView });
  return {
    store,
    load: async (rows) => {
      await createTimeline(table, rows);
      await createCaseView(table, caseView);
    },
    close: async () => {
      await sql(`DROP VIEW IF EXISTS ${Q(caseView)}`);
      await sql(`DROP TABLE IF EXISTS ${Q(table)}`);
    },
  };
});

describe('TrinoHistoryStore on Trino', () => {
  it('treats quotes in a customer id as data: nothing matches, nothing breaks', async () => {
    await ensureSchema();
    await createTimeline('quotes', [{ customer_id: "C'1", event_type: 'note.added', event_time: 1000, payload: { body: "'; DROP TABLE x; --" } }]);
    const store = new TrinoHistoryStore({ url: TRINO_URL, catalog: CATALOG, schema: SCHEMA, table: 'quotes' });
    expect(await store.timelinePage({ customerId: "x' OR '1'='1", limit: 10 })).toEqual([]);
    const [row] = await store.timelinePage({ customerId: "C'1", limit: 10 });
    expect(row).toEqual({ customer_id: "C'1", event_type: 'note.added', event_time: 1000, payload: { body: "'; DROP TABLE x; --" } });
  });

  it('answers a missing table with Trino\'s error, not UNAVAILABLE', async () => {
    await ensureSchema();
    const store = new TrinoHistoryStore({ url: TRINO_URL, catalog: CATALOG, schema: SCHEMA, table: 'no_such_table' });
    await expect(store.timelinePage({ customerId: 'C0000001', limit: 1 })).rejects.toMatchObject({ name: 'TrinoQueryError', errorName: 'TABLE_NOT_FOUND' });
  });
});
