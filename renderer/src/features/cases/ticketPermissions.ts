import type { Role } from '../../graphql/generated';

export interface TicketPermissions {
  /** Any action control at all (an ANALYST sees none). */
  visible: boolean;
  reply: boolean;
  status: boolean;
  escalate: boolean;
  /** Pick any agent (or nobody): supervisors. */
  assignAny: boolean;
  /** "Take": an agent on an unassigned ticket. */
  take: boolean;
  /** Why the controls are shown but disabled, for the hint under them. */
  blocked: 'takeFirst' | 'notYours' | null;
}

const NONE: TicketPermissions = { visible: false, reply: false, status: false, escalate: false, assignAny: false, take: false, blocked: null };

/**
 * What the signed-in user may do on a ticket, mirroring the API's rule (schema: Mutation): AGENT only
 * on tickets assigned to them, or an unassigned one they take first; SUPERVISOR on any; ANALYST none.
 * The server still decides; this only keeps the console from offering what it would refuse.
 */
export function ticketPermissions(role: Role | undefined, me: string | undefined, assignedAgentId: string | null): TicketPermissions {
  if (role === 'SUPERVISOR') return { visible: true, reply: true, status: true, escalate: true, assignAny: true, take: false, blocked: null };
  if (role !== 'AGENT' || !me) return NONE;
  if (assignedAgentId === me) return { visible: true, reply: true, status: true, escalate: true, assignAny: false, take: false, blocked: null };
  if (assignedAgentId === null) return { visible: true, reply: false, status: false, escalate: false, assignAny: false, take: true, blocked: 'takeFirst' };
  return { visible: true, reply: false, status: false, escalate: false, assignAny: false, take: false, blocked: 'notYours' };
}
