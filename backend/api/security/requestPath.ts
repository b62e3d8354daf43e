import { invalidInput } from '../../../common/errors';

/**
 * The path as the router matches it: the query string cut off, percent-escapes decoded once (as
 * find-my-way decodes them). Authorization decisions are taken on this, never on the raw URL, so
 * `/%67raphql` is `/graphql` to the gate as it is to the router. A malformed escape is refused.
 */
export function decodedPath(rawUrl: string): string {
  const q = rawUrl.indexOf('?');
  const raw = q === -1 ? rawUrl : rawUrl.slice(0, q);
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw invalidInput('The request path has a malformed percent-escape');
  }
}
