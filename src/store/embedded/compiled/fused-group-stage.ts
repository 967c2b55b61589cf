import type { AccumulatorPlan } from './accumulators.ts';
import { UnsupportedPipelineError } from './compiled-errors.ts';
import { distinctTuplesPlan } from './distinct-tuples.ts';
import { facetOf } from './facet-stage.ts';
import type { ComposedGroup, FusedGroups } from './fused-groups.ts';
import { compiledGroup } from './group-stage.ts';
import type { ExpressionScope, StageContext, StagePlan } from './pipeline-types.ts';

/**
 * Compiles fused grouping levels (see fused-groups.ts) as groups over the scanned documents.
 * All composed groups share one expression scope, so a key part or value that several
 * branches read (the counted caller, the local-time bucket) is evaluated once per document.
 * The scan itself is unchanged: the groups receive the documents as the sliced scan hands
 * them out (column reads, deadline checks), and what happens after the scan is bounded by
 * the number of groups, not by the number of distinct values.
 */
export function fusedGroupsStage(options: {
  fused: FusedGroups;
  /** The first level's context: its expressions read the scanned documents. */
  context: StageContext;
  /** Compiles the stages after a branch's composed group (they receive grouped rows). */
  branch: (stages: readonly unknown[]) => StagePlan[];
}): StagePlan {
  const { fused, context } = options;
  const groups = fused.form === 'chain' ? [fused.group] : fused.branches.map((branch) => branch.group);
  const scope = context.expressions(groups.flatMap(roots));
  if (fused.form === 'chain') return compileComposed(fused.group, scope, context);
  return facetOf(
    fused.branches.map((branch) => branch.name),
    fused.branches.map((branch) => [compileComposed(branch.group, scope, context), ...options.branch(branch.rest)]),
  );
}

function roots(group: ComposedGroup): unknown[] {
  return [group.id, ...group.accumulators.flatMap((accumulator) => (accumulator.kind === 'accumulator' ? [accumulator.operand] : accumulator.tuple))];
}

function compileComposed(group: ComposedGroup, scope: ExpressionScope, context: StageContext): StagePlan {
  const accumulators = group.accumulators.map((accumulator): AccumulatorPlan => {
    if (accumulator.kind === 'distinct') {
      return distinctTuplesPlan(accumulator.tuple.map((part) => scope.compile(part).evaluate), accumulator.counted);
    }
    const compile = context.accumulator(accumulator.operator);
    if (!compile) throw new UnsupportedPipelineError(`accumulator ${accumulator.operator}`);
    return compile(accumulator.operand, scope);
  });
  return compiledGroup({ id: group.id, names: group.names, accumulators, scope });
}
