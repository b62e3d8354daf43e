import { z } from 'zod';
import { AppError } from '../../../common/errors';
import { STATUS_TRANSITIONS, canMoveTicket } from '../../../common/ticketStatus';
import type { Principal } from '../../auth/principal';
import { authorize } from '../../auth/policy';
import type { TicketRecord } from '../../ports/ticketStore';
import { uuidInput } from '../inputs';
import { parseBody } from '../parseBody';
import { lockedTicket, requireRole, runAction, ticketEvent, type CaseActionDeps } from './context';

export const statusSchema = z.object({ ticketId: z.string(), status: z.enum(['OPEN', 'PENDING', 'ESCALATED', 'RESOLVED', 'CLOSED']) }).strict();

/**
 * Moves a ticket along the allowed transitions (common/ticketStatus.ts); any other move, including
 * to its current status, is INVALID_INPUT. Published as ticket.status_changed (and ticket.resolved
 * when it becomes RESOLVED, the event seed 002 already knows).
 */
export async function setStatus(deps: CaseActionDeps, principal: Principal | null, body: unknown): Promise<TicketRecord> {
  requireRole(principal, 'ticket:status');
  const input = parseBody(statusSchema, body);
  const ticketId = uuidInput(input.ticketId, 'ticketId');
  const at = deps.now();
  return runAction(deps, async (tx, out) => {
    const ticket = await lockedTicket(tx, ticketId);
    const who = authorize(principal, 'ticket:status', { ticketAssignee: ticket.assigned_agent_id });
    if (!canMoveTicket(ticket.status, input.status)) {
      const allowed = STATUS_TRANSITIONS[ticket.status];
      throw new AppError('INVALID_INPUT', `status: a ${ticket.status} ticket can move to ${allowed.join(' or ')}, not ${input.status}`, { field: 'status', from: ticket.status, allowed: [...allowed] });
    }
    await tx.updateTicket(ticketId, { status: input.status }, at);
    await tx.recordActivity({ agent_id: who.id, ticket_id: ticketId, action: 'STATUS_CHANGED', at, details: { from: ticket.status, to: input.status } });
    const updated: TicketRecord = { ...ticket, status: input.status, updated_at: at };
    out.push(ticketEvent(updated, 'ticket.status_changed', at, { previous_status: ticket.status, agent_id: who.id }));
    return updated;
  });
}
