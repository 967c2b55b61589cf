import { canonicalKey, compareValues, isPlainObject, setField } from './bson-values.ts';
import { CompiledBailout, UnsupportedPipelineError } from './compiled-errors.ts';
import { compileQueryPath } from './field-path.ts';
import type { Consumer, Evaluate, Row, StageContext, StagePlan } from './pipeline-types.ts';

/**
 * `$setWindowFields` in the one form dialgraph emits (the running counts that duration
 * percentiles are picked from, src/analytics/query/percentile-levels.ts): an optional
 * `partitionBy` expression, a `sortBy` of field paths, and outputs that are each a `$sum` over
 * the documents window `['unbounded', 'current']` (a running sum) or
 * `['unbounded', 'unbounded']` (the partition's sum). Anything else (other window operators,
 * range windows, bounded windows) runs on mingo.
 *
 * Rows are buffered per partition (partitions in first-seen order, as mingo emits them;
 * MongoDB emits them in partition-key order, which no dialgraph pipeline depends on: a
 * `$group` always follows), each partition sorted stably in MongoDB order, and every row
 * leaves as a copy with the output fields added; the input rows are never written.
 */

type Bound = 'current' | 'unbounded';

interface SumOutput {
  readonly field: string;
  readonly term: (row: Row) => number;
  readonly upper: Bound;
}

export function windowStage(spec: unknown, context: StageContext): StagePlan {
  if (!isPlainObject(spec)) throw new UnsupportedPipelineError('$setWindowFields spec');
  for (const key of Object.keys(spec)) {
    if (key !== 'partitionBy' && key !== 'sortBy' && key !== 'output') throw new UnsupportedPipelineError(`$setWindowFields option ${key}`);
  }
  // The stored documents are frozen and may be read from columns: only intermediate rows here.
  if (context.cursor) throw new UnsupportedPipelineError('$setWindowFields over the scanned documents');
  const sortBy = spec.sortBy;
  if (!isPlainObject(sortBy) || Object.keys(sortBy).length === 0) throw new UnsupportedPipelineError('$setWindowFields without sortBy');
  const sortKeys = Object.keys(sortBy).map((path): { read: Evaluate; direction: 1 | -1 } => {
    const direction = sortBy[path];
    if (direction !== 1 && direction !== -1) throw new UnsupportedPipelineError(`$setWindowFields sortBy direction ${JSON.stringify(direction)}`);
    return { read: compileQueryPath(path), direction };
  });
  const output = spec.output;
  if (!isPlainObject(output) || Object.keys(output).length === 0) throw new UnsupportedPipelineError('$setWindowFields without output');
  const outputSpecs = Object.keys(output).map((field) => {
    if (field.startsWith('$') || field.includes('.')) throw new UnsupportedPipelineError(`$setWindowFields output field "${field}"`);
    return { field, ...sumWindow(output[field]) };
  });
  // An object of parts (`{ source: '$_id.source', … }`) is partitioned part by part, without
  // building the key object; any other expression by its value.
  const partitionParts: unknown[] =
    spec.partitionBy === undefined ? [] : isPlainObject(spec.partitionBy) && !Object.keys(spec.partitionBy)[0]?.startsWith('$') ? Object.values(spec.partitionBy) : [spec.partitionBy];
  const scope = context.expressions([...partitionParts, ...outputSpecs.map((o) => o.operand)]);
  const partition = partitionParts.map((part) => scope.compile(part).evaluate);
  const outputs: SumOutput[] = outputSpecs.map(({ field, operand, upper }) => {
    const evaluate = scope.compile(operand).evaluate;
    return {
      field,
      upper,
      term: (row) => {
        const value = evaluate(row);
        return typeof value === 'number' ? value : 0;
      },
    };
  });
  const makeRow = outputRowFactory(outputs.map((o) => o.field));
  return { create: (next) => new WindowConsumer({ partition, sortKeys, outputs, makeRow, next }) };
}

function sumWindow(spec: unknown): { operand: unknown; upper: Bound } {
  if (!isPlainObject(spec) || !Object.hasOwn(spec, '$sum') || !Object.hasOwn(spec, 'window') || Object.keys(spec).length !== 2) {
    throw new UnsupportedPipelineError('$setWindowFields output other than $sum over a window');
  }
  const window = spec.window;
  const documents = isPlainObject(window) && Object.keys(window).length === 1 ? window.documents : undefined;
  if (!Array.isArray(documents) || documents.length !== 2 || documents[0] !== 'unbounded' || (documents[1] !== 'current' && documents[1] !== 'unbounded')) {
    throw new UnsupportedPipelineError('$setWindowFields window other than documents [unbounded, current|unbounded]');
  }
  if (Array.isArray(spec.$sum)) throw new UnsupportedPipelineError('$setWindowFields $sum with an array operand');
  return { operand: spec.$sum, upper: documents[1] };
}

/** A nested map level: primitives by value, objects and arrays by canonical key (as `$group` keys). */
type Level = Map<unknown, unknown>;

const slotOf = (value: unknown): unknown => {
  const v = value ?? null;
  return typeof v === 'object' && v !== null && !(v instanceof Date) ? canonicalKey(v) : v instanceof Date ? `d${v.getTime()}` : v;
};

class WindowConsumer implements Consumer {
  private readonly partition: readonly Evaluate[];
  private readonly sortKeys: readonly { read: Evaluate; direction: 1 | -1 }[];
  private readonly outputs: readonly SumOutput[];
  private readonly makeRow: (row: Row, values: readonly number[]) => Row;
  private readonly next: Consumer;
  private readonly root: Level = new Map();
  /** Partitions in first-seen order. */
  private readonly partitions: Row[][] = [];

  constructor(options: {
    partition: readonly Evaluate[];
    sortKeys: readonly { read: Evaluate; direction: 1 | -1 }[];
    outputs: readonly SumOutput[];
    makeRow: (row: Row, values: readonly number[]) => Row;
    next: Consumer;
  }) {
    ({ partition: this.partition, sortKeys: this.sortKeys, outputs: this.outputs, makeRow: this.makeRow, next: this.next } = options);
  }

  accept(row: Row): boolean {
    const parts = this.partition;
    let level = this.root;
    let rows: Row[] | undefined;
    if (parts.length === 0) {
      rows = this.partitions[0] ?? (this.partitions[0] = []);
    } else {
      for (let i = 0; i < parts.length - 1; i++) {
        const slot = slotOf(parts[i](row));
        let child = level.get(slot) as Level | undefined;
        if (!child) level.set(slot, (child = new Map()));
        level = child;
      }
      const slot = slotOf(parts[parts.length - 1](row));
      rows = level.get(slot) as Row[] | undefined;
      if (!rows) {
        rows = [];
        level.set(slot, rows);
        this.partitions.push(rows);
      }
    }
    rows.push(row);
    return true;
  }

  end(): Row[] {
    for (const rows of this.partitions) {
      if (!this.emitPartition(rows)) break;
    }
    return this.next.end();
  }

  private emitPartition(rows: readonly Row[]): boolean {
    const order = this.sortedOrder(rows);
    const outputs = this.outputs;
    const totals = outputs.map((output) => {
      let sum = 0;
      for (const row of rows) sum += output.term(row);
      return sum;
    });
    const running = outputs.map(() => 0);
    const values = outputs.map(() => 0);
    for (let position = 0; position < order.length; position++) {
      const row = rows[order[position]];
      for (let o = 0; o < outputs.length; o++) {
        running[o] += outputs[o].term(row);
        values[o] = outputs[o].upper === 'current' ? running[o] : totals[o];
      }
      if (!this.next.accept(this.makeRow(row, values))) return false;
    }
    return true;
  }

  /** Row indexes in sort order; stable (ties keep their input order, as mingo's `$sort` does). */
  private sortedOrder(rows: readonly Row[]): number[] {
    const sortKeys = this.sortKeys;
    const columns = sortKeys.map((key) => rows.map((row) => sortValue(key.read(row))));
    // The common case, numbers on every key: compare them directly.
    const numeric = columns.map((column) => (column.every((v) => typeof v === 'number' && v === v) ? Float64Array.from(column as number[]) : null));
    const order = rows.map((_, i) => i);
    order.sort((a, b) => {
      for (let k = 0; k < sortKeys.length; k++) {
        const values = numeric[k];
        const c = values ? (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0) : compareValues(columns[k][a], columns[k][b]);
        if (c !== 0) return c * sortKeys[k].direction;
      }
      return a - b;
    });
    return order;
  }
}

/**
 * `{ ...row, [fields[i]]: values[i]… }` from one literal compiled per stage (names embedded as
 * JSON string literals; `__proto__` falls back to `setField`). The input row is never written.
 */
function outputRowFactory(fields: readonly string[]): (row: Row, values: readonly number[]) => Row {
  if (fields.includes('__proto__')) {
    return (row, values) => {
      const out: Row = { ...row };
      fields.forEach((field, i) => setField(out, field, values[i]));
      return out;
    };
  }
  const literal = fields.map((field, i) => `${JSON.stringify(field)}: values[${i}]`).join(', ');
  return new Function('row', 'values', `return { ...row, ${literal} };`) as (row: Row, values: readonly number[]) => Row;
}

/** A sort key as MongoDB orders it (missing as null); lists and documents are not modelled. */
function sortValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'object' && value !== null && (Array.isArray(value) || isPlainObject(value))) {
    throw new CompiledBailout('an array or object as a $setWindowFields sort key');
  }
  return value;
}
