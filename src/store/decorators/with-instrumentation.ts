import { CALLS_COLLECTION, type QueryCollection } from '../../contract/collections.ts';
import type { ScopedPipeline } from '../../contract/pipeline.ts';
import type { CallStore } from '../call-store.ts';
import { decorate } from './decorate.ts';

/** One finished aggregation, as an observer of {@link withInstrumentation} sees it. */
export interface StoreCall {
  /** The pipeline as the store received it (already scoped to the caller's tenant). */
  readonly pipeline: ScopedPipeline;
  /** The `label` the caller passed (the operation's name), when it passed one. */
  readonly label: string | undefined;
  /** The collection it ran over, when not `calls` (the account vocabularies). */
  readonly collection?: QueryCollection;
  readonly engine: CallStore['engine'];
  /** Wall time from the call to its settlement, in milliseconds. */
  readonly ms: number;
  /** Rows returned; 0 when the aggregation failed. */
  readonly rows: number;
  /** What the aggregation threw, or undefined when it answered. */
  readonly error: unknown;
}

/** Options of {@link withInstrumentation}. */
export interface InstrumentationOptions {
  /**
   * Called once per aggregation, after it settles and before its caller sees the result.
   * It runs on the request's path: keep it cheap, and do not throw (a throw fails the query).
   */
  observe(call: StoreCall): void;
  /** Called as an aggregation starts (for an in-flight gauge); same rules as `observe`. */
  start?(call: Pick<StoreCall, 'label' | 'engine'>): void;
}

/**
 * Reports every aggregation's label, engine, time, row count and error to `observe`: the one
 * place metrics, logs, traces and per-request store time read what the store did.
 */
export function withInstrumentation(store: CallStore, options: InstrumentationOptions): CallStore {
  const { observe, start } = options;
  const engine = store.engine;
  return decorate(store, async <T>(...args: Parameters<CallStore['aggregate']>) => {
    const label = args[1]?.label;
    // Only a pipeline over another collection says so: calls stay the plain, common case.
    const where = args[1]?.collection && args[1].collection !== CALLS_COLLECTION ? { collection: args[1].collection } : {};
    start?.({ label, engine });
    const started = performance.now();
    let rows: T[];
    try {
      rows = await store.aggregate<T>(...args);
    } catch (error) {
      observe({ pipeline: args[0], label, ...where, engine, ms: performance.now() - started, rows: 0, error });
      throw error;
    }
    observe({ pipeline: args[0], label, ...where, engine, ms: performance.now() - started, rows: rows.length, error: undefined });
    return rows;
  });
}
