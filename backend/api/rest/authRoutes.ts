import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../common/errors';
import type { SessionTokens } from '../../auth/sessionTokens';
import type { Services } from '../../services/services';
import { uuidInput } from '../../services/inputs';
import { requestOrigin } from '../requestOrigin';

/**
 * Sign-in and sign-out. The passwordless demo picker (GET /api/auth/agents, POST /api/auth/local)
 * exists only in the embedded demo: in stack mode, or whenever an IdP is configured, those routes
 * are not registered at all (404). The SSO issue adds the IdP's code flow beside it.
 */
export function registerAuthRoutes(app: FastifyInstance, services: Services, tokens: SessionTokens, opts: { localSignIn: boolean }): void {
  if (opts.localSignIn) {
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
      const token = await tokens.issue(user);
      await services.audit.record({ agent_id: user.id, ticket_id: null, action: 'SIGNED_IN', details: { method: 'demo', ...requestOrigin(req) } });
      return { token, user };
    });
  }

  /** Revokes the presented token until its expiry and disconnects that session's sockets. */
  app.post('/api/auth/logout', async (req) => {
    if (!req.authSession) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    tokens.revoke(req.authSession);
    await services.audit.record({ agent_id: req.authSession.principal.id, ticket_id: null, action: 'SIGNED_OUT', details: requestOrigin(req) });
    return { signedOut: true };
  });
}
