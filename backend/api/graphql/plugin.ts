import type { FastifyInstance } from 'fastify';
import { Kind, visit, type DocumentNode, type GraphQLError, type GraphQLFormattedError } from 'graphql';
import mercurius from 'mercurius';
import { AppError, ERROR_CODES, invalidInput, type ErrorCode } from '../../../common/errors';
import type { Logger } from '../../logger';
import { mapError } from '../errorMapping';
import { enforceCostLimits, operationCost, type CostLimits } from '../security/costLimit';
import { cleanText } from '../security/textInput';
import type { GraphQLContext } from './context';
import { resolvers } from './resolvers';
import schemaSdl from '../../../common/graphql/schema.graphql';

const isErrorCode = (c: unknown): c is ErrorCode => typeof c === 'string' && (ERROR_CODES as readonly string[]).includes(c);

/** Serializes one GraphQL error to { message, path, extensions.code } without internals. */
function formatOne(err: GraphQLError, log: Logger): GraphQLFormattedError {
  const original = err.originalError;
  // One of our hooks' refusals (the cost limit), thrown before execution.
  const own = err as unknown;
  if (own instanceof AppError) return { message: own.message, extensions: { code: own.code, ...(own.details ? { details: own.details } : {}) } };
  if (!(err instanceof Error) || !('extensions' in err)) {
    // A plain Error from mercurius' validation list (depth limit, syntax) rather than a GraphQLError.
    return { message: (err as Error).message ?? 'Invalid query', extensions: { code: 'INVALID_INPUT' } };
  }
  if (original instanceof AppError) {
    if (original.code === 'UNAVAILABLE') log.warn({ path: err.path, msg: original.message }, 'graphql unavailable');
    if (original.code === 'INTERNAL') log.error({ err: original, path: err.path }, 'graphql resolver failed');
    return { message: original.message, ...(err.path ? { path: err.path } : {}), extensions: { code: original.code, ...(original.details ? { details: original.details } : {}) } };
  }
  // Without a path the error came before execution (parse, validation, a variable of the wrong type
  // failing a scalar's parseValue): the client's, whatever the cause's class.
  // A GraphQLError as the cause is graphql-js' own (a variable that fails its enum or scalar): the client's too.
  // By name: mercurius may load graphql's CommonJS build while we load its ESM one, so instanceof would miss it.
  if (err.path && original && !('errors' in original) && original.name !== 'GraphQLError') {
    const mapped = mapError(original);
    if (mapped.internal) log.error({ err: original, path: err.path }, 'graphql resolver failed');
    return { message: mapped.body.error.message, path: err.path, extensions: { code: mapped.body.error.code } };
  }
  const code = isErrorCode(err.extensions?.code) ? err.extensions.code : 'INVALID_INPUT';
  // Parse and validation errors (unknown field, wrong argument type, depth limit) are the client's.
  return { message: err.message, ...(err.locations ? { locations: err.locations } : {}), ...(err.path ? { path: err.path } : {}), extensions: { code } };
}

/** HTTP status of an answer without data: the errors' own when they agree on one, else 400. */
function statusWithoutData(errors: GraphQLFormattedError[]): number {
  const codes = new Set(errors.map((e) => e.extensions?.code));
  if (codes.size !== 1) return 400;
  const [code] = codes;
  return code === 'FORBIDDEN' ? 403 : code === 'UNAUTHENTICATED' ? 401 : 400;
}

/** NUL and lone surrogates can hide in a query's string literals as escapes ("\u0000"): refused like those in variables. */
function refuseBadLiterals(document: DocumentNode): void {
  visit(document, {
    [Kind.STRING]: (node) => {
      if (!cleanText(node.value)) throw invalidInput('Input refused: NUL character or lone surrogate in a string literal');
    },
  });
}

export async function registerGraphQL(
  app: FastifyInstance,
  deps: { maxDepth: number; limits: CostLimits; log: Logger; context: (req: import('fastify').FastifyRequest) => GraphQLContext },
) {
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
      // A body over the limit reaches here through mercurius' route error handler, wrapped in a GraphQLError.
      const tooLarge = flat.some((e) => (e.originalError as { code?: unknown } | undefined)?.code === 'FST_ERR_CTP_BODY_TOO_LARGE');
      if (tooLarge) return { statusCode: 413, response: { data: null, errors: [{ message: 'Request body is too large', extensions: { code: 'INVALID_INPUT', details: { limit: 'bodyBytes' } } }] } };
      const errors = flat.map((e) => formatOne(e, deps.log));
      const hasData = execution.data !== undefined && execution.data !== null;
      return { statusCode: hasData ? 200 : statusWithoutData(errors), response: { data: execution.data ?? null, errors } };
    },
  });
  // Before validation (graphql-js' OverlappingFieldsCanBeMerged is quadratic in the fields: 2,000
  // copies of `me { id }` took 1.6 s): the limits that do not depend on variables. Only documents
  // not in mercurius' cache get here, so the variable-dependent cost is checked again below.
  app.graphql.addHook('preValidation', async (schema, document) => {
    const figures = operationCost(schema, document, {}, null, deps.limits.listSize);
    enforceCostLimits({ ...figures, cost: 0 }, deps.limits);
    refuseBadLiterals(document);
  });
  // Before execution, with the request's own variables (a `first: $n` counts as its value): the
  // parse and validation are mercurius' cached ones, this walk is linear in the document.
  app.graphql.addHook('preExecution', async (schema, document, context, variables) => {
    const operationName = (context.reply.request.body as { operationName?: unknown } | undefined)?.operationName;
    const figures = operationCost(schema, document, (variables ?? {}) as Record<string, unknown>, typeof operationName === 'string' ? operationName : null, deps.limits.listSize);
    enforceCostLimits(figures, deps.limits);
  });
}
