import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from './apiError';

describe('toApiError', () => {
  it('takes the code and message of the first GraphQL error', () => {
    const e = toApiError({ response: { status: 200, errors: [{ message: 'Demo data is being prepared', extensions: { code: 'UNAVAILABLE' } }] } });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toBe('Demo data is being prepared');
  });
  it('reads the REST error body the gateway sends before GraphQL runs', () => {
    const e = toApiError({ response: { status: 401, body: JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } }) } });
    expect(e.code).toBe('UNAUTHENTICATED');
  });
  it('falls back to the HTTP status', () => {
    expect(toApiError({ response: { status: 503, body: '<html>' } }).code).toBe('UNAVAILABLE');
    expect(toApiError({ response: { status: 500 } }).code).toBe('INTERNAL');
  });
  it('calls a failed fetch a network error', () => {
    expect(toApiError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
  });
  it('never throws on odd input', () => {
    expect(toApiError(null).code).toBe('INTERNAL');
    expect(toApiError('boom').code).toBe('INTERNAL');
  });
});
