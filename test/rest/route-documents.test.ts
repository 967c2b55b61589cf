import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readTrustedDocuments } from '../../src/graphql/plugins/use-trusted-documents.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { restRouteDocuments } from '../../src/rest/route-documents.ts';
import { REST_ROUTES } from '../../src/rest/routes.ts';
import { adminKey, restGateway, tenantKey } from '../support/rest.ts';

/** One request per route, each expected to answer 200 without the seed's failure envelope. */
const CALLS: Array<{ method: string; path: string; body?: unknown; key?: string | null }> = [
  { method: 'GET', path: '/analytics/calls/by-phone-number' },
  { method: 'GET', path: '/admin/analytics/calls/by-phone-number', key: adminKey.key },
  { method: 'POST', path: '/analytics', body: { query_type: 'call_count' } },
  { method: 'POST', path: `/api/v1/stat/calls?api-key=${tenantKey.key}`, body: { dayFrom: '2026-03-01', dayTo: '2026-03-31', itemsPerPage: 5 }, key: null },
  { method: 'POST', path: `/api/v1/stat/calls-detailedV2?api-key=${tenantKey.key}`, body: { dayFrom: '2026-03-30', dayTo: '2026-03-31', dateInterval: 'day' }, key: null },
  { method: 'GET', path: '/api/v1/analytics/calls?group_by=source' },
];

describe('the routes send their documents by id', () => {
  it('covers every route of the table', () => {
    expect(new Set(CALLS.map((call) => call.path.split('?')[0]))).toEqual(new Set(REST_ROUTES.map((route) => route.path)));
    expect(Object.keys(restRouteDocuments())).toHaveLength(REST_ROUTES.length);
  });

  it('so every route works while the gateway runs only trusted documents, which stay locked for clients', async () => {
    // The examples' manifest, which knows none of the routes' documents.
    const trustedDocuments = await readTrustedDocuments('test/generated/persisted-documents.json');
    const { rest, yoga } = restGateway({ gateway: { trustedDocuments } });
    for (const call of CALLS) {
      const answer = await rest(call.method, call.path, { body: call.body, key: call.key });
      expect([call.path, answer.status, answer.json?.success === false]).toEqual([call.path, 200, false]);
    }
    // A client still cannot send text, nor run a route's document by its id with other fields.
    const text = await yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tenantKey.key}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(((await text.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
  });

  it('and with automatic persisted queries (the default) a client cannot replace a route document under its id', async () => {
    const { rest, yoga } = restGateway();
    const [id] = Object.keys(restRouteDocuments());
    const hijack = await yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tenantKey.key}` },
      body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
    });
    // The APQ plugin checks the hash of the text it is given: a mismatch is refused.
    expect(((await hijack.json()) as any).errors?.[0]?.message).toMatch(/mismatch/i);
    for (const call of CALLS) {
      const answer = await rest(call.method, call.path, { body: call.body, key: call.key });
      expect([call.path, answer.status]).toEqual([call.path, 200]);
    }
  });
});

describe('access log of a route request', () => {
  it('is one line: the route path with its operation, tenant, status and cost', async () => {
    const lines: Record<string, any>[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const { rest } = restGateway({ gateway: { accessLog: createLogger({ level: 'info', destination }) } });
    const answer = await rest('GET', '/api/v1/analytics/calls?group_by=source');
    expect(answer.status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/analytics/calls', tenant: tenantKey.tenant_id, status: 200 });
    expect(requests[0].operationName).toBeTruthy();
    expect(requests[0].cost).toBeDefined();
    expect(JSON.stringify(requests[0])).not.toContain(tenantKey.key);
  });
});

// The manifest the trusted-documents test reads is codegen output; a missing file is a setup error.
readFileSync('test/generated/persisted-documents.json');
