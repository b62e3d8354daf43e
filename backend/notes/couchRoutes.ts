import type {} from './pouchdb';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import type { SessionTokens } from '../auth/sessionTokens';
import { LAUNCH_TOKEN_HEADER, checkLaunchToken, principalFromHeader } from '../api/requestAuth';
import type { NotesStore } from './notesStore';

/**
 * The CouchDB replication protocol, the part PouchDB's replicator speaks, over the embedded notes
 * databases (PouchDB 9 on LevelDB under `<dataDir>/notes/`). PouchDB does the storage, revision trees,
 * conflicts and `_changes`; this file only maps HTTP to its API and adds what CouchDB would add:
 * authentication (the console's session token), per-database access, and validation of every written
 * document with a reason (docs/decisions.md explains why not express-pouchdb).
 *
 * Routes, under `/couch`: `GET /`, `GET|PUT /:db`, `GET|POST /:db/_changes` (normal and longpoll),
 * `POST /:db/_revs_diff`, `POST /:db/_bulk_docs`, `POST /:db/_bulk_get`, `GET|POST /:db/_all_docs`,
 * `GET|PUT|DELETE /:db/_local/:id`, `GET|PUT /:db/:id`, `POST /:db`.
 */

export const COUCH_PREFIX = '/couch';
/** A longpoll `_changes` is answered empty after this long without a change (CouchDB's default is 60 s). */
const MAX_LONGPOLL_MS = 25_000;

class CouchError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface CouchRoutesOptions {
  store: NotesStore;
  tokens: SessionTokens;
  launchToken?: string;
  /** Bodies of `_bulk_docs` and friends: 1,000 notes offline go in batches of 100 (PouchDB's default). */
  bodyLimit?: number;
}

type Db = PouchDB.Database;

declare module 'fastify' {
  interface FastifyRequest {
    couchPrincipal?: Principal;
  }
}

export async function registerCouchRoutes(app: FastifyInstance, opts: CouchRoutesOptions): Promise<void> {
  await app.register(
    async (couch) => {
      const bodyLimit = opts.bodyLimit ?? 16 * 1024 * 1024;
      couch.addHook('onRequest', async (req) => {
        try {
          checkLaunchToken(opts.launchToken, req.headers[LAUNCH_TOKEN_HEADER]);
          const principal = await principalFromHeader(opts.tokens, req.headers.authorization);
          if (!principal) throw new CouchError(401, 'unauthorized', 'Sign in first: send Authorization: Bearer <session token>');
          req.couchPrincipal = principal;
        } catch (err) {
          if (err instanceof CouchError) throw err;
          throw new CouchError(401, 'unauthorized', (err as Error).message);
        }
      });
      couch.setErrorHandler((err, req, reply) => {
        if (err instanceof CouchError) return reply.code(err.status).send({ error: err.error, reason: err.reason });
        const e = err as { statusCode?: number; status?: number; name?: string; message?: string; reason?: string };
        const status = e.statusCode ?? e.status ?? 500;
        if (status >= 500) req.log.error({ err, url: req.url }, 'notes endpoint failed');
        return reply.code(status).send({ error: status >= 500 ? 'internal_server_error' : (e.name ?? 'bad_request'), reason: status >= 500 ? 'the notes database failed; it has been logged' : (e.reason ?? e.message ?? 'bad request') });
      });
      couch.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not_found', reason: `no route ${req.method} ${req.url.split('?')[0]}` }));

      const who = (req: FastifyRequest): Principal => req.couchPrincipal as Principal;
      const dbOf = (req: FastifyRequest): Db => {
        const name = (req.params as { db: string }).db;
        const db = opts.store.open(name, who(req));
        if (db === 'forbidden') throw new CouchError(403, 'forbidden', `you may not read or write database ${name}`);
        if (!db) throw new CouchError(404, 'not_found', `Database ${name} does not exist.`);
        return db;
      };

      couch.get('/', async () => ({ couchdb: 'Welcome', version: '3.3.3', vendor: { name: 'CS360 embedded notes (PouchDB)' }, uuid: opts.store.serverUuid }));

      const info = async (req: FastifyRequest) => {
        const db = dbOf(req);
        const i = await db.info();
        return { db_name: (req.params as { db: string }).db, doc_count: i.doc_count, update_seq: i.update_seq, instance_start_time: '0', purge_seq: 0 };
      };
      couch.get('/:db', info);
      couch.get('/:db/', info);
      const create = async (req: FastifyRequest, reply: FastifyReply) => {
        dbOf(req);
        // Every database a principal may use exists already (opened on demand): CouchDB's answer for that.
        return reply.code(412).send({ error: 'file_exists', reason: 'The database could not be created, the file already exists.' });
      };
      couch.put('/:db', create);
      couch.put('/:db/', create);

      const changes = async (req: FastifyRequest, reply: FastifyReply) => {
        const db = dbOf(req);
        const q = req.query as Record<string, string | undefined>;
        const body = (req.body ?? {}) as { doc_ids?: string[] };
        let docIds: string[] | undefined = body.doc_ids;
        if (!docIds && q.doc_ids) docIds = JSON.parse(q.doc_ids) as string[];
        const since = q.since === undefined || q.since === 'now' ? (q.since ?? 0) : /^\d+$/.test(q.since) ? Number(q.since) : q.since;
        const limit = q.limit ? Number(q.limit) : undefined;
        const query = {
          since: since as number,
          ...(limit ? { limit } : {}),
          include_docs: q.include_docs === 'true',
          conflicts: q.conflicts === 'true',
          style: q.style === 'all_docs' ? ('all_docs' as const) : undefined,
          descending: q.descending === 'true',
          ...(docIds ? { doc_ids: docIds } : {}),
        } as PouchDB.Core.ChangesOptions;
        let res = await db.changes(query);
        if (res.results.length === 0 && (q.feed === 'longpoll' || q.feed === 'continuous')) {
          const wait = Math.min(q.timeout ? Number(q.timeout) : MAX_LONGPOLL_MS, MAX_LONGPOLL_MS);
          const changed = await waitForChange(db, res.last_seq, wait, reply);
          if (changed) res = await db.changes(query);
        }
        return { results: res.results, last_seq: res.last_seq, pending: 0 };
      };
      couch.get('/:db/_changes', changes);
      couch.post('/:db/_changes', { bodyLimit }, changes);

      couch.post('/:db/_revs_diff', { bodyLimit }, async (req) => dbOf(req).revsDiff(req.body as PouchDB.Core.RevisionDiffOptions));

      couch.post('/:db/_bulk_get', { bodyLimit }, async (req) => {
        const db = dbOf(req);
        const q = req.query as Record<string, string | undefined>;
        const body = req.body as { docs: { id: string; rev?: string; atts_since?: string[] }[] };
        if (!body || !Array.isArray(body.docs)) throw new CouchError(400, 'bad_request', '_bulk_get needs {"docs": [...]}');
        return db.bulkGet({ docs: body.docs, revs: q.revs === 'true', latest: q.latest === 'true', attachments: false } as PouchDB.Core.BulkGetOptions);
      });

      couch.post('/:db/_bulk_docs', { bodyLimit }, async (req) => {
        const db = dbOf(req);
        const body = req.body as { docs?: unknown[]; new_edits?: boolean };
        if (!body || !Array.isArray(body.docs)) throw new CouchError(400, 'bad_request', '_bulk_docs needs {"docs": [...]}');
        return bulkDocs(db, body.docs, body.new_edits !== false, who(req), opts.store, req);
      });

      const allDocs = async (req: FastifyRequest) => {
        const db = dbOf(req);
        const q = req.query as Record<string, string | undefined>;
        const body = (req.body ?? {}) as { keys?: string[] };
        const json = (v: string | undefined) => (v === undefined ? undefined : (JSON.parse(v) as string));
        return db.allDocs({
          include_docs: q.include_docs === 'true',
          conflicts: q.conflicts === 'true',
          ...(body.keys ? { keys: body.keys } : {}),
          ...(q.limit ? { limit: Number(q.limit) } : {}),
          ...(q.skip ? { skip: Number(q.skip) } : {}),
          ...(q.startkey ? { startkey: json(q.startkey) } : {}),
          ...(q.endkey ? { endkey: json(q.endkey) } : {}),
        } as PouchDB.Core.AllDocsOptions);
      };
      couch.get('/:db/_all_docs', allDocs);
      couch.post('/:db/_all_docs', { bodyLimit }, allDocs);

      // Replication checkpoints: not replicated, not validated (they are the replicator's, not notes).
      couch.get('/:db/_local/:id', async (req) => dbOf(req).get(`_local/${(req.params as { id: string }).id}`));
      couch.put('/:db/_local/:id', async (req, reply) => {
        const doc = { ...(req.body as object), _id: `_local/${(req.params as { id: string }).id}` };
        return reply.code(201).send(await dbOf(req).put(doc));
      });
      couch.delete('/:db/_local/:id', async (req) => {
        const q = req.query as { rev?: string };
        const db = dbOf(req);
        const id = `_local/${(req.params as { id: string }).id}`;
        return db.remove({ _id: id, _rev: q.rev ?? (await db.get(id))._rev });
      });

      couch.get('/:db/:id', async (req) => {
        const db = dbOf(req);
        const q = req.query as Record<string, string | undefined>;
        const id = (req.params as { id: string }).id;
        const getOpts: Record<string, unknown> = { revs: q.revs === 'true', conflicts: q.conflicts === 'true', latest: q.latest === 'true' };
        if (q.rev) getOpts.rev = q.rev;
        if (q.open_revs) getOpts.open_revs = q.open_revs === 'all' ? 'all' : JSON.parse(q.open_revs);
        return db.get(id, getOpts as PouchDB.Core.GetOptions);
      });
      const writeOne = async (req: FastifyRequest, reply: FastifyReply, id: string) => {
        const db = dbOf(req);
        const doc = { ...(req.body as Record<string, unknown>), _id: id };
        const [res] = await bulkDocs(db, [doc], true, who(req), opts.store, req);
        if (res && 'error' in res) return reply.code(res.status).send({ error: res.error, reason: res.reason });
        return reply.code(201).send(res);
      };
      couch.put('/:db/:id', { bodyLimit }, async (req, reply) => writeOne(req, reply, (req.params as { id: string }).id));
      couch.post('/:db', { bodyLimit }, async (req, reply) => writeOne(req, reply, ((req.body as { _id?: string })._id ?? randomUUID())));
    },
    { prefix: COUCH_PREFIX },
  );
}

type BulkResult = { ok: true; id: string; rev: string } | { id: string; rev?: string; error: string; name: string; reason: string; status: number };

/**
 * `_bulk_docs` with CouchDB's validate_doc_update semantics: each document is checked on its own, a
 * refused one gets `{error: "forbidden", reason}` in its slot (PouchDB's replicator counts it as a write
 * failure, emits `denied` and goes on), the others are written.
 */
async function bulkDocs(db: Db, docs: unknown[], newEdits: boolean, principal: Principal, store: NotesStore, req: FastifyRequest): Promise<BulkResult[]> {
  const verdicts = await store.validateMany(db, docs, principal);
  const accepted: PouchDB.Core.PutDocument<object>[] = [];
  const slots: (BulkResult | null)[] = verdicts.map((v, i) => {
    const d = docs[i] as { _id?: unknown; _rev?: unknown } | null;
    if (v.ok) {
      accepted.push(docs[i] as PouchDB.Core.PutDocument<object>);
      return null;
    }
    req.log.warn({ agent_id: principal.id, id: d?._id, reason: v.reason }, 'notes: document refused');
    return { id: typeof d?._id === 'string' ? d._id : '', ...(typeof d?._rev === 'string' ? { rev: d._rev } : {}), error: 'forbidden', name: 'forbidden', reason: v.reason, status: 403 };
  });
  const written = (accepted.length > 0 ? await db.bulkDocs(accepted, { new_edits: newEdits }) : []) as (PouchDB.Core.Response | PouchDB.Core.Error)[];
  const asError = (e: PouchDB.Core.Error): BulkResult => ({ id: e.id ?? '', error: e.name ?? 'error', name: e.name ?? 'error', reason: e.message ?? e.reason ?? 'write failed', status: e.status ?? 500 });
  // Replicated writes (new_edits=false): CouchDB answers only the failures, and so does PouchDB.
  if (!newEdits) return [...slots.filter((s): s is BulkResult => s !== null), ...written.filter((r) => 'error' in r && r.error).map((r) => asError(r as PouchDB.Core.Error))];
  let k = 0;
  return slots.map((s) => {
    if (s) return s;
    const r = written[k++];
    if (!r) return { id: '', error: 'unknown_error', name: 'unknown_error', reason: 'no result for this document', status: 500 };
    if ('error' in r && r.error) return asError(r as PouchDB.Core.Error);
    const ok = r as PouchDB.Core.Response;
    return { ok: true, id: ok.id, rev: ok.rev };
  });
}

/** Resolves true at the first change after `since`, false after `ms` or when the client went away. */
function waitForChange(db: Db, since: number | string, ms: number, reply: FastifyReply): Promise<boolean> {
  return new Promise((resolve) => {
    const feed = db.changes({ since, live: true });
    let settled = false;
    const done = (changed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reply.raw.off('close', gone);
      feed.cancel();
      resolve(changed);
    };
    const gone = () => done(false);
    const timer = setTimeout(() => done(false), ms);
    feed.on('change', () => done(true));
    feed.on('error', () => done(false));
    reply.raw.once('close', gone);
  });
}
