import { EVENT_TYPES, kindOf, type EventType } from '../../../common/events';
import type { TimelineRow } from '../../../common/model';
import type { HistoryStore, TimelineQuery } from '../../ports/historyStore';
import type { Statement } from 'better-sqlite3';
import type { ServingDb } from './servingDb';

interface DbRow {
  customer_id: string;
  event_time: number;
  event_type: EventType;
  payload: string;
}
const toRow = (r: DbRow): TimelineRow => ({ ...r, payload: JSON.parse(r.payload) as Record<string, string> });

/** cs_timeline on SQLite; the clustered primary key makes a newest-first keyset page one index range scan. */
export class SqliteHistoryStore implements HistoryStore {
  private readonly insert;
  private readonly between;
  private readonly pageCache = new Map<string, Statement<unknown[], DbRow>>();

  constructor(private readonly db: ServingDb) {
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

  async appendTimeline(rows: TimelineRow[]): Promise<void> {
    this.db.transaction(() => {
      for (const r of rows) this.insert.run(r.customer_id, r.event_time, r.event_type, JSON.stringify(r.payload));
    })();
  }
}
