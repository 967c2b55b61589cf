import { describe, expect, it } from 'vitest';
import { GraphQLEnumType } from 'graphql';
import { buildSchema } from '../../src/graphql/schema.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../../src/store/load/keys-file.ts';

/**
 * No input a client can send moves a pipeline onto the mingo fallback (DESIGN section 8):
 * every field family is run with each of its options (enum values, filters, sorts, zones,
 * payload filters including digit-only keys) on sample data, and the engine-run counter must
 * show the compiled executor ran every pipeline and mingo none.
 */
const NOW = new Date('2026-01-15T12:00:00Z');
const calls = generateSampleCalls({ calls: 3000, seed: 7, now: NOW });
const keys = demoApiKeys();
const store = createEmbeddedStore({ calls, apiKeys: toApiKeyRecords(keys, NOW) });
const yoga = createGateway({ store, now: () => NOW, graphiql: false, logger: { error: () => {}, warn: () => {}, info: () => {} } });
const tenantKey = keys.find((k) => k.role === 'user' && !k.user_id)!.key;
const userKey = keys.find((k) => k.role === 'user' && k.user_id)?.key ?? tenantKey;
const adminKey = keys.find((k) => k.role === 'super_admin')!.key;

const schema = buildSchema();
const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

async function run(document: string, key = tenantKey, variables: Record<string, unknown> = {}): Promise<void> {
  const before = store.engineRuns;
  const response = await yoga.fetch('http://dialgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: document, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  expect(body.errors, document).toBeUndefined();
  const after = store.engineRuns;
  expect(after.mingo - before.mingo, document).toBe(0);
  expect(after.compiled - before.compiled, document).toBeGreaterThan(0);
}

const RANGE = 'startDate: "2025-12-01", endDate: "2026-01-15"';
const SEARCH = 'dayFrom: "2025-12-01", dayTo: "2026-01-15"';
const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];

describe('every pipeline a client can reach runs on the compiled executor', () => {
  it('groupedCalls: each dimension and triples, each sort key and order, each filter, each zone', async () => {
    const dimensions = values('CallDimension');
    const metrics = 'count avgDuration totalDuration avgAiScore qualifiedCount qualifiedPct totalValueCents uniqueCallers answeredCount missedCount voicemailCount avgRoboScore totalCostCents p50Duration p90Duration p95Duration p99Duration';
    for (const dimension of dimensions) await run(`{ groupedCalls(groupBy: [${dimension}], filter: { ${RANGE} }) { rows { ${metrics} } totals { ${metrics} } } }`);
    await run(`{ groupedCalls(groupBy: [DATE, SOURCE, HOUR_OF_DAY], filter: { ${RANGE} }) { count } }`);
    for (const sortBy of values('GroupedSortKey')) {
      const groupBy = dimensions.includes(sortBy) ? sortBy : 'SOURCE';
      for (const order of ['ASC', 'DESC']) await run(`{ groupedCalls(groupBy: [${groupBy}], sortBy: ${sortBy}, sortOrder: ${order}, limit: 7) { rows { count } } }`);
    }
    const filters = ['status: COMPLETED', 'source: "google"', 'direction: INBOUND', 'callFlowId: "1"', 'numberId: "1"', 'numberGroupId: "1"', 'minAiScore: 0.2', 'maxAiScore: 0.9', 'aiCategory: "sales"', 'qualified: true', 'qualified: false', 'minDuration: 30'];
    for (const filter of filters) await run(`{ groupedCalls(groupBy: [STATUS], filter: { ${RANGE}, ${filter} }) { rows { count } totals { count } } }`);
    // groupedCallsConnection: a first page and a page after its cursor, by a metric, a percentile and a dimension.
    for (const sortBy of ['COUNT', 'AVG_DURATION', 'P90_DURATION', 'SOURCE']) {
      const first = (await (await yoga.fetch('http://dialgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tenantKey}` },
        body: JSON.stringify({ query: `{ groupedCallsConnection(groupBy: [SOURCE, DATE], sortBy: ${sortBy}, first: 3) { pageInfo { endCursor } } }` }),
      })).json()) as { data: { groupedCallsConnection: { pageInfo: { endCursor: string } } } };
      const cursor = first.data.groupedCallsConnection.pageInfo.endCursor;
      await run(`{ groupedCallsConnection(groupBy: [SOURCE, DATE], sortBy: ${sortBy}, first: 3, after: "${cursor}") { totalCount edges { node { count avgDuration p90Duration } } } }`);
      await run(`{ groupedCallsConnection(groupBy: [SOURCE, DATE], sortBy: ${sortBy}, last: 3, before: "${cursor}", having: [{ metric: COUNT, op: GT, value: 1 }]) { edges { node { count } } } }`);
    }
    for (const zone of ZONES) await run(`{ groupedCalls(groupBy: [DATE, WEEK, MONTH], timezone: "${zone}", filter: { ${RANGE} }) { rows { count } } }`);
  });

  it('groupedCalls compare, having and fillGaps: each period, each metric and operator, each time dimension, each zone', async () => {
    const metrics = 'count avgDuration totalDuration avgAiScore qualifiedCount qualifiedPct totalValueCents uniqueCallers answeredCount missedCount voicemailCount avgRoboScore totalCostCents p50Duration p99Duration';
    const compared = `${metrics} previous { ${metrics} } change { count { absolute percent } uniqueCallers { percent } avgDuration { absolute } }`;
    for (const compare of values('ComparePeriod')) {
      for (const groupBy of ['[]', '[SOURCE]', '[DATE, STATUS]', '[WEEK]', '[MONTH, HOUR_OF_DAY]', '[HOUR]']) {
        await run(`{ groupedCalls(groupBy: ${groupBy}, compare: ${compare}, filter: { startDate: "2026-01-01", endDate: "2026-01-15" }) { count rows { ${compared} } totals { ${compared} } } }`);
      }
      for (const zone of ZONES) await run(`{ groupedCalls(groupBy: [DATE], compare: ${compare}, timezone: "${zone}", fillGaps: true, having: [{ metric: UNIQUE_CALLERS, op: GT, value: 0 }], filter: { ${RANGE} }) { count rows { date count previous { count } } } }`);
    }
    for (const metric of values('GroupedMetric')) {
      for (const op of values('ComparisonOperator')) {
        await run(`{ groupedCalls(groupBy: [SOURCE], having: [{ metric: ${metric}, op: ${op}, value: 1.5 }], filter: { ${RANGE} }) { count rows { count } totals { count } } }`);
      }
      await run(`{ groupedCalls(groupBy: [SOURCE, DATE], compare: PREVIOUS_PERIOD, sortBy: ${metric}, having: [{ metric: ${metric}, op: GTE, value: 0 }], filter: { ${RANGE} }) { count rows { count previous { count } } } }`);
    }
    for (const dimension of ['DATE', 'WEEK', 'MONTH', 'HOUR']) {
      const range = dimension === 'HOUR' ? 'startDate: "2026-01-10", endDate: "2026-01-15"' : RANGE;
      for (const zone of ZONES) await run(`{ groupedCalls(groupBy: [${dimension}, STATUS], fillGaps: true, timezone: "${zone}", filter: { ${range} }) { count rows { count uniqueCallers p90Duration } totals { count } } }`);
    }
  });

  it('analyticsQuery: each query type × granularity × zone, each filter, payload filters with any key', async () => {
    const fragments = '... on CountRow { count } ... on DurationStatsRow { avg p50Duration p99Duration } ... on DistributionRow { key } ... on TimeSeriesPoint { date } ... on RetryRow { attempt } ... on ProviderRow { provider } ... on HeatmapCell { hour } ... on FunnelStage { stage }';
    for (const queryType of values('AnalyticsQueryType')) {
      for (const granularity of values('Granularity')) {
        for (const zone of ZONES) {
          await run(`{ analyticsQuery(input: { queryType: ${queryType}, granularity: ${granularity}, timezone: "${zone}", filters: { dateFrom: "2025-12-01T00:00:00Z" } }) { total data { ${fragments} } } }`);
        }
      }
    }
    const filters = [
      'templateId: "1"', 'merchantId: "m1"', 'resellerId: "r1"', 'minDuration: 10', 'maxDuration: 600', 'minDuration: 0, maxDuration: 60',
      'sentimentMin: -0.5', 'sentimentMax: 0.5',
    ];
    // Digit-only keys were the way onto mingo (a numeric path segment); JSON keys need variables.
    const payloads = [{ city: 'Paris' }, { '0': null }, { '123': 5, 'a-b_c': true }, { '007': 'x', leadStatus: null }, { '1': 'ok', '2': false }];
    for (const queryType of ['CALL_COUNT', 'CONVERSION_FUNNEL', 'CALLS_OVER_TIME', 'HOURLY_HEATMAP']) {
      for (const filter of filters) await run(`{ analyticsQuery(input: { queryType: ${queryType}, filters: { ${filter} } }) { total } }`);
      for (const payload of payloads) {
        await run(`query ($p: JSONObject) { analyticsQuery(input: { queryType: ${queryType}, filters: { payloadFilters: $p } }) { total } }`, tenantKey, { p: payload });
      }
    }
  });

  it('calls and callStats: each search option, sort and direction, user-bound keys', async () => {
    const options = [
      'searchString: "a"', 'searchString: "+1 (212)"', 'types: [INBOUND, OUTBOUND]', 'states: [ANSWERED]', 'states: [UNANSWERED, FAILED]',
      ...values('CallCategory').map((c) => `categories: [${c}]`),
      'agentIds: ["1"]', 'teamIds: ["1"]', 'uniqueIds: ["1"]', 'projectIds: ["1"]', 'textProjects: ["Sales"]', 'tags: ["vip"]', 'outcomes: ["sale"]',
      ...values('OutcomeType').map((o) => `outcomeTypes: [${o}]`),
      'number: "+12125550101"', 'fromNumber: "+12125550101"', 'toNumber: "+12125550101"', 'toAnswer: "+12125550101"',
      'talkTimeFrom: 10', 'talkTimeTo: 100', 'answerTimeFrom: 1', 'answerTimeTo: 20', 'allUsers: true', 'userId: "u1"', 'qualityRating: 3',
      'showTransfers: true', 'showAICallsWithLog: true', 'timezone: "Asia/Kolkata"',
    ];
    for (const option of options) {
      await run(`{ calls(search: { ${SEARCH}, ${option} }, itemsPerPage: 5) { totalItems calls { id } tags outcomes projects { id name } minTalkTime } }`);
      await run(`{ callStats(search: { ${SEARCH}, ${option} }) { all { all unique } tagsSuccess aiTalkTime } }`);
    }
    for (const sortBy of values('CallSortField')) {
      for (const direction of ['ASC', 'DESC']) await run(`{ calls(search: { ${SEARCH} }, sortBy: ${sortBy}, sortDirection: ${direction}, page: 2, itemsPerPage: 3) { calls { id } } }`);
    }
    await run(`{ calls(search: { ${SEARCH} }) { totalItems } callStats(search: { ${SEARCH} }) { all { all } } }`, userKey);
    // callsConnection: first pages, then a page after and before a cursor, for every sort.
    for (const sortBy of values('CallSortField')) {
      for (const direction of ['ASC', 'DESC']) {
        const sort = `search: { ${SEARCH} }, sortBy: ${sortBy}, sortDirection: ${direction}`;
        const page = (await (await yoga.fetch('http://dialgraph.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tenantKey}` },
          body: JSON.stringify({ query: `{ callsConnection(${sort}, first: 3) { pageInfo { endCursor } } }` }),
        })).json()) as { data: { callsConnection: { pageInfo: { endCursor: string } } } };
        const cursor = page.data.callsConnection.pageInfo.endCursor;
        await run(`{ callsConnection(${sort}, first: 3, after: "${cursor}") { totalCount edges { cursor node { id } } } }`);
        await run(`{ callsConnection(${sort}, last: 3, before: "${cursor}") { pageInfo { hasPreviousPage } edges { node { id } } } }`);
        await run(`{ callsConnection(${sort}, last: 3) { edges { node { id } } } }`);
      }
    }
  });

  it('phone numbers, the admin report and entity analytics', async () => {
    await run(`{ callsByPhoneNumber { phoneNumber totalCalls } }`);
    await run(`{ callsByPhoneNumber(assistantId: "a1", startDate: "2025-12-01T00:00:00Z") { totalCalls } }`);
    await run(`{ adminCallsByPhoneNumber { totalCalls } }`, adminKey);
    await run(`{ adminCallsByPhoneNumber(userEmail: "Someone@Example.com") { totalCalls } }`, adminKey);
    await run(`{ _entities(representations: [{ __typename: "Assistant", id: "a1" }, { __typename: "PhoneNumber", number: "+12125550101" }]) { ... on Assistant { callAnalytics { totalCalls lastCallAt } } ... on PhoneNumber { callAnalytics { totalCalls } } } }`);
  });
});
