import type { Plugin } from 'graphql-yoga';
import { type OperationEnv, runOperation } from '../../analytics/operation.ts';
import type { ScopedPipeline } from '../../contract/pipeline.ts';
import type { Principal } from '../../contract/principal.ts';
import type { AggregateOptions, CallStore } from '../../store/call-store.ts';
import { CALLS_COLLECTION } from '../../contract/collections.ts';
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
 * Adds what resolvers need besides the principal (config, a fixed "now", `run` for the field
 * families, the request's shared `aggregate`, its store calls and loaders) in
 * `onContextBuilding`, after `useApiKeyAuth`.
 */
export function useCallContext(options: CallContextOptions): Plugin<GraphQLContext> {
  const { store, config, now } = options;
  return {
    onContextBuilding({ context, extendContext }) {
      const storeCalls: RequestStoreCall[] = [];
      const observed = withInstrumentation(store, { observe: (call) => storeCalls.push({ ...call, fieldPath: currentFieldPath() }) });
      const ctx = context as Partial<GraphQLContext>;
      // Time spent queued for a tenant slot comes off each pipeline's budget (set by
      // useTenantConcurrency before any resolver runs).
      const budget = () => (ctx.queueWaitMs ? { maxTimeMS: Math.max(1, Math.floor(config.maxTimeMS - ctx.queueWaitMs)) } : {});
      const aggregate = sharedAggregate(observed, budget);
      // useApiKeyAuth ran before this plugin, so the principal is already on the context.
      const env: OperationEnv = { principal: (context as Partial<GraphQLContext>).principal as Principal, now: now(), config };
      const run: GraphQLContext['run'] = (operation, args) => runOperation({ operation, args, env, aggregate });
      extendContext({ config, now: env.now, run, aggregate, storeCalls, queueWaitMs: 0, loaders: new Map() });
    },
  };
}

/** Identical pipelines within one request run once (e.g. the same entity batch twice). */
function sharedAggregate(store: CallStore, budget: () => AggregateOptions): GraphQLContext['aggregate'] {
  const runs = new Map<string, Promise<unknown[]>>();
  return <T>(pipeline: ScopedPipeline, options?: AggregateOptions) => {
    const key = `${options?.collection ?? CALLS_COLLECTION} ${JSON.stringify(pipeline)}`;
    let run = runs.get(key);
    if (!run) {
      run = store.aggregate(pipeline, { ...budget(), ...options });
      runs.set(key, run);
    }
    return run as Promise<T[]>;
  };
}
