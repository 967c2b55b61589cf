import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/graphql/yoga.ts';
import { metricsRegistry } from '../../src/observability/metrics.ts';
import type { CallStore } from '../../src/store/call-store.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { call, KEYS, testKeys } from '../support/calls.ts';

const NOW = new Date('2024-03-15T12:00:00.000Z');
const CALLS = [
  call({ tenant_id: 't1', user_id: 'u1', utm_campaign: 'u1-campaign', started_at: '2024-03-01T10:00:00Z' }),
  call({ tenant_id: 't1', user_id: 'u2', utm_campaign: 'u2-campaign', started_at: '2024-03-02T10:00:00Z' }),
  call({ tenant_id: 't2', utm_campaign: 't2-campaign', started_at: '2024-03-03T10:00:00Z' }),
];
const DASHBOARD = 'query Dashboard { groupedCalls(groupBy: [UTM_CAMPAIGN]) { rows { utmCampaign count } } }';

function cachedGateway(ttlMs = 60_000) {
  const inner = createEmbeddedStore({ calls: CALLS, apiKeys: testKeys() });
  let pipelines = 0;
  const store: CallStore = { ...inner, aggregate: (pipeline, options) => { pipelines++; return inner.aggregate(pipeline, options); } };
  const yoga = createGateway({ store, now: () => NOW, graphiql: false, responseCache: { ttlMs } });
  const ask = async (key: string, query = DASHBOARD, variables: Record<string, unknown> = {}) => {
    const response = await yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const campaigns = (body: any) => body.data.groupedCalls.rows.map((row: any) => row.utmCampaign).sort();
  return { ask, campaigns, pipelines: () => pipelines };
}

const lookups = async (result: 'hit' | 'miss') =>
  (await metricsRegistry.getSingleMetric('dialgraph_response_cache_lookups_total')!.get()).values.find((v) => v.labels.result === result)?.value ?? 0;

describe('per-tenant response cache', () => {
  it('answers a repeat from the cache: one pipeline, the same body, a hit counted', async () => {
    const { ask, pipelines } = cachedGateway();
    const hits = await lookups('hit');
    const first = await ask(KEYS.t1);
    const second = await ask(KEYS.t1);
    expect(second.status).toBe(200);
    expect(second.body.data).toEqual(first.body.data);
    expect(pipelines()).toBe(1);
    expect(await lookups('hit')).toBe(hits + 1);
  });

  it('never shares an entry between two tenants sending the same query', async () => {
    const { ask, campaigns, pipelines } = cachedGateway();
    expect(campaigns((await ask(KEYS.t1)).body)).toEqual(['u1-campaign', 'u2-campaign']);
    expect(campaigns((await ask(KEYS.t2)).body)).toEqual(['t2-campaign']);
    expect(campaigns((await ask(KEYS.t1)).body)).toEqual(['u1-campaign', 'u2-campaign']);
    expect(campaigns((await ask(KEYS.t2)).body)).toEqual(['t2-campaign']);
    expect(pipelines()).toBe(2);
  });

  it("never shows a user-bound key the account's entry, nor the account the user's", async () => {
    const { ask, campaigns, pipelines } = cachedGateway();
    expect(campaigns((await ask(KEYS.t1)).body)).toEqual(['u1-campaign', 'u2-campaign']);
    expect(campaigns((await ask(KEYS.t1User)).body)).toEqual(['u1-campaign']);
    expect(campaigns((await ask(KEYS.t1)).body)).toEqual(['u1-campaign', 'u2-campaign']);
    expect(campaigns((await ask(KEYS.t1User)).body)).toEqual(['u1-campaign']);
    expect(pipelines()).toBe(2);
  });

  it('keys entries by variables too, and stores no error', async () => {
    const { ask, pipelines } = cachedGateway();
    const query = 'query Q($from: Date) { groupedCalls(filter: { startDate: $from }) { rows { count } } }';
    expect((await ask(KEYS.t1, query, { from: '2024-03-02' })).body.data.groupedCalls.rows[0].count).toBe(1);
    expect((await ask(KEYS.t1, query, { from: '2024-03-01' })).body.data.groupedCalls.rows[0].count).toBe(2);
    expect(pipelines()).toBe(2);
    const bad = 'query Q($from: Date) { groupedCalls(filter: { startDate: $from, endDate: "2024-01-01" }) { count } }';
    expect((await ask(KEYS.t1, bad, { from: '2024-03-02' })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await ask(KEYS.t1, bad, { from: '2024-03-02' })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an unknown or revoked key even when its query is cached for others', async () => {
    const { ask } = cachedGateway();
    await ask(KEYS.t1);
    for (const key of ['key-that-does-not-exist', KEYS.revoked]) {
      const refused = await ask(key);
      expect(refused.status).toBe(401);
      expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(refused.body.data).toBeUndefined();
    }
  });

  it('runs the pipeline again once the TTL has passed', async () => {
    const { ask, pipelines } = cachedGateway(1);
    await ask(KEYS.t1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await ask(KEYS.t1);
    expect(pipelines()).toBe(2);
  });
});
