import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/graphql/yoga.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { metricsRegistry } from '../../src/observability/metrics.ts';
import type { CallStore } from '../../src/store/call-store.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { call, KEYS, testKeys } from '../support/calls.ts';

const NOW = new Date('2024-03-15T12:00:00.000Z');
const CALLS = [
  call({ utm_campaign: 'spring', started_at: '2024-03-01T10:00:00Z' }),
  call({ utm_campaign: 'brand', started_at: '2024-03-02T10:00:00Z' }),
  call({ tenant_id: 't2', utm_campaign: 'tenant-two-secret-campaign', started_at: '2024-03-02T10:00:00Z' }),
];
const CAMPAIGNS = 'query Campaigns($from: Date) { groupedCalls(groupBy: [UTM_CAMPAIGN], filter: { startDate: $from }) { rows { utmCampaign count } } }';

function gateway(options: { store?: CallStore } = {}) {
  const lines: Record<string, any>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const log = createLogger({ level: 'info', destination });
  const logged: unknown[][] = [];
  const yoga = createGateway({
    store: options.store ?? createEmbeddedStore({ calls: CALLS, apiKeys: testKeys() }),
    now: () => NOW,
    graphiql: false,
    accessLog: log,
    logger: { error: (...args: unknown[]) => logged.push(args), warn: () => {}, info: () => {} },
  });
  async function post(body: unknown, headers: Record<string, string> = {}) {
    const response = await yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.t1}`, ...headers },
      body: JSON.stringify(body),
    });
    return { response, body: (await response.json()) as any };
  }
  return { yoga, post, lines, logged };
}

describe('request ids (DESIGN 7)', () => {
  it('returns an incoming x-request-id, and makes one when none or a bad one arrives', async () => {
    const { post } = gateway();
    const given = await post({ query: '{ __typename }' }, { 'x-request-id': 'lb-7f3a.91:2' });
    expect(given.response.headers.get('x-request-id')).toBe('lb-7f3a.91:2');
    const made = await post({ query: '{ __typename }' });
    expect(made.response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    for (const bad of ['has space', 'x'.repeat(129), 'quote"d']) {
      const replaced = await post({ query: '{ __typename }' }, { 'x-request-id': bad });
      expect(replaced.response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('gives a masked error the request id of its response and logs the details under it', async () => {
    const inner = createEmbeddedStore({ calls: CALLS, apiKeys: testKeys() });
    const store: CallStore = { ...inner, aggregate: async () => { throw new Error('secret detail'); } };
    const { post, logged } = gateway({ store });
    const { response, body } = await post({ query: CAMPAIGNS }, { 'x-request-id': 'req-42' });
    expect(body.errors[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' } });
    expect(response.headers.get('x-request-id')).toBe('req-42');
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(String(logged[0][0])).toContain('req-42');
    expect((logged[0][1] as Error).message).toBe('secret detail');
  });

  it('answers the x-request-id on a refused request too (401)', async () => {
    const { post } = gateway();
    const { response } = await post({ query: '{ __typename }' }, { authorization: 'Bearer nope', 'x-request-id': 'r-401' });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe('r-401');
  });
});

describe('access log (DESIGN 7)', () => {
  it('writes one JSON line per request with id, operation, tenant, status, duration and codes; never the key or values', async () => {
    const { post, lines } = gateway();
    await post({ query: CAMPAIGNS, variables: { from: '2024-03-01' }, operationName: 'Campaigns' }, { 'x-request-id': 'req-1' });
    await post({ query: '{ groupedCalls(groupBy: [NOPE]) { count } }' }, { 'x-request-id': 'req-2' });
    await post({ query: 'query Ping { __typename }' }, { authorization: `Bearer ${KEYS.t1User}`, 'x-request-id': 'req-3' });
    const access = lines.filter((line) => line.msg === 'request');
    expect(access).toHaveLength(3);
    expect(access[0]).toMatchObject({ level: 30, requestId: 'req-1', method: 'POST', path: '/graphql', operationName: 'Campaigns', tenant: 't1', status: 200, pipelines: 1 });
    expect(typeof access[0].storeMs).toBe('number');
    expect(typeof access[0].durationMs).toBe('number');
    expect(access[0].errorCodes).toBeUndefined();
    expect(access[1]).toMatchObject({ requestId: 'req-2', status: 400, errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(access[2]).toMatchObject({ requestId: 'req-3', operationName: 'Ping', tenant: 't1', user: 'u1' });
    const text = JSON.stringify(lines);
    expect(text).not.toContain(KEYS.t1);
    expect(text).not.toContain('2024-03-01');
    expect(text).not.toContain('groupedCalls');
  });

  it('logs the 401 of an unknown key without the key', async () => {
    const { post, lines } = gateway();
    await post({ query: '{ __typename }' }, { authorization: 'Bearer key-that-does-not-exist' });
    const [line] = lines.filter((l) => l.msg === 'request');
    expect(line).toMatchObject({ status: 401, errorCodes: ['UNAUTHENTICATED'] });
    expect(line.tenant).toBeUndefined();
    expect(JSON.stringify(lines)).not.toContain('key-that-does-not-exist');
  });
});

describe('/metrics', () => {
  const value = async (name: string, labels: Record<string, string>) => {
    const base = name.replace(/_count$/, '');
    const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === base);
    const match = metric?.values.find(
      (v) => ((v as { metricName?: string }).metricName ?? base) === name && Object.entries(labels).every(([k, l]) => String((v.labels as Record<string, unknown>)[k]) === l),
    );
    return match?.value ?? 0;
  };

  it('counts operations by name and family, pipeline time by engine and family, errors by code', async () => {
    const { yoga, post } = gateway();
    const before = {
      requests: await value('graphql_envelop_request', { operationName: 'Campaigns', family: 'groupedCalls' }),
      pipelines: await value('dialgraph_pipeline_duration_seconds_count', { engine: 'embedded', family: 'groupedCalls', outcome: 'ok' }),
      rows: await value('dialgraph_pipeline_rows_total', { engine: 'embedded', family: 'groupedCalls' }),
      unauthenticated: await value('dialgraph_graphql_errors_total', { code: 'UNAUTHENTICATED' }),
    };
    const { body } = await post({ query: CAMPAIGNS, operationName: 'Campaigns' });
    expect(body.data.groupedCalls.rows).toHaveLength(2);
    await post({ query: '{ __typename }' }, { authorization: 'Bearer wrong-key' });
    expect(await value('graphql_envelop_request', { operationName: 'Campaigns', family: 'groupedCalls' })).toBe(before.requests + 1);
    expect(await value('dialgraph_pipeline_duration_seconds_count', { engine: 'embedded', family: 'groupedCalls', outcome: 'ok' })).toBe(before.pipelines + 1);
    // groupedCalls' pipeline answers one document (its groups and total in one $facet).
    expect(await value('dialgraph_pipeline_rows_total', { engine: 'embedded', family: 'groupedCalls' })).toBe(before.rows + 1);
    expect(await value('dialgraph_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(before.unauthenticated + 1);
    expect(await value('dialgraph_pipelines_in_flight', { engine: 'embedded' })).toBe(0);

    const response = await yoga.fetch('http://dialgraph.test/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/^graphql_envelop_request_duration_bucket\{.*operationName="Campaigns".*family="groupedCalls".*\} \d+$/m);
    expect(text).toMatch(/^dialgraph_pipeline_duration_seconds_bucket\{le="0.001",engine="embedded",family="groupedCalls",outcome="ok"\} \d+$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toContain('dialgraph_refusals_total');
    expect(text).toContain('dialgraph_response_cache_lookups_total');
    // No tenant id, key or argument value is a label.
    expect(text).not.toMatch(/t1"|tenant|key-tenant|UTM_CAMPAIGN/);
  });

  it('labels an anonymous operation with its own field families', async () => {
    const { post } = gateway();
    const labels = { operationName: 'Anonymous', operationType: 'query', family: 'groupedCalls' };
    const before = await value('graphql_envelop_request', labels);
    const durations = await value('graphql_envelop_request_duration_count', labels);
    const { body } = await post({ query: '{ groupedCalls(groupBy: [UTM_CAMPAIGN]) { rows { utmCampaign count } } }' });
    expect(body.errors).toBeUndefined();
    expect(await value('graphql_envelop_request', labels)).toBe(before + 1);
    expect(await value('graphql_envelop_request_duration_count', labels)).toBe(durations + 1);
  });

  it('labels every operation of one document by its own name, past the labels it keeps per document', async () => {
    const { post } = gateway();
    const names = Array.from({ length: 20 }, (_, i) => `ManyOps${i}`);
    const document = names.map((name) => `query ${name} { __typename }`).join(' ');
    const labels = (name: string) => ({ operationName: name, operationType: 'query', family: 'none' });
    const before = await Promise.all(names.map((name) => value('graphql_envelop_request', labels(name))));
    for (const name of names) expect((await post({ query: document, operationName: name })).body.errors).toBeUndefined();
    const after = await Promise.all(names.map((name) => value('graphql_envelop_request', labels(name))));
    expect(after).toEqual(before.map((count) => count + 1));
  });

  it('times GraphQL HTTP requests by method and status once their document parsed', async () => {
    const { post } = gateway();
    const count = (statusCode: string) => value('graphql_yoga_http_duration_count', { method: 'POST', statusCode });
    const [ok, unauthenticated, badRequest] = [await count('200'), await count('401'), await count('400')];
    await post({ query: '{ __typename }' });
    await post({ query: '{ __typename }' }, { authorization: 'Bearer wrong-key' });
    // A document that does not parse is not a GraphQL operation: no HTTP time is recorded.
    await post({ query: '{ __typename' });
    expect(await count('200')).toBe(ok + 1);
    expect(await count('401')).toBe(unauthenticated + 1);
    expect(await count('400')).toBe(badRequest);
  });

  it('keeps operation names bounded: past the limit they count as _other', async () => {
    const yoga = createGateway({ store: createEmbeddedStore({ calls: [], apiKeys: testKeys() }), graphiql: false, metrics: { maxOperationNames: 2 } });
    for (const name of ['OpA', 'OpB', 'OpC', 'OpD']) {
      await yoga.fetch('http://dialgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.t1}` },
        body: JSON.stringify({ query: `query ${name} { __typename }` }),
      });
    }
    const text = await metricsRegistry.metrics();
    expect(text).toMatch(/graphql_envelop_request\{operationName="OpA"/);
    expect(text).toMatch(/graphql_envelop_request\{operationName="OpB"/);
    expect(text).not.toMatch(/operationName="OpC"/);
    expect(text).toMatch(/graphql_envelop_request\{operationName="_other",operationType="query",family="none"\} [1-9]/);
  });
});
