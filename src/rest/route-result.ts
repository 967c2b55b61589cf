import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, processRegularResult, type Plugin } from 'graphql-yoga';

type ResultProcessorInput = Parameters<typeof processRegularResult>[0];

/**
 * A REST route runs its operation as an inner request through the whole Yoga pipeline (every
 * plugin, every `onResultProcess` hook), and only the last step differs: instead of writing the
 * result as JSON text, which the route would parse again (a 1,000-record page costs a
 * `JSON.stringify` and a `JSON.parse` of about a megabyte), the result object is handed to the
 * route through a sink in the inner request's server context. A symbol key, so that no client
 * request can carry one.
 */
const RESULT_SINK = Symbol('dialgraph.routeResult');

export interface RouteResultSink {
  /** The inner request's final result: after every `onResultProcess` hook changed it. */
  result?: ExecutionResult;
}

/** The server context of a route's inner request, with a sink its result will be put in. */
export function withResultSink<T extends object>(serverContext: T): { serverContext: T; sink: RouteResultSink } {
  const sink: RouteResultSink = {};
  return { serverContext: { ...serverContext, [RESULT_SINK]: sink }, sink };
}

function resultSinkOf(serverContext: unknown): RouteResultSink | undefined {
  return typeof serverContext === 'object' && serverContext !== null ? (serverContext as { [RESULT_SINK]?: RouteResultSink })[RESULT_SINK] : undefined;
}

/**
 * The `onResultProcess` hook that picks the result processor of a route's inner request: it
 * keeps the result in the sink and answers what Yoga's own JSON processor answers (status and
 * headers, from `extensions.http` of the result and its errors) with the errors but without the
 * data, which the route reads from the sink. Set last among the processors (Yoga's are chosen
 * by its built-in plugin, which runs before the gateway's), and it sees the result every hook
 * left, since Yoga calls the processor after all of them.
 */
export const keepRouteResult: NonNullable<Plugin['onResultProcess']> = ({ result, serverContext, setResultProcessor }) => {
  const sink = resultSinkOf(serverContext);
  if (!sink || Array.isArray(result) || isAsyncIterable(result)) return;
  setResultProcessor((final, fetchAPI, mediaType) => {
    if (Array.isArray(final) || isAsyncIterable(final)) return processRegularResult(final, fetchAPI, mediaType);
    sink.result = final;
    return processRegularResult(withoutData(final), fetchAPI, mediaType);
  }, 'application/json');
};

/** The result as the status is computed from: `data` only matters by being there or not. */
function withoutData(result: ExecutionResult): ResultProcessorInput {
  const { data, ...rest } = result;
  return data === undefined ? rest : { ...rest, data: null };
}
