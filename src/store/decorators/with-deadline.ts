import type { CallStore } from '../call-store.ts';
import { decorate } from './decorate.ts';

/** Options of {@link withDeadline}. */
export interface DeadlineOptions {
  /** Time budget of an aggregation that names none itself; a positive integer (ms). */
  maxTimeMS: number;
}

/**
 * Gives every aggregation a time budget: calls that pass no `maxTimeMS` get `options.maxTimeMS`,
 * calls that pass one keep theirs. Over budget the adapter throws `QueryTimeoutError`
 * (MongoDB through the server's `maxTimeMS`, the embedded engine in its scan loop).
 */
export function withDeadline(store: CallStore, options: DeadlineOptions): CallStore {
  const { maxTimeMS } = options;
  if (!Number.isInteger(maxTimeMS) || maxTimeMS <= 0) {
    throw new RangeError(`withDeadline: maxTimeMS must be a positive integer, got ${String(maxTimeMS)}`);
  }
  return decorate(store, (pipeline, aggregateOptions) =>
    store.aggregate(pipeline, aggregateOptions?.maxTimeMS === undefined ? { ...aggregateOptions, maxTimeMS } : aggregateOptions),
  );
}
