import { describe, expect, it } from 'vitest';
import { groupedCallsQuery, type GroupedCallsArgs } from '../../src/analytics/families/grouped-calls.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { Principal } from '../../src/contract/principal.ts';
import type { MetricName } from '../../src/analytics/registry/metrics.ts';
import { call, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

const NOW = '2024-03-15T12:00:00.000Z';
const principal: Principal = { tenantId: 't1', userEmail: 'owner@t1.example', role: 'user' };
const baseArgs: GroupedCallsArgs = { groupBy: [], sortBy: 'COUNT', sortOrder: 'DESC', limit: 100, timezone: 'UTC' };

const campaigns = [
  call({ utm_campaign: 'spring', source: 'google', qualified: true, ai_score: 80, value_cents: 1000, duration_sec: 100, from_number: '+1a', status: 'completed', started_at: '2024-03-01T10:00:00Z' }),
  call({ utm_campaign: 'spring', source: 'google', qualified: true, ai_score: 60, value_cents: 500, duration_sec: 200, from_number: '+1a', status: 'no-answer', started_at: '2024-03-02T10:00:00Z' }),
  call({ utm_campaign: 'spring', source: 'google', qualified: false, from_number: '+1b', status: 'voicemail', started_at: '2024-03-03T10:00:00Z' }),
  call({ utm_campaign: 'brand', source: 'facebook', ai_score: 90, duration_sec: 50, from_number: '+1c', robo_score: 10, cost_cents: 7, started_at: '2024-03-04T10:00:00Z' }),
  call({ utm_campaign: 'brand', source: 'facebook', qualified: true, ai_score: 70, duration_sec: 50, robo_score: 20, cost_cents: 3, started_at: '2024-03-05T10:00:00Z' }),
  call({ status: 'busy', duration_sec: 10, direction: 'outbound', started_at: '2024-03-06T10:00:00Z' }),
];

/** Tenant t2: instants around New York's DST start (2024-03-10 02:00 local) and a Kolkata day. */
const clock = [
  call({ tenant_id: 't2', started_at: '2024-03-10T04:30:00Z' }), // Sat 2024-03-09 23:30 EST
  call({ tenant_id: 't2', started_at: '2024-03-10T06:30:00Z' }), // Sun 2024-03-10 01:30 EST
  call({ tenant_id: 't2', started_at: '2024-03-10T07:30:00Z' }), // Sun 2024-03-10 03:30 EDT
  call({ tenant_id: 't2', started_at: '2024-03-11T03:59:00Z' }), // Sun 2024-03-10 23:59 EDT
  call({ tenant_id: 't2', started_at: '2024-03-11T04:00:00Z' }), // Mon 2024-03-11 00:00 EDT
  call({ tenant_id: 't2', started_at: '2024-03-11T18:29:59Z' }), // Kolkata 2024-03-11 23:59:59
  call({ tenant_id: 't2', started_at: '2024-03-11T18:30:00Z' }), // Kolkata 2024-03-12 00:00
  call({ tenant_id: 't2', started_at: '2024-03-12T18:29:00Z' }), // Kolkata 2024-03-12 23:59
];

const ALL_METRICS = 'count avgDuration totalDuration avgAiScore qualifiedCount qualifiedPct totalValueCents uniqueCallers answeredCount missedCount voicemailCount avgRoboScore totalCostCents';

describe('groupedCalls compiles through the query core', () => {
  const compile = (args: Partial<GroupedCallsArgs>, rows: MetricName[], totals: MetricName[] | null = null) =>
    compileCallQuery(
      groupedCallsQuery({ principal, now: new Date(NOW), args: { ...baseArgs, ...args }, selection: { rows: new Set(rows), totals: totals && new Set(totals) } }).query,
    );

  it('emits scope first, one $group with only the needed partials, then sort/limit beside the count', () => {
    expect(compile({ groupBy: ['UTM_CAMPAIGN'] }, ['count', 'qualifiedPct'])).toEqual([
      { $match: { tenant_id: 't1', started_at: { $gte: new Date('2024-02-15T00:00:00.000Z'), $lte: new Date('2024-03-15T23:59:59.999Z') } } },
      {
        $group: {
          _id: { utmCampaign: { $ifNull: ['$utm_campaign', null] } },
          calls: { $sum: 1 },
          qualifiedCount: { $sum: { $cond: [{ $eq: [{ $ifNull: ['$qualified', false] }, true] }, 1, 0] } },
        },
      },
      { $facet: { rows: [{ $sort: { calls: -1, '_id.utmCampaign': 1 } }, { $limit: 100 }], count: [{ $count: 'n' }] } },
    ]);
  });

  it('accumulates nothing for a metric that is not selected (only the sort key)', () => {
    const [, group] = compile({ groupBy: ['SOURCE'], sortBy: 'TOTAL_DURATION' }, ['count']);
    expect(Object.keys((group as any).$group)).toEqual(['_id', 'calls', 'durationSum']);
    const [, onlyCount] = compile({ groupBy: ['SOURCE'] }, ['count']);
    expect(Object.keys((onlyCount as any).$group)).toEqual(['_id', 'calls']);
  });

  it('sorts a derived metric through a computed value, dimensions as tie-breaks', () => {
    const pipeline = compile({ groupBy: ['SOURCE', 'STATUS'], sortBy: 'AVG_AI_SCORE', sortOrder: 'ASC', limit: 5 }, ['avgAiScore']);
    expect((pipeline[2] as any).$facet.rows).toEqual([
      { $addFields: { sortValue: { $cond: [{ $gt: ['$aiScoreCount', 0] }, { $multiply: [{ $divide: ['$aiScoreSum', '$aiScoreCount'] }, 1] }, null] } } },
      { $sort: { sortValue: 1, '_id.source': 1, '_id.status': 1 } },
      { $limit: 5 },
    ]);
  });

  it('merges the same partials for totals', () => {
    const pipeline = compile({ groupBy: ['SOURCE'] }, ['count'], ['avgDuration']);
    expect((pipeline[2] as any).$facet.totals).toEqual([{ $group: { _id: null, calls: { $sum: '$calls' }, durationSum: { $sum: '$durationSum' } } }]);
  });

  it('counts distinct callers as grouping levels: by dimensions + caller, then by dimensions; totals per caller, then one row', () => {
    const pipeline = compile({ groupBy: ['SOURCE'], sortBy: 'UNIQUE_CALLERS' }, ['count'], ['uniqueCallers', 'avgDuration']);
    const present = (path: string) => ({ $sum: { $cond: [{ $eq: [path, null] }, 0, 1] } });
    expect(pipeline.slice(1)).toEqual([
      {
        $group: {
          _id: { source: { $ifNull: ['$source', null] }, distinctValue: { $ifNull: ['$from_number', null] } },
          calls: { $sum: 1 },
          durationSum: { $sum: '$duration_sec' },
        },
      },
      {
        $facet: {
          rows: [
            {
              $group: {
                _id: { source: '$_id.source' },
                calls: { $sum: '$calls' },
                durationSum: { $sum: '$durationSum' },
                uniqueCallers: present('$_id.distinctValue'),
              },
            },
            { $sort: { uniqueCallers: -1, '_id.source': 1 } },
            { $limit: 100 },
          ],
          count: [{ $group: { _id: { source: '$_id.source' } } }, { $count: 'n' }],
          totals: [
            { $group: { _id: '$_id.distinctValue', calls: { $sum: '$calls' }, durationSum: { $sum: '$durationSum' } } },
            { $group: { _id: null, calls: { $sum: '$calls' }, durationSum: { $sum: '$durationSum' }, uniqueCallers: present('$_id') } },
          ],
        },
      },
    ]);
  });

  it('computes local time from offset segments, never a timezone argument', () => {
    const pipeline = compile({ groupBy: ['DATE'], timezone: 'America/New_York', filter: { startDate: '2024-03-09', endDate: '2024-03-11' } }, ['count']);
    const text = JSON.stringify(pipeline);
    expect(text).not.toContain('timezone');
    expect(text).toContain('$cond');
    expect((pipeline[0] as any).$match.started_at).toEqual({ $gte: new Date('2024-03-09T05:00:00.000Z'), $lte: new Date('2024-03-12T03:59:59.999Z') });
  });
});

describe('groupedCalls end to end', () => {
  const gateway = testGateway({ calls: [...campaigns, ...clock], now: NOW });
  const run = (args: string, selection: string, key: string = KEYS.t1) =>
    gateway.query(`{ groupedCalls(${args}) { ${selection} } }`, {}, key);

  it('gives every metric per campaign and over all calls, nulls as their own group', async () => {
    const { body } = await run('groupBy: [UTM_CAMPAIGN], filter: { startDate: "2024-03-01", endDate: "2024-03-15" }', `count rows { utmCampaign source ${ALL_METRICS} } totals { ${ALL_METRICS} }`);
    expect(body.errors).toBeUndefined();
    const { rows, totals, count } = body.data!.groupedCalls;
    expect(count).toBe(3);
    expect(rows).toEqual([
      { utmCampaign: 'spring', source: null, count: 3, avgDuration: 100, totalDuration: 300, avgAiScore: 70, qualifiedCount: 2, qualifiedPct: 66.7, totalValueCents: 1500, uniqueCallers: 2, answeredCount: 1, missedCount: 1, voicemailCount: 1, avgRoboScore: null, totalCostCents: 0 },
      { utmCampaign: 'brand', source: null, count: 2, avgDuration: 50, totalDuration: 100, avgAiScore: 80, qualifiedCount: 1, qualifiedPct: 50, totalValueCents: 0, uniqueCallers: 1, answeredCount: 2, missedCount: 0, voicemailCount: 0, avgRoboScore: 15, totalCostCents: 10 },
      { utmCampaign: null, source: null, count: 1, avgDuration: 10, totalDuration: 10, avgAiScore: null, qualifiedCount: 0, qualifiedPct: 0, totalValueCents: 0, uniqueCallers: 0, answeredCount: 0, missedCount: 0, voicemailCount: 0, avgRoboScore: null, totalCostCents: 0 },
    ]);
    expect(totals).toEqual({ count: 6, avgDuration: 68.33, totalDuration: 410, avgAiScore: 75, qualifiedCount: 3, qualifiedPct: 50, totalValueCents: 1500, uniqueCallers: 3, answeredCount: 3, missedCount: 1, voicemailCount: 1, avgRoboScore: 15, totalCostCents: 10 });
  });

  it('returns stored strings verbatim and filters by enums mapped to stored values', async () => {
    const { body } = await run('groupBy: [STATUS], filter: { startDate: "2024-03-01", endDate: "2024-03-15", direction: INBOUND }, sortBy: STATUS, sortOrder: ASC', 'rows { status count }');
    expect(body.data!.groupedCalls.rows).toEqual([
      { status: 'completed', count: 3 },
      { status: 'no-answer', count: 1 },
      { status: 'voicemail', count: 1 },
    ]);
    const noAnswer = await run('filter: { startDate: "2024-03-01", endDate: "2024-03-15", status: NO_ANSWER }', 'totals { count }');
    expect(noAnswer.body.data!.groupedCalls.totals).toEqual({ count: 1 });
  });

  it.each([
    ['qualified: true', 3],
    ['qualified: false', 3],
    ['minAiScore: 70', 3],
    ['minAiScore: 60, maxAiScore: 70', 2],
    ['minDuration: 50', 4],
    ['minDuration: 0', 6],
    ['source: "google"', 3],
    ['aiCategory: "lead"', 0],
  ])('filter %s keeps %i calls', async (filter, expected) => {
    const { body } = await run(`filter: { startDate: "2024-03-01", endDate: "2024-03-15", ${filter} }`, 'totals { count }');
    expect(body.errors).toBeUndefined();
    expect(body.data!.groupedCalls.totals.count).toBe(expected);
  });

  it('applies the limit after sorting and counts groups before it', async () => {
    const { body } = await run('groupBy: [UTM_CAMPAIGN], limit: 1, sortBy: TOTAL_DURATION, sortOrder: ASC, filter: { startDate: "2024-03-01" }', 'count rows { utmCampaign totalDuration }');
    expect(body.data!.groupedCalls).toEqual({ count: 3, rows: [{ utmCampaign: null, totalDuration: 10 }] });
  });

  it('breaks ties by the grouped dimensions ascending, nulls first', async () => {
    const { body } = await run('groupBy: [SOURCE, UTM_CAMPAIGN], sortBy: MISSED_COUNT, filter: { startDate: "2024-03-01" }', 'rows { source utmCampaign missedCount }');
    expect(body.data!.groupedCalls.rows).toEqual([
      { source: 'google', utmCampaign: 'spring', missedCount: 1 },
      { source: null, utmCampaign: null, missedCount: 0 },
      { source: 'facebook', utmCampaign: 'brand', missedCount: 0 },
    ]);
  });

  it('follows selections through aliases, fragments and @include/@skip', async () => {
    const before = gateway.pipelines.length;
    const { body } = await gateway.query(
      `query ($withQ: Boolean!) { groupedCalls(groupBy: [SOURCE], filter: { startDate: "2024-03-01" }) {
        rows { ...M total: totalDuration q: qualifiedCount @include(if: $withQ) v: totalValueCents @skip(if: true) }
        totals { ... on CallMetrics { uniqueCallers } }
      } } fragment M on CallGroup { avgAiScore }`,
      { withQ: false },
      KEYS.t1,
    );
    expect(body.errors).toBeUndefined();
    const group = (gateway.pipelines[before] as any[])[1].$group;
    expect(Object.keys(group).sort()).toEqual(['_id', 'aiScoreCount', 'aiScoreSum', 'calls', 'durationSum']);
    expect(Object.keys(group._id)).toEqual(['source', 'distinctValue']);
  });

  it('labels DATE/WEEK/HOUR_OF_DAY/DAY_OF_WEEK in local time across the New York DST change', async () => {
    const f = 'filter: { startDate: "2024-03-09", endDate: "2024-03-11" }, timezone: "America/New_York", limit: 1000';
    const byDate = await run(`groupBy: [DATE], sortBy: DATE, sortOrder: ASC, ${f}`, 'rows { date count }', KEYS.t2);
    expect(byDate.body.data!.groupedCalls.rows).toEqual([
      { date: '2024-03-09', count: 1 },
      { date: '2024-03-10', count: 3 },
      { date: '2024-03-11', count: 3 },
    ]);
    const byHour = await run(`groupBy: [DAY_OF_WEEK, HOUR_OF_DAY], sortBy: DAY_OF_WEEK, sortOrder: ASC, ${f}`, 'rows { dayOfWeek hourOfDay count }', KEYS.t2);
    expect(byHour.body.data!.groupedCalls.rows).toEqual([
      { dayOfWeek: 0, hourOfDay: 1, count: 1 },
      { dayOfWeek: 0, hourOfDay: 3, count: 1 },
      { dayOfWeek: 0, hourOfDay: 23, count: 1 },
      { dayOfWeek: 1, hourOfDay: 0, count: 1 },
      { dayOfWeek: 1, hourOfDay: 14, count: 2 },
      { dayOfWeek: 6, hourOfDay: 23, count: 1 },
    ]);
    const byWeek = await run(`groupBy: [WEEK, MONTH], sortBy: WEEK, sortOrder: ASC, ${f}`, 'rows { week month count }', KEYS.t2);
    expect(byWeek.body.data!.groupedCalls.rows).toEqual([
      { week: '2024-03-04', month: '2024-03', count: 4 },
      { week: '2024-03-11', month: '2024-03', count: 3 },
    ]);
  });

  it('labels a day in Asia/Kolkata (+05:30)', async () => {
    const { body } = await run('groupBy: [DATE, HOUR_OF_DAY], sortBy: HOUR_OF_DAY, sortOrder: ASC, timezone: "Asia/Kolkata", filter: { startDate: "2024-03-12", endDate: "2024-03-12" }', 'rows { date hourOfDay count }', KEYS.t2);
    expect(body.data!.groupedCalls.rows).toEqual([
      { date: '2024-03-12', hourOfDay: 0, count: 1 },
      { date: '2024-03-12', hourOfDay: 23, count: 1 },
    ]);
  });

  it('never sees another tenant', async () => {
    const { body } = await run('filter: { startDate: "2024-03-01" }', 'totals { count }', KEYS.t2);
    expect(body.data!.groupedCalls.totals.count).toBe(clock.length);
  });

  it.each([
    ['limit: 0', 'limit'],
    ['limit: 1001', 'limit'],
    ['groupBy: [SOURCE, STATUS, DATE, WEEK]', 'groupBy'],
    ['groupBy: [SOURCE, SOURCE]', 'groupBy'],
    ['sortBy: SOURCE', 'sortBy'],
    ['timezone: "Mars/Olympus_Mons"', 'timezone'],
    ['filter: { startDate: "2024-03-10", endDate: "2024-03-09" }', 'filter.startDate'],
    ['filter: { minAiScore: 80, maxAiScore: 20 }', 'filter.minAiScore'],
    ['filter: { minDuration: -1 }', 'filter.minDuration'],
  ])('%s is BAD_USER_INPUT naming %s', async (args, argument) => {
    const { status, body } = await run(args, 'count');
    expect(status).toBe(200);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors?.[0].message).toContain(argument);
  });

  it('rejects an unknown dimension as a validation error', async () => {
    const { status } = await run('groupBy: [PLANET]', 'count');
    expect(status).toBe(400);
  });
});
