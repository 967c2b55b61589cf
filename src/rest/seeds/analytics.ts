import { ANALYTICS_QUERY_TYPES, GRANULARITIES } from '../../analytics/families/analytics-query/query-types.ts';
import { RestAnalyticsDocument, type AnalyticsQueryInput, type RestAnalyticsQuery } from '../generated/graphql.ts';
import { defineRoute, type JsonSchema } from '../route.ts';
import { closedObject, instantSchema, nullable, snakeKeys, toDateTime } from './seed-values.ts';

/** Seed 002: `POST /analytics`, one body for twelve query types, rows in snake_case. */

const lower = (values: readonly string[]) => values.map((value) => value.toLowerCase());

const filtersSchema = closedObject(
  {
    template_id: { type: 'string' },
    merchant_id: { type: 'string' },
    reseller_id: { type: 'string' },
    date_from: instantSchema('Start of the range (inclusive). Default: 30 days before date_to.'),
    date_to: instantSchema('End of the range (inclusive); a plain date includes that whole day. Default: now.'),
    min_duration: { type: 'integer', description: 'Seconds.' },
    max_duration: { type: 'integer', description: 'Seconds.' },
    sentiment_min: { type: 'number', minimum: 0, maximum: 1, description: '0.0–1.0.' },
    sentiment_max: { type: 'number', minimum: 0, maximum: 1, description: '0.0–1.0.' },
    payload_filters: {
      type: 'object',
      description: 'Equality on payload fields, e.g. {"city": "Mumbai"}; values string, number, boolean or null.',
    },
  },
  [],
);

const bodySchema = closedObject(
  {
    query_type: { enum: lower(ANALYTICS_QUERY_TYPES) },
    filters: filtersSchema,
    granularity: { enum: lower(GRANULARITIES), default: 'day', description: 'Bucket of the *_over_time types.' },
    timezone: { type: 'string', default: 'UTC', description: 'IANA time zone of the buckets (a dialgraph addition; the seed buckets in UTC).' },
    page: { type: 'integer', default: 1 },
    page_size: { type: 'integer', default: 50 },
  },
  ['query_type'],
);

const seconds = { type: nullable('number') };
const ROW_SCHEMAS: JsonSchema[] = [
  closedObject({ count: { type: 'integer' } }),
  closedObject({ count: { type: 'integer' }, total: { type: 'number' }, avg: seconds, min: seconds, max: seconds }),
  closedObject({ key: { type: 'string' }, count: { type: 'integer' }, percentage: { type: 'number' } }),
  closedObject({ date: { type: 'string' }, count: { type: 'integer' } }),
  closedObject({ date: { type: 'string' }, count: { type: 'integer' }, avg_duration: seconds }),
  closedObject({ attempt: { type: 'integer' }, calls: { type: 'integer' }, answered: { type: 'integer' }, answer_rate: { type: 'number' } }),
  closedObject({ provider: { type: 'string' }, count: { type: 'integer' }, total_duration: { type: 'number' }, avg_duration: seconds }),
  closedObject({ day_of_week: { type: 'integer' }, hour: { type: 'integer' }, count: { type: 'integer' } }),
  closedObject({ stage: { type: 'string' }, leads: { type: 'integer' }, conversion_rate: { type: 'number' } }),
];

type Row = RestAnalyticsQuery['analyticsQuery']['data'][number];

/** A row in snake_case; a `calls_over_time` point has no average (the seed's `{ date, count }`). */
function seedRow(row: Row, queryType: string): Record<string, unknown> {
  const omit = row.__typename === 'TimeSeriesPoint' && queryType !== 'AVG_DURATION_OVER_TIME' ? ['__typename', 'avgDuration'] : ['__typename'];
  return snakeKeys(row, omit);
}

export const analyticsRoute = defineRoute({
  id: 'analytics',
  seed: '002',
  method: 'POST',
  path: '/analytics',
  summary: 'Lead-push analytics: one of twelve query types over the filters, paged.',
  document: RestAnalyticsDocument,
  query: closedObject({}, []),
  body: bodySchema,
  invalidValueStatus: 422,
  names: {
    'input.filters.dateFrom': 'filters.date_from',
    'input.filters.dateTo': 'filters.date_to',
    'input.filters.minDuration': 'filters.min_duration',
    'input.filters.maxDuration': 'filters.max_duration',
    'input.filters.sentimentMin': 'filters.sentiment_min',
    'input.filters.sentimentMax': 'filters.sentiment_max',
    'input.filters.payloadFilters': 'filters.payload_filters',
    'input.filters.templateId': 'filters.template_id',
    'input.filters.merchantId': 'filters.merchant_id',
    'input.filters.resellerId': 'filters.reseller_id',
    'input.pageSize': 'page_size',
    'input.page': 'page',
    'input.granularity': 'granularity',
    'input.timezone': 'timezone',
    'input.queryType': 'query_type',
    dateFrom: 'date_from',
    dateTo: 'date_to',
    pageSize: 'page_size',
  },
  variables: ({ body }) => {
    const filters = (body.filters ?? {}) as Record<string, unknown>;
    const input: AnalyticsQueryInput = {
      queryType: String(body.query_type).toUpperCase() as AnalyticsQueryInput['queryType'],
      filters: {
        templateId: filters.template_id as string | undefined,
        merchantId: filters.merchant_id as string | undefined,
        resellerId: filters.reseller_id as string | undefined,
        dateFrom: toDateTime(filters.date_from, 'start'),
        dateTo: toDateTime(filters.date_to, 'end'),
        minDuration: filters.min_duration as number | undefined,
        maxDuration: filters.max_duration as number | undefined,
        sentimentMin: filters.sentiment_min as number | undefined,
        sentimentMax: filters.sentiment_max as number | undefined,
        payloadFilters: filters.payload_filters as Record<string, unknown> | undefined,
      },
      granularity: typeof body.granularity === 'string' ? (body.granularity.toUpperCase() as AnalyticsQueryInput['granularity']) : undefined,
      timezone: body.timezone as string | undefined,
      page: body.page as number | undefined,
      pageSize: body.page_size as number | undefined,
    };
    return { input };
  },
  respond: ({ analyticsQuery: result }: RestAnalyticsQuery) => ({
    query_type: result.queryType.toLowerCase(),
    data: result.data.map((row) => seedRow(row, result.queryType)),
    total: result.total,
    page: result.page,
    page_size: result.pageSize,
  }),
  response: closedObject({
    query_type: { enum: lower(ANALYTICS_QUERY_TYPES) },
    data: { type: 'array', items: { anyOf: ROW_SCHEMAS } },
    total: { type: 'integer', description: 'Rows before paging.' },
    page: { type: 'integer' },
    page_size: { type: 'integer' },
  }),
});
