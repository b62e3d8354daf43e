import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { DownloadOutcome, ObjectEndpoint, ObjectStore, PresignedUpload, StoredObject, UploadOutcome } from '../../ports/objectStore';
import { isCaseIdSegment, parseObjectKey, sanitiseFileName } from './fileName';

/** The longest validity of any URL this store signs (the issue's bound, as for S3). */
export const MAX_LOCAL_PRESIGN_SECONDS = 300;
const CONTENT_TYPE_CHARS = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x2b || c === 0x2d || c === 0x5f;

/** type/subtype in lower case, 3..255 characters, exactly one "/": what a signed policy may name. */
function isContentType(t: string): boolean {
  if (t.length < 3 || t.length > 255) return false;
  const slash = t.indexOf('/');
  if (slash < 1 || slash === t.length - 1 || t.indexOf('/', slash + 1) >= 0) return false;
  for (let i = 0; i < t.length; i++) if (i !== slash && !CONTENT_TYPE_CHARS(t.charCodeAt(i))) return false;
  return true;
}

interface UploadPolicy {
  expiration: string;
  conditions: [{ key: string }, ['content-length-range', number, number], { 'Content-Type': string }];
}

export interface LocalObjectStoreOptions {
  /** Where files live: `<dataDir>/objects`. */
  root: string;
  /** HMAC-SHA256 key of every signed policy and URL. */
  secret: string;
  /** The origin browsers reach the backend at; set later with endpoint.setOrigin when unknown at start. */
  origin?: string;
  expirySeconds?: number;
  /** Largest file any policy may allow; the upload route's body limit is this plus the form's overhead. */
  maxUploadBytes: number;
  now?: () => number;
}

/**
 * The embedded Objects adapter: files under the data dir, behind URLs the backend signs and checks.
 *
 * Uploads are S3-style POST forms (fields `key`, `Content-Type`, `policy`, `signature`, then
 * `file`), so the browser code is the same as against MinIO. The policy (base64 JSON) names the
 * exact key `cases/<caseId>/<uuid>-<sanitised name>`, the content-length range and the exact
 * Content-Type, and expires within 5 minutes; the signature is an HMAC of it. Downloads are GETs of
 * `/objects/<key>?expires=<epoch s>&signature=<HMAC(key, expires)>` answered with
 * `Content-Disposition: attachment`, so an uploaded HTML file never renders inline.
 */
export class LocalObjectStore implements ObjectStore {
  readonly endpoint: ObjectEndpoint;
  private readonly root: string;
  private readonly expiry: number;
  private readonly now: () => number;
  private origin: string | undefined;

  constructor(private readonly options: LocalObjectStoreOptions) {
    this.root = resolve(options.root);
    this.expiry = Math.min(options.expirySeconds ?? MAX_LOCAL_PRESIGN_SECONDS, MAX_LOCAL_PRESIGN_SECONDS);
    if (!(this.expiry > 0)) throw new Error('expirySeconds must be positive');
    if (options.secret.length < 32) throw new Error('the object store secret must have at least 32 characters');
    this.now = options.now ?? Date.now;
    this.origin = options.origin === undefined ? undefined : new URL(options.origin).origin;
    this.endpoint = {
      acceptUpload: (fields, file) => this.acceptUpload(fields, file),
      openDownload: (key, query) => this.openDownload(key, query),
      setOrigin: (origin) => {
        this.origin ??= new URL(origin).origin;
      },
      maxBodyBytes: options.maxUploadBytes + 64 * 1024,
    };
  }

  private base(): string {
    if (!this.origin) throw new Error('the object store does not know its origin yet (the backend is not listening)');
    return this.origin;
  }

  private sign(text: string): string {
    return createHmac('sha256', this.options.secret).update(text).digest('hex');
  }

  private signatureMatches(text: string, presented: string | undefined): boolean {
    if (typeof presented !== 'string') return false;
    const given = Buffer.from(presented);
    return given.length === 64 && timingSafeEqual(Buffer.from(this.sign(text)), given);
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new Error(`key outside the object root: ${JSON.stringify(key)}`);
    return path;
  }

  async presignUpload(input: { caseId: string; fileName: string; contentType: string; maxBytes: number }): Promise<PresignedUpload> {
    if (!isCaseIdSegment(input.caseId)) throw new Error(`invalid case id for an object key: ${JSON.stringify(input.caseId)}`);
    if (!isContentType(input.contentType)) throw new Error(`invalid content type: ${JSON.stringify(input.contentType)}`);
    if (!Number.isSafeInteger(input.maxBytes) || input.maxBytes < 1 || input.maxBytes > this.options.maxUploadBytes) throw new Error(`maxBytes must be 1..${this.options.maxUploadBytes} (got ${input.maxBytes})`);
    const key = `cases/${input.caseId}/${randomUUID()}-${sanitiseFileName(input.fileName)}`;
    const expiresAt = this.now() + this.expiry * 1000;
    const policy: UploadPolicy = {
      expiration: new Date(expiresAt).toISOString(),
      conditions: [{ key }, ['content-length-range', 1, input.maxBytes], { 'Content-Type': input.contentType }],
    };
    const encoded = Buffer.from(JSON.stringify(policy), 'utf8').toString('base64');
    return { url: `${this.base()}/objects/upload`, fields: { key, 'Content-Type': input.contentType, policy: encoded, signature: this.sign(encoded) }, key, expiresAt };
  }

  async presignDownload(key: string): Promise<{ url: string; expiresAt: number }> {
    if (!parseObjectKey(key)) throw new Error(`not an attachment key: ${JSON.stringify(key)}`);
    const expires = Math.floor((this.now() + this.expiry * 1000) / 1000);
    const url = `${this.base()}/objects/${key.split('/').map(encodeURIComponent).join('/')}?expires=${expires}&signature=${this.sign(`GET\n${key}\n${expires}`)}`;
    return { url, expiresAt: expires * 1000 };
  }

  async stat(key: string): Promise<StoredObject | null> {
    if (!parseObjectKey(key)) return null;
    try {
      const meta = JSON.parse(await readFile(`${this.pathOf(key)}.meta.json`, 'utf8')) as StoredObject;
      const s = await stat(this.pathOf(key));
      return { size: s.size, contentType: meta.contentType };
    } catch {
      return null;
    }
  }

  private async acceptUpload(fields: Record<string, string>, file: { bytes: Uint8Array } | null): Promise<UploadOutcome> {
    const denied = (message: string): UploadOutcome => ({ status: 403, code: 'AccessDenied', message });
    const encoded = fields.policy ?? fields.Policy;
    if (typeof encoded !== 'string' || !this.signatureMatches(encoded, fields.signature ?? fields.Signature)) return denied('Invalid according to Policy: signature does not match');
    let policy: UploadPolicy;
    try {
      policy = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as UploadPolicy;
    } catch {
      return { status: 400, code: 'InvalidPolicyDocument', message: 'Policy is not JSON' };
    }
    const [{ key }, [, min, max], { 'Content-Type': contentType }] = policy.conditions;
    if (!(Date.parse(policy.expiration) > this.now())) return denied('Invalid according to Policy: Policy expired');
    if (fields.key !== key || !parseObjectKey(key)) return denied('Invalid according to Policy: Policy Condition failed: ["eq", "$key"]');
    if (fields['Content-Type'] !== contentType) return denied('Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type"]');
    if (!file) return { status: 400, code: 'MalformedPOSTRequest', message: 'The form has no file field' };
    if (file.bytes.byteLength > max) return { status: 400, code: 'EntityTooLarge', message: `Your proposed upload exceeds the maximum allowed size (${max} bytes)` };
    if (file.bytes.byteLength < min) return { status: 400, code: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed size' };
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside and renamed: a reader never sees half a file; the type sits beside it.
    const tmp = join(dirname(path), `.${randomUUID()}.part`);
    try {
      await writeFile(tmp, file.bytes, { flag: 'wx' });
      await writeFile(`${path}.meta.json`, JSON.stringify({ contentType, size: file.bytes.byteLength }));
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    return { status: 204 };
  }

  private async openDownload(key: string, query: Record<string, string | undefined>): Promise<DownloadOutcome> {
    const parsed = parseObjectKey(key);
    if (!parsed) return { status: 403, message: 'not an attachment key' };
    const expires = Number(query.expires);
    if (!Number.isSafeInteger(expires) || !this.signatureMatches(`GET\n${key}\n${query.expires}`, query.signature)) return { status: 403, message: 'Request signature does not match' };
    if (expires * 1000 <= this.now()) return { status: 403, message: 'Request has expired' };
    if (expires * 1000 > this.now() + MAX_LOCAL_PRESIGN_SECONDS * 1000 + 1000) return { status: 403, message: 'Expiry too far ahead' };
    const found = await this.stat(key);
    if (!found) return { status: 404, message: 'The specified key does not exist.' };
    return { status: 200, object: { ...found, path: this.pathOf(key), fileName: parsed.fileName } };
  }
}
