import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../common/errors';
import { CUSTOMER_ID } from '../../../common/ids';
import type { Principal } from '../../auth/principal';
import { authorize } from '../../auth/policy';
import type { TicketRecord } from '../../ports/ticketStore';
import type { TicketView } from '../caseService';
import { parseBody } from '../parseBody';
import { newMessage, requireRole, runAction, ticketEvent, type CaseActionDeps } from './context';
import { customerSentiment, priorityHintAfter } from './sentimentHint';
import { safeText } from './textInput';

export const ticketCreateSchema = z
  .object({
    customerId: z.string().regex(CUSTOMER_ID, 'must look like C0001234'),
    subject: safeText(3, 200),
    message: safeText(1, 10_000),
    channel: z.enum(['EMAIL', 'CHAT', 'PHONE', 'ZALO', 'FACEBOOK']).default('PHONE'),
    priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']).default('NORMAL'),
    orderId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be an order id').nullish(),
  })
  .strict();

/** Pages of the customer's ORDER rows read to find the order a case is opened about. */
const ORDER_PAGES = 10;
const ORDER_PAGE_SIZE = 500;

/** Whether orderId is one of the customer's orders (an order.* row on their timeline). */
async function isCustomersOrder(deps: CaseActionDeps, principal: Principal, customerId: string, orderId: string): Promise<boolean> {
  let after: string | undefined;
  for (let i = 0; i < ORDER_PAGES; i++) {
    const page = await deps.timeline.page(principal, { customerId, first: ORDER_PAGE_SIZE, kinds: ['ORDER'], after });
    if (page.events.some((e) => e.payload.order_id === orderId)) return true;
    if (!page.nextCursor) return false;
    after = page.nextCursor;
  }
  return false;
}

/**
 * Opens a case (ticket) for a customer with their first message, in one transaction: the ticket,
 * the message and the activity, then support.case.opened, ticket.opened and ticket.message once
 * committed. An AGENT's new case is assigned to them.
 */
export async function createCase(deps: CaseActionDeps, principal: Principal | null, body: unknown): Promise<TicketView> {
  const who = authorize(requireRole(principal, 'ticket:create'), 'ticket:create');
  const input = parseBody(ticketCreateSchema, body);
  if (!(await deps.cases.getCustomer(input.customerId))) throw new AppError('NOT_FOUND', `No customer ${input.customerId}`, { customerId: input.customerId });
  const orderId = input.orderId ?? null;
  if (orderId !== null && !(await isCustomersOrder(deps, who, input.customerId, orderId))) {
    throw new AppError('INVALID_INPUT', `orderId: ${orderId} is not an order of customer ${input.customerId}`, { field: 'orderId' });
  }
  const at = deps.now();
  const sentiment = customerSentiment(input.message);
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
    order_id: orderId,
    priority_hint: priorityHintAfter({ priority: input.priority, priority_hint: null }, sentiment) ?? null,
  };
  const first = newMessage(ticket.ticket_id, 'CUSTOMER', input.message, at, null, sentiment);
  await runAction(deps, async (tx, out) => {
    await tx.createTicket(ticket);
    await tx.addMessage(first);
    await tx.recordActivity({ agent_id: who.id, ticket_id: ticket.ticket_id, action: 'TICKET_CREATED', at, details: orderId ? { order_id: orderId } : undefined });
    out.push({ topic: 'support.case.opened', message: { ticket_id: ticket.ticket_id, customer_id: ticket.customer_id, opened_at: at, channel: ticket.channel }, key: ticket.customer_id });
    const opened: Record<string, string> = { status: 'OPEN', subject: ticket.subject, priority: ticket.priority, channel: ticket.channel, agent_id: ticket.assigned_agent_id ?? '' };
    if (orderId) opened.order_id = orderId;
    out.push(ticketEvent(ticket, 'ticket.opened', at, opened));
    out.push(ticketEvent(ticket, 'ticket.message', at + 1, { author_type: 'CUSTOMER', message: input.message, conversation_id: first.conversation_id, ...(sentiment ? { sentiment } : {}) }));
  });
  deps.metrics.ticketCreated(ticket.channel);
  return { ...ticket, messages: [first] };
}
