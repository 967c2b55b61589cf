import type { Plugin } from 'graphql-yoga';
import { type OperationEnv, runOperation } from '../../analytics/operation.ts';
import type { ScopedPipeline } from '../../contract/pipeline.ts';
import type { Principal } from '../../contract/principal.ts';
import type { AggregateOptions, CallStore } from '../../store/call-store.ts';
import { CALLS_COLLECTION } from '../../contract/collections.ts';
import { withInstrumentation } from '../../store/decorators/with-instrumentation.ts';
import { currentField, type PipelineField } from '../../observability/pipeline-scope.ts';
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
      const runs: SharedRuns = {};
      const ctx = context as Partial<GraphQLContext>;
      // Time spent queued for a tenant slot comes off each pipeline's budget (set by
      // useTenantConcurrency before any resolver runs).
      const budget = () => (ctx.queueWaitMs ? { maxTimeMS: Math.max(1, Math.floor(config.maxTimeMS - ctx.queueWaitMs)) } : {});
      // useApiKeyAuth ran before this plugin, so the principal is already on the context.
      const env: OperationEnv = { principal: ctx.principal as Principal, now: now(), config };
      /** The request's aggregate on behalf of `field`: its store calls carry that field's path. */
      const aggregateFor = (field: PipelineField | undefined) =>
        sharedAggregate(runs, withInstrumentation(store, { observe: (call) => storeCalls.push({ ...call, fieldPath: field?.path }) }), budget);
      const run: GraphQLContext['run'] = (operation, args) => {
        // Captured in the resolver's synchronous part: an operation's later steps (after an
        // await) and loader batches run outside it.
        const aggregate = aggregateFor(currentField());
        return runOperation({ operation, args, env, aggregate });
      };
      extendContext({ config, now: env.now, run, aggregate: aggregateFor(undefined), storeCalls, queueWaitMs: 0, loaders: new Map() });
    },
  };
}

/**
 * The pipelines one request has started. Most requests run one pipeline, so the first is kept
 * as it is and the text keys (a `JSON.stringify` of the pipeline) are made only once a second
 * one arrives.
 */
interface SharedRuns {
  first?: { pipeline: ScopedPipeline; options: AggregateOptions | undefined; run: Promise<unknown[]> };
  byKey?: Map<string, Promise<unknown[]>>;
}

function runKey(pipeline: ScopedPipeline, options: AggregateOptions | undefined): string {
  return `${options?.collection ?? CALLS_COLLECTION} ${JSON.stringify(pipeline)}`;
}

/** Identical pipelines within one request run once (e.g. the same entity batch twice). */
function sharedAggregate(runs: SharedRuns, store: CallStore, budget: () => AggregateOptions): GraphQLContext['aggregate'] {
  return <T>(pipeline: ScopedPipeline, options?: AggregateOptions) => {
    if (!runs.first) {
      const run = store.aggregate(pipeline, { ...budget(), ...options });
      runs.first = { pipeline, options, run };
      return run as Promise<T[]>;
    }
    runs.byKey ??= new Map([[runKey(runs.first.pipeline, runs.first.options), runs.first.run]]);
    const key = runKey(pipeline, options);
    let run = runs.byKey.get(key);
    if (!run) {
      run = store.aggregate(pipeline, { ...budget(), ...options });
      runs.byKey.set(key, run);
    }
    return run as Promise<T[]>;
  };
}
