import { compareStrings, compareValues, isPlainObject, rankOf } from './bson-values.ts';
import { CompiledBailout, UnsupportedPipelineError } from './compiled-errors.ts';
import { TIME_FIELD } from '../document-columns.ts';
import { compileMillisPath, compileQueryPath } from './field-path.ts';
import type { Consumer, Evaluate, Row, StageContext, StagePlan } from './pipeline-types.ts';
import { compileAddedFields, withAddedFields, type AddedFields } from './projection-stages.ts';
import { runNow, runSliced, type SliceClock, type SlicedWork, UNSLICED } from './slice-clock.ts';

/**
 * `$sort` in MongoDB order (BSON order across types; null and missing equal and lowest),
 * stable, so rows that tie on every key keep their input order as mingo's sort does.
 * Sort keys are read once per row into columns (numbers and Dates into a `Float64Array`)
 * and an index array is sorted. Keys are read as rows arrive, so right after the scan they
 * come from the partition's columns (the time field as epoch ms) rather than from each
 * document. Followed by `$limit` (or `$skip` + `$limit`), only the first rows are
 * selected, with a bounded heap. Arrays and objects as sort keys are not modelled (MongoDB
 * sorts arrays by their smallest or largest element) and bail out.
 *
 * `$addFields` right before `$sort` (a derived sort value) is fused into it: the added values
 * are computed per row and kept beside it, and only the rows that leave the sort are copied
 * with them, instead of copying every row first.
 *
 * The sort runs after the scan, on a `SliceClock` (see `settle`): more than `NATIVE_SORT_MAX`
 * indexes are sorted in runs and merged, so that a sort of millions of grouped rows yields to
 * the event loop and stops at the deadline instead of holding the thread in one native call.
 */

interface SortField {
  readonly read: Evaluate;
  /** The key is the value of this added field (fused `$addFields`), not read from the row. */
  readonly added?: number;
  /** Epoch ms of the time field, NaN for a value that is not a Date (see `compileMillisPath`). */
  readonly millis?: (row: Row) => number;
  readonly direction: 1 | -1;
}

export function sortStage(spec: unknown, context: StageContext): StagePlan {
  const fields = sortFields(spec, context, undefined);
  const keep = rowsKept(context.following);
  return { create: (next) => new SortConsumer({ fields, keep, next }) };
}

/**
 * `[{ $addFields }, { $sort }]` as one stage; `context` is the `$addFields` stage's (its
 * `following` starts after the `$sort`).
 */
export function addFieldsSortStage(options: { addFields: unknown; sort: unknown; context: StageContext }): StagePlan {
  const { context } = options;
  const added = compileAddedFields(options.addFields, context);
  const fields = sortFields(options.sort, context, added);
  const keep = rowsKept(context.following);
  return { create: (next) => new SortConsumer({ fields, keep, next, added }) };
}

/** Whether `$addFields` + `$sort` can be fused: no sort path reaches inside an added field. */
export function fusesAddFieldsIntoSort(addFields: unknown, sort: unknown): boolean {
  if (!isPlainObject(addFields) || !isPlainObject(sort)) return false;
  return Object.keys(sort).every((path) => {
    const root = path.split('.')[0];
    return root === path || !Object.hasOwn(addFields, root);
  });
}

function sortFields(spec: unknown, context: StageContext, added: AddedFields | undefined): SortField[] {
  if (!isPlainObject(spec) || Object.keys(spec).length === 0) throw new UnsupportedPipelineError('$sort without keys');
  return Object.keys(spec).map((path) => {
    const direction = spec[path];
    if (direction !== 1 && direction !== -1) throw new UnsupportedPipelineError(`$sort direction ${JSON.stringify(direction)}`);
    const root = path.split('.')[0];
    // `fusesAddFieldsIntoSort` made sure an added field is only ever the whole path.
    const addedIndex = added && root === path ? added.keys.indexOf(root) : -1;
    const millis = context.cursor && path === TIME_FIELD ? compileMillisPath(path, context.cursor) : undefined;
    const read = compileQueryPath(path, context.cursor);
    return addedIndex === -1 ? { read, millis, direction } : { read, added: addedIndex, direction };
  });
}

/** How many leading rows the stages right after the sort can use, when they page. */
function rowsKept(following: readonly unknown[]): number | undefined {
  const count = (stage: unknown, name: string): number | undefined => {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1) return undefined;
    const value = stage[name];
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  };
  const limit = count(following[0], '$limit');
  if (limit !== undefined) return limit;
  const skip = count(following[0], '$skip');
  const after = count(following[1], '$limit');
  return skip !== undefined && after !== undefined ? skip + after : undefined;
}

type Column = { readonly numeric: true; readonly values: Float64Array } | { readonly numeric: false; readonly values: readonly unknown[] };

/**
 * The sort keys of one field, collected as rows arrive. All numbers (without NaN) or all
 * Dates (as epoch ms) give a numeric column; any other mix is compared in BSON order.
 */
class KeyCollector {
  /** Numbers, epoch ms of Dates (indexes in `dates`), or other values. */
  private readonly values: unknown[] = [];
  private readonly dates: number[] = [];
  private onlyNumbers = true;

  constructor(private readonly field: SortField) {}

  add(row: Row): void {
    const millis = this.field.millis?.(row);
    if (millis !== undefined && millis === millis) this.pushDate(millis);
    else this.addValue(this.field.read(row));
  }

  addValue(key: unknown): void {
    const value = key ?? null;
    if (typeof value === 'object' && value !== null && (Array.isArray(value) || isPlainObject(value))) {
      throw new CompiledBailout('an array or object as a $sort key');
    }
    rankOf(value);
    if (value instanceof Date) {
      this.pushDate(value.getTime());
      return;
    }
    this.onlyNumbers &&= typeof value === 'number' && value === value;
    this.values.push(value);
  }

  private pushDate(ms: number): void {
    this.dates.push(this.values.length);
    this.values.push(ms);
  }

  column(): Column {
    const allDates = this.dates.length === this.values.length;
    if (allDates || (this.dates.length === 0 && this.onlyNumbers)) return { numeric: true, values: Float64Array.from(this.values as number[]) };
    for (const index of this.dates) this.values[index] = new Date(this.values[index] as number);
    return { numeric: false, values: this.values };
  }
}

function compareEntries(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  return compareValues(a, b);
}

/** A total order on row indexes: the sort keys, then the input position. */
function indexComparator(columns: readonly Column[], directions: readonly (1 | -1)[]): (i: number, j: number) => number {
  return (i, j) => {
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k];
      let order: number;
      if (column.numeric) {
        const a = column.values[i];
        const b = column.values[j];
        order = a < b ? -1 : a > b ? 1 : 0;
      } else {
        order = compareEntries(column.values[i], column.values[j]);
      }
      if (order !== 0) return order * directions[k];
    }
    return i - j;
  };
}

class SortConsumer implements Consumer {
  private readonly fields: readonly SortField[];
  private readonly keep: number | undefined;
  private readonly next: Consumer;
  private readonly added: AddedFields | undefined;
  private readonly rows: Row[] = [];
  private readonly keys: KeyCollector[];
  /** Per row, the values of the fused `$addFields` (empty without one). */
  private readonly addedValues: unknown[][] = [];

  constructor(options: { fields: readonly SortField[]; keep: number | undefined; next: Consumer; added?: AddedFields }) {
    ({ fields: this.fields, keep: this.keep, next: this.next, added: this.added } = options);
    this.keys = this.fields.map((field) => new KeyCollector(field));
  }

  accept(row: Row): boolean {
    this.rows.push(row);
    let values: unknown[] | undefined;
    if (this.added) {
      const evaluators = this.added.evaluators;
      values = new Array(evaluators.length);
      for (let i = 0; i < evaluators.length; i++) values[i] = evaluators[i](row);
      this.addedValues.push(values);
    }
    for (let k = 0; k < this.keys.length; k++) {
      const added = this.fields[k].added;
      if (added !== undefined && values) this.keys[k].addValue(values[added]);
      else this.keys[k].add(row);
    }
    return true;
  }

  private flushed = false;

  async settle(clock: SliceClock): Promise<void> {
    await runSliced(this.flush(clock), clock);
  }

  end(): Row[] {
    if (!this.flushed) runNow(this.flush(UNSLICED));
    return this.next.end();
  }

  private *flush(clock: SliceClock): SlicedWork {
    this.flushed = true;
    const rows = this.rows;
    const compare = indexComparator(
      this.keys.map((key) => key.column()),
      this.fields.map((field) => field.direction),
    );
    const first = this.keep !== undefined && this.keep * 4 < rows.length ? yield* selectFirst(rows.length, this.keep, compare, clock) : allIndexes(rows.length);
    const order = yield* sortIndexes(first, compare, clock);
    for (const index of order) {
      const row = this.added ? withAddedFields(rows[index], this.added.keys, this.addedValues[index]) : rows[index];
      if (!this.next.accept(row)) break;
      if (clock.tick()) yield;
    }
  }
}

/** Up to this many indexes are sorted in one native call (a few ms); more are sorted in runs of this size and merged. */
const NATIVE_SORT_MAX = 4096;
/** Comparisons between two questions to the clock. */
const TICK_EVERY = 256;

/**
 * `order` sorted under `compare` (a total order, so the result is the one a native sort
 * gives): short arrays in one native call; longer ones in native runs of `NATIVE_SORT_MAX`,
 * then bottom-up merges, ticking `clock` per comparison so the caller can yield between.
 */
function* sortIndexes(order: number[], compare: (i: number, j: number) => number, clock: SliceClock): SlicedWork<number[]> {
  const n = order.length;
  if (n <= NATIVE_SORT_MAX) return order.sort(compare);
  const runCost = NATIVE_SORT_MAX * Math.log2(NATIVE_SORT_MAX);
  for (let start = 0; start < n; start += NATIVE_SORT_MAX) {
    const run = order.slice(start, start + NATIVE_SORT_MAX).sort(compare);
    for (let i = 0; i < run.length; i++) order[start + i] = run[i];
    if (clock.tick(runCost)) yield;
  }
  let from = order;
  let to = new Array<number>(n);
  let untilTick = TICK_EVERY;
  for (let width = NATIVE_SORT_MAX; width < n; width *= 2) {
    for (let low = 0; low < n; low += 2 * width) {
      const middle = Math.min(low + width, n);
      const high = Math.min(low + 2 * width, n);
      let i = low;
      let j = middle;
      let k = low;
      while (i < middle && j < high) {
        to[k++] = compare(from[j], from[i]) < 0 ? from[j++] : from[i++];
        // The clock is asked once per `TICK_EVERY` comparisons: a call per comparison costs ~30%.
        if (--untilTick === 0) {
          untilTick = TICK_EVERY;
          if (clock.tick(TICK_EVERY)) yield;
        }
      }
      while (i < middle) to[k++] = from[i++];
      while (j < high) to[k++] = from[j++];
    }
    [from, to] = [to, from];
  }
  return from;
}

function allIndexes(n: number): number[] {
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/** The `k` smallest indexes under `compare` (unordered), with a max-heap of size `k`; ticks `clock` per index. */
function* selectFirst(n: number, k: number, compare: (i: number, j: number) => number, clock: SliceClock): SlicedWork<number[]> {
  const heap: number[] = [];
  if (k === 0) return heap;
  let untilTick = TICK_EVERY;
  const siftDown = (start: number): void => {
    let at = start;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const larger = right < heap.length && compare(heap[right], heap[left]) > 0 ? right : left;
      if (compare(heap[larger], heap[at]) <= 0) return;
      [heap[at], heap[larger]] = [heap[larger], heap[at]];
      at = larger;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (compare(heap[at], heap[parent]) <= 0) break;
        [heap[at], heap[parent]] = [heap[parent], heap[at]];
        at = parent;
      }
    } else if (compare(i, heap[0]) < 0) {
      heap[0] = i;
      siftDown(0);
    }
    if (--untilTick === 0) {
      untilTick = TICK_EVERY;
      if (clock.tick(TICK_EVERY)) yield;
    }
  }
  return heap;
}
