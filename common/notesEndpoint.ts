// The notes endpoint the backend hands out (GET /api/notes/sync) and the renderer replicates with.
/** Where the renderer's PouchDB replicates, and how it authenticates there. */
export interface NotesEndpoint {
  /**
   * The CouchDB-protocol server: absolute (stack: CouchDB), or a path on the backend itself (embedded:
   * `/couch`), which the renderer resolves against its API base URL.
   */
  url: string;
  /** The shared notes database, readable by every agent (docs `note:<customerId>:<uuid>`). */
  database: string;
  /** The agent's own database for private drafts. */
  privateDatabase?: string;
  /** Headers the renderer sends with every request (stack: a short-lived per-agent credential). */
  headers: Record<string, string>;
  /** `session`: send the console's own session token (Bearer), as every API call does. */
  auth?: 'session' | 'headers';
  /** When `headers` stop working (ISO); the renderer asks again before then. */
  expiresAt?: string;
}
