import type { ApiKeyRecord } from '../analytics/call-document.ts';

/** A MongoDB aggregation pipeline, exactly as both adapters receive it. */
export type Pipeline = Record<string, unknown>[];

export interface AggregateOptions {
  /** Time budget for this aggregation; over it the store throws `QueryTimeoutError`. */
  maxTimeMS?: number;
}

/**
 * The port every field family talks to. Two adapters implement it: MongoDB through the
 * official driver (src/store/mongo) and the embedded in-memory engine (src/store/embedded).
 * Both receive the very same pipeline.
 */
export interface CallStore {
  /** Which adapter this is; shown in logs and the startup banner. */
  readonly engine: 'mongodb' | 'embedded';
  /** Runs one aggregation pipeline over the `calls` collection. */
  aggregate<T = Record<string, unknown>>(pipeline: Pipeline, options?: AggregateOptions): Promise<T[]>;
  /** Looks API keys up by SHA-256 hex hash; unknown hashes are simply absent from the result. */
  findApiKeys(keyHashes: readonly string[]): Promise<ApiKeyRecord[]>;
  /** Releases connections; the embedded store has nothing to release. */
  close(): Promise<void>;
}
