import { connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveHello, LiveNotification, ServerToClientEvents } from '../../common/live';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Polls `cond` every 20 ms until it holds; throws after `ms`. */
export async function waitFor(cond: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A socket.io client of the live channel that records what it receives from the first packet on:
 * each notification, each packet (batch), each hello and each disconnect. Resolves once connected
 * and greeted; `open` collects the sockets for the test's cleanup.
 */
export async function recordingClient(baseUrl: string, auth: Record<string, unknown>, open: LiveSocket[]) {
  const s: LiveSocket = connect(baseUrl, { auth, transports: ['websocket'], reconnection: false });
  open.push(s);
  const got: LiveNotification[] = [];
  const frames: LiveNotification[][] = [];
  const hellos: LiveHello[] = [];
  let disconnects = 0;
  s.on('notifications', (batch) => {
    frames.push(batch);
    got.push(...batch);
  });
  s.on('live:hello', (h) => hellos.push(h));
  s.on('disconnect', () => (disconnects += 1));
  await new Promise<void>((resolve, reject) => {
    s.on('connect', () => resolve());
    s.on('connect_error', (e) => reject(e));
  });
  await waitFor(() => hellos.length > 0, 5000, 'live:hello');
  return { s, got, frames, hellos, hello: () => hellos[hellos.length - 1] as LiveHello, disconnects: () => disconnects };
}
