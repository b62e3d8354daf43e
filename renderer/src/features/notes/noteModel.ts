import { markPending, refreshConflicts } from '../../state/notesSync';

/** A shared case note (the document design is in docs/decisions.md; the server validates the same shape). */
export interface NoteDoc {
  _id: string;
  _rev?: string;
  _conflicts?: string[];
  type: 'note';
  customerId: string;
  ticketId: string | null;
  author: string;
  authorName: string;
  body: string;
  pinned: boolean;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
}

export const MAX_BODY_CHARS = 8000;

type Db = PouchDB.Database;

export const noteRange = (customerId: string) => ({ startkey: `note:${customerId}:`, endkey: `note:${customerId}:\ufff0` });

/** A customer's notes, newest first, pinned on top; conflicts included. */
export async function listNotes(db: Db, customerId: string): Promise<NoteDoc[]> {
  const res = await db.allDocs({ ...noteRange(customerId), include_docs: true, conflicts: true });
  const notes = res.rows.map((r) => r.doc as unknown as NoteDoc).filter((d) => d && d.type === 'note');
  return notes.sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt.localeCompare(a.createdAt));
}

async function write(db: Db, doc: NoteDoc): Promise<NoteDoc> {
  const res = await db.put(doc);
  markPending(res.id, res.rev);
  return { ...doc, _rev: res.rev };
}

export function createNote(db: Db, input: { customerId: string; ticketId: string | null; author: { id: string; name: string }; body: string }): Promise<NoteDoc> {
  const now = new Date().toISOString();
  return write(db, {
    _id: `note:${input.customerId}:${crypto.randomUUID()}`,
    type: 'note',
    customerId: input.customerId,
    ticketId: input.ticketId,
    author: input.author.id,
    authorName: input.author.name,
    body: input.body,
    pinned: false,
    deleted: false,
    createdAt: now,
    updatedAt: now,
  });
}

/** Edit, pin, soft delete: a new revision on top of the one shown. */
export function updateNote(db: Db, note: NoteDoc, change: Partial<Pick<NoteDoc, 'body' | 'pinned' | 'deleted'>>): Promise<NoteDoc> {
  const { _conflicts: _ignored, ...rest } = note;
  // updatedAt is the body's: pinning or deleting is not an edit of what the note says.
  const edited = change.body !== undefined && change.body !== note.body;
  return write(db, { ...rest, ...change, updatedAt: edited ? new Date().toISOString() : note.updatedAt });
}

/** Every revision in conflict for a note: the current winner first. */
export async function conflictVersions(db: Db, note: NoteDoc): Promise<NoteDoc[]> {
  const others = await Promise.all((note._conflicts ?? []).map((rev) => db.get(note._id, { rev }) as Promise<unknown> as Promise<NoteDoc>));
  return [note, ...others];
}

/**
 * Resolves a conflict the CouchDB way: the chosen (or merged) content becomes a new revision on the
 * winning branch, and every other branch is closed with a tombstone. Nothing is lost: the losing
 * revisions stay in the revision tree until compaction, and the agent saw them before choosing.
 */
export async function resolveConflict(db: Db, note: NoteDoc, chosen: Pick<NoteDoc, 'body' | 'pinned' | 'deleted'>): Promise<void> {
  await updateNote(db, note, chosen);
  for (const rev of note._conflicts ?? []) {
    const res = await db.remove(note._id, rev);
    markPending(res.id, res.rev);
  }
  await refreshConflicts(db);
}
