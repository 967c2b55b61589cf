import { GROUPED_CALLS, type CallGroupRow, type GroupedCallsResult, type MetricValues } from '../../analytics/families/grouped-calls.ts';
import { DIMENSIONS, CALL_DIMENSIONS } from '../../analytics/registry/dimensions.ts';
import { METRIC_NAMES, METRICS, type MetricName } from '../../analytics/registry/metrics.ts';
import { costDirectives } from '../cost/field-costs.ts';
import { builder } from '../builder.ts';
import { CallDimensionEnum, CallDirectionEnum, CallStatusEnum, GroupedSortKeyEnum, SortOrderEnum } from '../enums.ts';
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

const CallMetrics = builder.objectRef<MetricValues>('CallMetrics').implement({
  description: 'Metrics over all calls matching the filter.',
  fields: (t) => metricFields(t as never),
});

const CallGroup = builder.objectRef<CallGroupRow>('CallGroup').implement({
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
  }),
});

const GroupedCalls = builder.objectRef<GroupedCallsResult>('GroupedCalls').implement({
  fields: (t) => ({
    rows: t.field({ type: [CallGroup], resolve: (result) => result.rows }),
    totals: t.field({ type: CallMetrics, resolve: (result) => result.totals }),
    count: t.exposeInt('count', { description: 'Number of groups before the limit.' }),
  }),
});

const CallFilter = builder.inputType('CallFilter', {
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
    },
    resolve: (_root, args, context, info) => {
      const metricsUnder = (path: string[]) => [...selectedFieldNames(info, path)].filter((name): name is MetricName => name in METRICS);
      const totals = selectedFieldNames(info, []).has('totals') ? metricsUnder(['totals']) : null;
      return context.run(GROUPED, { ...args, select: { rows: metricsUnder(['rows']), totals } });
    },
  }),
);
