import { SCHEMA_VERSION, type EventEnvelope } from '../../common/events';
import { noteDocSchema } from './noteDoc';

/**
 * A saved note as the `note.added` event the pipeline turns into a NOTE row on the customer's
 * timeline. The event time is the note's creation time, so every revision of one note lands on the
 * same timeline key (customer_id, event_time, event_type): a note synced twice is one row, and an edit
 * (or a soft delete) updates that row. The event id names the revision, so the case's notes window
 * takes an edit as news while a replay of the same revision is skipped.
 */
export function noteEvent(doc: unknown): { ok: true; event: EventEnvelope } | { ok: false; reason: string } {
  const parsed = noteDocSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'not a note' };
  const n = parsed.data;
  const rev = n._rev ?? '0';
  const payload: Record<string, string> = {
    note_id: n._id,
    agent_id: n.author,
    agent_name: n.authorName,
    body: n.deleted ? '' : n.body,
    pinned: String(n.pinned),
    deleted: String(n.deleted),
    updated_at: n.updatedAt,
    rev,
  };
  if (n.ticketId) payload.ticket_id = n.ticketId;
  return {
    ok: true,
    event: { id: `${n._id}@${rev.split('-')[0]}`, type: 'note.added', customer_id: n.customerId, event_time: n.createdAt, source: 'support_notes', payload, schema_version: SCHEMA_VERSION },
  };
}
