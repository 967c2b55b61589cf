import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/graphql/yoga.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../../src/store/load/keys-file.ts';
import * as ops from '../generated/graphql.ts';

/**
 * Every example operation of schema/operations/ (the ones GraphiQL offers) runs without errors
 * on sample data, through the typed documents codegen writes from them.
 */
const NOW = new Date('2026-01-15T12:00:00.000Z');
const keys = demoApiKeys();
const tenantKey = keys.find((k) => k.role === 'user' && !k.user_id)!.key;
const adminKey = keys.find((k) => k.role === 'super_admin')!.key;
const yoga = createGateway({
  store: createEmbeddedStore({ calls: generateSampleCalls({ calls: 5_000, seed: 7, now: NOW }), apiKeys: toApiKeyRecords(keys, NOW) }),
  now: () => NOW,
  graphiql: false,
});

async function run<R, V>(document: TypedDocumentNode<R, V>, variables: V, key = tenantKey) {
  const response = await yoga.fetch('http://dialgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as { data?: R; errors?: unknown[] };
}

const days = { dayFrom: '2026-01-01', dayTo: '2026-01-15' };

describe('example operations', () => {
  it.each([
    ['CallsByPhoneNumber', () => run(ops.CallsByPhoneNumberDocument, {})],
    ['AdminCallsByPhoneNumber', () => run(ops.AdminCallsByPhoneNumberDocument, {}, adminKey)],
    ['CampaignPerformance', () => run(ops.CampaignPerformanceDocument, {})],
    ['DailyVolume', () => run(ops.DailyVolumeDocument, {})],
    ['BestHours', () => run(ops.BestHoursDocument, {})],
    ['SourceRoi', () => run(ops.SourceRoiDocument, {})],
    ['WeekOverWeek', () => run(ops.WeekOverWeekDocument, { dayFrom: '2026-01-09', dayTo: '2026-01-15' })],
    ['AnsweredPerHour', () => run(ops.AnsweredPerHourDocument, { dayFrom: '2026-01-13', dayTo: '2026-01-14' })],
    ['AnalyticsCallsOverTime', () => run(ops.AnalyticsCallsOverTimeDocument, {})],
    ['AnalyticsOutcomeDistribution', () => run(ops.AnalyticsOutcomeDistributionDocument, {})],
    ['AnalyticsDurationStats', () => run(ops.AnalyticsDurationStatsDocument, {})],
    ['AnalyticsConversionFunnel', () => run(ops.AnalyticsConversionFunnelDocument, {})],
    ['AnalyticsHeatmap', () => run(ops.AnalyticsHeatmapDocument, {})],
    ['AnalyticsAnyType', () => run(ops.AnalyticsAnyTypeDocument, { input: { queryType: 'RETRY_ANALYSIS' } })],
    ['MissedInboundCalls', () => run(ops.MissedInboundCallsDocument, { day: '2026-01-14' })],
    ['SearchCalls', () => run(ops.SearchCallsDocument, days)],
    ['DialerStats', () => run(ops.DialerStatsDocument, days)],
    ['AiCallsWithTranscripts', () => run(ops.AiCallsWithTranscriptsDocument, days)],
  ] as const)('%s answers without errors on sample data', async (_name, request) => {
    const body = await request();
    expect(body.errors).toBeUndefined();
    expect(JSON.stringify(body.data)).toMatch(/[1-9]/);
  });

  it('gives typed results: phone-number rows add up to the calls of the last 30 days', async () => {
    const { data } = await run(ops.CallsByPhoneNumberDocument, {});
    const rows = data!.callsByPhoneNumber;
    const total = rows.reduce((sum, row) => sum + row.totalCalls, 0);
    const count = await run(ops.AnalyticsAnyTypeDocument, { input: { queryType: 'CALL_COUNT' } });
    const countRow = count.data!.analyticsQuery.data[0] as { count: number };
    expect(total).toBe(countRow.count);
  });
});
