import type { NotesSync } from '../../ports/notesSync';

/** The runner's CouchDB-protocol server (pouchdb-server, `npm run stack:up -- couchdb`). */
export const DEFAULT_COUCHDB_URL = 'http://127.0.0.1:55984';

export interface CouchNotesSyncOptions {
  /** Base URL of the CouchDB server as the renderer reaches it (no trailing database). */
  url?: string;
  /** Where the backend reaches the server to create databases, when that differs from `url` (compose: http://couchdb:5984). */
  adminUrl?: string;
  /**
   * How the backend authenticates to create databases (CouchDB: an admin; pouchdb-server in the runner
   * needs none). Never handed to the renderer.
   */
  adminAuth?: { username: string; password: string };
  /**
   * Headers the renderer's PouchDB sends, per agent (e.g. a CouchDB JWT `Authorization: Bearer …`
   * issued for that agent). Default: none (the runner's server is open on 127.0.0.1).
   */
  headersFor?(agentId: string): Record<string, string> | Promise<Record<string, string>>;
  /** Database name prefix; the database is `<prefix><agent id, lower case>`. Default `support_notes_`. */
  prefix?: string;
  fetch?: typeof fetch;
}

/** CouchDB database names: a lower-case letter first, then lower-case letters, digits and _$()+-/. */
const AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/**
 * NotesSync on CouchDB: each agent's notes live in their own database `support_notes_<agent>`,
 * created on first use (PUT /db; 412 "already exists" is fine), where the renderer's PouchDB replicates.
 */
export class CouchNotesSync implements NotesSync {
  private readonly url: string;
  private readonly adminUrl: string;
  private readonly prefix: string;
  private readonly fetchFn: typeof fetch;
  private readonly created = new Set<string>();

  constructor(private readonly options: CouchNotesSyncOptions = {}) {
    this.url = (options.url ?? DEFAULT_COUCHDB_URL).replace(/\/+$/, '');
    this.adminUrl = options.adminUrl?.replace(/\/+$/, '') ?? this.url;
    this.prefix = options.prefix ?? 'support_notes_';
    if (!/^[a-z][a-z0-9_$()+/-]*$/.test(this.prefix)) throw new Error(`invalid CouchDB database prefix: ${this.prefix}`);
    this.fetchFn = options.fetch ?? fetch;
  }

  /** The agent's database name (deterministic, valid for CouchDB). */
  databaseFor(agentId: string): string {
    if (!AGENT_ID.test(agentId)) throw new Error(`invalid agent id for a notes database: ${JSON.stringify(agentId)}`);
    return `${this.prefix}${agentId.toLowerCase()}`;
  }

  async endpointFor(agentId: string): Promise<{ url: string; database: string; headers: Record<string, string> }> {
    const database = this.databaseFor(agentId);
    await this.ensureDatabase(database);
    const headers = { ...((await this.options.headersFor?.(agentId)) ?? {}) };
    return { url: this.url, database, headers };
  }

  private async ensureDatabase(database: string): Promise<void> {
    if (this.created.has(database)) return;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.adminAuth) headers.authorization = `Basic ${Buffer.from(`${this.options.adminAuth.username}:${this.options.adminAuth.password}`).toString('base64')}`;
    let res: Response;
    try {
      res = await this.fetchFn(`${this.adminUrl}/${encodeURIComponent(database)}`, { method: 'PUT', headers, signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      throw new Error(`CouchDB at ${this.adminUrl} is unreachable: ${(e as Error).message}`, { cause: e });
    }
    // 201 created, 202 accepted (quorum not met yet), 412 file_exists.
    if (res.status !== 201 && res.status !== 202 && res.status !== 412) throw new Error(`creating CouchDB database ${database} failed: ${res.status} ${await res.text()}`);
    this.created.add(database);
  }
}
