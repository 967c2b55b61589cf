import { describe, expect, it } from 'vitest';
import { calls, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

/**
 * Every time range of every field is capped at 20 years (DESIGN sections 6 and 8): the error
 * is BAD_USER_INPUT naming the argument, and nothing proportional to the range (offset
 * segments, buckets, a scan) runs first — no pipeline at all.
 */
const NOW = '2026-01-15T12:00:00Z';

const CASES: { name: string; document: string; argument: string; key?: string }[] = [
  {
    name: 'analyticsQuery (the 0001–9999 heatmap in Europe/London)',
    document: '{ analyticsQuery(input: { queryType: HOURLY_HEATMAP, timezone: "Europe/London", filters: { dateFrom: "0001-01-01T00:00:00Z", dateTo: "9999-12-31T23:59:59Z" } }) { total } }',
    argument: 'input.filters.dateTo',
  },
  {
    name: 'analyticsQuery with only dateFrom (dateTo defaults to now)',
    document: '{ analyticsQuery(input: { queryType: CALLS_OVER_TIME, granularity: MONTH, filters: { dateFrom: "1990-01-01T00:00:00Z" } }) { total } }',
    argument: 'input.filters.dateTo',
  },
  {
    name: 'groupedCalls',
    document: '{ groupedCalls(groupBy: [HOUR_OF_DAY, DAY_OF_WEEK, MONTH], timezone: "America/New_York", filter: { startDate: "0001-01-01", endDate: "9999-12-31" }) { count } }',
    argument: 'filter.endDate',
  },
  {
    name: 'callsByPhoneNumber',
    document: '{ callsByPhoneNumber(startDate: "1000-01-01T00:00:00Z", endDate: "2026-01-01T00:00:00Z") { totalCalls } }',
    argument: 'endDate',
  },
  {
    name: 'adminCallsByPhoneNumber',
    document: '{ adminCallsByPhoneNumber(startDate: "1000-01-01T00:00:00Z", endDate: "2026-01-01T00:00:00Z") { totalCalls } }',
    argument: 'endDate',
    key: KEYS.admin,
  },
  {
    name: 'entity analytics through _entities',
    document: '{ _entities(representations: [{ __typename: "Assistant", id: "a1" }]) { ... on Assistant { callAnalytics(startDate: "1900-01-01T00:00:00Z", endDate: "2026-01-01T00:00:00Z") { totalCalls } } } }',
    argument: 'endDate',
  },
];

describe('the 20-year range cap', () => {
  for (const { name, document, argument, key } of CASES) {
    it(`refuses a longer range on ${name}, naming ${argument}, before any pipeline`, async () => {
      const gateway = testGateway({ calls: calls(3, { started_at: '2026-01-05T00:00:00Z' }), now: NOW });
      const { body } = await gateway.query(document, {}, key ?? KEYS.t1);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(body.errors?.[0]?.message).toMatch(/at most 20 years/);
      expect(gateway.pipelines).toHaveLength(0);
    });
  }

  it('accepts exactly 20 years', async () => {
    const gateway = testGateway({ calls: calls(3, { started_at: '2026-01-05T00:00:00Z' }), now: NOW });
    const { body } = await gateway.query(
      '{ analyticsQuery(input: { queryType: CALL_COUNT, filters: { dateFrom: "2006-01-15T12:00:00Z", dateTo: "2026-01-15T12:00:00Z" } }) { total } groupedCalls(filter: { startDate: "2006-01-15", endDate: "2026-01-15" }) { totals { count } } }',
      {},
      KEYS.t1,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.groupedCalls.totals.count).toBe(3);
    expect(body.data?.analyticsQuery.total).toBe(1);
  });
});
