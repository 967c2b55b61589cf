import { describe, expect, it } from 'vitest';
import { useRateLimit } from '../../src/graphql/plugins/use-rate-limit.ts';
import { useTenantConcurrency } from '../../src/graphql/plugins/use-tenant-concurrency.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import type { CallStore } from '../../src/store/call-store.ts';
import { calls, KEYS, testKeys } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

/** Per-key token bucket and per-tenant in-flight cap: HTTP 429 RATE_LIMITED with Retry-After. */
const NOW = '2026-01-15T12:00:00Z';
const DOCS = [...calls(3, { started_at: '2026-01-05T00:00:00Z' }), ...calls(2, { tenant_id: 't2', started_at: '2026-01-05T00:00:00Z' })];

async function post(yoga: ReturnType<typeof testGateway>['yoga'], key: string, query = '{ groupedCalls { totals { count } } }') {
  const response = await yoga.fetch('http://dialgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[]; data?: unknown } };
}

describe('per-key token bucket', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a key has spent its burst, and refills over time', async () => {
    let clock = 0;
    const g = testGateway({ calls: DOCS, now: NOW, plugins: [useRateLimit({ perSecond: 2, burst: 3, now: () => clock })] });
    for (let i = 0; i < 3; i++) expect((await post(g.yoga, KEYS.t1)).status).toBe(200);
    const refused = await post(g.yoga, KEYS.t1);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 });
    // Another key has its own bucket.
    expect((await post(g.yoga, KEYS.t2)).status).toBe(200);
    clock += 500; // one token back
    expect((await post(g.yoga, KEYS.t1)).status).toBe(200);
    expect((await post(g.yoga, KEYS.t1)).status).toBe(429);
  });
});

describe('per-tenant operations in flight', () => {
  it('queues a tenant past its cap, refuses past the queue with 429, and lets other tenants through', async () => {
    const inner = createEmbeddedStore({ calls: DOCS, apiKeys: testKeys() });
    const gates: (() => void)[] = [];
    const held: CallStore = {
      ...inner,
      engine: 'embedded',
      // Pipelines of tenant t1 wait until the test opens their gate.
      aggregate: async (pipeline, options) => {
        if (JSON.stringify(pipeline).includes('"t1"')) await new Promise<void>((resolve) => gates.push(resolve));
        return inner.aggregate(pipeline, options);
      },
      findApiKeys: (hashes) => inner.findApiKeys(hashes),
      close: async () => {},
    };
    const g = testGateway({ calls: [], now: NOW, store: held, plugins: [useTenantConcurrency({ inFlight: 1, queue: 1 })] });
    const first = post(g.yoga, KEYS.t1);
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const queued = post(g.yoga, KEYS.t1);
    const refused = await post(g.yoga, KEYS.t1);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // Tenant t2 is not held up by t1's queue.
    const other = await post(g.yoga, KEYS.t2);
    expect(other.status).toBe(200);
    expect(gates).toHaveLength(1); // the queued t1 operation has not started its pipeline
    gates.shift()!();
    expect((await first).status).toBe(200);
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    gates.shift()!();
    expect((await queued).status).toBe(200);
  });
});

describe('time in the tenant queue counts against the time budget', () => {
  /** A store whose t1 pipelines wait for the test to open their gate; it records each pipeline's budget. */
  function heldStore() {
    const inner = createEmbeddedStore({ calls: DOCS, apiKeys: testKeys() });
    const gates: (() => void)[] = [];
    const budgets: (number | undefined)[] = [];
    const store: CallStore = {
      ...inner,
      engine: 'embedded',
      aggregate: async (pipeline, options) => {
        budgets.push(options?.maxTimeMS);
        if (JSON.stringify(pipeline).includes('"t1"')) await new Promise<void>((resolve) => gates.push(resolve));
        return inner.aggregate(pipeline, options);
      },
      findApiKeys: (hashes) => inner.findApiKeys(hashes),
      close: async () => {},
    };
    return { store, gates, budgets };
  }
  const started = async (gates: unknown[], n: number) => {
    while (gates.length < n) await new Promise((resolve) => setImmediate(resolve));
  };

  it('answers 429 (Retry-After) to an operation still queued when its budget is spent, while the one holding the slot runs on', async () => {
    const { store, gates } = heldStore();
    const g = testGateway({ calls: [], now: NOW, store, config: { maxTimeMS: 30 }, plugins: [useTenantConcurrency({ inFlight: 1, queue: 4 })] });
    let firstDone = false;
    const first = post(g.yoga, KEYS.t1).then((answer) => ((firstDone = true), answer));
    await started(gates, 1);
    const queued = await post(g.yoga, KEYS.t1);
    expect(firstDone).toBe(false); // an ordering: the queued one gave up while the slot was still held
    expect(queued.status).toBe(429);
    expect(queued.retryAfter).toBe('1');
    expect(queued.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(gates).toHaveLength(1); // it ran no pipeline
    gates.shift()!();
    expect((await first).status).toBe(200);
    // The slot was not leaked to the operation that left: the next one runs at once.
    const next = post(g.yoga, KEYS.t1);
    await started(gates, 1);
    gates.shift()!();
    expect((await next).status).toBe(200);
  });

  it('shortens the budget of the pipelines of an operation that waited for its slot', async () => {
    const { store, gates, budgets } = heldStore();
    const executing: unknown[] = [];
    const g = testGateway({
      calls: [],
      now: NOW,
      store,
      config: { maxTimeMS: 60_000 },
      // Marks each operation as it reaches the tenant queue (the next plugin's onExecute).
      plugins: [{ onExecute: () => void executing.push(1) }, useTenantConcurrency({ inFlight: 1, queue: 4 })],
    });
    const first = post(g.yoga, KEYS.t1);
    await started(gates, 1);
    const queued = post(g.yoga, KEYS.t1);
    await started(executing, 2);
    await new Promise((resolve) => setTimeout(resolve, 25)); // the queued operation waits at least this long
    gates.shift()!();
    expect((await first).status).toBe(200);
    await started(gates, 1);
    gates.shift()!();
    expect((await queued).status).toBe(200);
    expect(budgets[0]).toBe(60_000); // no wait: the whole budget
    expect(budgets[1]).toBeGreaterThan(0);
    expect(budgets[1]).toBeLessThanOrEqual(60_000 - 25);
  });
});
