import { z } from 'zod';
import { AppError } from '../../../common/errors';
import { ESCALATABLE } from '../../../common/ticketStatus';
import type { Principal } from '../../auth/principal';
import { authorize } from '../../auth/policy';
import type { TicketRecord } from '../../ports/ticketStore';
import { uuidInput } from '../inputs';
import { parseBody } from '../parseBody';
import { lockedTicket, requireRole, runAction, ticketEvent, type CaseActionDeps } from './context';
import { safeText } from './textInput';

export const escalateSchema = z.object({ reason: safeText(3, 1000) }).strict();

/**
 * SP-05: status ESCALATED and the activity in one transaction, then ticket.escalated on cs.events;
 * the pipeline turns it into a TICKET_ESCALATED notification, which the relay hands to the Slack
 * and email sinks. Refused for an ESCALATED (no second notification), RESOLVED or CLOSED ticket;
 * the row lock makes two concurrent escalations one.
 */
export async function escalate(deps: CaseActionDeps, principal: Principal | null, rawTicketId: unknown, body: unknown): Promise<TicketRecord> {
  requireRole(principal, 'ticket:escalate');
  const ticketId = uuidInput(rawTicketId, 'ticket_id');
  const input = parseBody(escalateSchema, body);
  const at = deps.now();
  return runAction(deps, async (tx, out) => {
    const ticket = await lockedTicket(tx, ticketId);
    const who = authorize(principal, 'ticket:escalate', { ticketAssignee: ticket.assigned_agent_id });
    if (!ESCALATABLE.includes(ticket.status)) throw new AppError('INVALID_INPUT', `Ticket ${ticket.ticket_id} is ${ticket.status}: it cannot be escalated`, { field: 'ticket_id', status: ticket.status });
    await tx.updateTicket(ticketId, { status: 'ESCALATED' }, at);
    await tx.recordActivity({ agent_id: who.id, ticket_id: ticketId, action: 'TICKET_ESCALATED', at, details: { reason: input.reason } });
    const escalated: TicketRecord = { ...ticket, status: 'ESCALATED', updated_at: at };
    out.push(ticketEvent(escalated, 'ticket.escalated', at, { reason: input.reason, priority: ticket.priority, agent_id: ticket.assigned_agent_id ?? '', escalated_by: who.id }));
    return escalated;
  });
}
