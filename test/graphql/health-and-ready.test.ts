import { describe, expect, it } from 'vitest';
import { createReadiness } from '../../src/graphql/plugins/use-readiness.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { withCircuitBreaker } from '../../src/store/decorators/index.ts';
import { call, KEYS, testKeys } from '../support/calls.ts';
import { SELECTION_WAIT_MS, flakyStore, waitFor } from '../support/flaky-store.ts';

/**
 * DESIGN 6 and 7: `/health` is "alive", `/ready` is "loaded and the store answers" and shares
 * the circuit breaker's view of the store; while the store is known to be down GraphQL answers
 * 503 SERVICE_UNAVAILABLE + Retry-After at once, and everything recovers by itself.
 */
const NOW = '2024-03-10T12:00:00.000Z';
const CALLS = [call({ tenant_id: 't1', assistant_id: 'as1', platform_number: '+1555', duration_sec: 60, started_at: '2024-03-05T10:00:00Z' })];
const QUERY = '{ callStats(search: { dayFrom: "2024-03-01", dayTo: "2024-03-10" }) { all { all } } }';
const quiet = { error: () => {}, warn: () => {}, info: () => {} };

function gatewayOver(store: Parameters<typeof createGateway>[0]['store'], extra: Partial<Parameters<typeof createGateway>[0]> = {}) {
  const yoga = createGateway({ store, now: () => new Date(NOW), logger: quiet, metrics: false, graphiql: false, breaker: { failures: 3, probeMs: 100 }, ...extra });
  const get = async (path: string) => {
    const response = await yoga.fetch(`http://dialgraph.test${path}`);
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
  };
  const query = async (key: string = KEYS.t1) => {
    const response = await yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: QUERY }),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
  };
  return { yoga, get, query };
}

describe('/health and /ready on the embedded engine', () => {
  const embedded = () => createEmbeddedStore({ calls: CALLS, apiKeys: testKeys() });

  it('/health is 200 without a key; /ready is 200 with a small JSON report', async () => {
    const { get } = gatewayOver(embedded());
    expect((await get('/health')).status).toBe(200);
    const ready = await get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.json).toEqual({ ready: true, engine: 'embedded', store: 'up' });
    expect(ready.headers.get('content-type')).toMatch(/application\/json/);
    expect(ready.headers.get('cache-control')).toBe('no-store');
  });

  it('/ready is 503 "shutting down" once draining starts; /health stays 200', async () => {
    let draining = false;
    const { get } = gatewayOver(embedded(), { draining: () => draining });
    expect((await get('/ready')).status).toBe(200);
    draining = true;
    const stopping = await get('/ready');
    expect(stopping.status).toBe(503);
    expect(stopping.json).toEqual({ ready: false, engine: 'embedded', store: 'up', reason: 'shutting down' });
    expect((await get('/health')).status).toBe(200);
  });

  it('/ready is 503 while the data is loading; /health stays 200', async () => {
    let loaded = false;
    const { get } = gatewayOver(embedded(), { loaded: () => loaded });
    expect((await get('/health')).status).toBe(200);
    const loading = await get('/ready');
    expect(loading.status).toBe(503);
    expect(loading.json).toEqual({ ready: false, engine: 'embedded', store: 'up', reason: 'the data is still loading' });
    loaded = true;
    expect((await get('/ready')).status).toBe(200);
  });
});

describe('a store that goes down and comes back (the MongoDB engine’s failure mode)', () => {
  it('answers 503 fast while down, /ready says why, and both recover by themselves', async () => {
    const { store, state } = flakyStore(createEmbeddedStore({ calls: CALLS, apiKeys: testKeys() }));
    const { get, query } = gatewayOver(store);

    const up = await query();
    expect(up.status).toBe(200);
    expect(up.body.data.callStats.all.all).toBe(1);
    expect((await get('/ready')).json).toEqual({ ready: true, engine: 'mongodb', store: 'up' });

    state.down = true;
    // Until the circuit opens, requests wait for the store (here SELECTION_WAIT_MS) and get 503.
    for (let i = 0; i < 3; i += 1) {
      const slow = await query();
      expect(slow.status).toBe(503);
      expect(slow.retryAfter).toBe('5');
      expect(slow.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(slow.body.errors[0].message).not.toMatch(/Unexpected error/);
    }
    const notReady = await get('/ready');
    expect(notReady.status).toBe(503);
    expect(notReady.json).toMatchObject({ ready: false, engine: 'mongodb' });
    expect(notReady.json.store).not.toBe('up');
    expect(notReady.json.reason).toMatch(/the store is unavailable \(circuit (open|probing)\)/);
    expect((await get('/health')).status).toBe(200);

    // Open: 30 requests get 503 + Retry-After without one reaching the store.
    const reached = state.reached;
    const started = performance.now();
    const fast = await Promise.all(Array.from({ length: 30 }, () => query()));
    const elapsed = performance.now() - started;
    for (const answer of fast) {
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe('5');
      expect(answer.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    }
    // Only the breaker's own probes may have reached the store meanwhile.
    expect(state.reached - reached).toBeLessThanOrEqual(state.pings);
    // A generous bound: 30 requests in far less than one server-selection wait each.
    expect(elapsed).toBeLessThan(30 * SELECTION_WAIT_MS);

    state.down = false;
    await waitFor(async () => (await get('/ready')).status === 200);
    const back = await query();
    expect(back.status).toBe(200);
    expect(back.body.data.callStats.all.all).toBe(1);
  });

  it('while open, GraphQL and REST requests are refused before parsing or the key lookup', async () => {
    const { store, state } = flakyStore(createEmbeddedStore({ calls: CALLS, apiKeys: testKeys() }));
    const { yoga, query } = gatewayOver(store);
    state.down = true;
    for (let i = 0; i < 3; i += 1) expect((await query()).status).toBe(503);
    const reached = state.reached;
    // No key, and a body that is not even JSON: still the outage answer, since nothing could be answered.
    const raw = await yoga.fetch('http://dialgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(raw.status).toBe(503);
    expect(((await raw.json()) as any).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    const rest = await yoga.fetch('http://dialgraph.test/analytics/calls/by-phone-number', { headers: { authorization: `Bearer ${KEYS.t1}` } });
    expect(rest.status).toBe(503);
    expect(rest.headers.get('retry-after')).toBe('5');
    expect(await rest.json()).toMatchObject({ success: false });
    expect(state.reached - reached).toBeLessThanOrEqual(state.pings);
  });

  it('/ready pings at most once a second however often it is asked', async () => {
    const { store, state } = flakyStore(createEmbeddedStore({ calls: CALLS, apiKeys: testKeys() }));
    const { get } = gatewayOver(store);
    const answers = await Promise.all(Array.from({ length: 10 }, () => get('/ready')));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    for (let i = 0; i < 5; i += 1) expect((await get('/ready')).status).toBe(200);
    expect(state.pings).toBe(1);
  });

  it('/ready does not wait for a ping longer than its bound', async () => {
    const { store } = flakyStore();
    store.ping = () => new Promise(() => {});
    const readiness = createReadiness({ health: withCircuitBreaker(store).health, engine: 'mongodb', pingWaitMs: 50 });
    const report = await readiness();
    expect(report).toEqual({ ready: false, engine: 'mongodb', store: 'up', reason: 'the store did not answer a ping within 50 ms' });
  });

  it('a failed ping is a reason, and counts towards opening the circuit', async () => {
    const { store, state } = flakyStore();
    const guarded = withCircuitBreaker(store, { failures: 2, probeMs: 60_000 });
    const readiness = createReadiness({ health: guarded.health, engine: 'mongodb', cacheMs: 0 });
    state.down = true;
    expect((await readiness()).reason).toBe('the store did not answer a ping: MongoDB is unavailable: no server could be selected in time.');
    await readiness();
    expect(guarded.health.state).toBe('down');
    expect((await readiness()).reason).toMatch(/^the store is unavailable \(circuit open\): MongoDB is unavailable/);
    await guarded.close();
  });
});
