import type { Plugin } from 'graphql-yoga';
import type { Pipeline } from '../../contract/pipeline.ts';
import type { CallStore } from '../../store/call-store.ts';
import { withInstrumentation } from '../../store/decorators/with-instrumentation.ts';
import { currentFieldPath } from '../../observability/pipeline-scope.ts';
import type { GatewayConfig, GraphQLContext, RequestStoreCall } from '../context.ts';

/** Options of {@link useCallContext}. */
export interface CallContextOptions {
  store: CallStore;
  config: GatewayConfig;
  /** The clock; read once per request. */
  now: () => Date;
}

/**
 * Adds what resolvers need besides the principal (config, a fixed "now", the request's shared
 * `aggregate`, its store calls and loaders) in `onContextBuilding`, after `useApiKeyAuth`.
 */
export function useCallContext(options: CallContextOptions): Plugin<GraphQLContext> {
  const { store, config, now } = options;
  return {
    onContextBuilding({ extendContext }) {
      const storeCalls: RequestStoreCall[] = [];
      const observed = withInstrumentation(store, { observe: (call) => storeCalls.push({ ...call, fieldPath: currentFieldPath() }) });
      extendContext({ config, now: now(), aggregate: sharedAggregate(observed), storeCalls, loaders: new Map() });
    },
  };
}

/** Identical pipelines within one request run once (e.g. the same entity batch twice). */
function sharedAggregate(store: CallStore): GraphQLContext['aggregate'] {
  const runs = new Map<string, Promise<unknown[]>>();
  return <T>(pipeline: Pipeline, options?: { label?: string }) => {
    const key = JSON.stringify(pipeline);
    let run = runs.get(key);
    if (!run) {
      run = store.aggregate(pipeline, options);
      runs.set(key, run);
    }
    return run as Promise<T[]>;
  };
}
