import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { SessionTokens } from '../auth/sessionTokens';
import type { Logger } from '../logger';
import type { EventBus } from '../ports/eventBus';
import { COUCH_PREFIX, registerCouchRoutes } from './couchRoutes';
import { NotesFollower } from './notesFollower';
import { EmbeddedNotesSync, NotesStore } from './notesStore';

/**
 * Offline notes in embedded mode, in one piece for the composition root (backend/app.ts): the notes
 * databases under `<dataDir>/notes/`, the NotesSync answer for GET /api/notes/sync, the CouchDB-protocol
 * routes on the backend's own HTTP server, and the `_changes` follower onto the embedded pipeline.
 */
export function openEmbeddedNotes(dataDir: string, bus: EventBus, log: Logger) {
  const store = new NotesStore(join(dataDir, 'notes'));
  const sync = new EmbeddedNotesSync(COUCH_PREFIX);
  let follower: NotesFollower | null = null;
  return {
    store,
    sync,
    /** Before the server listens. */
    mount: (server: FastifyInstance, tokens: SessionTokens, launchToken?: string) => registerCouchRoutes(server, { store, tokens, launchToken }),
    /** After the pipeline subscribed to cs.events; returns its stop. */
    follow(): () => Promise<void> {
      const f = new NotesFollower(store.shared(), bus, log.child({ component: 'notes-follower' })).start();
      follower = f;
      return () => f.stop();
    },
    get follower() {
      return follower;
    },
    close: () => store.close(),
  };
}
export type EmbeddedNotes = ReturnType<typeof openEmbeddedNotes>;
