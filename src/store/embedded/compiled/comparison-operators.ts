import { canonicalKey, compareValues, valuesEqual } from './bson-values.ts';
import { compileAll, operandList, operator, reject } from './compiled-expression.ts';
import type { CompiledExpression, ExpressionScope, Row } from './pipeline-types.ts';

/**
 * Aggregation-expression comparisons with MongoDB's rules: whole values compared in BSON
 * order across types (`'a' > 5` is true, missing < null, `['x'] == 'x'` is false).
 * mingo differs here: it compares only values of the same type and matches arrays by
 * element, as its query language does. dialgraph's pipelines only compare values whose
 * type is known (DESIGN section 1), where the two agree; where they differ this follows
 * MongoDB.
 */

type Relation = (order: number) => boolean;

const RELATIONS = {
  $eq: (order) => order === 0,
  $ne: (order) => order !== 0,
  $gt: (order) => order > 0,
  $gte: (order) => order >= 0,
  $lt: (order) => order < 0,
  $lte: (order) => order <= 0,
} as const satisfies Record<string, Relation>;

export type ComparisonOperator = keyof typeof RELATIONS;

/** The compiler of one comparison operator. */
export function comparison(name: ComparisonOperator): (operand: unknown, scope: ExpressionScope) => CompiledExpression {
  const holds: Relation = RELATIONS[name];
  return (operand, scope) => {
    const args = compileAll(scope, operandList(name, operand, { count: 2 }));
    const [x, y] = args;
    const ex = x.evaluate;
    const special = y.constant ? againstConstant(name, x, y.value) : undefined;
    if (special) return operator(args, special);
    const ey = y.evaluate;
    return operator(args, (row) => holds(compareValues(ex(row), ey(row))));
  };
}

/**
 * Fast paths against a constant: strict equality for strings, booleans, null and ordinary
 * numbers (a value of another type is never equal), and native comparison when the value
 * has the constant's type (a number, or a Date against a Date); everything else takes the
 * general BSON comparison.
 */
function againstConstant(name: ComparisonOperator, x: CompiledExpression, c: unknown): ((row: Row) => boolean) | undefined {
  const ex = x.evaluate;
  const primitive = typeof c === 'string' || typeof c === 'boolean' || c === null || (typeof c === 'number' && !Number.isNaN(c));
  if (name === '$eq' && primitive) return (row) => ex(row) === c;
  if (name === '$ne' && primitive) return (row) => ex(row) !== c;
  const holds: Relation = RELATIONS[name];
  if (typeof c === 'number' && !Number.isNaN(c)) {
    return (row) => {
      const v = ex(row);
      return typeof v === 'number' && v === v ? holds(v < c ? -1 : v > c ? 1 : 0) : holds(compareValues(v, c));
    };
  }
  if (c instanceof Date) {
    const ms = c.getTime();
    const millis = x.millis;
    if (millis) {
      // `{ $lt: ['$started_at', <Date>] }` (the local-time `$switch`): the time column.
      return (row) => {
        const m = millis(row);
        return m === m ? holds(m < ms ? -1 : m > ms ? 1 : 0) : holds(compareValues(ex(row), c));
      };
    }
    return (row) => {
      const v = ex(row);
      return v instanceof Date ? holds(v.getTime() < ms ? -1 : v.getTime() > ms ? 1 : 0) : holds(compareValues(v, c));
    };
  }
  return undefined;
}

/** `{ $in: [value, array] }`: MongoDB equality against each element; a non-array is an error. */
export function compileIn(operand: unknown, scope: ExpressionScope): CompiledExpression {
  const args = compileAll(scope, operandList('$in', operand, { count: 2 }));
  const [x, y] = args;
  const ex = x.evaluate;
  if (y.constant && Array.isArray(y.value)) {
    const keys = new Set(y.value.map((item) => canonicalKey(item ?? null)));
    return operator(args, (row) => {
      const v = ex(row);
      return v !== undefined && keys.has(canonicalKey(v));
    });
  }
  const ey = y.evaluate;
  return operator(args, (row) => {
    const v = ex(row);
    const list = ey(row);
    if (!Array.isArray(list)) return reject('$in', 'second operand must be an array');
    return v !== undefined && list.some((item) => valuesEqual(v, item ?? null));
  });
}
