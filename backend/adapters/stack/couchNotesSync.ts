import { SignJWT } from 'jose';
import type { NotesEndpoint, NotesSync } from '../../ports/notesSync';
import { STACK_DEFAULTS } from '../../../common/stackPorts';

/** The runner's CouchDB-protocol server (pouchdb-server, `npm run stack:up -- couchdb`). */
export const DEFAULT_COUCHDB_URL = STACK_DEFAULTS.couchdbUrl;

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
  /**
   * Per-agent short-lived credentials: an HS256 JWT (`sub` = agent id) that CouchDB 3 accepts with
   * `[jwt_auth]` and `[jwt_keys] hmac:_default` (stack/couchdb/local.ini). Off: the runner's
   * pouchdb-server has no JWT support and is open on 127.0.0.1 only.
   */
  jwt?: { secret: string; ttlSeconds: number };
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

  /** The shared notes database every agent reads (`<prefix without its trailing _>`, e.g. `support_notes`). */
  get sharedDatabase(): string {
    return this.prefix.replace(/[_-]+$/, '') || 'notes';
  }

  async endpointFor(agentId: string): Promise<NotesEndpoint> {
    const privateDatabase = this.databaseFor(agentId);
    await this.ensureDatabase(this.sharedDatabase, true);
    // Drafts: the agent's own scratch space (CouchDB: a per-database _security member); what is
    // shared is what the validation guards.
    await this.ensureDatabase(privateDatabase);
    const headers = { ...((await this.options.headersFor?.(agentId)) ?? {}) };
    let expiresAt: string | undefined;
    if (this.options.jwt) {
      const exp = Math.floor(Date.now() / 1000) + this.options.jwt.ttlSeconds;
      headers.authorization = `Bearer ${await new SignJWT({ '_couchdb.roles': ['cs360_agent'] }).setProtectedHeader({ alg: 'HS256' }).setSubject(agentId).setIssuedAt().setExpirationTime(exp).sign(new TextEncoder().encode(this.options.jwt.secret))}`;
      expiresAt = new Date(exp * 1000).toISOString();
    }
    return { url: this.url, database: this.sharedDatabase, privateDatabase, headers, auth: 'headers', ...(expiresAt ? { expiresAt } : {}) };
  }

  private adminHeaders(): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.adminAuth) headers.authorization = `Basic ${Buffer.from(`${this.options.adminAuth.username}:${this.options.adminAuth.password}`).toString('base64')}`;
    return headers;
  }

  /** Creates the database once (and its validation design document when `validated`). */
  private async ensureDatabase(database: string, validated = false): Promise<void> {
    if (this.created.has(database)) return;
    const headers = this.adminHeaders();
    let res: Response;
    try {
      res = await this.fetchFn(`${this.adminUrl}/${encodeURIComponent(database)}`, { method: 'PUT', headers, signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      throw new Error(`CouchDB at ${this.adminUrl} is unreachable: ${(e as Error).message}`, { cause: e });
    }
    // 201 created, 202 accepted (quorum not met yet), 412 file_exists.
    if (res.status !== 201 && res.status !== 202 && res.status !== 412) throw new Error(`creating CouchDB database ${database} failed: ${res.status} ${await res.text()}`);
    await res.body?.cancel();
    if (validated) await this.ensureValidation(database);
    this.created.add(database);
  }

  /** Installs (or updates) `_design/cs360_notes` with NOTES_VALIDATE_DOC_UPDATE. */
  private async ensureValidation(database: string): Promise<void> {
    const url = `${this.adminUrl}/${encodeURIComponent(database)}/_design/cs360_notes`;
    const cur = await this.fetchFn(url, { headers: this.adminHeaders(), signal: AbortSignal.timeout(10_000) });
    const existing = cur.status === 200 ? ((await cur.json()) as { _rev?: string; validate_doc_update?: string }) : (await cur.body?.cancel(), null);
    if (existing?.validate_doc_update === NOTES_VALIDATE_DOC_UPDATE) return;
    const put = await this.fetchFn(url, {
      method: 'PUT',
      headers: { ...this.adminHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify({ ...(existing?._rev ? { _rev: existing._rev } : {}), language: 'javascript', validate_doc_update: NOTES_VALIDATE_DOC_UPDATE }),
      signal: AbortSignal.timeout(10_000),
    });
    if (put.status !== 201 && put.status !== 202 && put.status !== 409) throw new Error(`installing the notes validation in ${database} failed: ${put.status} ${await put.text()}`);
    await put.body?.cancel();
  }
}

/**
 * The rules of backend/notes/noteDoc.ts as CouchDB's validate_doc_update (ES5: CouchDB's
 * SpiderMonkey and pouchdb-server both run it). The author check needs an authenticated user
 * (userCtx.name, e.g. the JWT's sub); an admin (the runner's admin party) is trusted with authors.
 */
export const NOTES_VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx) {
  var admin = (userCtx.roles || []).indexOf('_admin') !== -1;
  var me = userCtx.name;
  function refuse(why) { throw({ forbidden: why }); }
  if (newDoc._id.indexOf('_design/') === 0) { if (!admin) refuse('only admins write design documents'); return; }
  if (JSON.stringify(newDoc).length > 16384) refuse('oversized: more than 16384 bytes');
  if (newDoc._attachments) refuse('attachments are not accepted on notes');
  if (newDoc._deleted === true) {
    if (oldDoc && !admin && oldDoc.author !== me) refuse('forbidden: only ' + oldDoc.author + ' may delete this note');
    return;
  }
  var m = /^note:(C[0-9]{7}):([0-9a-zA-Z-]{8,64})$/.exec(newDoc._id);
  if (!m) refuse('malformed: _id: note:<customerId>:<uuid>');
  if (newDoc.type !== 'note') refuse('malformed: type: must be "note"');
  if (newDoc.customerId !== m[1]) refuse('malformed: _id names customer ' + m[1] + ' but customerId is ' + newDoc.customerId);
  if (newDoc.ticketId !== null && typeof newDoc.ticketId !== 'string') refuse('malformed: ticketId');
  if (typeof newDoc.author !== 'string' || !newDoc.author) refuse('malformed: author');
  if (typeof newDoc.authorName !== 'string') refuse('malformed: authorName');
  if (typeof newDoc.body !== 'string') refuse('malformed: body');
  if (newDoc.body.length > 8000) refuse('malformed: body: body longer than 8000 characters');
  if (typeof newDoc.pinned !== 'boolean' || typeof newDoc.deleted !== 'boolean') refuse('malformed: pinned and deleted are booleans');
  var iso = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$/;
  if (!iso.test(newDoc.createdAt) || !iso.test(newDoc.updatedAt)) refuse('malformed: createdAt and updatedAt are ISO-8601 UTC');
  if (!admin && newDoc.author !== me) refuse('forbidden: author ' + JSON.stringify(newDoc.author) + ' is not the signed-in agent ' + JSON.stringify(me));
  if (oldDoc && !oldDoc._deleted && oldDoc.author !== newDoc.author) refuse('forbidden: the note belongs to ' + oldDoc.author);
}`;
