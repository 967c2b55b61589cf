import { canonicalKey, isPlainObject } from './bson-values.ts';
import { compileAll, operandList, operator, reject } from './compiled-expression.ts';
import { UnsupportedPipelineError } from './compiled-errors.ts';
import type { CompiledExpression, ExpressionScope } from './pipeline-types.ts';

/**
 * `$isNumber`, `$size`, `$setDifference`, `$year` and `$month` (UTC: dialgraph never passes a
 * `timezone`, DESIGN section 1).
 */

const DAY_MS = 86_400_000;
/** ECMAScript's largest representable instant. */
const MAX_INSTANT = 8.64e15;

/** Any JavaScript number, NaN included, as MongoDB counts a NaN double (mingo does not). */
export function compileIsNumber(operand: unknown, scope: ExpressionScope): CompiledExpression {
  const arg = single('$isNumber', operand, scope);
  const evaluate = arg.evaluate;
  return operator([arg], (row) => typeof evaluate(row) === 'number');
}

/** Array length. MongoDB rejects anything else, missing included (mingo gives null then). */
export function compileSize(operand: unknown, scope: ExpressionScope): CompiledExpression {
  const arg = single('$size', operand, scope);
  const evaluate = arg.evaluate;
  return operator([arg], (row) => {
    const value = evaluate(row);
    return Array.isArray(value) ? value.length : reject('$size', 'operand must be an array');
  });
}

/** The distinct elements of the first array that are not in the second, in first-seen order. */
export function compileSetDifference(operand: unknown, scope: ExpressionScope): CompiledExpression {
  const args = compileAll(scope, operandList('$setDifference', operand, { count: 2 }));
  const [ex, ey] = args.map((arg) => arg.evaluate);
  return operator(args, (row) => {
    const a = ex(row);
    const b = ey(row);
    if (a === null || a === undefined || b === null || b === undefined) return null;
    if (!Array.isArray(a) || !Array.isArray(b)) return reject('$setDifference', 'operands must be arrays');
    const excluded = new Set(b.map((item) => canonicalKey(item ?? null)));
    const out: unknown[] = [];
    for (const item of a) {
      const key = canonicalKey(item ?? null);
      if (excluded.has(key)) continue;
      excluded.add(key);
      out.push(item ?? null);
    }
    return out;
  });
}

type DatePart = 'year' | 'month';

/** `$year` / `$month` of a Date, in UTC; null for null or missing. */
export function datePart(part: DatePart): (operand: unknown, scope: ExpressionScope) => CompiledExpression {
  const name = part === 'year' ? '$year' : '$month';
  return (operand, scope) => {
    const inner = Array.isArray(operand) ? operandList(name, operand, { count: 1 })[0] : operand;
    if (isPlainObject(inner) && !Object.keys(inner)[0]?.startsWith('$')) {
      throw new UnsupportedPipelineError(`${name} with a { date, timezone } operand`);
    }
    const shifted = shiftedDate(inner, scope);
    if (shifted) {
      // `{ $year: { $add: [new Date(0), localMs] } }`: read the calendar off the ms, no Date per row.
      const { base, offset } = shifted;
      return operator([offset], (row) => {
        const ms = offset.evaluate(row);
        if (typeof ms !== 'number') return partOf(part, name, dateFromAdd(base, ms));
        const instant = Math.trunc(base + ms);
        if (!(Math.abs(instant) <= MAX_INSTANT)) return partOf(part, name, dateFromAdd(base, ms));
        const months = civilMonths(Math.floor(instant / DAY_MS));
        const year = Math.floor(months / 12);
        return part === 'year' ? year : months - year * 12 + 1;
      });
    }
    const arg = scope.compile(inner);
    const evaluate = arg.evaluate;
    return operator([arg], (row) => partOf(part, name, evaluate(row)));
  };
}

function partOf(part: DatePart, name: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return reject(name, 'operand must be a date');
  return part === 'year' ? value.getUTCFullYear() : value.getUTCMonth() + 1;
}

/** What `$add: [<constant Date>, x]` would give for a non-number `x` (null, an error…). */
function dateFromAdd(base: number, ms: unknown): unknown {
  if (ms === null || ms === undefined) return null;
  if (typeof ms !== 'number') return reject('$add', 'operands must be numbers or one date');
  return new Date(base + ms);
}

/** Recognises `{ $add: [<constant Date>, <expression>] }` (either order). */
function shiftedDate(expression: unknown, scope: ExpressionScope): { base: number; offset: CompiledExpression } | undefined {
  if (!isPlainObject(expression) || Object.keys(expression).length !== 1 || !Array.isArray(expression.$add)) return undefined;
  const operands = expression.$add;
  if (operands.length !== 2) return undefined;
  const dateIndex = operands.findIndex((item) => item instanceof Date && !Number.isNaN(item.getTime()));
  if (dateIndex === -1) return undefined;
  const other = operands[1 - dateIndex];
  if (other instanceof Date) return undefined;
  return { base: (operands[dateIndex] as Date).getTime(), offset: scope.compile(other) };
}

/**
 * `year * 12 + (month - 1)` (proleptic Gregorian) of a day count since 1970-01-01, after
 * H. Hinnant's civil-from-days algorithm; one number so nothing is allocated per row.
 */
export function civilMonths(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 12 + month - 1;
}

function single(name: string, operand: unknown, scope: ExpressionScope): CompiledExpression {
  return scope.compile(Array.isArray(operand) ? operandList(name, operand, { count: 1 })[0] : operand);
}
