import type { AgentRecord } from '../ports/ticketStore';
import { demoUuid } from './demoIds';
import { NamePool, nameTokens } from './names';
import { hash32, Rng } from './rng';

const ROLES: readonly AgentRecord['role'][] = [...Array<AgentRecord['role']>(9).fill('AGENT'), 'SUPERVISOR', 'SUPERVISOR', 'ANALYST'];

/** The demo's teams (SLA and workload reports group by them). */
export const DEMO_TEAMS = ['Hà Nội', 'Đà Nẵng', 'Sài Gòn'] as const;

/**
 * The support team of the demo: 9 agents, 2 supervisors, 1 analyst, with stable UUIDs (owner 0 of
 * the id scheme). Agents are dealt over the three teams in turn, each supervisor leads one; the
 * analyst belongs to none.
 */
export function demoAgents(seed: number): AgentRecord[] {
  const names = new NamePool(hash32(seed, 0xa6e));
  const rng = new Rng(seed, 0, 0xa6e);
  const taken = new Set<string>();
  const dealt = { AGENT: 0, SUPERVISOR: 0, ANALYST: 0 };
  return ROLES.map((role, i) => {
    const team = role === 'ANALYST' ? null : DEMO_TEAMS[dealt[role]++ % DEMO_TEAMS.length]!;
    const full_name = names.fullName(rng);
    const t = nameTokens(full_name);
    let local = `${t[t.length - 1]}.${t[0]}`;
    if (taken.has(local)) local = `${local}${i}`;
    taken.add(local);
    return { agent_id: demoUuid(seed, 0, i), full_name, role, email: `${local}@cs360.vn`, team };
  });
}
