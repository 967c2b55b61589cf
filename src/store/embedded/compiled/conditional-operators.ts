import { isPlainObject, truthy } from './bson-values.ts';
import { compileAll, constant, dynamic, operandList, operator } from './compiled-expression.ts';
import { UnsupportedPipelineError } from './compiled-errors.ts';
import type { CompiledExpression, ExpressionScope } from './pipeline-types.ts';

/**
 * `$cond`, `$switch`, `$ifNull`, `$not` and `$literal`. Conditions use MongoDB truthiness
 * (see `truthy`). A `$switch` must have a `default`: without one MongoDB fails when no branch
 * matches while mingo returns missing, so such a pipeline is left to mingo.
 */

export function compileCond(operand: unknown, scope: ExpressionScope): CompiledExpression {
  let parts: unknown[];
  if (Array.isArray(operand)) parts = operandList('$cond', operand, { count: 3 });
  else if (isPlainObject(operand) && hasExactly(operand, ['if', 'then', 'else'])) parts = [operand.if, operand.then, operand.else];
  else throw new UnsupportedPipelineError('$cond without if, then and else');
  const [test, then, otherwise] = compileAll(scope, parts);
  if (test.constant) return truthy(test.value) ? then : otherwise;
  const [et, ea, eb] = [test.evaluate, then.evaluate, otherwise.evaluate];
  return dynamic((row) => (truthy(et(row)) ? ea(row) : eb(row)));
}

export function compileSwitch(operand: unknown, scope: ExpressionScope): CompiledExpression {
  if (!isPlainObject(operand) || !hasExactly(operand, ['branches', 'default']) || !Array.isArray(operand.branches)) {
    throw new UnsupportedPipelineError('$switch without branches and a default');
  }
  const branches = operand.branches.map((branch) => {
    if (!isPlainObject(branch) || !hasExactly(branch, ['case', 'then'])) throw new UnsupportedPipelineError('$switch branch without case and then');
    return { test: scope.compile(branch.case), then: scope.compile(branch.then) };
  });
  const fallback = scope.compile(operand.default);
  const tests = branches.map((branch) => branch.test.evaluate);
  const results = branches.map((branch) => branch.then.evaluate);
  const otherwise = fallback.evaluate;
  const n = branches.length;
  return dynamic((row) => {
    for (let i = 0; i < n; i++) if (truthy(tests[i](row))) return results[i](row);
    return otherwise(row);
  });
}

/** The first operand that is neither null nor missing, else the last operand's value. */
export function compileIfNull(operand: unknown, scope: ExpressionScope): CompiledExpression {
  const args = compileAll(scope, operandList('$ifNull', operand, { min: 2 }));
  const last = args[args.length - 1];
  if (args.length === 2) {
    const ex = args[0].evaluate;
    if (last.constant) {
      const replacement = last.value;
      return operator(args, (row) => {
        const v = ex(row);
        return v === null || v === undefined ? replacement : v;
      });
    }
    const ey = last.evaluate;
    return operator(args, (row) => {
      const v = ex(row);
      return v === null || v === undefined ? ey(row) : v;
    });
  }
  const evaluators = args.map((arg) => arg.evaluate);
  return operator(args, (row) => {
    let value: unknown;
    for (const evaluate of evaluators) {
      value = evaluate(row);
      if (value !== null && value !== undefined) return value;
    }
    return value;
  });
}

/** `$not: [expr]` or `$not: expr`. mingo negates JavaScript truthiness (`''` is false there). */
export function compileNot(operand: unknown, scope: ExpressionScope): CompiledExpression {
  const arg = scope.compile(Array.isArray(operand) ? operandList('$not', operand, { count: 1 })[0] : operand);
  const evaluate = arg.evaluate;
  return operator([arg], (row) => !truthy(evaluate(row)));
}

export function compileLiteral(operand: unknown): CompiledExpression {
  return constant(operand);
}

function hasExactly(object: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(object);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(object, key));
}
