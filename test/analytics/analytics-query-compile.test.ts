import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { normalizeAnalyticsFilters } from '../../src/analytics/families/analytics-query/analytics-filters.ts';
import { analyticsQuery, type AnalyticsQueryInput } from '../../src/analytics/families/analytics-query/analytics-query.ts';
import { normalizePage, pageRows } from '../../src/analytics/query/page.ts';
import { payloadFilterConditions } from '../../src/analytics/families/analytics-query/payload-filters.ts';
import { ANALYTICS_QUERY_TYPES } from '../../src/analytics/families/analytics-query/query-types.ts';
import { UserInputError } from '../../src/analytics/errors.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { Principal } from '../../src/contract/principal.ts';
import { DEFAULT_FUNNEL_STAGES } from '../../src/contract/call-document.ts';
import { buildSchema } from '../../src/graphql/schema.ts';

const NOW = new Date('2024-03-15T12:00:00.000Z');
const principal: Principal = { tenantId: 't1', userEmail: 'owner@t1.example', role: 'user' };
const RANGE = { dateFrom: new Date('2024-03-01T00:00:00Z'), dateTo: new Date('2024-03-07T23:59:59.999Z') };
const SCOPE = { tenant_id: 't1', started_at: { $gte: RANGE.dateFrom, $lte: RANGE.dateTo } };

function compile(input: Partial<AnalyticsQueryInput> & Pick<AnalyticsQueryInput, 'queryType'>, funnelStages: readonly string[] = DEFAULT_FUNNEL_STAGES) {
  const plan = analyticsQuery({ principal, now: NOW, funnelStages, input: { filters: RANGE, ...input } });
  return compileCallQuery(plan.query);
}

/** What `e` threw, as `[argument, message]`, or null. */
function thrown(run: () => unknown): [string, string] | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof UserInputError) return [error.argument, error.message];
    throw error;
  }
}

describe('analyticsQuery compiles each type as a preset of the query core', () => {
  it('CALL_COUNT: scope, one group over everything', () => {
    expect(compile({ queryType: 'CALL_COUNT' })).toEqual([{ $match: SCOPE }, { $group: { _id: null, calls: { $sum: 1 } } }]);
  });

  it('CALL_DURATION: count, sum, min, max and percentiles from the duration histogram, a missing duration as 0', () => {
    const pick = (p: number) => ({
      $min: { $cond: [{ $gte: [{ $multiply: ['$runningCalls', 100] }, { $multiply: ['$partitionCalls', p] }] }, '$_id.durationValue', null] },
    });
    expect(compile({ queryType: 'CALL_DURATION' })).toEqual([
      { $match: SCOPE },
      {
        $group: {
          _id: { durationValue: { $ifNull: ['$duration_sec', 0] } },
          calls: { $sum: 1 },
          durationSum: { $sum: '$duration_sec' },
          durationMin: { $min: { $ifNull: ['$duration_sec', 0] } },
          durationMax: { $max: { $ifNull: ['$duration_sec', 0] } },
        },
      },
      {
        $setWindowFields: {
          sortBy: { '_id.durationValue': 1 },
          output: {
            runningCalls: { $sum: '$calls', window: { documents: ['unbounded', 'current'] } },
            partitionCalls: { $sum: '$calls', window: { documents: ['unbounded', 'unbounded'] } },
          },
        },
      },
      {
        $group: {
          _id: null,
          calls: { $sum: '$calls' },
          durationSum: { $sum: '$durationSum' },
          durationMin: { $min: '$durationMin' },
          durationMax: { $max: '$durationMax' },
          p50Duration: pick(50),
          p90Duration: pick(90),
          p95Duration: pick(95),
          p99Duration: pick(99),
        },
      },
    ]);
  });

  it('OUTCOME_DISTRIBUTION: missing/empty under UNKNOWN in the key, count desc then key asc', () => {
    expect(compile({ queryType: 'OUTCOME_DISTRIBUTION' })).toEqual([
      { $match: SCOPE },
      {
        $group: {
          _id: { key: { $cond: [{ $eq: [{ $ifNull: ['$outcome', ''] }, ''] }, 'UNKNOWN', '$outcome'] } },
          calls: { $sum: 1 },
        },
      },
      { $sort: { calls: -1, '_id.key': 1 } },
    ]);
  });

  it('TOP_OUTCOMES: only calls with an outcome, in the match', () => {
    expect(compile({ queryType: 'TOP_OUTCOMES' })).toEqual([
      { $match: { ...SCOPE, outcome: { $nin: [null, ''] } } },
      { $group: { _id: { key: '$outcome' }, calls: { $sum: 1 } } },
      { $sort: { calls: -1, '_id.key': 1 } },
    ]);
  });

  it('SENTIMENT_DISTRIBUTION: a $switch that checks for a number before comparing', () => {
    expect(compile({ queryType: 'SENTIMENT_DISTRIBUTION' })[1]).toEqual({
      $group: {
        _id: {
          range: {
            $switch: {
              branches: [
                { case: { $not: [{ $isNumber: '$sentiment' }] }, then: 5 },
                { case: { $lt: ['$sentiment', 0.2] }, then: 0 },
                { case: { $lt: ['$sentiment', 0.4] }, then: 1 },
                { case: { $lt: ['$sentiment', 0.6] }, then: 2 },
                { case: { $lt: ['$sentiment', 0.8] }, then: 3 },
              ],
              default: 4,
            },
          },
        },
        calls: { $sum: 1 },
      },
    });
  });

  it('RETRY_ANALYSIS: missing attempt is 1, answered = completed, attempt ascending', () => {
    expect(compile({ queryType: 'RETRY_ANALYSIS' })).toEqual([
      { $match: SCOPE },
      {
        $group: {
          _id: { attempt: { $ifNull: ['$attempt', 1] } },
          calls: { $sum: 1 },
          answeredCount: { $sum: { $cond: [{ $eq: ['$status', 'completed'] }, 1, 0] } },
        },
      },
      { $sort: { '_id.attempt': 1 } },
    ]);
  });

  it('PROVIDER_BREAKDOWN: calls and duration per provider, count desc then provider asc', () => {
    expect(compile({ queryType: 'PROVIDER_BREAKDOWN' })).toEqual([
      { $match: SCOPE },
      {
        $group: {
          _id: { provider: { $cond: [{ $eq: [{ $ifNull: ['$provider', ''] }, ''] }, 'UNKNOWN', '$provider'] } },
          calls: { $sum: 1 },
          durationSum: { $sum: '$duration_sec' },
        },
      },
      { $sort: { calls: -1, '_id.provider': 1 } },
    ]);
  });

  it('CONVERSION_FUNNEL: two grouping levels (furthest rank per lead, then leads per rank)', () => {
    expect(compile({ queryType: 'CONVERSION_FUNNEL' }, ['new', 'won', '$odd'])).toEqual([
      { $match: { ...SCOPE, lead_id: { $nin: [null, ''] }, lead_status: { $in: ['new', 'won', '$odd'] } } },
      {
        $group: {
          _id: { lead: '$lead_id' },
          furthest: {
            $max: {
              $switch: {
                branches: [
                  { case: { $eq: ['$lead_status', 'new'] }, then: 0 },
                  { case: { $eq: ['$lead_status', 'won'] }, then: 1 },
                  { case: { $eq: ['$lead_status', { $literal: '$odd' }] }, then: 2 },
                ],
                default: -1,
              },
            },
          },
        },
      },
      { $group: { _id: { furthest: '$furthest' }, leads: { $sum: 1 } } },
    ]);
  });

  it('CALLS_OVER_TIME in UTC: bucket index of the wall-clock ms, no sort (shaping orders the buckets)', () => {
    expect(compile({ queryType: 'CALLS_OVER_TIME', granularity: 'DAY' })).toEqual([
      { $match: SCOPE },
      {
        $group: {
          _id: { bucket: { $floor: { $divide: [{ $add: [{ $subtract: ['$started_at', new Date(0)] }, 0] }, 86_400_000] } } },
          calls: { $sum: 1 },
          durationSum: { $sum: '$duration_sec' },
        },
      },
    ]);
  });

  it('HOURLY_HEATMAP and time series in a DST zone: offset segments, never a timezone argument', () => {
    const heatmap = compile({ queryType: 'HOURLY_HEATMAP', timezone: 'America/New_York', filters: { dateFrom: new Date('2024-03-01T00:00:00Z'), dateTo: new Date('2024-03-20T00:00:00Z') } });
    const series = compile({ queryType: 'CALLS_OVER_TIME', granularity: 'HOUR', timezone: 'America/New_York', filters: { dateFrom: new Date('2024-03-01T00:00:00Z'), dateTo: new Date('2024-03-20T00:00:00Z') } });
    for (const pipeline of [heatmap, series]) {
      const text = JSON.stringify(pipeline);
      expect(text).not.toContain('timezone');
      expect(text).toContain('$cond');
    }
    // Local time once per call: the heatmap's two keys read one `local_ms` (the offset lookup
    // appears once); the series reads it once, so it stays inline, with no extra stage.
    expect(Object.keys(heatmap[1])).toEqual(['$addFields']);
    expect(Object.keys((heatmap[1] as any).$addFields)).toEqual(['local_ms']);
    expect(Object.keys((heatmap[2] as any).$group._id)).toEqual(['dayOfWeek', 'hour']);
    expect(JSON.stringify(heatmap).match(/"\$subtract":\["\$started_at"/g)).toHaveLength(1);
    expect(JSON.stringify((heatmap[2] as any).$group)).toContain('"$local_ms"');
    expect(Object.keys(series[1])).toEqual(['$group']);
    expect(JSON.stringify(series)).not.toContain('local_ms');
  });

  it.each(ANALYTICS_QUERY_TYPES)('%s starts with the tenant scope and never leaves it', (queryType) => {
    const pipeline = compile({ queryType, filters: { templateId: 'tpl', payloadFilters: { plan: 'gold' } } });
    const match = (pipeline[0] as any).$match;
    expect(Object.keys(pipeline[0])).toEqual(['$match']);
    expect(match.tenant_id).toBe('t1');
    expect(match.started_at).toEqual({ $gte: expect.any(Date), $lte: expect.any(Date) });
    expect(match.template_id).toBe('tpl');
    expect(match['payload.plan']).toBe('gold');
    // No later stage can reach other tenants' documents.
    expect(JSON.stringify(pipeline.slice(1))).not.toMatch(/tenant_id|\$lookup|\$unionWith/);
  });

  it('pins a super-admin key to its own tenant too (analyticsQuery has no cross-tenant form)', () => {
    const admin: Principal = { tenantId: 'ops', userEmail: 'ops@x', role: 'super_admin' };
    const plan = analyticsQuery({ principal: admin, now: NOW, funnelStages: DEFAULT_FUNNEL_STAGES, input: { queryType: 'CALL_COUNT' } });
    expect((compileCallQuery(plan.query)[0] as any).$match.tenant_id).toBe('ops');
  });
});

describe('analytics filters', () => {
  const where = (filters: Parameters<typeof normalizeAnalyticsFilters>[0]['filters']) =>
    normalizeAnalyticsFilters({ filters, now: NOW, argument: 'input.filters' }).where;

  it.each([
    ['no bounds', {}, []],
    ['a minimum of 0 keeps every call', { minDuration: 0 }, []],
    ['a minimum above 0 leaves out missing durations', { minDuration: 30 }, [{ duration_sec: { $gte: 30 } }]],
    ['a maximum keeps missing durations (they count as 0)', { maxDuration: 60 }, [{ $or: [{ duration_sec: { $lte: 60 } }, { duration_sec: null }] }]],
    ['0..0 keeps missing durations', { minDuration: 0, maxDuration: 0 }, [{ $or: [{ duration_sec: { $gte: 0, $lte: 0 } }, { duration_sec: null }] }]],
    ['10..60 does not', { minDuration: 10, maxDuration: 60 }, [{ duration_sec: { $gte: 10, $lte: 60 } }]],
  ])('duration: %s', (_name, filters, expected) => {
    expect(where(filters)).toEqual(expected);
  });

  it('sentiment bounds are inclusive and never match a call without sentiment', () => {
    expect(where({ sentimentMin: 0.2 })).toEqual([{ sentiment: { $gte: 0.2 } }]);
    expect(where({ sentimentMin: 0, sentimentMax: 0.5 })).toEqual([{ sentiment: { $gte: 0, $lte: 0.5 } }]);
  });

  it('ids are equality on the hierarchy fields', () => {
    expect(where({ templateId: 't', merchantId: 'm', resellerId: 'r' })).toEqual([{ template_id: 't' }, { merchant_id: 'm' }, { reseller_id: 'r' }]);
  });

  it('defaults to the last 30 days up to now', () => {
    expect(normalizeAnalyticsFilters({ filters: null, now: NOW, argument: 'input.filters' }).range).toEqual({
      from: new Date('2024-02-14T12:00:00.000Z'),
      to: NOW,
    });
  });

  it.each([
    [{ dateFrom: new Date('2024-03-02T00:00:00Z'), dateTo: new Date('2024-03-01T00:00:00Z') }, 'input.filters.dateFrom'],
    [{ sentimentMin: 0.8, sentimentMax: 0.2 }, 'input.filters.sentimentMin'],
    [{ minDuration: 60, maxDuration: 30 }, 'input.filters.minDuration'],
    [{ minDuration: -1 }, 'input.filters.minDuration'],
    [{ maxDuration: -1 }, 'input.filters.maxDuration'],
  ])('%o is refused naming %s', (filters, argument) => {
    const error = thrown(() => where(filters));
    expect(error?.[0]).toBe(argument);
    expect(error?.[1]).toContain(argument);
  });
});

describe('payloadFilters', () => {
  const argument = 'input.filters.payloadFilters';

  it('turns each key into an equality on payload.<key>', () => {
    expect(payloadFilterConditions({ plan: 'gold', age: 41, vip: true, 'lead-source': null, Größe_2: 'x' }, argument)).toEqual([
      { 'payload.plan': 'gold' },
      { 'payload.age': 41 },
      { 'payload.vip': true },
      { 'payload.lead-source': null },
      { 'payload.Größe_2': 'x' },
    ]);
    expect(payloadFilterConditions(null, argument)).toEqual([]);
    expect(payloadFilterConditions({}, argument)).toEqual([]);
  });

  it.each([
    ['a $ key', { $where: 'sleep(1000)' }],
    ['a $ key inside', { a$b: 1 }],
    ['a dotted key', { 'a.b': 1 }],
    ['an empty key', { '': 1 }],
    ['a space', { 'a b': 1 }],
    ['an operator object', { plan: { $ne: 'gold' } }],
    ['a plain object', { plan: { a: 1 } }],
    ['an array', { plan: ['gold', 'silver'] }],
    ['a non-finite number', { plan: Number.POSITIVE_INFINITY }],
    ['not an object', ['plan']],
  ])('refuses %s', (_name, filters) => {
    expect(thrown(() => payloadFilterConditions(filters, argument))?.[0]).toBe(argument);
  });
});

describe('paging', () => {
  it('slices after sorting and counts before', () => {
    const rows = ['a', 'b', 'c', 'd', 'e'];
    expect(pageRows(rows, { page: 2, pageSize: 2 })).toEqual({ data: ['c', 'd'], total: 5 });
    expect(pageRows(rows, { page: 3, pageSize: 2 })).toEqual({ data: ['e'], total: 5 });
    expect(pageRows(rows, { page: 9, pageSize: 2 })).toEqual({ data: [], total: 5 });
  });

  it.each([
    [{ page: 0, pageSize: 10 }, 'input.page'],
    [{ page: 1, pageSize: 0 }, 'input.pageSize'],
    [{ page: 1, pageSize: 1001 }, 'input.pageSize'],
  ])('%o names %s', (page, argument) => {
    expect(thrown(() => normalizePage({ page: { value: page.page, argument: 'input.page' }, size: { value: page.pageSize, argument: 'input.pageSize' } }))?.[0]).toBe(argument);
  });
});

describe('a series shapes only its page', () => {
  // New York, hourly, over the two local days around the March DST gap: 47 buckets (the
  // skipped 02:00 is absent). Rows are keyed by the wall-clock hour number.
  const filters = { dateFrom: new Date('2024-03-09T05:00:00Z'), dateTo: new Date('2024-03-11T03:59:59.999Z') };
  const wallHour = (day: number, hour: number) => Date.UTC(2024, 2, day, hour) / 3_600_000;
  const input = { queryType: 'CALLS_OVER_TIME', granularity: 'HOUR', timezone: 'America/New_York', filters } as const;
  const rows = [
    { _id: { bucket: wallHour(9, 0) }, calls: 3, durationSum: 100 },
    { _id: { bucket: wallHour(10, 3) }, calls: 1, durationSum: 7 },
    { _id: { bucket: wallHour(10, 23) }, calls: 2, durationSum: 0 },
  ];
  const everyPoint = analyticsQuery({ principal, now: NOW, funnelStages: DEFAULT_FUNNEL_STAGES, input: { ...input, pageSize: 1000 } }).shape(rows).data;

  it('has every bucket, the gap left out', () => {
    expect(everyPoint).toHaveLength(47);
    expect(everyPoint.map((point) => ('count' in point ? point.count : null)).filter((count) => count)).toEqual([3, 1, 2]);
  });

  it.each([
    [1, 10],
    [2, 10],
    [5, 10],
    [6, 10],
    [2, 1000],
  ])('page %i of %i equals paging the whole shaped series', (page, pageSize) => {
    const paged = analyticsQuery({ principal, now: NOW, funnelStages: DEFAULT_FUNNEL_STAGES, input: { ...input, page, pageSize } });
    expect(paged.shape(rows)).toEqual({ queryType: 'CALLS_OVER_TIME', ...pageRows(everyPoint, { page, pageSize }), page, pageSize });
  });
});

describe('validation comes before any pipeline is built', () => {
  it.each([
    [{ queryType: 'CALL_COUNT', timezone: 'Mars/Olympus_Mons' }, 'input.timezone'],
    [{ queryType: 'CALLS_OVER_TIME', granularity: 'HOUR', filters: { dateFrom: new Date('2023-01-01T00:00:00Z'), dateTo: new Date('2024-03-01T00:00:00Z') } }, 'input.granularity'],
    [{ queryType: 'CALL_COUNT', page: 0 }, 'input.page'],
  ] as [AnalyticsQueryInput, string][])('%o names %s', (input, argument) => {
    expect(thrown(() => analyticsQuery({ principal, now: NOW, funnelStages: DEFAULT_FUNNEL_STAGES, input }))?.[0]).toBe(argument);
  });

  it('10,000 buckets are fine, 10,001 are not', () => {
    const from = new Date('2024-01-01T00:00:00Z');
    const hours = (n: number) => new Date(from.getTime() + n * 3_600_000 - 1);
    const plan = (n: number) => () =>
      analyticsQuery({ principal, now: NOW, funnelStages: [], input: { queryType: 'CALLS_OVER_TIME', granularity: 'HOUR', filters: { dateFrom: from, dateTo: hours(n) } } });
    expect(thrown(plan(10_000))).toBeNull();
    expect(thrown(plan(10_001))?.[0]).toBe('input.granularity');
  });
});

describe('example operations', () => {
  it('schema/operations/3-analytics-query.graphql validates against the schema', () => {
    const document = parse(readFileSync(new URL('../../schema/operations/3-analytics-query.graphql', import.meta.url), 'utf8'));
    expect(validate(buildSchema(), document)).toEqual([]);
  });
});
