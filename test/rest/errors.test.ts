import { createSchema, createYoga } from 'graphql-yoga';
import { beforeAll, describe, expect, it } from 'vitest';
import { useRestRoutes } from '../../src/rest/use-rest-routes.ts';
import type { CallStore } from '../../src/store/call-store.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { QueryTimeoutError, StoreUnavailableError } from '../../src/store/errors.ts';
import { toApiKeyRecords } from '../../src/store/load/keys-file.ts';
import { adminKey, keys, NOW, openApiChecker, restGateway, sampleCalls, tenantKey, userKey, type RestAnswer } from '../support/rest.ts';

/**
 * Every error status of the seed routes: `{ success: false, message }` with the seed's status,
 * documented in the OpenAPI document, never a stack trace and never HTTP 200.
 */
const { rest } = restGateway();
let conforms: (method: string, path: string, answer: RestAnswer) => string[];
beforeAll(async () => {
  conforms = await openApiChecker((await rest('GET', '/openapi.json', { key: null })).json);
});

function expectError(answer: RestAnswer, status: number, message: RegExp, route?: [string, string]) {
  expect(answer.status, answer.text.slice(0, 300)).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(answer.json.success).toBe(false);
  expect(answer.json.message).toMatch(message);
  expect(answer.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  if (route) expect(conforms(route[0], route[1], answer)).toEqual([]);
}

const CALLS = '/api/v1/stat/calls';
const STATS = '/api/v1/stat/calls-detailedV2';
const days = { dayFrom: '2026-03-01', dayTo: '2026-03-02' };

describe('401 without a key or with a bad one', () => {
  it.each([
    ['GET', '/analytics/calls/by-phone-number', undefined],
    ['GET', '/admin/analytics/calls/by-phone-number', undefined],
    ['POST', '/analytics', { query_type: 'call_count' }],
    ['POST', CALLS, days],
    ['POST', STATS, { ...days, dateInterval: 'day' }],
    ['GET', '/api/v1/analytics/calls', undefined],
  ])('%s %s without a key', async (method, path, body) => {
    const answer = await rest(method, path, { body, key: null });
    expectError(answer, 401, /API key is required/, [method, path]);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('an unknown ?api-key= and a revoked key', async () => {
    expectError(await rest('POST', `${CALLS}?api-key=not-a-key`, { body: days, key: null }), 401, /not valid/, ['POST', CALLS]);
    expectError(await rest('GET', '/analytics/calls/by-phone-number', { key: 'also-not-a-key' }), 401, /not valid/);
  });

  it('?api-key= is honoured only where the seed has it', async () => {
    expect((await rest('POST', `${CALLS}?api-key=${tenantKey.key}`, { body: days, key: null })).status).toBe(200);
    expectError(await rest('GET', `/api/v1/analytics/calls?api-key=${tenantKey.key}`, { key: null }), 400, /Unknown parameter api-key/);
  });
});

describe('403 for a guarded route or a key asking beyond its user', () => {
  it('the admin route with a tenant key', async () => {
    expectError(await rest('GET', '/admin/analytics/calls/by-phone-number'), 403, /super-admin/, ['GET', '/admin/analytics/calls/by-phone-number']);
  });

  it('is 200 for the super-admin', async () => {
    expect((await rest('GET', '/admin/analytics/calls/by-phone-number', { key: adminKey.key })).status).toBe(200);
  });
});

describe('400: malformed requests, named', () => {
  it.each([
    ['GET', '/analytics/calls/by-phone-number?start=2026-01-01', undefined, /Unknown parameter start\./],
    ['GET', '/analytics/calls/by-phone-number?start_date=yesterday', undefined, /start_date is not in the expected format; got "yesterday"/],
    ['GET', '/analytics/calls/by-phone-number?start_date=2026-03-10&end_date=2026-03-01', undefined, /start_date .* is after end_date/],
    ['GET', '/admin/analytics/calls/by-phone-number?user_email=nobody', undefined, /user_email.*not a valid email/],
    ['POST', '/analytics', { query_type: 'calls_by_moon' }, /query_type must be one of "call_count"/],
    ['POST', '/analytics', { filters: {} }, /query_type is required/],
    ['POST', '/analytics', { query_type: 'call_count', filters: { colour: 'red' } }, /Unknown parameter filters\.colour/],
    ['POST', '/analytics', { query_type: 'call_count', filters: { min_duration: '10' } }, /filters\.min_duration must be integer; got "10"/],
    ['POST', '/analytics', { query_type: 'call_count', granularity: 'DAY' }, /granularity must be one of "hour"/],
    ['POST', '/analytics', '{"query_type": ', /not valid JSON/],
    ['POST', '/analytics', '[1]', /must be a JSON object/],
    ['POST', CALLS, { dayFrom: '2026-03-01' }, /dayTo is required/],
    ['POST', CALLS, { ...days, types: ['inbound'] }, /types\.0 must be one of 0, 1, 2; got "inbound"/],
    ['POST', CALLS, { ...days, states: [3] }, /states\.0 must be one of 0, 1, 2/],
    ['POST', CALLS, { ...days, sortBy: 'duration' }, /sortBy must be one of "timestamp", "talkTime", "answerTime"/],
    ['POST', CALLS, { ...days, dateInterval: 'year' }, /dateInterval must be one of "hour"/],
    ['POST', CALLS, { dayFrom: '2026-03-05', dayTo: '2026-03-01' }, /dayFrom \(2026-03-05\) is after dayTo/],
    ['POST', CALLS, { ...days, timezone: 'Mars/Olympus' }, /timezone/i],
    ['POST', STATS, days, /dateInterval is required/],
    ['POST', STATS, { ...days, dateInterval: 'DAY' }, /dateInterval must be one of "hour", "day", "week", "month"; got "DAY"/],
    ['POST', STATS, { dayFrom: '2020-01-01', dayTo: '2026-01-01', dateInterval: 'hour' }, /dayTo|bucket/i],
    ['GET', '/api/v1/analytics/calls?group_by=planet', undefined, /group_by\.0 must be one of "source"/],
    ['GET', '/api/v1/analytics/calls?group_by=source,status,date,month', undefined, /group_by/],
    ['GET', '/api/v1/analytics/calls?metrics=count,count', undefined, /metrics must NOT have duplicate items/],
    ['GET', '/api/v1/analytics/calls?limit=lots', undefined, /limit must be integer; got "lots"/],
    ['GET', '/api/v1/analytics/calls?limit=0', undefined, /limit must be >= 1/],
    ['GET', '/api/v1/analytics/calls?qualified=maybe', undefined, /qualified must be boolean/],
    ['GET', '/api/v1/analytics/calls?group_by=source&sort_by=date', undefined, /not in group_by/],
    ['GET', '/api/v1/analytics/calls?start_date=2026-03-31&end_date=2026-03-01', undefined, /start_date .*after.*end_date|end_date/],
    ['GET', '/api/v1/analytics/calls?status=source&status=date', undefined, /status is given more than once/],
    ['GET', '/api/v1/analytics/calls?format=xml', undefined, /format must be "json" or "csv"/],
  ])('%s %s %j', async (method, path, body, message) => {
    expectError(await rest(method, path, { body }), 400, message, [method, path.split('?')[0]]);
  });
});

describe('422 where seed 002 tells bad values from malformed requests', () => {
  it.each([
    [{ query_type: 'call_count', filters: { date_from: '2026-03-10', date_to: '2026-03-01' } }, /filters\.date_from .* is after filters\.date_to/],
    [{ query_type: 'call_count', filters: { sentiment_min: 5 } }, /filters\.sentiment_min must be <= 1/],
    [{ query_type: 'call_count', filters: { payload_filters: { city: { $ne: 'x' } } } }, /payload/],
    [{ query_type: 'call_count', page_size: 0 }, /page_size/],
    [{ query_type: 'calls_over_time', granularity: 'hour', filters: { date_from: '2020-01-01', date_to: '2026-01-01' } }, /bucket/i],
  ])('%j', async (body, message) => {
    expectError(await rest('POST', '/analytics', { body }), 422, message, ['POST', '/analytics']);
  });
});

describe('405 for another method', () => {
  it('names the allowed one', async () => {
    const answer = await rest('GET', '/analytics');
    expectError(answer, 405, /use POST/);
    expect(answer.headers.get('allow')).toBe('POST');
  });
});

describe('503, 504 and 500 from the store', () => {
  function failingGateway(error: () => Error) {
    const inner = createEmbeddedStore({ calls: sampleCalls, apiKeys: toApiKeyRecords(keys, NOW) });
    const store: CallStore = { ...inner, engine: inner.engine, findApiKeys: (h) => inner.findApiKeys(h), close: () => inner.close(), aggregate: async () => { throw error(); } };
    return restGateway({ store });
  }

  it('503 while the store is unavailable', async () => {
    const { rest: failing } = failingGateway(() => new StoreUnavailableError('connection refused'));
    expectError(await failing('GET', '/api/v1/analytics/calls'), 503, /unavailable/, ['GET', '/api/v1/analytics/calls']);
  });

  it('504 when the query runs over its budget', async () => {
    const { rest: failing } = failingGateway(() => new QueryTimeoutError('budget'));
    expectError(await failing('POST', `${CALLS}?api-key=${tenantKey.key}`, { body: days, key: null }), 504, /time budget/, ['POST', CALLS]);
  });

  it('500 with a request id and no details for a bug', async () => {
    const { rest: failing } = failingGateway(() => new TypeError('secret detail at /srv/app.ts:12'));
    const answer = await failing('POST', '/analytics', { body: { query_type: 'call_count' } });
    expectError(answer, 500, /^Unexpected error\.$/, ['POST', '/analytics']);
    expect(answer.json.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.text).not.toContain('secret');
  });
});

describe('statuses of edges the routes do not own (rate limits, outages) map by GraphQL error code', () => {
  /** A gateway that answers every operation with one error, as the edge plugins do. */
  function edge(code: string, status: number, headers: Record<string, string> = {}) {
    const fake = {
      graphqlEndpoint: '/graphql',
      fetch: async () => Response.json({ errors: [{ message: `refused: ${code}`, extensions: { code } }] }, { status, headers }),
    };
    const yoga = createYoga({ schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }), plugins: [useRestRoutes({ gateway: () => fake as never, logger: console })] });
    return (path: string) => yoga.fetch(`http://dialgraph.test${path}`, { headers: { authorization: `Bearer ${tenantKey.key}` } });
  }

  it.each([
    ['RATE_LIMITED', 429, 429],
    ['SERVICE_UNAVAILABLE', 503, 503],
    ['SERVICE_UNAVAILABLE', 200, 503],
    ['QUERY_TIMEOUT', 504, 504],
    ['QUERY_TIMEOUT', 200, 504],
    ['OPERATION_LIMIT', 400, 400],
    ['FORBIDDEN', 200, 403],
    ['GRAPHQL_VALIDATION_FAILED', 400, 400],
    [undefined, 200, 500],
  ])('%s (GraphQL HTTP %i) → %i, Retry-After passed on', async (code, graphqlStatus, status) => {
    const response = await edge(code as string, graphqlStatus, { 'retry-after': '7' })('/api/v1/analytics/calls');
    expect(response.status).toBe(status);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({ success: false, message: `refused: ${code}` });
  });
});

describe('403 for a user-bound key asking beyond its user', () => {
  it('allUsers on the dialer list names the argument', async () => {
    const answer = await rest('POST', `${CALLS}?api-key=${userKey.key}`, { body: { ...days, allUsers: true }, key: null });
    expectError(answer, 403, /allUsers/, ['POST', CALLS]);
  });
});
