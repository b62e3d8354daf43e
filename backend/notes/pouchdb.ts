import { createRequire } from 'node:module';

/*
 * PouchDB 9's Node build (LevelDB, HTTP, replication), typed here for the part of its API the backend
 * and its tests use. Not @types/pouchdb-node: its @types/pouchdb-core declares a global
 * `interface Buffer extends Uint8Array` (and pulls in the DOM lib), which merges with Node's generic
 * Buffer and breaks every Buffer use in the backend under TypeScript 6 and @types/node 26. The
 * renderer (no Node Buffer there) keeps @types/pouchdb-browser. Loaded through require: PouchDB is
 * CommonJS, and this keeps one typed entry for every caller (bench and e2e typecheck it too).
 */
/* eslint-disable @typescript-eslint/no-namespace -- typed as the global PouchDB namespace its callers name, as @types/pouchdb does */
declare global {
  namespace PouchDB {
    namespace Core {
      interface Error {
        status?: number;
        name?: string;
        message?: string;
        error?: string | boolean;
        reason?: string;
        id?: string;
      }
      interface Response {
        ok: boolean;
        id: string;
        rev: string;
      }
      type PutDocument<T extends object> = T & { _id?: string; _rev?: string; _deleted?: boolean };
      interface ExistingDocument {
        _id: string;
        _rev: string;
        // The document's own fields: callers narrow them with a cast, as with parsed JSON.
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        [field: string]: any;
      }
      interface GetOptions {
        rev?: string;
        revs?: boolean;
        revs_info?: boolean;
        open_revs?: 'all' | string[];
        conflicts?: boolean;
        latest?: boolean;
      }
      interface ChangesOptions {
        since?: number | string;
        limit?: number;
        live?: boolean;
        include_docs?: boolean;
        style?: 'main_only' | 'all_docs';
        descending?: boolean;
        doc_ids?: string[];
        timeout?: number | false;
        heartbeat?: number | false;
      }
      interface ChangesResponseChange {
        id: string;
        seq: number | string;
        changes: { rev: string }[];
        deleted?: boolean;
        doc?: ExistingDocument;
      }
      interface ChangesResponse {
        results: ChangesResponseChange[];
        last_seq: number | string;
        status?: string;
      }
      interface Changes extends Promise<ChangesResponse> {
        on(event: 'change', listener: (change: ChangesResponseChange) => void): this;
        on(event: 'complete', listener: (info: ChangesResponse) => void): this;
        on(event: 'error', listener: (err: unknown) => void): this;
        cancel(): void;
      }
      type RevisionDiffOptions = Record<string, string[]>;
      type RevisionDiffResponse = Record<string, { missing: string[]; possible_ancestors?: string[] }>;
      interface BulkGetOptions {
        docs: { id: string; rev?: string }[];
        revs?: boolean;
        latest?: boolean;
        attachments?: boolean;
      }
      interface AllDocsOptions {
        keys?: string[];
        include_docs?: boolean;
        conflicts?: boolean;
        startkey?: string;
        endkey?: string;
        limit?: number;
        skip?: number;
        descending?: boolean;
      }
      interface AllDocsResponse {
        total_rows: number;
        offset: number;
        rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: ExistingDocument | null; error?: string }[];
      }
      interface DatabaseInfo {
        db_name: string;
        doc_count: number;
        update_seq: number | string;
        [field: string]: unknown;
      }
    }
    namespace Replication {
      interface Result {
        ok: boolean;
        docs_read: number;
        docs_written: number;
        doc_write_failures: number;
        errors: unknown[];
        status: string;
      }
      interface Replication extends Promise<Result> {
        on(event: string, listener: (info: unknown) => void): this;
        cancel(): void;
      }
    }
    namespace Configuration {
      interface DatabaseConfiguration {
        adapter?: string;
        auto_compaction?: boolean;
        skip_setup?: boolean;
      }
      interface RemoteDatabaseConfiguration extends DatabaseConfiguration {
        fetch?: (url: string | Request, opts?: RequestInit) => Promise<Response>;
      }
    }
    interface Database {
      info(): Promise<Core.DatabaseInfo>;
      get(id: string, options?: Core.GetOptions): Promise<Core.ExistingDocument>;
      put<T extends object>(doc: Core.PutDocument<T>): Promise<Core.Response>;
      remove(doc: { _id: string; _rev: string }): Promise<Core.Response>;
      bulkDocs<T extends object>(docs: Core.PutDocument<T>[], options?: { new_edits?: boolean }): Promise<(Core.Response | Core.Error)[]>;
      bulkGet(options: Core.BulkGetOptions): Promise<{ results: { id: string; docs: ({ ok: Core.ExistingDocument } | { error: Core.Error })[] }[] }>;
      allDocs(options?: Core.AllDocsOptions): Promise<Core.AllDocsResponse>;
      changes(options?: Core.ChangesOptions): Core.Changes;
      revsDiff(diff: Core.RevisionDiffOptions): Promise<Core.RevisionDiffResponse>;
      close(): Promise<void>;
      destroy(): Promise<void>;
      replicate: {
        to(target: Database | string, options?: { live?: boolean; retry?: boolean; batch_size?: number }): Replication.Replication;
        from(source: Database | string, options?: { live?: boolean; retry?: boolean; batch_size?: number }): Replication.Replication;
      };
    }
    interface Static {
      new (name: string, options?: Configuration.RemoteDatabaseConfiguration): Database;
      fetch(url: string | Request, opts?: RequestInit): Promise<Response>;
      plugin(plugin: unknown): Static;
    }
  }
}
/* eslint-enable @typescript-eslint/no-namespace */

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb') as PouchDB.Static;
export default PouchDB;
