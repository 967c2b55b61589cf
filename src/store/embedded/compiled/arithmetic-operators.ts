import { compileAll, operandList, operator, reject } from './compiled-expression.ts';
import type { CompiledExpression, ExpressionScope } from './pipeline-types.ts';

/**
 * `$add`, `$subtract`, `$multiply`, `$divide`, `$floor` and `$mod` with MongoDB's rules:
 * null or missing operands give null; a Date takes part in `$add`/`$subtract` as epoch ms
 * (Date − Date is a number of ms, Date ± number a Date); any other type, a second Date in
 * `$add`, or a zero divisor is an error on MongoDB and mingo alike, so it bails out and
 * mingo reports it. Each operator has a fast path for numbers, with a constant operand
 * folded in, which is what the time-bucket expressions hit on every document.
 */

const isNil = (value: unknown): value is null | undefined => value === null || value === undefined;

/** `$add` over evaluated operands; mingo's loop order (a null before a bad type gives null). */
export function addValues(values: readonly unknown[]): unknown {
  let sum = 0;
  let date = false;
  for (const value of values) {
    if (isNil(value)) return null;
    if (typeof value === 'number') sum += value;
    else if (value instanceof Date) {
      if (date) reject('$add', 'only one date allowed');
      date = true;
      sum += value.getTime();
    } else reject('$add', 'operands must be numbers or one date');
  }
  // The Date constructor truncates a fractional millisecond, as mingo's result does.
  return date ? new Date(sum) : sum;
}

function subtractValues(a: unknown, b: unknown): unknown {
  if (isNil(a) || isNil(b)) return null;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a instanceof Date) {
    if (b instanceof Date) return a.getTime() - b.getTime();
    // mingo rounds the subtracted number of ms; MongoDB stores dates as whole ms as well.
    if (typeof b === 'number') return new Date(a.getTime() - Math.round(b));
  }
  return reject('$subtract', 'operands must be numbers or dates');
}

function multiplyValues(values: readonly unknown[]): unknown {
  let product = 1;
  for (const value of values) if (isNil(value)) return null;
  for (const value of values) {
    if (typeof value !== 'number') reject('$multiply', 'operands must be numbers');
    product *= value as number;
  }
  return product;
}

function divideValues(a: unknown, b: unknown): unknown {
  if (isNil(a) || isNil(b)) return null;
  if (typeof a !== 'number' || typeof b !== 'number') return reject('$divide', 'operands must be numbers');
  if (b === 0) return reject('$divide', 'division by zero');
  return a / b;
}

function floorValue(value: unknown): unknown {
  if (isNil(value)) return null;
  if (typeof value !== 'number') return reject('$floor', 'operand must be a number');
  return Math.floor(value);
}

/** `$mod` keeps the dividend's sign (fmod). MongoDB gives null for a null operand; mingo throws. */
function modValues(a: unknown, b: unknown): unknown {
  if (isNil(a) || isNil(b)) return null;
  if (typeof a !== 'number' || typeof b !== 'number') return reject('$mod', 'operands must be numbers');
  if (b === 0) return reject('$mod', 'division by zero');
  return a % b;
}

/** A usable constant numeric operand: finite and, for divisors, not zero. */
function constantNumber(arg: CompiledExpression, options: { divisor: boolean }): number | undefined {
  if (!arg.constant || typeof arg.value !== 'number' || !Number.isFinite(arg.value)) return undefined;
  return options.divisor && arg.value === 0 ? undefined : arg.value;
}

export function compileAdd(operand: unknown, scope: ExpressionScope): CompiledExpression {
  const args = compileAll(scope, operandList('$add', operand, {}));
  if (args.length === 2) {
    const [x, y] = args;
    const c = constantNumber(y, { divisor: false });
    const ex = x.evaluate;
    if (c !== undefined) {
      return operator(args, (row) => {
        const a = ex(row);
        return typeof a === 'number' ? a + c : addValues([a, c]);
      });
    }
    const ey = y.evaluate;
    return operator(args, (row) => {
      const a = ex(row);
      const b = ey(row);
      return typeof a === 'number' && typeof b === 'number' ? a + b : addValues([a, b]);
    });
  }
  const evaluators = args.map((arg) => arg.evaluate);
  return operator(args, (row) => addValues(evaluators.map((evaluate) => evaluate(row))));
}

export function compileSubtract(operand: unknown, scope: ExpressionScope): CompiledExpression {
  const args = compileAll(scope, operandList('$subtract', operand, { count: 2 }));
  const [x, y] = args;
  const ex = x.evaluate;
  // `{ $subtract: ['$started_at', new Date(0)] }`: a date's epoch ms.
  if (y.constant && y.value instanceof Date) {
    const ms = y.value.getTime();
    const subtrahend = y.value;
    const millis = x.millis;
    if (millis) {
      // The time field: its epoch ms straight from the scan's time column.
      return operator(args, (row) => {
        const m = millis(row);
        return m === m ? m - ms : subtractValues(ex(row), subtrahend);
      });
    }
    return operator(args, (row) => {
      const a = ex(row);
      return a instanceof Date ? a.getTime() - ms : subtractValues(a, subtrahend);
    });
  }
  const ey = y.evaluate;
  return operator(args, (row) => subtractValues(ex(row), ey(row)));
}

export function compileMultiply(operand: unknown, scope: ExpressionScope): CompiledExpression {
  const args = compileAll(scope, operandList('$multiply', operand, {}));
  if (args.length === 2) {
    const [ex, ey] = args.map((arg) => arg.evaluate);
    return operator(args, (row) => {
      const a = ex(row);
      const b = ey(row);
      return typeof a === 'number' && typeof b === 'number' ? a * b : multiplyValues([a, b]);
    });
  }
  const evaluators = args.map((arg) => arg.evaluate);
  return operator(args, (row) => multiplyValues(evaluators.map((evaluate) => evaluate(row))));
}

export function compileDivide(operand: unknown, scope: ExpressionScope): CompiledExpression {
  const args = compileAll(scope, operandList('$divide', operand, { count: 2 }));
  const [x, y] = args;
  const ex = x.evaluate;
  const c = constantNumber(y, { divisor: true });
  if (c !== undefined) {
    return operator(args, (row) => {
      const a = ex(row);
      return typeof a === 'number' ? a / c : divideValues(a, c);
    });
  }
  const ey = y.evaluate;
  return operator(args, (row) => divideValues(ex(row), ey(row)));
}

export function compileFloor(operand: unknown, scope: ExpressionScope): CompiledExpression {
  const arg = scope.compile(Array.isArray(operand) ? operandList('$floor', operand, { count: 1 })[0] : operand);
  const evaluate = arg.evaluate;
  return operator([arg], (row) => {
    const value = evaluate(row);
    return typeof value === 'number' ? Math.floor(value) : floorValue(value);
  });
}

export function compileMod(operand: unknown, scope: ExpressionScope): CompiledExpression {
  const args = compileAll(scope, operandList('$mod', operand, { count: 2 }));
  const [x, y] = args;
  const ex = x.evaluate;
  const c = constantNumber(y, { divisor: true });
  if (c !== undefined) {
    return operator(args, (row) => {
      const a = ex(row);
      return typeof a === 'number' ? a % c : modValues(a, c);
    });
  }
  const ey = y.evaluate;
  return operator(args, (row) => modValues(ex(row), ey(row)));
}
