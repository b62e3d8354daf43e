import { kindOf, type EventSource, type EventType } from '../../common/events';
import type { AgentRecord, ConversationRecord, NoteRecord, TicketRecord, TicketStatus } from '../ports/ticketStore';
import type { IdSource } from './demoIds';
import type { Rng } from './rng';

const SOURCE_OF: Record<ReturnType<typeof kindOf>, EventSource> = {
  ORDER: 'orders_cdc',
  PAYMENT: 'payments_cdc',
  SHIPMENT: 'logistics',
  TICKET: 'support.tickets',
  NOTE: 'support_notes',
  FRAUD: 'fraud',
};

/**
 * An event before it has a time. Stories are written with offsets (a burst some hours or days after
 * the story starts, then seconds or minutes within the burst); the customer's history places them.
 * Records are shared with the draft so they take the event's final time.
 */
export interface Draft {
  story: number;
  burst: number;
  dt: number;
  t: number;
  type: EventType;
  source: EventSource;
  payload: Record<string, string>;
  ticket: TicketRecord | undefined;
  message: ConversationRecord | undefined;
  note: NoteRecord | undefined;
  /** Waits on staffing: shifted by the lag of this ticket.opened draft's hour (customerHistory.ts). */
  lagFrom?: Draft;
  /** On a ticket.opened draft: the staffing lag its conversation got, once drawn. */
  lagMs?: number;
}

export interface AgentTeam {
  agents: AgentRecord[];
  supervisors: AgentRecord[];
}

/** What a story builder needs to know about the customer and the world. */
export interface StoryContext {
  rng: Rng;
  ids: IdSource;
  customerId: string;
  reseller: boolean;
  team: AgentTeam;
  /** Chance that a delivered order leads to a ticket. */
  ticketP: number;
  fraudP: number;
  /** Multiplies each scenario's escalation chance (the live trickle escalates more, to be seen). */
  escalationBoost: number;
}

export interface Position {
  burst: number;
  dt: number;
}

/** Writes one story's drafts into the customer's list. */
export class Story {
  private burst = 0;
  private dt = 0;

  constructor(
    private readonly rng: Rng,
    private readonly out: Draft[],
    private readonly index: number,
  ) {}

  /** Starts a burst `ms` after the story's start. */
  burstAt(ms: number): this {
    this.burst = ms;
    this.dt = 0;
    return this;
  }

  /** Time passes within the burst; the random milliseconds keep events of a customer apart. */
  wait(loMs: number, hiMs: number): this {
    this.dt += this.rng.int(loMs, hiMs);
    return this;
  }

  get position(): Position {
    return { burst: this.burst, dt: this.dt };
  }

  moveTo(p: Position): this {
    this.burst = p.burst;
    this.dt = p.dt;
    return this;
  }

  add(type: EventType, payload: Record<string, string>, records?: { ticket?: TicketRecord; message?: ConversationRecord; note?: NoteRecord }): Draft {
    const d: Draft = {
      story: this.index,
      burst: this.burst,
      dt: this.dt,
      t: 0,
      type,
      source: SOURCE_OF[kindOf(type)],
      payload,
      ticket: records?.ticket,
      message: records?.message,
      note: records?.note,
    };
    this.out.push(d);
    return d;
  }
}

const PRIORITY_RANK = { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 } as const;

/**
 * Gives a draft its final time and brings its records up to date: the ticket record ends up as
 * the ticket's state after its last event, messages and notes carry the event's time.
 */
export function settleDraft(d: Draft, t: number): void {
  d.t = t;
  if (d.message) d.message.created_at = t;
  if (d.note) d.note.created_at = t;
  const r = d.ticket;
  if (!r) return;
  const p = d.payload;
  if (d.type === 'ticket.opened') r.created_at = t;
  else if (d.type === 'ticket.message' && p.author_type === 'AGENT') {
    r.first_response_at ??= t;
    r.assigned_agent_id ??= p.agent_id ?? null;
  } else if (d.type === 'ticket.escalated') {
    if (p.agent_id) r.assigned_agent_id = p.agent_id;
    const priority = p.priority as TicketRecord['priority'] | undefined;
    if (priority && PRIORITY_RANK[priority] > PRIORITY_RANK[r.priority]) r.priority = priority;
  }
  r.updated_at = t;
  if (p.status) r.status = p.status as TicketStatus;
}
