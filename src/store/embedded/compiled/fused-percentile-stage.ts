import type { AccumulatorPlan, AccumulatorState } from './accumulators.ts';
import { UnsupportedPipelineError } from './compiled-errors.ts';
import { facetOf } from './facet-stage.ts';
import type { FusedPercentiles, MergeOperator, PickChain } from './fused-percentiles.ts';
import { compiledGroup } from './group-stage.ts';
import type { Consumer, Evaluate, ExpressionScope, Row, StageContext, StagePlan } from './pipeline-types.ts';
import { rowFactory } from './row-factory.ts';
import { runNow, runSliced, type SliceClock, type SlicedWork, UNSLICED } from './slice-clock.ts';
import { ValueHistogram } from './value-histogram.ts';

/**
 * Runs fused percentile levels (fused-percentiles.ts): one `$group` over the documents by the
 * key without the value, whose groups hold the first level's partials and a histogram of the
 * value; after the scan, each pick chain turns key groups (or their regroup, for the totals)
 * into the rows the pick `$group` would give: `_id`, then its fields in order, merged
 * partials and picked percentiles. Branches that only read key parts and partials run as
 * written over the key groups. Per document this costs what the grouping without percentiles
 * costs plus one histogram count; the work per histogram value is done once, after the scan,
 * on the slice clock.
 */

/** The key groups' histogram field: a `$` name, which no pipeline field can have, never output. */
const HISTOGRAM = '$histogram';

export function fusedPercentileStages(options: {
  fused: FusedPercentiles;
  /** The first level's context: its expressions read the scanned documents. */
  context: StageContext;
  /** A scope for expressions over rows after the scan (key groups). */
  rowScope: (roots: readonly unknown[]) => ExpressionScope;
  /** Compiles stages that receive key groups or picked rows. */
  branch: (stages: readonly unknown[]) => StagePlan[];
}): StagePlan[] {
  const { fused, context } = options;
  const scope = context.expressions([...fused.keyParts, fused.value, ...fused.accumulators.map((a) => a.operand)]);
  const accumulators = fused.accumulators.map((a) => accumulatorPlan(context, a.operator, a.operand, scope));
  const id = fused.keyNames.length ? Object.fromEntries(fused.keyNames.map((name, i) => [name, fused.keyParts[i]])) : null;
  const keyGroups = compiledGroup({
    id,
    names: [...fused.accumulators.map((a) => a.name), HISTOGRAM],
    accumulators: [...accumulators, histogramPlan(scope.compile(fused.value).evaluate)],
    scope,
  });
  const picks = (chain: PickChain) => pickPlans(chain, context, options.rowScope(pickRoots(chain)));
  if (fused.form.kind === 'chain') return [keyGroups, ...picks(fused.form.pick)];
  const { branches } = fused.form;
  return [
    keyGroups,
    facetOf(
      branches.map((branch) => branch.name),
      branches.map((branch) => (branch.head.kind === 'pick' ? [...picks(branch.head.pick), ...options.branch(branch.rest)] : options.branch(branch.rest))),
    ),
  ];
}

function accumulatorPlan(context: StageContext, operator: MergeOperator, operand: unknown, scope: ExpressionScope): AccumulatorPlan {
  const compile = context.accumulator(operator);
  if (!compile) throw new UnsupportedPipelineError(`accumulator ${operator}`);
  return compile(operand, scope);
}

function pickRoots(chain: PickChain): unknown[] {
  return [chain.id, ...chain.fields.flatMap((field) => (field.kind === 'merge' ? [`$${field.source}`] : []))];
}

/** The stages of one pick chain over key groups. */
function pickPlans(chain: PickChain, context: StageContext, scope: ExpressionScope): StagePlan[] {
  const names = chain.fields.map((field) => field.name);
  if (!chain.regroup) {
    // One key group, one picked row: its partials are the merged ones as they are.
    const id = scope.compile(chain.id).evaluate;
    const sources = chain.fields.map((field) => (field.kind === 'merge' ? field.source : undefined));
    return [pickStage({ id: (row) => id(row) ?? null, names, sources, percents: percentsOf(chain) })];
  }
  const merges = chain.fields.filter((field) => field.kind === 'merge');
  const regroup = compiledGroup({
    id: chain.id,
    names: [...merges.map((field) => field.name), HISTOGRAM],
    accumulators: [...merges.map((field) => accumulatorPlan(context, field.operator, `$${field.source}`, scope)), histogramListPlan()],
    scope,
  });
  const sources = chain.fields.map((field) => (field.kind === 'merge' ? field.name : undefined));
  return [regroup, pickStage({ id: (row) => row._id, names, sources, percents: percentsOf(chain) })];
}

/** Per field: its percent, or undefined for a merged partial. */
function percentsOf(chain: PickChain): (number | undefined)[] {
  return chain.fields.map((field) => (field.kind === 'pick' ? field.percent : undefined));
}

/** Counts the value per group. */
function histogramPlan(value: Evaluate): AccumulatorPlan {
  return { create: () => new HistogramState(value) };
}

/**
 * A class, like the table's accumulators, so the group's per-document call to `update` stays
 * a call V8 can inline (object literals of fresh closures per run made that call site
 * megamorphic and slowed every accumulator of the group).
 */
class HistogramState implements AccumulatorState {
  private readonly histograms: ValueHistogram[] = [];

  constructor(private readonly value: Evaluate) {}

  addGroup(): void {
    this.histograms.push(new ValueHistogram());
  }

  update(group: number, row: Row): void {
    this.histograms[group].add(this.value(row));
  }

  result(group: number): unknown {
    return this.histograms[group];
  }
}

/** Collects the key groups' histograms per regrouped group (merged later, on the slice clock). */
function histogramListPlan(): AccumulatorPlan {
  return { create: () => new HistogramListState() };
}

class HistogramListState implements AccumulatorState {
  private readonly lists: ValueHistogram[][] = [];

  addGroup(): void {
    this.lists.push([]);
  }

  update(group: number, row: Row): void {
    this.lists[group].push(row[HISTOGRAM] as ValueHistogram);
  }

  result(group: number): unknown {
    return this.lists[group];
  }
}

function pickStage(options: { id: (row: Row) => unknown; names: readonly string[]; sources: readonly (string | undefined)[]; percents: readonly (number | undefined)[] }): StagePlan {
  const makeRow = rowFactory(options.names);
  return { create: (next) => new PickConsumer({ ...options, makeRow, next }) };
}

/** Holds the groups until the scan is over, then picks each one's percentiles in slices. */
class PickConsumer implements Consumer {
  private readonly groups: Row[] = [];
  private done = false;

  constructor(
    private readonly options: {
      id: (row: Row) => unknown;
      sources: readonly (string | undefined)[];
      percents: readonly (number | undefined)[];
      makeRow: (id: unknown, value: (index: number) => unknown) => Row;
      next: Consumer;
    },
  ) {}

  accept(row: Row): boolean {
    this.groups.push(row);
    return true;
  }

  async settle(clock: SliceClock): Promise<void> {
    await runSliced(this.flush(clock), clock);
  }

  end(): Row[] {
    if (!this.done) runNow(this.flush(UNSLICED));
    return this.options.next.end();
  }

  private *flush(clock: SliceClock): SlicedWork {
    this.done = true;
    const { id, sources, makeRow, next } = this.options;
    const percents = this.options.percents.filter((p): p is number => p !== undefined);
    for (const group of this.groups) {
      const histogram = yield* merged(group[HISTOGRAM] as ValueHistogram | ValueHistogram[], clock);
      const picks = yield* histogram.pick(percents, clock);
      let pick = 0;
      const values = sources.map((source) => (source === undefined ? picks[pick++] : group[source]));
      if (!next.accept(makeRow(id(group), (i) => values[i]))) break;
      if (clock.tick()) yield;
    }
  }
}

/** One histogram from a key group's own or a regrouped group's list of them. */
function* merged(histograms: ValueHistogram | ValueHistogram[], clock: SliceClock): SlicedWork<ValueHistogram> {
  if (!Array.isArray(histograms)) return histograms;
  if (histograms.length === 1) return histograms[0];
  const sum = new ValueHistogram();
  for (const histogram of histograms) yield* sum.merge(histogram, clock);
  return sum;
}
