import {
  addToSetAccumulator,
  avgAccumulator,
  firstAccumulator,
  maxAccumulator,
  minAccumulator,
  pushAccumulator,
  sumAccumulator,
  type AccumulatorCompiler,
} from './accumulators.ts';
import { compileAdd, compileDivide, compileFloor, compileMod, compileMultiply, compileSubtract } from './arithmetic-operators.ts';
import { comparison, compileIn } from './comparison-operators.ts';
import { compileCond, compileIfNull, compileLiteral, compileNot, compileSwitch } from './conditional-operators.ts';
import { facetStage } from './facet-stage.ts';
import { groupStage } from './group-stage.ts';
import { compileAnd, compileOr, type FilterCompiler } from './logical-operators.ts';
import type { CompiledExpression, ExpressionScope, Predicate, StageContext, StagePlan } from './pipeline-types.ts';
import { addFieldsStage, projectStage } from './projection-stages.ts';
import {
  queryEq,
  queryExists,
  queryGt,
  queryGte,
  queryIn,
  queryLt,
  queryLte,
  queryNe,
  queryNin,
  queryOptions,
  queryRegex,
  type QueryOperatorCompiler,
} from './query-operators.ts';
import { sortStage } from './sort-stage.ts';
import { countStage, limitStage, matchStage, skipStage, unwindStage } from './streaming-stages.ts';
import { windowStage } from './window-stage.ts';
import { compileIsNumber, compileSetDifference, compileSize, datePart } from './value-operators.ts';

/** Compiles a pipeline stage's specification. */
export type StageCompiler = (spec: unknown, context: StageContext) => StagePlan;
/** Compiles an aggregation-expression operator's operand. */
export type ExpressionCompiler = (operand: unknown, scope: ExpressionScope) => CompiledExpression;
/** Compiles a top-level `$match` operator that combines filters. */
export type LogicalCompiler = (operand: unknown, compile: FilterCompiler) => Predicate;

/** What an operator can be compiled as; an operator may serve several roles (`$eq`, `$in`). */
export interface OperatorCompilers {
  /** A pipeline stage. */
  readonly stage?: StageCompiler;
  /** A top-level `$match` operator (`$and`, `$or`). */
  readonly logical?: LogicalCompiler;
  /** A field-level `$match` operator (`{ field: { $in: [...] } }`). */
  readonly query?: QueryOperatorCompiler;
  /** A `$group` accumulator. */
  readonly accumulator?: AccumulatorCompiler;
  /** An aggregation-expression operator. */
  readonly expression?: ExpressionCompiler;
}

/**
 * THE list of what the compiled executor runs: every stage and operator the dialgraph
 * compilers emit (src/analytics: families, registry, query, time). A pipeline that uses
 * anything else, or a listed operator in a role or form its compiler does not accept, runs
 * on mingo, whole. The README's operator table is this table.
 */
export const OPERATOR_TABLE = {
  // Stages.
  $match: { stage: matchStage },
  $addFields: { stage: addFieldsStage },
  $project: { stage: projectStage },
  $group: { stage: groupStage },
  $sort: { stage: sortStage },
  $skip: { stage: skipStage },
  $limit: { stage: limitStage },
  $count: { stage: countStage },
  $facet: { stage: facetStage },
  $unwind: { stage: unwindStage },
  $setWindowFields: { stage: windowStage },

  // Query language ($match), and the expression operators of the same name.
  $and: { logical: compileAnd },
  $or: { logical: compileOr },
  $eq: { query: queryEq, expression: comparison('$eq') },
  $ne: { query: queryNe, expression: comparison('$ne') },
  $gt: { query: queryGt, expression: comparison('$gt') },
  $gte: { query: queryGte, expression: comparison('$gte') },
  $lt: { query: queryLt, expression: comparison('$lt') },
  $lte: { query: queryLte, expression: comparison('$lte') },
  $in: { query: queryIn, expression: compileIn },
  $nin: { query: queryNin },
  $exists: { query: queryExists },
  $regex: { query: queryRegex },
  $options: { query: queryOptions },

  // Accumulators.
  $sum: { accumulator: sumAccumulator },
  $avg: { accumulator: avgAccumulator },
  $min: { accumulator: minAccumulator },
  $max: { accumulator: maxAccumulator },
  $first: { accumulator: firstAccumulator },
  $push: { accumulator: pushAccumulator },
  $addToSet: { accumulator: addToSetAccumulator },

  // Expressions.
  $add: { expression: compileAdd },
  $subtract: { expression: compileSubtract },
  $multiply: { expression: compileMultiply },
  $divide: { expression: compileDivide },
  $floor: { expression: compileFloor },
  $mod: { expression: compileMod },
  $cond: { expression: compileCond },
  $switch: { expression: compileSwitch },
  $ifNull: { expression: compileIfNull },
  $not: { expression: compileNot },
  $literal: { expression: compileLiteral },
  $isNumber: { expression: compileIsNumber },
  $size: { expression: compileSize },
  $setDifference: { expression: compileSetDifference },
  $year: { expression: datePart('year') },
  $month: { expression: datePart('month') },
} as const satisfies Record<string, OperatorCompilers>;

export type SupportedOperator = keyof typeof OPERATOR_TABLE;

/** The table entry of an operator name, if it has one. */
export function lookupOperator(name: string): OperatorCompilers | undefined {
  return Object.hasOwn(OPERATOR_TABLE, name) ? OPERATOR_TABLE[name as SupportedOperator] : undefined;
}

/** The roles an operator can be compiled in (`stage`, `query`, `expression`…), for docs and tests. */
export function operatorRoles(name: SupportedOperator): (keyof OperatorCompilers)[] {
  return Object.keys(OPERATOR_TABLE[name]) as (keyof OperatorCompilers)[];
}
