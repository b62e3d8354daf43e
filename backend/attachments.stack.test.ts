import { randomBytes } from 'node:crypto';
import { DeleteBucketCommand, DeleteObjectsCommand, HeadBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COUCHDB_URL } from './adapters/stack/couchNotesSync';
import { s3Client } from './adapters/stack/s3ObjectStore';
import type { PresignedUpload } from './ports/objectStore';
import { postUpload } from './ports/contracts/objectStoreContract';
import { rest } from './testing/http';
import { startStackTestApp, type StackTestApp } from './testing/stackTestApp';

// Attachments and notes sync over REST in stack mode, on the runner's MinIO and CouchDB-protocol
// server: presign → the browser's multipart POST straight to S3 → presign download → same bytes.
// A throwaway bucket (missing at start: the backend creates it) and database prefix per run.
const SUFFIX = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const BUCKET = `cs360-att-${SUFFIX}`;
const PREFIX = `notes_att_${SUFFIX}_`;

let s: StackTestApp;
let agent: string;
let analyst: string;
let ticketId: string;
let s3: ReturnType<typeof s3Client>;

beforeAll(async () => {
  s = await startStackTestApp('attach', { customers: 20, events: 1000, whaleEvents: 100 }, { stack: { s3: { bucket: BUCKET }, couchdb: { databasePrefix: PREFIX } } });
  const base = s.app.baseUrl;
  s3 = s3Client(s.app.config.stack.s3);
  [agent, analyst] = await Promise.all([s.app.token('AGENT'), s.app.token('ANALYST')]);
  const created = await rest<{ ticket_id: string }>(base, agent, 'POST', '/support/cases', { customerId: 'C0000001', subject: 'Hóa đơn sai', message: 'Gửi ảnh hóa đơn' });
  expect(created.status, created.text).toBe(201);
  ticketId = created.json.ticket_id;
});
afterAll(async () => {
  await s?.close();
  if (!s3) return;
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET })).catch(() => null);
  const keys = (listed?.Contents ?? []).map((o) => ({ Key: o.Key as string }));
  if (keys.length) await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: keys } }));
  await s3.send(new DeleteBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
  s3?.destroy();
});

const presign = (token: string, body: unknown) => rest<PresignedUpload>(s.app.baseUrl, token, 'POST', `/api/cases/${ticketId}/attachments`, body);
const download = (token: string, key: string) => rest<{ url: string; expiresAt: number }>(s.app.baseUrl, token, 'GET', `/api/cases/${ticketId}/attachments?key=${encodeURIComponent(key)}`);

describe('attachments over REST on S3 (MinIO)', () => {
  it('created the missing attachments bucket at start', async () => {
    await expect(s3.send(new HeadBucketCommand({ Bucket: BUCKET }))).resolves.toBeTruthy();
  });

  it('presign → multipart POST to S3 → presign download → the same bytes', async () => {
    const body = randomBytes(200 * 1024 + 3);
    const up = await presign(agent, { fileName: 'Hóa đơn tháng 5.pdf', contentType: 'application/pdf', size: body.length });
    expect(up.status, up.text).toBe(201);
    expect(up.json.key).toMatch(new RegExp(`^cases/${ticketId}/[0-9a-f-]{36}-Hoa_don_thang_5.pdf$`));
    expect(up.json.expiresAt).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    const posted = await postUpload(up.json, body, 'application/pdf');
    expect(posted.status, await posted.clone().text()).toBeLessThan(300);

    // Any role may read; the URL downloads as an attachment with the signed type.
    const down = await download(analyst, up.json.key);
    expect(down.status, down.text).toBe(200);
    const got = await fetch(down.json.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(Buffer.from(await got.arrayBuffer()).equals(body)).toBe(true);
  });

  it('the API refuses an oversize or wrong-type upload before signing anything', async () => {
    const big = await presign(agent, { fileName: 'scan.png', contentType: 'image/png', size: 10 * 1024 * 1024 + 1 });
    expect([big.status, big.json.error?.code]).toEqual([400, 'INVALID_INPUT']);
    const html = await presign(agent, { fileName: 'x.html', contentType: 'text/html', size: 10 });
    expect([html.status, html.json.error?.code]).toEqual([400, 'INVALID_INPUT']);
  });

  it('S3 refuses a client that lies about the size or the type, and stores nothing', async () => {
    const up = await presign(agent, { fileName: 'small.txt', contentType: 'text/plain', size: 100 });
    expect(up.status).toBe(201);
    const tooBig = await postUpload(up.json, randomBytes(101), 'text/plain');
    expect(tooBig.status).toBeGreaterThanOrEqual(400);
    expect(tooBig.status).toBeLessThan(500);
    expect(await tooBig.text()).toMatch(/EntityTooLarge|too large/i);
    const wrongType = await postUpload(up.json, Buffer.from('<script>alert(1)</script>'), 'text/html', { 'Content-Type': 'text/html' });
    expect(wrongType.status).toBe(403);
    const down = await download(agent, up.json.key);
    expect((await fetch(down.json.url)).status).toBe(404);
    // The declared size itself is accepted.
    expect((await postUpload(up.json, randomBytes(100), 'text/plain')).status).toBeLessThan(300);
  });

  it('never presigns a key outside the case', async () => {
    const other = await download(agent, `cases/00000000-0000-4000-8000-000000000000/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}-a.pdf`);
    expect([other.status, other.json.error?.code]).toEqual([400, 'INVALID_INPUT']);
  });
});

describe('notes sync over REST on the CouchDB protocol', () => {
  it("answers the signed-in agent's own database, created on the server", async () => {
    const r = await rest<{ url: string; database: string; headers: Record<string, string> }>(s.app.baseUrl, agent, 'GET', '/api/notes/sync');
    expect(r.status, r.text).toBe(200);
    const agentId = await s.app.agentId('AGENT');
    expect(r.json).toEqual({ url: DEFAULT_COUCHDB_URL, database: PREFIX.replace(/_+$/, ''), privateDatabase: `${PREFIX}${agentId.toLowerCase()}`, headers: {}, auth: 'headers' });
    const json = r.json as { url: string; privateDatabase?: string };
    const info = await fetch(`${json.url}/${json.privateDatabase}`);
    expect(info.status).toBe(200);
    await fetch(`${json.url}/${json.privateDatabase}`, { method: 'DELETE' });
  });
});
