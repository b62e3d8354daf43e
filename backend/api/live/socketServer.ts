import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, SeedProgress, ServerToClientEvents } from '../../../common/live';
import type { Principal } from '../../auth/principal';
import { can } from '../../auth/policy';
import type { SessionTokens } from '../../auth/sessionTokens';
import type { Logger } from '../../logger';
import type { EventBus } from '../../ports/eventBus';
import { entitledOnReplay, parseCursor, parseWatching, type NotificationRelay } from '../../notifications/relay';
import { customerIdInput } from '../../services/inputs';
import { DESKTOP_ORIGIN } from '../desktopOrigin';
import { checkLaunchToken } from '../requestAuth';

interface SocketData {
  principal: Principal;
}

export const rooms = {
  customer: (id: string) => `customer:${id}`,
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
    tokens: SessionTokens;
    bus: EventBus;
    log: Logger;
    launchToken?: string;
    onNotification?: (type: string) => void;
    /** The notification relay (replay log); without it notifications are not relayed. */
    relay?: NotificationRelay;
    /** A socket with more packets than this waiting to be written is cut off; it reconnects and replays. */
    maxBufferedPackets?: number;
  },
) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(http, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Desktop mode (launch token set): the window on app://cs360 may connect; otherwise same-origin only.
    cors: { origin: deps.launchToken ? [DESKTOP_ORIGIN] : false },
  });

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown; launchToken?: unknown };
    // An unauthenticated socket is refused before it joins any room.
    Promise.resolve()
      .then(() => checkLaunchToken(deps.launchToken, auth.launchToken))
      .then(() => (typeof auth.token === 'string' ? deps.tokens.verify(auth.token) : Promise.reject(new Error('no token'))))
      .then((principal) => {
        socket.data.principal = principal;
        next();
      })
      .catch(() => next(new Error('UNAUTHENTICATED')));
  });

  io.on('connection', (socket) => {
    const p = socket.data.principal;
    void socket.join(rooms.agent(p.id));
    if (p.role === 'SUPERVISOR') void socket.join(rooms.supervisors);
    // The customers it watched before a reconnect: joined now, before the hello, so their
    // notifications are either in the replay below or sent live — not lost in between.
    const watching = can(p, 'timeline:read') ? parseWatching(socket.handshake.auth as { watching?: unknown }) : [];
    for (const id of watching) void socket.join(rooms.customer(id));
    const relay = deps.relay;
    if (relay) {
      // Synchronous from join to the last replayed packet: whatever the relay appends after this is
      // sent live (its seq > head), whatever came before is in the replay — nothing twice, no gap.
      const head = relay.log.lastSeq;
      socket.emit('live:hello', { epoch: relay.log.epoch, lastSeq: head });
      const cursor = parseCursor(socket.handshake.auth as { lastSeq?: unknown; epoch?: unknown }, relay.log.epoch);
      if (cursor !== null && cursor < head) {
        for (const e of relay.log.since(cursor, entitledOnReplay(p, new Set(watching)))) socket.emit('notification', { ...e.notification, seq: e.seq });
      }
    }
    socket.on('customer:watch', (customerId, ack) => {
      const reply = typeof ack === 'function' ? ack : () => {};
      try {
        const id = customerIdInput(customerId);
        if (!can(p, 'timeline:read')) return reply({ ok: false, error: 'FORBIDDEN' });
        void socket.join(rooms.customer(id));
        reply({ ok: true });
      } catch {
        reply({ ok: false, error: 'INVALID_INPUT' });
      }
    });
    socket.on('customer:unwatch', (customerId) => {
      if (typeof customerId === 'string') void socket.leave(rooms.customer(customerId));
    });
  });

  const unsubscribe = [
    deps.bus.subscribe('cs_timeline', (row) => {
      io.to(rooms.customer(row.customer_id)).emit('timeline:row', row);
    }),
  ];
  if (deps.relay) {
    unsubscribe.push(
      deps.relay.onEntry(({ seq, notification: n }) => {
        const targets = [rooms.customer(n.customer_id), rooms.supervisors, ...(n.agent_id ? [rooms.agent(n.agent_id)] : [])];
        // One emit to the union of rooms: a socket in several of them still receives it once. Not
        // volatile: socket.io encodes the packet once and appends it to each socket's own write
        // buffer, so a slow socket only grows its own buffer; the sweep below bounds that buffer.
        io.to(targets).emit('notification', { ...n, seq });
        deps.onNotification?.(n.type);
      }),
    );
  }

  // Slow consumers: engine.io keeps a per-socket writeBuffer that grows while the transport is not
  // writable. Past the bound the connection is closed (not the socket.io session: the client
  // reconnects by itself) and the client catches up from the replay log with its lastSeq.
  const maxBuffered = deps.maxBufferedPackets ?? 2000;
  const sweep = setInterval(() => {
    for (const socket of io.sockets.sockets.values()) {
      const buffered = (socket.conn as unknown as { writeBuffer?: unknown[] }).writeBuffer?.length ?? 0;
      if (buffered > maxBuffered) {
        deps.log.warn({ agent: socket.data.principal?.id, buffered }, 'slow live client cut off; it will reconnect and replay');
        socket.conn.close();
      }
    }
  }, 1000);
  sweep.unref();

  return {
    io,
    broadcastSeed: (p: SeedProgress) => io.emit('seed:progress', p),
    close: async () => {
      clearInterval(sweep);
      for (const u of unsubscribe) u();
      await io.close();
    },
  };
}
