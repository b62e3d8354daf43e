import type { Statement } from 'better-sqlite3';
import type { AnalyticsStore, MessageFact, TicketFacts } from '../../ports/analyticsStore';
import { TICKET_WHERE, queryFacts } from '../sql/analyticsSql';
import type { SqlClient } from '../sql/ticketSql';
import { readMeta, writeMeta, type ServingDb } from '../local/servingDb';

/**
 * The embedded analytical engine of the SLA dashboards: one SQLite row per ticket (its messages
 * packed in the row) in the serving database, a replica of the tickets database (PGlite). Reading a
 * range is one index scan, where PGlite needs a join over every message (measured in
 * docs/decisions.md). Before each read it pulls what changed since its watermark (the tickets'
 * change_seq, migration 003), so answers are as fresh as the tickets database; the replica
 * persists, so a restart pulls only the changes.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS sla_ticket (
  ticket_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  subject TEXT NOT NULL,
  status TEXT NOT NULL,
  priority TEXT NOT NULL,
  channel TEXT NOT NULL,
  agent_id TEXT,
  created_at INTEGER NOT NULL,
  resolved_at INTEGER,
  -- JSON [[author 'A' | 'C', epoch ms, sentiment | null], …], oldest first.
  messages TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sla_ticket_created ON sla_ticket (created_at);
CREATE INDEX IF NOT EXISTS sla_ticket_resolved ON sla_ticket (resolved_at);
CREATE TABLE IF NOT EXISTS sla_agent (agent_id TEXT PRIMARY KEY, full_name TEXT NOT NULL, team TEXT) WITHOUT ROWID;
`;
const WATERMARK = 'sla.replica.changeSeq';
/** Tickets per pull: bounds the message query's id list and each SQLite transaction. */
const BATCH = 5000;

interface Row {
  ticket_id: string;
  customer_id: string;
  subject: string;
  status: TicketFacts['status'];
  priority: TicketFacts['priority'];
  channel: string;
  agent_id: string | null;
  full_name: string | null;
  team: string | null;
  created_at: number;
  resolved_at: number | null;
  messages: string;
}

const SELECT = `SELECT t.*, a.full_name, a.team FROM sla_ticket t LEFT JOIN sla_agent a ON a.agent_id = t.agent_id`;

function unpack(json: string): MessageFact[] {
  return (JSON.parse(json) as [string, number, string | null][]).map(([a, at, sentiment]) => ({ author: a === 'A' ? 'AGENT' : 'CUSTOMER', at, sentiment }));
}
const toFacts = (r: Row): TicketFacts => ({
  ticketId: r.ticket_id,
  customerId: r.customer_id,
  subject: r.subject,
  status: r.status,
  priority: r.priority,
  channel: r.channel,
  agentId: r.agent_id,
  agentName: r.full_name,
  team: r.team,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
  messages: unpack(r.messages),
});

export class SqliteAnalyticsStore implements AnalyticsStore {
  private readonly upsert: Statement;
  private readonly upsertAgent: Statement;
  private readonly opened: Statement<[number, number], Row>;
  private readonly current: Statement<[number], Row>;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    private readonly db: ServingDb,
    /** The tickets database (PGlite), with migrations applied. */
    private readonly source: SqlClient,
  ) {
    db.exec(SCHEMA);
    this.upsert = db.prepare(
      `INSERT INTO sla_ticket (ticket_id, customer_id, subject, status, priority, channel, agent_id, created_at, resolved_at, messages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (ticket_id) DO UPDATE SET status = excluded.status, priority = excluded.priority, channel = excluded.channel, agent_id = excluded.agent_id,
         created_at = excluded.created_at, resolved_at = excluded.resolved_at, messages = excluded.messages, subject = excluded.subject`,
    );
    this.upsertAgent = db.prepare('INSERT INTO sla_agent (agent_id, full_name, team) VALUES (?, ?, ?) ON CONFLICT (agent_id) DO UPDATE SET full_name = excluded.full_name, team = excluded.team');
    this.opened = db.prepare(`${SELECT} WHERE t.created_at >= ? AND t.created_at < ?`);
    this.current = db.prepare(`${SELECT} WHERE t.resolved_at IS NULL OR t.resolved_at >= ?`);
  }

  async ticketFacts(fromMs: number, toMs: number): Promise<TicketFacts[]> {
    await this.sync();
    return this.opened.all(fromMs, toMs).map(toFacts);
  }

  async currentFacts(resolvedSinceMs: number): Promise<TicketFacts[]> {
    await this.sync();
    return this.current.all(resolvedSinceMs).map(toFacts);
  }

  /**
   * Brings the replica up to date. One pull at a time; a caller arriving during a pull waits for
   * the next one (which starts after it), so it sees every write committed before it asked.
   */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.pull().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.sync();
      });
    return this.queued;
  }

  private async pull(): Promise<void> {
    let seq = Number(readMeta(this.db, WATERMARK) ?? 0);
    let agentsFresh = false;
    for (;;) {
      const batch = await queryFacts(this.source, TICKET_WHERE.changedAfter, [seq, BATCH]);
      if (batch.length === 0 && agentsFresh) break;
      if (!agentsFresh) {
        // Agents change rarely and are few: refreshed whenever tickets changed (new assignments) or on the first pull.
        if (batch.length === 0 && this.db.prepare('SELECT 1 FROM sla_agent LIMIT 1').get()) break;
        const { rows } = await this.source.query<{ agent_id: string; full_name: string; team: string | null }>('SELECT agent_id, full_name, team FROM support_agents');
        this.db.transaction(() => {
          for (const a of rows) this.upsertAgent.run(a.agent_id, a.full_name, a.team);
        })();
        agentsFresh = true;
        if (batch.length === 0) break;
      }
      this.db.transaction(() => {
        for (const { row: r, messages } of batch) {
          const packed = JSON.stringify(messages.map((m) => [m.author === 'AGENT' ? 'A' : 'C', m.at, m.sentiment]));
          this.upsert.run(r.ticket_id, r.customer_id, r.subject, r.status, r.priority, r.channel, r.assigned_agent_id, r.created_ms, r.resolved_ms, packed);
          seq = Math.max(seq, r.change_seq);
        }
        writeMeta(this.db, WATERMARK, String(seq));
      })();
      if (batch.length < BATCH) break;
    }
  }
}
