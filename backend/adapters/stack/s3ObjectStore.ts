import { randomUUID } from 'node:crypto';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutBucketLifecycleConfigurationCommand,
  S3Client,
  type LifecycleRule,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectStore, PresignedUpload, StoredObject } from '../../ports/objectStore';
import { sanitiseFileName } from '../local/fileName';
import { STACK_DEFAULTS } from '../../../common/stackPorts';

export { sanitiseFileName };

export const DEFAULT_S3 = {
  endpoint: STACK_DEFAULTS.s3Endpoint,
  region: 'us-east-1',
  bucket: 'cs360-attachments',
  // The runner's development credentials (stack/README.md); never used outside a local stack.
  accessKeyId: 'cs360',
  secretAccessKey: 'cs360-dev-only',
};

/** The longest validity of any URL this store signs (the bound). */
export const MAX_PRESIGN_SECONDS = 300;

export interface S3ObjectStoreOptions {
  endpoint?: string;
  /**
   * Where browsers reach the object server, when it differs from `endpoint` (compose: the backend
   * talks to http://minio:9000, the browser to http://localhost:9000). URLs are signed for this host.
   */
  publicEndpoint?: string;
  region?: string;
  bucket?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Upload/download URL validity in seconds; capped at 300. */
  expirySeconds?: number;
}

const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

/** The key prefix every object of a case lives under. */
export const caseKeyPrefix = (caseId: string) => `cases/${caseId}/`;

/**
 * Objects port on any S3 server (MinIO in stack mode) with the AWS SDK v3.
 *
 * Uploads are browser-direct presigned POSTs whose policy the server enforces: the exact key
 * `cases/<caseId>/<uuid>-<sanitised name>`, 1..maxBytes bytes (content-length-range), the exact
 * Content-Type, ≤ 5 minutes. Downloads are presigned GETs (≤ 5 minutes) that force
 * `Content-Disposition: attachment`, so an uploaded HTML file never renders inline.
 */
export class S3ObjectStore implements ObjectStore {
  readonly bucket: string;
  /** The browser-facing origin of signed URLs (the desktop CSP allows exactly this one). */
  readonly browserOrigin: string;
  private readonly signer: S3Client;
  /** Requests the backend itself sends (HEAD of an uploaded object), to the internal endpoint. */
  private readonly client: S3Client;
  private readonly expiry: number;

  constructor(options: S3ObjectStoreOptions = {}) {
    this.bucket = options.bucket ?? DEFAULT_S3.bucket;
    this.expiry = Math.min(options.expirySeconds ?? MAX_PRESIGN_SECONDS, MAX_PRESIGN_SECONDS);
    if (!(this.expiry > 0)) throw new Error('expirySeconds must be positive');
    // Signing is offline: this client never sends a request, it only needs the browser-facing host.
    this.signer = s3Client({ ...options, endpoint: options.publicEndpoint ?? options.endpoint });
    this.client = s3Client(options);
    this.browserOrigin = new URL(options.publicEndpoint ?? options.endpoint ?? DEFAULT_S3.endpoint).origin;
  }

  async stat(key: string): Promise<StoredObject | null> {
    if (!key.startsWith('cases/') || key.includes('..') || key.includes('//')) return null;
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? 'application/octet-stream' };
    } catch (e) {
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404) return null;
      throw e;
    }
  }

  async presignUpload(input: { caseId: string; fileName: string; contentType: string; maxBytes: number }): Promise<PresignedUpload> {
    if (!CASE_ID.test(input.caseId)) throw new Error(`invalid case id for an object key: ${JSON.stringify(input.caseId)}`);
    if (!CONTENT_TYPE.test(input.contentType)) throw new Error(`invalid content type: ${JSON.stringify(input.contentType)}`);
    if (!Number.isSafeInteger(input.maxBytes) || input.maxBytes < 1) throw new Error(`maxBytes must be a positive integer (got ${input.maxBytes})`);
    const prefix = caseKeyPrefix(input.caseId);
    const key = `${prefix}${randomUUID()}-${sanitiseFileName(input.fileName)}`;
    const expiresAt = Date.now() + this.expiry * 1000;
    const { url, fields } = await createPresignedPost(this.signer, {
      Bucket: this.bucket,
      Key: key, // the SDK adds the exact {key} condition
      Conditions: [
        ['starts-with', '$key', prefix],
        ['content-length-range', 1, input.maxBytes],
        ['eq', '$Content-Type', input.contentType],
      ],
      Fields: { 'Content-Type': input.contentType },
      Expires: this.expiry,
    });
    return { url, fields, key, expiresAt };
  }

  async presignDownload(key: string): Promise<{ url: string; expiresAt: number }> {
    if (!key.startsWith('cases/') || key.includes('..') || key.includes('//')) throw new Error(`not an attachment key: ${JSON.stringify(key)}`);
    const last = key.slice(key.lastIndexOf('/') + 1);
    const name = last.length > 37 && last[36] === '-' ? last.slice(37) : last;
    const expiresAt = Date.now() + this.expiry * 1000;
    const url = await getSignedUrl(this.signer, new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: `attachment; filename="${sanitiseFileName(name)}"` }), {
      expiresIn: this.expiry,
    });
    return { url, expiresAt };
  }
}

/** An S3 client for MinIO-style servers: path-style URLs, checksums only where the API requires them. */
export function s3Client(options: S3ObjectStoreOptions = {}): S3Client {
  return new S3Client({
    endpoint: options.endpoint ?? DEFAULT_S3.endpoint,
    region: options.region ?? DEFAULT_S3.region,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: options.accessKeyId ?? DEFAULT_S3.accessKeyId, secretAccessKey: options.secretAccessKey ?? DEFAULT_S3.secretAccessKey },
  });
}

/**
 * Creates the bucket if missing and applies a lifecycle configuration (stack/minio/lifecycle.json,
 * S3's JSON shape). Idempotent: the runner and deployments call it at every start.
 */
export async function ensureBucket(client: S3Client, bucket: string, lifecycle?: { Rules: LifecycleRule[] }): Promise<{ created: boolean }> {
  let created = false;
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (e) {
    const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== 404) throw e;
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    created = true;
  }
  if (lifecycle) await client.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: lifecycle }));
  return { created };
}
