import { create } from 'zustand';
import type { LiveHello, LiveNotification } from '../../../common/live';

const STORAGE_PREFIX = 'cs360.notifications.';
const MAX_ITEMS = 100;
const MAX_TOASTS = 3;
export const TOAST_MS = 8000;

interface Persisted {
  epoch: string | null;
  lastSeq: number | null;
  items: LiveNotification[];
  read: string[];
}

interface NotificationState extends Persisted {
  owner: string | null;
  /** Shown now, newest first; each one leaves by itself after TOAST_MS. */
  toasts: LiveNotification[];
  /** Loads the signed-in user's inbox and cursor from sessionStorage (a reload shows nothing twice). */
  load(owner: string): void;
  /** The cursor the handshake sends, so a (re)connect replays only what was missed. */
  cursor(): { lastSeq?: number; epoch?: string };
  hello(h: LiveHello): void;
  /** True when the notification is new (not a replay of one already here). */
  receive(n: LiveNotification): boolean;
  markRead(id: string): void;
  markAllRead(): void;
  dismissToast(id: string): void;
}

const empty: Persisted = { epoch: null, lastSeq: null, items: [], read: [] };

function readStorage(owner: string): Persisted {
  try {
    const raw = sessionStorage.getItem(STORAGE_PREFIX + owner);
    if (!raw) return empty;
    const p = JSON.parse(raw) as Partial<Persisted>;
    return {
      epoch: typeof p.epoch === 'string' ? p.epoch : null,
      lastSeq: typeof p.lastSeq === 'number' ? p.lastSeq : null,
      items: Array.isArray(p.items) ? p.items.slice(0, MAX_ITEMS) : [],
      read: Array.isArray(p.read) ? p.read.filter((x): x is string => typeof x === 'string') : [],
    };
  } catch {
    return empty;
  }
}

function save(s: NotificationState): void {
  if (!s.owner) return;
  try {
    const p: Persisted = { epoch: s.epoch, lastSeq: s.lastSeq, items: s.items, read: s.read };
    sessionStorage.setItem(STORAGE_PREFIX + s.owner, JSON.stringify(p));
  } catch {
    // Storage unavailable or full: the inbox then lasts as long as the page.
  }
}

export const unreadCount = (s: Pick<NotificationState, 'items' | 'read'>): number => {
  const read = new Set(s.read);
  return s.items.reduce((n, x) => n + (read.has(x.notification_id) ? 0 : 1), 0);
};

export const useNotifications = create<NotificationState>()((set, get) => {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const update = (patch: Partial<NotificationState>) => {
    set(patch);
    save(get());
  };
  return {
    ...empty,
    owner: null,
    toasts: [],
    load(owner) {
      if (get().owner === owner) return;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      set({ ...readStorage(owner), owner, toasts: [] });
    },
    cursor() {
      const { lastSeq, epoch } = get();
      return lastSeq === null || epoch === null ? {} : { lastSeq, epoch };
    },
    hello(h) {
      // The server sends everything owed up to h.lastSeq right after this; later ones come live.
      update({ epoch: h.epoch, lastSeq: h.lastSeq });
    },
    receive(n) {
      const s = get();
      const lastSeq = Math.max(s.lastSeq ?? 0, n.seq);
      if (s.items.some((x) => x.notification_id === n.notification_id)) {
        if (lastSeq !== s.lastSeq) update({ lastSeq });
        return false;
      }
      const items = [n, ...s.items].slice(0, MAX_ITEMS);
      const kept = new Set(items.map((x) => x.notification_id));
      update({ items, lastSeq, read: s.read.filter((id) => kept.has(id)), toasts: [n, ...s.toasts].slice(0, MAX_TOASTS) });
      timers.set(
        n.notification_id,
        setTimeout(() => get().dismissToast(n.notification_id), TOAST_MS),
      );
      return true;
    },
    markRead(id) {
      if (!get().read.includes(id)) update({ read: [...get().read, id] });
    },
    markAllRead() {
      update({ read: get().items.map((x) => x.notification_id) });
    },
    dismissToast(id) {
      const t = timers.get(id);
      if (t) clearTimeout(t);
      timers.delete(id);
      set({ toasts: get().toasts.filter((x) => x.notification_id !== id) });
    },
  };
});
