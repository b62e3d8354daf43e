import type { MessageFact, TicketFacts } from '../../ports/analyticsStore';
import type { SqlClient } from './ticketSql';

/** Epoch milliseconds as float8: a JS number from both pg and PGlite, exact for millisecond times. */
const msOf = (col: string) => `round(extract(epoch FROM ${col}) * 1000)::float8`;

const TICKET_FACT_SQL = `SELECT t.ticket_id, t.customer_id, t.subject, t.status, t.priority, t.channel, t.assigned_agent_id, a.full_name AS agent_name, a.team,
  ${msOf('t.created_at')} AS created_ms, ${msOf('t.resolved_at')} AS resolved_ms, t.change_seq::float8 AS change_seq
  FROM support_tickets t LEFT JOIN support_agents a ON a.agent_id = t.assigned_agent_id`;

// Internal notes (metadata.internal) are not conversation with the customer: no SLA counts them.
const MESSAGES_SQL = `SELECT ticket_id, author_type, ${msOf('created_at')} AS at, sentiment FROM support_conversations
  WHERE ticket_id = ANY($1::uuid[]) AND author_type IN ('AGENT', 'CUSTOMER') AND (metadata->>'internal') IS DISTINCT FROM 'true'
  ORDER BY ticket_id, created_at, conversation_id`;

export interface TicketFactRow {
  ticket_id: string;
  customer_id: string;
  subject: string;
  status: TicketFacts['status'];
  priority: TicketFacts['priority'];
  channel: string;
  assigned_agent_id: string | null;
  agent_name: string | null;
  team: string | null;
  created_ms: number;
  resolved_ms: number | null;
  change_seq: number;
}

interface MessageRow {
  ticket_id: string;
  author_type: 'AGENT' | 'CUSTOMER';
  at: number;
  sentiment: string | null;
}

export const TICKET_WHERE = {
  openedBetween: 'WHERE t.created_at >= $1::timestamptz AND t.created_at < $2::timestamptz',
  openOrResolvedSince: 'WHERE t.resolved_at IS NULL OR t.resolved_at >= $1::timestamptz',
  changedAfter: 'WHERE t.change_seq > $1 ORDER BY t.change_seq LIMIT $2',
};

/** Ticket rows matching `where`, each with its agent and customer messages oldest first. */
export async function queryFacts(db: SqlClient, where: string, params: unknown[]): Promise<{ row: TicketFactRow; messages: MessageFact[] }[]> {
  const { rows } = await db.query<TicketFactRow>(`${TICKET_FACT_SQL} ${where}`, params);
  if (rows.length === 0) return [];
  const { rows: msgs } = await db.query<MessageRow>(MESSAGES_SQL, [rows.map((r) => r.ticket_id)]);
  const byTicket = new Map<string, MessageFact[]>();
  for (const m of msgs) {
    let list = byTicket.get(m.ticket_id);
    if (!list) byTicket.set(m.ticket_id, (list = []));
    list.push({ author: m.author_type, at: Number(m.at), sentiment: m.sentiment });
  }
  return rows.map((row) => ({ row, messages: byTicket.get(row.ticket_id) ?? [] }));
}

export function toFacts(row: TicketFactRow, messages: MessageFact[]): TicketFacts {
  return {
    ticketId: row.ticket_id,
    customerId: row.customer_id,
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    channel: row.channel,
    agentId: row.assigned_agent_id,
    agentName: row.agent_name,
    team: row.team,
    createdAt: Number(row.created_ms),
    resolvedAt: row.resolved_ms === null ? null : Number(row.resolved_ms),
    messages,
  };
}
