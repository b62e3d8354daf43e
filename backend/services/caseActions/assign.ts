import { z } from 'zod';
import { AppError } from '../../../common/errors';
import type { Principal } from '../../auth/principal';
import { authorize } from '../../auth/policy';
import type { TicketRecord } from '../../ports/ticketStore';
import { uuidInput } from '../inputs';
import { parseBody } from '../parseBody';
import { lockedTicket, requireRole, runAction, ticketEvent, type CaseActionDeps } from './context';

export const assignSchema = z.object({ ticketId: z.string(), agentId: z.string().nullish() }).strict();

/**
 * Assigns, reassigns or (SUPERVISOR, agentId null) unassigns a ticket; an AGENT may only take an
 * unassigned one. The assignee must be an AGENT or SUPERVISOR. Assigning to the current assignee
 * changes nothing and records nothing. Published as ticket.assigned.
 */
export async function assign(deps: CaseActionDeps, principal: Principal | null, body: unknown): Promise<TicketRecord> {
  requireRole(principal, 'ticket:assign');
  const input = parseBody(assignSchema, body);
  const ticketId = uuidInput(input.ticketId, 'ticketId');
  const target = input.agentId === null || input.agentId === undefined ? null : uuidInput(input.agentId, 'agentId');
  if (target !== null) {
    const agent = await deps.tickets.getAgent(target);
    if (!agent) throw new AppError('NOT_FOUND', `No agent ${target}`, { agent_id: target });
    if (agent.role === 'ANALYST') throw new AppError('INVALID_INPUT', 'agentId: an ANALYST cannot be assigned tickets', { field: 'agentId' });
  }
  const at = deps.now();
  return runAction(deps, async (tx, out) => {
    const ticket = await lockedTicket(tx, ticketId);
    const who = authorize(principal, 'ticket:assign', { ticketAssignee: ticket.assigned_agent_id, targetAgentId: target });
    if (ticket.assigned_agent_id === target) return ticket;
    await tx.updateTicket(ticketId, { assigned_agent_id: target }, at);
    await tx.recordActivity({ agent_id: who.id, ticket_id: ticketId, action: 'TICKET_ASSIGNED', at, details: { from: ticket.assigned_agent_id, to: target } });
    const updated: TicketRecord = { ...ticket, assigned_agent_id: target, updated_at: at };
    out.push(ticketEvent(updated, 'ticket.assigned', at, { assigned_agent_id: target ?? '', previous_agent_id: ticket.assigned_agent_id ?? '', agent_id: who.id }));
    return updated;
  });
}
