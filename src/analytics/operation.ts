import type { QueryCollection } from '../contract/collections.ts';
import type { ScopedPipeline } from '../contract/pipeline.ts';
import type { Principal } from '../contract/principal.ts';
import type { CallQuery } from './query/call-query.ts';
import { compileCallQuery } from './query/compile-call-query.ts';

/** Settings that shape answers and are fixed for the life of the server. */
export interface AnalyticsConfig {
  /** Funnel stages, lowest first (`--funnel-stages`). */
  funnelStages: readonly string[];
}

/** What every operation may read besides its arguments: who asks, "now", the config. */
export interface OperationEnv {
  principal: Principal;
  /** Fixed per request, so every field of one request agrees on default ranges. */
  now: Date;
  config: AnalyticsConfig;
}

/** The rows of named queries, by name (null: the query was not needed this time). */
export type NamedRows = Record<string, Record<string, unknown>[] | null>;

/**
 * A planned request: the query to compile and how its rows become the result. `Row` is the
 * shape the query's last stage gives each row (the pipeline decides it, not a schema). A family
 * that needs several pipelines (the call list: page, count, choices, each on its own index)
 * names them in `queries` (null: not needed this time) and shapes their rows by name. A family
 * whose further pipelines depend on rows it reads first (the call list reads the account's
 * vocabulary, then the calls only for the kinds it lacks) gives `next` instead of `shape`: the
 * plan of the rest, made from those rows.
 */
export type OperationPlan<Result, Row = Record<string, unknown>> =
  | { query: CallQuery; shape(rows: Row[]): Result }
  | { queries: Record<string, CallQuery | null>; shape(rows: NamedRows): Result }
  | { queries: Record<string, CallQuery | null>; next(rows: NamedRows): OperationPlan<Result, Row> };

/**
 * One field family as a single contract (the way Cube's `load` is one entry for every query):
 * `plan` validates and normalises the arguments exactly as a client sends them (defaults, IDs
 * as strings, `Date` days as `YYYY-MM-DD`), so GraphQL resolvers, REST routes and tests all
 * call the same thing and get the same errors. The name labels its pipelines for the store's
 * observers (metrics, logs).
 */
export interface Operation<Args, Result, Row = Record<string, unknown>> {
  readonly name: string;
  plan(args: Args, env: OperationEnv): OperationPlan<Result, Row>;
}

/** How an operation's pipeline reaches a store: only a scoped pipeline, labelled, over its collection. */
export type Aggregate = <T = Record<string, unknown>>(pipeline: ScopedPipeline, options?: { label?: string; collection?: QueryCollection }) => Promise<T[]>;

/**
 * Plans, compiles (scope first: `compileCallQuery` is the only source of a `ScopedPipeline`),
 * runs through `aggregate` labelled with the operation's name, and shapes. Planning errors
 * (`UserInputError`, `ForbiddenError`) reject before anything runs.
 */
export async function runOperation<Args, Result, Row>(options: {
  operation: Operation<Args, Result, Row>;
  args: Args;
  env: OperationEnv;
  aggregate: Aggregate;
}): Promise<Result> {
  const { operation, args, env, aggregate } = options;
  let plan = operation.plan(args, env);
  for (;;) {
    if ('query' in plan) return plan.shape(await aggregate<Row>(compileCallQuery(plan.query), runOptions(operation.name, plan.query)));
    // Compiled before any runs, so a planning error in one leaves the others unstarted.
    const pipelines = Object.entries(plan.queries).map(([name, query]) => [name, query && { query, pipeline: compileCallQuery(query) }] as const);
    const rows = await Promise.all(pipelines.map(([, run]) => (run ? aggregate(run.pipeline, runOptions(operation.name, run.query)) : null)));
    const named: NamedRows = Object.fromEntries(pipelines.map(([name], i) => [name, rows[i]]));
    if ('shape' in plan) return plan.shape(named);
    plan = plan.next(named);
  }
}

/** The store options of one query: the operation's name, and its collection when not `calls`. */
function runOptions(label: string, query: CallQuery): { label: string; collection?: QueryCollection } {
  return query.collection ? { label, collection: query.collection } : { label };
}
