import { describe, expect, it } from 'vitest';
import { readTrustedDocuments } from '../../src/graphql/plugins/use-trusted-documents.ts';
import { createGateway, type GatewayOptions } from '../../src/graphql/yoga.ts';
import type { CallStore } from '../../src/store/call-store.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { QueryTimeoutError } from '../../src/store/errors.ts';
import { calls, KEYS, testKeys } from '../support/calls.ts';

/**
 * Every limit that refuses a request counts it on /metrics as `dialgraph_refusals_total{reason}`
 * (one per refused request). The registry is the process's, so each case compares the counter
 * before and after its own request.
 */
const NOW = new Date('2026-01-15T12:00:00Z');
const DOCS = [...calls(3, { started_at: '2026-01-05T00:00:00Z' }), ...calls(2, { tenant_id: 't2', started_at: '2026-01-05T00:00:00Z' })];
const CHEAP = '{ groupedCalls { totals { count } } }';
const MANIFEST = new URL('../generated/persisted-documents.json', import.meta.url).pathname;

function gateway(options: Partial<GatewayOptions> = {}) {
  const yoga = createGateway({
    store: createEmbeddedStore({ calls: DOCS, apiKeys: testKeys() }),
    now: () => NOW,
    graphiql: false,
    logger: { error: () => {}, warn: () => {}, info: () => {} },
    ...options,
  });
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.t1}`, ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] } };
  };
  /** The refusal counter for `reason`, read from /metrics as a scraper would. */
  const refusals = async (reason: string): Promise<number> => {
    const text = await (await yoga.fetch('http://dialgraph.test/metrics')).text();
    const line = text.split('\n').find((one) => one.startsWith(`dialgraph_refusals_total{reason="${reason}"}`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };
  return { yoga, post, refusals };
}

/** Runs `request` and answers how much the `reason` counter grew and what status came back. */
async function counted(g: ReturnType<typeof gateway>, reason: string, request: () => Promise<{ status: number }>) {
  const before = await g.refusals(reason);
  const { status } = await request();
  return { status, added: (await g.refusals(reason)) - before };
}

describe('refusals on /metrics, by reason', () => {
  it('operation_limit: once per refused document, however many shape limits it breaks', async () => {
    const g = gateway({ operationLimits: { aliases: 2, depth: 2 } });
    const aliases = Array.from({ length: 3 }, (_, i) => `a${i}: groupedCalls { totals { count } }`).join(' ');
    expect(await counted(g, 'operation_limit', () => g.post({ query: `{ ${aliases} }` }))).toEqual({ status: 400, added: 1 });
    const g2 = gateway({ operationLimits: { tokens: 5 } });
    expect(await counted(g2, 'operation_limit', () => g2.post({ query: CHEAP }))).toEqual({ status: 400, added: 1 });
    // An allowed operation counts nothing.
    expect(await counted(gateway(), 'operation_limit', () => gateway().post({ query: CHEAP }))).toEqual({ status: 200, added: 0 });
  });

  it('cost: an operation over the budget', async () => {
    const g = gateway({ costBudget: 5 });
    expect(await counted(g, 'cost', () => g.post({ query: CHEAP }))).toEqual({ status: 400, added: 1 });
  });

  it('rate_limit: a key past its token bucket', async () => {
    const g = gateway({ rateLimit: { perSecond: 0.001, burst: 1, now: () => 0 } });
    expect((await g.post({ query: CHEAP })).status).toBe(200);
    expect(await counted(g, 'rate_limit', () => g.post({ query: CHEAP }))).toEqual({ status: 429, added: 1 });
  });

  it('concurrency: a tenant past its operations in flight and its queue', async () => {
    const inner = createEmbeddedStore({ calls: DOCS, apiKeys: testKeys() });
    const gates: (() => void)[] = [];
    const held: CallStore = {
      ...inner,
      aggregate: async (pipeline, options) => {
        await new Promise<void>((resolve) => gates.push(resolve));
        return inner.aggregate(pipeline, options);
      },
    };
    const g = gateway({ store: held, tenantConcurrency: { inFlight: 1, queue: 0 } });
    const first = g.post({ query: CHEAP });
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(await counted(g, 'concurrency', () => g.post({ query: CHEAP }))).toEqual({ status: 429, added: 1 });
    gates.shift()!();
    expect((await first).status).toBe(200);
  });

  it('timeout: a response whose pipeline ran over its time budget', async () => {
    const inner = createEmbeddedStore({ calls: DOCS, apiKeys: testKeys() });
    const slow: CallStore = { ...inner, aggregate: async () => Promise.reject(new QueryTimeoutError('over budget')) };
    const g = gateway({ store: slow });
    expect(await counted(g, 'timeout', () => g.post({ query: CHEAP }))).toEqual({ status: 504, added: 1 });
  });

  it('trusted_documents: a document sent as text to a gateway locked to its manifest', async () => {
    const g = gateway({ trustedDocuments: await readTrustedDocuments(MANIFEST) });
    expect(await counted(g, 'trusted_documents', () => g.post({ query: CHEAP }))).toEqual({ status: 400, added: 1 });
    const unknown = { extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } };
    expect(await counted(g, 'trusted_documents', () => g.post(unknown))).toEqual({ status: 400, added: 1 });
  });

  it('body_size: a declared body over the limit', async () => {
    const g = gateway();
    const before = await g.refusals('body_size');
    const response = await g.yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '999999999', authorization: `Bearer ${KEYS.t1}` },
      body: JSON.stringify({ query: CHEAP }),
    });
    expect(response.status).toBe(413);
    expect((await g.refusals('body_size')) - before).toBe(1);
  });
});
