import { beforeAll, describe, expect, it } from 'vitest';
import { adminKey, openApiChecker, restGateway, sampleCalls, tenantKey, type RestAnswer } from '../support/rest.ts';

/**
 * Each seed's own example request, as its document writes it (only host and key differ),
 * answers 200 in the seed's shape: the keys of the seed's example, and the schema the
 * server's OpenAPI document publishes for that route.
 */
const { rest } = restGateway();
let conforms: (method: string, path: string, answer: RestAnswer) => string[];

beforeAll(async () => {
  conforms = await openApiChecker((await rest('GET', '/openapi.json', { key: null })).json);
});

function expectSeedShape(method: string, path: string, answer: RestAnswer) {
  expect(answer.status, answer.text).toBe(200);
  expect(conforms(method, path.split('?')[0], answer)).toEqual([]);
}

/** Seed 003's call record, in the order its document lists the fields. */
const SEED_003_RECORD = [
  'answerTime', 'callTime', 'campaign', 'projectName', 'projectId', 'projectContactId', 'crmInfo', 'favorite', 'firstTimeForTree',
  'firstTimeForUser', 'fromNumber', 'id', 'insertOrigin', 'isRecordBlocked', 'isRecordReady', 'label', 'numbersInvolvedJSON',
  'numbersRingedJSON', 'qualityRating', 'recallDate', 'recallFirstAttemptDate', 'recallState', 'recordName', 'tags', 'outcomeTag',
  'outcomeType', 'talkTime', 'aiTalkTime', 'timestamp', 'toAnswer', 'toNumber', 'totalTime', 'treeId', 'type', 'state', 'uniqueId',
  'userId', 'agentShortNumber', 'lineNumber', 'clientNumber', 'transfers', 'recordingExpired', 'transcripts',
  'convoloAiRecordingSummary', 'convoloAiRecordingTitle',
];

const assistantId = sampleCalls.find((call) => call.tenant_id === tenantKey.tenant_id && call.assistant_id)?.assistant_id;
const ownerEmail = tenantKey.user_email;

describe('seed 000: GET /analytics/calls/by-phone-number', () => {
  it('answers the example request with the example’s envelope and row keys', async () => {
    expect(assistantId).toBeTruthy();
    const path = `/analytics/calls/by-phone-number?assistant_id=${assistantId}`;
    const answer = await rest('GET', path);
    expectSeedShape('GET', path, answer);
    expect(answer.json).toMatchObject({ success: true, message: 'Calls by phone number fetched successfully' });
    const rows = answer.json.data.phone_numbers;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['phone_number', 'total_calls', 'total_duration_minutes', 'total_duration_hours', 'avg_duration_minutes']);
    }
    // "Results are sorted by total duration in descending order."
    const minutes = rows.map((row: any) => row.total_duration_minutes);
    expect(minutes).toEqual([...minutes].sort((a, b) => b - a));
  });

  it('takes plain dates and offset-less times as UTC, end_date as a whole day', async () => {
    const plain = await rest('GET', '/analytics/calls/by-phone-number?start_date=2026-03-01&end_date=2026-03-10');
    const explicit = await rest('GET', '/analytics/calls/by-phone-number?start_date=2026-03-01T00:00:00Z&end_date=2026-03-10T23:59:59.999Z');
    const offsetless = await rest('GET', '/analytics/calls/by-phone-number?start_date=2026-03-01T00:00&end_date=2026-03-10T23:59:59.999');
    expect(plain.status).toBe(200);
    expect(plain.json).toEqual(explicit.json);
    expect(offsetless.json).toEqual(explicit.json);
  });
});

describe('seed 001: GET /admin/analytics/calls/by-phone-number', () => {
  it('answers the example request for a super-admin with the example’s row keys', async () => {
    const path = `/admin/analytics/calls/by-phone-number?user_email=${encodeURIComponent(ownerEmail)}`;
    const answer = await rest('GET', path, { key: adminKey.key });
    expectSeedShape('GET', path, answer);
    expect(answer.json.success).toBe(true);
    for (const row of answer.json.data.phone_numbers) {
      expect(Object.keys(row)).toEqual(['phone_number', 'total_calls', 'total_duration_minutes', 'total_duration_hours']);
    }
  });
});

describe('seed 002: POST /analytics', () => {
  const example = {
    query_type: 'calls_over_time',
    filters: { template_id: 'tpl_xyz789', merchant_id: 'mer_abc', date_from: '2025-01-01T00:00:00Z', date_to: '2025-01-31T23:59:59Z', min_duration: 10 },
    granularity: 'day',
    page: 1,
    page_size: 31,
  };

  it('answers the example body with { query_type, data: [{ date, count }], total, page, page_size }', async () => {
    const answer = await rest('POST', '/analytics', { body: example });
    expectSeedShape('POST', '/analytics', answer);
    expect(Object.keys(answer.json)).toEqual(['query_type', 'data', 'total', 'page', 'page_size']);
    expect(answer.json).toMatchObject({ query_type: 'calls_over_time', total: 31, page: 1, page_size: 31 });
    expect(answer.json.data[0]).toEqual({ date: '2025-01-01', count: 0 });
    expect(answer.json.data).toHaveLength(31);
  });

  it.each([
    'call_count', 'call_duration', 'outcome_distribution', 'sentiment_distribution', 'status_distribution', 'calls_over_time',
    'avg_duration_over_time', 'top_outcomes', 'retry_analysis', 'provider_breakdown', 'hourly_heatmap', 'conversion_funnel',
  ])('answers %s over the sample month in snake_case rows', async (queryType) => {
    const body = { query_type: queryType, filters: { date_from: '2026-03-01', date_to: '2026-03-31' }, granularity: 'week', page_size: 200 };
    const answer = await rest('POST', '/analytics', { body });
    expectSeedShape('POST', '/analytics', answer);
    expect(answer.json.query_type).toBe(queryType);
    expect(answer.json.data.length).toBeGreaterThan(0);
    for (const row of answer.json.data) for (const key of Object.keys(row)) expect(key).toMatch(/^[a-z_]+$/);
  });
});

describe('seed 003: POST /api/v1/stat/calls and calls-detailedV2 with ?api-key=', () => {
  const body = { dayFrom: '2026-03-01', dayTo: '2026-03-31', timezone: 'America/New_York', types: [0, 1], states: [1], sortBy: 'talkTime', sortDirection: 'DESC', page: 1, itemsPerPage: 20 };

  it('lists calls with the seed’s fields and numeric type/state codes', async () => {
    const path = `/api/v1/stat/calls?api-key=${tenantKey.key}`;
    const answer = await rest('POST', path, { body, key: null });
    expectSeedShape('POST', path, answer);
    expect(Object.keys(answer.json)).toEqual([
      'success', 'calls', 'tags', 'outcomes', 'projects', 'minTalkTime', 'maxTalkTime', 'minAnswerTime', 'maxAnswerTime', 'page', 'pagesCount', 'totalItems', 'timezone',
    ]);
    expect(answer.json.calls).toHaveLength(20);
    for (const call of answer.json.calls) {
      expect([0, 1]).toContain(call.type);
      expect(call.state).toBe(1);
    }
    for (const call of answer.json.calls) expect(Object.keys(call)).toEqual(SEED_003_RECORD);
    const talk = answer.json.calls.map((call: any) => call.talkTime);
    expect(talk).toEqual([...talk].sort((a, b) => b - a));
    expect(answer.json.timezone).toBe('America/New_York');
  });

  it('carries the whole record: transcripts, transfers, recordings, recalls, the JSON number lists', async () => {
    const path = `/api/v1/stat/calls?api-key=${tenantKey.key}`;
    const answer = await rest('POST', path, { body: { dayFrom: '2025-12-01', dayTo: '2026-03-31', itemsPerPage: 1000, showTransfers: true, sortDirection: 'ASC' }, key: null });
    expectSeedShape('POST', path, answer);
    const calls: any[] = answer.json.calls;
    const some = (test: (call: any) => boolean) => calls.some(test);
    expect(some((c) => Array.isArray(c.transcripts) && c.transcripts.length > 0 && ['agent', 'client', 'ai'].includes(c.transcripts[0].speaker))).toBe(true);
    expect(some((c) => Array.isArray(c.transfers) && c.transfers.length > 0)).toBe(true);
    expect(some((c) => c.isRecordReady === true) && some((c) => c.isRecordBlocked === true) && some((c) => c.recordingExpired === true)).toBe(true);
    expect(some((c) => typeof c.recallDate === 'string')).toBe(true);
    expect(some((c) => typeof c.convoloAiRecordingSummary === 'string' && typeof c.convoloAiRecordingTitle === 'string')).toBe(true);
    const withNumbers = calls.find((c) => typeof c.numbersInvolvedJSON === 'string')!;
    expect(Array.isArray(JSON.parse(withNumbers.numbersInvolvedJSON))).toBe(true);
  });
});

describe('seed 003: POST /api/v1/stat/calls-detailedV2', () => {
  it('answers the whole range, then one detailedStat per dateInterval bucket', async () => {
    const path = `/api/v1/stat/calls-detailedV2?api-key=${tenantKey.key}`;
    const body = { dayFrom: '2026-03-01', dayTo: '2026-03-07', timezone: 'America/New_York', dateInterval: 'day', types: [0, 1, 2] };
    const answer = await rest('POST', path, { body, key: null });
    expectSeedShape('POST', path, answer);
    expect(Object.keys(answer.json)).toEqual(['success', 'detailedStat', 'intervals']);
    expect(Object.keys(answer.json.detailedStat)).toEqual(['all', 'in', 'out', 'our', 'tagsSuccess', 'tagsDefault', 'tagsFail', 'tagsNoResult', 'aiTalkTime', 'allTalkTime', 'aiTalkCost']);
    expect(Object.keys(answer.json.detailedStat.all)).toEqual(['all', 'fail', 'success', 'talks', 'error', 'unique', 'firstTime', 'active', 'total', 'call', 'answer']);
    const intervals = answer.json.intervals;
    expect(intervals.map((i: any) => i.label)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    expect(intervals[0].bucketStart).toBe('2026-03-01T05:00:00.000Z');
    // The buckets partition the range.
    const sum = intervals.reduce((total: number, i: any) => total + i.detailedStat.all.all, 0);
    expect(sum).toBe(answer.json.detailedStat.all.all);
    expect(sum).toBeGreaterThan(0);
  });
});

describe('seed 004: GET /api/v1/analytics/calls', () => {
  it.each([
    '/api/v1/analytics/calls?group_by=source&metrics=count,qualified_pct,avg_ai_score',
    '/api/v1/analytics/calls?group_by=utm_campaign&metrics=count,qualified_pct,avg_duration,avg_ai_score&start_date=2026-03-01&end_date=2026-03-31&sort_by=qualified_pct&sort_order=desc',
    '/api/v1/analytics/calls?group_by=date&metrics=count,answered_count,missed_count&start_date=2026-03-01&end_date=2026-03-31&sort_by=date&sort_order=asc&limit=31',
    '/api/v1/analytics/calls?group_by=hour_of_day,day_of_week&metrics=count,avg_duration&sort_by=count&sort_order=desc&limit=10',
    '/api/v1/analytics/calls?group_by=source&metrics=count,qualified_count,qualified_pct,total_value_cents,unique_callers&sort_by=total_value_cents&sort_order=desc',
  ])('%s answers { data: { data, totals, count } } with the asked columns in order', async (path) => {
    const answer = await rest('GET', path);
    expectSeedShape('GET', path, answer);
    const url = new URL(path, 'http://x');
    const groupBy = url.searchParams.get('group_by')!.split(',');
    const metrics = url.searchParams.get('metrics')!.split(',');
    expect(Object.keys(answer.json)).toEqual(['data']);
    expect(Object.keys(answer.json.data)).toEqual(['data', 'totals', 'count']);
    expect(answer.json.data.data.length).toBeGreaterThan(0);
    for (const row of answer.json.data.data) expect(Object.keys(row)).toEqual([...groupBy, ...metrics]);
    expect(Object.keys(answer.json.data.totals)).toEqual(metrics);
  });

  it('defaults metrics to count and limit to 100', async () => {
    const answer = await rest('GET', '/api/v1/analytics/calls?group_by=date&start_date=2026-01-01&end_date=2026-03-31');
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json.data.totals)).toEqual(['count']);
    expect(answer.json.data.count).toBeGreaterThan(89);
    expect(answer.json.data.data).toHaveLength(Math.min(100, answer.json.data.count));
  });
});
