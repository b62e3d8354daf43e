import PouchDB from 'pouchdb-browser';
import { create } from 'zustand';
import type { NotesEndpoint } from '../../../common/notesEndpoint';
import { apiBaseUrl, authHeaders, restJson } from '../api/client';

/**
 * Offline-first case notes: a PouchDB database in IndexedDB per signed-in agent, replicating live both
 * ways with the notes endpoint that GET /api/notes/sync names (embedded: the backend's own /couch;
 * stack: CouchDB). Every write lands locally first, so notes are read and written with the network,
 * the backend or CouchDB down; the replicator catches up by itself.
 *
 * Pending writes are remembered by id and revision (in localStorage, so they survive a reload) until
 * the push side reports them written or the server says it has them; a document the server refuses
 * stays local and is listed with the server's reason. Nothing is dropped silently.
 */

export type { NotesEndpoint };

export type SyncPhase = 'starting' | 'synced' | 'syncing' | 'offline' | 'error';

export interface NotesSyncState {
  phase: SyncPhase;
  pending: number;
  conflicts: number;
  refused: { id: string; reason: string }[];
  lastError: string | null;
}

export const useNotesSync = create<NotesSyncState>()(() => ({ phase: 'starting', pending: 0, conflicts: 0, refused: [], lastError: null }));

type Db = PouchDB.Database;

let current: { agentId: string; db: Db; stop: () => void } | null = null;
const ENDPOINT_KEY = 'cs360.notes.endpoint';
const pendingKey = (agentId: string) => `cs360.notes.pending.${agentId}`;

let pending = new Map<string, string>();
let pendingAgent = '';

function loadPending(agentId: string): void {
  pendingAgent = agentId;
  try {
    pending = new Map(Object.entries(JSON.parse(localStorage.getItem(pendingKey(agentId)) ?? '{}') as Record<string, string>));
  } catch {
    pending = new Map();
  }
  useNotesSync.setState({ pending: pending.size });
}

function savePending(): void {
  try {
    localStorage.setItem(pendingKey(pendingAgent), JSON.stringify(Object.fromEntries(pending)));
  } catch {
    // Storage full or off: the count still holds for this page.
  }
  useNotesSync.setState({ pending: pending.size });
}

/** Called for every local write: the revision waits for the push side. */
export function markPending(id: string, rev: string): void {
  pending.set(id, rev);
  savePending();
}

/** The local notes database of the signed-in agent (IndexedDB). */
export function notesDb(): Db | null {
  return current?.db ?? null;
}

/** Test and bench hook: the browser database name for an agent. */
export const localDbName = (agentId: string) => `cs360-notes-${agentId}`;

async function endpoint(): Promise<NotesEndpoint | null> {
  try {
    const e = await restJson<NotesEndpoint>('/api/notes/sync');
    localStorage.setItem(ENDPOINT_KEY, JSON.stringify(e));
    return e;
  } catch {
    // Offline or backend down: the last endpoint we were given still names the same database.
    reachable(false);
    try {
      const cached = localStorage.getItem(ENDPOINT_KEY);
      return cached ? (JSON.parse(cached) as NotesEndpoint) : null;
    } catch {
      return null;
    }
  }
}

function reachable(ok: boolean): void {
  const { phase } = useNotesSync.getState();
  if (!ok && phase !== 'offline') useNotesSync.setState({ phase: 'offline' });
  else if (ok && (phase === 'offline' || phase === 'starting')) useNotesSync.setState({ phase: 'syncing' });
}

function remoteFor(e: NotesEndpoint): Db {
  const base = /^https?:\/\//.test(e.url) ? e.url : `${apiBaseUrl()}${e.url}`;
  return new PouchDB(`${base.replace(/\/+$/, '')}/${encodeURIComponent(e.database)}`, {
    skip_setup: true,
    fetch: (url: string | Request, opts?: RequestInit) => {
      const headers = new Headers(opts?.headers);
      // Read per request: a renewed session token is used at once.
      const extra = e.auth === 'headers' ? e.headers : { ...authHeaders(), ...e.headers };
      for (const [k, v] of Object.entries(extra)) headers.set(k, v);
      return fetch(url, { ...opts, headers }).then(
        (res) => {
          reachable(true);
          return res;
        },
        (err: unknown) => {
          // The replicator retries by itself; the indicator says offline until a request gets through.
          reachable(false);
          throw err;
        },
      );
    },
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

let conflictTimer: ReturnType<typeof setTimeout> | undefined;
/** refreshConflicts at most every 400 ms while a sync pours batches in. */
function refreshConflictsSoon(db: Db): void {
  if (conflictTimer) return;
  conflictTimer = setTimeout(() => {
    conflictTimer = undefined;
    void refreshConflicts(db);
  }, 400);
}

/** Counts documents with unresolved conflicts (the indicator's "conflict"). */
export async function refreshConflicts(db: Db): Promise<void> {
  const all = await db.allDocs({ conflicts: true, include_docs: true });
  let n = 0;
  for (const row of all.rows) if ((row.doc as { _conflicts?: string[] } | undefined)?._conflicts?.length) n++;
  useNotesSync.setState({ conflicts: n });
}

/**
 * Opens the agent's local database and starts live replication (idempotent). Retries with a short
 * back-off (at most 2 s) and restarts at once when the browser says it is online again.
 */
export function startNotesSync(agentId: string): Db {
  if (current?.agentId === agentId) return current.db;
  current?.stop();
  const db = new PouchDB(localDbName(agentId));
  loadPending(agentId);
  let stopped = false;
  let sync: PouchDB.Replication.Sync<object> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let remote: Db | null = null;

  const confirmPushed = async () => {
    if (!remote || pending.size === 0) return;
    // The server's own answer: which pending revisions it does not have yet.
    const ask: Record<string, string[]> = {};
    for (const [id, rev] of pending) ask[id] = [rev];
    try {
      const missing = (await remote.revsDiff(ask)) as Record<string, { missing?: string[] }>;
      for (const [id, rev] of [...pending]) if (!missing[id]?.missing?.includes(rev)) pending.delete(id);
      savePending();
    } catch {
      // Unreachable again: the next pause asks again.
    }
  };

  const settle = (err?: unknown) => {
    if (err || !navigator.onLine) useNotesSync.setState({ phase: 'offline', lastError: err ? String((err as Error).message ?? err) : null });
    else {
      useNotesSync.setState({ phase: pending.size > 0 ? 'syncing' : 'synced', lastError: null });
      void confirmPushed().then(() => useNotesSync.setState({ phase: pending.size > 0 ? 'syncing' : 'synced' }));
    }
  };

  const begin = async () => {
    if (stopped) return;
    const e = await endpoint();
    if (stopped) return;
    if (!e) {
      useNotesSync.setState({ phase: 'offline' });
      retryTimer = setTimeout(() => void begin(), 2000);
      return;
    }
    remote = remoteFor(e);
    sync = db.sync(remote, { live: true, retry: true, back_off_function: (delay: number) => (delay === 0 ? 250 : Math.min(delay * 2, 2000)), batch_size: 1000, batches_limit: 2 } as PouchDB.Replication.SyncOptions);
    sync
      .on('change', (info) => {
        if (info.direction === 'push') {
          for (const d of info.change.docs as { _id: string; _rev: string }[]) if (pending.get(d._id) === d._rev) pending.delete(d._id);
          savePending();
        }
        refreshConflictsSoon(db);
      })
      .on('paused', (err) => settle(err))
      .on('active', () => useNotesSync.setState({ phase: 'syncing' }))
      .on('denied', (err) => {
        const e = err as { id?: string; reason?: string; message?: string };
        const id = e.id ?? '';
        // Refused for good (validation): no longer pending, shown with the server's reason.
        pending.delete(id);
        savePending();
        useNotesSync.setState((s) => ({ refused: [...s.refused.filter((r) => r.id !== id), { id, reason: e.reason ?? e.message ?? 'refused' }] }));
      })
      .on('error', (err) => useNotesSync.setState({ phase: 'error', lastError: String((err as Error).message ?? err) }));
  };

  const restart = () => {
    sync?.cancel();
    sync = null;
    clearTimeout(retryTimer);
    void begin();
  };
  const offline = () => useNotesSync.setState({ phase: 'offline' });
  window.addEventListener('online', restart);
  window.addEventListener('offline', offline);
  void refreshConflicts(db);
  void begin();
  // `npm run bench -- notes-sync` writes 1,000 notes at once through the same local path as the panel.
  if (sessionStorage.getItem('cs360.notes.bench') === '1') {
    (window as unknown as { cs360NotesBench?: unknown }).cs360NotesBench = {
      async write(docs: object[]) {
        const res = await db.bulkDocs(docs);
        for (const r of res) if ('rev' in r && r.rev) pending.set(r.id as string, r.rev);
        savePending();
      },
    };
  }

  current = {
    agentId,
    db,
    stop: () => {
      stopped = true;
      clearTimeout(retryTimer);
      window.removeEventListener('online', restart);
      window.removeEventListener('offline', offline);
      sync?.cancel();
      void db.close();
    },
  };
  return db;
}

export function stopNotesSync(): void {
  current?.stop();
  current = null;
}
