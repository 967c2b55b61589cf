import type { CallDocument } from '../../contract/call-document.ts';
import type { ApiKeyRecord } from '../../contract/api-key-record.ts';
import { VOCABULARIES_COLLECTION } from '../../contract/collections.ts';
import type { VocabularyEntry } from '../../contract/vocabulary-entry.ts';
import type { Pipeline } from '../../contract/pipeline.ts';
import type { AggregateOptions, CallStore } from '../call-store.ts';
import { createCallPartitions, type CallSegment } from './call-partitions.ts';
import { compilePipeline } from './compiled/compile-pipeline.ts';
import { CompiledBailout } from './compiled/compiled-errors.ts';
import { runCompiled } from './compiled/run-compiled.ts';
import { describeInputMutation } from './input-mutation.ts';
import { narrowScope } from './narrow-scope.ts';
import { runMingo } from './run-mingo.ts';
import { createScanSource, type ScanSlicing } from './scan-source.ts';
import { createSliceScheduler, type SliceScheduler } from './slice-scheduler.ts';
import { createVocabularyPartitions } from './vocabulary-partitions.ts';

/**
 * Which engine runs aggregations: `auto` uses the compiled executor for pipelines made of
 * what it supports and mingo for the rest; `mingo` always uses mingo (the reference, e.g. to
 * compare speed or answers).
 */
export type EmbeddedExecutor = 'auto' | 'mingo';

/** Options of {@link createEmbeddedStore}. */
export interface EmbeddedStoreOptions {
  /** The call documents. They are deep-frozen in place and shared, never copied. */
  readonly calls: readonly CallDocument[];
  /**
   * The account vocabularies (DESIGN 2.4) pipelines with `collection: 'call_vocabularies'` run
   * over; deep-frozen in place like the calls. @default []
   */
  readonly vocabularies?: readonly VocabularyEntry[];
  /** Keys `findApiKeys` answers from (already hashed: see `toApiKeyRecords`). @default [] */
  readonly apiKeys?: readonly ApiKeyRecord[];
  /**
   * Receives one line at creation, a line for every pipeline the compiled executor hands to
   * mingo (and why), and one for every pipeline mingo must run on copies.
   */
  readonly logger?: (msg: string) => void;
  /** Also log one line per aggregation naming the engine that ran it and its time. @default false */
  readonly debug?: boolean;
  /** @default 'auto' */
  readonly executor?: EmbeddedExecutor;
  /** How the compiled executor cuts a scan into slices; tests make them tiny. @default { checkEvery: 4096, sliceMs: 10 } */
  readonly slicing?: ScanSlicing;
  /** Hands out the slices of all runs, round-robin by tenant (tests watch it). @default a new `createSliceScheduler()` */
  readonly scheduler?: SliceScheduler;
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
  /**
   * The adapter runs any pipeline (engine tests and the bench hand it their own); code that
   * holds only the `CallStore` port can pass nothing but a `ScopedPipeline`.
   */
  aggregate<T = Record<string, unknown>>(pipeline: Pipeline, options?: AggregateOptions): Promise<T[]>;
}

/**
 * Creates the embedded engine: call documents kept in memory, frozen, partitioned by tenant
 * and sorted by `started_at`, queried with the same pipelines the MongoDB adapter receives.
 *
 * Each aggregation first reads the tenant/time scope of the leading `$match` (see
 * `narrowScope`) and hands the engine only that slice, so a tenant's one-week query does not
 * scan every tenant's year. The rest runs on the compiled executor when every stage and
 * operator is in its table (`compiled/operator-table.ts`: what the dialgraph compilers emit),
 * and otherwise on mingo, whole; mingo also takes over, from the start, when the compiled
 * run meets data it does not model (`CompiledBailout`). `engineRuns` counts which ran.
 *
 * The compiled executor works in slices of about 10 ms (the scan, building a partition's
 * columns, the work after the scan) and waits for a turn before each one: the store's
 * `SliceScheduler` grants one slice per event-loop turn, round-robin by tenant, so a cheap
 * request of one tenant waits at most about one slice behind another tenant's heavy ones,
 * however many of them are in flight. `maxTimeMS` is honoured cooperatively: the budget starts
 * when `aggregate` is called (or earlier, when the caller passes `deadline`) and is checked
 * every few thousand documents and after each wait, throwing `QueryTimeoutError` once it is
 * spent. mingo (a fallback for data the compiled executor does not model) runs synchronously
 * after its first turn but checks the same deadline in its scan. `0` or no value means no
 * budget, as on MongoDB.
 */
export function createEmbeddedStore(options: EmbeddedStoreOptions): EmbeddedStore {
  const { logger, debug = false, executor = 'auto' } = options;
  const partitions = createCallPartitions(options.calls);
  const vocabularies = createVocabularyPartitions(options.vocabularies ?? []);
  const keysByHash = indexKeys(options.apiKeys ?? []);
  const runs = { mingo: 0, compiled: 0 };
  const scheduler = options.scheduler ?? createSliceScheduler();
  logger?.(`embedded store: ${partitions.size} calls in ${partitions.tenants.length} tenants, ${vocabularies.size} vocabulary entries`);

  /** Runs the (narrowed) pipeline on mingo, on copies when a stage could write into its input. */
  function mingo<T>(run: {
    pipeline: Pipeline;
    remaining: Pipeline;
    segments: CallSegment[];
    deadline: number | undefined;
    maxTimeMS: number | undefined;
  }): T[] {
    const mutation = describeInputMutation(run.pipeline);
    if (mutation !== undefined) {
      logger?.(`embedded engine: ${mutation} may write into its input documents; running on copies`);
    }
    const source = createScanSource({ segments: run.segments, deadline: run.deadline, maxTimeMS: run.maxTimeMS });
    runs.mingo += 1;
    return runMingo<T>({ pipeline: run.remaining, source, copyInput: mutation !== undefined });
  }

  return {
    engine: 'embedded',
    size: partitions.size,
    get engineRuns(): EngineRuns {
      return { ...runs };
    },

    async aggregate<T = Record<string, unknown>>(pipeline: Pipeline, aggregateOptions?: AggregateOptions): Promise<T[]> {
      const deadline = deadlineOf(aggregateOptions?.maxTimeMS);
      const scope = narrowScope(pipeline);
      // Slices go round-robin by the tenants the pipeline reads (all of them: one lane).
      const lane = scope.tenants?.join('\u0000') ?? '';
      const pause = () => scheduler.turn(lane);
      // Even the first slice waits for a turn: pending I/O (other requests, health checks) and
      // other tenants' runs come first, and a request of many pipelines starts them one per turn.
      await pause();
      const started = debug ? performance.now() : 0;
      const collection = aggregateOptions?.collection === VOCABULARIES_COLLECTION ? vocabularies : partitions;
      const segments = collection.select(scope);
      const maxTimeMS = aggregateOptions?.maxTimeMS;

      if (executor === 'auto') {
        const compiled = compilePipeline(scope.pipeline);
        if (compiled.ok) {
          let handedOver = false;
          try {
            const rows = await runCompiled<T>({ pipeline: compiled.pipeline, segments, deadline, maxTimeMS, slicing: options.slicing, pause });
            if (debug) logger?.(`embedded engine: compiled executor, ${rows.length} rows in ${elapsed(started)} ms`);
            return rows;
          } catch (error) {
            if (!(error instanceof CompiledBailout)) throw error;
            handedOver = true;
            logger?.(`embedded engine: compiled executor gave up (${error.message}); mingo runs the pipeline`);
          } finally {
            // A run that timed out or failed still ran here; one handed to mingo counts there.
            if (!handedOver) runs.compiled += 1;
          }
        } else {
          logger?.(`embedded engine: not compiled (${compiled.reason}); mingo runs the pipeline`);
        }
      }

      const rows = mingo<T>({ pipeline, remaining: scope.pipeline, segments, deadline, maxTimeMS });
      if (debug) logger?.(`embedded engine: mingo, ${rows.length} rows in ${elapsed(started)} ms`);
      return rows;
    },

    async findApiKeys(keyHashes: readonly string[]): Promise<ApiKeyRecord[]> {
      return [...new Set(keyHashes)].flatMap((hash) => keysByHash.get(hash) ?? []).map((record) => ({ ...record }));
    },

    async close(): Promise<void> {
      // Nothing to release: the documents are plain memory.
    },
  };
}

function elapsed(started: number): string {
  return (performance.now() - started).toFixed(1);
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
