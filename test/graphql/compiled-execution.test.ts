import fc from 'fast-check';
import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createGateway, type GatewayOptions } from '../../src/graphql/yoga.ts';
import type { ExecutionMode } from '../../src/graphql/plugins/use-compiled-execution.ts';
import { buildSubgraphSchema } from '../../src/graphql/subgraph.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../../src/store/load/keys-file.ts';
import { createFuzz, type FuzzRequest } from '../support/fuzz.ts';
import * as ops from '../generated/graphql.ts';

/**
 * Compiled execution (graphql-jit, `useCompiledExecution`) gives the very bytes graphql-js
 * gives: the same documents — the example operations, refusals, partial answers and fuzzed
 * operations over the whole schema — sent to two gateways over one store, one compiling every
 * document at once and one never compiling, answer with the same status and the same text.
 */
const NOW = new Date('2026-01-15T12:00:00.000Z');
const KEYS = demoApiKeys();
const tenantKey = KEYS.find((k) => k.role === 'user' && !k.user_id)!.key;
const adminKey = KEYS.find((k) => k.role === 'super_admin')!.key;
const store = createEmbeddedStore({ calls: generateSampleCalls({ calls: 3_000, seed: 11, now: NOW }), apiKeys: toApiKeyRecords(KEYS, NOW) });
const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const modes: ExecutionMode[] = [];
const gateway = (compiledExecution: GatewayOptions['compiledExecution']) =>
  createGateway({ store, now: () => NOW, graphiql: false, metrics: false, logger: quiet, compiledExecution });
const compiledGateway = gateway({ interpretedRuns: 0, onRun: (mode) => modes.push(mode) });
const interpretedGateway = gateway(false);

interface Answer {
  status: number;
  text: string;
}

async function post(yoga: ReturnType<typeof gateway>, request: FuzzRequest & { operationName?: string }, key: string): Promise<Answer> {
  const response = await yoga.fetch('http://dialgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(request),
  });
  return { status: response.status, text: await response.text() };
}

/** The request on both gateways, and how the compiled one ran it. */
async function both(request: FuzzRequest, key = tenantKey) {
  modes.length = 0;
  const compiled = await post(compiledGateway, request, key);
  const ran = [...modes];
  const interpreted = await post(interpretedGateway, request, key);
  return { compiled, interpreted, ran };
}

const days = { dayFrom: '2026-01-01', dayTo: '2026-01-15' };

describe('compiled execution answers as graphql-js does', () => {
  it.each([
    ['CallsByPhoneNumber', ops.CallsByPhoneNumberDocument, {}, tenantKey],
    ['AdminCallsByPhoneNumber', ops.AdminCallsByPhoneNumberDocument, {}, adminKey],
    ['CampaignPerformance', ops.CampaignPerformanceDocument, {}, tenantKey],
    ['DailyVolume', ops.DailyVolumeDocument, {}, tenantKey],
    ['WeekOverWeek', ops.WeekOverWeekDocument, { dayFrom: '2026-01-09', dayTo: '2026-01-15' }, tenantKey],
    ['AnalyticsCallsOverTime', ops.AnalyticsCallsOverTimeDocument, {}, tenantKey],
    ['AnalyticsHeatmap', ops.AnalyticsHeatmapDocument, {}, tenantKey],
    ['AnalyticsAnyType', ops.AnalyticsAnyTypeDocument, { input: { queryType: 'RETRY_ANALYSIS' } }, tenantKey],
    ['SearchCalls', ops.SearchCallsDocument, days, tenantKey],
    ['DialerStats', ops.DialerStatsDocument, days, tenantKey],
    ['AiCallsWithTranscripts', ops.AiCallsWithTranscriptsDocument, days, tenantKey],
  ] as const)('%s: compiled, same bytes', async (_name, document, variables, key) => {
    const { compiled, interpreted, ran } = await both({ query: print(document), variables }, key);
    expect(ran).toEqual(['compiled']);
    expect(compiled).toEqual(interpreted);
    expect(compiled.text).toMatch(/"data":\{/);
  });

  it('a series of 1,000 points (the case it exists for): compiled, same bytes', async () => {
    const query = '{ analyticsQuery(input: { queryType: CALLS_OVER_TIME, granularity: HOUR, timezone: "Asia/Kolkata", pageSize: 1000, filters: { dateFrom: "2025-11-01T00:00:00Z" } }) { total data { ... on TimeSeriesPoint { date bucketStart count avgDuration } } } }';
    const { compiled, interpreted, ran } = await both({ query, variables: {} });
    expect(ran).toEqual(['compiled']);
    expect(compiled).toEqual(interpreted);
    expect(JSON.parse(compiled.text).data.analyticsQuery.data).toHaveLength(1000);
  });

  it.each([
    ['a refused argument (locations, errors before data)', { query: '{ groupedCalls(limit: 0) { count } }', variables: {} }, ['reinterpreted']],
    ['a refused variable (graphql-js message, coded)', { query: 'query($z: TimeZone) { groupedCalls(groupBy: [DATE], timezone: $z) { count } }', variables: { z: 7 } }, ['interpreted']],
    ['an unknown zone in a variable', { query: 'query($z: TimeZone) { groupedCalls(groupBy: [DATE], timezone: $z) { count } }', variables: { z: 'Nope/Zone' } }, ['reinterpreted']],
    ['a super-admin field on a tenant key', { query: '{ adminCallsByPhoneNumber { totalCalls } }', variables: {} }, ['reinterpreted']],
    [
      'a partial answer: one good and one refused entity',
      { query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Assistant { callAnalytics { totalCalls } } } }', variables: { r: [{ __typename: 'Assistant', id: 'ast_acme_01' }, { __typename: 'Assistant' }] } },
      ['reinterpreted'],
    ],
  ] as const)('%s: graphql-js answers, same bytes', async (_name, request, expected) => {
    const { compiled, interpreted, ran } = await both(request as FuzzRequest);
    expect(ran).toEqual(expected);
    expect(compiled).toEqual(interpreted);
    expect(compiled.text).toMatch(/"errors":\[/);
  });

  it('a document is compiled only after it ran interpreted `interpretedRuns` times', async () => {
    const seen: ExecutionMode[] = [];
    const yoga = createGateway({ store, now: () => NOW, graphiql: false, metrics: false, logger: quiet, compiledExecution: { interpretedRuns: 2, onRun: (mode) => seen.push(mode) } });
    const request = { query: '{ callsByPhoneNumber { totalCalls } }', variables: {} };
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await post(yoga, request, tenantKey));
    expect(seen).toEqual(['interpreted', 'interpreted', 'compiled', 'compiled']);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  });

  it('fuzzed operations over the whole schema: same status and bytes', { timeout: 120_000 }, async () => {
    const fuzz = createFuzz(buildSubgraphSchema(), NOW);
    const keyArb = fc.constantFrom(...KEYS.map((k) => k.key));
    await fc.assert(
      fc.asyncProperty(fuzz.request, keyArb, async (request, key) => {
        const { compiled, interpreted } = await both(request, key);
        expect(compiled, JSON.stringify(request).slice(0, 2_000)).toEqual(interpreted);
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 20_261_202), numRuns: Number(process.env.FUZZ_RUNS ?? 150), interruptAfterTimeLimit: 40_000, markInterruptAsFailure: false },
    );
  });
});
