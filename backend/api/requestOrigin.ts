import type { FastifyRequest } from 'fastify';

/** Where a request came from, for the audit trail (support_agent_activity.details). */
export interface RequestOrigin {
  ip: string;
  user_agent: string;
  [key: string]: unknown;
}

export function requestOrigin(req: FastifyRequest): RequestOrigin {
  const ua = req.headers['user-agent'];
  return { ip: req.ip, user_agent: (typeof ua === 'string' ? ua : '').slice(0, 200) };
}
