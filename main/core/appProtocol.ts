import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { consoleCsp } from '../../common/csp';

/**
 * The console is served from `app://cs360/…`, a custom privileged scheme backed by dist/renderer
 * (never file://, never the backend). This module decides, without Electron, which file a
 * request may read and which headers it gets; main/appProtocol.ts only does the I/O.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cs360';
/** What `location.origin` reads in the window, and the only origin the backend allows cross-origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export type AppRequestResolution =
  | { kind: 'file'; path: string; contentType: string }
  | { kind: 'refused'; status: 400 | 403 | 404 | 405; reason: string };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const refused = (status: 400 | 403 | 404 | 405, reason: string): AppRequestResolution => ({ kind: 'refused', status, reason });

/**
 * Maps an app:// request to a file under `rootDir`, or refuses it. Refused: other schemes and
 * hosts, credentials, ports, non-GET methods, null bytes, backslashes, encoded separators and
 * anything whose decoded path leaves the root (`..`, `%2e%2e`, absolute paths). Paths without an
 * extension are client-side routes and get index.html; unknown file types are refused.
 */
export function resolveAppRequest(rawUrl: string, rootDir: string, method = 'GET'): AppRequestResolution {
  if (method !== 'GET' && method !== 'HEAD') return refused(405, `method ${method}`);
  // Checked on the raw string: WHATWG URL parsing turns `\` into `/` for special schemes and
  // drops tabs and newlines, which would hide them from the checks below.
  if (/[\\\0\t\r\n]/.test(rawUrl) || /%(00|5c|2f)/i.test(rawUrl)) return refused(400, 'forbidden character');
  // URL parsing would fold `..` and `%2e%2e` segments away (into the root); refuse them instead of
  // serving whatever they fold into, and refuse empty segments (`//etc`).
  const rawPath = rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0] ?? '';
  if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(rawPath) || rawPath.includes('//')) return refused(403, 'dot or empty segment');
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return refused(400, 'unparsable URL');
  }
  if (url.protocol !== `${APP_SCHEME}:`) return refused(403, `scheme ${url.protocol}`);
  if (url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') return refused(403, `host ${url.host}`);

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return refused(400, 'bad percent-encoding');
  }
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.includes('%')) return refused(400, 'forbidden character');
  // Any `..` segment is refused outright, even one that would stay inside the root.
  if (pathname.split('/').some((segment) => segment === '..' || segment === '.')) return refused(403, 'dot segment');
  const relativePath = pathname.replace(/^\/+/, '') || 'index.html';
  if (isAbsolute(relativePath) || /^[a-z]:/i.test(relativePath)) return refused(403, 'absolute path');

  const root = resolve(rootDir);
  const ext = extname(relativePath).toLowerCase();
  const target = ext === '' ? join(root, 'index.html') : resolve(root, relativePath);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return refused(403, 'outside the root');
  const contentType = CONTENT_TYPES[ext === '' ? '.html' : ext];
  if (!contentType) return refused(404, `type ${ext}`);
  return { kind: 'file', path: target, contentType };
}

/**
 * The console's Content-Security-Policy, sent by the protocol handler with every response.
 * Scripts and styles only from the app itself; network only to the bundled backend (HTTP and
 * its WebSocket); no frames, objects, forms or base-URI tricks.
 */
export function contentSecurityPolicy(backendOrigin: string, notesOrigin: string | null = null, objectsOrigin: string | null = null): string {
  const backend = new URL(backendOrigin);
  if (backend.protocol !== 'http:' || backend.hostname !== '127.0.0.1' || backend.port === '') throw new RangeError(`not a loopback backend origin: ${backendOrigin}`);
  const ws = `ws://127.0.0.1:${backend.port}`;
  const sources = [backend.origin, ws];
  // Stack mode: the renderer's PouchDB replicates with CouchDB directly; exactly that origin, nothing wider.
  // Attachments: the browser uploads to and downloads from the object store (S3/MinIO in stack mode; the
  // backend itself in embedded mode, already listed); exactly the configured origin, nothing wider.
  for (const extra of [notesOrigin, objectsOrigin]) {
    if (extra === null) continue;
    const origin = exactOrigin(extra);
    if (!sources.includes(origin)) sources.push(origin);
  }
  // Image attachments preview from the object store (presigned GET): that origin only, as in the web console's CSP.
  const images = objectsOrigin === null ? backend.origin : exactOrigin(objectsOrigin);

  return consoleCsp({ self: APP_ORIGIN, connect: sources, images: [images] });
}

/** An http(s) origin written as one (no path, credentials or wildcard), for a CSP source. */
export function exactOrigin(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RangeError(`not a URL: ${url}`);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || u.hostname.includes('*')) throw new RangeError(`not an http(s) origin: ${url}`);
  return u.origin;
}

/**
 * The CouchDB origin the desktop renderer may reach in stack mode (CS360_MODE=stack, from
 * CS360_STACK__COUCHDB__URL, the same variable the backend reads), or null in embedded mode, where
 * notes sync goes through the backend itself.
 */
export function notesOriginFromEnv(env: Record<string, string | undefined>): string | null {
  if (env.CS360_MODE !== 'stack') return null;
  return exactOrigin(env.CS360_STACK__COUCHDB__URL ?? 'http://127.0.0.1:55984');
}

/**
 * The object-store origin the desktop renderer uploads attachments to and downloads them from, from
 * the variables the backend reads: stack mode, the S3 server browsers reach
 * (CS360_STACK__S3__PUBLIC_ENDPOINT, else CS360_STACK__S3__ENDPOINT, else the runner's MinIO);
 * embedded mode, the backend's own origin (null: already allowed) unless CS360_OBJECTS__PUBLIC_URL
 * names another.
 */
export function objectsOriginFromEnv(env: Record<string, string | undefined>): string | null {
  if (env.CS360_MODE === 'stack') return exactOrigin(env.CS360_STACK__S3__PUBLIC_ENDPOINT ?? env.CS360_STACK__S3__ENDPOINT ?? 'http://127.0.0.1:59000');
  return env.CS360_OBJECTS__PUBLIC_URL ? exactOrigin(env.CS360_OBJECTS__PUBLIC_URL) : null;
}

/** Headers for every app:// response. */
export function appResponseHeaders(contentType: string, backendOrigin: string, notesOrigin: string | null = null, objectsOrigin: string | null = null): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': contentSecurityPolicy(backendOrigin, notesOrigin, objectsOrigin),
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
}

/** True for a URL of the console itself: exactly app://cs360, no credentials or port. */
export function isAppUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && url.port === '' && url.username === '' && url.password === '';
}
