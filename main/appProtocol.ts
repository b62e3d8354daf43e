import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, appResponseHeaders, resolveAppRequest } from './core/appProtocol';

/** Must run before `app` is ready: app:// behaves like https (secure context, fetch, CORS). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

/**
 * Serves dist/renderer at app://cs360/ with the CSP from core/appProtocol.ts. Every decision
 * (host, traversal, type) is the core's; this only reads the file.
 */
export function serveAppProtocol(rendererDir: string, backendOrigin: () => string | null, notesOrigin: string | null = null, objectsOrigin: string | null = null): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const origin = backendOrigin();
    const resolved = resolveAppRequest(request.url, rendererDir, request.method);
    if (origin === null) return new Response('backend not ready', { status: 503 });
    if (resolved.kind === 'refused') return new Response(null, { status: resolved.status });
    try {
      const body = await readFile(resolved.path);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: appResponseHeaders(resolved.contentType, origin, notesOrigin, objectsOrigin) });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
