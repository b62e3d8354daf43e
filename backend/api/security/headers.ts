import { consoleCsp } from '../../../common/csp';

/** Origins the console served by this backend may reach besides itself (object store, CouchDB). */
export interface CspSources {
  /** Presigned uploads and downloads go straight to the object store. */
  objectStoreOrigin?: string;
  /** The renderer's PouchDB replicates notes with CouchDB. */
  couchdbOrigin?: string;
}

const origin = (url: string | undefined): string | null => {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
};

/**
 * The web console's Content-Security-Policy: the desktop's (main/core/appProtocol.ts) with 'self' in
 * place of app://cs360 — scripts and styles only from the backend itself, network to itself (HTTP and
 * its WebSocket) and the configured object store and CouchDB, no frames, objects, forms or base-URI tricks.
 */
export function contentSecurityPolicy(sources: CspSources = {}): string {
  const objects = origin(sources.objectStoreOrigin);
  const couch = origin(sources.couchdbOrigin);
  const connect = ["'self'", ...new Set([objects, couch].filter((o): o is string => o !== null))];
  return consoleCsp({ self: "'self'", connect, images: objects ? [objects] : [] });
}

/** Headers on every HTTP response of the backend, API and console alike. */
export function securityHeaders(sources: CspSources = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(sources),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };
}
