import { CALL_DIMENSIONS } from '../../analytics/registry/dimensions.ts';
import { CALL_DIRECTION, CALL_STATUS } from '../../analytics/registry/enums.ts';
import { METRIC_NAMES, METRICS as METRIC_REGISTRY } from '../../analytics/registry/metrics.ts';
import {
  RestGroupedCallsDocument,
  type CallDimension,
  type CallFilter,
  type GroupedSortKey,
  type RestGroupedCallsQuery,
  type RestGroupedCallsQueryVariables,
} from '../generated/graphql.ts';
import { defineRoute, type JsonSchema, type RouteInput } from '../route.ts';
import { camel, closedObject, dateSchema, nullable, screaming, snake } from './seed-values.ts';

/**
 * Seed 004: `GET /api/v1/analytics/calls`, comma lists of snake_case dimensions and metrics.
 * A row holds its grouped dimensions, then the requested metrics, in the order asked.
 */

const DIMENSIONS = CALL_DIMENSIONS.map((name) => name.toLowerCase());
const METRICS = METRIC_NAMES.map(snake);
const DEFAULT_METRICS = ['count'];

const INTEGER_DIMENSIONS = new Set(['hour_of_day', 'day_of_week']);
// Column types from the metric registry, so a metric added there (the percentiles) is typed here too.
const INTEGER_METRICS = new Set(METRIC_NAMES.filter((name) => METRIC_REGISTRY[name].graphqlType !== 'Float').map(snake));
const NULLABLE_METRICS = new Set(METRIC_NAMES.filter((name) => METRIC_REGISTRY[name].nullable).map(snake));

const list = (values: readonly string[], description: string): JsonSchema => ({
  type: 'array',
  items: { enum: values },
  uniqueItems: true,
  description: `${description} Comma-separated.`,
});

const querySchema = closedObject(
  {
    group_by: list(DIMENSIONS, 'Up to 3 dimensions to group by.'),
    metrics: { ...list(METRICS, 'Metrics of each group and of the totals.'), default: DEFAULT_METRICS },
    start_date: dateSchema('First day, inclusive. Default: 29 days before end_date'),
    end_date: dateSchema('Last day, inclusive. Default: today'),
    status: { enum: Object.values(CALL_STATUS) },
    source: { type: 'string' },
    direction: { enum: Object.values(CALL_DIRECTION) },
    call_flow_id: { type: 'string' },
    number_id: { type: 'string' },
    number_group_id: { type: 'string' },
    min_ai_score: { type: 'number' },
    max_ai_score: { type: 'number' },
    ai_category: { type: 'string' },
    qualified: { type: 'boolean' },
    min_duration: { type: 'integer', description: 'Seconds.' },
    sort_by: { enum: [...METRICS, ...DIMENSIONS], default: 'count', description: 'A metric, or a dimension that is grouped.' },
    sort_order: { enum: ['asc', 'desc', 'ASC', 'DESC'], default: 'desc' },
    limit: { type: 'integer', default: 100, minimum: 1, maximum: 1000 },
    timezone: { type: 'string', default: 'UTC', description: 'IANA time zone of the days and time dimensions (a dialgraph addition; the seed has none).' },
  },
  [],
);

const dimensionsOf = (input: RouteInput) => (input.query.group_by ?? []) as string[];
const metricsOf = (input: RouteInput) => (input.query.metrics ?? DEFAULT_METRICS) as string[];

/** `withCount`, `withAvgDuration`…: the document's @include flag of each metric. */
const flag = (metric: string) => `with${metric[0].toUpperCase()}${camel(metric).slice(1)}`;

function variables(input: RouteInput): RestGroupedCallsQueryVariables {
  const { query } = input;
  const wanted = new Set(metricsOf(input));
  const filter: CallFilter = {
    startDate: query.start_date as string | undefined,
    endDate: query.end_date as string | undefined,
    status: typeof query.status === 'string' ? (screaming(query.status) as CallFilter['status']) : undefined,
    source: query.source as string | undefined,
    direction: typeof query.direction === 'string' ? (query.direction.toUpperCase() as CallFilter['direction']) : undefined,
    callFlowId: query.call_flow_id as string | undefined,
    numberId: query.number_id as string | undefined,
    numberGroupId: query.number_group_id as string | undefined,
    minAiScore: query.min_ai_score as number | undefined,
    maxAiScore: query.max_ai_score as number | undefined,
    aiCategory: query.ai_category as string | undefined,
    qualified: query.qualified as boolean | undefined,
    minDuration: query.min_duration as number | undefined,
  };
  const flags = Object.fromEntries(METRICS.map((metric) => [flag(metric), wanted.has(metric)]));
  return {
    ...(flags as Pick<RestGroupedCallsQueryVariables, `with${string}` & keyof RestGroupedCallsQueryVariables>),
    groupBy: dimensionsOf(input).map((name) => name.toUpperCase() as CallDimension),
    filter,
    sortBy: typeof query.sort_by === 'string' ? (query.sort_by.toUpperCase() as GroupedSortKey) : undefined,
    sortOrder: typeof query.sort_order === 'string' ? (query.sort_order.toUpperCase() as 'ASC' | 'DESC') : undefined,
    limit: query.limit as number | undefined,
    timezone: query.timezone as string | undefined,
  } as RestGroupedCallsQueryVariables;
}

type Group = RestGroupedCallsQuery['groupedCalls']['rows'][number];

function seedRow(group: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const name of names) row[name] = group[camel(name)] ?? null;
  return row;
}

const columns = (input: RouteInput) => [...dimensionsOf(input), ...metricsOf(input)];

const rows = (data: RestGroupedCallsQuery, input: RouteInput) => {
  const names = columns(input);
  return data.groupedCalls.rows.map((group: Group) => seedRow(group, names));
};

/** A row's values in column order (dimensions, then metrics): a CSV row, as `seedRow` names them. */
function* rowCells(data: RestGroupedCallsQuery, input: RouteInput): Generator<unknown[]> {
  const fields = columns(input).map(camel);
  for (const group of data.groupedCalls.rows as Record<string, unknown>[]) yield fields.map((field) => group[field] ?? null);
}

const valueSchema = (name: string): JsonSchema => {
  if (INTEGER_DIMENSIONS.has(name)) return { type: nullable('integer') };
  if (DIMENSIONS.includes(name)) return { type: nullable('string') };
  if (INTEGER_METRICS.has(name)) return { type: 'integer' };
  return { type: NULLABLE_METRICS.has(name) ? nullable('number') : 'number' };
};
const anyOf = (names: readonly string[]): JsonSchema => ({
  type: 'object',
  properties: Object.fromEntries(names.map((name) => [name, valueSchema(name)])),
  additionalProperties: false,
});

export const groupedCallsRoute = defineRoute({
  id: 'groupedCalls',
  seed: '004',
  method: 'GET',
  path: '/api/v1/analytics/calls',
  summary: 'Calls grouped by up to 3 dimensions with the requested metrics, plus totals over every matching call.',
  document: RestGroupedCallsDocument,
  query: querySchema,
  invalidValueStatus: 400,
  names: {
    groupBy: 'group_by',
    sortBy: 'sort_by',
    sortOrder: 'sort_order',
    'filter.startDate': 'start_date',
    'filter.endDate': 'end_date',
    'filter.minAiScore': 'min_ai_score',
    'filter.maxAiScore': 'max_ai_score',
    'filter.minDuration': 'min_duration',
    startDate: 'start_date',
    endDate: 'end_date',
    minAiScore: 'min_ai_score',
    maxAiScore: 'max_ai_score',
  },
  variables,
  respond: (data: RestGroupedCallsQuery, input: RouteInput) => ({
    data: {
      data: rows(data, input),
      totals: seedRow(data.groupedCalls.totals, metricsOf(input)),
      count: data.groupedCalls.count,
    },
  }),
  response: closedObject({
    data: closedObject({
      data: { type: 'array', items: anyOf([...DIMENSIONS, ...METRICS]) },
      totals: anyOf(METRICS),
      count: { type: 'integer', description: 'Groups before the limit.' },
    }),
  }),
  csv: { columns, rows: rowCells },
});
