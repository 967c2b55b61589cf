import { parse } from 'csv-parse/sync';
import { GraphQLError } from 'graphql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { keepRouteResult, withResultSink } from '../../src/rest/route-result.ts';
import { restGateway, tenantKey } from '../support/rest.ts';

/** A route reads its operation's result object from Yoga, not the JSON text of it (route-result.ts). */

const schema = createSchema({
  typeDefs: 'type Query { rows: [Int!]! refused: Int }',
  resolvers: {
    Query: {
      rows: () => [1, 2, 3],
      refused: () => {
        throw new GraphQLError('Over the rate.', { extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: { 'retry-after': '7' } } } });
      },
    },
  },
});

function post(yoga: ReturnType<typeof createYoga>, query: string, serverContext: object) {
  return yoga.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query }) }, serverContext);
}

describe('keepRouteResult', () => {
  const yoga = createYoga({ schema, plugins: [{ onResultProcess: keepRouteResult }], logging: false });

  it('hands an inner request the executed result and answers without its data', async () => {
    const inner = withResultSink({});
    const response = await post(yoga, '{ rows }', inner.serverContext);
    expect(inner.sink.result?.data).toEqual({ rows: [1, 2, 3] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: null });
  });

  it('answers the status and headers Yoga gives the same result, errors included', async () => {
    const inner = withResultSink({});
    const withSink = await post(yoga, '{ refused }', inner.serverContext);
    const plain = await post(yoga, '{ refused }', {});
    expect(inner.sink.result?.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    expect([withSink.status, withSink.headers.get('retry-after')]).toEqual([plain.status, plain.headers.get('retry-after')]);
    expect(((await withSink.json()) as any).errors).toEqual(((await plain.json()) as any).errors);
    // A request that never executed (a parse error) has no data either way, and the same status.
    const broken = withResultSink({});
    expect((await post(yoga, '{ rows', broken.serverContext)).status).toBe((await post(yoga, '{ rows', {})).status);
    expect(broken.sink.result?.data).toBeUndefined();
  });

  it('leaves a client request as it was: JSON text with the data', async () => {
    const response = await post(yoga, '{ rows }', {});
    expect(await response.json()).toEqual({ data: { rows: [1, 2, 3] } });
  });
});

describe('a route request through the gateway', () => {
  it('gets the result after every plugin (its inner answer carries no data) and writes the same CSV and JSON', async () => {
    const innerBodies: Promise<string>[] = [];
    const watch: Plugin<any> = {
      onResponse({ request, response }) {
        if (new URL(request.url).pathname === '/graphql') innerBodies.push(response.clone().text());
      },
    };
    const { rest, graphql } = restGateway({ gateway: { plugins: [watch] } });
    const body = { dayFrom: '2026-03-01', dayTo: '2026-03-31', itemsPerPage: 50 };
    const json = await rest('POST', `/api/v1/stat/calls?api-key=${tenantKey.key}`, { body, key: null });
    const csv = await rest('POST', `/api/v1/stat/calls?api-key=${tenantKey.key}&format=csv`, { body, key: null });
    expect([json.status, csv.status]).toEqual([200, 200]);
    expect(innerBodies).toHaveLength(2);
    for (const text of await Promise.all(innerBodies)) expect(JSON.parse(text)).toMatchObject({ data: null });
    // The records are the GraphQL list's, and the CSV has one row per JSON record.
    const direct = await graphql('query ($s: CallSearch!) { calls(search: $s, itemsPerPage: 50) { calls { id } } }', { s: { dayFrom: '2026-03-01', dayTo: '2026-03-31' } });
    expect(json.json.calls.map((call: { id: string }) => call.id)).toEqual(direct.calls.calls.map((call: { id: string }) => call.id));
    expect(parse(csv.text)).toHaveLength(json.json.calls.length + 1);
  });

  it('does not change a cached result: the same answer on a miss and on a hit', async () => {
    const { rest } = restGateway({ gateway: { responseCache: { ttlMs: 60_000 } } });
    const path = '/api/v1/analytics/calls?group_by=source&metrics=count,avg_duration';
    const first = await rest('GET', path);
    const second = await rest('GET', path);
    const csv = await rest('GET', `${path}&format=csv`);
    expect(first.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(csv.text.split('\r\n')[0]).toBe('source,count,avg_duration');
    expect(parse(csv.text)).toHaveLength(first.json.data.data.length + 1);
  });

  it('neither passes on the cache validators of the GraphQL answer nor lets a conditional request end in a bodiless 304', async () => {
    const innerTags: (string | null)[] = [];
    const watch: Plugin<any> = {
      onResponse({ request, response }) {
        if (new URL(request.url).pathname === '/graphql') innerTags.push(response.headers.get('etag'));
      },
    };
    const { rest } = restGateway({ gateway: { responseCache: { ttlMs: 60_000 }, plugins: [watch] } });
    const path = '/api/v1/analytics/calls?group_by=source&format=csv';
    const first = await rest('GET', path);
    expect(first.headers.get('etag')).toBeNull();
    expect(first.headers.get('last-modified')).toBeNull();
    // The inner GraphQL answer has an ETag (the response cache's); sent back, it once made the
    // inner request a 304 without a body, and the route a 500.
    const tag = innerTags[0];
    expect(tag).toBeTruthy();
    const again = await rest('GET', path, { headers: { 'if-none-match': tag!, 'if-modified-since': new Date(Date.now() + 60_000).toUTCString() } });
    expect([again.status, again.text]).toEqual([200, first.text]);
  });
});
