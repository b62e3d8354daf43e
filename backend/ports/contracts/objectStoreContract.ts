import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ObjectStore, PresignedUpload } from '../objectStore';

/**
 * Posts a file the way the browser does: a multipart form with the presigned fields first and the
 * file last. `override` replaces fields after signing (what a tampering client would send).
 */
export async function postUpload(upload: PresignedUpload, body: Uint8Array, contentType: string, override: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...upload.fields, ...override })) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(body)], { type: contentType }), 'upload.bin');
  return fetch(upload.url, { method: 'POST', body: form });
}

/**
 * The Objects contract (S3/MinIO in stack mode): browser-direct presigned uploads whose limits the
 * object server enforces, not the client, and presigned downloads.
 */
export function objectStoreContract(name: string, open: () => Promise<ObjectStore>) {
  describe(`ObjectStore contract: ${name}`, () => {
    it('an upload through the presigned POST lands and downloads back byte-identical', async () => {
      const store = await open();
      const body = randomBytes(64 * 1024 + 7);
      const up = await store.presignUpload({ caseId: 'T-1001', fileName: 'invoice.pdf', contentType: 'application/pdf', maxBytes: 1024 * 1024 });
      expect(await store.stat(up.key)).toBeNull();
      const res = await postUpload(up, body, 'application/pdf');
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      // What a reply checks before it names the key: the object is there, with its size and type.
      expect(await store.stat(up.key)).toEqual({ size: body.length, contentType: 'application/pdf' });
      const down = await store.presignDownload(up.key);
      const got = await fetch(down.url);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await got.arrayBuffer()).equals(body)).toBe(true);
    });

    it('the server refuses a file larger than maxBytes, and nothing is stored', async () => {
      const store = await open();
      const up = await store.presignUpload({ caseId: 'T-1002', fileName: 'big.png', contentType: 'image/png', maxBytes: 1000 });
      const res = await postUpload(up, randomBytes(1001), 'image/png');
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const down = await store.presignDownload(up.key);
      expect((await fetch(down.url)).status).toBe(404);
      // At the limit it is accepted.
      const ok = await store.presignUpload({ caseId: 'T-1002', fileName: 'ok.png', contentType: 'image/png', maxBytes: 1000 });
      expect((await postUpload(ok, randomBytes(1000), 'image/png')).status).toBeLessThan(300);
    });

    it('the server refuses a content type other than the signed one, and a key outside the case', async () => {
      const store = await open();
      const up = await store.presignUpload({ caseId: 'T-1003', fileName: 'note.txt', contentType: 'text/plain', maxBytes: 1000 });
      const wrongType = await postUpload(up, Buffer.from('<script>alert(1)</script>'), 'text/html', { 'Content-Type': 'text/html' });
      expect(wrongType.status).toBe(403);
      const otherCase = await postUpload(up, Buffer.from('hello'), 'text/plain', { key: 'cases/T-9999/stolen.txt' });
      expect(otherCase.status).toBe(403);
      expect((await fetch((await store.presignDownload(up.key)).url)).status).toBe(404);
    });

    it('scopes the key to the case, sanitises the file name, and signs for at most 5 minutes', async () => {
      const store = await open();
      const before = Date.now();
      const a = await store.presignUpload({ caseId: 'T-1004', fileName: '../../etc/Hóa đơn tháng 5 #1?.pdf', contentType: 'application/pdf', maxBytes: 10 });
      const b = await store.presignUpload({ caseId: 'T-1004', fileName: '../../etc/Hóa đơn tháng 5 #1?.pdf', contentType: 'application/pdf', maxBytes: 10 });
      expect(a.key).toMatch(/^cases\/T-1004\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-Hoa_don_thang_5_1_.pdf$/);
      expect(a.key).not.toBe(b.key);
      expect(a.expiresAt).toBeGreaterThan(before);
      expect(a.expiresAt).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
      const policy = JSON.parse(Buffer.from(a.fields.Policy ?? a.fields.policy ?? '', 'base64').toString('utf8')) as { expiration: string };
      expect(Date.parse(policy.expiration)).toBeLessThanOrEqual(Date.now() + 5 * 60_000 + 1000);
      const down = await store.presignDownload(a.key);
      expect(down.expiresAt).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
      expect(Number(new URL(down.url).searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
      await expect(store.presignUpload({ caseId: '../T-1', fileName: 'x', contentType: 'text/plain', maxBytes: 10 })).rejects.toThrow();
      await expect(store.presignDownload('cases/../secrets')).rejects.toThrow();
    });
  });
}
