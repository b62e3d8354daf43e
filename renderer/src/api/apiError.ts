import { ERROR_CODES, type ErrorCode } from '../../../common/errors';

/** Every failure the UI shows is one of these: a typed code plus a readable message. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const isCode = (v: unknown): v is ErrorCode => typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);

const codeForStatus = (status: number): ErrorCode | null =>
  status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status === 503 ? 'UNAVAILABLE' : status === 400 ? 'INVALID_INPUT' : status >= 500 ? 'INTERNAL' : null;

interface GraphQLErrorLike {
  message?: unknown;
  extensions?: { code?: unknown; details?: unknown };
}

/**
 * Normalizes what a request can throw: a GraphQL error list (graphql-request's ClientError keeps
 * it under response.errors), a REST error body `{ error: { code, message } }` (the API gateway
 * answers that way before GraphQL runs, e.g. 401), a bare HTTP status, or a network failure.
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as { response?: { status?: unknown; errors?: unknown; error?: unknown; body?: unknown }; name?: unknown; message?: unknown } | null;
  const response = e?.response;
  if (response) {
    const errors = Array.isArray(response.errors) ? (response.errors as GraphQLErrorLike[]) : [];
    const first = errors[0];
    if (first && isCode(first.extensions?.code)) {
      const details = first.extensions?.details;
      return new ApiError(first.extensions.code, String(first.message ?? first.extensions.code), typeof details === 'object' && details ? (details as Record<string, unknown>) : undefined);
    }
    const restBody = restErrorOf(response.error) ?? restErrorOf(parseMaybe(response.body));
    if (restBody) return restBody;
    const status = typeof response.status === 'number' ? response.status : 0;
    const code = codeForStatus(status);
    if (code) return new ApiError(code, first?.message ? String(first.message) : `HTTP ${status}`);
  }
  if (e && (e.name === 'TypeError' || e.name === 'AbortError')) return new ApiError('NETWORK', String(e.message ?? 'Network error'));
  return new ApiError('INTERNAL', typeof e?.message === 'string' ? e.message : 'Unexpected error');
}

function parseMaybe(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** `{ error: { code, message } }` or the inner `{ code, message }`. */
export function restErrorOf(body: unknown): ApiError | null {
  const obj = body as { error?: unknown; code?: unknown; message?: unknown } | null | undefined;
  if (!obj || typeof obj !== 'object') return null;
  const inner = (obj.error && typeof obj.error === 'object' ? obj.error : obj) as { code?: unknown; message?: unknown; details?: unknown };
  if (!isCode(inner.code)) return null;
  return new ApiError(inner.code, typeof inner.message === 'string' ? inner.message : inner.code, typeof inner.details === 'object' && inner.details ? (inner.details as Record<string, unknown>) : undefined);
}
