import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';

/**
 * The desktop window loads the console from `app://cs360` (a custom protocol in main), so its
 * calls to this backend are cross-origin. This lets exactly that origin through CORS, and only
 * in desktop mode (backend/main.ts installs it when a launch token is configured): every actual
 * request still needs the launch token and a session. Other origins get no CORS headers.
 *
 * It sits in front of the HTTP server's request listeners rather than in a Fastify hook because
 * preflights carry no launch token and Fastify's auth hook (api/server.ts) runs first and would
 * refuse them. socket.io has its own CORS option (api/live/socketServer.ts), so its path is left
 * alone here.
 */
export const DESKTOP_ORIGIN = 'app://cs360';

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'authorization, content-type, x-cs360-launch-token';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export function allowDesktopOrigin(server: HttpServer): void {
  const downstream = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.headers.origin === DESKTOP_ORIGIN && !path.startsWith('/socket.io/')) {
      res.setHeader('access-control-allow-origin', DESKTOP_ORIGIN);
      res.setHeader('vary', 'Origin');
      if (req.method === 'OPTIONS' && typeof req.headers['access-control-request-method'] === 'string') {
        res.writeHead(204, { 'access-control-allow-methods': ALLOWED_METHODS, 'access-control-allow-headers': ALLOWED_HEADERS, 'access-control-max-age': '600' });
        res.end();
        return;
      }
    }
    for (const listener of downstream) listener.call(server, req, res);
  });
}
