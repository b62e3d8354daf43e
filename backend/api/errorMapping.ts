import { AppError, HTTP_STATUS, type ErrorBody, type ErrorCode } from '../../common/errors';

export interface MappedError {
  status: number;
  body: ErrorBody;
  /** True when the cause is ours (a bug or a failing engine): log it with its stack. */
  internal: boolean;
}

/** Anything thrown below the api layer becomes a typed, safe body; internals never reach the client. */
export function mapError(err: unknown): MappedError {
  if (err instanceof AppError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
    return { status: HTTP_STATUS[err.code], body, internal: err.code === 'INTERNAL' || err.code === 'UNAVAILABLE' };
  }
  const e = err as { statusCode?: number; code?: string; validation?: unknown; message?: string };
  // Fastify's own client errors (malformed JSON, body too large, bad content type).
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code: ErrorCode = e.statusCode === 404 ? 'NOT_FOUND' : e.statusCode === 401 ? 'UNAUTHENTICATED' : e.statusCode === 403 ? 'FORBIDDEN' : 'INVALID_INPUT';
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, body: { error: { code, message: 'Request body is too large', details: { limit: 'bodyBytes' } } }, internal: false };
    const message = e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Unsupported content type' : e.code?.startsWith('FST_ERR_CTP') ? 'Request body is not valid JSON' : 'Bad request';
    return { status: e.statusCode === 415 ? 415 : HTTP_STATUS[code], body: { error: { code, message } }, internal: false };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged' } }, internal: true };
}
