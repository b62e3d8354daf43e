import { Trino, type QueryResult } from 'trino-client';
import { AppError } from '../../../common/errors';
import { EVENT_TYPES, kindOf, type EventType } from '../../../common/events';
import type { TimelineRow } from '../../../common/model';
import { formatCaseId } from '../../../common/ids';
import { caseIdStart, caseTimelinePayload, type CaseTimelineQuery, type CaseTimelineRow, type HistoryStore, type TimelineQuery } from '../../ports/historyStore';
import { STACK_DEFAULTS } from '../../../common/stackPorts';

/** The no-Docker runner's Trino (stack/runner/lakehouse.ts), the table Flink writes through Paimon and the view over it (stack/trino/views.sql). */
export const DEFAULT_TRINO = { url: STACK_DEFAULTS.trinoUrl, catalog: 'iceberg', schema: 'cs', table: 'cs_timeline', caseView: 'vw_support_case_timeline', user: 'cs360-backend' } as const;

export interface TrinoHistoryOptions {
  url?: string;
  catalog?: string;
  schema?: string;
  table?: string;
  /** The case timeline view (stack/trino/views.sql) in the same catalog and schema. */
  caseView?: string;
  user?: string;
  /** Upper bound of one query, queueing included; past it the query is cancelled and the call answers UNAVAILABLE. */
  timeoutMs?: number;
}

// ---- SQL literals. Trino's protocol has no bound parameters: a prepared statement's EXECUTE … USING
// takes literals (the JDBC driver inlines them the same way), so every value is rendered here, strictly.
/** Catalog, schema and table names: plain lower-case identifiers only (they come from config, never from a request). */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,127}$/;
export function sqlIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A VARCHAR literal: quotes doubled; NUL and lone surrogates refused (Trino would reject or mangle them). */
export function sqlString(value: string): string {
  if (value.includes('\0') || LONE_SURROGATE.test(value)) throw new AppError('INVALID_INPUT', 'Text contains characters that cannot be queried');
  return `'${value.replaceAll("'", "''")}'`;
}
export function sqlInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new AppError('INVALID_INPUT', 'Expected an integer', { value: String(value) });
  return String(value);
}
/** Epoch milliseconds as a TIMESTAMP(3) literal in UTC (the column holds UTC wall-clock time). */
export function sqlTimestamp(ms: number): string {
  sqlInteger(ms);
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) throw new AppError('INVALID_INPUT', 'Timestamp out of range', { value: String(ms) });
  return `TIMESTAMP '${d.toISOString().slice(0, 23).replace('T', ' ')}'`;
}

/**
 * Trino answers that mean "not now" (engine down or starting, catalog or S3 unreachable, out of
 * resources) rather than "wrong statement". USER_ERROR (a bad statement, a missing table) is a bug
 * or a deployment mistake: it stays an Error and surfaces as INTERNAL with Trino's message in the logs.
 */
const TRANSIENT_TYPES = new Set(['INTERNAL_ERROR', 'INSUFFICIENT_RESOURCES', 'EXTERNAL']);
export class TrinoQueryError extends Error {
  constructor(
    readonly errorName: string,
    readonly errorType: string,
    message: string,
  ) {
    super(`Trino ${errorType} ${errorName}: ${message}`);
    this.name = 'TrinoQueryError';
  }
}
const unavailable = (cause: unknown) => new AppError('UNAVAILABLE', 'The history store (Trino) is unavailable; try again shortly', undefined, cause);

interface DbRow {
  customer_id: string;
  event_type: EventType;
  payload: Record<string, string> | null;
  event_ms: number;
}
/** A timestamp column as epoch ms whatever its precision (timestamp(3) or (6)). */
const epochMs = (column: string) => `date_diff('millisecond', TIMESTAMP '1970-01-01 00:00:00', ${column})`;
/** The projection every cs_timeline query uses. */
const COLUMNS = `customer_id, event_type, payload, ${epochMs('event_time')} AS event_ms`;
/** vw_support_case_timeline's columns that become the case row's payload (CASE_TIMELINE_KEYS). */
const CASE_VIEW_COLUMNS = ['order_id', 'payment_id', 'shipment_id', 'status', 'amount_vnd', 'carrier', 'event_id'] as const;

/**
 * HistoryStore on Trino: cs_timeline as an Iceberg table (published by Paimon from Flink) in the
 * Iceberg REST catalog, read through Trino's REST protocol with `trino-client`. Read-only: Flink writes.
 * Each query is a prepared statement sent with the X-Trino-Prepared-Statement header (no PREPARE
 * round trip) and executed with literal parameters rendered by the sql* functions above.
 */
export class TrinoHistoryStore implements HistoryStore {
  private readonly trino: Trino;
  private readonly table: string;
  private readonly caseView: string;
  private readonly timeoutMs: number;

  constructor(options: TrinoHistoryOptions = {}) {
    const o = { ...DEFAULT_TRINO, ...options };
    this.table = `${sqlIdentifier(o.catalog)}.${sqlIdentifier(o.schema)}.${sqlIdentifier(o.table)}`;
    this.caseView = `${sqlIdentifier(o.catalog)}.${sqlIdentifier(o.schema)}.${sqlIdentifier(o.caseView)}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.trino = Trino.create({ server: o.url, catalog: o.catalog, schema: o.schema, source: 'cs360-backend', extraHeaders: { 'X-Trino-User': o.user } });
  }

  async timelinePage(q: TimelineQuery): Promise<TimelineRow[]> {
    const where = ['customer_id = ?'];
    const args = [sqlString(q.customerId)];
    if (q.before) {
      // Expanded row comparison: the event_time bounds stay plain predicates Iceberg can prune files with.
      where.push('event_time <= ?', '(event_time < ? OR event_type < ?)');
      const t = sqlTimestamp(q.before.event_time);
      args.push(t, t, sqlString(q.before.event_type));
    }
    if (q.fromMs !== undefined) {
      where.push('event_time >= ?');
      args.push(sqlTimestamp(q.fromMs));
    }
    if (q.toMs !== undefined) {
      where.push('event_time <= ?');
      args.push(sqlTimestamp(q.toMs));
    }
    if (q.kinds && q.kinds.length > 0) {
      const types = EVENT_TYPES.filter((t) => q.kinds!.includes(kindOf(t)));
      where.push(`event_type IN (${types.map(() => '?').join(', ')})`);
      args.push(...types.map(sqlString));
    }
    args.push(sqlInteger(q.limit));
    return this.select(`SELECT ${COLUMNS} FROM ${this.table} WHERE ${where.join(' AND ')} ORDER BY event_time DESC, event_type DESC LIMIT ?`, args);
  }

  async timelineBetween(customerId: string, fromMs: number, toMs: number, limit: number): Promise<TimelineRow[]> {
    return this.select(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE customer_id = ? AND event_time >= ? AND event_time <= ? ORDER BY event_time, event_type LIMIT ?`,
      [sqlString(customerId), sqlTimestamp(fromMs), sqlTimestamp(toMs), sqlInteger(limit)],
    );
  }

  /** vw_support_case_timeline, newest first; the case id is formatted here from case_start (epoch ms), whatever Trino's session zone. */
  async caseTimeline(q: CaseTimelineQuery): Promise<CaseTimelineRow[]> {
    const where = ['customer_id = ?'];
    const args = [sqlString(q.customerId)];
    if (q.before) {
      where.push('event_time <= ?', '(event_time < ? OR event_type < ?)');
      const t = sqlTimestamp(q.before.event_time);
      args.push(t, t, sqlString(q.before.event_type));
    }
    if (q.caseId !== undefined) {
      const start = caseIdStart(q.caseId);
      if (start === null) return [];
      where.push('case_start >= ?', 'case_start < ?');
      args.push(sqlTimestamp(start), sqlTimestamp(start + 1000));
    }
    args.push(sqlInteger(q.limit));
    const rows = await this.query(
      `SELECT customer_id, event_type, ${epochMs('event_time')} AS event_ms, ${epochMs('case_start')} AS case_ms, ${CASE_VIEW_COLUMNS.join(', ')} FROM ${this.caseView} WHERE ${where.join(' AND ')} ORDER BY event_time DESC, event_type DESC LIMIT ?`,
      args,
    );
    return rows.map((r) => {
      const row = Object.fromEntries(r.columns.map((c, i) => [c, r.values[i]])) as unknown as Omit<DbRow, 'payload'> & { case_ms: number } & Record<(typeof CASE_VIEW_COLUMNS)[number], string | number | null>;
      return {
        customer_id: row.customer_id,
        event_type: row.event_type,
        event_time: Number(row.event_ms),
        payload: caseTimelinePayload(row),
        case_id: formatCaseId(row.customer_id, Number(row.case_ms)),
      };
    });
  }

  private async select(sql: string, args: string[]): Promise<TimelineRow[]> {
    const rows = await this.query(sql, args);
    return rows.map((r) => {
      const row = Object.fromEntries(r.columns.map((c, i) => [c, r.values[i]])) as unknown as DbRow;
      return { customer_id: row.customer_id, event_type: row.event_type, payload: row.payload ?? {}, event_time: Number(row.event_ms) };
    });
  }

  /** Runs `sql` (with ? placeholders) as a prepared statement; the rows with their column names. */
  async query(sql: string, args: string[] = []): Promise<{ columns: string[]; values: unknown[] }[]> {
    const name = 'cs360_q';
    const execute = args.length ? `EXECUTE ${name} USING ${args.join(', ')}` : `EXECUTE ${name}`;
    const headers = { 'X-Trino-Prepared-Statement': `${name}=${encodeURIComponent(sql)}` };
    let queryId: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    const run = async () => {
      const it = await this.trino.query({ query: execute, extraHeaders: headers });
      let columns: string[] = [];
      const out: { columns: string[]; values: unknown[] }[] = [];
      // Not `for await`: the iterator reports a query that failed on submission as `done` with the error in it.
      for (;;) {
        const { value, done } = (await it.next()) as IteratorResult<QueryResult, QueryResult>;
        if (value?.id) queryId = value.id;
        if (value?.error) throw new TrinoQueryError(value.error.errorName, value.error.errorType, value.error.message);
        if (value?.columns) columns = value.columns.map((c) => c.name);
        for (const values of value?.data ?? []) out.push({ columns, values });
        if (done) return out;
      }
    };
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Trino query did not finish in ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      return await Promise.race([run(), deadline]);
    } catch (err) {
      if (err instanceof TrinoQueryError && !TRANSIENT_TYPES.has(err.errorType)) throw err;
      if (err instanceof AppError) throw err;
      if (queryId) void this.trino.cancel(queryId).catch(() => undefined);
      throw unavailable(err);
    } finally {
      clearTimeout(timer);
    }
  }
}
