import { io, type Socket } from 'socket.io-client';
import { create } from 'zustand';
import type { ClientToServerEvents, LiveAuth, LiveHello, LiveNotification, ServerToClientEvents } from '../../../common/live';
import { apiBaseUrl, apiLaunchToken } from '../api/client';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveStatus = 'offline' | 'connecting' | 'connected' | 'disconnected';
export type { LiveNotification };

export interface LiveHandlers {
  onTimelineRow: ServerToClientEvents['timeline:row'];
  onSeedProgress: ServerToClientEvents['seed:progress'];
  /** A batch of notifications in seq order (one flush of the server, or a chunk of the replay). */
  onNotifications?: (batch: LiveNotification[]) => void;
  onHello?: (h: LiveHello) => void;
  /** The notification cursor sent with every (re)connect, so the server replays only what was missed. */
  cursor?: () => { lastSeq?: number; epoch?: string };
  onUnauthenticated: () => void;
}

interface LiveState {
  status: LiveStatus;
  /** True once this session's socket has connected: a later disconnect means "reconnecting". */
  everConnected: boolean;
  watching: string | null;
  connect(token: string, handlers: LiveHandlers): void;
  disconnect(): void;
  watch(customerId: string): void;
  unwatch(customerId: string): void;
}

let socket: LiveSocket | null = null;

export const useLive = create<LiveState>()((set, get) => ({
  status: 'offline',
  everConnected: false,
  watching: null,
  connect(token, handlers) {
    get().disconnect();
    const launchToken = apiLaunchToken();
    // WebSocket only: long-polling would be a cross-origin XHR from the desktop's custom protocol.
    // auth as a function: read again on every reconnect, so it carries the latest notification cursor.
    const auth = (cb: (data: object) => void) => {
      const watching = get().watching;
      cb({ token, ...(launchToken ? { launchToken } : {}), ...(handlers.cursor?.() ?? {}), ...(watching ? { watching: [watching] } : {}) } satisfies LiveAuth);
    };
    const s: LiveSocket = io(apiBaseUrl(), { auth, transports: ['websocket'], reconnectionDelayMax: 5000 });
    socket = s;
    set({ status: 'connecting' });
    s.on('connect', () => {
      set({ status: 'connected', everConnected: true });
      const watching = get().watching;
      // Rooms do not survive a reconnect: join the open customer's again.
      if (watching) s.emit('customer:watch', watching, () => {});
    });
    s.on('disconnect', () => set({ status: 'disconnected' }));
    s.on('connect_error', (err) => {
      if (err.message === 'UNAUTHENTICATED') {
        s.disconnect();
        handlers.onUnauthenticated();
      }
      set({ status: 'disconnected' });
    });
    s.on('timeline:row', handlers.onTimelineRow);
    s.on('seed:progress', handlers.onSeedProgress);
    s.on('live:hello', (h) => handlers.onHello?.(h));
    s.on('notifications', (batch) => {
      if (Array.isArray(batch) && batch.length > 0) handlers.onNotifications?.(batch);
    });
  },
  disconnect() {
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = null;
    set({ status: 'offline', everConnected: false });
  },
  watch(customerId) {
    set({ watching: customerId });
    if (socket?.connected) socket.emit('customer:watch', customerId, () => {});
  },
  unwatch(customerId) {
    if (get().watching === customerId) set({ watching: null });
    if (socket?.connected) socket.emit('customer:unwatch', customerId);
  },
}));
