import { describe, expect, it } from 'vitest';
import { GROUPED_CALLS } from '../../src/analytics/families/grouped-calls.ts';
import { comparisonDays, yearBefore } from '../../src/analytics/time/compare-range.ts';
import type { Principal } from '../../src/contract/principal.ts';
import { call, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

const NOW = '2024-03-20T12:00:00.000Z';

/** New York: DST starts 2024-03-10 02:00 local; a 29 February; one call per listed local instant. */
const docs = [
  call({ started_at: '2024-03-03T04:59:00Z', source: 'a', duration_sec: 10 }), // 2024-03-02 23:59 EST: outside the previous week
  call({ started_at: '2024-03-03T05:00:00Z', source: 'a', duration_sec: 30 }), // 2024-03-03 00:00 EST: previous day 1
  call({ started_at: '2024-03-10T03:59:00Z', source: 'b', duration_sec: 50 }), // 2024-03-09 23:59 EST: previous day 7
  call({ started_at: '2024-03-10T05:00:00Z', source: 'a', duration_sec: 60 }), // 2024-03-10 00:00 EST: current day 1
  call({ started_at: '2024-03-10T08:00:00Z', source: 'a', duration_sec: 20 }), // 2024-03-10 04:00 EDT: current day 1
  call({ started_at: '2024-03-17T03:59:00Z', source: 'c', duration_sec: 5 }), // 2024-03-16 23:59 EDT: current day 7
  call({ started_at: '2024-03-17T04:00:00Z', source: 'c' }), // 2024-03-17 00:00 EDT: outside
  call({ started_at: '2023-02-28T15:00:00Z', source: 'leap', duration_sec: 7 }), // the previous year of 2024-02-29
  call({ started_at: '2024-02-29T15:00:00Z', source: 'leap', duration_sec: 9 }),
  call({ started_at: '2024-03-05T15:00:00Z', source: 'other', tenant_id: 't2' }),
];
const gateway = testGateway({ calls: docs, now: NOW });
const WEEK = 'filter: { startDate: "2024-03-10", endDate: "2024-03-16" }, timezone: "America/New_York"';

describe('groupedCalls compare', () => {
  it('PREVIOUS_PERIOD is the same number of local days right before, across a DST change; totals and rows compared', async () => {
    const { body } = await gateway.query(
      `{ groupedCalls(groupBy: [SOURCE], ${WEEK}, compare: PREVIOUS_PERIOD, sortBy: SOURCE, sortOrder: ASC) {
        count rows { source count avgDuration previous { count avgDuration } change { count { absolute percent } avgDuration { absolute percent } } }
        totals { count totalDuration previous { count totalDuration } change { count { absolute percent } totalDuration { absolute percent } } } } }`,
      {},
      KEYS.t1,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.groupedCalls).toEqual({
      // Only groups of the current range are rows ('b' had calls only in the previous week).
      count: 2,
      rows: [
        {
          source: 'a',
          count: 2,
          avgDuration: 40,
          previous: { count: 1, avgDuration: 30 },
          change: { count: { absolute: 1, percent: 100 }, avgDuration: { absolute: 10, percent: 33.3 } },
        },
        {
          source: 'c',
          count: 1,
          avgDuration: 5,
          previous: { count: 0, avgDuration: null },
          change: { count: { absolute: 1, percent: null }, avgDuration: { absolute: null, percent: null } },
        },
      ],
      totals: {
        count: 3,
        totalDuration: 85,
        previous: { count: 2, totalDuration: 80 },
        change: { count: { absolute: 1, percent: 50 }, totalDuration: { absolute: 5, percent: 6.3 } },
      },
    });
  });

  it('PREVIOUS_YEAR maps 29 February to 28 February', async () => {
    const { body } = await gateway.query(
      `{ groupedCalls(groupBy: [DATE], filter: { startDate: "2024-02-29", endDate: "2024-02-29" }, compare: PREVIOUS_YEAR) { rows { date count previous { count } } totals { previous { count } } } }`,
      {},
      KEYS.t1,
    );
    expect(body.data!.groupedCalls).toEqual({ rows: [{ date: '2024-02-29', count: 1, previous: { count: 1 } }], totals: { previous: { count: 1 } } });
    expect(yearBefore('2024-02-29')).toBe('2023-02-28');
    expect(yearBefore('2025-03-01')).toBe('2024-03-01');
    expect(comparisonDays('PREVIOUS_YEAR', { startDay: '2024-02-29', endDay: '2024-03-31' }, 'compare')).toEqual({ startDay: '2023-02-28', endDay: '2023-03-31' });
    expect(comparisonDays('PREVIOUS_PERIOD', { startDay: '2024-03-01', endDay: '2024-03-31' }, 'compare')).toEqual({ startDay: '2024-01-30', endDay: '2024-02-29' });
  });

  it('reads only the two ranges: a PREVIOUS_YEAR scope is an $or of both inside their hull; a previous period is one range', async () => {
    gateway.pipelines.length = 0;
    await gateway.query(`{ groupedCalls(compare: PREVIOUS_YEAR, filter: { startDate: "2024-03-01", endDate: "2024-03-10" }) { count } }`, {}, KEYS.t1);
    await gateway.query(`{ groupedCalls(compare: PREVIOUS_PERIOD, filter: { startDate: "2024-03-01", endDate: "2024-03-10" }) { count } }`, {}, KEYS.t1);
    const [year, period] = gateway.pipelines.map((pipeline) => (pipeline[0] as { $match: Record<string, unknown> }).$match);
    expect(year).toEqual({
      tenant_id: 't1',
      started_at: { $gte: new Date('2023-03-01T00:00:00Z'), $lte: new Date('2024-03-10T23:59:59.999Z') },
      $or: [
        { started_at: { $gte: new Date('2023-03-01T00:00:00Z'), $lte: new Date('2023-03-10T23:59:59.999Z') } },
        { started_at: { $gte: new Date('2024-03-01T00:00:00Z'), $lte: new Date('2024-03-10T23:59:59.999Z') } },
      ],
    });
    expect(period).toEqual({ tenant_id: 't1', started_at: { $gte: new Date('2024-02-20T00:00:00Z'), $lte: new Date('2024-03-10T23:59:59.999Z') } });
  });

  it('previous and change are null without compare; the other tenant is never compared', async () => {
    const { body } = await gateway.query(`{ groupedCalls(${WEEK}) { rows { previous { count } change { count { absolute } } } totals { previous { count } } } }`, {}, KEYS.t1);
    expect(body.data!.groupedCalls).toEqual({ rows: [{ previous: null, change: null }], totals: { previous: null } });
    const other = await gateway.query(`{ groupedCalls(filter: { startDate: "2024-03-06", endDate: "2024-03-10" }, compare: PREVIOUS_PERIOD) { totals { count previous { count } } } }`, {}, KEYS.t2);
    // t2's one call is in its previous period (03-01..03-05); t1's calls of both ranges never appear.
    expect(other.body.data!.groupedCalls.totals).toEqual({ count: 0, previous: { count: 1 } });
  });
});

describe('groupedCalls having and fillGaps', () => {
  it('having filters groups before the limit and count counts those that pass; a null average fails', async () => {
    const { body } = await gateway.query(
      `{ groupedCalls(groupBy: [SOURCE], filter: { startDate: "2024-02-01", endDate: "2024-03-20" }, having: [{ metric: AVG_DURATION, op: LT, value: 30 }], limit: 1, sortBy: AVG_DURATION, sortOrder: ASC) {
        count rows { source avgDuration } totals { count } } }`,
      {},
      KEYS.t1,
    );
    // a: 30 (fails LT 30), b: 50, c: 5 (and a null-duration call, still avg 2.5), leap: 9.
    expect(body.data!.groupedCalls).toEqual({ count: 2, rows: [{ source: 'c', avgDuration: 2.5 }], totals: { count: 8 } });
    const ne = await gateway.query(`{ groupedCalls(groupBy: [SOURCE], filter: { startDate: "2024-02-01", endDate: "2024-03-20" }, having: [{ metric: COUNT, op: NE, value: 1 }]) { count } }`, {}, KEYS.t1);
    expect(ne.body.data!.groupedCalls.count).toBe(2);
  });

  it('fillGaps fills every local day with zero counts and null averages, labelled as series are', async () => {
    const { body } = await gateway.query(`{ groupedCalls(groupBy: [DATE], ${WEEK}, fillGaps: true, sortBy: DATE, sortOrder: ASC) { count rows { date count avgDuration } } }`, {}, KEYS.t1);
    const days = ['2024-03-10', '2024-03-11', '2024-03-12', '2024-03-13', '2024-03-14', '2024-03-15', '2024-03-16'];
    expect(body.data!.groupedCalls).toEqual({
      count: 7,
      rows: days.map((date) => ({ date, count: date === '2024-03-10' ? 2 : date === '2024-03-16' ? 1 : 0, avgDuration: date === '2024-03-10' ? 40 : date === '2024-03-16' ? 5 : null })),
    });
    // A registry metric added later (the percentiles) fills and filters like the others: null over no calls.
    const percentiles = await gateway.query(
      `{ groupedCalls(groupBy: [DATE], ${WEEK}, fillGaps: true, sortBy: P50_DURATION, sortOrder: DESC, limit: 3, having: [{ metric: P50_DURATION, op: NE, value: 5 }]) { count rows { date p50Duration } } }`,
      {},
      KEYS.t1,
    );
    // Day 1 has 60 s and 20 s (p50 = 20); the five empty days are null and pass no condition, day 7's 5 s fails NE 5.
    expect(percentiles.body.data!.groupedCalls).toEqual({ count: 1, rows: [{ date: '2024-03-10', p50Duration: 20 }] });
    const skipped = await gateway.query(`{ groupedCalls(groupBy: [HOUR], filter: { startDate: "2024-03-10", endDate: "2024-03-10" }, timezone: "America/New_York", fillGaps: true) { count } }`, {}, KEYS.t1);
    expect(skipped.body.data!.groupedCalls.count).toBe(23); // 02:00 never happened that day
  });

  const refusals: [string, string, RegExp][] = [
    ['compare: PREVIOUS_YEAR, filter: { startDate: "2023-01-01", endDate: "2024-01-01" }', 'compare', /at most one year/],
    ['compare: PREVIOUS_PERIOD, filter: { startDate: "0000-01-01", endDate: "0000-01-05" }', 'compare', /before 0000-01-01/],
    ['compare: PREVIOUS_YEAR, filter: { startDate: "0000-02-29", endDate: "0000-03-01" }', 'compare', /before 0000-01-01/],
    ['compare: PREVIOUS_PERIOD, filter: { startDate: "2004-01-01", endDate: "2014-01-02" }', 'compare', /more than 20 years/],
    ['groupBy: [SOURCE], fillGaps: true', 'fillGaps', /exactly one time-series dimension/],
    ['groupBy: [DATE, WEEK], fillGaps: true', 'fillGaps', /exactly one time-series dimension/],
    ['groupBy: [HOUR], fillGaps: true, filter: { startDate: "2023-01-01", endDate: "2024-03-01" }', 'fillGaps', /buckets; at most 10000/],
    [`having: [${Array(11).fill('{ metric: COUNT, op: GT, value: 0 }').join(', ')}]`, 'having', /at most 10 conditions/],
  ];
  for (const [args, argument, message] of refusals) {
    it(`refuses ${argument} clearly: ${args.slice(0, 60)}`, async () => {
      const { status, body } = await gateway.query(`{ groupedCalls(${args}) { count } }`, {}, KEYS.t1);
      expect(status).toBe(200);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(body.errors?.[0].message).toMatch(message);
    });
  }

  it('refuses a fill of more than 10,000 rows, naming fillGaps', async () => {
    const many = Array.from({ length: 30 }, (_, i) => call({ started_at: '2024-01-10T12:00:00Z', source: `s${i}` }));
    const big = testGateway({ calls: many, now: NOW });
    const { body } = await big.query(`{ groupedCalls(groupBy: [DATE, SOURCE], fillGaps: true, filter: { startDate: "2023-03-01", endDate: "2024-03-01" }) { count } }`, {}, KEYS.t1);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'fillGaps' });
    expect(body.errors?.[0].message).toMatch(/367 buckets × 30 combinations/);
  });

  it('names having[i].metric, .op and .value for callers outside GraphQL', () => {
    const env = { principal: { tenantId: 't1', userEmail: 'o@t1', role: 'user' } as Principal, now: new Date(NOW), config: { funnelStages: [] } };
    const plan = (having: unknown) => () => GROUPED_CALLS.plan({ groupBy: ['SOURCE'], having: having as never }, env);
    expect(plan([{ metric: 'COUNT', op: 'GT', value: 1 }, { metric: 'p42', op: 'GT', value: 1 }])).toThrow(/having\[1\]\.metric: unknown metric "p42"/);
    expect(plan([{ metric: 'avgDuration', op: 'ABOUT', value: 1 }])).toThrow(/having\[0\]\.op/);
    expect(plan([{ metric: 'COUNT', op: 'GT', value: Number.NaN }])).toThrow(/having\[0\]\.value must be a finite number/);
  });
});
