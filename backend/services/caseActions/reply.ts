import { z } from 'zod';
import { AppError } from '../../../common/errors';
import type { Principal } from '../../auth/principal';
import { authorize } from '../../auth/policy';
import type { ConversationRecord } from '../../ports/ticketStore';
import { uuidInput } from '../inputs';
import { parseBody } from '../parseBody';
import { lockedTicket, newMessage, requireRole, runAction, ticketEvent, type CaseActionDeps } from './context';
import { safeText } from './textInput';

/** A file on a message (metadata.attachments): what the console shows and downloads. */
export interface AttachmentMeta {
  key: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** Files one reply may carry. */
export const MAX_ATTACHMENTS = 10;

export const replySchema = z
  .object({
    ticketId: z.string(),
    message: safeText(1, 10_000),
    internal: z.boolean().nullish(),
    attachmentKeys: z.array(z.string().min(1).max(400)).max(MAX_ATTACHMENTS, `at most ${MAX_ATTACHMENTS} files`).nullish(),
  })
  .strict();

/** Checks that every key is an uploaded object of this ticket and describes it; INVALID_INPUT otherwise. */
export type AttachmentResolver = (ticketId: string, keys: string[]) => Promise<AttachmentMeta[]>;

const noAttachments: AttachmentResolver = async (_ticketId, keys) => {
  if (keys.length > 0) throw new AppError('UNAVAILABLE', 'attachments are not configured', { reason: 'OBJECTS_NOT_CONFIGURED' });
  return [];
};

/**
 * An agent's reply to the customer, or an internal note (internal: true) that the customer never
 * sees: stored as an AGENT message with metadata.internal, published as note.added (a NOTE row on
 * the agents' timeline), never as a ticket.message, and never counted as the first response.
 * Message, first response and activity commit together; the event follows the commit.
 */
export async function reply(deps: CaseActionDeps, principal: Principal | null, body: unknown, resolveAttachments: AttachmentResolver = noAttachments): Promise<ConversationRecord> {
  const rawInternal = typeof body === 'object' && body !== null && (body as { internal?: unknown }).internal === true;
  const action = rawInternal ? 'ticket:note' : 'ticket:reply';
  requireRole(principal, action);
  const input = parseBody(replySchema, body);
  const ticketId = uuidInput(input.ticketId, 'ticketId');
  const internal = input.internal === true;
  // Ownership before touching the object store; checked again on the locked row below.
  const current = await deps.tickets.getTicket(ticketId);
  if (!current) throw new AppError('NOT_FOUND', `No ticket ${ticketId}`, { ticket_id: ticketId });
  const who = authorize(principal, action, { ticketAssignee: current.assigned_agent_id });
  const keys = [...new Set(input.attachmentKeys ?? [])];
  const attachments = keys.length > 0 ? await resolveAttachments(ticketId, keys) : [];
  const at = deps.now();
  const metadata: Record<string, unknown> = { agent_id: who.id };
  if (internal) metadata.internal = true;
  if (attachments.length > 0) metadata.attachments = attachments;
  const m = newMessage(ticketId, 'AGENT', input.message, at, metadata);
  const firstResponse = await runAction(deps, async (tx, out) => {
    const ticket = await lockedTicket(tx, ticketId);
    authorize(who, action, { ticketAssignee: ticket.assigned_agent_id });
    await tx.addMessage(m);
    await tx.recordActivity({ agent_id: who.id, ticket_id: ticketId, action: internal ? 'NOTE_ADDED' : 'MESSAGE_SENT', at, details: attachments.length ? { attachments: attachments.map((a) => a.key) } : undefined });
    const files: Record<string, string> = attachments.length ? { attachments: JSON.stringify(attachments) } : {};
    if (internal) out.push(ticketEvent(ticket, 'note.added', at, { note_id: m.conversation_id, agent_id: who.id, body: input.message, internal: 'true', ...files }));
    else out.push(ticketEvent(ticket, 'ticket.message', at, { author_type: 'AGENT', message: input.message, conversation_id: m.conversation_id, agent_id: who.id, ...files }));
    return !internal && ticket.first_response_at === null ? at - ticket.created_at : null;
  });
  if (firstResponse !== null) deps.metrics.firstResponse(firstResponse / 1000);
  return m;
}
