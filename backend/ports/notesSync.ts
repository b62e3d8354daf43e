/** Notes sync port: where the renderer's PouchDB replicates. Implemented by the offline-notes work. */
export interface NotesSync {
  endpointFor(agentId: string): Promise<{ url: string; database: string; headers: Record<string, string> }>;
}
