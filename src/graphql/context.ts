import type { AnalyticsConfig, Operation } from '../analytics/operation.ts';
import type { Principal } from '../contract/principal.ts';
import type { ScopedPipeline } from '../contract/pipeline.ts';
import type { QueryCollection } from '../contract/collections.ts';
import type { StoreCall } from '../store/decorators/with-instrumentation.ts';

/** A store call of this request, with the response path of the field that made it (when a field did). */
export type RequestStoreCall = StoreCall & { fieldPath?: string };

/** Settings that shape answers and are fixed for the life of the server. */
export interface GatewayConfig extends AnalyticsConfig {
  /** Time budget of each pipeline on either engine (`--max-time-ms`); over it: `QUERY_TIMEOUT`. */
  maxTimeMS: number;
}

/**
 * Per-request context every resolver receives. `principal` is set by `useApiKeyAuth`, the rest
 * by `useCallContext`; plugins appended through `GatewayOptions.plugins` see all of it from
 * their own `onContextBuilding` on. The store itself is not here: resolvers reach it only
 * through `aggregate`.
 */
export interface GraphQLContext {
  principal: Principal;
  config: GatewayConfig;
  /** "Now" for default ranges; fixed per request so every field of it agrees. */
  now: Date;
  /**
   * Runs one field family for this request's principal, "now" and config: plan, compile (scope
   * first), aggregate, shape. What every resolver calls.
   */
  run<Args, Result, Row>(operation: Operation<Args, Result, Row>, args: Args): Promise<Result>;
  /** Runs a scoped pipeline, sharing the result between identical pipelines of one request. */
  aggregate<T = Record<string, unknown>>(pipeline: ScopedPipeline, options?: { label?: string; collection?: QueryCollection }): Promise<T[]>;
  /**
   * Every aggregation this request ran so far (label, engine, ms, rows, error), in order of
   * settlement; shared pipelines appear once. For plugins reporting store time (logs, metrics).
   */
  storeCalls: RequestStoreCall[];
  /**
   * How long this operation waited in its tenant's queue for a slot (`useTenantConcurrency`);
   * 0 when it did not wait. Its pipelines' time budgets are shorter by as much.
   */
  queueWaitMs: number;
  /** This request's DataLoaders by name, made on first use (see federation/request-loader.ts). */
  loaders: Map<string, unknown>;
}
