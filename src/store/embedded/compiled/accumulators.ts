import { canonicalKey, compareValues, isPlainObject, truthy } from './bson-values.ts';
import { CompiledBailout, UnsupportedPipelineError } from './compiled-errors.ts';
import type { CompiledExpression, Evaluate, ExpressionScope, Row } from './pipeline-types.ts';

/**
 * `$group` accumulators as per-group slots. Group indexes are dense (0, 1, 2… in the order
 * groups are first seen), so numeric state lives in growable `Float64Array` columns and a
 * document updates its group with no allocation. Semantics are MongoDB's: `$sum` adds
 * numbers and ignores everything else, `$avg` averages numbers (null when there are none),
 * `$min`/`$max` skip null and missing (null when nothing is left), `$push`/`$addToSet` skip
 * missing values (mingo pushes null for them; dialgraph only pushes values that are always
 * present, DESIGN section 1), `$first` gives null for a missing value.
 */

/** The run-time state of one accumulator over all groups. */
export interface AccumulatorState {
  /** Makes room for the next group (called once per new group, before its first update). */
  addGroup(): void;
  update(group: number, row: Row): void;
  result(group: number): unknown;
}

/** A compiled accumulator: fresh state per run. */
export interface AccumulatorPlan {
  create(): AccumulatorState;
}

export type AccumulatorCompiler = (operand: unknown, scope: ExpressionScope) => AccumulatorPlan;

function compileOperand(name: string, operand: unknown, scope: ExpressionScope): CompiledExpression {
  // In `$group`, `{ $sum: [a, b] }` is an error on MongoDB (accumulators are unary there).
  if (Array.isArray(operand)) throw new UnsupportedPipelineError(`${name} with an array operand`);
  return scope.compile(operand);
}

/** A `Float64Array` that doubles when a group index outgrows it. */
class NumberColumn {
  values: Float64Array;
  private size = 0;

  constructor(private readonly initial: number) {
    this.values = new Float64Array(16).fill(initial);
  }

  add(): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.size * 2).fill(this.initial);
      grown.set(this.values);
      this.values = grown;
    }
    this.size += 1;
  }
}

export const sumAccumulator: AccumulatorCompiler = (operand, scope) => {
  const value = compileOperand('$sum', operand, scope);
  if (value.constant) {
    const step = typeof value.value === 'number' ? value.value : 0;
    return { create: () => new SumState(() => step) };
  }
  // `{ $sum: { $cond: [test, 1, 0] } }` (counting calls that pass a test): no boxing of the branch values.
  const counted = conditionalCount(operand, scope);
  if (counted) return { create: () => new SumState(counted) };
  const evaluate = value.evaluate;
  return {
    create: () =>
      new SumState((row) => {
        const v = evaluate(row);
        return typeof v === 'number' ? v : 0;
      }),
  };
};

function conditionalCount(operand: unknown, scope: ExpressionScope): ((row: Row) => number) | undefined {
  if (!isPlainObject(operand) || Object.keys(operand).length !== 1 || !Array.isArray(operand.$cond) || operand.$cond.length !== 3) {
    return undefined;
  }
  const [test, whenTrue, whenFalse] = operand.$cond;
  if (typeof whenTrue !== 'number' || typeof whenFalse !== 'number') return undefined;
  const evaluate = scope.compile(test).evaluate;
  return (row) => (truthy(evaluate(row)) ? whenTrue : whenFalse);
}

class SumState implements AccumulatorState {
  private readonly sums = new NumberColumn(0);

  constructor(private readonly term: (row: Row) => number) {}

  addGroup(): void {
    this.sums.add();
  }

  update(group: number, row: Row): void {
    this.sums.values[group] += this.term(row);
  }

  result(group: number): unknown {
    return this.sums.values[group];
  }
}

export const avgAccumulator: AccumulatorCompiler = (operand, scope) => {
  const evaluate = compileOperand('$avg', operand, scope).evaluate;
  return { create: () => new AvgState(evaluate) };
};

class AvgState implements AccumulatorState {
  private readonly sums = new NumberColumn(0);
  private readonly counts = new NumberColumn(0);

  constructor(private readonly evaluate: Evaluate) {}

  addGroup(): void {
    this.sums.add();
    this.counts.add();
  }

  update(group: number, row: Row): void {
    const v = this.evaluate(row);
    if (typeof v !== 'number') return;
    this.sums.values[group] += v;
    this.counts.values[group] += 1;
  }

  result(group: number): unknown {
    const count = this.counts.values[group];
    return count > 0 ? this.sums.values[group] / count : null;
  }
}

/** `$min` keeps values that compare below the best so far, `$max` above. */
function extremum(name: '$min' | '$max', sign: 1 | -1): AccumulatorCompiler {
  return (operand, scope) => {
    const evaluate = compileOperand(name, operand, scope).evaluate;
    return { create: () => new ExtremumState(evaluate, sign) };
  };
}

class ExtremumState implements AccumulatorState {
  /** `undefined` until the group sees a value other than null/missing. */
  private readonly best: unknown[] = [];

  constructor(
    private readonly evaluate: Evaluate,
    private readonly sign: 1 | -1,
  ) {}

  addGroup(): void {
    this.best.push(undefined);
  }

  update(group: number, row: Row): void {
    const v = this.evaluate(row);
    if (v === null || v === undefined) return;
    const best = this.best[group];
    if (best === undefined) {
      this.best[group] = checked(v);
      return;
    }
    const order = typeof v === 'number' && typeof best === 'number' && v === v && best === best
      ? (v < best ? -1 : v > best ? 1 : 0)
      : compareValues(checked(v), best);
    if (order * this.sign < 0) this.best[group] = v;
  }

  result(group: number): unknown {
    return this.best[group] ?? null;
  }
}

/**
 * mingo orders arrays and objects differently from MongoDB in `$min`/`$max` (it sorts
 * object keys and compares arrays element-wise against scalars); not modelled.
 */
function checked(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && (Array.isArray(value) || isPlainObject(value))) {
    throw new CompiledBailout('$min/$max over an array or object');
  }
  return value;
}

export const minAccumulator = extremum('$min', 1);
export const maxAccumulator = extremum('$max', -1);

const UNSET = Symbol('unset');

export const firstAccumulator: AccumulatorCompiler = (operand, scope) => {
  const evaluate = compileOperand('$first', operand, scope).evaluate;
  return { create: () => new FirstState(evaluate) };
};

class FirstState implements AccumulatorState {
  private readonly values: unknown[] = [];

  constructor(private readonly evaluate: Evaluate) {}

  addGroup(): void {
    this.values.push(UNSET);
  }

  update(group: number, row: Row): void {
    if (this.values[group] === UNSET) this.values[group] = this.evaluate(row) ?? null;
  }

  result(group: number): unknown {
    const value = this.values[group];
    return value === UNSET ? null : value;
  }
}

export const pushAccumulator: AccumulatorCompiler = (operand, scope) => {
  const evaluate = compileOperand('$push', operand, scope).evaluate;
  return { create: () => new PushState(evaluate) };
};

class PushState implements AccumulatorState {
  private readonly lists: unknown[][] = [];

  constructor(private readonly evaluate: Evaluate) {}

  addGroup(): void {
    this.lists.push([]);
  }

  update(group: number, row: Row): void {
    const v = this.evaluate(row);
    if (v !== undefined) this.lists[group].push(v);
  }

  result(group: number): unknown {
    return this.lists[group];
  }
}

export const addToSetAccumulator: AccumulatorCompiler = (operand, scope) => {
  const evaluate = compileOperand('$addToSet', operand, scope).evaluate;
  return { create: () => new AddToSetState(evaluate) };
};

/** Distinct values in first-seen order (MongoDB leaves the order open; mingo keeps this one). */
class ValueSet {
  readonly items: unknown[] = [];
  private readonly primitives = new Set<unknown>();
  private compound: Set<string> | undefined;

  add(value: unknown): void {
    if (typeof value !== 'object' || value === null) {
      if (this.primitives.has(value)) return;
      this.primitives.add(value);
    } else {
      const key = canonicalKey(value);
      this.compound ??= new Set();
      if (this.compound.has(key)) return;
      this.compound.add(key);
    }
    this.items.push(value);
  }
}

class AddToSetState implements AccumulatorState {
  private readonly sets: ValueSet[] = [];

  constructor(private readonly evaluate: Evaluate) {}

  addGroup(): void {
    this.sets.push(new ValueSet());
  }

  update(group: number, row: Row): void {
    const v = this.evaluate(row);
    if (v !== undefined) this.sets[group].add(v);
  }

  result(group: number): unknown {
    return this.sets[group].items;
  }
}
