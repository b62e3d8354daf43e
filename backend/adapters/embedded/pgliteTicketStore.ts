import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { AppError } from '../../../common/errors';
import { SqlTicketStore, migrate } from '../sql/sqlTicketStore';
import type { SqlClient } from '../sql/ticketSql';

/**
 * The embedded Tickets adapter: PostgreSQL compiled to WASM (PGlite), running the same migrations
 * as stack mode. Opening an existing PGlite database takes ~0.7 s, most of the backend's start-up,
 * so it opens in the background: the backend listens at once and ticket queries wait for it.
 */
export function openPgliteTicketStore(dataDir: string | null): { store: SqlTicketStore; client: SqlClient; ready: Promise<void>; close(): Promise<void> } {
  const opened = (async () => {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    await migrate({ query: (sql, params) => pg.query(sql, params as unknown[]), exec: (sql) => pg.exec(sql) });
    return pg;
  })();
  const pgOrUnavailable = () => opened.catch((err: unknown) => Promise.reject(new AppError('UNAVAILABLE', 'The tickets database could not be opened', undefined, err)));
  // The same connection serves the analytics replica's change pulls (sqliteAnalyticsStore.ts).
  const client: SqlClient = {
    query: async (sql, params) => (await pgOrUnavailable()).query(sql, params as unknown[]),
    // PGlite's transaction holds its one connection: other queries wait until it commits or rolls back.
    transaction: async (fn) => (await pgOrUnavailable()).transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params as unknown[]) })),
  };
  const store = new SqlTicketStore(client);
  return {
    store,
    client,
    ready: opened.then(() => undefined),
    close: async () => {
      const pg = await opened.catch(() => null);
      await pg?.close();
    },
  };
}
