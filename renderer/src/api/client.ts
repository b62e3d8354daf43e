import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GraphQLClient } from 'graphql-request';
import { ApiError, restErrorOf, toApiError } from './apiError';

export interface ApiConfig {
  baseUrl: string;
  launchToken: string | null;
  /** The session token, read at request time so sign-in/out need no client rebuild. */
  token: () => string | null;
  /** Called once per request that the backend refused as UNAUTHENTICATED. */
  onUnauthenticated: () => void;
}

let config: ApiConfig | null = null;
let graphql: GraphQLClient | null = null;

export function configureApi(next: ApiConfig): void {
  config = next;
  graphql = new GraphQLClient(`${next.baseUrl}/graphql`, { headers: () => authHeaders(), errorPolicy: 'none' });
}

function cfg(): ApiConfig {
  if (!config) throw new Error('configureApi() was not called');
  return config;
}

export const apiBaseUrl = (): string => cfg().baseUrl;
export const apiLaunchToken = (): string | null => cfg().launchToken;

export function authHeaders(anonymous = false): Record<string, string> {
  const c = cfg();
  const headers: Record<string, string> = {};
  const token = anonymous ? null : c.token();
  if (token) headers.authorization = `Bearer ${token}`;
  if (c.launchToken) headers['x-cs360-launch-token'] = c.launchToken;
  return headers;
}

function fail(err: unknown): never {
  const apiError = toApiError(err);
  if (apiError.code === 'UNAUTHENTICATED') cfg().onUnauthenticated();
  throw apiError;
}

/** Sends a typed GraphQL operation; every failure becomes an ApiError with a code. */
export async function gql<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  if (!graphql) cfg();
  try {
    return await (graphql as GraphQLClient).request<TResult, TVariables>({ document, variables, ...(signal ? { signal } : {}) } as never);
  } catch (err) {
    if (signal?.aborted) throw new ApiError('NETWORK', 'aborted');
    return fail(err);
  }
}

/**
 * JSON over plain HTTP for the REST routes (sign-in, health). `anonymous` leaves the session token
 * out: the gateway rejects a stale token even on public routes, and sign-in must work after expiry.
 */
export async function restJson<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal; anonymous?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...authHeaders(init.anonymous) };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${cfg().baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (err) {
    return fail(err);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok && init.anonymous && res.status === 401) throw restErrorOf(body) ?? toApiError({ response: { status: 401 } });
  if (!res.ok) return fail(restErrorOf(body) ?? { response: { status: res.status } });
  return body as T;
}
