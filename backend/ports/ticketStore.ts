export type TicketStatus = 'OPEN' | 'PENDING' | 'ESCALATED' | 'RESOLVED' | 'CLOSED';
export type AuthorType = 'AGENT' | 'CUSTOMER' | 'BOT';

export interface TicketRecord {
  ticket_id: string;
  customer_id: string;
  subject: string;
  status: TicketStatus;
  priority: 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
  channel: 'EMAIL' | 'CHAT' | 'PHONE' | 'ZALO' | 'FACEBOOK';
  assigned_agent_id: string | null;
  created_at: number;
  updated_at: number;
  first_response_at: number | null;
  /** The customer's order the case was opened about (issue 11); null or absent: none. */
  order_id?: string | null;
  /** A priority raised from the customer's sentiment (SP-04), e.g. HIGH after a NEGATIVE message; null: none. */
  priority_hint?: TicketRecord['priority'] | null;
}

/** What a ticket update may change; absent keys stay as they are. */
export interface TicketChanges {
  status?: TicketStatus;
  /** null: unassigned. */
  assigned_agent_id?: string | null;
  priority_hint?: TicketRecord['priority'] | null;
}

export interface ActivityRecord {
  agent_id: string;
  ticket_id: string | null;
  action: string;
  at: number;
  details?: Record<string, unknown> | null;
}

export interface AuditRecord extends ActivityRecord {
  activity_id: string;
}

/** Every field optional; customerId matches details.customer_id (customer reads, unmasks) or the ticket's customer. */
export interface AuditFilter {
  agentId?: string;
  action?: string;
  customerId?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
}

export interface ConversationRecord {
  conversation_id: string;
  ticket_id: string;
  author_type: AuthorType;
  message: string;
  created_at: number;
  attachment_uri: string | null;
  sentiment: string | null;
  metadata: Record<string, unknown> | null;
}

export interface NoteRecord {
  note_id: string;
  customer_id: string;
  ticket_id: string | null;
  agent_id: string;
  body: string;
  created_at: number;
}

export interface AgentRecord {
  agent_id: string;
  full_name: string;
  role: 'AGENT' | 'SUPERVISOR' | 'ANALYST';
  email: string;
  /** The support team the agent works in (SLA and workload reports group by it); null: none. */
  team?: string | null;
}

export interface AgentWorkload {
  agent_id: string;
  open_tickets: number;
  escalated_tickets: number;
  resolved_last_7d: number;
  avg_first_response_seconds: number | null;
}

/** Tickets, conversations, notes, agents, activity (seed 002 §2). Embedded: PGlite; stack: PostgreSQL. */
export interface TicketStore {
  listAgents(): Promise<AgentRecord[]>;
  getAgent(agentId: string): Promise<AgentRecord | null>;
  getTicket(ticketId: string): Promise<TicketRecord | null>;
  listTicketsByCustomer(customerId: string, limit: number): Promise<TicketRecord[]>;
  getTickets(ticketIds: string[]): Promise<TicketRecord[]>;
  /** Oldest first. */
  listMessages(ticketId: string): Promise<ConversationRecord[]>;
  createTicket(t: TicketRecord): Promise<TicketRecord>;
  addMessage(m: ConversationRecord): Promise<ConversationRecord>;
  updateTicketStatus(ticketId: string, status: TicketStatus, atMs: number): Promise<void>;
  addNote(n: NoteRecord): Promise<NoteRecord>;
  recordActivity(a: ActivityRecord): Promise<void>;
  /** The audit trail (support_agent_activity) for supervisors, newest first; reads only. */
  listAudit(filter: AuditFilter, limit: number): Promise<AuditRecord[]>;
  /** A ticket's activity (support_agent_activity), oldest first. */
  listActivity(ticketId: string): Promise<ActivityRecord[]>;
  /** The ticket, locked until the enclosing transaction ends (SELECT … FOR UPDATE); a plain read outside one. */
  lockTicket(ticketId: string): Promise<TicketRecord | null>;
  /** Status (resolved_at follows it), assignee and priority hint in one statement; updated_at = atMs. */
  updateTicket(ticketId: string, changes: TicketChanges, atMs: number): Promise<void>;
  /**
   * Runs fn in one transaction: every write through `tx` commits together or not at all (a throw
   * rolls back and rethrows). Inside fn use only `tx`: the embedded engine has one connection, so a
   * call on the outer store would wait for the transaction to end. Nested calls join the outer one.
   */
  transaction<T>(fn: (tx: TicketStore) => Promise<T>): Promise<T>;
  agentWorkload(agentId: string, nowMs: number): Promise<AgentWorkload>;
  /** Bulk load for the demo generator and live trickle; far faster than one insert per row. Idempotent; a ticket loaded again takes its newer state. */
  bulkLoad(data: { agents?: AgentRecord[]; tickets?: TicketRecord[]; messages?: ConversationRecord[]; notes?: NoteRecord[] }): Promise<void>;
}
