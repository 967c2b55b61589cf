import { GROUPED_CALLS, type CallGroupRow, type GroupedCallsResult, type MetricValues } from '../../analytics/families/grouped-calls.ts';
import { COMPARISON, type Comparison, type MetricChange, type MetricChanges } from '../../analytics/families/grouped-calls-shape.ts';
import { DIMENSIONS, CALL_DIMENSIONS } from '../../analytics/registry/dimensions.ts';
import { METRIC_NAMES, METRICS, type MetricName } from '../../analytics/registry/metrics.ts';
import { costDirectives } from '../cost/field-costs.ts';
import { builder } from '../builder.ts';
import {
  CallDimensionEnum,
  CallDirectionEnum,
  CallStatusEnum,
  ComparePeriodEnum,
  ComparisonOperatorEnum,
  GroupedMetricEnum,
  GroupedSortKeyEnum,
  SortOrderEnum,
} from '../enums.ts';
import { selectedFieldNames } from '../selection.ts';
import { serves } from '../served-families.ts';

const GROUPED = serves(GROUPED_CALLS);

/** One field per metric, typed and documented from the registry. */
function metricFields<T extends MetricValues>(t: PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<any>, T>) {
  return Object.fromEntries(
    METRIC_NAMES.map((name) => {
      const definition = METRICS[name];
      return [
        name,
        t.field({
          type: definition.graphqlType,
          nullable: definition.nullable,
          description: definition.description,
          resolve: (values: MetricValues) => values[name] as number,
        }),
      ];
    }),
  );
}

const MetricChangeType = builder.objectRef<MetricChange>('MetricChange').implement({
  description: 'Change of one metric from the comparison range to the current one.',
  fields: (t) => ({
    absolute: t.float({ nullable: true, description: 'current − previous, from the unrounded values, 2 decimals; null when either is null.', resolve: (c) => c.absolute }),
    percent: t.float({
      nullable: true,
      description: '(current − previous) / |previous| × 100, 1 decimal; null when previous is 0 or null (or current is null).',
      resolve: (c) => c.percent,
    }),
  }),
});

const CallMetricChanges = builder.objectRef<MetricChanges>('CallMetricChanges').implement({
  description: 'Per metric, its change from the comparison range (`compare`) to the current range.',
  fields: (t) =>
    Object.fromEntries(
      METRIC_NAMES.map((name) => [name, t.field({ type: MetricChangeType, nullable: true, resolve: (changes) => changes[name] ?? null })]),
    ),
});

type Compared = { [COMPARISON]?: Comparison };

/** `previous` and `change`: set in a compared report (`compare`), null otherwise (and inside `previous`). */
function comparisonFields(t: PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<any>, Compared>) {
  return {
    previous: t.field({
      type: CallMetrics,
      nullable: true,
      description: 'The same metrics over the comparison range (`compare`); a time dimension aligns by position (day 1 with day 1), others by value. Null without `compare`.',
      resolve: (values: Compared) => values[COMPARISON]?.previous ?? null,
    }),
    change: t.field({
      type: CallMetricChanges,
      nullable: true,
      description: 'Absolute and percent change per metric from `previous`. Null without `compare`.',
      resolve: (values: Compared) => values[COMPARISON]?.change ?? null,
    }),
  };
}

const CallMetrics = builder.objectRef<MetricValues & Compared>('CallMetrics');
CallMetrics.implement({
  description: 'Metrics over all calls matching the filter.',
  fields: (t) => ({ ...metricFields(t as never), ...comparisonFields(t as never) }),
});

export const CallGroup = builder.objectRef<CallGroupRow>('CallGroup').implement({
  description: 'One group: the grouped dimensions are set, the others null; then the selected metrics.',
  fields: (t) => ({
    ...Object.fromEntries(
      CALL_DIMENSIONS.map((dimension) => {
        const definition = DIMENSIONS[dimension];
        return [
          definition.field,
          t.field({
            type: definition.graphqlType,
            nullable: true,
            description: `Set when grouped by ${dimension}.`,
            resolve: (row) => row[definition.field] as never,
          }),
        ];
      }),
    ),
    ...metricFields(t as never),
    ...comparisonFields(t as never),
  }),
});

export const MetricCondition = builder.inputType('MetricCondition', {
  description: 'A HAVING condition: the metric\'s exact (unrounded) value compared with `value`; a null metric fails every condition.',
  fields: (t) => ({
    metric: t.field({ type: GroupedMetricEnum, required: true }),
    op: t.field({ type: ComparisonOperatorEnum, required: true }),
    value: t.float({ required: true }),
  }),
});

const GroupedCalls = builder.objectRef<GroupedCallsResult>('GroupedCalls').implement({
  fields: (t) => ({
    rows: t.field({ type: [CallGroup], resolve: (result) => result.rows }),
    totals: t.field({ type: CallMetrics, resolve: (result) => result.totals }),
    count: t.exposeInt('count', { description: 'Number of groups before the limit (after `having`, filled rows included).' }),
  }),
});

export const CallFilter = builder.inputType('CallFilter', {
  fields: (t) => ({
    startDate: t.field({ type: 'Date', required: false, description: 'First local day (in `timezone`), inclusive. Default: 29 days before endDate.' }),
    endDate: t.field({ type: 'Date', required: false, description: 'Last local day, inclusive. Default: today in `timezone`.' }),
    status: t.field({ type: CallStatusEnum, required: false }),
    source: t.string({ required: false }),
    direction: t.field({ type: CallDirectionEnum, required: false }),
    callFlowId: t.id({ required: false }),
    numberId: t.id({ required: false }),
    numberGroupId: t.id({ required: false }),
    minAiScore: t.float({ required: false, description: 'Inclusive.' }),
    maxAiScore: t.float({ required: false, description: 'Inclusive.' }),
    aiCategory: t.string({ required: false }),
    qualified: t.boolean({ required: false, description: 'false means "not true" (missing counts as not qualified).' }),
    minDuration: t.int({ required: false, description: 'Seconds, inclusive; a missing duration counts as 0.' }),
  }),
});

builder.queryField('groupedCalls', (t) =>
  t.field({
    description: 'Calls grouped by up to 3 dimensions with any metrics, plus totals over all matching calls.',
    directives: costDirectives('Query.groupedCalls'),
    type: GroupedCalls,
    args: {
      groupBy: t.arg({ type: [CallDimensionEnum], required: false, defaultValue: [] }),
      filter: t.arg({ type: CallFilter, required: false }),
      sortBy: t.arg({ type: GroupedSortKeyEnum, required: false, defaultValue: 'COUNT' }),
      sortOrder: t.arg({ type: SortOrderEnum, required: false, defaultValue: 'DESC' }),
      limit: t.arg.int({ required: false, defaultValue: 100 }),
      timezone: t.arg({ type: 'TimeZone', required: false, defaultValue: 'UTC' }),
      compare: t.arg({
        type: ComparePeriodEnum,
        required: false,
        description: 'Adds `previous` and `change` to every row and to `totals`, over the comparison range.',
      }),
      having: t.arg({
        type: [MetricCondition],
        required: false,
        description: 'Conditions on the grouped rows, AND-ed, at most 10: after grouping and before sort and limit; `count` counts the rows that pass. A compared report tests the current range.',
      }),
      fillGaps: t.arg.boolean({
        required: false,
        defaultValue: false,
        description:
          'Every bucket of the time dimension DATE, WEEK, MONTH or HOUR across the range, for every combination of the other grouped dimensions that occurs, with 0 counts and null averages; before having, sort and limit. At most 10,000 rows.',
      }),
    },
    resolve: (_root, args, context, info) => {
      const metricsUnder = (path: string[]) => [...selectedFieldNames(info, path)].filter((name): name is MetricName => name in METRICS);
      const asked = (path: string[]) => selectedFieldNames(info, path.slice(0, -1)).has(path.at(-1)!);
      const totals = asked(['totals']) ? metricsUnder(['totals']) : null;
      const part = (name: 'previous' | 'change') => ({
        rows: metricsUnder(['rows', name]),
        totals: asked(['totals', name]) ? metricsUnder(['totals', name]) : null,
      });
      return context.run(GROUPED, {
        ...args,
        having: args.having?.map((condition) => ({ ...condition })) ?? null,
        select: { rows: metricsUnder(['rows']), totals, previous: part('previous'), change: part('change') },
      });
    },
  }),
);
