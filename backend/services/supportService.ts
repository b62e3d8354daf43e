import { AppError } from '../../common/errors';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/policy';
import type { CaseStore } from '../ports/caseStore';
import type { EventBus } from '../ports/eventBus';
import type { AgentRecord, AgentWorkload, ConversationRecord, TicketRecord, TicketStore } from '../ports/ticketStore';
import { uuidInput } from './inputs';
import type { TicketView } from './caseService';
import type { TimelinePage, TimelineService } from './timelineService';
import type { SupportMetrics } from './supportMetrics';
import { assign } from './caseActions/assign';
import type { CaseActionDeps } from './caseActions/context';
import { createCase } from './caseActions/createCase';
import { escalate } from './caseActions/escalate';
import { reply, type AttachmentResolver } from './caseActions/reply';
import { setStatus } from './caseActions/setStatus';

export { parseBody } from './parseBody';
export { ticketCreateSchema } from './caseActions/createCase';
export { escalateSchema } from './caseActions/escalate';

/**
 * The support use cases behind the seed-002 REST endpoints and the case-action mutations. Each
 * action lives in caseActions/ (one file per use case); this class holds their dependencies.
 */
export class SupportService {
  private readonly deps: CaseActionDeps;

  constructor(
    private readonly tickets: TicketStore,
    cases: CaseStore,
    bus: EventBus,
    private readonly timeline: TimelineService,
    metrics: SupportMetrics,
    now: () => number = Date.now,
  ) {
    this.deps = { tickets, cases, bus, timeline, metrics, now };
  }

  createCase(principal: Principal | null, body: unknown): Promise<TicketView> {
    return createCase(this.deps, principal, body);
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

  /** seed 002 POST /support/cases/{id}/messages and the older postMessage mutation: an agent reply without files. */
  postMessage(principal: Principal | null, rawTicketId: unknown, body: unknown): Promise<ConversationRecord> {
    const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
    if (typeof body === 'object' && body !== null && Object.keys(body).some((k) => k !== 'message')) {
      const extra = Object.keys(body).find((k) => k !== 'message');
      throw new AppError('INVALID_INPUT', `${extra}: unrecognized key`, { field: extra });
    }
    return reply(this.deps, principal, { ticketId: rawTicketId, message });
  }

  /** An agent reply or internal note, with files already uploaded for this ticket (resolveAttachments checks them). */
  reply(principal: Principal | null, body: unknown, resolveAttachments?: AttachmentResolver): Promise<ConversationRecord> {
    return reply(this.deps, principal, body, resolveAttachments);
  }

  setStatus(principal: Principal | null, body: unknown): Promise<TicketRecord> {
    return setStatus(this.deps, principal, body);
  }

  assign(principal: Principal | null, body: unknown): Promise<TicketRecord> {
    return assign(this.deps, principal, body);
  }

  /** SP-05: see caseActions/escalate.ts. */
  escalate(principal: Principal | null, rawTicketId: unknown, body: unknown): Promise<TicketRecord> {
    return escalate(this.deps, principal, rawTicketId, body);
  }

  /** Agents a ticket can be assigned to (ANALYSTs are not). */
  async assignableAgents(principal: Principal | null): Promise<AgentRecord[]> {
    authorize(principal, 'agents:read');
    return (await this.tickets.listAgents()).filter((a) => a.role !== 'ANALYST');
  }

  async workload(principal: Principal | null, rawAgentId: unknown): Promise<AgentWorkload> {
    const agentId = uuidInput(rawAgentId, 'agent_id');
    authorize(principal, 'workload:read', { ownerAgentId: agentId });
    if (!(await this.tickets.getAgent(agentId))) throw new AppError('NOT_FOUND', `No agent ${agentId}`, { agent_id: agentId });
    return this.tickets.agentWorkload(agentId, Date.now());
  }

  private async requireTicket(id: string): Promise<TicketRecord> {
    const t = await this.tickets.getTicket(id);
    if (!t) throw new AppError('NOT_FOUND', `No ticket ${id}`, { ticket_id: id });
    return t;
  }
}
