import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CouchNotesSync, DEFAULT_COUCHDB_URL } from './couchNotesSync';

// The shared notes database on the runner's CouchDB-protocol server (pouchdb-server): the backend
// installs the validate_doc_update of backend/notes/noteDoc.ts, and the server refuses bad notes with
// the reason. The runner is an admin party (no users), so the author rule is checked where CouchDB
// authenticates agents (JWT, compose); shape and size are checked here.
const COUCH_URL = process.env.CS360_COUCHDB_URL ?? DEFAULT_COUCHDB_URL;
const prefix = `notes_it_${randomUUID().slice(0, 8)}_`;

const note = (over: Record<string, unknown> = {}) => {
  const now = new Date().toISOString();
  return { _id: `note:C0000001:${randomUUID()}`, type: 'note', customerId: 'C0000001', ticketId: null, author: 'agent-1', authorName: 'An', body: 'ok', pinned: false, deleted: false, createdAt: now, updatedAt: now, ...over };
};

describe('notes validation on the CouchDB-protocol server', () => {
  it('accepts a note and refuses oversized, malformed and mis-addressed ones with a reason, in one _bulk_docs', async () => {
    const sync = new CouchNotesSync({ url: COUCH_URL, prefix });
    const ep = await sync.endpointFor('agent-1');
    const db = `${ep.url}/${ep.database}`;
    try {
      const docs = [note(), note({ body: 'x'.repeat(8001) }), { _id: `note:C0000001:${randomUUID()}`, type: 'note', body: 42 }, note({ _id: `note:C0000002:${randomUUID()}` })];
      const res = await fetch(`${db}/_bulk_docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docs }) });
      const rows = (await res.json()) as { id: string; ok?: boolean; error?: string; reason?: string }[];
      // Matched by id: pouchdb-server answers refusals and writes in its own order.
      const out = docs.map((d) => rows.find((r) => r.id === d._id));
      expect(out[0]).toMatchObject({ ok: true });
      expect(out[1]).toMatchObject({ error: 'forbidden', reason: expect.stringMatching(/longer than 8000/) });
      expect(out[2]).toMatchObject({ error: 'forbidden', reason: expect.stringMatching(/malformed/) });
      expect(out[3]).toMatchObject({ error: 'forbidden', reason: expect.stringMatching(/names customer C0000002/) });
    } finally {
      await fetch(db, { method: 'DELETE' });
      await fetch(`${ep.url}/${ep.privateDatabase}`, { method: 'DELETE' });
    }
  });
});
