/** One stage of an aggregation pipeline (`{ $match: … }`, `{ $group: … }` …), as plain data. */
export type Stage = Record<string, unknown>;

/**
 * A MongoDB aggregation pipeline over a collection of the contract (`calls`, or
 * `call_vocabularies`: see collections.ts), exactly as both store adapters receive it. Declared here once: the compiler produces it, the stores run it.
 */
export type Pipeline = Stage[];

/** Type-only brand: no value carries it at run time. */
declare const SCOPED: unique symbol;

/**
 * A pipeline whose first stage is the tenant scope, as `compileCallQuery` returns it: the only
 * kind a `CallStore` accepts, so a pipeline that skipped the scope stage cannot reach a store
 * without a visible cast. The compiler's scope stage (`analytics/query/scope.ts`) is the one
 * place that scope is made.
 */
export type ScopedPipeline = Pipeline & { readonly [SCOPED]: true };
