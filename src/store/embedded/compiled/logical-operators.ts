import { UnsupportedPipelineError } from './compiled-errors.ts';
import type { Predicate, Row } from './pipeline-types.ts';

/** Compiles a nested filter (supplied by `compileMatch`, which owns the operator table). */
export type FilterCompiler = (spec: unknown) => Predicate;

/** AND of predicates, unrolled for the common small counts. */
export function allOf(parts: readonly Predicate[]): Predicate {
  switch (parts.length) {
    case 0:
      return () => true;
    case 1:
      return parts[0];
    case 2: {
      const [a, b] = parts;
      return (row: Row) => a(row) && b(row);
    }
    default:
      return (row: Row) => {
        for (const part of parts) if (!part(row)) return false;
        return true;
      };
  }
}

/** `$and: [filters]`: every filter holds. */
export function compileAnd(operand: unknown, compile: FilterCompiler): Predicate {
  return allOf(filterList('$and', operand).map(compile));
}

/** `$or: [filters]`: at least one filter holds. */
export function compileOr(operand: unknown, compile: FilterCompiler): Predicate {
  const parts = filterList('$or', operand).map(compile);
  if (parts.length === 1) return parts[0];
  return (row) => {
    for (const part of parts) if (part(row)) return true;
    return false;
  };
}

function filterList(name: string, operand: unknown): unknown[] {
  if (!Array.isArray(operand) || operand.length === 0) throw new UnsupportedPipelineError(`${name} without a non-empty list`);
  return operand;
}
