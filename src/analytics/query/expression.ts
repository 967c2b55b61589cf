/**
 * A MongoDB aggregation expression or query-language value, as plain data. Deliberately
 * `unknown`: expressions are nested literals of many shapes, and what keeps them right is the
 * compile tables in the tests, not a type that would need casts at every call site.
 */
export type Expression = unknown;

/** One stage of a pipeline: declared with `Pipeline` in the data contract. */
export type { Stage } from '../../contract/pipeline.ts';

/** A query-language condition on call documents, AND-ed with the others of a query. */
export type Condition = Record<string, Expression>;

/** A `$group` accumulator: exactly one operator. */
export type Accumulator =
  | { $sum: Expression }
  | { $min: Expression }
  | { $max: Expression }
  | { $addToSet: Expression }
  | { $push: Expression }
  | { $first: Expression };
