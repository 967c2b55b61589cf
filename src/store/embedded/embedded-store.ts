import type { ApiKeyRecord, CallDocument } from '../../analytics/call-document.ts';
import type { AggregateOptions, CallStore, Pipeline } from '../call-store.ts';
import { createCallPartitions } from './call-partitions.ts';
import { describeInputMutation } from './input-mutation.ts';
import { narrowScope } from './narrow-scope.ts';
import { runMingo } from './run-mingo.ts';
import { createScanSource } from './scan-source.ts';

/** Options of {@link createEmbeddedStore}. */
export interface EmbeddedStoreOptions {
  /** The call documents. They are deep-frozen in place and shared, never copied. */
  readonly calls: readonly CallDocument[];
  /** Keys `findApiKeys` answers from (already hashed: see `toApiKeyRecords`). @default [] */
  readonly apiKeys?: readonly ApiKeyRecord[];
  /** Receives one line at creation and a line for every pipeline that must run on copies. */
  readonly logger?: (msg: string) => void;
}

/** How many aggregations each executor ran; read by tests to see which path a query took. */
export interface EngineRuns {
  readonly mingo: number;
  readonly compiled: number;
}

/** The in-memory `CallStore` adapter. */
export interface EmbeddedStore extends CallStore {
  readonly engine: 'embedded';
  /** Number of call documents held. */
  readonly size: number;
  /** A snapshot of the per-executor run counters. */
  readonly engineRuns: EngineRuns;
}

/**
 * Creates the embedded engine: call documents kept in memory, frozen, partitioned by tenant
 * and sorted by `started_at`, queried with the same pipelines the MongoDB adapter receives.
 *
 * Each aggregation first reads the tenant/time scope of the leading `$match` (see
 * `narrowScope`) and hands the engine only that slice, so a tenant's one-week query does not
 * scan every tenant's year. mingo runs the rest; a compiled executor for dialgraph's operator
 * subset is meant to take over later, with mingo as its fallback.
 *
 * `maxTimeMS` is honoured cooperatively: the budget starts when `aggregate` is called and is
 * checked every few thousand documents while the slice is scanned, throwing
 * `QueryTimeoutError` once it is spent. Work after the scan (sorting grouped rows) cannot be
 * interrupted, since mingo runs synchronously. `0` or no value means no budget, as on MongoDB.
 */
export function createEmbeddedStore(options: EmbeddedStoreOptions): EmbeddedStore {
  const { logger } = options;
  const partitions = createCallPartitions(options.calls);
  const keysByHash = indexKeys(options.apiKeys ?? []);
  const runs = { mingo: 0, compiled: 0 };
  logger?.(`embedded store: ${partitions.size} calls in ${partitions.tenants.length} tenants`);

  return {
    engine: 'embedded',
    size: partitions.size,
    get engineRuns(): EngineRuns {
      return { ...runs };
    },

    async aggregate<T = Record<string, unknown>>(pipeline: Pipeline, aggregateOptions?: AggregateOptions): Promise<T[]> {
      const deadline = deadlineOf(aggregateOptions?.maxTimeMS);
      // The run itself is synchronous; yielding first lets pending I/O (other requests,
      // health checks) through before this one takes the thread.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const mutation = describeInputMutation(pipeline);
      if (mutation !== undefined) {
        logger?.(`embedded engine: ${mutation} may write into its input documents; running on copies`);
      }
      const scope = narrowScope(pipeline);
      const source = createScanSource({
        segments: partitions.select(scope),
        deadline,
        maxTimeMS: aggregateOptions?.maxTimeMS,
      });
      runs.mingo += 1;
      return runMingo<T>({ pipeline: scope.pipeline, source, copyInput: mutation !== undefined });
    },

    async findApiKeys(keyHashes: readonly string[]): Promise<ApiKeyRecord[]> {
      return [...new Set(keyHashes)].flatMap((hash) => keysByHash.get(hash) ?? []).map((record) => ({ ...record }));
    },

    async close(): Promise<void> {
      // Nothing to release: the documents are plain memory.
    },
  };
}

function deadlineOf(maxTimeMS: number | undefined): number | undefined {
  return maxTimeMS !== undefined && Number.isFinite(maxTimeMS) && maxTimeMS > 0
    ? performance.now() + maxTimeMS
    : undefined;
}

function indexKeys(records: readonly ApiKeyRecord[]): Map<string, ApiKeyRecord[]> {
  const byHash = new Map<string, ApiKeyRecord[]>();
  for (const record of records) {
    const same = byHash.get(record.key_hash);
    if (same) same.push(record);
    else byHash.set(record.key_hash, [record]);
  }
  return byHash;
}
