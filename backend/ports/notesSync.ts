import type { NotesEndpoint } from '../../common/notesEndpoint';

export type { NotesEndpoint };

/** Notes sync port: embedded (backend/notes, served by the backend) or CouchDB (adapters/stack). */
export interface NotesSync {
  endpointFor(agentId: string): Promise<NotesEndpoint>;
}
