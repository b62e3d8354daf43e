import type { Role } from '../graphql/generated';
import { restJson } from './client';

export interface AgentSummary {
  id: string;
  name: string;
  role: Role;
}
export interface SessionUser {
  id: string;
  name: string;
  role: Role;
}

export const listDemoAgents = async (signal?: AbortSignal): Promise<AgentSummary[]> =>
  (await restJson<{ agents: AgentSummary[] }>('/api/auth/agents', { anonymous: true, ...(signal ? { signal } : {}) })).agents;

export const signInLocal = (agentId: string): Promise<{ token: string; user: SessionUser }> =>
  restJson('/api/auth/local', { method: 'POST', body: { agentId }, anonymous: true });
