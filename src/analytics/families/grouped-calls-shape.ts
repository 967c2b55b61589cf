/**
 * Shaping of `groupedCalls`: the pipeline's facet document becomes labelled rows, totals and the
 * group count; a compared report's rows and totals carry the comparison (`previous`, `change`);
 * filled gaps are added, filtered, sorted and limited here (grouped-fill.ts).
 */
import { readFacets } from '../query/compile-call-query.ts';
import { passes } from '../query/having.ts';
import { CALL_DIMENSIONS, DIMENSIONS } from '../registry/dimensions.ts';
import { METRICS, type MetricDefinition, type MetricName } from '../registry/metrics.ts';
import type { PartialValues } from '../registry/partials.ts';
import { round2, roundPercent } from '../rounding.ts';
import { CURRENT, IN_CURRENT, PREVIOUS, periodPartials } from './grouped-compare.ts';
import { FILLED, fillRows, sortRows, tooManyRows, type RawRow } from './grouped-fill.ts';
import type { GroupedCallsPlan } from './grouped-calls.ts';

export type MetricValues = Partial<Record<MetricName, number | null>>;

/** Change of one metric from the comparison range to the current one. */
export interface MetricChange {
  /** current − previous, from the unrounded values, 2 decimals; null when either is null. */
  absolute: number | null;
  /** (current − previous) / |previous| × 100, 1 decimal; null when previous is 0 or either is null. */
  percent: number | null;
}
export type MetricChanges = Partial<Record<MetricName, MetricChange>>;

/** The comparison a row or the totals carry in a compared report. */
export interface Comparison {
  previous: MetricValues;
  change: MetricChanges;
}

/** Where a row's or the totals' comparison sits: a symbol, so no dimension or metric name can collide. */
export const COMPARISON = Symbol('comparison');

export type CallGroupRow = Record<string, string | number | null> & { [COMPARISON]?: Comparison };
export type CallTotals = MetricValues & { [COMPARISON]?: Comparison };

export interface GroupedCallsResult {
  rows: CallGroupRow[];
  totals: CallTotals;
  count: number;
}

const EMPTY: PartialValues = {};

/** Turns the pipeline's single facet document into rows, totals and the group count. */
export function shapeGroupedCalls(result: readonly Record<string, unknown>[], plan: GroupedCallsPlan): GroupedCallsResult {
  const { rows: pipelineRows, count: pipelineCount, facet } = readFacets<RawRow>(result);
  const { rows, count } = plan.fill ? filledRows(pipelineRows, plan) : { rows: pipelineRows, count: pipelineCount };
  const { selection } = plan;
  return {
    count,
    rows: rows.map((row) => {
      const key = (row._id ?? {}) as Record<string, unknown>;
      const shaped: CallGroupRow = {};
      for (const dimension of CALL_DIMENSIONS) {
        const definition = DIMENSIONS[dimension];
        shaped[definition.field] = plan.dimensions.includes(dimension) ? definition.label(key[definition.field]) : null;
      }
      const current = currentPartials(row, plan);
      Object.assign(shaped, finishMetrics(selection.rows, current));
      if (plan.compare) shaped[COMPARISON] = compare(current, periodPartials(row, PREVIOUS), selection.previous?.rows, selection.change?.rows);
      return shaped;
    }),
    totals: shapeTotals(facet('totals'), plan),
  };
}

function shapeTotals(docs: readonly Record<string, unknown>[], plan: GroupedCallsPlan): CallTotals {
  const { selection } = plan;
  if (!plan.compare) return selection.totals ? finishMetrics(selection.totals, docs[0] ?? EMPTY) : {};
  // One totals row per period (`_id`), absent when the period has no calls.
  const current = docs.find((doc) => doc._id === CURRENT) ?? EMPTY;
  const previous = docs.find((doc) => doc._id === PREVIOUS) ?? EMPTY;
  const totals: CallTotals = selection.totals ? finishMetrics(selection.totals, current) : {};
  totals[COMPARISON] = compare(current, previous, selection.previous?.totals ?? null, selection.change?.totals ?? null);
  return totals;
}

/** The current period's partials of a row; none for a filled row or one only the comparison range has. */
function currentPartials(row: RawRow, plan: GroupedCallsPlan): PartialValues {
  if (row[FILLED as never] || (plan.compare && row[IN_CURRENT] !== 1)) return EMPTY;
  return periodPartials(row, CURRENT);
}

function compare(
  current: PartialValues,
  previous: PartialValues,
  previousNames: ReadonlySet<MetricName> | null | undefined,
  changeNames: ReadonlySet<MetricName> | null | undefined,
): Comparison {
  const names = new Set([...(previousNames ?? []), ...(changeNames ?? [])]);
  const change: MetricChanges = {};
  for (const name of changeNames ?? []) change[name] = changeOf(METRICS[name], current, previous);
  return { previous: finishMetrics(names, previous), change };
}

/** Absolute and percent change, computed from the unrounded values (DESIGN section 4). */
export function changeOf(metric: MetricDefinition, current: PartialValues, previous: PartialValues): MetricChange {
  const exact = metric.exact ?? metric.finish;
  const now = exact(current);
  const before = exact(previous);
  if (now === null || before === null) return { absolute: null, percent: null };
  return {
    absolute: round2(now - before),
    percent: before === 0 ? null : roundPercent(((now - before) * 100) / Math.abs(before)),
  };
}

function finishMetrics(names: Iterable<MetricName>, partials: PartialValues): MetricValues {
  const values: MetricValues = {};
  for (const name of names) values[name] = METRICS[name].finish(partials);
  return values;
}

/**
 * The filled rows: every bucket × occurring combination, then HAVING, then the sort (the same
 * exact values the pipeline sorts by; an empty row's value is the metric over no calls: 0 for
 * counts and sums, null for averages), then the count, then the limit.
 */
function filledRows(pipelineRows: readonly RawRow[], plan: GroupedCallsPlan): { rows: RawRow[]; count: number } {
  const fill = plan.fill!;
  // More groups than a filled answer may hold rows: refused before filling anything.
  if (pipelineRows.length > fill.rowCap) throw tooManyRows('fillGaps', `more than ${fill.rowCap} groups`);
  const filled = fillRows({
    rows: pipelineRows,
    timeField: fill.timeField,
    otherFields: fill.otherFields,
    buckets: fill.buckets,
    isCurrent: (row) => !plan.compare || row[IN_CURRENT] === 1,
    argument: 'fillGaps',
  });
  const value = (row: RawRow, metric: MetricName): unknown => {
    const empty = row[FILLED as never] || (plan.compare && row[IN_CURRENT] !== 1);
    return empty ? METRICS[metric].finish(EMPTY) : row[plan.valueField(metric)];
  };
  const passing = filled.filter((row) => plan.having.every((condition) => passes(condition.op, condition.value, value(row, condition.metric))));
  const sort = fill.sort;
  const sorted = sortRows(passing, {
    value: 'metric' in sort ? (row) => value(row, sort.metric) : (row) => row._id?.[sort.dimensionField],
    direction: fill.direction,
    tieBreaks: plan.dimensions.map((dimension) => DIMENSIONS[dimension].field),
  });
  return { rows: sorted.slice(0, fill.limit), count: sorted.length };
}
