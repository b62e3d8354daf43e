import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../common/errors';
import type { SessionTokens } from '../../auth/sessionTokens';
import type { Services } from '../../services/services';
import { uuidInput } from '../../services/inputs';

/** Embedded sign-in: pick a demo agent. The SSO issue adds JWT verification for the company's IdP beside it. */
export function registerAuthRoutes(app: FastifyInstance, services: Services, tokens: SessionTokens): void {
  app.get('/api/auth/agents', async () => {
    const agents = await services.listAgents();
    return { agents: agents.map((a) => ({ id: a.agent_id, name: a.full_name, role: a.role })) };
  });

  app.post('/api/auth/local', async (req) => {
    const body = (req.body ?? {}) as { agentId?: unknown };
    const agentId = uuidInput(body.agentId, 'agentId');
    const agent = (await services.listAgents()).find((a) => a.agent_id === agentId);
    if (!agent) throw new AppError('NOT_FOUND', `No demo agent ${agentId}`, { field: 'agentId' });
    const user = { id: agent.agent_id, name: agent.full_name, role: agent.role };
    return { token: await tokens.issue(user), user };
  });
}
