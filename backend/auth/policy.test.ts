import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { ACTIONS, authorize, can } from './policy';
import type { Principal } from './principal';

const agent: Principal = { id: 'a1', name: 'An', role: 'AGENT' };
const analyst: Principal = { id: 'x1', name: 'Xuân', role: 'ANALYST' };
const supervisor: Principal = { id: 's1', name: 'Sơn', role: 'SUPERVISOR' };

describe('authorization policy', () => {
  it('lets a supervisor do every action', () => {
    for (const a of ACTIONS) expect(can(supervisor, a, { ownerAgentId: 'someone' })).toBe(true);
  });
  it('keeps analysts read-only', () => {
    expect(can(analyst, 'timeline:read')).toBe(true);
    expect(can(analyst, 'message:write')).toBe(false);
    expect(can(analyst, 'ticket:create')).toBe(false);
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
  it('answers UNAUTHENTICATED without a principal and FORBIDDEN for a refused role', () => {
    expect(() => authorize(null, 'customer:read')).toThrowError(expect.objectContaining({ code: 'UNAUTHENTICATED' }) as AppError);
    expect(() => authorize(analyst, 'message:write')).toThrowError(expect.objectContaining({ code: 'FORBIDDEN' }) as AppError);
  });
});
