import { describe, expect, it, vi } from 'vitest';
import { FAMILIES } from '../../src/analytics/families/index.ts';
import { type Operation, type OperationEnv, runOperation } from '../../src/analytics/operation.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import { DEFAULT_FUNNEL_STAGES } from '../../src/contract/call-document.ts';
import type { ScopedPipeline } from '../../src/contract/pipeline.ts';
import type { Principal } from '../../src/contract/principal.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../../src/store/load/keys-file.ts';
import { sampleVocabulary } from '../../src/sample/account-vocabulary.ts';
import type { CallQuery } from '../../src/analytics/query/call-query.ts';
import type { AggregateOptions } from '../../src/store/call-store.ts';

/**
 * The contract every entry of FAMILIES keeps, checked over the list itself (a new family
 * without a case here is a type error): its pipeline starts with the tenant scope, runs on the
 * compiled executor without falling back to mingo, answers exactly what mingo answers, and
 * GraphQL answers what `runOperation` answers for the same arguments.
 */
const NOW = new Date('2026-01-15T12:00:00.000Z');
const calls = generateSampleCalls({ calls: 4_000, seed: 11, now: NOW });
const keys = demoApiKeys();
const tenantKey = keys.find((k) => k.role === 'user' && !k.user_id)!;
const principal: Principal = { tenantId: tenantKey.tenant_id, userId: null, userEmail: tenantKey.user_email, role: 'user' };
const env: OperationEnv = { principal, now: NOW, config: { funnelStages: DEFAULT_FUNNEL_STAGES } };
const apiKeys = toApiKeyRecords(keys, NOW);
const fallbacks: string[] = [];
// The accounts define tags but no projects: the list reads both the vocabulary and the calls.
const vocabularies = sampleVocabulary().filter((entry) => entry.kind !== 'project');
const compiled = createEmbeddedStore({ calls, apiKeys, vocabularies, logger: (line) => fallbacks.push(line) });
const reference = createEmbeddedStore({ calls, apiKeys, vocabularies, executor: 'mingo', logger: () => {} });
const yoga = createGateway({ store: compiled, now: () => NOW, graphiql: false });
const assistants = [...new Set(calls.filter((c) => c.tenant_id === principal.tenantId && c.assistant_id).map((c) => c.assistant_id as string))]
  .sort()
  .slice(0, 3);
const days = { dayFrom: '2026-01-01', dayTo: '2026-01-15' };

type FamilyName = (typeof FAMILIES)[number]['name'];
/** JSON as GraphQL would print it (Dates as ISO strings), without the union tag `kind`. */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v) => (key === 'kind' ? undefined : v)));

interface FamilyCase {
  args: unknown;
  /** The same request through GraphQL, and where its answer sits in `data`. */
  document: string;
  variables?: Record<string, unknown>;
  fromData(data: Record<string, any>): unknown;
  /** The run's result as the document selects it. */
  fromRun(result: any): unknown;
}

const CASES: Record<FamilyName, FamilyCase> = {
  callsByPhoneNumber: {
    args: {},
    document: '{ callsByPhoneNumber { phoneNumber bucket totalCalls totalDurationMinutes totalDurationHours avgDurationMinutes } }',
    fromData: (data) => data.callsByPhoneNumber,
    fromRun: json,
  },
  groupedCalls: {
    args: { groupBy: ['SOURCE'], sortBy: 'AVG_DURATION', select: { rows: ['count', 'avgDuration'], totals: ['count', 'qualifiedPct'] } },
    document: '{ groupedCalls(groupBy: [SOURCE], sortBy: AVG_DURATION) { count rows { source count avgDuration } totals { count qualifiedPct } } }',
    fromData: (data) => data.groupedCalls,
    fromRun: (result) => ({
      count: result.count,
      rows: result.rows.map((row: any) => ({ source: row.source, count: row.count, avgDuration: row.avgDuration })),
      totals: result.totals,
    }),
  },
  analyticsQuery: {
    args: { input: { queryType: 'CALLS_OVER_TIME', granularity: 'WEEK', timezone: 'America/New_York', pageSize: 3, page: 2 } },
    document: `{ analyticsQuery(input: { queryType: CALLS_OVER_TIME, granularity: WEEK, timezone: "America/New_York", pageSize: 3, page: 2 }) {
      queryType total page pageSize data { ... on TimeSeriesPoint { date bucketStart count avgDuration } } } }`,
    fromData: (data) => data.analyticsQuery,
    fromRun: json,
  },
  calls: {
    args: { search: days, itemsPerPage: 7, page: 2, sortBy: 'TALK_TIME', vocabulary: ['tags', 'projects'], fields: ['id', 'talkTime'] },
    document: `{ calls(search: { dayFrom: "2026-01-01", dayTo: "2026-01-15" }, itemsPerPage: 7, page: 2, sortBy: TALK_TIME) {
      page pagesCount totalItems minTalkTime maxTalkTime tags projects { id name } calls { id talkTime } } }`,
    fromData: (data) => data.calls,
    fromRun: (result) => ({
      page: result.page,
      pagesCount: result.pagesCount,
      totalItems: result.totalItems,
      minTalkTime: result.minTalkTime,
      maxTalkTime: result.maxTalkTime,
      tags: result.tags,
      projects: result.projects,
      calls: result.calls.map((call: any) => ({ id: String(call._id), talkTime: call.talk_time_sec ?? null })),
    }),
  },
  callsConnection: {
    args: { search: days, first: 5, sortBy: 'TALK_TIME', sortDirection: 'ASC', fields: ['id', 'talkTime'], totalCount: true },
    document: `{ callsConnection(search: { dayFrom: "2026-01-01", dayTo: "2026-01-15" }, first: 5, sortBy: TALK_TIME, sortDirection: ASC) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id talkTime } } } }`,
    fromData: (data) => data.callsConnection,
    fromRun: (result) => ({
      totalCount: result.totalCount,
      pageInfo: result.pageInfo,
      edges: result.edges.map((edge: any) => ({ cursor: edge.cursor, node: { id: String(edge.node._id), talkTime: edge.node.talk_time_sec ?? null } })),
    }),
  },
  groupedCallsConnection: {
    args: { groupBy: ['SOURCE'], sortBy: 'AVG_DURATION', first: 3, select: ['count', 'avgDuration'], totalCount: true },
    document: `{ groupedCallsConnection(groupBy: [SOURCE], sortBy: AVG_DURATION, first: 3) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { source count avgDuration } } } }`,
    fromData: (data) => data.groupedCallsConnection,
    fromRun: (result) => ({
      totalCount: result.totalCount,
      pageInfo: result.pageInfo,
      edges: result.edges.map((edge: any) => ({ cursor: edge.cursor, node: { source: edge.node.source, count: edge.node.count, avgDuration: edge.node.avgDuration } })),
    }),
  },
  callStats: {
    args: { search: { ...days, types: ['INBOUND', 'OUTBOUND'] } },
    document: `{ callStats(search: { dayFrom: "2026-01-01", dayTo: "2026-01-15", types: [INBOUND, OUTBOUND] }) {
      all { all fail success unique total { sum count min max } } in { all } tagsSuccess aiTalkCost } }`,
    fromData: (data) => data.callStats,
    fromRun: (result) => ({
      all: { all: result.all.all, fail: result.all.fail, success: result.all.success, unique: result.all.unique, total: result.all.total },
      in: { all: result.in.all },
      tagsSuccess: result.tagsSuccess,
      aiTalkCost: result.aiTalkCost,
    }),
  },
  callAnalytics: {
    args: { entity: 'ASSISTANT', keys: [...assistants, 'no-such-assistant'] },
    document: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Assistant { callAnalytics {
      totalCalls totalDurationMinutes avgDurationMinutes answeredCalls answerRate lastCallAt } } } }`,
    variables: { r: [...assistants, 'no-such-assistant'].map((id) => ({ __typename: 'Assistant', id })) },
    fromData: (data) => data._entities.map((entity: any) => entity.callAnalytics),
    fromRun: json,
  },
};

type Plan = ReturnType<Operation<unknown, unknown>['plan']>;
type Store = { aggregate(pipeline: ScopedPipeline, options?: AggregateOptions): Promise<Record<string, unknown>[]> };

/**
 * Runs a plan on one store, phase by phase (a `next` plan once the rows it waits for are in):
 * the answer, and every pipeline it ran (one, or the named ones a multi-pipeline family needs).
 */
async function runPlan(first: Plan, store: Store): Promise<{ answer: unknown; pipelines: ScopedPipeline[] }> {
  const pipelines: ScopedPipeline[] = [];
  const run = (query: CallQuery) => {
    const pipeline = compileCallQuery(query);
    pipelines.push(pipeline);
    return store.aggregate(pipeline, query.collection ? { collection: query.collection } : undefined);
  };
  let plan = first;
  for (;;) {
    if ('query' in plan) return { answer: plan.shape(await run(plan.query)), pipelines };
    const rows: Record<string, Record<string, unknown>[] | null> = {};
    for (const [name, query] of Object.entries(plan.queries)) rows[name] = query ? await run(query) : null;
    if ('shape' in plan) return { answer: plan.shape(rows), pipelines };
    plan = plan.next(rows);
  }
}

async function graphql(document: string, variables: Record<string, unknown> = {}) {
  const response = await yoga.fetch('http://dialgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tenantKey.key}` },
    body: JSON.stringify({ query: document, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

describe.each(FAMILIES.map((family) => [family.name, family] as const))('family %s', (name, family) => {
  const operation = family as Operation<unknown, unknown>;
  const familyCase = CASES[name];

  it('starts every pipeline with the tenant scope', async () => {
    const { pipelines } = await runPlan(operation.plan(familyCase.args, env), compiled);
    expect(pipelines.length).toBeGreaterThan(0);
    for (const pipeline of pipelines) expect(pipeline[0]).toEqual({ $match: expect.objectContaining({ tenant_id: principal.tenantId }) });
  });

  it('runs on the compiled executor, with no mingo fallback, and answers what mingo answers', async () => {
    const plan = operation.plan(familyCase.args, env);
    const before = compiled.engineRuns;
    fallbacks.length = 0;
    const { answer, pipelines } = await runPlan(plan, compiled);
    expect(compiled.engineRuns).toEqual({ compiled: before.compiled + pipelines.length, mingo: before.mingo });
    expect(fallbacks).toEqual([]);
    expect(answer).toEqual((await runPlan(plan, reference)).answer);
    // An answer over sample data, not an empty one that would agree trivially.
    expect(JSON.stringify(json(answer))).toMatch(/[1-9]/);
  });

  it('answers the same through GraphQL as through runOperation', async () => {
    const result = await runOperation({ operation, args: familyCase.args, env, aggregate: (p, o) => compiled.aggregate(p, o) });
    const { data, errors } = await graphql(familyCase.document, familyCase.variables);
    expect(errors).toBeUndefined();
    expect(familyCase.fromData(data ?? {})).toEqual(familyCase.fromRun(result));
  });
});

describe('FAMILIES', () => {
  it('names each family once', () => {
    const names = FAMILIES.map((family) => family.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(8);
  });

  it('keeps the schema from building while a family has no GraphQL field', async () => {
    vi.resetModules();
    // A fresh registry with no field module loaded: every family is missing.
    const fresh = await import('../../src/graphql/served-families.ts');
    expect(() => fresh.assertEveryFamilyServed()).toThrow(
      'No GraphQL field serves callsByPhoneNumber, groupedCalls, groupedCallsConnection, analyticsQuery, calls, callsConnection, callStats, callAnalytics: import its module in src/graphql/schema.ts',
    );
  });
});
