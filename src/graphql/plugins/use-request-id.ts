import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { requestIdOf } from '../../observability/request-id.ts';
import type { Logger } from '../errors.ts';

/**
 * DESIGN 7: a request id arrives in `x-request-id` or is made, and is returned in
 * `x-request-id` on every response. A masked "Unexpected error." carries the same id in
 * `extensions.requestId`, and the details are logged under it, so an operator can go from
 * what the client saw to the log line (and from there to the trace).
 */
export function useRequestId(options: { logger: Logger }): Plugin {
  const { logger } = options;
  return {
    onRequest({ request }) {
      const id = requestIdOf(request);
      // Written onto the request when it came without one (or with an invalid one), so a request
      // this one makes through `yoga.fetch` with the same headers (the REST routes) shares it.
      if (request.headers.get('x-request-id') !== id) {
        try {
          request.headers.set('x-request-id', id);
        } catch {
          // Immutable headers: the inner request then gets an id of its own.
        }
      }
    },
    onResultProcess({ request, result, setResult }) {
      if (Array.isArray(result) || !isExecutionResult(result) || !result.errors?.length) return;
      if (!result.errors.some(isUnexpected)) return;
      const requestId = requestIdOf(request);
      setResult({
        ...result,
        errors: result.errors.map((error) => {
          if (!isUnexpected(error)) return error;
          logger.error(`[dialgraph] unexpected error (requestId ${requestId})`, error.originalError ?? error);
          return new GraphQLError(error.message, {
            nodes: error.nodes,
            source: error.source,
            positions: error.positions,
            path: error.path,
            originalError: error.originalError,
            extensions: { ...error.extensions, requestId },
          });
        }),
      });
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request));
    },
  };
}

function isExecutionResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && 'errors' in value;
}

function isUnexpected(error: GraphQLError): boolean {
  return error.extensions?.code === 'INTERNAL_SERVER_ERROR' && error.extensions.requestId === undefined;
}
