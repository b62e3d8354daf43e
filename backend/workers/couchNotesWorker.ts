import type { Logger } from '../logger';
import { noteEvent } from '../notes/noteEvents';
import { CouchTicketsWorker, createTicketsWorkerMetrics, type ChangeOutcome, type CouchChange } from './couchTicketsWorker';

/**
 * Stack mode's notes path: the same `_changes` worker as the tickets (couchTicketsWorker.ts: longpoll,
 * at-least-once, checkpoint in `_local` after Kafka acknowledged), following the shared notes database
 * and publishing each revision as a `note.added` envelope on `cs.events`, the unified topic the Flink
 * customer-case job reads (flink-sql/20_customer_case.sql). The event time is the note's creation time,
 * so a redelivery or an edit lands on the same cs_timeline key (backend/notes/noteEvents.ts).
 */
export const NOTES_CHECKPOINT_ID = '_local/cs360-notes-worker';

export function mapNoteChange(change: CouchChange): ChangeOutcome {
  if (change.id.startsWith('_design/')) return { kind: 'skip', why: 'design' };
  if (change.deleted === true || change.doc?._deleted === true) return { kind: 'skip', why: 'deleted' };
  if (!change.doc) return { kind: 'invalid', reason: 'malformed: the change carries no document (include_docs)' };
  const out = noteEvent(change.doc);
  return out.ok ? { kind: 'event', event: out.event } : { kind: 'invalid', reason: `malformed note: ${out.reason}` };
}

export interface NotesWorkerConfig {
  stack: { couchdb: { url: string; adminUrl?: string | undefined; databasePrefix: string }; kafka: { brokers: string[]; topicSuffix: string } };
}

export function startCouchNotesWorker(config: NotesWorkerConfig, log: Logger): CouchTicketsWorker {
  const c = config.stack.couchdb;
  const suffix = config.stack.kafka.topicSuffix;
  return new CouchTicketsWorker({
    couchdbUrl: c.adminUrl ?? c.url,
    database: c.databasePrefix.replace(/[_-]+$/, '') || 'notes',
    brokers: config.stack.kafka.brokers,
    topic: `cs.events${suffix}`,
    deadLetterTopic: `cs.deadletter${suffix}`,
    log: log.child({ worker: 'couch-notes' }),
    // The tickets worker's metric names would collide in one registry: this one keeps its own.
    metrics: createTicketsWorkerMetrics(),
    clientId: 'cs360-notes-worker',
    mapChange: mapNoteChange,
    checkpointId: NOTES_CHECKPOINT_ID,
  }).start();
}
