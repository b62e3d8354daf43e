import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditJson } from '../../services/auditService';
import type { Services } from '../../services/services';
import { requestOrigin } from '../requestOrigin';
import { registerObjectRoutes } from './objectRoutes';

type Q = Record<string, string | undefined>;
const principalOf = (req: FastifyRequest) => req.principal;
/** The body with the path's ticket id (the path wins); a body that is not an object is left for the schema to refuse. */
const withTicket = (body: unknown, ticketId: string | undefined): unknown => (typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, ticketId } : body);

/** Seed-002 REST surface plus the console's REST mirrors; same services as GraphQL (openapi.yaml documents them). */
export function registerApiRoutes(app: FastifyInstance, services: Services, ensureReady: () => void): void {
  app.addHook('preHandler', async (req) => {
    if (req.routeOptions.config && (req.routeOptions.config as { data?: boolean }).data) ensureReady();
  });
  const data = { config: { data: true } };

  app.get('/api/customers/search', data, async (req) => {
    const q = req.query as Q;
    return { customers: await services.customers.search(principalOf(req), q.q ?? '', q.limit === undefined ? 10 : Number(q.limit)) };
  });
  app.get('/api/customers/:id', data, async (req) => services.customers.get(principalOf(req), (req.params as Q).id, requestOrigin(req)));
  app.get('/api/customers/:id/timeline', data, async (req, reply) => {
    const q = req.query as Q;
    const json = await services.timeline.pageJson(principalOf(req), {
      customerId: (req.params as Q).id,
      first: q.first === undefined ? 100 : Number(q.first),
      after: q.after,
      kinds: q.kinds,
      from: q.from,
      to: q.to,
    });
    // Already serialized (and usually cached): send the bytes as they are.
    return reply.type('application/json; charset=utf-8').send(json);
  });

  app.post('/support/cases', data, async (req, reply) => reply.code(201).send(await services.support.createCase(principalOf(req), req.body)));
  app.get('/support/cases/:ticket_id', data, async (req) => {
    const include = (req.query as Q).includeTimeline;
    return services.support.getCase(principalOf(req), (req.params as Q).ticket_id, include === 'true' || include === '1');
  });
  // A reply to the customer, or an internal note ({ internal: true }); attachmentKeys from the ticket's presigned uploads.
  app.post('/support/cases/:ticket_id/messages', data, async (req, reply) =>
    reply
      .code(201)
      .send(await services.support.reply(principalOf(req), withTicket(req.body, (req.params as Q).ticket_id), (ticketId, keys) => services.attachments.describeKeys(ticketId, keys))),
  );
  app.post('/support/cases/:ticket_id/escalate', data, async (req) => services.support.escalate(principalOf(req), (req.params as Q).ticket_id, req.body));
  app.post('/support/cases/:ticket_id/status', data, async (req) => services.support.setStatus(principalOf(req), withTicket(req.body, (req.params as Q).ticket_id)));
  app.post('/support/cases/:ticket_id/assign', data, async (req) => services.support.assign(principalOf(req), withTicket(req.body, (req.params as Q).ticket_id)));
  app.get('/support/agents', data, async (req) => ({
    agents: (await services.support.assignableAgents(principalOf(req))).map((a) => ({ agent_id: a.agent_id, full_name: a.full_name, role: a.role, team: a.team ?? null })),
  }));
  // Seed 002's workload plus the dashboard's figures (open, waiting on agent, handled today, median handle time, FR % met, load now).
  app.get('/support/agents/:agent_id/workload', data, async (req) => services.sla.agentWorkload(principalOf(req), (req.params as Q).agent_id, req.query as Q));
  // SP-03: the SLA report, as GraphQL's slaReport (filters: team, channel, priority, agentId).
  app.get('/support/analytics/sla', data, async (req) => {
    const q = req.query as Q;
    const report = await services.sla.report(principalOf(req), { from: q.from, to: q.to, team: q.team, channel: q.channel, priority: q.priority, agentId: q.agentId }, q.groupBy ?? 'agent');
    return { ...report, generatedAt: new Date(report.generatedAt).toISOString() };
  });

  // Attachments of a support case (ticket): presigned browser uploads and downloads (S3 in stack mode, the backend's own /objects/* in embedded mode).
  app.post('/api/cases/:caseId/attachments', data, async (req, reply) =>
    reply.code(201).send(await services.attachments.presignUpload(principalOf(req), (req.params as Q).caseId, req.body)),
  );
  app.get('/api/cases/:caseId/attachments', data, async (req) => services.attachments.presignDownload(principalOf(req), (req.params as Q).caseId, (req.query as Q).key));
  // The audit trail, SUPERVISOR only; read-only (there is no route that changes a record).
  app.get('/api/audit', data, async (req) => {
    const q = req.query as Q;
    return { entries: (await services.audit.list(principalOf(req), q, q.first === undefined ? 100 : Number(q.first))).map(auditJson) };
  });
  app.get('/api/notes/sync', async (req) => services.attachments.notesEndpoint(principalOf(req)));

  const endpoint = services.attachments.objectEndpoint();
  if (endpoint) registerObjectRoutes(app, endpoint);
}
