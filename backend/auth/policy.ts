import { AppError } from '../../common/errors';
import type { Principal, Role } from './principal';

/**
 * Authorization lives here and only here. Resolvers and REST handlers name the action; this table
 * says who may do it. The SSO issue extends it (finer actions, PII masking for ANALYST).
 */
export const ACTIONS = ['customer:search', 'customer:read', 'timeline:read', 'case:read', 'ticket:read', 'ticket:create', 'message:write', 'workload:read', 'attachments:read', 'attachments:write', 'notes:sync', 'sla:read'] as const;
export type Action = (typeof ACTIONS)[number];

const ALLOWED: Record<Action, readonly Role[]> = {
  'customer:search': ['AGENT', 'SUPERVISOR', 'ANALYST'],
  'customer:read': ['AGENT', 'SUPERVISOR', 'ANALYST'],
  'timeline:read': ['AGENT', 'SUPERVISOR', 'ANALYST'],
  'case:read': ['AGENT', 'SUPERVISOR', 'ANALYST'],
  'ticket:read': ['AGENT', 'SUPERVISOR', 'ANALYST'],
  'ticket:create': ['AGENT', 'SUPERVISOR'],
  'message:write': ['AGENT', 'SUPERVISOR'],
  'workload:read': ['AGENT', 'SUPERVISOR', 'ANALYST'],
  'attachments:read': ['AGENT', 'SUPERVISOR', 'ANALYST'],
  'attachments:write': ['AGENT', 'SUPERVISOR'],
  // Every signed-in user syncs their own notes database only (the database is named for the principal).
  'notes:sync': ['AGENT', 'SUPERVISOR', 'ANALYST'],
  // SLA reports, drill-downs, the at-risk queue and team workload: an AGENT only with their own agentId.
  'sla:read': ['AGENT', 'SUPERVISOR', 'ANALYST'],
};

export interface ResourceHint {
  /** The agent a resource belongs to (workload): an AGENT may only read their own. */
  ownerAgentId?: string;
}

export function can(principal: Principal, action: Action, resource: ResourceHint = {}): boolean {
  if (!ALLOWED[action].includes(principal.role)) return false;
  if (action === 'workload:read' && principal.role === 'AGENT' && resource.ownerAgentId !== undefined) return resource.ownerAgentId === principal.id;
  // No owner named means the whole team's figures: not an agent's to read.
  if (action === 'sla:read' && principal.role === 'AGENT') return resource.ownerAgentId === principal.id;
  return true;
}

export function authorize(principal: Principal | null, action: Action, resource?: ResourceHint): Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (!can(principal, action, resource)) throw new AppError('FORBIDDEN', `Role ${principal.role} may not ${action}`, { action });
  return principal;
}
