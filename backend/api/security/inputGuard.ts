import type { FastifyRequest } from 'fastify';
import { invalidInput } from '../../../common/errors';
import { bracketDepth } from './queryScan';
import { findBadText } from './textInput';

/**
 * Refuses, with INVALID_INPUT, what no handler should receive: a NUL or a lone surrogate in any
 * string of the body, query string or path parameters (keys included), JSON nested deeper than
 * maxNesting, and a GraphQL text nested deeper than that (graphql-js parses recursively). Done once
 * here so no service needs to repeat it.
 */
export function refuseBadInput(req: FastifyRequest, maxNesting: number): void {
  for (const [where, value] of [
    ['body', req.body],
    ['query', req.query],
    ['params', req.params],
  ] as const) {
    const bad = findBadText(value, maxNesting);
    if (bad) throw invalidInput(`Input refused: ${bad.reason}`, { field: `${where}${bad.path.slice(1)}`.slice(0, 200), reason: bad.reason });
  }
  if (req.routeOptions.url === '/graphql') {
    const source = (req.method === 'GET' ? req.query : req.body) as { query?: unknown } | undefined;
    if (typeof source?.query === 'string') {
      const depth = bracketDepth(source.query);
      if (depth > maxNesting) throw invalidInput(`Query nested too deep: ${depth} brackets over the limit of ${maxNesting}`, { limit: 'nesting', max: maxNesting, actual: depth });
    }
  }
}
