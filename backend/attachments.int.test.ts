import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from './testing/http';
import { startTestApp, type TestApp } from './testing/testApp';

// Attachments and notes sync in embedded mode: no object store, no CouchDB. Authentication,
// authorization and input checks still answer first; a valid request gets a typed 503.
let t: TestApp;
let agent: string;
let analyst: string;
let ticketId: string;
beforeAll(async () => {
  t = await startTestApp({ demo: { customers: 20, events: 1000, whaleEvents: 100 } });
  [agent, analyst] = await Promise.all([t.token('AGENT'), t.token('ANALYST')]);
  const created = await rest<{ ticket_id: string }>(t.baseUrl, agent, 'POST', '/support/cases', { customerId: 'C0000001', subject: 'Hóa đơn sai', message: 'Gửi ảnh hóa đơn' });
  expect(created.status).toBe(201);
  ticketId = created.json.ticket_id;
});
afterAll(async () => t?.close());

const upload = { fileName: 'invoice.pdf', contentType: 'application/pdf', size: 1234 };
const attachments = () => `/api/cases/${ticketId}/attachments`;

describe('attachments and notes sync in embedded mode', () => {
  it('answers a valid upload, download and notes-sync request with 503 UNAVAILABLE and a reason', async () => {
    const up = await rest(t.baseUrl, agent, 'POST', attachments(), upload);
    expect(up.status).toBe(503);
    expect(up.json.error).toEqual({ code: 'UNAVAILABLE', message: 'attachments need stack mode (S3)', details: { reason: 'OBJECTS_NOT_CONFIGURED' } });
    const key = `cases/${ticketId}/${randomUUID()}-invoice.pdf`;
    const down = await rest(t.baseUrl, analyst, 'GET', `${attachments()}?key=${encodeURIComponent(key)}`);
    expect(down.status).toBe(503);
    expect(down.json.error?.code).toBe('UNAVAILABLE');
    const notes = await rest(t.baseUrl, agent, 'GET', '/api/notes/sync');
    expect(notes.status).toBe(503);
    expect(notes.json.error).toEqual({ code: 'UNAVAILABLE', message: 'notes sync needs stack mode (CouchDB)', details: { reason: 'NOTES_SYNC_NOT_CONFIGURED' } });
  });

  it('refuses without a session (401) and an ANALYST uploading (403)', async () => {
    for (const [method, path, body] of [
      ['POST', attachments(), upload],
      ['GET', `${attachments()}?key=x`, undefined],
      ['GET', '/api/notes/sync', undefined],
    ] as const) {
      const r = await rest(t.baseUrl, null, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(401);
      expect(r.json.error?.code).toBe('UNAUTHENTICATED');
    }
    const r = await rest(t.baseUrl, analyst, 'POST', attachments(), upload);
    expect(r.status).toBe(403);
    expect(r.json.error?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['a type outside the allowed list', { ...upload, contentType: 'text/html' }, 'contentType'],
    ['a file over 10 MB', { ...upload, size: 10 * 1024 * 1024 + 1 }, 'size'],
    ['an empty file', { ...upload, size: 0 }, 'size'],
    ['a fractional size', { ...upload, size: 1.5 }, 'size'],
    ['no file name', { contentType: 'image/png', size: 10 }, 'fileName'],
    ['a control character in the name', { ...upload, fileName: 'a\u0000.pdf' }, 'fileName'],
    ['an unknown field', { ...upload, key: 'cases/other/x' }, 'body'],
  ])('answers an upload with %s with 400 INVALID_INPUT naming the field', async (_, body, field) => {
    const r = await rest(t.baseUrl, agent, 'POST', attachments(), body);
    expect(r.status).toBe(400);
    expect(r.json.error?.code).toBe('INVALID_INPUT');
    if (field !== 'body') expect((r.json.error as { details?: { field?: string } }).details?.field).toBe(field);
  });

  it('checks the case: a malformed id is 400, an unknown one 404', async () => {
    expect((await rest(t.baseUrl, agent, 'POST', '/api/cases/not-a-case/attachments', upload)).status).toBe(400);
    const unknown = await rest(t.baseUrl, agent, 'POST', `/api/cases/${randomUUID()}/attachments`, upload);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error?.code).toBe('NOT_FOUND');
  });

  it.each([
    ['no key', ''],
    ['a key of another case', `?key=${encodeURIComponent(`cases/${randomUUID()}/${randomUUID()}-a.pdf`)}`],
    ['an arbitrary key', `?key=${encodeURIComponent('stack/logistics/shipments.csv')}`],
    ['a traversal', `?key=${encodeURIComponent('cases/{id}/../../secrets')}`],
  ])('refuses a download with %s (400), before any store is asked', async (_, query) => {
    const r = await rest(t.baseUrl, agent, 'GET', `${attachments()}${query.replace('%7Bid%7D', ticketId)}`);
    expect(r.status).toBe(400);
    expect((r.json.error as { details?: { field?: string } }).details?.field).toBe('key');
  });
});
