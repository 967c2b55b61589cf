import { auditServer, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';
import { listenOnLoopback, type LoopbackServer } from '../support/subgraphs.ts';

/**
 * GraphQL-over-HTTP conformance of the served endpoint, audited over real HTTP on 127.0.0.1.
 * `auditServer` cannot take headers, so its fetch is wrapped to send a valid API key: without
 * one every request is (rightly) a 401 and the audit would measure the auth layer instead.
 */
describe('GraphQL over HTTP (graphql-http audit)', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    const { yoga } = testGateway({ calls: [call({ started_at: '2024-06-10T09:00:00Z' })], now: '2024-06-30T12:00:00Z' });
    server = await listenOnLoopback(yoga);
  });
  afterAll(() => server?.close());

  it('passes every required audit (no error-level result)', async () => {
    const withKey: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${KEYS.t1}`);
      return fetch(input, { ...init, headers });
    };
    const results: AuditResult[] = await auditServer({ url: server.url, fetchFn: withKey });
    const failures = results.filter((r) => r.status !== 'ok');
    const warnings = failures.filter((r) => r.status === 'warn');
    console.info(
      `graphql-http audit: ${results.length - failures.length}/${results.length} ok, ${warnings.length} warnings` +
        warnings.map((w) => `\n  warn ${w.id} ${w.name}`).join(''),
    );
    const errors = failures.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(errors).toEqual([]);
  });
});
