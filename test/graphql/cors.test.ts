import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/graphql/yoga.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { call, KEYS, testKeys } from '../support/calls.ts';

/**
 * CORS (issue 14, `--cors-origins`): by default any origin may read answers but none gets
 * credentials; with an allowlist only a listed origin gets CORS headers (with credentials), the
 * preflight works for it, and every other origin gets no CORS header at all.
 */
const APP = 'https://app.example.com';
const EVIL = 'https://evil.example';
const QUERY = JSON.stringify({ query: '{ callStats(search: { dayFrom: "2024-03-01", dayTo: "2024-03-10" }) { all { all } } }' });

function gateway(corsOrigins?: string[]) {
  const yoga = createGateway({
    store: createEmbeddedStore({ calls: [call({ tenant_id: 't1', started_at: '2024-03-05T10:00:00Z' })], apiKeys: testKeys() }),
    now: () => new Date('2024-03-10T12:00:00Z'),
    graphiql: false,
    metrics: false,
    corsOrigins,
  });
  const preflight = (origin: string) =>
    yoga.fetch('http://dialgraph.test/graphql', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
  const post = (origin: string) =>
    yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', authorization: `Bearer ${KEYS.t1}` },
      body: QUERY,
    });
  return { preflight, post };
}

const corsHeaders = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')));

describe('CORS with an allowlist', () => {
  const { preflight, post } = gateway([APP, 'https://admin.example.com']);

  it('a listed origin gets its own origin back, with credentials, on the preflight and the answer', async () => {
    const options = await preflight(APP);
    expect(options.status).toBe(204);
    expect(corsHeaders(options)).toMatchObject({
      'access-control-allow-origin': APP,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST',
    });
    expect(options.headers.get('access-control-allow-headers')).toContain('authorization');
    const answer = await post(APP);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as any).data.callStats.all.all).toBe(1);
    expect(corsHeaders(answer)).toMatchObject({ 'access-control-allow-origin': APP, 'access-control-allow-credentials': 'true' });
    expect(answer.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(answer.headers.get('vary')).toMatch(/Origin/);
  });

  it('an origin not on the list gets no CORS header at all, preflight or answer', async () => {
    const options = await preflight(EVIL);
    expect(corsHeaders(options)).toEqual({});
    const answer = await post(EVIL);
    expect(corsHeaders(answer)).toEqual({});
    // Caches must not hand the listed origin's headers to it, nor the other way round.
    expect(answer.headers.get('vary')).toMatch(/Origin/);
  });
});

describe('CORS by default (no list)', () => {
  const { preflight, post } = gateway();

  it('any origin may read, no origin is granted credentials', async () => {
    for (const origin of [APP, EVIL]) {
      const options = await preflight(origin);
      expect(options.status).toBe(204);
      expect(options.headers.get('access-control-allow-origin')).toBe(origin);
      expect(options.headers.get('access-control-allow-credentials')).toBeNull();
      const answer = await post(origin);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      expect(answer.headers.get('vary')).toMatch(/Origin/);
    }
  });
});
