import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PouchDB from './pouchdb';
import type { Principal } from '../auth/principal';
import type { NotesSync, NotesEndpoint } from '../ports/notesSync';
import { validateNoteWrite, type Verdict } from './noteDoc';

/** The database every agent reads: shared notes per customer. */
export const SHARED_NOTES_DB = 'notes';
const DRAFTS_PREFIX = 'drafts_';

/** The agent's private drafts database: `drafts_<agent id>`, lower case, CouchDB-safe. */
export function draftsDbFor(agentId: string): string {
  const safe = agentId.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
  return `${DRAFTS_PREFIX}${safe}`;
}

type Db = PouchDB.Database;

/**
 * The embedded notes databases: PouchDB 9 on LevelDB files under `<dataDir>/notes/` (`notes/` for the
 * shared database, `drafts_<agent>/` for each agent's drafts), opened on first use and kept open.
 */
export class NotesStore {
  readonly serverUuid: string;
  private readonly dbs = new Map<string, Db>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    // Stable across restarts: PouchDB's replication id includes it, so checkpoints stay valid.
    const uuidFile = join(dir, 'server.uuid');
    if (existsSync(uuidFile)) this.serverUuid = readFileSync(uuidFile, 'utf8').trim();
    else {
      this.serverUuid = randomUUID().replaceAll('-', '');
      writeFileSync(uuidFile, this.serverUuid);
    }
  }

  /** The shared database (the `_changes` follower reads it). */
  shared(): Db {
    return this.db(SHARED_NOTES_DB);
  }

  /** The database named `name` if `who` may use it: the shared one for everybody, drafts for their owner. */
  open(name: string, who: Principal): Db | null | 'forbidden' {
    if (name === SHARED_NOTES_DB) return this.db(name);
    if (name.startsWith(DRAFTS_PREFIX)) return name === draftsDbFor(who.id) ? this.db(name) : 'forbidden';
    return null;
  }

  /** Validates a batch with one read of the stored authors (a 1,000-note reconnect is one `_bulk_docs`). */
  async validateMany(db: Db, docs: unknown[], who: Principal): Promise<Verdict[]> {
    const ids = [...new Set(docs.map((d) => (d as { _id?: unknown } | null)?._id).filter((id): id is string => typeof id === 'string'))];
    const authors = new Map<string, string | undefined>();
    if (ids.length > 0) {
      const res = await db.allDocs({ keys: ids, include_docs: true });
      for (const row of res.rows) if ('doc' in row && row.doc) authors.set(row.id, (row.doc as { author?: string }).author);
    }
    return docs.map((d) => validateNoteWrite(d, who.id, authors.get((d as { _id?: string } | null)?._id ?? '')));
  }

  /** Server-side validation of one written revision (see noteDoc.ts), with the stored author for edits. */
  async validate(db: Db, doc: unknown, who: Principal): Promise<Verdict> {
    const id = (doc as { _id?: unknown } | null)?._id;
    let existingAuthor: string | undefined;
    if (typeof id === 'string') {
      try {
        existingAuthor = ((await db.get(id)) as { author?: string }).author;
      } catch (err) {
        if ((err as { status?: number }).status !== 404) throw err;
      }
    }
    return validateNoteWrite(doc, who.id, existingAuthor);
  }

  private db(name: string): Db {
    let db = this.dbs.get(name);
    if (!db) {
      db = new PouchDB(join(this.dir, name), { auto_compaction: true });
      this.dbs.set(name, db);
    }
    return db;
  }

  async close(): Promise<void> {
    const all = [...this.dbs.values()];
    this.dbs.clear();
    await Promise.all(all.map((db) => db.close().catch(() => undefined)));
  }
}

/** NotesSync for the embedded backend: the endpoint is this backend itself, under /couch. */
export class EmbeddedNotesSync implements NotesSync {
  constructor(private readonly path = '/couch') {}

  async endpointFor(agentId: string): Promise<NotesEndpoint> {
    // A path on the backend the renderer already talks to: it resolves it against its API base URL and
    // sends its own session token (Bearer) with each request, so there is nothing else to hand out.
    return { url: this.path, database: SHARED_NOTES_DB, privateDatabase: draftsDbFor(agentId), headers: {}, auth: 'session' };
  }
}
