import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ForbiddenError, UserInputError } from '../analytics/errors.ts';
import { QueryTimeoutError, StoreUnavailableError } from '../store/errors.ts';

export type Logger = Pick<Console, 'error' | 'warn' | 'info'>;

/**
 * Yoga's `maskError`: expected failures become GraphQL errors with `extensions.code`;
 * anything else is masked as "Unexpected error." with a request id, the details only logged.
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
      logger.warn(`[dialgraph] store unavailable: ${original.message}`);
      return new GraphQLError('The call store is unavailable; try again shortly.', { ...at, extensions: { code: 'SERVICE_UNAVAILABLE' } });
    }
    if (original instanceof QueryTimeoutError) {
      return new GraphQLError('The query ran over its time budget; narrow the range or the grouping.', {
        ...at,
        extensions: { code: 'QUERY_TIMEOUT' },
      });
    }
    // A GraphQLError we (or the executor) raised on purpose carries its own code.
    if (graphqlError && (!graphqlError.originalError || graphqlError.originalError instanceof GraphQLError)) {
      return graphqlError;
    }
    const requestId = randomUUID();
    logger.error(`[dialgraph] unexpected error (requestId ${requestId})`, original);
    return new GraphQLError('Unexpected error.', { ...at, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
  };
}
