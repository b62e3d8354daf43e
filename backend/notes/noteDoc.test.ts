import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS, MAX_DOC_BYTES, validateNoteWrite } from './noteDoc';

const note = (over: Record<string, unknown> = {}) => ({ _id: 'note:C0000001:0b6f3c1e-1111-4222-8333-444455556666', type: 'note', customerId: 'C0000001', ticketId: null, author: 'a1', authorName: 'An', body: 'hello', pinned: false, deleted: false, createdAt: '2026-12-02T10:00:00.000Z', updatedAt: '2026-12-02T10:00:00.000Z', ...over });

describe('validateNoteWrite (the server-side rules of every written note)', () => {
  it('accepts a well-formed note by its author, new or edited, and replicated fields', () => {
    expect(validateNoteWrite(note(), 'a1', undefined)).toEqual({ ok: true });
    expect(validateNoteWrite(note({ _rev: '2-x', _revisions: { start: 2, ids: ['x', 'y'] } }), 'a1', 'a1')).toEqual({ ok: true });
  });

  it('refuses a forged author and a take-over of someone else’s note', () => {
    expect(validateNoteWrite(note({ author: 'a2' }), 'a1', undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/^forbidden: author "a2"/) });
    expect(validateNoteWrite(note(), 'a1', 'a2')).toMatchObject({ ok: false, reason: 'forbidden: the note belongs to a2' });
    expect(validateNoteWrite({ _id: note()._id, _deleted: true }, 'a1', 'a2')).toMatchObject({ ok: false, reason: expect.stringMatching(/only a2 may delete/) });
  });

  it('refuses oversized and malformed documents with the reason', () => {
    expect(validateNoteWrite(note({ body: 'x'.repeat(MAX_BODY_CHARS + 1) }), 'a1', undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/longer than 8000/) });
    expect(validateNoteWrite(note({ authorName: 'x'.repeat(MAX_DOC_BYTES) }), 'a1', undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/^oversized/) });
    expect(validateNoteWrite(note({ extra: 1 }), 'a1', undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/^malformed/) });
    expect(validateNoteWrite(note({ customerId: 'C0000002' }), 'a1', undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/names customer C0000001/) });
    expect(validateNoteWrite(note({ _id: 'anything' }), 'a1', undefined)).toMatchObject({ ok: false });
    expect(validateNoteWrite(note({ _attachments: {} }), 'a1', undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/attachments/) });
    expect(validateNoteWrite([1, 2], 'a1', undefined)).toMatchObject({ ok: false });
  });
});
