// S3 (MinIO) built from the Go module proxy; the buckets, lifecycle rules and folders of stack/minio/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, HOST, STACK, StackError, run, say, startDetached, stateDir, stopPid, which } from './lib';
import { PORTS, S3_PASSWORD, S3_USER } from './ports';
import type { Service } from './service';

/**
 * MinIO's community edition is source-only since late 2025. Its last release tag
 * (RELEASE.2025-10-15T17-29-55Z, commit 9e49d5e7a648) is refused by the module proxy reachable
 * here (403), so the runner builds the module's final commit, which is that release plus bug fixes
 * and README changes (docs/decisions.md). A binary already in CS360_MINIO_BIN wins.
 */
const MINIO_MODULE = 'github.com/minio/minio@v0.0.0-20260212201848-7aac2a2c5b7c';
const S3_PORT = PORTS.s3;
const minioBin = () => process.env.CS360_MINIO_BIN ?? join(CACHE, 'bin', 'minio');

export function s3Buckets(): { name: string; lifecycle: string | null }[] {
  return readFileSync(join(STACK, 'minio', 'buckets.txt'), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map((l) => {
      const [name, lifecycle] = l.split(/\s+/);
      return { name: name as string, lifecycle: lifecycle && lifecycle !== '-' ? join(STACK, 'minio', lifecycle) : null };
    });
}

/** stack/minio/folders.txt: `bucket/prefix/` lines. */
export function s3Folders(): string[] {
  return readFileSync(join(STACK, 'minio', 'folders.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

export const s3: Service = {
  name: 's3',
  port: S3_PORT,
  marker: 'minio',
  startTimeoutMs: 60_000,
  install() {
    if (existsSync(minioBin())) return;
    if (!which('go')) throw new StackError('Go is missing: MinIO is built with `go install` (install Go 1.24 or newer, or point CS360_MINIO_BIN at a minio binary)');
    say(`  go install ${MINIO_MODULE} (a few minutes the first time; modules cached in ${join(CACHE, 'go')})`);
    run('go', ['install', MINIO_MODULE], {
      what: 'go install minio',
      env: { ...process.env, GOBIN: join(CACHE, 'bin'), GOMODCACHE: join(CACHE, 'go', 'mod'), GOCACHE: join(CACHE, 'go', 'build'), GOFLAGS: '-buildvcs=false' },
    });
    if (!existsSync(minioBin())) throw new StackError(`go install finished but ${minioBin()} is missing`);
  },
  start: () =>
    startDetached('s3', minioBin(), ['server', join(stateDir('s3'), 'data'), '--address', `${HOST}:${S3_PORT}`, '--quiet'], {
      env: { ...process.env, MINIO_ROOT_USER: S3_USER, MINIO_ROOT_PASSWORD: S3_PASSWORD, MINIO_BROWSER: 'off', MINIO_UPDATE: 'off', MINIO_CI_CD: '1' },
    }),
  async probe() {
    // MinIO's readiness endpoint answers 200 once the drive is formatted and the S3 API serves.
    const r = await fetch(`http://${HOST}:${S3_PORT}/minio/health/ready`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    return r?.status === 200;
  },
  async afterReady() {
    const { ensureBucket, s3Client } = await import('../../backend/adapters/stack/s3ObjectStore');
    const client = s3Client({ endpoint: `http://${HOST}:${S3_PORT}`, accessKeyId: S3_USER, secretAccessKey: S3_PASSWORD });
    try {
      for (const b of s3Buckets()) {
        const lifecycle = b.lifecycle ? JSON.parse(readFileSync(b.lifecycle, 'utf8')) : undefined;
        const { created } = await ensureBucket(client, b.name, lifecycle);
        say(`  bucket ${b.name}${created ? ' created' : ''}${b.lifecycle ? ', lifecycle applied' : ''}`);
      }
      const { PutObjectCommand } = await import('@aws-sdk/client-s3');
      for (const folder of s3Folders()) {
        const [bucket, ...rest] = folder.split('/');
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: `${rest.join('/')}_folder`, Body: new Uint8Array(0), ContentLength: 0 }));
        say(`  folder ${folder}`);
      }
    } finally {
      client.destroy();
    }
  },
  stop: (pid) => stopPid(pid, 20_000),
};
