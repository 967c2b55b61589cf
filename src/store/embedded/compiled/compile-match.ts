import { isPlainObject } from './bson-values.ts';
import { UnsupportedPipelineError } from './compiled-errors.ts';
import { compileQueryPath } from './field-path.ts';
import { allOf } from './logical-operators.ts';
import { lookupOperator } from './operator-table.ts';
import type { Predicate } from './pipeline-types.ts';
import { equalityTest, type ValueTest } from './query-operators.ts';
import type { ScanCursor } from './scan-cursor.ts';

/**
 * Compiles a query-language filter (the body of `$match`) into one predicate: top-level keys
 * are AND-ed, `$and`/`$or` recurse, each field reads its path once and runs its operators'
 * tests on the value. Anything outside the operator table is an `UnsupportedPipelineError`.
 */
export function compileMatch(spec: unknown, cursor?: ScanCursor): Predicate {
  if (!isPlainObject(spec)) throw new UnsupportedPipelineError('$match with a non-object filter');
  const nested = (inner: unknown): Predicate => compileMatch(inner, cursor);
  const parts: Predicate[] = [];
  for (const key of Object.keys(spec)) {
    const value = spec[key];
    if (key.startsWith('$')) {
      const logical = lookupOperator(key)?.logical;
      if (!logical) throw new UnsupportedPipelineError(`query operator ${key}`);
      parts.push(logical(value, nested));
    } else {
      parts.push(fieldPredicate(key, value, cursor));
    }
  }
  return allOf(parts);
}

function fieldPredicate(path: string, condition: unknown, cursor: ScanCursor | undefined): Predicate {
  const read = compileQueryPath(path, cursor);
  const test = isOperatorObject(condition) ? allTests(operatorTests(condition)) : equalityTest(condition);
  return (row) => test(read(row));
}

/** `{ $gte: 1, $lte: 5 }`; a mix of operators and plain fields is a MongoDB error, left to mingo. */
function isOperatorObject(condition: unknown): condition is Record<string, unknown> {
  if (!isPlainObject(condition)) return false;
  const keys = Object.keys(condition);
  const operators = keys.filter((key) => key.startsWith('$')).length;
  if (operators === 0) return false;
  if (operators !== keys.length) throw new UnsupportedPipelineError('a query mixing operators and fields');
  return true;
}

function operatorTests(condition: Record<string, unknown>): ValueTest[] {
  return Object.keys(condition).map((name) => {
    const compile = lookupOperator(name)?.query;
    if (!compile) throw new UnsupportedPipelineError(`query operator ${name}`);
    return compile(condition[name], condition);
  });
}

function allTests(tests: readonly ValueTest[]): ValueTest {
  if (tests.length === 1) return tests[0];
  if (tests.length === 2) {
    const [a, b] = tests;
    return (value) => a(value) && b(value);
  }
  return (value) => tests.every((test) => test(value));
}
