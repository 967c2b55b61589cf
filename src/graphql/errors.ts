import { GraphQLError, type GraphQLErrorOptions } from 'graphql';
import { ForbiddenError, UserInputError } from '../analytics/errors.ts';
import { QueryTimeoutError, StoreCircuitOpenError, StoredValueError, StoreUnavailableError } from '../store/errors.ts';

/** What `Retry-After` tells a client to wait while the store is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

export type Logger = Pick<Console, 'error' | 'warn' | 'info'>;

/** What a client gets while the store cannot answer (DESIGN 6): SERVICE_UNAVAILABLE, HTTP 503, Retry-After. */
export function serviceUnavailableError(at: Pick<GraphQLErrorOptions, 'nodes' | 'path'> = {}): GraphQLError {
  return new GraphQLError('The call store is unavailable; try again shortly.', {
    ...at,
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } } },
  });
}

/**
 * Yoga's `maskError`: expected failures become GraphQL errors with `extensions.code`;
 * anything else is masked as "Unexpected error."; `useRequestId` adds the request id and logs the details.
 */
export function createErrorMasker(logger: Logger) {
  return (error: unknown): Error => {
    const graphqlError = error instanceof GraphQLError ? error : null;
    const original = graphqlError?.originalError ?? error;
    const at = { nodes: graphqlError?.nodes, path: graphqlError?.path };

    if (original instanceof UserInputError) {
      return new GraphQLError(original.message, { ...at, extensions: { code: 'BAD_USER_INPUT', argument: original.argument } });
    }
    if (original instanceof ForbiddenError) {
      const argument = original.argument === undefined ? {} : { argument: original.argument };
      return new GraphQLError(original.message, { ...at, extensions: { code: 'FORBIDDEN', ...argument } });
    }
    if (original instanceof StoreUnavailableError) {
      // While the circuit is open the breaker has said so once; a line per refused request would drown the log.
      if (!(original instanceof StoreCircuitOpenError)) logger.warn(`[dialgraph] store unavailable: ${original.message}`);
      // 503 + Retry-After (DESIGN 6): an outage is the server's state, not the client's mistake.
      return serviceUnavailableError(at);
    }
    if (original instanceof QueryTimeoutError) {
      return new GraphQLError('The query ran over its time budget; narrow the range or the grouping.', {
        ...at,
        extensions: { code: 'QUERY_TIMEOUT' },
      });
    }
    if (original instanceof StoredValueError) {
      logger.error(`[dialgraph] stored value not representable: ${original.message}`);
      return new GraphQLError(`Stored data cannot be answered exactly: ${original.message}`, { ...at, extensions: { code: 'STORED_VALUE_NOT_REPRESENTABLE' } });
    }
    // A GraphQLError we (or the executor) raised on purpose carries its own code.
    if (graphqlError && (!graphqlError.originalError || graphqlError.originalError instanceof GraphQLError)) {
      return graphqlError;
    }
    // The request-id plugin adds `extensions.requestId` (the request's own id) and logs the
    // original under it; the original rides along here but is never serialised.
    return new GraphQLError('Unexpected error.', {
      ...at,
      originalError: original instanceof Error ? original : new Error(String(original)),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  };
}
