import { describe, expect, it } from 'vitest';
import { adminKey, restGateway, tenantKey } from '../support/rest.ts';

/**
 * Every route's numbers are the GraphQL field's on the same data: each route is compared with
 * the public field it wraps, asked as a GraphQL client would ask it.
 */
const { rest, graphql } = restGateway();

describe('route numbers equal the GraphQL field’s', () => {
  it('000 = callsByPhoneNumber', async () => {
    const answer = await rest('GET', '/analytics/calls/by-phone-number?start_date=2026-02-01&end_date=2026-02-28');
    const data = await graphql('query($s: DateTime, $e: DateTime) { callsByPhoneNumber(startDate: $s, endDate: $e) { phoneNumber totalCalls totalDurationMinutes totalDurationHours avgDurationMinutes } }', {
      s: '2026-02-01T00:00:00.000Z',
      e: '2026-02-28T23:59:59.999Z',
    });
    expect(answer.json.data.phone_numbers).toEqual(
      data.callsByPhoneNumber.map((r: any) => ({
        phone_number: r.phoneNumber,
        total_calls: r.totalCalls,
        total_duration_minutes: r.totalDurationMinutes,
        total_duration_hours: r.totalDurationHours,
        avg_duration_minutes: r.avgDurationMinutes,
      })),
    );
    expect(answer.json.data.phone_numbers.length).toBeGreaterThan(1);
  });

  it('001 = adminCallsByPhoneNumber', async () => {
    const answer = await rest('GET', `/admin/analytics/calls/by-phone-number?user_email=${tenantKey.user_email.toUpperCase()}`, { key: adminKey.key });
    const data = await graphql('query($u: EmailAddress) { adminCallsByPhoneNumber(userEmail: $u) { phoneNumber totalCalls totalDurationMinutes totalDurationHours } }', { u: tenantKey.user_email }, adminKey.key);
    expect(answer.json.data.phone_numbers).toEqual(
      data.adminCallsByPhoneNumber.map((r: any) => ({ phone_number: r.phoneNumber, total_calls: r.totalCalls, total_duration_minutes: r.totalDurationMinutes, total_duration_hours: r.totalDurationHours })),
    );
  });

  it('002 = analyticsQuery', async () => {
    const body = { query_type: 'avg_duration_over_time', filters: { date_from: '2026-03-01', date_to: '2026-03-14', min_duration: 5, payload_filters: { plan: 'basic' } }, granularity: 'day', timezone: 'Europe/Berlin', page: 2, page_size: 5 };
    const answer = await rest('POST', '/analytics', { body });
    const data = await graphql(
      `{ analyticsQuery(input: { queryType: AVG_DURATION_OVER_TIME, granularity: DAY, timezone: "Europe/Berlin", page: 2, pageSize: 5,
         filters: { dateFrom: "2026-03-01T00:00:00.000Z", dateTo: "2026-03-14T23:59:59.999Z", minDuration: 5, payloadFilters: { plan: "basic" } } }) {
         total page pageSize data { ... on TimeSeriesPoint { date count avgDuration } } } }`,
    );
    const result = data.analyticsQuery;
    expect(answer.json).toEqual({
      query_type: 'avg_duration_over_time',
      data: result.data.map((p: any) => ({ date: p.date, count: p.count, avg_duration: p.avgDuration })),
      total: result.total,
      page: 2,
      page_size: 5,
    });
    expect(answer.json.data.some((row: any) => row.count > 0)).toBe(true);
  });

  it('003 calls = calls, with the seed’s codes for the enums', async () => {
    const body = { dayFrom: '2026-03-20', dayTo: '2026-03-31', categories: ['inbound_answered', 'outbound_unanswered'], outcomeTypes: ['positive', 'absent'], itemsPerPage: 50, page: 2, sortBy: 'answerTime', sortDirection: 'asc' };
    const answer = await rest('POST', `/api/v1/stat/calls?api-key=${tenantKey.key}`, { body, key: null });
    const data = await graphql(
      `{ calls(search: { dayFrom: "2026-03-20", dayTo: "2026-03-31", categories: [INBOUND_ANSWERED, OUTBOUND_UNANSWERED], outcomeTypes: [POSITIVE, ABSENT] },
         itemsPerPage: 50, page: 2, sortBy: ANSWER_TIME, sortDirection: ASC) {
         totalItems pagesCount page minTalkTime maxTalkTime minAnswerTime maxAnswerTime tags outcomes projects { id name }
         calls { id type state talkTime answerTime outcomeType timestamp } } }`,
    );
    const list = data.calls;
    expect(answer.json).toMatchObject({
      totalItems: list.totalItems, pagesCount: list.pagesCount, page: 2, minTalkTime: list.minTalkTime, maxTalkTime: list.maxTalkTime,
      minAnswerTime: list.minAnswerTime, maxAnswerTime: list.maxAnswerTime, tags: list.tags, outcomes: list.outcomes, projects: list.projects,
    });
    expect(list.calls.length).toBe(50);
    expect(answer.json.calls.map((c: any) => [c.id, c.type, c.state, c.talkTime, c.answerTime, c.outcomeType, c.timestamp])).toEqual(
      list.calls.map((c: any) => [c.id, ['INBOUND', 'OUTBOUND', 'INTERNAL'].indexOf(c.type), ['UNANSWERED', 'ANSWERED', 'FAILED'].indexOf(c.state), c.talkTime, c.answerTime, c.outcomeType?.toLowerCase() ?? null, c.timestamp]),
    );
  });

  it('003 detailedV2 = callStats(search, dateInterval)', async () => {
    const body = { dayFrom: '2026-02-01', dayTo: '2026-03-31', dateInterval: 'week', states: [1, 2], outcomeTypes: ['negative'] };
    const answer = await rest('POST', `/api/v1/stat/calls-detailedV2?api-key=${tenantKey.key}`, { body, key: null });
    const block = 'all fail success talks error unique firstTime active total { sum count min max } call { sum count min max } answer { sum count min max }';
    const stats = `all { ${block} } in { ${block} } out { ${block} } our { ${block} } tagsSuccess tagsDefault tagsFail tagsNoResult aiTalkTime allTalkTime aiTalkCost`;
    const data = await graphql(
      `{ callStats(search: { dayFrom: "2026-02-01", dayTo: "2026-03-31", states: [ANSWERED, FAILED], outcomeTypes: [NEGATIVE] }, dateInterval: WEEK) {
         ${stats} intervals { label bucketStart ${stats} } } }`,
    );
    const { intervals, ...whole } = data.callStats;
    expect(answer.json).toEqual({
      success: true,
      detailedStat: whole,
      intervals: intervals.map(({ label, bucketStart, ...rest }: any) => ({ label, bucketStart, detailedStat: rest })),
    });
    expect(intervals.length).toBe(10);
    expect(whole.all.all).toBeGreaterThan(0);
  });

  it('004 = groupedCalls, with filters from the query string', async () => {
    const answer = await rest('GET', '/api/v1/analytics/calls?group_by=source,status&metrics=avg_duration,count,unique_callers,total_cost_cents&start_date=2026-03-01&end_date=2026-03-31&direction=inbound&min_ai_score=20&qualified=true&min_duration=10&sort_by=avg_duration&sort_order=asc&limit=3&timezone=America/Chicago');
    const data = await graphql(
      `{ groupedCalls(groupBy: [SOURCE, STATUS], filter: { startDate: "2026-03-01", endDate: "2026-03-31", direction: INBOUND, minAiScore: 20, qualified: true, minDuration: 10 },
         sortBy: AVG_DURATION, sortOrder: ASC, limit: 3, timezone: "America/Chicago") {
         count rows { source status avgDuration count uniqueCallers totalCostCents } totals { avgDuration count uniqueCallers totalCostCents } } }`,
    );
    const g = data.groupedCalls;
    expect(answer.json).toEqual({
      data: {
        data: g.rows.map((r: any) => ({ source: r.source, status: r.status, avg_duration: r.avgDuration, count: r.count, unique_callers: r.uniqueCallers, total_cost_cents: r.totalCostCents })),
        totals: { avg_duration: g.totals.avgDuration, count: g.totals.count, unique_callers: g.totals.uniqueCallers, total_cost_cents: g.totals.totalCostCents },
        count: g.count,
      },
    });
    expect(g.rows.length).toBe(3);
    expect(g.count).toBeGreaterThan(3);
  });
  it('004 percentiles = groupedCalls p50Duration…p99Duration (every registry metric reaches the route)', async () => {
    const answer = await rest('GET', '/api/v1/analytics/calls?group_by=source&metrics=count,p50_duration,p90_duration,p95_duration,p99_duration&start_date=2026-03-01&end_date=2026-03-31');
    const data = await graphql(
      '{ groupedCalls(groupBy: [SOURCE], filter: { startDate: "2026-03-01", endDate: "2026-03-31" }) { count rows { source count p50Duration p90Duration p95Duration p99Duration } totals { count p50Duration p90Duration p95Duration p99Duration } } }',
    );
    const g = data.groupedCalls;
    const seed = (r: any) => ({ count: r.count, p50_duration: r.p50Duration, p90_duration: r.p90Duration, p95_duration: r.p95Duration, p99_duration: r.p99Duration });
    expect(answer.json).toEqual({ data: { data: g.rows.map((r: any) => ({ source: r.source, ...seed(r) })), totals: seed(g.totals), count: g.count } });
    expect(g.totals.p50Duration).toBeGreaterThan(0);
  });
});
