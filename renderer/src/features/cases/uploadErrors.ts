import type { ApiError } from '../../api/apiError';

/** Why a file did not attach; each has its own message in the composer. */
export type UploadErrorKind = 'tooLarge' | 'wrongType' | 'expired' | 'network' | 'denied' | 'failed';

export class UploadError extends Error {
  constructor(
    readonly kind: UploadErrorKind,
    /** The server's own words, shown under the translated message when there are any. */
    readonly detail: string = '',
  ) {
    super(detail || kind);
    this.name = 'UploadError';
  }
}

const TOO_LARGE = /too ?large|entitytoolarge|content-length-range|at most \d+ bytes|max(?:imum)? ?size|size/i;
const WRONG_TYPE = /content-?type|mime|type/i;
const EXPIRED = /expir/i;

/** requestUpload refused: the API names the field (size, contentType) in the error details and message. */
export function uploadErrorFromGrant(err: ApiError): UploadError {
  if (err.code === 'NETWORK') return new UploadError('network', err.message);
  if (err.code === 'FORBIDDEN' || err.code === 'UNAUTHENTICATED') return new UploadError('denied', err.message);
  if (err.code === 'INVALID_INPUT') {
    const field = typeof err.details?.field === 'string' ? err.details.field : '';
    if (field === 'size' || (!field && TOO_LARGE.test(err.message))) return new UploadError('tooLarge', err.message);
    if (field === 'contentType' || (!field && WRONG_TYPE.test(err.message))) return new UploadError('wrongType', err.message);
  }
  return new UploadError('failed', err.message);
}

/** S3 and MinIO answer a refused POST with XML (<Code>, <Message>); the embedded store with JSON { error: { code, message } }. */
function readBody(body: string): { code: string; message: string } {
  const xmlCode = /<Code>([^<]*)<\/Code>/i.exec(body)?.[1];
  if (xmlCode !== undefined) return { code: xmlCode, message: /<Message>([^<]*)<\/Message>/i.exec(body)?.[1] ?? '' };
  try {
    const json = JSON.parse(body) as { error?: { code?: unknown; message?: unknown }; code?: unknown; message?: unknown };
    const e = json.error ?? json;
    return { code: typeof e.code === 'string' ? e.code : '', message: typeof e.message === 'string' ? e.message : '' };
  } catch {
    return { code: '', message: body.slice(0, 200) };
  }
}

/** The direct POST to the object store came back with `status` (0: it never reached it). */
export function uploadErrorFromResponse(status: number, body: string): UploadError {
  if (status === 0) return new UploadError('network');
  const { code, message } = readBody(body);
  const text = `${code} ${message}`;
  const detail = message || code;
  if (status === 413 || /EntityTooLarge/i.test(code) || /content-length-range|too large|EntityTooLarge/i.test(message)) return new UploadError('tooLarge', detail);
  if (EXPIRED.test(text)) return new UploadError('expired', detail);
  if (status === 415 || /content-?type/i.test(message)) return new UploadError('wrongType', detail);
  if (status === 401 || status === 403) return new UploadError('denied', detail);
  return new UploadError('failed', detail || `HTTP ${status}`);
}

/** Before asking at all: an empty file or one over a known limit is refused locally. */
export function precheckFile(file: { size: number }, maxBytes: number | null): UploadError | null {
  if (file.size <= 0) return new UploadError('failed', 'empty file');
  if (maxBytes !== null && file.size > maxBytes) return new UploadError('tooLarge');
  return null;
}
