// The one Trino client of the runner and the benches: the trino-client package (as the backend's
// history adapter uses), one statement at a time.
import { Trino } from 'trino-client';
import { StackError } from '../lib';
import { TRINO_URL } from '../ports';

/** All rows of one statement; throws with Trino's message on a failed query or after timeoutMs. */
export async function trinoQuery(sql: string, opts: { user?: string; timeoutMs?: number } = {}): Promise<unknown[][]> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const trino = Trino.create({ server: TRINO_URL, source: 'cs360-stack-runner', extraHeaders: { 'X-Trino-User': opts.user ?? 'cs360-runner' } });
  const until = Date.now() + timeoutMs;
  const rows: unknown[][] = [];
  const iter = await trino.query(sql);
  for await (const result of iter) {
    if (result.error) throw new StackError(`Trino: ${result.error.message}`);
    if (result.data) rows.push(...(result.data as unknown[][]));
    if (Date.now() > until) {
      if (result.id) await trino.cancel(result.id).catch(() => undefined);
      throw new StackError(`Trino did not finish ${sql.slice(0, 80)} in ${timeoutMs / 1000} s`);
    }
  }
  return rows;
}

/** The first cell of the first row (undefined when there is none). */
export async function trinoQueryValue(sql: string, timeoutMs = 30_000): Promise<unknown> {
  return (await trinoQuery(sql, { timeoutMs }))[0]?.[0];
}
