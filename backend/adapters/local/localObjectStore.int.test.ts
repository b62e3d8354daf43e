import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerObjectRoutes } from '../../api/rest/objectRoutes';
import { objectStoreContract, postUpload } from '../../ports/contracts/objectStoreContract';
import { LocalObjectStore } from './localObjectStore';
import { sanitiseFileName } from './fileName';

const servers: { app: FastifyInstance; dir: string }[] = [];
afterAll(async () => {
  for (const s of servers) {
    await s.app.close();
    rmSync(s.dir, { recursive: true, force: true });
  }
});

/** The embedded store behind the backend's own /objects/* routes, on a free loopback port. */
async function serve(now?: () => number): Promise<LocalObjectStore> {
  const dir = mkdtempSync(join(tmpdir(), 'cs360-objects-'));
  const store = new LocalObjectStore({ root: join(dir, 'objects'), secret: 'x'.repeat(32), maxUploadBytes: 2 * 1024 * 1024, now });
  const app = Fastify();
  registerObjectRoutes(app, store.endpoint);
  await app.listen({ host: '127.0.0.1', port: 0 });
  servers.push({ app, dir });
  return store;
}

// The same contract as the S3 adapter (which runs it against MinIO in the stack tier).
objectStoreContract('local files behind signed URLs', () => serve());

describe('local object store: what the signatures protect', () => {
  it('refuses an upload or a download after expiry, and a tampered policy or URL', async () => {
    let clock = Date.now();
    const store = await serve(() => clock);
    const up = await store.presignUpload({ caseId: 'T-2001', fileName: 'a.txt', contentType: 'text/plain', maxBytes: 100 });
    const down = await store.presignDownload(up.key);
    const policy = JSON.parse(Buffer.from(up.fields.policy!, 'base64').toString('utf8')) as { conditions: unknown[] };
    // A client raising its own size limit: the signature no longer matches.
    policy.conditions[1] = ['content-length-range', 1, 10_000_000];
    const forged = await postUpload(up, Buffer.from('hi'), 'text/plain', { policy: Buffer.from(JSON.stringify(policy)).toString('base64') });
    expect(forged.status).toBe(403);
    clock += 301_000;
    const late = await postUpload(up, Buffer.from('hi'), 'text/plain');
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('expired');
    clock -= 301_000;
    expect((await postUpload(up, Buffer.from('hi'), 'text/plain')).status).toBe(204);
    expect((await fetch(down.url)).status).toBe(200);
    const url = new URL(down.url);
    url.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 60));
    expect((await fetch(url)).status).toBe(403);
    clock += 301_000;
    expect((await fetch(down.url)).status).toBe(403);
  });

  it('stat answers the stored size and type, null for a missing or malformed key', async () => {
    const store = await serve();
    const up = await store.presignUpload({ caseId: 'T-2002', fileName: 'p.png', contentType: 'image/png', maxBytes: 100 });
    expect(await store.stat(up.key)).toBeNull();
    await postUpload(up, new Uint8Array(42), 'image/png');
    expect(await store.stat(up.key)).toEqual({ size: 42, contentType: 'image/png' });
    expect(await store.stat('cases/../../etc/passwd')).toBeNull();
  });

  it('sanitises names without regular expressions: 256 kB of adversarial input, 100 characters out, extension kept', () => {
    // Timing is the bench's business; this pins the cut that keeps the work bounded whatever the input.
    expect(sanitiseFileName(`${'_'.repeat(128 * 1024)}x${'-'.repeat(128 * 1024)}`)).toBe('file');
    const long = sanitiseFileName(`${'ả#'.repeat(128 * 1024)}.pdf`);
    expect(long.length).toBeGreaterThan(90);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.startsWith('a_a_')).toBe(true);
    expect(long.endsWith('a.pdf')).toBe(true);
    expect(sanitiseFileName('..\\..\\Đơn hàng   #5?.PDF')).toBe('Don_hang_5_.PDF');
    expect(sanitiseFileName('...')).toBe('file');
  });
});
