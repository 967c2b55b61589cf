import { compareStrings } from './bson-values.ts';
import { CompiledBailout, UnsupportedPipelineError } from './compiled-errors.ts';

/**
 * Field-level query operators of `$match` (`{ field: { $op: operand } }`), compiled into a
 * test of the field's value. MongoDB's query semantics: an array field matches when any
 * element does (`{ tags: 'vip' }`), `null` matches null and missing alike, and `$gt`-style
 * comparisons only match values of the operand's type. Negations (`$ne`, `$nin`) are the
 * complement of the positive test, so `{ tags: { $ne: 'vip' } }` excludes arrays holding
 * 'vip'. Operands are constants (scalars, null, Dates): other operand shapes are left to mingo.
 */

/** Tests the value at the end of a field path (`undefined` when missing). */
export type ValueTest = (value: unknown) => boolean;

/** Compiles one operator; `siblings` is the whole operator object (for `$regex` + `$options`). */
export type QueryOperatorCompiler = (operand: unknown, siblings: Readonly<Record<string, unknown>>) => ValueTest;

/** A test of one scalar (an element, or the non-array value itself). */
type ScalarTest = (value: unknown) => boolean;

/** Array fields match when an element matches; arrays nested in arrays are not modelled. */
function anyElement(test: ScalarTest): ValueTest {
  return (value) => {
    if (!Array.isArray(value)) return test(value);
    for (const item of value) {
      if (Array.isArray(item)) throw new CompiledBailout('a query over nested arrays');
      if (test(item)) return true;
    }
    return false;
  };
}

/** Equality with a constant scalar; exported for implicit equality (`{ status: 'completed' }`). */
export function equalityTest(operand: unknown): ValueTest {
  return anyElement(scalarEquals(operand));
}

function scalarEquals(operand: unknown): ScalarTest {
  if (operand === null) return (value) => value === null || value === undefined;
  if (typeof operand === 'string' || typeof operand === 'boolean') return (value) => value === operand;
  if (typeof operand === 'number' && !Number.isNaN(operand)) return (value) => value === operand;
  if (operand instanceof Date && !Number.isNaN(operand.getTime())) {
    const ms = operand.getTime();
    return (value) => value instanceof Date && value.getTime() === ms;
  }
  throw new UnsupportedPipelineError(`query equality with ${describeOperand(operand)}`);
}

function membershipTest(name: string, operand: unknown): ValueTest {
  if (!Array.isArray(operand)) throw new UnsupportedPipelineError(`${name} with a non-array operand`);
  const primitives = new Set<unknown>();
  const dates = new Set<number>();
  let matchesNull = false;
  for (const item of operand) {
    if (item === null) matchesNull = true;
    else if (typeof item === 'string' || typeof item === 'boolean' || (typeof item === 'number' && !Number.isNaN(item))) primitives.add(item);
    else if (item instanceof Date && !Number.isNaN(item.getTime())) dates.add(item.getTime());
    else throw new UnsupportedPipelineError(`${name} with ${describeOperand(item)}`);
  }
  return anyElement((value) => {
    if (value === null || value === undefined) return matchesNull;
    if (value instanceof Date) return dates.has(value.getTime());
    return primitives.has(value);
  });
}

type Order = (order: number) => boolean;

/** `$gt`-style comparison, bracketed by type: only values of the operand's type can match. */
function rangeTest(name: string, holds: Order): QueryOperatorCompiler {
  return (operand) => {
    if (typeof operand === 'number' && !Number.isNaN(operand)) {
      return anyElement((value) => typeof value === 'number' && holds(value < operand ? -1 : value > operand ? 1 : value === operand ? 0 : NaN));
    }
    if (typeof operand === 'string') return anyElement((value) => typeof value === 'string' && holds(compareStrings(value, operand)));
    if (operand instanceof Date && !Number.isNaN(operand.getTime())) {
      const ms = operand.getTime();
      return anyElement((value) => value instanceof Date && holds(value.getTime() < ms ? -1 : value.getTime() > ms ? 1 : 0));
    }
    throw new UnsupportedPipelineError(`${name} with ${describeOperand(operand)}`);
  };
}

/** JavaScript flags MongoDB's `$options` shares; `x` (extended) has no JavaScript equivalent. */
const REGEX_OPTIONS = /^[ims]*$/;

function regexTest(operand: unknown, siblings: Readonly<Record<string, unknown>>): ValueTest {
  const options = siblings.$options;
  let pattern: RegExp;
  if (typeof operand === 'string') {
    if (options !== undefined && (typeof options !== 'string' || !REGEX_OPTIONS.test(options))) {
      throw new UnsupportedPipelineError(`$options ${JSON.stringify(options)}`);
    }
    try {
      pattern = new RegExp(operand, options ?? '');
    } catch {
      throw new UnsupportedPipelineError('a $regex JavaScript cannot compile');
    }
  } else if (operand instanceof RegExp && options === undefined && !operand.global && !operand.sticky) {
    pattern = operand;
  } else {
    throw new UnsupportedPipelineError(`$regex with ${describeOperand(operand)}`);
  }
  return anyElement((value) => typeof value === 'string' && pattern.test(value));
}

function describeOperand(operand: unknown): string {
  if (operand instanceof Date) return 'an invalid Date';
  if (Array.isArray(operand)) return 'an array';
  if (operand instanceof RegExp) return 'a RegExp';
  if (typeof operand === 'object' && operand !== null) return 'an object';
  return typeof operand === 'number' ? `the number ${operand}` : `a ${typeof operand}`;
}

export const queryEq: QueryOperatorCompiler = (operand) => equalityTest(operand);

export const queryNe: QueryOperatorCompiler = (operand) => {
  const test = equalityTest(operand);
  return (value) => !test(value);
};

export const queryIn: QueryOperatorCompiler = (operand) => membershipTest('$in', operand);

export const queryNin: QueryOperatorCompiler = (operand) => {
  const test = membershipTest('$nin', operand);
  return (value) => !test(value);
};

export const queryGt = rangeTest('$gt', (order) => order > 0);
export const queryGte = rangeTest('$gte', (order) => order >= 0);
export const queryLt = rangeTest('$lt', (order) => order < 0);
export const queryLte = rangeTest('$lte', (order) => order <= 0);

/** `$exists: <truthy>`: the field is present (null counts as present). */
export const queryExists: QueryOperatorCompiler = (operand) => {
  if (typeof operand !== 'boolean' && typeof operand !== 'number') throw new UnsupportedPipelineError('$exists with a non-boolean');
  const wanted = Boolean(operand);
  return (value) => (value !== undefined) === wanted;
};

export const queryRegex: QueryOperatorCompiler = regexTest;

/** `$options` is read by `$regex`; alone it is an error, left to mingo. */
export const queryOptions: QueryOperatorCompiler = (_operand, siblings) => {
  if (!Object.hasOwn(siblings, '$regex')) throw new UnsupportedPipelineError('$options without $regex');
  return () => true;
};
