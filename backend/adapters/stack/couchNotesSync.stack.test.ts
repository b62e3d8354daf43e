import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CouchNotesSync, DEFAULT_COUCHDB_URL } from './couchNotesSync';

// Notes sync on the CouchDB protocol (runner service `couchdb`: pouchdb-server): two PouchDB
// instances with the memory adapter, as the renderer would hold them, replicate both ways through
// the server — also a note written while the server was stopped (the runner stops and restarts it).
const COUCH_URL = process.env.CS360_COUCHDB_URL ?? DEFAULT_COUCHDB_URL;
const REPO = join(__dirname, '../../..');

/** The few PouchDB calls used here (the package ships no types). */
interface Doc {
  _id: string;
  _rev?: string;
  body?: string;
}
interface Replication {
  cancel(): void;
  on(event: 'error', fn: (e: unknown) => void): Replication;
}
interface LocalDb {
  put(doc: Doc): Promise<{ ok: boolean; rev: string }>;
  get(id: string): Promise<Doc>;
  sync(remote: string | LocalDb, opts: Record<string, unknown>): Replication;
  destroy(): Promise<unknown>;
}
type PouchCtor = new (name: string, opts?: Record<string, unknown>) => LocalDb;

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb') as PouchCtor & { plugin(p: unknown): void };
// PouchDB's own in-memory adapter ships as a browser script (the renderer's) that registers on the
// global PouchDB and reads `self`; attachments (FileReader) are not used here.
(globalThis as { PouchDB?: unknown }).PouchDB = PouchDB;
(globalThis as { self?: unknown }).self ??= globalThis;
require('pouchdb/dist/pouchdb.memory.js');

const runner = (cmd: 'up' | 'down') => {
  const r = spawnSync(process.execPath, [join(REPO, 'node_modules/tsx/dist/cli.mjs'), join(REPO, 'stack/runner/cli.ts'), cmd, 'couchdb'], { cwd: REPO, encoding: 'utf8', timeout: 90_000 });
  if (r.status !== 0) throw new Error(`stack ${cmd} couchdb failed (exit ${r.status}): ${r.stdout}\n${r.stderr}`);
};

async function eventually<T>(what: string, fn: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      return await fn();
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${what} within ${timeoutMs / 1000} s: ${(last as Error)?.message ?? last}`);
}

const serverDoc = async (db: string, id: string): Promise<Doc> => {
  const r = await fetch(`${COUCH_URL}/${db}/${encodeURIComponent(id)}`, { signal: AbortSignal.timeout(3000) });
  if (r.status !== 200) throw new Error(`GET ${db}/${id}: ${r.status}`);
  return (await r.json()) as Doc;
};

describe('NotesSync on the CouchDB protocol (pouchdb-server)', () => {
  const sync = new CouchNotesSync({ url: COUCH_URL });
  const cleanups: (() => Promise<unknown> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('gives each agent their own database, created on demand', async () => {
    const agent = randomUUID().toUpperCase();
    const ep = await sync.endpointFor(agent).catch((e: Error) => {
      throw new Error(`CouchDB at ${COUCH_URL} failed — is the stack up (npm run stack:up)? ${e.message}`);
    });
    expect(ep).toEqual({ url: COUCH_URL, database: 'support_notes', privateDatabase: `support_notes_${agent.toLowerCase()}`, headers: {}, auth: 'headers' });
    const info = await fetch(`${ep.url}/${ep.privateDatabase}`);
    expect(info.status).toBe(200);
    expect(((await info.json()) as { db_name: string }).db_name).toBe(ep.privateDatabase);
    // Asking again is fine (the database already exists).
    await expect(new CouchNotesSync({ url: COUCH_URL }).endpointFor(agent)).resolves.toMatchObject({ privateDatabase: ep.privateDatabase });
    await expect(sync.endpointFor('../_config')).rejects.toThrow(/invalid agent id/);
  });

  it('two PouchDB replicas sync both ways through the server, also across a server outage', async () => {
    const ep = { ...(await sync.endpointFor(randomUUID())) };
    // The agent's own database (drafts): free-form documents; the shared one is validated (below).
    ep.database = ep.privateDatabase!;
    const remote = `${ep.url}/${ep.database}`;
    const a = new PouchDB(`notes-a-${randomUUID()}`, { adapter: 'memory' });
    const b = new PouchDB(`notes-b-${randomUUID()}`, { adapter: 'memory' });
    expect([(a as unknown as { adapter: string }).adapter, (b as unknown as { adapter: string }).adapter]).toEqual(['memory', 'memory']);
    const opts = { live: true, retry: true, back_off_function: () => 300 };
    // skip_setup: the backend created the database; a setup request during the outage would reject unhandled.
    const ra = a.sync(new PouchDB(remote, { skip_setup: true }), opts).on('error', () => undefined);
    const rb = b.sync(new PouchDB(remote, { skip_setup: true }), opts).on('error', () => undefined);
    cleanups.push(() => ra.cancel(), () => rb.cancel(), () => a.destroy(), () => b.destroy());

    await a.put({ _id: 'note-from-a', body: 'written on replica A' });
    expect((await eventually('A → B', () => b.get('note-from-a'))).body).toBe('written on replica A');
    await b.put({ _id: 'note-from-b', body: 'written on replica B' });
    expect((await eventually('B → A', () => a.get('note-from-b'))).body).toBe('written on replica B');

    // Outage: the runner stops the server; A keeps writing locally.
    runner('down');
    let restarted = false;
    try {
      await expect(fetch(`${COUCH_URL}/`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
      await a.put({ _id: 'note-offline', body: 'written while the server was stopped' });
      runner('up');
      restarted = true;
    } finally {
      if (!restarted) runner('up');
    }
    expect((await eventually('the offline note on the server', () => serverDoc(ep.database, 'note-offline'))).body).toBe('written while the server was stopped');
    expect((await eventually('the offline note on B', () => b.get('note-offline'))).body).toBe('written while the server was stopped');
    // The server kept what it had before the outage (LevelDB files in the runner's state dir).
    expect((await serverDoc(ep.database, 'note-from-b')).body).toBe('written on replica B');
  });
});
