import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { countRefusal } from '../../observability/metrics.ts';

/**
 * A request whose pipelines ran over their time budget and that brings back no data answers
 * HTTP 504 (DESIGN section 6). When some fields still have data the answer stays 200 with the
 * `QUERY_TIMEOUT` error beside them, as GraphQL's partial results go. Either way the response
 * counts once as a `timeout` refusal on /metrics.
 */
export function useTimeoutStatus(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !isExecutionResult(result)) return;
      if (!result.errors?.some((error) => error.extensions?.code === 'QUERY_TIMEOUT')) return;
      countRefusal('timeout');
      if (!noData(result.data)) return;
      setResult({
        ...result,
        errors: result.errors.map((error) =>
          error.extensions?.code === 'QUERY_TIMEOUT'
            ? new GraphQLError(error.message, {
                nodes: error.nodes,
                source: error.source,
                positions: error.positions,
                path: error.path,
                originalError: error.originalError,
                extensions: { ...error.extensions, http: { status: 504 } },
              })
            : error,
        ),
      });
    },
  };
}

function isExecutionResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && 'errors' in value;
}

/** No data: absent, null, or every root field null. */
function noData(data: unknown): boolean {
  if (data === undefined || data === null) return true;
  return typeof data === 'object' && Object.values(data as Record<string, unknown>).every((value) => value === null);
}
