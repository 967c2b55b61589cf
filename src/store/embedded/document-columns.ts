import type { CallDocument } from '../../contract/call-document.ts';
import type { SliceClock, SlicedWork } from './compiled/slice-clock.ts';

/** The field partitions are sorted by; every stored document has it as a valid Date. */
export const TIME_FIELD = 'started_at';

/**
 * Most columns one partition keeps. A column costs one pointer (4 bytes) per document, so
 * 48 columns of a million documents stay under 200 MB; the least recently used goes first.
 */
const MAX_COLUMNS = 48;

/**
 * Field values of one partition's documents, by document index, for the compiled executor.
 * Documents are read in `started_at` order, which is not the order they sit in memory, and
 * a document is several hundred bytes: reading one field from each document of a large
 * partition costs a cache miss per document. A column is a compact array read in order, so
 * it is built once per field (the first query that reads it pays one pass) and reused.
 * Sound because stored documents are frozen: a column never goes stale.
 */
export interface DocumentColumns {
  /** `started_at` in epoch ms (the partition's sort key). */
  readonly times: Float64Array;
  /**
   * The values of top-level fields, one array per name, `undefined` where a document lacks
   * the field (own properties only). Missing columns are built together, in one pass over the
   * documents, so a pipeline's first run reads each document once, not once per field.
   */
  fields(names: readonly string[]): (readonly unknown[])[];
  /**
   * Builds the missing columns of `names` in slices of `clock` (a cold column is one pass over
   * the whole partition: a million documents hold the thread for a hundred milliseconds or
   * more), so that `fields` then finds them built.
   */
  prepare(names: readonly string[], clock: SliceClock): SlicedWork;
}

/** Options of {@link createDocumentColumns}. */
export interface DocumentColumnsOptions {
  readonly docs: readonly CallDocument[];
  readonly times: Float64Array;
}

export function createDocumentColumns(options: DocumentColumnsOptions): DocumentColumns {
  const { docs, times } = options;
  // Insertion order is recency order: a hit is moved to the end.
  const cache = new Map<string, unknown[]>();

  function* build(names: readonly string[], clock?: SliceClock): SlicedWork {
    // Filled with undefined first so the arrays hold tagged values (numbers are not unboxed
    // into a double array and re-boxed on every read).
    const built = names.map(() => new Array<unknown>(docs.length).fill(undefined));
    // `Object.hasOwn` per document and field cost about as much as the read itself; only a name
    // that `Object.prototype` also has (`constructor`, `toString`…) can read something a document
    // does not own, so only those pay for the check.
    const inherited = names.map((name) => name in Object.prototype);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as unknown as Record<string, unknown>;
      for (let k = 0; k < names.length; k++) {
        const value = doc[names[k]];
        if (value !== undefined && (!inherited[k] || Object.hasOwn(doc, names[k]))) built[k][i] = value;
      }
      if (clock?.tick(names.length) === true) yield;
    }
    names.forEach((name, k) => cache.set(name, built[k]));
  }

  const missingOf = (names: readonly string[]) => [...new Set(names.filter((name) => !cache.has(name)))];

  return {
    times,
    *prepare(names, clock) {
      const missing = missingOf(names);
      if (missing.length) yield* build(missing, clock);
    },
    fields(names) {
      const missing = missingOf(names);
      // Built in one go only when nobody prepared them (or another run evicted them meanwhile).
      if (missing.length) build(missing).next();
      const columns = names.map((name) => {
        const column = cache.get(name) as unknown[];
        cache.delete(name);
        cache.set(name, column);
        return column;
      });
      // Evict only after every requested column is in hand (a pipeline may read many fields).
      while (cache.size > MAX_COLUMNS) cache.delete(cache.keys().next().value as string);
      return columns;
    },
  };
}
