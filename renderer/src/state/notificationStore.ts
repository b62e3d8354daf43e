import { create } from 'zustand';
import type { LiveHello, LiveNotification } from '../../../common/live';

const STORAGE_PREFIX = 'cs360.notifications.';
const MAX_ITEMS = 100;
/** At most this many toasts at once; a batch bringing more new ones than this shows one summary toast. */
export const MAX_TOASTS = 3;
export const TOAST_MS = 8000;
export const SUMMARY_TOAST_ID = 'summary';

/** A toast: one notification, or how many new ones arrived together (with the highest severity among them). */
export type Toast =
  | { id: string; kind: 'notification'; notification: LiveNotification }
  | { id: typeof SUMMARY_TOAST_ID; kind: 'summary'; count: number; severity: LiveNotification['severity'] };

const SEVERITY_RANK = { HIGH: 3, MEDIUM: 2, LOW: 1 } as const;
const higher = (a: LiveNotification['severity'], b: LiveNotification['severity']) => (SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b);

interface Persisted {
  epoch: string | null;
  lastSeq: number | null;
  items: LiveNotification[];
  read: string[];
}

interface NotificationState extends Persisted {
  owner: string | null;
  /** Shown now, newest first; each one leaves by itself after TOAST_MS. */
  toasts: Toast[];
  /** Loads the signed-in user's inbox and cursor from sessionStorage (a reload shows nothing twice). */
  load(owner: string): void;
  /** The cursor the handshake sends, so a (re)connect replays only what was missed. */
  cursor(): { lastSeq?: number; epoch?: string };
  hello(h: LiveHello): void;
  /**
   * Takes a batch (seq order): the cursor moves to its highest seq, the new ones (not already in the
   * inbox) go to the inbox and are returned, oldest first. Up to MAX_TOASTS new ones get a toast
   * each; more (or any while a summary is showing) are counted in one summary toast.
   */
  receive(batch: readonly LiveNotification[]): LiveNotification[];
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
    receive(batch) {
      const s = get();
      const lastSeq = batch.reduce((max, n) => Math.max(max, n.seq), s.lastSeq ?? 0);
      const seen = new Set(s.items.map((x) => x.notification_id));
      const fresh: LiveNotification[] = [];
      for (const n of batch) {
        // A replay of one already here (or twice in the batch): only the cursor moves.
        if (seen.has(n.notification_id)) continue;
        seen.add(n.notification_id);
        fresh.push(n);
      }
      if (fresh.length === 0) {
        if (lastSeq !== s.lastSeq) update({ lastSeq });
        return fresh;
      }
      const items = [...fresh].reverse().concat(s.items).slice(0, MAX_ITEMS);
      const kept = new Set(items.map((x) => x.notification_id));
      const summary = s.toasts.find((t) => t.kind === 'summary');
      let toasts: Toast[];
      const show: string[] = [];
      if (summary || fresh.length > MAX_TOASTS) {
        // Many at once: one toast counting them (a summary already showing counts these too).
        const severity = fresh.reduce((sev, n) => higher(sev, n.severity), summary?.severity ?? 'LOW');
        const next: Toast = { id: SUMMARY_TOAST_ID, kind: 'summary', count: (summary?.count ?? 0) + fresh.length, severity };
        toasts = [next, ...s.toasts.filter((t) => t.kind !== 'summary')].slice(0, MAX_TOASTS);
        show.push(SUMMARY_TOAST_ID);
      } else {
        const one: Toast[] = [...fresh].reverse().map((n) => ({ id: n.notification_id, kind: 'notification', notification: n }));
        toasts = [...one, ...s.toasts].slice(0, MAX_TOASTS);
        show.push(...one.map((t) => t.id));
      }
      // Toasts pushed out by newer ones leave now, with their timers.
      const shown = new Set(toasts.map((t) => t.id));
      for (const [id, timer] of timers) {
        if (!shown.has(id)) {
          clearTimeout(timer);
          timers.delete(id);
        }
      }
      update({ items, lastSeq, read: s.read.filter((id) => kept.has(id)), toasts });
      for (const id of show) {
        const t = timers.get(id);
        if (t) clearTimeout(t);
        timers.set(
          id,
          setTimeout(() => get().dismissToast(id), TOAST_MS),
        );
      }
      return fresh;
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
      set({ toasts: get().toasts.filter((x) => x.id !== id) });
    },
  };
});
