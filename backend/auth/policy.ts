import { AppError } from '../../common/errors';
import type { Principal, Role } from './principal';

/**
 * Authorization lives here and only here. Resolvers and REST handlers name the action; the table
 * below says, per role, on which resources: one row per action, one column per role.
 */
export const ACTIONS = [
  'customer:search',
  'customer:read',
  'timeline:read',
  'case:read',
  'ticket:read',
  'ticket:create',
  'ticket:reply',
  'ticket:note',
  'ticket:status',
  'ticket:assign',
  'ticket:escalate',
  'agents:read',
  'workload:read',
  'attachments:read',
  'attachments:write',
  'notes:sync',
  'sla:read',
  'pii:raw',
  'pii:unmask',
  'audit:read',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How far a role's permission reaches:
 * - `any`: every resource;
 * - `own`: tickets assigned to the principal (resource.ticketAssignee);
 * - `take`: assigning to themselves a ticket that is unassigned (or already theirs);
 * - `self`: figures of the principal's own agent id (resource.ownerAgentId), never the team's;
 * - `selfIfNamed`: as `self` when an agent is named, else allowed (the seed-002 workload route);
 * - `none`: refused.
 */
export type Reach = 'any' | 'own' | 'take' | 'self' | 'selfIfNamed' | 'none';

/** role × action → reach. AGENT acts on their own tickets; SUPERVISOR on all; ANALYST reads only. */
export const POLICY: Readonly<Record<Action, Readonly<Record<Role, Reach>>>> = {
  'customer:search': { AGENT: 'any', SUPERVISOR: 'any', ANALYST: 'any' },
  'customer:read': { AGENT: 'any', SUPERVISOR: 'any', ANALYST: 'any' },
  'timeline:read': { AGENT: 'any', SUPERVISOR: 'any', ANALYST: 'any' },
  'case:read': { AGENT: 'any', SUPERVISOR: 'any', ANALYST: 'any' },
  'ticket:read': { AGENT: 'any', SUPERVISOR: 'any', ANALYST: 'any' },
  // A case an agent opens is assigned to them.
  'ticket:create': { AGENT: 'any', SUPERVISOR: 'any', ANALYST: 'none' },
  'ticket:reply': { AGENT: 'own', SUPERVISOR: 'any', ANALYST: 'none' },
  'ticket:note': { AGENT: 'own', SUPERVISOR: 'any', ANALYST: 'none' },
  'ticket:status': { AGENT: 'own', SUPERVISOR: 'any', ANALYST: 'none' },
  'ticket:assign': { AGENT: 'take', SUPERVISOR: 'any', ANALYST: 'none' },
  'ticket:escalate': { AGENT: 'own', SUPERVISOR: 'any', ANALYST: 'none' },
  'agents:read': { AGENT: 'any', SUPERVISOR: 'any', ANALYST: 'any' },
  'workload:read': { AGENT: 'selfIfNamed', SUPERVISOR: 'any', ANALYST: 'any' },
  'attachments:read': { AGENT: 'any', SUPERVISOR: 'any', ANALYST: 'any' },
  // Uploading is part of replying: the same tickets as ticket:reply.
  'attachments:write': { AGENT: 'own', SUPERVISOR: 'any', ANALYST: 'none' },
  // Every signed-in user syncs their own notes database only (the database is named for the principal).
  'notes:sync': { AGENT: 'any', SUPERVISOR: 'any', ANALYST: 'any' },
  // SLA reports, drill-downs, the at-risk queue and team workload: an AGENT only with their own agentId.
  'sla:read': { AGENT: 'self', SUPERVISOR: 'any', ANALYST: 'any' },
  // Raw emails and phones in every answer (customers, search hits); an ANALYST gets them masked (backend/services/pii/mask.ts).
  'pii:raw': { AGENT: 'any', SUPERVISOR: 'any', ANALYST: 'none' },
  // Reveal one customer's contacts with a reason (audited as PII_UNMASKED).
  'pii:unmask': { AGENT: 'none', SUPERVISOR: 'any', ANALYST: 'none' },
  // The audit trail (support_agent_activity): read-only, supervisors only.
  'audit:read': { AGENT: 'none', SUPERVISOR: 'any', ANALYST: 'none' },
};

export interface ResourceHint {
  /** The agent a resource belongs to (workload, SLA figures). */
  ownerAgentId?: string;
  /** The ticket's assignee now (null: unassigned); needed by `own` and `take`. */
  ticketAssignee?: string | null;
  /** ticket:assign: who the ticket would be assigned to (null: unassign). */
  targetAgentId?: string | null;
}

export function can(principal: Principal, action: Action, resource: ResourceHint = {}): boolean {
  const reach = POLICY[action][principal.role];
  switch (reach) {
    case 'any':
      return true;
    case 'none':
      return false;
    case 'own':
      return resource.ticketAssignee === principal.id;
    case 'take':
      return (resource.ticketAssignee === null || resource.ticketAssignee === principal.id) && resource.targetAgentId === principal.id;
    case 'self':
      // No owner named means the whole team's figures: not an agent's to read.
      return resource.ownerAgentId === principal.id;
    case 'selfIfNamed':
      return resource.ownerAgentId === undefined || resource.ownerAgentId === principal.id;
  }
}

export function authorize(principal: Principal | null, action: Action, resource?: ResourceHint): Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (!can(principal, action, resource)) {
    const reach = POLICY[action][principal.role];
    const why =
      reach === 'own' ? `an ${principal.role} may ${action} only on tickets assigned to them` : reach === 'take' ? 'an AGENT may only take an unassigned ticket (assign it to themselves)' : `Role ${principal.role} may not ${action}`;
    throw new AppError('FORBIDDEN', why, { action });
  }
  return principal;
}
