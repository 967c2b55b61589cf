import type { AccumulatorCompiler } from './accumulators.ts';
import type { ScanCursor } from './scan-cursor.ts';
import type { SliceClock } from './slice-clock.ts';

/** A document or an intermediate row flowing through a compiled pipeline. */
export type Row = Record<string, unknown>;

/**
 * One stage at run time, push-based: the stage before it (or the scan) hands it rows one by
 * one, then calls `end` once. `accept` returns false when the stage wants no more rows (a
 * `$limit` that is full), which stops the scan early.
 */
export interface Consumer {
  accept(row: Row): boolean;
  /** Flushes what the stage holds into the next stage and returns the pipeline's rows. */
  end(): Row[];
  /**
   * For a stage with long work after its input ends (a group map turned into rows, a sort):
   * does that work now in slices on `clock` and forwards its rows, so that `end` only passes
   * on. `settleChain` calls it on each stage of a chain, first to last, before `end`; a stage
   * without it does its work in `end`.
   */
  settle?(clock: SliceClock): Promise<void>;
  /** Set on stages that pass each row on as it comes (never hold rows until `end`). */
  readonly streaming?: boolean;
}

/** A compiled stage: builds a fresh run-time consumer (with its own state) for each run. */
export interface StagePlan {
  create(next: Consumer): Consumer;
}

/** Evaluates an expression against one row; `undefined` means missing. */
export type Evaluate = (row: Row) => unknown;

/** A compiled expression; constants are known at compile time so operators can specialise. */
export interface CompiledExpression {
  readonly evaluate: Evaluate;
  /** True when `evaluate` ignores the row and always returns `value`. */
  readonly constant: boolean;
  readonly value?: unknown;
  /**
   * For a field that usually holds a Date (`$started_at`): its epoch ms without reading the
   * Date object, NaN when the value is not a valid Date (then use `evaluate`).
   */
  readonly millis?: (row: Row) => number;
}

/** Compiles expressions of one stage; repeated sub-expressions are evaluated once per row. */
export interface ExpressionScope {
  compile(expression: unknown): CompiledExpression;
}

/** Tests one row against a compiled query (`$match`). */
export type Predicate = (row: Row) => boolean;

/** What a stage compiler may ask for. */
export interface StageContext {
  /** A scope for the stage's expressions; `roots` are all of them (to find repeats). */
  expressions(roots: readonly unknown[]): ExpressionScope;
  /** A compiled query-language filter. */
  query(spec: unknown): Predicate;
  /** The compiler of a `$group` accumulator, if the operator table has one. */
  accumulator(name: string): AccumulatorCompiler | undefined;
  /** A compiled sub-pipeline (a `$facet` branch). */
  pipeline(stages: unknown): StagePlan[];
  /** True inside a `$facet` branch. */
  readonly inFacet: boolean;
  /** The stages after this one in the same (sub-)pipeline, for look-ahead such as `$sort` + `$limit`. */
  readonly following: readonly unknown[];
  /**
   * Present when the stage receives the stored documents as the scan reads them (it comes
   * first, or after `$match`/`$skip`/`$limit` only): its field reads may use columns.
   */
  readonly cursor?: ScanCursor;
}
