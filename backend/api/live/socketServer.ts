import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, LiveNotification, SeedProgress, ServerToClientEvents } from '../../../common/live';
import type { Principal } from '../../auth/principal';
import { can } from '../../auth/policy';
import type { SessionTokens } from '../../auth/sessionTokens';
import type { AppConfig } from '../../config/schema';
import type { Logger } from '../../logger';
import type { EventBus } from '../../ports/eventBus';
import { entitledOnReplay, parseCursor, parseWatching, type NotificationRelay, type RelayEntry } from '../../notifications/relay';
import { customerIdInput } from '../../services/inputs';
import { scrubJson } from '../../services/pii/mask';
import { DESKTOP_ORIGIN } from '../desktopOrigin';
import { checkLaunchToken } from '../requestAuth';
import { hostAllowed } from '../security/hostAllowlist';

interface SocketData {
  principal: Principal;
  /** The session's token id and expiry (epoch ms): re-checked on every event. */
  jti: string;
  expiresAt: number;
}

/** Sent before the server disconnects a socket whose session ended; not in ServerToClientEvents yet. */
export const SESSION_ENDED = 'session:ended';
type SessionEndReason = 'expired' | 'signed-out';

/** At most this many notifications in one 'notifications' packet; a buffer this full is flushed at once. */
export const MAX_BATCH = 200;

const customerRooms = (joined: Set<string>) => {
  let n = 0;
  for (const r of joined) if (r.startsWith('customer:')) n++;
  return n;
};

const live = (e: RelayEntry): LiveNotification => ({ ...e.notification, seq: e.seq });

export const rooms = {
  customer: (id: string) => `customer:${id}`,
  /** Watchers without `pii:raw` (ANALYST): rows reach them with emails and phones masked. */
  customerMasked: (id: string) => `customer:${id}:masked`,
  agent: (id: string) => `agent:${id}`,
  supervisors: 'role:SUPERVISOR',
};

/**
 * Live channel: timeline rows for the customers a client watches, notifications for the assigned
 * agent, the customer's viewers and supervisors. Handshakes without a valid session are refused.
 */
export function attachSocketServer(
  http: HttpServer,
  deps: {
    /** http.allowedHosts and live.maxRoomsPerSocket; defaults without it. */
    config?: Pick<AppConfig, 'http' | 'live'>;
    tokens: SessionTokens;
    bus: EventBus;
    log: Logger;
    launchToken?: string;
    onNotification?: (type: string) => void;
    /** The notification relay (replay log); without it notifications are not relayed. */
    relay?: NotificationRelay;
    /**
     * The relay's entries are buffered and sent at most once every this many ms (or at MAX_BATCH), each
     * socket getting one 'notifications' packet per flush; the first entry after a quiet interval goes
     * at once. 0 sends each entry at once. Default 10.
     */
    flushIntervalMs?: number;
    /** A socket with more packets than this waiting to be written is cut off; it reconnects and replays. */
    maxBufferedPackets?: number;
    /** …or with more bytes than this (a packet now carries up to MAX_BATCH notifications). Default 4 MiB. */
    maxBufferedBytes?: number;
  },
) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(http, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Desktop mode (launch token set): the window on app://cs360 may connect; otherwise same-origin only.
    cors: { origin: deps.launchToken ? [DESKTOP_ORIGIN] : false },
    // DNS rebinding: the handshake (polling and upgrade) answers only the backend's own Host names.
    allowRequest: (req, cb) => cb(hostAllowed(req.headers.host, allowedHosts) ? null : 'Unknown Host', hostAllowed(req.headers.host, allowedHosts)),
  });
  io.engine.on('headers', (headers: Record<string, string>) => {
    headers['x-content-type-options'] = 'nosniff';
    headers['referrer-policy'] = 'no-referrer';
  });

  /** Ends a socket whose session ended, telling it why first. */
  const endSession = (socket: { emit: (e: string, d: unknown) => unknown; disconnect: (close?: boolean) => unknown }, reason: SessionEndReason) => {
    socket.emit(SESSION_ENDED, { reason });
    socket.disconnect(true);
  };
  const sessionEnded = (data: SocketData): SessionEndReason | null =>
    data.expiresAt <= Date.now() ? 'expired' : deps.tokens.isRevoked(data.jti) ? 'signed-out' : null;

  const allowedHosts = deps.config?.http.allowedHosts ?? [];
  const maxRooms = deps.config?.live.maxRoomsPerSocket ?? 50;
  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown; launchToken?: unknown };
    // An unauthenticated socket is refused before it joins any room.
    Promise.resolve()
      .then(() => checkLaunchToken(deps.launchToken, auth.launchToken))
      .then(() => (typeof auth.token === 'string' ? deps.tokens.verifySession(auth.token) : Promise.reject(new Error('no token'))))
      .then((session) => {
        socket.data.principal = session.principal;
        socket.data.jti = session.jti;
        socket.data.expiresAt = session.expiresAt;
        next();
      })
      .catch(() => next(new Error('UNAUTHENTICATED')));
  });

  // Entries from the relay not yet sent live, in seq order. Every entry the relay appended after the
  // first of them is in here too (the listener below runs synchronously on each append).
  const pending: RelayEntry[] = [];
  let flushTimer: NodeJS.Timeout | null = null;
  let lastFlush = -Infinity;
  const flushMs = deps.flushIntervalMs ?? 10;
  /** The newest seq already sent live: what follows it is in `pending` and goes out with the next flush. */
  const liveHead = (relay: NotificationRelay) => (pending.length > 0 ? pending[0]!.seq - 1 : relay.log.lastSeq);

  io.on('connection', (socket) => {
    const p = socket.data.principal;
    // Every event re-checks the session: an expired or signed-out one is cut off, not served.
    socket.use((_packet, next) => {
      const ended = sessionEnded(socket.data);
      if (ended) return endSession(socket as never, ended);
      next();
    });
    void socket.join(rooms.agent(p.id));
    if (p.role === 'SUPERVISOR') void socket.join(rooms.supervisors);
    // The customers it watched before a reconnect: joined now, before the hello, so their
    // notifications are either in the replay below or sent live — not lost in between.
    const watching = can(p, 'timeline:read') ? parseWatching(socket.handshake.auth as { watching?: unknown }).slice(0, maxRooms) : [];
    for (const id of watching) void socket.join(rooms.customer(id));
    const relay = deps.relay;
    if (relay) {
      // Synchronous from join to the last replayed packet. head is the newest seq already sent live,
      // not the log's newest: entries still waiting in `pending` (seq > head) reach this socket with
      // the next flush, as it is in their rooms now; whatever was sent live before is in the replay —
      // nothing twice, no gap.
      const head = liveHead(relay);
      socket.emit('live:hello', { epoch: relay.log.epoch, lastSeq: head });
      const cursor = parseCursor(socket.handshake.auth as { lastSeq?: unknown; epoch?: unknown }, relay.log.epoch);
      if (cursor !== null && cursor < head) {
        const missed = relay.log.since(cursor, entitledOnReplay(p, new Set(watching)), head);
        for (let i = 0; i < missed.length; i += MAX_BATCH) socket.emit('notifications', missed.slice(i, i + MAX_BATCH).map(live));
      }
    }
    socket.on('customer:watch', (customerId, ack) => {
      const reply = typeof ack === 'function' ? ack : () => {};
      try {
        const id = customerIdInput(customerId);
        if (!can(p, 'timeline:read')) return reply({ ok: false, error: 'FORBIDDEN' });
        const room = can(p, 'pii:raw') ? rooms.customer(id) : rooms.customerMasked(id);
        // Refused with a typed ack, not dropped: the client learns it watches too many at once.
        if (!socket.rooms.has(room) && customerRooms(socket.rooms) >= maxRooms) return reply({ ok: false, error: 'INVALID_INPUT' });
        void socket.join(room);
        reply({ ok: true });
      } catch {
        reply({ ok: false, error: 'INVALID_INPUT' });
      }
    });
    socket.on('customer:unwatch', (customerId) => {
      if (typeof customerId === 'string') {
        void socket.leave(rooms.customer(customerId));
        void socket.leave(rooms.customerMasked(customerId));
      }
    });
  });

  const unsubscribe = [
    deps.tokens.onRevoke((jti) => {
      for (const socket of io.sockets.sockets.values()) if (socket.data.jti === jti) endSession(socket as never, 'signed-out');
    }),
    deps.bus.subscribe('cs_timeline', (row) => {
      io.to(rooms.customer(row.customer_id)).emit('timeline:row', row);
      const masked = rooms.customerMasked(row.customer_id);
      if (io.sockets.adapter.rooms.get(masked)?.size) io.to(masked).emit('timeline:row', scrubJson(row));
    }),
  ];

  /**
   * Sends the pending entries: each connected socket gets one packet with, in seq order, the entries
   * it is owed — those of its agent's room, of the customers' rooms it has joined, all of them in the
   * supervisors' room (the rooms as they are now). Sockets owed the same subset are one group and get
   * one broadcast, which socket.io encodes once: 500 supervisors cost one encode. Not volatile: the
   * packet is appended to each socket's own write buffer, so a slow socket only grows its own buffer;
   * the sweep below bounds that buffer.
   */
  const flush = () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    if (pending.length === 0) return;
    lastFlush = performance.now();
    const entries = pending.splice(0);
    try {
      const joined = io.sockets.adapter.rooms;
      const supervisors = joined.get(rooms.supervisors);
      // Everyone else: socket id → indices of the entries it is owed, ascending.
      const owed = new Map<string, number[]>();
      entries.forEach(({ notification: n }, i) => {
        for (const room of n.agent_id ? [rooms.customer(n.customer_id), rooms.agent(n.agent_id)] : [rooms.customer(n.customer_id)]) {
          for (const id of joined.get(room) ?? []) {
            if (supervisors?.has(id)) continue;
            const list = owed.get(id);
            if (!list) owed.set(id, [i]);
            else if (list[list.length - 1] !== i) list.push(i); // in both rooms of one entry: once
          }
        }
      });
      // Subset (its indices as a key) → the rooms it goes to (a socket's own id is a room too).
      const payload = entries.map(live);
      const groups = new Map<string, { batch: LiveNotification[]; to: string[] }>();
      if (supervisors && supervisors.size > 0) groups.set('all', { batch: payload, to: [rooms.supervisors] });
      for (const [id, idx] of owed) {
        const key = idx.length === entries.length ? 'all' : idx.join(',');
        const group = groups.get(key);
        if (group) group.to.push(id);
        else groups.set(key, { batch: key === 'all' ? payload : idx.map((i) => payload[i]!), to: [id] });
      }
      for (const { batch, to } of groups.values()) io.to(to).emit('notifications', batch);
    } catch (err) {
      deps.log.error({ err, from: entries[0]!.seq, to: entries.at(-1)!.seq }, 'notification flush failed');
    }
  };
  if (deps.relay) {
    unsubscribe.push(
      deps.relay.onEntry((entry) => {
        pending.push(entry);
        deps.onNotification?.(entry.notification.type);
        if (pending.length >= MAX_BATCH) return flush();
        if (flushTimer) return;
        // At most one flush per interval: a lone notification after a quiet interval goes at once (no
        // added latency at low rates); a burst waits for the end of the interval, then goes as one packet.
        const wait = lastFlush + flushMs - performance.now();
        if (wait <= 0) flush();
        else flushTimer = setTimeout(flush, wait);
      }),
    );
  }

  // Slow consumers: engine.io keeps a per-socket writeBuffer that grows while the transport is not
  // writable. Past the bound the connection is closed (not the socket.io session: the client
  // reconnects by itself) and the client catches up from the replay log with its lastSeq.
  const maxBuffered = deps.maxBufferedPackets ?? 2000;
  const maxBytes = deps.maxBufferedBytes ?? 4 * 1024 * 1024;
  const sweep = setInterval(() => {
    for (const socket of io.sockets.sockets.values()) {
      // A quiet socket is cut off when its session expires, not only at its next event.
      const ended = socket.data.expiresAt !== undefined ? sessionEnded(socket.data) : null;
      if (ended) {
        endSession(socket as never, ended);
        continue;
      }
      const queue = (socket.conn as unknown as { writeBuffer?: { data?: unknown }[] }).writeBuffer ?? [];
      if (queue.length === 0) continue;
      let bytes = 0;
      for (const packet of queue) bytes += typeof packet.data === 'string' ? packet.data.length : Buffer.isBuffer(packet.data) ? packet.data.length : 0;
      if (queue.length > maxBuffered || bytes > maxBytes) {
        deps.log.warn({ agent: socket.data.principal?.id, buffered: queue.length, bytes }, 'slow live client cut off; it will reconnect and replay');
        socket.conn.close();
      }
    }
  }, 1000);
  sweep.unref();

  return {
    io,
    broadcastSeed: (p: SeedProgress) => io.emit('seed:progress', p),
    /** Customers some socket is watching now (their rooms). */
    watchedCustomers: (): string[] => [...new Set([...io.sockets.adapter.rooms.keys()].filter((r) => r.startsWith('customer:')).map((r) => r.slice('customer:'.length).replace(/:masked$/, '')))],
    close: async () => {
      clearInterval(sweep);
      for (const u of unsubscribe) u();
      flush();
      await io.close();
    },
  };
}
