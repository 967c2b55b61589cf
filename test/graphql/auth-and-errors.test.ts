import { describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/contract/hash-api-key.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { QueryTimeoutError, StoreUnavailableError } from '../../src/store/errors.ts';
import type { CallStore } from '../../src/store/call-store.ts';
import { call, KEYS, testKeys } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

const NOW = '2024-06-30T12:00:00.000Z';
const QUERY = '{ callsByPhoneNumber { phoneNumber totalCalls } }';

describe('API keys', () => {
  it('are stored and looked up as their SHA-256 hex (changing it would lock out every stored key)', () => {
    // FIPS 180-2 test vectors.
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashApiKey('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  const gateway = testGateway({ calls: [call({ started_at: '2024-06-29T10:00:00Z', platform_number: '+1555' })], now: NOW });

  it.each([
    ['no key', null, 'An API key is required'],
    ['an unknown key', 'not-a-key', 'not valid'],
    ['a revoked key', KEYS.revoked, 'revoked'],
  ])('answers %s with HTTP 401 UNAUTHENTICATED', async (_name, key, message) => {
    const { status, body } = await gateway.query(QUERY, {}, key);
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0].message).toContain(message);
  });

  it('answers a malformed Authorization header with 401', async () => {
    const response = await gateway.yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(response.status).toBe(401);
  });

  it('accepts a valid key', async () => {
    const { status, body } = await gateway.query(QUERY, {}, KEYS.t1);
    expect(status).toBe(200);
    expect(body.data?.callsByPhoneNumber).toEqual([{ phoneNumber: '+1555', totalCalls: 1 }]);
  });

  it('serves the GraphiQL page without a key, with no CDN scripts (works offline)', async () => {
    const response = await gateway.yoga.fetch('http://dialgraph.test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>dialgraph</title>');
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|esm\.sh/);
  });

  it('pre-fills GraphiQL with the demo key and the example operations', async () => {
    const yoga = createGateway({
      store: createEmbeddedStore({ calls: [], apiKeys: testKeys() }),
      graphiql: { apiKey: 'demo-key-123', defaultQuery: 'query Example { callsByPhoneNumber { phoneNumber } }' },
    });
    const html = await (await yoga.fetch('http://dialgraph.test/graphql', { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('Bearer demo-key-123');
    expect(html).toContain('query Example');
  });
});

describe('error mapping', () => {
  function failingGateway(error: Error) {
    const inner = createEmbeddedStore({ calls: [], apiKeys: testKeys() });
    const store: CallStore = { ...inner, engine: 'embedded', findApiKeys: (h) => inner.findApiKeys(h), close: async () => {}, aggregate: async () => { throw error; } };
    const logged: unknown[][] = [];
    const yoga = createGateway({ store, logger: { error: (...a: unknown[]) => logged.push(a), warn: () => {}, info: () => {} } });
    const run = async () => {
      const response = await yoga.fetch('http://dialgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.t1}` },
        body: JSON.stringify({ query: QUERY }),
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    return { run, logged };
  }

  it('masks an unexpected error with a request id and logs the details', async () => {
    const { run, logged } = failingGateway(new Error('secret connection string mongodb://u:p@host'));
    const { body } = await run();
    expect(body.errors[0].message).toBe('Unexpected error.');
    expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const requestId = body.errors[0].extensions.requestId;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(String(logged[0][0])).toContain(requestId);
    expect(String((logged[0][1] as Error).message)).toContain('secret');
  });

  it.each([
    [new StoreUnavailableError('connect ECONNREFUSED'), 'SERVICE_UNAVAILABLE'],
    [new QueryTimeoutError('operation exceeded time limit'), 'QUERY_TIMEOUT'],
  ])('maps %s to %s and keeps serving', async (error, code) => {
    const { run } = failingGateway(error);
    const first = await run();
    expect(first.body.errors[0].extensions.code).toBe(code);
    const second = await run();
    expect(second.body.errors[0].extensions.code).toBe(code);
  });
});
