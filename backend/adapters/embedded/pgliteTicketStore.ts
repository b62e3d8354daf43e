import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { SqlTicketStore, migrate } from '../sql/sqlTicketStore';

/** The embedded Tickets adapter: PostgreSQL compiled to WASM (PGlite), running the same migrations as stack mode. */
export async function openPgliteTicketStore(dataDir: string | null): Promise<{ store: SqlTicketStore; close(): Promise<void> }> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  await migrate({ query: (sql, params) => pg.query(sql, params as unknown[]), exec: (sql) => pg.exec(sql) });
  const store = new SqlTicketStore({ query: (sql, params) => pg.query(sql, params as unknown[]) });
  return { store, close: () => pg.close() };
}
