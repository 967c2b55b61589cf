import { CompiledBailout, UnsupportedPipelineError } from './compiled-errors.ts';
import type { CompiledExpression, Evaluate, ExpressionScope } from './pipeline-types.ts';

/** A compile-time constant. */
export function constant(value: unknown): CompiledExpression {
  return { evaluate: () => value, constant: true, value };
}

/** An expression that depends on the row. */
export function dynamic(evaluate: Evaluate): CompiledExpression {
  return { evaluate, constant: false };
}

/**
 * Builds an operator from its compiled operands, folding it to a constant when every operand
 * is one (`{ $add: [new Date(0), 3600000] }` is computed once). A fold that would fail at run
 * time (a division by zero) is not folded, so it still fails, per row, like the engines.
 */
export function operator(args: readonly CompiledExpression[], evaluate: Evaluate): CompiledExpression {
  if (args.every((arg) => arg.constant)) {
    try {
      return constant(evaluate({}));
    } catch (error) {
      if (!(error instanceof CompiledBailout)) throw error;
    }
  }
  return dynamic(evaluate);
}

/** The operand list of an operator that takes an array of exactly `count` (or at least `min`) expressions. */
export function operandList(name: string, operand: unknown, arity: { count?: number; min?: number }): unknown[] {
  if (!Array.isArray(operand)) throw new UnsupportedPipelineError(`${name} with a non-array operand`);
  if (arity.count !== undefined && operand.length !== arity.count) {
    throw new UnsupportedPipelineError(`${name} with ${operand.length} operands`);
  }
  if (arity.min !== undefined && operand.length < arity.min) throw new UnsupportedPipelineError(`${name} with ${operand.length} operands`);
  return operand;
}

/** Compiles each operand of an operator in `scope`. */
export function compileAll(scope: ExpressionScope, operands: readonly unknown[]): CompiledExpression[] {
  return operands.map((operand) => scope.compile(operand));
}

/** An operand MongoDB (and mingo) would reject: let mingo produce the error. */
export function reject(name: string, what: string): never {
  throw new CompiledBailout(`${name}: ${what}`);
}
