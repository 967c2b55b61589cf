import { isPlainObject } from './bson-values.ts';
import { compileMatch } from './compile-match.ts';
import { CompiledBailout, UnsupportedPipelineError } from './compiled-errors.ts';
import { createExpressionScope } from './expression-scope.ts';
import { lookupOperator } from './operator-table.ts';
import type { StageContext, StagePlan } from './pipeline-types.ts';
import { ScanCursor } from './scan-cursor.ts';
import { withFlatStrings } from './flat-constants.ts';
import { addFieldsSortStage, fusesAddFieldsIntoSort } from './sort-stage.ts';
import { fuseGroups } from './fused-groups.ts';
import { inlineAddedFields } from './inline-added-fields.ts';
import { fusedGroupsStage } from './fused-group-stage.ts';
import { fusePercentiles } from './fused-percentiles.ts';
import { fusedPercentileStages } from './fused-percentile-stage.ts';

/** A pipeline the compiled executor can run: one plan per stage, and the scan position they share. */
export interface CompiledPipeline {
  readonly stages: readonly StagePlan[];
  readonly cursor: ScanCursor;
}

/** Stages whose output rows are their input documents, as scanned: the next stage still sees the scan. */
const PASSES_SCAN = new Set(['$match', '$skip', '$limit']);

/** The compiled pipeline, or why mingo has to run it (the first thing outside the table). */
export type CompileResult = { readonly ok: true; readonly pipeline: CompiledPipeline } | { readonly ok: false; readonly reason: string };

/**
 * Compiles a whole pipeline, or nothing: any stage, operator or operand form outside
 * `OPERATOR_TABLE` makes the result `{ ok: false }` and the caller runs the pipeline on
 * mingo. Compilation reads only the pipeline (never documents) and never mutates it.
 */
export function compilePipeline(pipeline: readonly unknown[]): CompileResult {
  try {
    const cursor = new ScanCursor();
    return { ok: true, pipeline: { stages: compileStages(withFlatStrings(pipeline), { inFacet: false, cursor }), cursor } };
  } catch (error) {
    if (error instanceof UnsupportedPipelineError || error instanceof CompiledBailout) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * `cursor` is set while the stages still receive the scanned documents themselves; a stage
 * that builds new rows (or reorders them after the scan, like `$sort`) ends that.
 */
function compileStages(input: unknown, options: { inFacet: boolean; cursor: ScanCursor | undefined }): StagePlan[] {
  if (!Array.isArray(input)) throw new UnsupportedPipelineError('a pipeline that is not an array');
  const stages = withAddedFieldsInlined(input);
  let cursor = options.cursor;
  const plans: StagePlan[] = [];
  for (let index = 0; index < stages.length; index++) {
    const stage: unknown = stages[index];
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1) throw new UnsupportedPipelineError(`stage ${index} is not a single-operator object`);
    const name = Object.keys(stage)[0];
    const compile = lookupOperator(name)?.stage;
    if (!compile) throw new UnsupportedPipelineError(`stage ${name}`);
    const stageCursor = cursor;
    const next: unknown = stages[index + 1];
    const fused = name === '$addFields' && isSingle(next, '$sort') && fusesAddFieldsIntoSort(stage[name], (next as { $sort: unknown }).$sort);
    const context: StageContext = {
      expressions: (roots) => createExpressionScope({ roots, lookup: (operator) => lookupOperator(operator)?.expression, cursor: stageCursor }),
      query: (spec) => compileMatch(spec, stageCursor),
      accumulator: (operator) => lookupOperator(operator)?.accumulator,
      pipeline: (branch) => compileStages(branch, { inFacet: true, cursor: stageCursor }),
      inFacet: options.inFacet,
      following: stages.slice(index + (fused ? 2 : 1)),
      cursor: stageCursor,
    };
    if (!PASSES_SCAN.has(name)) cursor = undefined;
    const percentiles = name === '$group' ? fusePercentiles(stages, index, options.inFacet) : undefined;
    const levels = name === '$group' && !percentiles ? fuseGroups(stages, index, options.inFacet) : undefined;
    if (percentiles) {
      // Percentile levels as key groups with histograms (fused-percentiles.ts).
      plans.push(
        ...fusedPercentileStages({
          fused: percentiles,
          context,
          rowScope: (roots) => createExpressionScope({ roots, lookup: (operator) => lookupOperator(operator)?.expression, cursor: undefined }),
          branch: (rest) => compileStages(rest, { inFacet: true, cursor: undefined }),
        }),
      );
      index += percentiles.form.kind === 'chain' ? percentiles.form.consumed : 1;
    } else if (levels) {
      // Grouping levels run as one pass over the documents (distinct counts, fused-groups.ts).
      const branch = (rest: readonly unknown[]) => compileStages(rest, { inFacet: true, cursor: undefined });
      plans.push(fusedGroupsStage({ fused: levels, context, branch }));
      index += levels.form === 'chain' ? levels.consumed : 1;
    } else if (fused) {
      // A derived sort value: compute it beside each row instead of copying every row.
      plans.push(addFieldsSortStage({ addFields: stage[name], sort: (next as { $sort: unknown }).$sort, context }));
      index += 1;
    } else {
      plans.push(compile(stage[name], context));
    }
  }
  return plans;
}

/** `$addFields` + `$group` as one `$group` reading the added expressions (inline-added-fields.ts). */
function withAddedFieldsInlined(stages: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let index = 0; index < stages.length; index++) {
    const stage = stages[index];
    const next = stages[index + 1];
    const inlined = isSingle(stage, '$addFields') && isSingle(next, '$group')
      ? inlineAddedFields((stage as { $addFields: unknown }).$addFields, (next as { $group: unknown }).$group)
      : undefined;
    if (inlined) {
      out.push({ $group: inlined });
      index += 1;
    } else {
      out.push(stage);
    }
  }
  return out;
}

function isSingle(stage: unknown, name: string): boolean {
  return isPlainObject(stage) && Object.keys(stage).length === 1 && Object.hasOwn(stage, name);
}
