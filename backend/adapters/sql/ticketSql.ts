import type { AgentRecord, AgentWorkload, ConversationRecord, NoteRecord, TicketRecord, TicketStatus } from '../../ports/ticketStore';

/**
 * SQL and row mapping shared by the PGlite (embedded) and pg (stack) Tickets adapters: both speak
 * PostgreSQL, so only the connection differs.
 */
export interface SqlClient {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /**
   * Runs fn on one connection inside BEGIN … COMMIT (ROLLBACK and rethrow on a throw). PGlite:
   * its own transaction(), which holds the single connection; pg: a pooled client.
   */
  transaction?<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}

const ms = (v: unknown): number => (v instanceof Date ? v.getTime() : new Date(String(v)).getTime());
const msOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : ms(v));
const iso = (v: number | null): string | null => (v === null ? null : new Date(v).toISOString());

type Row = Record<string, unknown>;
export const toTicket = (r: Row): TicketRecord => ({
  ticket_id: r.ticket_id as string,
  customer_id: r.customer_id as string,
  subject: r.subject as string,
  status: r.status as TicketStatus,
  priority: r.priority as TicketRecord['priority'],
  channel: r.channel as TicketRecord['channel'],
  assigned_agent_id: (r.assigned_agent_id as string | null) ?? null,
  created_at: ms(r.created_at),
  updated_at: ms(r.updated_at),
  first_response_at: msOrNull(r.first_response_at),
  order_id: (r.order_id as string | null | undefined) ?? null,
  priority_hint: (r.priority_hint as TicketRecord['priority'] | null | undefined) ?? null,
});
export const toMessage = (r: Row): ConversationRecord => ({
  conversation_id: r.conversation_id as string,
  ticket_id: r.ticket_id as string,
  author_type: r.author_type as ConversationRecord['author_type'],
  message: r.message as string,
  created_at: ms(r.created_at),
  attachment_uri: (r.attachment_uri as string | null) ?? null,
  sentiment: (r.sentiment as string | null) ?? null,
  metadata: (r.metadata as Record<string, unknown> | null) ?? null,
});
export const toAgent = (r: Row): AgentRecord => ({
  agent_id: r.agent_id as string,
  full_name: r.full_name as string,
  role: r.role as AgentRecord['role'],
  email: r.email as string,
  team: (r.team as string | null | undefined) ?? null,
});

const TICKET_COLS = ['ticket_id', 'customer_id', 'subject', 'status', 'priority', 'channel', 'assigned_agent_id', 'created_at', 'updated_at', 'first_response_at', 'resolved_at', 'order_id', 'priority_hint'] as const;
const MESSAGE_COLS = ['conversation_id', 'ticket_id', 'author_type', 'message', 'created_at', 'attachment_uri', 'sentiment', 'metadata'] as const;
const NOTE_COLS = ['note_id', 'customer_id', 'ticket_id', 'agent_id', 'body', 'created_at'] as const;
const AGENT_COLS = ['agent_id', 'full_name', 'email', 'role', 'team'] as const;

/** A record is the ticket's latest state, so a resolved one was resolved at its last update. */
const resolvedAt = (t: TicketRecord): number | null => (t.status === 'RESOLVED' || t.status === 'CLOSED' ? t.updated_at : null);
export const ticketValues = (t: TicketRecord): unknown[] => [
  t.ticket_id, t.customer_id, t.subject, t.status, t.priority, t.channel, t.assigned_agent_id, iso(t.created_at), iso(t.updated_at), iso(t.first_response_at), iso(resolvedAt(t)),
  t.order_id ?? null, t.priority_hint ?? null,
];
export const messageValues = (m: ConversationRecord): unknown[] => [
  m.conversation_id, m.ticket_id, m.author_type, m.message, iso(m.created_at), m.attachment_uri, m.sentiment, m.metadata === null ? null : JSON.stringify(m.metadata),
];
export const noteValues = (n: NoteRecord): unknown[] => [n.note_id, n.customer_id, n.ticket_id, n.agent_id, n.body, iso(n.created_at)];
export const agentValues = (a: AgentRecord): unknown[] => [a.agent_id, a.full_name, a.email, a.role, a.team ?? null];

/** INSERT … VALUES ($1…),($n…) ON CONFLICT … — idempotent bulk load, chunked under PostgreSQL's 65,535-parameter limit. */
export async function insertMany(client: SqlClient, table: string, cols: readonly string[], rows: unknown[][], onConflict = 'ON CONFLICT DO NOTHING'): Promise<void> {
  const perChunk = Math.floor(30_000 / cols.length);
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const base = params.length;
      params.push(...row);
      return `(${row.map((_, i) => `$${base + i + 1}`).join(',')})`;
    });
    await client.query(`INSERT INTO ${table} (${cols.join(',')}) VALUES ${tuples.join(',')} ${onConflict}`, params);
  }
}

/** A ticket loaded again in a newer state (a live escalation or resolution) takes it; an older state is ignored; the first response is kept. */
export const TICKET_UPSERT = `ON CONFLICT (ticket_id) DO UPDATE SET status = EXCLUDED.status, priority = EXCLUDED.priority, assigned_agent_id = EXCLUDED.assigned_agent_id,
  updated_at = GREATEST(support_tickets.updated_at, EXCLUDED.updated_at), first_response_at = COALESCE(support_tickets.first_response_at, EXCLUDED.first_response_at),
  resolved_at = CASE WHEN EXCLUDED.resolved_at IS NULL THEN NULL ELSE COALESCE(support_tickets.resolved_at, EXCLUDED.resolved_at) END
  WHERE EXCLUDED.updated_at >= support_tickets.updated_at`;

export const COLUMNS = { tickets: TICKET_COLS, messages: MESSAGE_COLS, notes: NOTE_COLS, agents: AGENT_COLS };

export async function workloadQuery(client: SqlClient, agentId: string, nowMs: number): Promise<AgentWorkload> {
  const { rows } = await client.query<{ open: number | string; escalated: number | string; resolved: number | string; avg_first: number | string | null }>(
    `SELECT
       count(*) FILTER (WHERE status IN ('OPEN', 'PENDING', 'ESCALATED')) AS open,
       count(*) FILTER (WHERE status = 'ESCALATED') AS escalated,
       count(*) FILTER (WHERE status IN ('RESOLVED', 'CLOSED') AND updated_at >= $2::timestamptz - interval '7 days') AS resolved,
       avg(extract(epoch FROM first_response_at - created_at)) FILTER (WHERE first_response_at IS NOT NULL) AS avg_first
     FROM support_tickets WHERE assigned_agent_id = $1`,
    [agentId, new Date(nowMs).toISOString()],
  );
  const r = rows[0];
  return {
    agent_id: agentId,
    open_tickets: Number(r?.open ?? 0),
    escalated_tickets: Number(r?.escalated ?? 0),
    resolved_last_7d: Number(r?.resolved ?? 0),
    avg_first_response_seconds: r?.avg_first === null || r?.avg_first === undefined ? null : Math.round(Number(r.avg_first)),
  };
}
