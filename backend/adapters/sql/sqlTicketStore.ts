import type { ActivityRecord, AgentRecord, AuditFilter, AuditRecord, AgentWorkload, ConversationRecord, NoteRecord, TicketChanges, TicketRecord, TicketStatus, TicketStore } from '../../ports/ticketStore';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations';
import { COLUMNS, TICKET_UPSERT, agentValues, insertMany, messageValues, noteValues, ticketValues, toAgent, toMessage, toTicket, workloadQuery, type SqlClient } from './ticketSql';

/** Applies pending migrations in order, each in its own transaction. */
export async function migrate(client: SqlClient & { exec?(sql: string): Promise<unknown> }): Promise<string[]> {
  await client.query(MIGRATIONS_TABLE);
  const { rows } = await client.query<{ id: string }>('SELECT id FROM schema_migrations');
  const done = new Set(rows.map((r) => r.id));
  const applied: string[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.id)) continue;
    // Multi-statement scripts need the simple-query protocol (exec in PGlite, a parameterless query in pg).
    if (client.exec) await client.exec(`BEGIN; ${m.sql}; INSERT INTO schema_migrations (id) VALUES ('${m.id}'); COMMIT;`);
    else await client.query(`BEGIN; ${m.sql}; INSERT INTO schema_migrations (id) VALUES ('${m.id}'); COMMIT;`);
    applied.push(m.id);
  }
  return applied;
}

/** TicketStore over any PostgreSQL-speaking client (PGlite embedded, pg in stack mode). */
export class SqlTicketStore implements TicketStore {
  /** inTransaction: this store is bound to an open transaction's connection (nested calls join it). */
  constructor(
    private readonly db: SqlClient,
    private readonly inTransaction = false,
  ) {}

  async transaction<T>(fn: (tx: TicketStore) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    if (!this.db.transaction) throw new Error('this SQL client cannot run transactions');
    return this.db.transaction((tx) => fn(new SqlTicketStore(tx, true)));
  }

  async lockTicket(ticketId: string): Promise<TicketRecord | null> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT * FROM support_tickets WHERE ticket_id = $1 FOR UPDATE', [ticketId]);
    return rows[0] ? toTicket(rows[0]) : null;
  }

  async updateTicket(ticketId: string, changes: TicketChanges, atMs: number): Promise<void> {
    const sets = ['updated_at = $2::timestamptz'];
    const params: unknown[] = [ticketId, new Date(atMs).toISOString()];
    if (changes.status !== undefined) {
      params.push(changes.status);
      const p = `$${params.length}::varchar`;
      // resolved_at: set by the first resolution, kept by a later CLOSED, cleared by a reopen.
      sets.push(`status = ${p}`, `resolved_at = CASE WHEN ${p} IN ('RESOLVED', 'CLOSED') THEN COALESCE(resolved_at, $2::timestamptz) ELSE NULL END`);
    }
    if (changes.assigned_agent_id !== undefined) {
      params.push(changes.assigned_agent_id);
      sets.push(`assigned_agent_id = $${params.length}::uuid`);
    }
    if (changes.priority_hint !== undefined) {
      params.push(changes.priority_hint);
      sets.push(`priority_hint = $${params.length}::varchar`);
    }
    await this.db.query(`UPDATE support_tickets SET ${sets.join(', ')} WHERE ticket_id = $1`, params);
  }

  async listActivity(ticketId: string): Promise<ActivityRecord[]> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT agent_id, ticket_id, action, at, details FROM support_agent_activity WHERE ticket_id = $1 ORDER BY at, activity_id', [ticketId]);
    return rows.map((r) => ({
      agent_id: r.agent_id as string,
      ticket_id: (r.ticket_id as string | null) ?? null,
      action: r.action as string,
      at: r.at instanceof Date ? r.at.getTime() : new Date(String(r.at)).getTime(),
      details: (r.details as Record<string, unknown> | null) ?? null,
    }));
  }

  async listAudit(filter: AuditFilter, limit: number): Promise<AuditRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.agentId !== undefined) add('a.agent_id = ?', filter.agentId);
    if (filter.action !== undefined) add('a.action = ?', filter.action);
    if (filter.customerId !== undefined) {
      params.push(filter.customerId);
      const p = `$${params.length}`;
      where.push(`(a.details->>'customer_id' = ${p} OR a.ticket_id IN (SELECT ticket_id FROM support_tickets WHERE customer_id = ${p}))`);
    }
    if (filter.from !== undefined) add('a.at >= ?::timestamptz', new Date(filter.from).toISOString());
    if (filter.to !== undefined) add('a.at < ?::timestamptz', new Date(filter.to).toISOString());
    params.push(limit);
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT a.activity_id, a.agent_id, a.ticket_id, a.action, a.at, a.details FROM support_agent_activity a ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.at DESC, a.activity_id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      activity_id: String(r.activity_id),
      agent_id: String(r.agent_id),
      ticket_id: (r.ticket_id as string | null) ?? null,
      action: r.action as string,
      at: r.at instanceof Date ? r.at.getTime() : new Date(String(r.at)).getTime(),
      details: (r.details as Record<string, unknown> | null) ?? null,
    }));
  }

  async listAgents(): Promise<AgentRecord[]> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT * FROM support_agents ORDER BY role, full_name');
    return rows.map(toAgent);
  }

  async getAgent(agentId: string): Promise<AgentRecord | null> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT * FROM support_agents WHERE agent_id = $1', [agentId]);
    return rows[0] ? toAgent(rows[0]) : null;
  }

  async getTicket(ticketId: string): Promise<TicketRecord | null> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT * FROM support_tickets WHERE ticket_id = $1', [ticketId]);
    return rows[0] ? toTicket(rows[0]) : null;
  }

  async getTickets(ticketIds: string[]): Promise<TicketRecord[]> {
    if (ticketIds.length === 0) return [];
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT * FROM support_tickets WHERE ticket_id = ANY($1::uuid[]) ORDER BY created_at', [ticketIds]);
    return rows.map(toTicket);
  }

  async listTicketsByCustomer(customerId: string, limit: number): Promise<TicketRecord[]> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT * FROM support_tickets WHERE customer_id = $1 ORDER BY created_at DESC LIMIT $2', [customerId, limit]);
    return rows.map(toTicket);
  }

  async listMessages(ticketId: string): Promise<ConversationRecord[]> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT * FROM support_conversations WHERE ticket_id = $1 ORDER BY created_at, conversation_id', [ticketId]);
    return rows.map(toMessage);
  }

  async createTicket(t: TicketRecord): Promise<TicketRecord> {
    await insertMany(this.db, 'support_tickets', COLUMNS.tickets, [ticketValues(t)]);
    return t;
  }

  async addMessage(m: ConversationRecord): Promise<ConversationRecord> {
    await insertMany(this.db, 'support_conversations', COLUMNS.messages, [messageValues(m)]);
    // An internal note is not an answer to the customer: it never counts as the first response.
    if (m.author_type === 'AGENT' && m.metadata?.internal !== true) {
      await this.db.query('UPDATE support_tickets SET first_response_at = COALESCE(first_response_at, $2::timestamptz), updated_at = $2::timestamptz WHERE ticket_id = $1', [
        m.ticket_id,
        new Date(m.created_at).toISOString(),
      ]);
    } else {
      await this.db.query('UPDATE support_tickets SET updated_at = $2::timestamptz WHERE ticket_id = $1', [m.ticket_id, new Date(m.created_at).toISOString()]);
    }
    return m;
  }

  async updateTicketStatus(ticketId: string, status: TicketStatus, atMs: number): Promise<void> {
    // resolved_at: set by the first resolution, kept by a later CLOSED, cleared by a reopen.
    await this.db.query(
      `UPDATE support_tickets SET status = $2::varchar, updated_at = $3::timestamptz,
         resolved_at = CASE WHEN $2::varchar IN ('RESOLVED', 'CLOSED') THEN COALESCE(resolved_at, $3::timestamptz) ELSE NULL END
       WHERE ticket_id = $1`,
      [ticketId, status, new Date(atMs).toISOString()],
    );
  }

  async addNote(n: NoteRecord): Promise<NoteRecord> {
    await insertMany(this.db, 'support_notes', COLUMNS.notes, [noteValues(n)]);
    return n;
  }

  async recordActivity(a: ActivityRecord): Promise<void> {
    await this.db.query('INSERT INTO support_agent_activity (agent_id, ticket_id, action, at, details) VALUES ($1, $2, $3, $4::timestamptz, $5)', [
      a.agent_id,
      a.ticket_id,
      a.action,
      new Date(a.at).toISOString(),
      a.details ? JSON.stringify(a.details) : null,
    ]);
  }

  agentWorkload(agentId: string, nowMs: number): Promise<AgentWorkload> {
    return workloadQuery(this.db, agentId, nowMs);
  }

  async bulkLoad(data: { agents?: AgentRecord[]; tickets?: TicketRecord[]; messages?: ConversationRecord[]; notes?: NoteRecord[] }): Promise<void> {
    // Order matters: conversations reference tickets, tickets reference agents.
    if (data.agents?.length) await insertMany(this.db, 'support_agents', COLUMNS.agents, data.agents.map(agentValues));
    if (data.tickets?.length) await insertMany(this.db, 'support_tickets', COLUMNS.tickets, data.tickets.map(ticketValues), TICKET_UPSERT);
    if (data.messages?.length) await insertMany(this.db, 'support_conversations', COLUMNS.messages, data.messages.map(messageValues));
    if (data.notes?.length) await insertMany(this.db, 'support_notes', COLUMNS.notes, data.notes.map(noteValues));
  }
}
