import { describe, expect, it } from 'vitest';
import { mapNoteChange } from './couchNotesWorker';

const doc = { _id: 'note:C0000001:0b6f3c1e-1111-4222-8333-444455556666', _rev: '2-abc', type: 'note', customerId: 'C0000001', ticketId: null, author: 'agent-1', authorName: 'An', body: 'Called back', pinned: false, deleted: false, createdAt: '2026-12-02T10:00:00.000Z', updatedAt: '2026-12-02T10:05:00.000Z' };

describe('notes _changes worker mapping', () => {
  it('turns a note revision into a note.added envelope keyed to the note creation time', () => {
    const out = mapNoteChange({ seq: 1, id: doc._id, doc });
    expect(out).toMatchObject({ kind: 'event', event: { type: 'note.added', source: 'support_notes', customer_id: 'C0000001', event_time: doc.createdAt, id: `${doc._id}@2`, payload: { note_id: doc._id, agent_id: 'agent-1', body: 'Called back' } } });
  });

  it('skips design documents and deletions, dead-letters what is not a note', () => {
    expect(mapNoteChange({ seq: 2, id: '_design/cs360_notes', doc: {} })).toEqual({ kind: 'skip', why: 'design' });
    expect(mapNoteChange({ seq: 3, id: doc._id, deleted: true })).toEqual({ kind: 'skip', why: 'deleted' });
    expect(mapNoteChange({ seq: 4, id: 'x', doc: { _id: 'x', body: 1 } })).toMatchObject({ kind: 'invalid' });
  });
});
