import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, SeedProgress, ServerToClientEvents } from '../../../common/live';
import type { Principal } from '../../auth/principal';
import { can } from '../../auth/policy';
import type { SessionTokens } from '../../auth/sessionTokens';
import type { Logger } from '../../logger';
import type { EventBus } from '../../ports/eventBus';
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
export function attachSocketServer(http: HttpServer, deps: { tokens: SessionTokens; bus: EventBus; log: Logger; launchToken?: string; onNotification?: (type: string) => void }) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(http, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Desktop mode (launch token set): the window on app://cs360 may connect; otherwise same-origin only.
    cors: { origin: deps.launchToken ? [DESKTOP_ORIGIN] : false },
  });

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown; launchToken?: unknown };
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

  let seq = 0;
  const unsubscribe = [
    deps.bus.subscribe('cs_timeline', (row) => {
      io.to(rooms.customer(row.customer_id)).emit('timeline:row', row);
    }),
    deps.bus.subscribe('cs_notifications', (n) => {
      seq += 1;
      const targets = [rooms.customer(n.customer_id), rooms.supervisors, ...(n.agent_id ? [rooms.agent(n.agent_id)] : [])];
      // One emit to the union of rooms: a socket in several of them still receives it once.
      io.to(targets).emit('notification', { ...n, seq });
      deps.onNotification?.(n.type);
    }),
  ];

  return {
    io,
    broadcastSeed: (p: SeedProgress) => io.emit('seed:progress', p),
    close: async () => {
      for (const u of unsubscribe) u();
      await io.close();
    },
  };
}
