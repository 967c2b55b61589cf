import type { Principal } from '../analytics/query/principal.ts';
import type { CallStore } from '../store/call-store.ts';

/** Settings that shape answers and are fixed for the life of the server. */
export interface GatewayConfig {
  /** Funnel stages, lowest first (`--funnel-stages`). */
  funnelStages: readonly string[];
}

/** Per-request context every resolver receives. */
export interface GraphQLContext {
  principal: Principal;
  store: CallStore;
  config: GatewayConfig;
  /** "Now" for default ranges; fixed per request so every field of it agrees. */
  now: Date;
  /** Runs a pipeline, sharing the result between identical pipelines of one request. */
  aggregate<T = Record<string, unknown>>(pipeline: Record<string, unknown>[]): Promise<T[]>;
  /** This request's DataLoaders by name, made on first use (see federation/request-loader.ts). */
  loaders: Map<string, unknown>;
}
