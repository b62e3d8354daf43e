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
  recordActivity(a: { agent_id: string; ticket_id: string | null; action: string; at: number; details?: Record<string, unknown> }): Promise<void>;
  agentWorkload(agentId: string, nowMs: number): Promise<AgentWorkload>;
  /** Bulk load for the demo generator and live trickle; far faster than one insert per row. Idempotent; a ticket loaded again takes its newer state. */
  bulkLoad(data: { agents?: AgentRecord[]; tickets?: TicketRecord[]; messages?: ConversationRecord[]; notes?: NoteRecord[] }): Promise<void>;
}
