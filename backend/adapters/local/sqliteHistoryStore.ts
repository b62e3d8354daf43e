import { EVENT_TYPES, kindOf, type EventType } from '../../../common/events';
import type { TimelineRow } from '../../../common/model';
import { formatCaseId } from '../../../common/ids';
import { CASE_GAP_MS, caseIdStart, caseTimelinePayload, type CaseTimelineQuery, type CaseTimelineRow, type HistoryStore, type TimelineQuery } from '../../ports/historyStore';
import type { Statement } from 'better-sqlite3';
import type { ServingDb } from './servingDb';

interface DbRow {
  customer_id: string;
  event_time: number;
  event_type: EventType;
  payload: string;
}
const toRow = (r: DbRow): TimelineRow => ({ ...r, payload: JSON.parse(r.payload) as Record<string, string> });

/**
 * vw_support_case_timeline (stack/trino/views.sql) on SQLite, the same window functions over one
 * customer's rows: a row 30 minutes or more after the previous one starts a case; the case starts at
 * its first row; only order, payment and shipment rows are returned.
 */
const CASE_TIMELINE_SQL = (filters: string) => `
WITH ordered AS (
  SELECT customer_id, event_time, event_type, payload,
         CASE WHEN lag(event_time) OVER w IS NULL OR event_time - lag(event_time) OVER w >= ${CASE_GAP_MS} THEN 1 ELSE 0 END AS starts_case
  FROM cs_timeline WHERE customer_id = ?
  WINDOW w AS (ORDER BY event_time, event_type)
),
numbered AS (
  SELECT *, sum(starts_case) OVER (ORDER BY event_time, event_type ROWS UNBOUNDED PRECEDING) AS case_no FROM ordered
),
cases AS (
  SELECT *, min(event_time) OVER (PARTITION BY case_no) AS case_start FROM numbered
)
SELECT customer_id, event_time, event_type, payload, case_start FROM cases
WHERE substr(event_type, 1, instr(event_type, '.') - 1) IN ('order', 'payment', 'shipment')${filters}
ORDER BY event_time DESC, event_type DESC LIMIT ?`;

/** cs_timeline on SQLite; the clustered primary key makes a newest-first keyset page one index range scan. */
export class SqliteHistoryStore implements HistoryStore {
  private readonly insert;
  private readonly between;
  private readonly pageCache = new Map<string, Statement<unknown[], DbRow>>();

  private readonly trim;

  /** keepPerCustomer: after each append, only that many newest rows of each written customer stay (a recent-rows serving copy). */
  constructor(
    private readonly db: ServingDb,
    private readonly options: { keepPerCustomer?: number } = {},
  ) {
    this.trim = db.prepare<[string, string, number]>(
      `DELETE FROM cs_timeline WHERE customer_id = ? AND (event_time, event_type) < (
         SELECT event_time, event_type FROM cs_timeline WHERE customer_id = ? ORDER BY event_time DESC, event_type DESC LIMIT 1 OFFSET ?)`,
    );
    this.insert = db.prepare(
      'INSERT INTO cs_timeline (customer_id, event_time, event_type, payload) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET payload = excluded.payload',
    );
    this.between = db.prepare<[string, number, number, number], DbRow>(
      'SELECT * FROM cs_timeline WHERE customer_id = ? AND event_time BETWEEN ? AND ? ORDER BY event_time, event_type LIMIT ?',
    );
  }

  async timelinePage(q: TimelineQuery): Promise<TimelineRow[]> {
    const where = ['customer_id = ?'];
    const args: (string | number)[] = [q.customerId];
    if (q.before) {
      where.push('(event_time, event_type) < (?, ?)');
      args.push(q.before.event_time, q.before.event_type);
    }
    if (q.fromMs !== undefined) {
      where.push('event_time >= ?');
      args.push(q.fromMs);
    }
    if (q.toMs !== undefined) {
      where.push('event_time <= ?');
      args.push(q.toMs);
    }
    if (q.kinds && q.kinds.length > 0) {
      const types = EVENT_TYPES.filter((t) => q.kinds!.includes(kindOf(t)));
      where.push(`event_type IN (${types.map(() => '?').join(',')})`);
      args.push(...types);
    }
    args.push(q.limit);
    const sql = `SELECT * FROM cs_timeline WHERE ${where.join(' AND ')} ORDER BY event_time DESC, event_type DESC LIMIT ?`;
    // A handful of shapes exist (filters on/off); prepared statements are cached by their SQL.
    let stmt = this.pageCache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare<unknown[], DbRow>(sql);
      this.pageCache.set(sql, stmt);
    }
    return stmt.all(...args).map(toRow);
  }

  async timelineBetween(customerId: string, fromMs: number, toMs: number, limit: number): Promise<TimelineRow[]> {
    return this.between.all(customerId, fromMs, toMs, limit).map(toRow);
  }

  async caseTimeline(q: CaseTimelineQuery): Promise<CaseTimelineRow[]> {
    const filters: string[] = [];
    const args: (string | number)[] = [q.customerId];
    if (q.before) {
      filters.push('(event_time, event_type) < (?, ?)');
      args.push(q.before.event_time, q.before.event_type);
    }
    if (q.caseId !== undefined) {
      // Case ids name the start to the second; the start itself may carry milliseconds.
      const start = caseIdStart(q.caseId);
      if (start === null) return [];
      filters.push('case_start >= ? AND case_start < ?');
      args.push(start, start + 1000);
    }
    args.push(q.limit);
    const sql = CASE_TIMELINE_SQL(filters.map((f) => ` AND ${f}`).join(''));
    let stmt = this.pageCache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare<unknown[], DbRow>(sql);
      this.pageCache.set(sql, stmt);
    }
    return (stmt.all(...args) as (DbRow & { case_start: number })[]).map((r) => ({
      customer_id: r.customer_id,
      event_type: r.event_type,
      event_time: r.event_time,
      payload: caseTimelinePayload(JSON.parse(r.payload) as Record<string, string>),
      case_id: formatCaseId(r.customer_id, r.case_start),
    }));
  }

  async appendTimeline(rows: TimelineRow[]): Promise<void> {
    const keep = this.options.keepPerCustomer;
    this.db.transaction(() => {
      for (const r of rows) this.insert.run(r.customer_id, r.event_time, r.event_type, JSON.stringify(r.payload));
      if (keep !== undefined) for (const c of new Set(rows.map((r) => r.customer_id))) this.trim.run(c, c, keep - 1);
    })();
  }
}

