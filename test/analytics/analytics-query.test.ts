import { describe, expect, it } from 'vitest';
import { call, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

const NOW = '2024-03-15T12:00:00.000Z';

/**
 * Tenant t1, Monday 2024-03-04 to Thursday 2024-03-07 (UTC), with the edge cases each query
 * type has to handle: missing and empty values, a missing duration, a missing attempt, an
 * unknown lead status, a call without a lead. Every expectation below is counted by hand.
 */
const leads = [
  call({ started_at: '2024-03-04T09:15:00Z', duration_sec: 60, outcome: 'booked', sentiment: 0.9, lead_status: 'contacted', lead_id: 'L1', attempt: 1, status: 'completed', provider: 'twilio', template_id: 'tpl1', merchant_id: 'm1', reseller_id: 'r1', payload: { plan: 'gold', vip: true } }),
  call({ started_at: '2024-03-04T09:45:00Z', duration_sec: 120, outcome: 'booked', sentiment: 1.0, lead_status: 'qualified', lead_id: 'L1', attempt: 2, status: 'completed', provider: 'twilio', template_id: 'tpl1', merchant_id: 'm1', reseller_id: 'r1', payload: { plan: 'gold', age: 41 } }),
  call({ started_at: '2024-03-04T14:00:00Z', outcome: 'callback', sentiment: 0.2, lead_status: 'new', lead_id: 'L2', attempt: 1, status: 'no-answer', provider: 'plivo', template_id: 'tpl1', merchant_id: 'm2', reseller_id: 'r1', payload: { plan: 'silver', 'lead-source': 'web' } }),
  call({ started_at: '2024-03-05T10:00:00Z', duration_sec: 30, outcome: 'callback', sentiment: 0.55, lead_status: 'interested', lead_id: 'L2', attempt: 2, status: 'completed', provider: 'plivo', template_id: 'tpl2', merchant_id: 'm2', reseller_id: 'r1', payload: { plan: null } }),
  call({ started_at: '2024-03-05T23:30:00Z', duration_sec: 0, lead_status: 'converted', lead_id: 'L3', attempt: 3, status: 'completed', template_id: 'tpl2', merchant_id: 'm2', reseller_id: 'r1' }),
  call({ started_at: '2024-03-06T08:00:00Z', duration_sec: 45.5, outcome: '', sentiment: 0.1, lead_status: 'spam', lead_id: 'L4', attempt: 1, status: 'busy', provider: 'exotel' }),
  call({ started_at: '2024-03-07T12:00:00Z', duration_sec: 10, outcome: 'not-interested', sentiment: 0.4, lead_id: 'L5', attempt: 2, status: 'failed', provider: 'twilio' }),
  call({ started_at: '2024-03-07T12:30:00Z', duration_sec: 200, outcome: 'booked', sentiment: 0.79, lead_status: 'new', status: 'voicemail', provider: 'twilio' }),
];
/** Outside the week, inside the default 30 days. */
const earlier = call({ started_at: '2024-02-20T10:00:00Z', duration_sec: 999, outcome: 'booked', lead_id: 'L9', lead_status: 'converted' });
/** Another tenant in the same week: never counted for t1. */
const otherTenant = call({ tenant_id: 't2', started_at: '2024-03-05T10:00:00Z', duration_sec: 5000, outcome: 'booked', lead_id: 'L1', lead_status: 'converted' });

/** Tenant t2 clock data around New York's DST changes (2024-03-10 and 2024-11-03). */
const dst = [
  call({ tenant_id: 't2', started_at: '2024-03-10T04:30:00Z', duration_sec: 10 }), // Sat 03-09 23:30 EST
  call({ tenant_id: 't2', started_at: '2024-03-10T06:30:00Z', duration_sec: 20 }), // Sun 01:30 EST
  call({ tenant_id: 't2', started_at: '2024-03-10T07:30:00Z', duration_sec: 30 }), // Sun 03:30 EDT (02:xx never exists)
  call({ tenant_id: 't2', started_at: '2024-03-10T07:45:00Z' }), //                    Sun 03:45 EDT
  call({ tenant_id: 't2', started_at: '2024-03-11T03:59:00Z' }), //                    Sun 23:59 EDT
  call({ tenant_id: 't2', started_at: '2024-03-11T04:00:00Z' }), //                    Mon 03-11 00:00 EDT
  call({ tenant_id: 't2', started_at: '2024-11-03T03:59:00Z' }), //                    Sat 11-02 23:59 EDT
  call({ tenant_id: 't2', started_at: '2024-11-03T04:00:00Z' }), //                    Sun 11-03 00:00 EDT
  call({ tenant_id: 't2', started_at: '2024-11-03T05:30:00Z', duration_sec: 40 }), // Sun 01:30 EDT (first 01:30)
  call({ tenant_id: 't2', started_at: '2024-11-03T06:30:00Z', duration_sec: 60 }), // Sun 01:30 EST (second 01:30)
  call({ tenant_id: 't2', started_at: '2024-11-03T07:10:00Z' }), //                    Sun 02:10 EST
  call({ tenant_id: 't2', started_at: '2024-11-04T04:59:00Z' }), //                    Sun 23:59 EST (25-hour day)
  call({ tenant_id: 't2', started_at: '2024-11-04T05:00:00Z' }), //                    Mon 11-04 00:00 EST
];

const WEEK = { dateFrom: '2024-03-04T00:00:00Z', dateTo: '2024-03-07T23:59:59.999Z' };

const ROWS = /* GraphQL */ `
  queryType total page pageSize
  data {
    ... on CountRow { count }
    ... on DurationStatsRow { count total avg min max }
    ... on DistributionRow { key count percentage }
    ... on TimeSeriesPoint { date bucketStart count avgDuration }
    ... on RetryRow { attempt calls answered answerRate }
    ... on ProviderRow { provider count totalDuration avgDuration }
    ... on HeatmapCell { dayOfWeek hour count }
    ... on FunnelStage { stage leads conversionRate }
  }`;
const QUERY = `query ($input: AnalyticsQueryInput!) { analyticsQuery(input: $input) { ${ROWS} } }`;

const gateway = testGateway({ calls: [...leads, earlier, otherTenant, ...dst], now: NOW });

async function analytics(input: Record<string, unknown>, key: string = KEYS.t1) {
  const { status, body } = await gateway.query(QUERY, { input }, key);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data!.analyticsQuery as { queryType: string; total: number; page: number; pageSize: number; data: Record<string, unknown>[] };
}

const week = (queryType: string, extra: Record<string, unknown> = {}) => analytics({ queryType, filters: WEEK, ...extra });

describe('analyticsQuery: one answer per query type', () => {
  it('CALL_COUNT', async () => {
    expect(await week('CALL_COUNT')).toEqual({ queryType: 'CALL_COUNT', total: 1, page: 1, pageSize: 50, data: [{ count: 8 }] });
  });

  it('CALL_DURATION: missing duration counts as 0', async () => {
    // 60 + 120 + 0 + 30 + 0 + 45.5 + 10 + 200 = 465.5 over 8 calls.
    expect((await week('CALL_DURATION')).data).toEqual([{ count: 8, total: 465.5, avg: 58.19, min: 0, max: 200 }]);
  });

  it('CALL_COUNT and CALL_DURATION over no calls: 0, and nulls where there is nothing to average', async () => {
    const empty = { dateFrom: '2024-01-01T00:00:00Z', dateTo: '2024-01-02T00:00:00Z' };
    expect((await analytics({ queryType: 'CALL_COUNT', filters: empty })).data).toEqual([{ count: 0 }]);
    expect((await analytics({ queryType: 'CALL_DURATION', filters: empty })).data).toEqual([{ count: 0, total: 0, avg: null, min: null, max: null }]);
  });

  it('OUTCOME_DISTRIBUTION: missing and empty under UNKNOWN, count desc then key asc', async () => {
    const result = await week('OUTCOME_DISTRIBUTION');
    expect(result.total).toBe(4);
    expect(result.data).toEqual([
      { key: 'booked', count: 3, percentage: 37.5 },
      { key: 'UNKNOWN', count: 2, percentage: 25 },
      { key: 'callback', count: 2, percentage: 25 },
      { key: 'not-interested', count: 1, percentage: 12.5 },
    ]);
  });

  it('STATUS_DISTRIBUTION: by lead_status, unknown values kept as they are', async () => {
    expect((await week('STATUS_DISTRIBUTION')).data).toEqual([
      { key: 'new', count: 2, percentage: 25 },
      { key: 'UNKNOWN', count: 1, percentage: 12.5 },
      { key: 'contacted', count: 1, percentage: 12.5 },
      { key: 'converted', count: 1, percentage: 12.5 },
      { key: 'interested', count: 1, percentage: 12.5 },
      { key: 'qualified', count: 1, percentage: 12.5 },
      { key: 'spam', count: 1, percentage: 12.5 },
    ]);
  });

  it('SENTIMENT_DISTRIBUTION: all six rows in order, lower bound inclusive, 1.0 in the last', async () => {
    const result = await week('SENTIMENT_DISTRIBUTION');
    expect(result.total).toBe(6);
    expect(result.data).toEqual([
      { key: '0.0-0.2', count: 1, percentage: 12.5 }, // 0.1
      { key: '0.2-0.4', count: 1, percentage: 12.5 }, // 0.2
      { key: '0.4-0.6', count: 2, percentage: 25 }, //   0.4, 0.55
      { key: '0.6-0.8', count: 1, percentage: 12.5 }, // 0.79
      { key: '0.8-1.0', count: 2, percentage: 25 }, //   0.9, 1.0
      { key: 'UNSCORED', count: 1, percentage: 12.5 },
    ]);
  });

  it('SENTIMENT_DISTRIBUTION over no calls: six zero rows', async () => {
    const result = await analytics({ queryType: 'SENTIMENT_DISTRIBUTION', filters: { dateFrom: '2024-01-01T00:00:00Z', dateTo: '2024-01-02T00:00:00Z' } });
    expect(result.data.map((row) => [row.key, row.count, row.percentage])).toEqual([
      ['0.0-0.2', 0, 0], ['0.2-0.4', 0, 0], ['0.4-0.6', 0, 0], ['0.6-0.8', 0, 0], ['0.8-1.0', 0, 0], ['UNSCORED', 0, 0],
    ]);
  });

  it('TOP_OUTCOMES: only calls with an outcome; percentages of those calls', async () => {
    expect(await week('TOP_OUTCOMES')).toMatchObject({
      total: 3,
      data: [
        { key: 'booked', count: 3, percentage: 50 },
        { key: 'callback', count: 2, percentage: 33.3 },
        { key: 'not-interested', count: 1, percentage: 16.7 },
      ],
    });
  });

  it('RETRY_ANALYSIS: a missing attempt is 1, answered = completed, attempt ascending', async () => {
    expect((await week('RETRY_ANALYSIS')).data).toEqual([
      { attempt: 1, calls: 4, answered: 1, answerRate: 25 },
      { attempt: 2, calls: 3, answered: 2, answerRate: 66.7 },
      { attempt: 3, calls: 1, answered: 1, answerRate: 100 },
    ]);
  });

  it('PROVIDER_BREAKDOWN: missing provider under UNKNOWN, count desc then provider asc', async () => {
    expect((await week('PROVIDER_BREAKDOWN')).data).toEqual([
      { provider: 'twilio', count: 4, totalDuration: 390, avgDuration: 97.5 },
      { provider: 'plivo', count: 2, totalDuration: 30, avgDuration: 15 },
      { provider: 'UNKNOWN', count: 1, totalDuration: 0, avgDuration: 0 },
      { provider: 'exotel', count: 1, totalDuration: 45.5, avgDuration: 45.5 },
    ]);
  });

  it('HOURLY_HEATMAP: all 168 cells, Sunday 00 first, zeros included', async () => {
    const result = await week('HOURLY_HEATMAP', { pageSize: 1000 });
    expect(result.total).toBe(168);
    expect(result.data).toHaveLength(168);
    expect(result.data.slice(0, 2)).toEqual([{ dayOfWeek: 0, hour: 0, count: 0 }, { dayOfWeek: 0, hour: 1, count: 0 }]);
    expect(result.data.at(-1)).toEqual({ dayOfWeek: 6, hour: 23, count: 0 });
    result.data.forEach((cell, i) => expect([cell.dayOfWeek, cell.hour]).toEqual([Math.floor(i / 24), i % 24]));
    expect(result.data.filter((cell) => cell.count !== 0)).toEqual([
      { dayOfWeek: 1, hour: 9, count: 2 },
      { dayOfWeek: 1, hour: 14, count: 1 },
      { dayOfWeek: 2, hour: 10, count: 1 },
      { dayOfWeek: 2, hour: 23, count: 1 },
      { dayOfWeek: 3, hour: 8, count: 1 },
      { dayOfWeek: 4, hour: 12, count: 2 },
    ]);
  });

  it('HOURLY_HEATMAP in local time (America/New_York, EST): Tuesday 23:30 UTC is Tuesday 18:30', async () => {
    const result = await week('HOURLY_HEATMAP', { pageSize: 1000, timezone: 'America/New_York' });
    expect(result.data.filter((cell) => cell.count !== 0)).toEqual([
      { dayOfWeek: 1, hour: 4, count: 2 },
      { dayOfWeek: 1, hour: 9, count: 1 },
      { dayOfWeek: 2, hour: 5, count: 1 },
      { dayOfWeek: 2, hour: 18, count: 1 },
      { dayOfWeek: 3, hour: 3, count: 1 },
      { dayOfWeek: 4, hour: 7, count: 2 },
    ]);
  });

  it('CONVERSION_FUNNEL over the default stages', async () => {
    // L1 contacted→qualified (furthest qualified), L2 new→interested, L3 converted only,
    // L4 only "spam" (ignored), L5 no status (ignored), the last call has no lead (ignored).
    expect((await week('CONVERSION_FUNNEL')).data).toEqual([
      { stage: 'new', leads: 3, conversionRate: 100 },
      { stage: 'contacted', leads: 3, conversionRate: 100 },
      { stage: 'interested', leads: 3, conversionRate: 100 },
      { stage: 'qualified', leads: 2, conversionRate: 66.7 },
      { stage: 'converted', leads: 1, conversionRate: 33.3 },
    ]);
  });

  it('CALLS_OVER_TIME: every day of the range, gaps filled, total = buckets', async () => {
    const result = await analytics({ queryType: 'CALLS_OVER_TIME', filters: { dateFrom: '2024-03-03T00:00:00Z', dateTo: '2024-03-08T23:59:59Z' } });
    expect(result.total).toBe(6);
    expect(result.data).toEqual([
      { date: '2024-03-03', bucketStart: '2024-03-03T00:00:00.000Z', count: 0, avgDuration: null },
      { date: '2024-03-04', bucketStart: '2024-03-04T00:00:00.000Z', count: 3, avgDuration: 60 },
      { date: '2024-03-05', bucketStart: '2024-03-05T00:00:00.000Z', count: 2, avgDuration: 15 },
      { date: '2024-03-06', bucketStart: '2024-03-06T00:00:00.000Z', count: 1, avgDuration: 45.5 },
      { date: '2024-03-07', bucketStart: '2024-03-07T00:00:00.000Z', count: 2, avgDuration: 105 },
      { date: '2024-03-08', bucketStart: '2024-03-08T00:00:00.000Z', count: 0, avgDuration: null },
    ]);
  });

  it('AVG_DURATION_OVER_TIME by WEEK and MONTH (default range: the last 30 days)', async () => {
    const weeks = await analytics({ queryType: 'AVG_DURATION_OVER_TIME', granularity: 'WEEK' });
    // 2024-02-14T12:00Z .. 2024-03-15T12:00Z touches the weeks of Monday 02-12 … 03-11.
    expect(weeks.data).toEqual([
      { date: '2024-02-12', bucketStart: '2024-02-12T00:00:00.000Z', count: 0, avgDuration: null },
      { date: '2024-02-19', bucketStart: '2024-02-19T00:00:00.000Z', count: 1, avgDuration: 999 },
      { date: '2024-02-26', bucketStart: '2024-02-26T00:00:00.000Z', count: 0, avgDuration: null },
      { date: '2024-03-04', bucketStart: '2024-03-04T00:00:00.000Z', count: 8, avgDuration: 58.19 },
      { date: '2024-03-11', bucketStart: '2024-03-11T00:00:00.000Z', count: 0, avgDuration: null },
    ]);
    const months = await analytics({ queryType: 'AVG_DURATION_OVER_TIME', granularity: 'MONTH' });
    expect(months.data).toEqual([
      { date: '2024-02', bucketStart: '2024-02-01T00:00:00.000Z', count: 1, avgDuration: 999 },
      { date: '2024-03', bucketStart: '2024-03-01T00:00:00.000Z', count: 8, avgDuration: 58.19 },
    ]);
  });
});

describe('analyticsQuery time series across daylight-saving changes (America/New_York)', () => {
  const series = (granularity: string, dateFrom: string, dateTo: string) =>
    analytics({ queryType: 'AVG_DURATION_OVER_TIME', granularity, timezone: 'America/New_York', filters: { dateFrom, dateTo } }, KEYS.t2);

  it('HOUR on 2024-03-10: the hour 02:00 never exists and is not a bucket', async () => {
    const result = await series('HOUR', '2024-03-10T05:00:00Z', '2024-03-10T09:59:59.999Z');
    expect(result.total).toBe(5);
    expect(result.data).toEqual([
      { date: '2024-03-10T00:00', bucketStart: '2024-03-10T05:00:00.000Z', count: 0, avgDuration: null },
      { date: '2024-03-10T01:00', bucketStart: '2024-03-10T06:00:00.000Z', count: 1, avgDuration: 20 },
      { date: '2024-03-10T03:00', bucketStart: '2024-03-10T07:00:00.000Z', count: 2, avgDuration: 15 },
      { date: '2024-03-10T04:00', bucketStart: '2024-03-10T08:00:00.000Z', count: 0, avgDuration: null },
      { date: '2024-03-10T05:00', bucketStart: '2024-03-10T09:00:00.000Z', count: 0, avgDuration: null },
    ]);
  });

  it('HOUR on 2024-11-03: the repeated 01:00 is one local bucket of two real hours', async () => {
    const result = await series('HOUR', '2024-11-03T04:00:00Z', '2024-11-03T07:59:59.999Z');
    expect(result.data).toEqual([
      { date: '2024-11-03T00:00', bucketStart: '2024-11-03T04:00:00.000Z', count: 1, avgDuration: 0 },
      { date: '2024-11-03T01:00', bucketStart: '2024-11-03T05:00:00.000Z', count: 2, avgDuration: 50 },
      { date: '2024-11-03T02:00', bucketStart: '2024-11-03T07:00:00.000Z', count: 1, avgDuration: 0 },
    ]);
  });

  it('DAY across 2024-03-10 (a 23-hour day): local midnights as bucket starts', async () => {
    const result = await series('DAY', '2024-03-09T05:00:00Z', '2024-03-12T03:59:59.999Z');
    expect(result.data.map(({ date, bucketStart, count }) => ({ date, bucketStart, count }))).toEqual([
      { date: '2024-03-09', bucketStart: '2024-03-09T05:00:00.000Z', count: 1 },
      { date: '2024-03-10', bucketStart: '2024-03-10T05:00:00.000Z', count: 4 },
      { date: '2024-03-11', bucketStart: '2024-03-11T04:00:00.000Z', count: 1 },
    ]);
  });

  it('HOURLY_HEATMAP across 2024-03-10: EST before the change, EDT after', async () => {
    const { data } = await analytics(
      { queryType: 'HOURLY_HEATMAP', timezone: 'America/New_York', pageSize: 1000, filters: { dateFrom: '2024-03-09T05:00:00Z', dateTo: '2024-03-12T03:59:59.999Z' } },
      KEYS.t2,
    );
    expect(data.filter((cell) => cell.count !== 0)).toEqual([
      { dayOfWeek: 0, hour: 1, count: 1 },
      { dayOfWeek: 0, hour: 3, count: 2 },
      { dayOfWeek: 0, hour: 23, count: 1 },
      { dayOfWeek: 1, hour: 0, count: 1 },
      { dayOfWeek: 6, hour: 23, count: 1 },
    ]);
  });

  it('DAY across 2024-11-03 (a 25-hour day)', async () => {
    const result = await series('DAY', '2024-11-02T04:00:00Z', '2024-11-05T04:59:59.999Z');
    expect(result.data.map(({ date, bucketStart, count }) => ({ date, bucketStart, count }))).toEqual([
      { date: '2024-11-02', bucketStart: '2024-11-02T04:00:00.000Z', count: 1 },
      { date: '2024-11-03', bucketStart: '2024-11-03T04:00:00.000Z', count: 5 },
      { date: '2024-11-04', bucketStart: '2024-11-04T05:00:00.000Z', count: 1 },
    ]);
  });
});

describe('analyticsQuery conversion funnel', () => {
  const funnelCalls = [
    // Lead A: new → contacted → interested → qualified (walks every stage up to qualified).
    ...['new', 'contacted', 'interested', 'qualified'].map((lead_status, i) => call({ started_at: `2024-03-04T1${i}:00:00Z`, lead_id: 'A', lead_status })),
    // Lead B jumps straight to converted; a later "contacted" call does not move it back.
    call({ started_at: '2024-03-04T10:00:00Z', lead_id: 'B', lead_status: 'converted' }),
    call({ started_at: '2024-03-05T10:00:00Z', lead_id: 'B', lead_status: 'contacted' }),
    // Lead C: new, then statuses outside the funnel (ignored).
    call({ started_at: '2024-03-04T10:00:00Z', lead_id: 'C', lead_status: 'new' }),
    call({ started_at: '2024-03-05T10:00:00Z', lead_id: 'C', lead_status: 'do-not-call' }),
    call({ started_at: '2024-03-05T11:00:00Z', lead_id: 'C', lead_status: 'Interested' }),
    // Lead D: skips to interested.
    call({ started_at: '2024-03-04T10:00:00Z', lead_id: 'D', lead_status: 'interested' }),
    // Lead E: only unknown statuses or none — not in the funnel at all.
    call({ started_at: '2024-03-04T10:00:00Z', lead_id: 'E', lead_status: 'spam' }),
    call({ started_at: '2024-03-04T11:00:00Z', lead_id: 'E' }),
    // Calls without a lead are ignored, whatever their status.
    call({ started_at: '2024-03-04T10:00:00Z', lead_status: 'converted' }),
    call({ started_at: '2024-03-04T10:00:00Z', lead_id: '', lead_status: 'converted' }),
  ];
  const funnel = testGateway({ calls: funnelCalls, now: NOW });
  const run = async (gateway = funnel) => {
    const { body } = await gateway.query(QUERY, { input: { queryType: 'CONVERSION_FUNNEL', filters: WEEK } }, KEYS.t1);
    expect(body.errors).toBeUndefined();
    return body.data!.analyticsQuery;
  };

  it('counts each lead at its furthest stage and every stage before it', async () => {
    // Furthest: A qualified, B converted, C new, D interested → 4, 3, 3, 2, 1.
    expect((await run()).data).toEqual([
      { stage: 'new', leads: 4, conversionRate: 100 },
      { stage: 'contacted', leads: 3, conversionRate: 75 },
      { stage: 'interested', leads: 3, conversionRate: 75 },
      { stage: 'qualified', leads: 2, conversionRate: 50 },
      { stage: 'converted', leads: 1, conversionRate: 25 },
    ]);
  });

  it('takes its stages from the configuration (--funnel-stages)', async () => {
    const custom = testGateway({ calls: funnelCalls, now: NOW, config: { funnelStages: ['contacted', 'qualified', 'converted', 'do-not-call'] } });
    // Furthest: A qualified, B converted, C do-not-call (the last stage here), D none (interested is not a stage).
    expect((await run(custom)).data).toEqual([
      { stage: 'contacted', leads: 3, conversionRate: 100 },
      { stage: 'qualified', leads: 3, conversionRate: 100 },
      { stage: 'converted', leads: 2, conversionRate: 66.7 },
      { stage: 'do-not-call', leads: 1, conversionRate: 33.3 },
    ]);
  });

  it('gives 0 rates, not an error, when no lead reached the first stage', async () => {
    const empty = testGateway({ calls: funnelCalls, now: NOW, config: { funnelStages: ['won', 'paid'] } });
    expect((await run(empty)).data).toEqual([
      { stage: 'won', leads: 0, conversionRate: 0 },
      { stage: 'paid', leads: 0, conversionRate: 0 },
    ]);
  });
});

describe('analyticsQuery filters', () => {
  it.each([
    ['no filters: the last 30 days', {}, 9],
    ['the week', WEEK, 8],
    ['templateId', { ...WEEK, templateId: 'tpl1' }, 3],
    ['merchantId', { ...WEEK, merchantId: 'm2' }, 3],
    ['resellerId', { ...WEEK, resellerId: 'r1' }, 5],
    ['an inclusive instant range', { dateFrom: '2024-03-07T12:30:00Z', dateTo: '2024-03-07T12:30:00Z' }, 1],
    ['minDuration 30', { ...WEEK, minDuration: 30 }, 5],
    ['maxDuration 30 keeps missing durations', { ...WEEK, maxDuration: 30 }, 4],
    ['0..0 is missing or zero', { ...WEEK, minDuration: 0, maxDuration: 0 }, 2],
    ['10..60', { ...WEEK, minDuration: 10, maxDuration: 60 }, 4],
    ['minDuration 0 keeps every call', { ...WEEK, minDuration: 0 }, 8],
    ['sentimentMin 0.5', { ...WEEK, sentimentMin: 0.5 }, 4],
    ['sentimentMax 0.2 (inclusive)', { ...WEEK, sentimentMax: 0.2 }, 2],
    ['sentimentMin 0 leaves out unscored calls', { ...WEEK, sentimentMin: 0 }, 7],
    ['sentiment 0.4..0.55', { ...WEEK, sentimentMin: 0.4, sentimentMax: 0.55 }, 2],
    ['payload string', { ...WEEK, payloadFilters: { plan: 'gold' } }, 2],
    ['payload string + boolean', { ...WEEK, payloadFilters: { plan: 'gold', vip: true } }, 1],
    ['payload number', { ...WEEK, payloadFilters: { age: 41 } }, 1],
    ['payload key with a hyphen', { ...WEEK, payloadFilters: { 'lead-source': 'web' } }, 1],
    ['payload null matches null or missing', { ...WEEK, payloadFilters: { plan: null } }, 5],
    ['combined', { ...WEEK, templateId: 'tpl1', minDuration: 60 }, 2],
  ])('%s', async (_name, filters, expected) => {
    expect((await analytics({ queryType: 'CALL_COUNT', filters })).data).toEqual([{ count: expected }]);
  });

  it('filters apply to every type (here: the distribution of gold-plan calls)', async () => {
    expect((await week('OUTCOME_DISTRIBUTION', { filters: { ...WEEK, payloadFilters: { plan: 'gold' } } })).data).toEqual([
      { key: 'booked', count: 2, percentage: 100 },
    ]);
  });

  it('never sees another tenant', async () => {
    expect((await analytics({ queryType: 'CALL_COUNT', filters: WEEK }, KEYS.t2)).data).toEqual([{ count: 1 }]);
    expect((await week('CALL_DURATION')).data[0].max).toBe(200);
  });
});

describe('analyticsQuery paging', () => {
  it('slices the sorted rows; total counts them all', async () => {
    expect(await week('OUTCOME_DISTRIBUTION', { page: 2, pageSize: 2 })).toEqual({
      queryType: 'OUTCOME_DISTRIBUTION',
      total: 4,
      page: 2,
      pageSize: 2,
      data: [
        { key: 'callback', count: 2, percentage: 25 },
        { key: 'not-interested', count: 1, percentage: 12.5 },
      ],
    });
  });

  it('pages the heatmap one weekday at a time and the filled time series', async () => {
    const monday = await week('HOURLY_HEATMAP', { page: 2, pageSize: 24 });
    expect(monday.total).toBe(168);
    expect(monday.data.map((cell) => cell.dayOfWeek)).toEqual(Array(24).fill(1));
    const days = await week('CALLS_OVER_TIME', { page: 2, pageSize: 3 });
    expect(days).toMatchObject({ total: 4, data: [{ date: '2024-03-07', count: 2 }] });
  });

  it('a page past the end is empty, not an error', async () => {
    expect(await week('TOP_OUTCOMES', { page: 99, pageSize: 10 })).toEqual({ queryType: 'TOP_OUTCOMES', total: 3, page: 99, pageSize: 10, data: [] });
  });

  it('defaults to page 1 of 50 (explicit nulls too)', async () => {
    const result = await week('HOURLY_HEATMAP', { page: null, pageSize: null });
    expect([result.page, result.pageSize, result.data.length]).toEqual([1, 50, 50]);
  });
});

describe('analyticsQuery errors', () => {
  it.each([
    ['reversed dates', { filters: { dateFrom: '2024-03-08T00:00:00Z', dateTo: '2024-03-07T00:00:00Z' } }, 'input.filters.dateFrom'],
    ['reversed sentiment', { filters: { sentimentMin: 0.9, sentimentMax: 0.1 } }, 'input.filters.sentimentMin'],
    ['reversed durations', { filters: { minDuration: 60, maxDuration: 10 } }, 'input.filters.minDuration'],
    ['a negative minDuration', { filters: { minDuration: -1 } }, 'input.filters.minDuration'],
    ['a negative maxDuration', { filters: { maxDuration: -1 } }, 'input.filters.maxDuration'],
    ['a $ payload key', { filters: { payloadFilters: { $where: 'sleep(1000)' } } }, 'input.filters.payloadFilters'],
    ['a dotted payload key', { filters: { payloadFilters: { 'payload.x': 1 } } }, 'input.filters.payloadFilters'],
    ['an operator payload value', { filters: { payloadFilters: { plan: { $ne: 'gold' } } } }, 'input.filters.payloadFilters'],
    ['an array payload value', { filters: { payloadFilters: { plan: ['gold'] } } }, 'input.filters.payloadFilters'],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'input.timezone'],
    ['page 0', { page: 0 }, 'input.page'],
    ['pageSize 0', { pageSize: 0 }, 'input.pageSize'],
    ['pageSize 1001', { pageSize: 1001 }, 'input.pageSize'],
    ['more than 10,000 buckets', { queryType: 'CALLS_OVER_TIME', granularity: 'HOUR', filters: { dateFrom: '2023-01-01T00:00:00Z', dateTo: '2024-03-01T00:00:00Z' } }, 'input.granularity'],
  ])('%s is BAD_USER_INPUT naming %s, and no pipeline runs', async (_name, input, argument) => {
    const before = gateway.pipelines.length;
    const { status, body } = await gateway.query(QUERY, { input: { queryType: 'CALL_COUNT', ...input } }, KEYS.t1);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors?.[0].message).toContain(argument);
    expect(gateway.pipelines.length).toBe(before);
  });

  it('an unknown query type is a validation error (HTTP 400)', async () => {
    const inline = await gateway.query(`{ analyticsQuery(input: { queryType: CALL_PLANETS }) { total } }`, {}, KEYS.t1);
    expect(inline.status).toBe(400);
    const variable = await gateway.query(QUERY, { input: { queryType: 'CALL_PLANETS' } }, KEYS.t1);
    expect(variable.status).toBe(400);
  });

  it('needs an API key', async () => {
    const { status } = await gateway.query(QUERY, { input: { queryType: 'CALL_COUNT' } }, null);
    expect(status).toBe(401);
  });
});
