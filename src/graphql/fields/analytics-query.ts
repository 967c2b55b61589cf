import { ANALYTICS_QUERY } from '../../analytics/families/analytics-query/analytics-query.ts';
import { ANALYTICS_QUERY_TYPES, GRANULARITIES } from '../../analytics/families/analytics-query/query-types.ts';
import type {
  AnalyticsRow as AnalyticsRowShape,
  CountRow as CountRowShape,
  DistributionRow as DistributionRowShape,
  DurationStatsRow as DurationStatsRowShape,
  FunnelStage as FunnelStageShape,
  HeatmapCell as HeatmapCellShape,
  ProviderRow as ProviderRowShape,
  RetryRow as RetryRowShape,
  TimeSeriesPoint as TimeSeriesPointShape,
} from '../../analytics/families/analytics-query/rows.ts';
import type { AnalyticsResult as AnalyticsResultShape } from '../../analytics/families/analytics-query/analytics-query.ts';
import { costDirectives } from '../cost/field-costs.ts';
import { builder } from '../builder.ts';
import { serves } from '../served-families.ts';

const ANALYTICS = serves(ANALYTICS_QUERY);

const AnalyticsQueryTypeEnum = builder.enumType('AnalyticsQueryType', {
  description: 'Which answer analyticsQuery gives; each has its own row type (see AnalyticsRow).',
  values: ANALYTICS_QUERY_TYPES,
});

const GranularityEnum = builder.enumType('Granularity', {
  description: 'Time-series bucket: local hour, day, week (Monday start) or month in the request time zone.',
  values: GRANULARITIES,
});

const CountRow = builder.objectRef<CountRowShape>('CountRow').implement({
  description: 'CALL_COUNT: the number of matching calls.',
  fields: (t) => ({ count: t.exposeInt('count') }),
});

function percentileDescription(p: number): string {
  return `Exact nearest-rank ${p}th percentile: the smallest duration with at least ${p}% of the calls at or below it (as groupedCalls' p${p}Duration); null over no calls.`;
}

const DurationStatsRow = builder.objectRef<DurationStatsRowShape>('DurationStatsRow').implement({
  description: 'CALL_DURATION, in seconds; a missing duration counts as 0. Rounded to 2 decimals.',
  fields: (t) => ({
    count: t.exposeInt('count', { description: 'Matching calls.' }),
    total: t.exposeFloat('total', { description: 'Sum of durations; 0 over no calls.' }),
    avg: t.exposeFloat('avg', { nullable: true, description: 'total / count; null over no calls.' }),
    min: t.exposeFloat('min', { nullable: true, description: 'Shortest duration; null over no calls.' }),
    max: t.exposeFloat('max', { nullable: true, description: 'Longest duration; null over no calls.' }),
    p50Duration: t.exposeFloat('p50Duration', { nullable: true, description: percentileDescription(50) }),
    p90Duration: t.exposeFloat('p90Duration', { nullable: true, description: percentileDescription(90) }),
    p95Duration: t.exposeFloat('p95Duration', { nullable: true, description: percentileDescription(95) }),
    p99Duration: t.exposeFloat('p99Duration', { nullable: true, description: percentileDescription(99) }),
  }),
});

const DistributionRow = builder.objectRef<DistributionRowShape>('DistributionRow').implement({
  description: 'One value of a distribution (outcome, lead status, sentiment range, top outcome).',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The value; UNKNOWN for missing, or the sentiment range label / UNSCORED.' }),
    count: t.exposeInt('count'),
    percentage: t.exposeFloat('percentage', { description: 'count as a percentage (0–100, 1 decimal) of the counts of all rows of the answer.' }),
  }),
});

const TimeSeriesPoint = builder.objectRef<TimeSeriesPointShape>('TimeSeriesPoint').implement({
  description: 'One local time bucket; every bucket of the range is present, empty ones with count 0.',
  fields: (t) => ({
    date: t.exposeString('date', { description: 'Bucket label: YYYY-MM-DDTHH:00, YYYY-MM-DD, the Monday YYYY-MM-DD, or YYYY-MM.' }),
    bucketStart: t.expose('bucketStart', { type: 'DateTime', description: 'The instant the local bucket begins.' }),
    count: t.exposeInt('count'),
    avgDuration: t.exposeFloat('avgDuration', { nullable: true, description: 'Average duration in seconds (missing = 0), 2 decimals; null when the bucket has no calls.' }),
  }),
});

const RetryRow = builder.objectRef<RetryRowShape>('RetryRow').implement({
  description: 'RETRY_ANALYSIS: one attempt number (a missing attempt counts as 1).',
  fields: (t) => ({
    attempt: t.exposeInt('attempt'),
    calls: t.exposeInt('calls'),
    answered: t.exposeInt('answered', { description: 'Calls with status completed.' }),
    answerRate: t.exposeFloat('answerRate', { description: 'answered / calls × 100, 1 decimal.' }),
  }),
});

const ProviderRow = builder.objectRef<ProviderRowShape>('ProviderRow').implement({
  description: 'PROVIDER_BREAKDOWN: one telephony provider (UNKNOWN when missing). Durations in seconds, 2 decimals.',
  fields: (t) => ({
    provider: t.exposeString('provider'),
    count: t.exposeInt('count'),
    totalDuration: t.exposeFloat('totalDuration', { description: 'Sum of durations (missing = 0).' }),
    // Nullable like TimeSeriesPoint.avgDuration, so both can be selected in one query on the union.
    avgDuration: t.exposeFloat('avgDuration', { nullable: true, description: 'totalDuration / count (never null: a provider row has calls).' }),
  }),
});

const HeatmapCell = builder.objectRef<HeatmapCellShape>('HeatmapCell').implement({
  description: 'HOURLY_HEATMAP: calls in one local hour of one local weekday.',
  fields: (t) => ({
    dayOfWeek: t.exposeInt('dayOfWeek', { description: '0 = Sunday … 6 = Saturday, local.' }),
    hour: t.exposeInt('hour', { description: '0–23, local.' }),
    count: t.exposeInt('count'),
  }),
});

const FunnelStage = builder.objectRef<FunnelStageShape>('FunnelStage').implement({
  description: 'CONVERSION_FUNNEL: one configured stage, in configured order.',
  fields: (t) => ({
    stage: t.exposeString('stage'),
    leads: t.exposeInt('leads', { description: 'Distinct leads whose furthest stage reached is this one or a later one.' }),
    conversionRate: t.exposeFloat('conversionRate', { description: 'leads as a percentage of the first stage’s leads, 1 decimal (0 when that is 0).' }),
  }),
});

const ROW_TYPES = {
  CountRow,
  DurationStatsRow,
  DistributionRow,
  TimeSeriesPoint,
  RetryRow,
  ProviderRow,
  HeatmapCell,
  FunnelStage,
} as const satisfies Record<AnalyticsRowShape['kind'], unknown>;

const AnalyticsRow = builder.unionType('AnalyticsRow', {
  description: 'A row of analyticsQuery; the member depends on the query type.',
  types: Object.values(ROW_TYPES),
  resolveType: (row: AnalyticsRowShape) => row.kind,
});

const AnalyticsResult = builder.objectRef<AnalyticsResultShape>('AnalyticsResult').implement({
  fields: (t) => ({
    queryType: t.expose('queryType', { type: AnalyticsQueryTypeEnum }),
    data: t.field({ type: [AnalyticsRow], description: 'The rows of the requested page.', directives: { listSize: { assumedSize: 1000 } }, resolve: (result) => result.data }),
    total: t.exposeInt('total', { description: 'Number of rows before paging.' }),
    page: t.exposeInt('page'),
    pageSize: t.exposeInt('pageSize'),
  }),
});

const AnalyticsFilters = builder.inputType('AnalyticsFilters', {
  fields: (t) => ({
    templateId: t.id({ required: false }),
    merchantId: t.id({ required: false }),
    resellerId: t.id({ required: false }),
    dateFrom: t.field({ type: 'DateTime', required: false, description: 'Inclusive. Default: 30 days before dateTo.' }),
    dateTo: t.field({ type: 'DateTime', required: false, description: 'Inclusive. Default: now.' }),
    minDuration: t.int({ required: false, description: 'Seconds, inclusive; a missing duration counts as 0.' }),
    maxDuration: t.int({ required: false, description: 'Seconds, inclusive; a missing duration counts as 0.' }),
    sentimentMin: t.float({ required: false, description: 'Inclusive; set either bound to leave out calls without a sentiment.' }),
    sentimentMax: t.float({ required: false, description: 'Inclusive.' }),
    payloadFilters: t.field({
      type: 'JSONObject',
      required: false,
      description: 'Flat equality on payload.<key>: keys of letters, digits, _ and -; values string, number, boolean or null.',
    }),
  }),
});

const AnalyticsQueryInputType = builder.inputType('AnalyticsQueryInput', {
  fields: (t) => ({
    queryType: t.field({ type: AnalyticsQueryTypeEnum, required: true }),
    filters: t.field({ type: AnalyticsFilters, required: false }),
    granularity: t.field({ type: GranularityEnum, required: false, defaultValue: 'DAY', description: 'Time series only.' }),
    timezone: t.field({ type: 'TimeZone', required: false, defaultValue: 'UTC', description: 'IANA zone for time buckets and the heatmap.' }),
    page: t.int({ required: false, defaultValue: 1, description: '1 or more.' }),
    pageSize: t.int({ required: false, defaultValue: 50, description: '1–1000.' }),
  }),
});

builder.queryField('analyticsQuery', (t) =>
  t.field({
    description: 'Lead-push analytics: one of twelve answers over your tenant’s calls, with one filter set and paging.',
    directives: costDirectives('Query.analyticsQuery'),
    type: AnalyticsResult,
    args: { input: t.arg({ type: AnalyticsQueryInputType, required: true }) },
    resolve: (_root, args, context) => context.run(ANALYTICS, args),
  }),
);
