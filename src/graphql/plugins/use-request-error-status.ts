import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * A request that never executed (document validation, variable coercion: `data` absent) is
 * answered with HTTP 400 whatever the client accepts. GraphQL-over-HTTP lets servers answer
 * 200 to `application/json` clients; the contract promises 400 so that a dashboard's bad
 * query is a visible client error. An error that already carries a status of its own (401)
 * keeps it; Yoga marks validation errors `spec: true`, which it waives for application/json.
 */
export function useRequestErrorStatus(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !isExecutionResult(result)) return;
      if (result.data !== undefined || !result.errors?.length) return;
      setResult({
        ...result,
        errors: result.errors.map((error) =>
          hasOwnStatus(error)
            ? error
            : new GraphQLError(error.message, {
                nodes: error.nodes,
                source: error.source,
                positions: error.positions,
                path: error.path,
                originalError: error.originalError,
                extensions: { ...error.extensions, http: { status: 400 } },
              }),
        ),
      });
    },
  };
}

function isExecutionResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && 'errors' in value;
}

function hasOwnStatus(error: GraphQLError): boolean {
  const http = error.extensions?.http as { status?: number; spec?: boolean } | undefined;
  return Boolean(http?.status && !http.spec);
}
