import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest } from './testing/http';
import { startTestApp, type TestApp } from './testing/testApp';

// Attachments in embedded mode: the backend is the object store (files under <dataDir>/objects,
// URLs it signs and checks). The browser's path end to end: presign → POST the form → reply with
// the key → download through a presigned GET, byte-identical.
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

const upload = { fileName: 'Hóa đơn tháng 5.pdf', contentType: 'application/pdf', size: 1234 };
const attachments = () => `/api/cases/${ticketId}/attachments`;

interface Grant {
  url: string;
  fields: Record<string, string>;
  key: string;
  expiresAt: number;
}
async function post(grant: Grant, body: Uint8Array, type: string, override: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...grant.fields, ...override })) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(body)], { type }), 'x.bin');
  return fetch(grant.url, { method: 'POST', body: form });
}

describe('attachments in embedded mode', () => {
  it('uploads through the presigned form, attaches to a reply, and downloads byte-identical', async () => {
    const bytes = randomBytes(1234);
    const up = await rest<Grant>(t.baseUrl, agent, 'POST', attachments(), upload);
    expect(up.status).toBe(201);
    expect(up.json.url).toBe(`${t.baseUrl}/objects/upload`);
    expect(up.json.key).toMatch(new RegExp(`^cases/${ticketId}/[0-9a-f-]{36}-Hoa_don_thang_5.pdf$`));
    expect(up.json.expiresAt - Date.now()).toBeLessThanOrEqual(300_000);
    expect((await post(up.json, bytes, 'application/pdf')).status).toBe(204);

    const r = await gql<{ reply: { attachments: { key: string; fileName: string; size: number; contentType: string }[] } }>(
      t.baseUrl,
      agent,
      `mutation($i: ReplyInput!) { reply(input: $i) { attachments { key fileName contentType size } } }`,
      { i: { ticketId, message: 'Em gửi lại hóa đơn', attachmentKeys: [up.json.key] } },
    );
    expect(r.code, r.message).toBeUndefined();
    expect(r.data.reply.attachments).toEqual([{ key: up.json.key, fileName: 'Hoa_don_thang_5.pdf', contentType: 'application/pdf', size: 1234 }]);

    // Any role may read: the analyst downloads it.
    const link = await gql<{ attachmentUrl: { url: string; expiresAt: string } }>(t.baseUrl, analyst, `query($t: ID!, $k: String!) { attachmentUrl(ticketId: $t, key: $k) { url expiresAt } }`, { t: ticketId, k: up.json.key });
    expect(link.code, link.message).toBeUndefined();
    const got = await fetch(link.data.attachmentUrl.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe('attachment; filename="Hoa_don_thang_5.pdf"');
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('the object server refuses a file over the signed size, another type, another key, a forged signature', async () => {
    const up = await rest<Grant>(t.baseUrl, agent, 'POST', attachments(), { ...upload, size: 100 });
    const tooBig = await post(up.json, randomBytes(101), 'application/pdf');
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toContain('EntityTooLarge');
    expect((await post(up.json, randomBytes(10), 'text/html', { 'Content-Type': 'text/html' })).status).toBe(403);
    expect((await post(up.json, randomBytes(10), 'application/pdf', { key: `cases/${randomUUID()}/${randomUUID()}-x.pdf` })).status).toBe(403);
    expect((await post(up.json, randomBytes(10), 'application/pdf', { signature: '0'.repeat(64) })).status).toBe(403);
    // Nothing landed: a reply with the key is refused.
    const r = await gql(t.baseUrl, agent, `mutation($i: ReplyInput!) { reply(input: $i) { id } }`, { i: { ticketId, message: 'file', attachmentKeys: [up.json.key] } });
    expect(r.code).toBe('INVALID_INPUT');
  });

  it('a download URL of one ticket does not open another ticket\'s key, and a tampered URL is refused', async () => {
    const up = await rest<Grant>(t.baseUrl, agent, 'POST', attachments(), { ...upload, size: 10 });
    await post(up.json, randomBytes(10), 'application/pdf');
    const link = await rest<{ url: string }>(t.baseUrl, agent, 'GET', `${attachments()}?key=${encodeURIComponent(up.json.key)}`);
    expect(link.status).toBe(200);
    const other = `cases/${randomUUID()}/${up.json.key.split('/')[2]}`;
    const swapped = link.json.url.replace(up.json.key.split('/')[1]!, other.split('/')[1]!);
    expect((await fetch(swapped)).status).toBe(403);
    expect((await rest(t.baseUrl, agent, 'GET', `/api/cases/${randomUUID()}/attachments?key=${encodeURIComponent(up.json.key)}`)).status).toBe(400);
  });

  it('refuses without a session (401), an ANALYST uploading (403), an AGENT on a ticket not theirs (403)', async () => {
    for (const [method, path, body] of [
      ['POST', attachments(), upload],
      ['GET', `${attachments()}?key=x`, undefined],
    ] as const) {
      const r = await rest(t.baseUrl, null, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(401);
    }
    expect((await rest(t.baseUrl, analyst, 'POST', attachments(), upload)).status).toBe(403);
    const supervisor = await t.token('SUPERVISOR');
    const foreign = await rest<{ ticket_id: string }>(t.baseUrl, supervisor, 'POST', '/support/cases', { customerId: 'C0000002', subject: 'Không phải của agent', message: 'Xin chào' });
    const r = await rest(t.baseUrl, agent, 'POST', `/api/cases/${foreign.json.ticket_id}/attachments`, upload);
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
    if (field !== 'body') expect((r.json.error as { details?: { field?: string } }).details?.field).toMatch(new RegExp(`(^|\\.)${field}$`));
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
