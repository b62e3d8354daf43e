import type { FastifyInstance } from 'fastify';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import mercurius from 'mercurius';
import { AppError } from '../../../common/errors';
import type { Logger } from '../../logger';
import { mapError } from '../errorMapping';
import type { GraphQLContext } from './context';
import { resolvers } from './resolvers';
import schemaSdl from '../../../common/graphql/schema.graphql';

/** Serializes one GraphQL error to { message, path, extensions.code } without internals. */
function formatOne(err: GraphQLError, log: Logger): GraphQLFormattedError {
  const original = err.originalError;
  if (!(err instanceof Error) || !('extensions' in err)) {
    // A plain Error from mercurius' validation list (depth limit, syntax) rather than a GraphQLError.
    return { message: (err as Error).message ?? 'Invalid query', extensions: { code: 'INVALID_INPUT' } };
  }
  // A GraphQLError as the cause is graphql-js' own (a variable that fails its enum or scalar): the client's, below.
  // By name: mercurius may load graphql's CommonJS build while we load its ESM one, so instanceof would miss it.
  if (original && !(original instanceof AppError) && !('errors' in original) && original.name !== 'GraphQLError') {
    const mapped = mapError(original);
    if (mapped.internal) log.error({ err: original, path: err.path }, 'graphql resolver failed');
    return { message: mapped.body.error.message, ...(err.path ? { path: err.path } : {}), extensions: { code: mapped.body.error.code } };
  }
  if (original instanceof AppError) {
    if (original.code === 'UNAVAILABLE') log.warn({ path: err.path, msg: original.message }, 'graphql unavailable');
    return { message: original.message, ...(err.path ? { path: err.path } : {}), extensions: { code: original.code, ...(original.details ? { details: original.details } : {}) } };
  }
  // Parse and validation errors (unknown field, wrong argument type, depth limit) are the client's.
  return { message: err.message, ...(err.locations ? { locations: err.locations } : {}), ...(err.path ? { path: err.path } : {}), extensions: { code: 'INVALID_INPUT' } };
}

export async function registerGraphQL(app: FastifyInstance, deps: { maxDepth: number; log: Logger; context: (req: import('fastify').FastifyRequest) => GraphQLContext }) {
  await app.register(mercurius, {
    schema: schemaSdl,
    resolvers: resolvers as never,
    path: '/graphql',
    graphiql: false,
    queryDepth: deps.maxDepth,
    context: (req) => deps.context(req),
    errorFormatter: (execution) => {
      // mercurius wraps parse/validation/depth errors in one MER_ERR_GQL_VALIDATION carrying the real ones.
      const flat = (execution.errors ?? []).flatMap((e) => {
        const inner = (e.originalError as { errors?: unknown } | undefined)?.errors;
        return Array.isArray(inner) ? (inner as GraphQLError[]) : [e as GraphQLError];
      });
      const errors = flat.map((e) => formatOne(e, deps.log));
      const hasData = execution.data !== undefined && execution.data !== null;
      return { statusCode: hasData ? 200 : 400, response: { data: execution.data ?? null, errors } };
    },
  });
}
