import type { ApiKeyLookup, ApiKeyRecord } from '../contract/api-key-record.ts';
import type { QueryCollection } from '../contract/collections.ts';
import type { ScopedPipeline } from '../contract/pipeline.ts';


export interface AggregateOptions {
  /** Time budget for this aggregation; over it the store throws `QueryTimeoutError`. */
  maxTimeMS?: number;
  /**
   * What asked for this pipeline (an operation's name, e.g. `callsByPhoneNumber`), for
   * decorators that observe the store (metrics, logs, traces). Adapters ignore it.
   */
  label?: string;
  /**
   * The collection the pipeline runs over: `calls` (the default) or `call_vocabularies` (the
   * account vocabularies, DESIGN 2.4). The compiler's scope stage scoped the pipeline for it.
   */
  collection?: QueryCollection;
}

/**
 * The port every field family talks to. Two adapters implement it: MongoDB through the
 * official driver (src/store/mongo) and the embedded in-memory engine (src/store/embedded).
 * Both receive the very same pipeline. Decorators (src/store/decorators) wrap it and are
 * themselves a `CallStore`.
 */
export interface CallStore extends ApiKeyLookup {
  /** Which adapter this is; shown in logs and the startup banner. */
  readonly engine: 'mongodb' | 'embedded';
  /**
   * Runs one aggregation pipeline over the `calls` collection (or `options.collection`). Only a
   * `ScopedPipeline` (what `compileCallQuery` returns) is accepted, so every pipeline a store
   * runs starts with the tenant scope.
   */
  aggregate<T = Record<string, unknown>>(pipeline: ScopedPipeline, options?: AggregateOptions): Promise<T[]>;
  /** Looks API keys up by SHA-256 hex hash; unknown hashes are simply absent from the result. */
  findApiKeys(keyHashes: readonly string[]): Promise<ApiKeyRecord[]>;
  /**
   * One cheap round trip proving the store answers now (MongoDB's `ping` command): readiness
   * (`/ready`) and the circuit breaker's probe call it. Absent on stores that are always there
   * (the embedded engine); rejects with `StoreUnavailableError` when unreachable.
   */
  ping?(): Promise<void>;
  /** Releases connections; the embedded store has nothing to release. */
  close(): Promise<void>;
  /**
   * How the server would run `pipeline`: the indexes its winning plan uses and what it
   * examined (MongoDB's `explain("executionStats")`, which runs the pipeline again). Only
   * adapters with a query planner have it; explain (`x-dialgraph-explain: 1`) calls it.
   */
  explain?(pipeline: ScopedPipeline, options?: Pick<AggregateOptions, 'collection'>): Promise<PlanSummary>;
}

/** What a query planner did with one pipeline. */
export interface PlanSummary {
  /** Names of the indexes the winning plan reads (every shard's), in order of appearance; empty for a collection scan. */
  indexes: string[];
  /** Documents and index keys examined, summed over shards. */
  docsExamined: number;
  keysExamined: number;
}
