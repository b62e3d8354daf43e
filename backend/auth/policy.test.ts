import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { ACTIONS, POLICY, authorize, can } from './policy';
import { ROLES, type Principal } from './principal';

const agent: Principal = { id: 'a1', name: 'An', role: 'AGENT' };
const analyst: Principal = { id: 'x1', name: 'Xuân', role: 'ANALYST' };
const supervisor: Principal = { id: 's1', name: 'Sơn', role: 'SUPERVISOR' };

const WRITES = ['ticket:create', 'ticket:reply', 'ticket:note', 'ticket:status', 'ticket:assign', 'ticket:escalate', 'attachments:write'] as const;

describe('authorization policy', () => {
  it('has one entry per action and role', () => {
    expect(Object.keys(POLICY).sort()).toEqual([...ACTIONS].sort());
    for (const a of ACTIONS) expect(Object.keys(POLICY[a]).sort()).toEqual([...ROLES].sort());
  });
  it('lets a supervisor do every action on any resource', () => {
    for (const a of ACTIONS) expect(can(supervisor, a, { ownerAgentId: 'someone', ticketAssignee: 'someone', targetAgentId: 'other' })).toBe(true);
  });
  it('keeps analysts read-only', () => {
    expect(can(analyst, 'timeline:read')).toBe(true);
    expect(can(analyst, 'attachments:read')).toBe(true);
    for (const a of WRITES) expect(can(analyst, a, { ticketAssignee: 'x1', targetAgentId: 'x1' }), a).toBe(false);
  });
  it('lets an agent act only on tickets assigned to them', () => {
    for (const a of ['ticket:reply', 'ticket:note', 'ticket:status', 'ticket:escalate', 'attachments:write'] as const) {
      expect(can(agent, a, { ticketAssignee: 'a1' }), a).toBe(true);
      expect(can(agent, a, { ticketAssignee: 'a2' }), a).toBe(false);
      expect(can(agent, a, { ticketAssignee: null }), a).toBe(false);
      // No ticket named: refused rather than assumed.
      expect(can(agent, a), a).toBe(false);
    }
  });
  it('lets an agent take an unassigned ticket, and nothing else with assignment', () => {
    expect(can(agent, 'ticket:assign', { ticketAssignee: null, targetAgentId: 'a1' })).toBe(true);
    expect(can(agent, 'ticket:assign', { ticketAssignee: 'a1', targetAgentId: 'a1' })).toBe(true);
    expect(can(agent, 'ticket:assign', { ticketAssignee: null, targetAgentId: 'a2' })).toBe(false);
    expect(can(agent, 'ticket:assign', { ticketAssignee: 'a2', targetAgentId: 'a1' })).toBe(false);
    expect(can(agent, 'ticket:assign', { ticketAssignee: 'a1', targetAgentId: null })).toBe(false);
    expect(can(agent, 'ticket:assign', { ticketAssignee: 'a1', targetAgentId: 'a2' })).toBe(false);
  });
  it('lets an agent read only their own workload', () => {
    expect(can(agent, 'workload:read', { ownerAgentId: 'a1' })).toBe(true);
    expect(can(agent, 'workload:read', { ownerAgentId: 'a2' })).toBe(false);
  });
  it('lets supervisors and analysts read every SLA figure, an agent only with their own agentId', () => {
    for (const p of [supervisor, analyst]) {
      expect(can(p, 'sla:read')).toBe(true);
      expect(can(p, 'sla:read', { ownerAgentId: 'a2' })).toBe(true);
    }
    expect(can(agent, 'sla:read', { ownerAgentId: 'a1' })).toBe(true);
    expect(can(agent, 'sla:read', { ownerAgentId: 'a2' })).toBe(false);
    // The whole team (no agent named) is not an agent's to read.
    expect(can(agent, 'sla:read')).toBe(false);
  });
  it('answers UNAUTHENTICATED without a principal and FORBIDDEN for a refused role or a foreign ticket', () => {
    expect(() => authorize(null, 'customer:read')).toThrowError(expect.objectContaining({ code: 'UNAUTHENTICATED' }) as AppError);
    expect(() => authorize(analyst, 'ticket:reply', { ticketAssignee: 'x1' })).toThrowError(expect.objectContaining({ code: 'FORBIDDEN' }) as AppError);
    expect(() => authorize(agent, 'ticket:escalate', { ticketAssignee: 'a2' })).toThrowError(expect.objectContaining({ code: 'FORBIDDEN' }) as AppError);
  });
});
