import { describe, expect, it } from 'vitest';
import { summarizePlan } from '../../src/store/mongo/plan-summary.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { calls, KEYS, testKeys } from '../support/calls.ts';

const NOW = '2025-03-31T12:00:00Z';
const data = [
  ...calls(6, { tenant_id: 't1', user_id: 'u1', started_at: '2025-03-10T10:00:00Z', source: 'google' }),
  ...calls(4, { tenant_id: 't1', user_id: 'u2', started_at: '2025-03-11T10:00:00Z', source: 'direct' }),
  ...calls(5, { tenant_id: 't2', user_id: 'v9', started_at: '2025-03-12T10:00:00Z', source: 'google' }),
];

function gateway(options: { responseCache?: boolean } = {}) {
  const store = createEmbeddedStore({ calls: data, apiKeys: testKeys() });
  return createGateway({
    store,
    now: () => new Date(NOW),
    graphiql: false,
    metrics: false,
    responseCache: options.responseCache ? { ttlMs: 60_000 } : false,
    logger: { error: () => {}, warn: () => {}, info: () => {} },
  });
}

async function post(key: string, query: string, headers: Record<string, string> = {}, served = gateway()) {
  const response = await served.fetch('http://dialgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[]; extensions?: { explain?: any[] } } };
}

const TWO_FIELDS = `{
  grouped: groupedCalls(groupBy: [SOURCE], filter: { startDate: "2025-03-01", endDate: "2025-03-31" }) { count rows { source count } }
  analyticsQuery(input: { queryType: CALL_COUNT, filters: { dateFrom: "2025-03-01T00:00:00Z", dateTo: "2025-03-31T23:59:59Z" } }) { total }
}`;

describe('x-dialgraph-explain', () => {
  it('reports each pipeline the request ran: its field path, engine, pipeline, time and rows', async () => {
    const { status, body } = await post(KEYS.t1, TWO_FIELDS, { 'x-dialgraph-explain': '1' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const entries = body.extensions!.explain!;
    expect(entries.map((e) => e.path).sort()).toEqual(['analyticsQuery', 'grouped']);
    for (const entry of entries) {
      expect(entry.engine).toBe('embedded');
      expect(entry.ms).toBeGreaterThanOrEqual(0);
      expect(entry.rows).toBeGreaterThan(0);
      expect(entry.plan).toBeUndefined();
      // Scope comes first, and dates travel as relaxed Extended JSON.
      expect(entry.pipeline[0].$match.tenant_id).toBe('t1');
      expect(JSON.stringify(entry.pipeline)).toContain('{"$date":"2025-03-01T00:00:00Z"}');
    }
    expect(entries.find((e) => e.path === 'grouped').rows).toBe(1);
  });

  it('is absent without the header, and the answer is the same either way', async () => {
    const plain = await post(KEYS.t1, TWO_FIELDS);
    const explained = await post(KEYS.t1, TWO_FIELDS, { 'x-dialgraph-explain': '1' });
    expect(plain.body.extensions?.explain).toBeUndefined();
    expect(explained.body.data).toEqual(plain.body.data);
    expect((await post(KEYS.t1, TWO_FIELDS, { 'x-dialgraph-explain': 'yes' })).body.extensions?.explain).toBeUndefined();
  });

  it("shows only the caller's own scope: no other tenant's or user's id appears", async () => {
    const tenant = JSON.stringify((await post(KEYS.t1, TWO_FIELDS, { 'x-dialgraph-explain': '1' })).body.extensions);
    expect(tenant).toContain('"t1"');
    expect(tenant).not.toMatch(/"t2"|"v9"/);
    const userBound = (await post(KEYS.t1User, TWO_FIELDS, { 'x-dialgraph-explain': '1' })).body.extensions!.explain!;
    for (const entry of userBound) expect(entry.pipeline[0].$match).toMatchObject({ tenant_id: 't1', user_id: 'u1' });
    expect(JSON.stringify(userBound)).not.toMatch(/"u2"|"t2"/);
  });

  it('bypasses the response cache both ways', async () => {
    const cached = gateway({ responseCache: true });
    const first = await post(KEYS.t1, TWO_FIELDS, { 'x-dialgraph-explain': '1' }, cached);
    const again = await post(KEYS.t1, TWO_FIELDS, { 'x-dialgraph-explain': '1' }, cached);
    expect(again.body.extensions!.explain!).toHaveLength(first.body.extensions!.explain!.length);
    const plain = await post(KEYS.t1, TWO_FIELDS, {}, cached);
    expect(plain.body.extensions?.explain).toBeUndefined();
    expect(plain.body.data).toEqual(first.body.data);
  });

  it('follows the same auth: no key, no explain', async () => {
    const response = await gateway().fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dialgraph-explain': '1' },
      body: JSON.stringify({ query: TWO_FIELDS }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { extensions?: unknown };
    expect(JSON.stringify(body)).not.toContain('explain');
  });

  it('names the first entity field of a batch that several representations filled', async () => {
    const { body } = await post(
      KEYS.t1,
      `{ _entities(representations: [{ __typename: "PhoneNumber", number: "+15550001" }, { __typename: "PhoneNumber", number: "+15550002" }]) { ... on PhoneNumber { callAnalytics { totalCalls } } } }`,
      { 'x-dialgraph-explain': '1' },
    );
    expect(body.errors).toBeUndefined();
    // One batch, one pipeline: it runs for the first field that asked.
    expect(body.extensions!.explain!.map((e) => e.path)).toEqual(['_entities.0.callAnalytics']);
  });

  it('names the entity field of a federated batch', async () => {
    const { body } = await post(KEYS.t1, `{ _entities(representations: [{ __typename: "PhoneNumber", number: "+15550001" }]) { ... on PhoneNumber { callAnalytics { totalCalls } } } }`, { 'x-dialgraph-explain': '1' });
    expect(body.errors).toBeUndefined();
    expect(body.extensions!.explain!.map((e) => e.path)).toEqual(['_entities.0.callAnalytics']);
  });
});

describe('summarizePlan reads every explain layout MongoDB 7 returns', () => {
  it.each([
    [
      'a $cursor stage (classic engine)',
      { stages: [{ $cursor: { queryPlanner: { winningPlan: { stage: 'FETCH', inputStage: { stage: 'IXSCAN', indexName: 'tenant_started' } }, rejectedPlans: [{ inputStage: { indexName: 'other' } }] }, executionStats: { totalDocsExamined: 30, totalKeysExamined: 31, executionStages: { indexName: 'tenant_started' } } } }, { $group: {} }] },
      { indexes: ['tenant_started'], docsExamined: 30, keysExamined: 31 },
    ],
    [
      'a top-level SBE plan',
      { queryPlanner: { winningPlan: { queryPlan: { stage: 'GROUP', inputStage: { stage: 'IXSCAN', indexName: 'tenant_user_started' } }, slotBasedPlan: {} } }, executionStats: { totalDocsExamined: 0, totalKeysExamined: 12 } },
      { indexes: ['tenant_user_started'], docsExamined: 0, keysExamined: 12 },
    ],
    [
      'one entry per shard',
      { shards: { a: { queryPlanner: { winningPlan: { inputStage: { indexName: 'tenant_started' } } }, executionStats: { totalDocsExamined: 5, totalKeysExamined: 5 } }, b: { queryPlanner: { winningPlan: { stage: 'COLLSCAN' } }, executionStats: { totalDocsExamined: 7, totalKeysExamined: 0 } } } },
      { indexes: ['tenant_started'], docsExamined: 12, keysExamined: 5 },
    ],
  ])('%s', (_name, explained, summary) => {
    expect(summarizePlan(explained)).toEqual(summary);
  });
});
