/** Small fetch helpers for integration tests: real HTTP, no client library in between. */
export async function gql<T = Record<string, unknown>>(baseUrl: string, token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const body = JSON.parse(text) as { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: res.status, text, body, data: body.data as T, code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message };
}

export async function rest<T = Record<string, unknown>>(baseUrl: string, token: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, text, json: json as T & { error?: { code: string; message: string } } };
}
