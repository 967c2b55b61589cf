import { canonicalKey, isPlainObject, setField } from './bson-values.ts';
import { constant, dynamic } from './compiled-expression.ts';
import { CompiledBailout, UnsupportedPipelineError } from './compiled-errors.ts';
import { TIME_FIELD } from '../document-columns.ts';
import { compileExpressionPath, compileMillisPath } from './field-path.ts';
import type { CompiledExpression, Evaluate, ExpressionScope, Row } from './pipeline-types.ts';
import type { ScanCursor } from './scan-cursor.ts';

/** Looks an expression operator's compiler up (the operator table, passed in to keep modules acyclic). */
export type ExpressionOperatorLookup = (
  name: string,
) => ((operand: unknown, scope: ExpressionScope) => CompiledExpression) | undefined;

/**
 * A compiler for the expressions of one stage. Identical sub-expressions (same canonical form)
 * compile to one closure, and those that occur more than once are memoised per row: the
 * local-time `$switch` that several group-key parts share is evaluated once per document.
 * The memo compares row identity, which is sound because rows are never mutated.
 */
export function createExpressionScope(options: {
  roots: readonly unknown[];
  lookup: ExpressionOperatorLookup;
  /** Set when the stage reads the scanned documents: field reads may use columns. */
  cursor?: ScanCursor;
}): ExpressionScope {
  const { lookup, cursor } = options;
  const repeated = findRepeats(options.roots);
  const cache = new Map<string, CompiledExpression>();

  const scope: ExpressionScope = {
    compile(expression) {
      if (typeof expression === 'string') {
        if (expression.startsWith('$$')) throw new UnsupportedPipelineError(`variable ${expression}`);
        if (!expression.startsWith('$')) return constant(expression);
        const path = expression.slice(1);
        const evaluate = compileExpressionPath(path, cursor);
        if (cursor && path === TIME_FIELD) return { evaluate, constant: false, millis: compileMillisPath(path, cursor) };
        return dynamic(evaluate);
      }
      if (typeof expression === 'number' || typeof expression === 'boolean' || expression === null) return constant(expression);
      if (expression instanceof Date && !Number.isNaN(expression.getTime())) return constant(expression);
      if (!Array.isArray(expression) && !isPlainObject(expression)) {
        throw new UnsupportedPipelineError(`expression value of type ${typeof expression}`);
      }
      const key = keyOf(expression);
      const cached = cache.get(key);
      if (cached) return cached;
      let compiled = Array.isArray(expression) ? compileArray(expression) : compileObject(expression);
      if (repeated.has(key) && !compiled.constant) compiled = dynamic(memoize(compiled.evaluate, cursor));
      cache.set(key, compiled);
      return compiled;
    },
  };

  function compileArray(items: readonly unknown[]): CompiledExpression {
    const parts = items.map((item) => scope.compile(item));
    if (parts.every((part) => part.constant)) return constant(parts.map((part) => part.value));
    const evaluators = parts.map((part) => part.evaluate);
    // A missing element becomes null, as in MongoDB array expressions.
    return dynamic((row) => evaluators.map((evaluate) => evaluate(row) ?? null));
  }

  function compileObject(object: Record<string, unknown>): CompiledExpression {
    const keys = Object.keys(object);
    if (keys.length > 0 && keys[0].startsWith('$')) {
      if (keys.length !== 1) throw new UnsupportedPipelineError(`expression object with several operators (${keys.join(', ')})`);
      const compile = lookup(keys[0]);
      if (!compile) throw new UnsupportedPipelineError(`expression operator ${keys[0]}`);
      return compile(object[keys[0]], scope);
    }
    for (const key of keys) {
      if (key.startsWith('$') || key.includes('.')) throw new UnsupportedPipelineError(`expression object field "${key}"`);
    }
    const parts = keys.map((key) => scope.compile(object[key]));
    if (parts.every((part) => part.constant)) {
      const value: Row = {};
      keys.forEach((key, i) => setField(value, key, parts[i].value));
      return constant(value);
    }
    const evaluators = parts.map((part) => part.evaluate);
    // Fields whose value is missing are left out, as MongoDB does.
    return dynamic((row) => {
      const out: Row = {};
      for (let i = 0; i < keys.length; i++) {
        const value = evaluators[i](row);
        if (value !== undefined) setField(out, keys[i], value);
      }
      return out;
    });
  }

  return scope;
}

/**
 * Evaluates once per row. During the scan the key is the cursor's document counter (comparing
 * a cold document by identity would touch it); otherwise rows are fresh objects, compared by
 * identity, which is sound because rows are never mutated.
 */
function memoize(evaluate: Evaluate, cursor: ScanCursor | undefined): Evaluate {
  let lastRow: Row | undefined;
  let lastSeq = -1;
  let lastValue: unknown;
  if (cursor) {
    return (row) => {
      if (!cursor.active) return evaluate(row);
      if (cursor.seq === lastSeq) return lastValue;
      lastValue = evaluate(row);
      lastSeq = cursor.seq;
      return lastValue;
    };
  }
  return (row) => {
    if (row === lastRow) return lastValue;
    const value = evaluate(row);
    lastRow = row;
    lastValue = value;
    return value;
  };
}

function keyOf(expression: unknown): string {
  try {
    return canonicalKey(expression);
  } catch (error) {
    if (error instanceof CompiledBailout) throw new UnsupportedPipelineError(error.message);
    throw error;
  }
}

/**
 * Canonical keys of the compound sub-expressions that occur more than once. A repeated
 * subtree is not descended into again, so only the outermost repeat is memoised.
 */
function findRepeats(roots: readonly unknown[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const visit = (node: unknown): void => {
    const compound = Array.isArray(node) || isPlainObject(node);
    if (!compound) return;
    let key: string;
    try {
      key = canonicalKey(node);
    } catch {
      return; // reported when the node is compiled
    }
    if (seen.has(key)) {
      repeated.add(key);
      return;
    }
    seen.add(key);
    for (const child of Array.isArray(node) ? node : Object.values(node)) visit(child);
  };
  for (const root of roots) visit(root);
  return repeated;
}
