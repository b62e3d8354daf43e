import { APP_ORIGIN, isAppUrl } from './appProtocol';

/**
 * Exact-origin checks for navigation, new windows and IPC senders. `URL` does the parsing, so
 * userinfo (`http://127.0.0.1:4000@evil.com/`), case, default ports and IPv4 spellings are
 * normalised the way Chromium normalises them before the origins are compared.
 */

/** `http://127.0.0.1:<port>` — the origin the window loads while the UI is served by the backend. */
export function backendOrigin(port: number): string {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`Not a TCP port: ${port}`);
  return `http://127.0.0.1:${port}`;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `candidate` is on exactly `allowedOrigin` (scheme, host and port), over http(s) or
 * the console's own app://cs360, with no credentials in it. Anything unparsable is rejected.
 * (WHATWG URL gives custom schemes an opaque "null" origin, so app:// is compared field by field.)
 */
export function isAllowedUrl(candidate: string, allowedOrigin: string): boolean {
  if (allowedOrigin === APP_ORIGIN) return isAppUrl(candidate);
  const allowed = parse(allowedOrigin);
  const url = parse(candidate);
  if (!allowed || !url) return false;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  // An opaque origin serialises as "null"; never let two of those compare equal.
  if (url.origin === 'null' || allowed.origin === 'null') return false;
  return url.origin === allowed.origin;
}
