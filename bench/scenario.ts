import type { CallDocument } from '../src/contract/call-document.ts';
import type { Principal } from '../src/contract/principal.ts';
import type { GatewayConfig } from '../src/graphql/context.ts';
import type { Pipeline } from '../src/contract/pipeline.ts';

/** What every scenario gets: the resident calls and who asks. */
export interface BenchContext {
  calls: readonly CallDocument[];
  now: Date;
  /** The biggest sample tenant (the worst case for a tenant query). */
  tenant: Principal;
  admin: Principal;
  config: GatewayConfig;
}

/**
 * One benchmark row: the same answer three ways — through GraphQL (`yoga.fetch`), as the bare
 * pipeline the family compiles, and as a plain TypeScript loop over the same array (the floor).
 */
export interface BenchScenario {
  name: string;
  /** Which demo key sends the GraphQL request. */
  as: 'tenant' | 'admin';
  /**
   * The GraphQL document (a function when it depends on the pinned clock). A list means that
   * many separate requests, sent one after another (e.g. 100 single-entity requests).
   */
  query: string | ((context: BenchContext) => string | string[]);
  variables?: Record<string, unknown>;
  /** The pipeline the resolver compiles for that request (same `now`). */
  pipelines(context: BenchContext): Pipeline[];
  /** A hand-written loop that computes the same figures. */
  floor(context: BenchContext): unknown;
}
