import type { TicketRecord, TicketStatus } from './ticketStore';

/** A message as the SLA metrics see it. Bot messages are left out: they neither answer nor wait. */
export interface MessageFact {
  author: 'AGENT' | 'CUSTOMER';
  at: number;
  sentiment: string | null;
}

/** One ticket, compact: what backend/services/slaMetrics.ts needs to compute every SLA and workload figure. */
export interface TicketFacts {
  ticketId: string;
  customerId: string;
  subject: string;
  status: TicketStatus;
  priority: TicketRecord['priority'];
  channel: string;
  agentId: string | null;
  agentName: string | null;
  team: string | null;
  createdAt: number;
  /** When it was resolved or closed; null while it is open (also after a reopen). */
  resolvedAt: number | null;
  /** Agent and customer messages, oldest first. */
  messages: readonly MessageFact[];
}

/**
 * The analytics half of the History/Analytics port (architecture.md): facts for the SLA and
 * workload dashboards. Adapters fetch; they never define a metric (slaMetrics.ts does).
 * Embedded: a SQLite replica of the tickets database; stack: PostgreSQL (the Tickets database) directly.
 */
export interface AnalyticsStore {
  /** Tickets opened in [fromMs, toMs), any state. */
  ticketFacts(fromMs: number, toMs: number): Promise<TicketFacts[]>;
  /** Tickets open now, or resolved at or after resolvedSinceMs, whenever they were opened. */
  currentFacts(resolvedSinceMs: number): Promise<TicketFacts[]>;
}
