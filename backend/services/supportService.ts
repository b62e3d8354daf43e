import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import { CUSTOMER_ID } from '../../common/ids';
import { SCHEMA_VERSION, type EventEnvelope } from '../../common/events';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/policy';
import type { CaseStore } from '../ports/caseStore';
import type { EventBus } from '../ports/eventBus';
import type { AgentWorkload, ConversationRecord, TicketRecord, TicketStore } from '../ports/ticketStore';
import { uuidInput } from './inputs';
import type { TicketView } from './caseService';
import type { TimelinePage, TimelineService } from './timelineService';
import type { SupportMetrics } from './supportMetrics';

export const ticketCreateSchema = z
  .object({
    customerId: z.string().regex(CUSTOMER_ID, 'must look like C0001234'),
    subject: z.string().trim().min(3).max(200),
    message: z.string().trim().min(1).max(10_000),
    channel: z.enum(['EMAIL', 'CHAT', 'PHONE', 'ZALO', 'FACEBOOK']).default('PHONE'),
    priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']).default('NORMAL'),
  })
  .strict();
export const messageCreateSchema = z.object({ message: z.string().trim().min(1).max(10_000) }).strict();
export const escalateSchema = z.object({ reason: z.string().trim().min(3).max(1000) }).strict();

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    throw new AppError('INVALID_INPUT', `${field}: ${issue?.message ?? 'invalid'}`, { field });
  }
  return r.data;
}

/** The seed-002 support use cases behind the REST endpoints (and the postMessage mutation). */
export class SupportService {
  constructor(
    private readonly tickets: TicketStore,
    private readonly cases: CaseStore,
    private readonly bus: EventBus,
    private readonly timeline: TimelineService,
    private readonly metrics: SupportMetrics,
    private readonly now: () => number = Date.now,
  ) {}

  async createCase(principal: Principal | null, body: unknown): Promise<TicketView> {
    const who = authorize(principal, 'ticket:create');
    const input = parseBody(ticketCreateSchema, body);
    if (!(await this.cases.getCustomer(input.customerId))) throw new AppError('NOT_FOUND', `No customer ${input.customerId}`, { customerId: input.customerId });
    const at = this.now();
    const ticket: TicketRecord = {
      ticket_id: randomUUID(),
      customer_id: input.customerId,
      subject: input.subject,
      status: 'OPEN',
      priority: input.priority,
      channel: input.channel,
      assigned_agent_id: who.role === 'AGENT' ? who.id : null,
      created_at: at,
      updated_at: at,
      first_response_at: null,
    };
    await this.tickets.createTicket(ticket);
    const first = await this.tickets.addMessage(message(ticket.ticket_id, 'CUSTOMER', input.message, at));
    await this.tickets.recordActivity({ agent_id: who.id, ticket_id: ticket.ticket_id, action: 'TICKET_CREATED', at });
    this.metrics.ticketCreated(ticket.channel);
    await this.bus.publish('support.case.opened', { ticket_id: ticket.ticket_id, customer_id: ticket.customer_id, opened_at: at, channel: ticket.channel }, ticket.customer_id);
    await this.publish(ticket, 'ticket.opened', at, { status: 'OPEN', subject: ticket.subject, priority: ticket.priority, channel: ticket.channel });
    await this.publish(ticket, 'ticket.message', at + 1, { author_type: 'CUSTOMER', message: input.message, conversation_id: first.conversation_id });
    return { ...ticket, messages: [first] };
  }

  async getCase(principal: Principal | null, rawTicketId: unknown, includeTimeline: boolean): Promise<TicketView & { timeline?: TimelinePage }> {
    authorize(principal, 'ticket:read');
    const ticket = await this.requireTicket(uuidInput(rawTicketId, 'ticket_id'));
    const messages = await this.tickets.listMessages(ticket.ticket_id);
    if (!includeTimeline) return { ...ticket, messages };
    // vw_support_case_timeline: the customer's orders, payments and shipments, cached 60 s by the timeline service.
    const timeline = await this.timeline.casePage(principal, { ticketId: ticket.ticket_id, customerId: ticket.customer_id, first: 50 });
    return { ...ticket, messages, timeline };
  }

  async postMessage(principal: Principal | null, rawTicketId: unknown, body: unknown): Promise<ConversationRecord> {
    const who = authorize(principal, 'message:write');
    const ticket = await this.requireTicket(uuidInput(rawTicketId, 'ticket_id'));
    const input = parseBody(messageCreateSchema, body);
    const at = this.now();
    const m = await this.tickets.addMessage({ ...message(ticket.ticket_id, 'AGENT', input.message, at), metadata: { agent_id: who.id } });
    if (ticket.first_response_at === null) this.metrics.firstResponse((at - ticket.created_at) / 1000);
    await this.tickets.recordActivity({ agent_id: who.id, ticket_id: ticket.ticket_id, action: 'MESSAGE_SENT', at });
    await this.publish(ticket, 'ticket.message', at, { author_type: 'AGENT', message: input.message, conversation_id: m.conversation_id, agent_id: who.id });
    return m;
  }

  /** Escalates a ticket: status ESCALATED, the agent's activity, and ticket.escalated on cs.events (the pipeline raises TICKET_ESCALATED). */
  async escalate(principal: Principal | null, rawTicketId: unknown, body: unknown): Promise<TicketRecord> {
    const who = authorize(principal, 'message:write');
    const ticket = await this.requireTicket(uuidInput(rawTicketId, 'ticket_id'));
    const input = parseBody(escalateSchema, body);
    if (ticket.status === 'RESOLVED' || ticket.status === 'CLOSED') throw new AppError('INVALID_INPUT', `Ticket ${ticket.ticket_id} is ${ticket.status}`, { field: 'ticket_id' });
    const at = this.now();
    await this.tickets.updateTicketStatus(ticket.ticket_id, 'ESCALATED', at);
    await this.tickets.recordActivity({ agent_id: who.id, ticket_id: ticket.ticket_id, action: 'TICKET_ESCALATED', at, details: { reason: input.reason } });
    const escalated: TicketRecord = { ...ticket, status: 'ESCALATED', updated_at: at };
    await this.publish(escalated, 'ticket.escalated', at, {
      reason: input.reason,
      priority: ticket.priority,
      agent_id: ticket.assigned_agent_id ?? '',
      escalated_by: who.id,
    });
    return escalated;
  }

  async workload(principal: Principal | null, rawAgentId: unknown): Promise<AgentWorkload> {
    const agentId = uuidInput(rawAgentId, 'agent_id');
    authorize(principal, 'workload:read', { ownerAgentId: agentId });
    if (!(await this.tickets.getAgent(agentId))) throw new AppError('NOT_FOUND', `No agent ${agentId}`, { agent_id: agentId });
    return this.tickets.agentWorkload(agentId, this.now());
  }

  private async requireTicket(id: string): Promise<TicketRecord> {
    const t = await this.tickets.getTicket(id);
    if (!t) throw new AppError('NOT_FOUND', `No ticket ${id}`, { ticket_id: id });
    return t;
  }

  private publish(ticket: TicketRecord, type: EventEnvelope['type'], at: number, extra: Record<string, string>): Promise<void> {
    const event: EventEnvelope = {
      id: `${type}-${randomUUID()}`,
      type,
      customer_id: ticket.customer_id,
      event_time: new Date(at).toISOString(),
      source: 'support.tickets',
      payload: { ticket_id: ticket.ticket_id, status: ticket.status, subject: ticket.subject, ...extra },
      schema_version: SCHEMA_VERSION,
    };
    return this.bus.publish('cs.events', event, ticket.customer_id);
  }
}

function message(ticketId: string, author: ConversationRecord['author_type'], text: string, at: number): ConversationRecord {
  return { conversation_id: randomUUID(), ticket_id: ticketId, author_type: author, message: text, created_at: at, attachment_uri: null, sentiment: null, metadata: null };
}
