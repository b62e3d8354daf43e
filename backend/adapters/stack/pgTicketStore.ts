import pg from 'pg';
import type { TicketStore } from '../../ports/ticketStore';
import { SqlTicketStore, migrate } from '../sql/sqlTicketStore';
import type { SqlClient } from '../sql/ticketSql';
import { STACK_DEFAULTS } from '../../../common/stackPorts';

export interface PgSettings {
  /** postgres://user@host:port/db; the runner's default is STACK_DEFAULTS.postgresUrl. */
  connectionString: string;
  maxConnections?: number;
}

export const DEFAULT_PG_URL = STACK_DEFAULTS.postgresUrl;

/** Tickets on PostgreSQL: a pg Pool behind the shared SqlTicketStore; pending migrations are applied first. */
export async function openPgTicketStore(settings: PgSettings): Promise<{ store: TicketStore; client: SqlClient; pool: pg.Pool; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: settings.connectionString, max: settings.maxConnections ?? 10, connectionTimeoutMillis: 5000 });
  // An idle client that loses its connection (server restart) emits 'error' on the pool; without a listener Node would crash.
  pool.on('error', () => undefined);
  const client: SqlClient = {
    async query<R>(sql: string, params?: unknown[]) {
      const r = await pool.query(sql, params);
      return { rows: r.rows as R[] };
    },
    // One pooled connection for the whole transaction; a failed ROLLBACK (connection lost) discards the client.
    async transaction(fn) {
      const conn = await pool.connect();
      let broken: Error | undefined;
      try {
        await conn.query('BEGIN');
        const result = await fn({ query: async <R>(sql: string, params?: unknown[]) => ({ rows: (await conn.query(sql, params)).rows as R[] }) });
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        await conn.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw err;
      } finally {
        conn.release(broken);
      }
    },
  };
  try {
    // A multi-statement script without parameters goes over the simple-query protocol, on one connection.
    await migrate(client);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
  return { store: new SqlTicketStore(client), client, pool, close: () => pool.end() };
}
