import type { FastifyInstance } from 'fastify';
import { can } from '../auth/policy';
import { scrubText } from '../services/pii/mask';

/**
 * The net under the services' own masking: every JSON answer (REST and GraphQL) to a principal
 * without `pii:raw` (ANALYST) has any email or Vietnamese phone left in it masked — free text of
 * ticket messages, timeline payloads, an error echoing what was typed. The customer fields are
 * already masked by CustomerService; this catches contacts that arrive inside text.
 */
export function registerPiiResponseMask(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const p = req.principal;
    if (!p || can(p, 'pii:raw') || typeof payload !== 'string') return payload;
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !type.includes('json')) return payload;
    return scrubText(payload);
  });
}
