/**
 * How the desktop shell and the bundled backend talk while the backend starts. The backend
 * (backend/main.ts) implements its side; main/core/backendReady.ts parses it.
 *
 * 1. main forks `dist/backend/main.js` with `utilityProcess.fork(path, backendArgs(port), { env })`.
 *    The env carries `CS360_LAUNCH_TOKEN` (a fresh random secret per launch; the backend then
 *    requires it on every API request and socket.io handshake) plus the data and renderer
 *    directories.
 * 2. The backend listens on 127.0.0.1, on a port the OS picks (`--port 0`), and reports it once:
 *    `process.parentPort.postMessage({ type: 'ready', port })` (see BackendReadyMessage).
 * 3. main waits for that message (with a timeout), then loads the console from
 *    `app://cs360/` (main/core/appProtocol.ts), whose CSP allows connections to that port only.
 *    The backend does not serve the console to the window (no `--web`); it allows the origin
 *    `app://cs360` cross-origin because it runs with a launch token (backend/api/desktopOrigin.ts).
 * 4. If the backend crashes, main starts it again on the same port with the same token
 *    (main/core/backendSupervisor.ts).
 * 5. On quit, main kills the utility process (SIGTERM on POSIX); the backend closes its
 *    server and exits.
 */

/** Sent once by the backend when its HTTP server listens. */
export interface BackendReadyMessage {
  type: 'ready';
  /** The TCP port actually bound on 127.0.0.1 (1–65535). */
  port: number;
}

/** Every message the backend may post to main. Extend this union when the protocol grows. */
export type BackendToMainMessage = BackendReadyMessage;

/** Environment variable that carries the per-launch token to the backend. */
export const LAUNCH_TOKEN_ENV = 'CS360_LAUNCH_TOKEN';

/** Loopback only: the bundled backend must never listen on a routable interface. */
export const BACKEND_HOST = '127.0.0.1';

/** Arguments main passes to the backend entry: loopback, on `port` (0 for the first start: the OS picks). */
export function backendArgs(port = 0): string[] {
  return ['--port', String(port), '--host', BACKEND_HOST];
}

/** How long main waits for the ready message before giving up. The start budget is 1.5 s; this is the failure line, not the goal. */
export const BACKEND_READY_TIMEOUT_MS = 30_000;
