import type { TicketDetailFragment, TicketStatus } from '../../graphql/generated';

export type TicketMessage = TicketDetailFragment['messages'][number];
/** A message on screen: the server's, or one being sent (pending). */
export type ShownMessage = TicketMessage & { pending?: boolean };
export type ShownTicket = Omit<TicketDetailFragment, 'messages'> & {
  messages: ShownMessage[];
  /** Which actions are on their way for this ticket (their controls show it and stay disabled). */
  pendingKinds: ReadonlyArray<PendingAction['kind']>;
};

interface PendingBase {
  /** Unique per action, so a failure removes exactly its own overlay. */
  id: number;
  ticketId: string;
}
export type PendingAction =
  | (PendingBase & { kind: 'status'; status: TicketStatus })
  | (PendingBase & { kind: 'assign'; agentId: string | null })
  | (PendingBase & { kind: 'escalate' })
  | (PendingBase & { kind: 'reply'; message: ShownMessage; serverId: string | null });

export type ActionKind = PendingAction['kind'] | 'take' | 'create';

/** What the server refused, kept until the agent dismisses it or acts on the ticket again. */
export interface ActionFailure {
  id: number;
  ticketId: string;
  kind: ActionKind;
  code: string;
  message: string;
}

/**
 * The ticket as the agent should see it: the server's copy with the actions still on their way laid
 * over it, in the order they were made. Dropping an action from the list is the whole rollback; a
 * sent reply is dropped from the overlay as soon as the server's copy holds its id, so it never
 * shows twice.
 */
export function withPending(ticket: TicketDetailFragment, pending: readonly PendingAction[]): ShownTicket {
  const mine = pending.filter((p) => p.ticketId === ticket.id);
  if (mine.length === 0) return { ...ticket, pendingKinds: [] };
  let status = ticket.status;
  let assignedAgentId = ticket.assignedAgentId;
  const serverIds = new Set(ticket.messages.map((m) => m.id));
  const extra: ShownMessage[] = [];
  for (const p of mine) {
    if (p.kind === 'status') status = p.status;
    else if (p.kind === 'escalate') status = 'ESCALATED';
    else if (p.kind === 'assign') assignedAgentId = p.agentId;
    else if (p.serverId === null || !serverIds.has(p.serverId)) extra.push(p.message);
  }
  return { ...ticket, status, assignedAgentId, messages: extra.length ? [...ticket.messages, ...extra] : ticket.messages, pendingKinds: mine.map((p) => p.kind) };
}

/** The ticket the shortcuts and the composer act on by default: the first still being worked, else the first. */
export function defaultActiveTicket(tickets: ReadonlyArray<Pick<TicketDetailFragment, 'id' | 'status'>>): string | null {
  const working = tickets.find((t) => t.status !== 'RESOLVED' && t.status !== 'CLOSED');
  return (working ?? tickets[0])?.id ?? null;
}
