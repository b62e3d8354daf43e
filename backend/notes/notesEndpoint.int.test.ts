import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from './pouchdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/testApp';
import { MAX_BODY_CHARS } from './noteDoc';

let t: TestApp;
let tmp: string;
let agents: { id: string; name: string; role: string }[];
const tokens = new Map<string, string>();

async function tokenFor(agentId: string): Promise<string> {
  const known = tokens.get(agentId);
  if (known) return known;
  const res = await fetch(`${t.baseUrl}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId }) });
  const token = ((await res.json()) as { token: string }).token;
  tokens.set(agentId, token);
  return token;
}

/** A PouchDB client of the embedded endpoint, as the renderer makes it (Bearer session token on every request). */
function remote(db: string, token: string | null): PouchDB.Database {
  return new PouchDB(`${t.baseUrl}/couch/${db}`, {
    skip_setup: true,
    fetch: (url: string | Request, opts?: RequestInit) => {
      const headers = new Headers(opts?.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      return PouchDB.fetch(url, { ...opts, headers });
    },
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

let n = 0;
const local = () => new PouchDB(join(tmp, `client-${n++}`));

function note(author: { id: string; name: string }, customerId = 'C0000001', body = 'Customer called about **order** O00000001') {
  const now = new Date().toISOString();
  return { _id: `note:${customerId}:${randomUUID()}`, type: 'note', customerId, ticketId: null, author: author.id, authorName: author.name, body, pinned: false, deleted: false, createdAt: now, updatedAt: now };
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'cs360-notes-it-'));
  t = await startTestApp({ demo: { customers: 30, events: 1500, whaleEvents: 200 } });
  const res = await fetch(`${t.baseUrl}/api/auth/agents`);
  agents = ((await res.json()) as { agents: typeof agents }).agents.filter((a) => a.role === 'AGENT');
});
afterAll(async () => {
  await t?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('embedded notes endpoint (CouchDB protocol over <dataDir>/notes)', () => {
  it('GET /api/notes/sync hands out the endpoint, the shared database and the agent drafts database', async () => {
    const a = agents[0]!;
    const res = await fetch(`${t.baseUrl}/api/notes/sync`, { headers: { authorization: `Bearer ${await tokenFor(a.id)}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { url: string; database: string; privateDatabase: string; auth: string };
    expect(body).toMatchObject({ url: '/couch', database: 'notes', auth: 'session' });
    expect(body.privateDatabase).toBe(`drafts_${a.id.toLowerCase()}`);
  });

  it('refuses a request without a session, and another agent’s drafts database', async () => {
    const res = await fetch(`${t.baseUrl}/couch/notes/_changes`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toBe('unauthorized');
    const a = agents[0]!;
    const b = agents[1]!;
    const other = await fetch(`${t.baseUrl}/couch/drafts_${b.id.toLowerCase()}/_all_docs`, { headers: { authorization: `Bearer ${await tokenFor(a.id)}` } });
    expect(other.status).toBe(403);
  });

  it('replicates both ways with PouchDB in Node: A pushes, B pulls, B sees A’s note; an edit travels too', async () => {
    const [a, b] = [agents[0]!, agents[1]!];
    const dbA = local();
    const dbB = local();
    const doc = note(a);
    const put = await dbA.put(doc);
    const push = await dbA.replicate.to(remote('notes', await tokenFor(a.id)));
    expect(push.docs_written).toBeGreaterThanOrEqual(1);
    expect(push.doc_write_failures).toBe(0);
    await dbB.replicate.from(remote('notes', await tokenFor(b.id)));
    expect(((await dbB.get(doc._id)) as unknown as { body: string }).body).toBe(doc.body);

    await dbA.put({ ...doc, _rev: put.rev, body: 'edited', updatedAt: new Date().toISOString() });
    await dbA.replicate.to(remote('notes', await tokenFor(a.id)));
    await dbB.replicate.from(remote('notes', await tokenFor(b.id)));
    expect(((await dbB.get(doc._id)) as unknown as { body: string }).body).toBe('edited');
  });

  it('refuses a forged author, an oversized note and a malformed doc with a reason, and syncs the rest', async () => {
    const [a, b] = [agents[0]!, agents[1]!];
    const db = local();
    const good = [note(a), note(a), note(a)];
    const forged = note(b); // written by A, claiming to be B
    const oversized = note(a, 'C0000002', 'x'.repeat(MAX_BODY_CHARS + 1));
    const malformed = { _id: `note:C0000003:${randomUUID()}`, type: 'note', body: 42 };
    await db.bulkDocs([...good, forged, oversized, malformed]);
    const denied: { id?: string; reason?: string }[] = [];
    const rep = db.replicate.to(remote('notes', await tokenFor(a.id)));
    rep.on('denied', (e) => denied.push(e as { id?: string; reason?: string }));
    const res = await rep;
    expect(res.docs_written).toBe(3);
    expect(res.doc_write_failures).toBe(3);
    const reasons = new Map(denied.map((d) => [d.id, d.reason ?? '']));
    expect(reasons.get(forged._id)).toMatch(/forbidden: author .* is not the signed-in agent/);
    expect(reasons.get(oversized._id)).toMatch(/longer than 8000|oversized/);
    expect(reasons.get(malformed._id)).toMatch(/malformed/);
    const server = remote('notes', await tokenFor(a.id));
    const all = await server.allDocs({ keys: [...good, forged, oversized, malformed].map((d) => d._id) });
    const present = all.rows.filter((r) => 'value' in r && r.value && !('error' in r)).map((r) => r.key);
    expect(present.sort()).toEqual(good.map((d) => d._id).sort());
  });

  it('refuses an edit of another agent’s note', async () => {
    const [a, b] = [agents[0]!, agents[1]!];
    const dbA = local();
    const doc = note(a);
    await dbA.put(doc);
    await dbA.replicate.to(remote('notes', await tokenFor(a.id)));
    const serverAsB = remote('notes', await tokenFor(b.id));
    const stored = await serverAsB.get(doc._id);
    await expect(serverAsB.put({ ...stored, author: b.id, body: 'taken over' })).rejects.toMatchObject({ status: 403 });
  });

  it('turns a saved note into one NOTE row on the customer timeline; a second sync and an edit keep it one row', async () => {
    const a = agents[0]!;
    const customerId = 'C0000004';
    const db = local();
    const doc = note(a, customerId, 'timeline note first');
    const put = await db.put(doc);
    await db.replicate.to(remote('notes', await tokenFor(a.id)));
    await db.replicate.to(remote('notes', await tokenFor(a.id)));
    const rowsFor = async () => {
      const res = await fetch(`${t.baseUrl}/api/customers/${customerId}/timeline?first=200`, { headers: { authorization: `Bearer ${await tokenFor(a.id)}` } });
      const body = (await res.json()) as { events: { event_type: string; payload: Record<string, string> }[] };
      return body.events.filter((r) => r.event_type === 'note.added' && r.payload?.note_id === doc._id);
    };
    await expect.poll(async () => (await rowsFor()).length, { timeout: 10_000 }).toBe(1);
    await db.put({ ...doc, _rev: put.rev, body: 'timeline note edited', updatedAt: new Date().toISOString() });
    await db.replicate.to(remote('notes', await tokenFor(a.id)));
    await expect.poll(async () => (await rowsFor()).map((r) => r.payload.body), { timeout: 10_000 }).toEqual(['timeline note edited']);
  });
});
