import { z } from 'zod';

/**
 * Case notes as CouchDB documents (docs/decisions.md, "Offline case notes").
 *
 * Shared notes live in one database readable by every agent, `_id = note:<customerId>:<uuid>`;
 * private drafts live in the agent's own database with the same shape. Every write is checked here on
 * the server (the embedded endpoint calls it for each document; CouchDB runs the same rules as its
 * validate_doc_update, stack/couchdb/notesDesign.json), so a renderer cannot forge an author, grow a
 * note past the limit or store something the timeline cannot show.
 */

/** A note's body: generous for a case note, small enough that 1,000 of them sync in a few batches. */
export const MAX_BODY_CHARS = 8000;
/** The whole JSON document, CouchDB fields included. */
export const MAX_DOC_BYTES = 16 * 1024;

export const NOTE_ID = /^note:(C\d{7}):([0-9a-zA-Z-]{8,64})$/;

const iso = z.string().datetime({ offset: false });

export const noteDocSchema = z
  .object({
    _id: z.string().regex(NOTE_ID, 'note:<customerId>:<uuid>'),
    _rev: z.string().optional(),
    _revisions: z.unknown().optional(),
    _conflicts: z.unknown().optional(),
    _deleted: z.literal(false).optional(),
    type: z.literal('note'),
    customerId: z.string().regex(/^C\d{7}$/),
    ticketId: z.string().max(64).nullable(),
    author: z.string().min(1).max(128),
    authorName: z.string().max(200),
    body: z.string().max(MAX_BODY_CHARS, `body longer than ${MAX_BODY_CHARS} characters`),
    pinned: z.boolean(),
    deleted: z.boolean(),
    createdAt: iso,
    updatedAt: iso,
  })
  .strict();
export type NoteDoc = z.infer<typeof noteDocSchema>;

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * The rules every written revision obeys. `existingAuthor` is the author of the document already stored
 * (any revision), or undefined for a new document.
 */
export function validateNoteWrite(doc: unknown, who: string, existingAuthor: string | undefined): Verdict {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, reason: 'malformed: a document must be a JSON object' };
  const d = doc as Record<string, unknown>;
  if (typeof d._id !== 'string') return { ok: false, reason: 'malformed: _id is missing' };
  if (d._attachments !== undefined) return { ok: false, reason: 'attachments are not accepted on notes' };
  const bytes = Buffer.byteLength(JSON.stringify(doc), 'utf8');
  if (bytes > MAX_DOC_BYTES) return { ok: false, reason: `oversized: ${bytes} bytes > ${MAX_DOC_BYTES}` };
  // A tombstone (conflict resolution removes the losing revision) carries no fields: only its owner may write it.
  if (d._deleted === true) {
    if (existingAuthor !== undefined && existingAuthor !== who) return { ok: false, reason: `forbidden: only ${existingAuthor} may delete this note` };
    return { ok: true };
  }
  const parsed = noteDocSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `malformed: ${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}` };
  }
  const note = parsed.data;
  if (note.author !== who) return { ok: false, reason: `forbidden: author ${JSON.stringify(note.author)} is not the signed-in agent ${JSON.stringify(who)}` };
  if (existingAuthor !== undefined && existingAuthor !== who) return { ok: false, reason: `forbidden: the note belongs to ${existingAuthor}` };
  const m = NOTE_ID.exec(note._id);
  if (m?.[1] !== note.customerId) return { ok: false, reason: `malformed: _id names customer ${m?.[1]} but customerId is ${note.customerId}` };
  return { ok: true };
}
