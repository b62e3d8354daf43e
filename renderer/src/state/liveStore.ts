import { io, type Socket } from 'socket.io-client';
import { create } from 'zustand';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../common/live';
import type { CsNotification } from '../../../common/model';
import { apiBaseUrl, apiLaunchToken } from '../api/client';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveStatus = 'offline' | 'connecting' | 'connected' | 'disconnected';
export type LiveNotification = CsNotification & { seq: number };

const MAX_NOTIFICATIONS = 50;

export interface LiveHandlers {
  onTimelineRow: ServerToClientEvents['timeline:row'];
  onSeedProgress: ServerToClientEvents['seed:progress'];
  onNotification?: (n: LiveNotification) => void;
  onUnauthenticated: () => void;
}

interface LiveState {
  status: LiveStatus;
  /** True once this session's socket has connected: a later disconnect means "reconnecting". */
  everConnected: boolean;
  watching: string | null;
  notifications: LiveNotification[];
  connect(token: string, handlers: LiveHandlers): void;
  disconnect(): void;
  watch(customerId: string): void;
  unwatch(customerId: string): void;
}

let socket: LiveSocket | null = null;

/** Newest first, capped, without a notification seen twice (reconnects may replay). */
export function addNotification(list: readonly LiveNotification[], n: LiveNotification, max = MAX_NOTIFICATIONS): LiveNotification[] {
  if (list.some((x) => x.notification_id === n.notification_id)) return list as LiveNotification[];
  return [n, ...list].slice(0, max);
}

export const useLive = create<LiveState>()((set, get) => ({
  status: 'offline',
  everConnected: false,
  watching: null,
  notifications: [],
  connect(token, handlers) {
    get().disconnect();
    const launchToken = apiLaunchToken();
    // WebSocket only: long-polling would be a cross-origin XHR from the desktop's custom protocol.
    const s: LiveSocket = io(apiBaseUrl(), { auth: { token, ...(launchToken ? { launchToken } : {}) }, transports: ['websocket'], reconnectionDelayMax: 5000 });
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
    s.on('notification', (n) => {
      set((st) => ({ notifications: addNotification(st.notifications, n) }));
      handlers.onNotification?.(n);
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
