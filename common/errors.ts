/** Typed error codes shared by GraphQL, REST and socket.io. Clients branch on `code`, never on text. */
export const ERROR_CODES = ['INVALID_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'UNAVAILABLE', 'CONFLICT', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Safe-to-show details (field names, limits); never internals. */
    readonly details?: Record<string, unknown>,
    /** The underlying failure, for logs only: never serialized to clients. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'AppError';
  }
}

export const invalidInput = (message: string, details?: Record<string, unknown>) => new AppError('INVALID_INPUT', message, details);
export const notFound = (message: string, details?: Record<string, unknown>) => new AppError('NOT_FOUND', message, details);
export const unavailable = (message: string, details?: Record<string, unknown>) => new AppError('UNAVAILABLE', message, details);

/** The body every REST error and every socket.io error carries. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}
