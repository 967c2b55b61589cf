import { describe, expect, it } from 'vitest';
import { echoValue } from '../../src/shared/echo-value.ts';
import { call, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

/** Inputs a careless client sends get a coded refusal naming the argument, never a masked error (issue 14). */
const gateway = testGateway({ calls: [call({ started_at: '2024-06-29T10:00:00Z', assistant_id: 'as1' })], now: '2024-06-30T12:00:00Z' });
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Assistant { callAnalytics { totalCalls } } } }';

function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('entity representations', () => {
  it.each<[string, unknown, string]>([
    ['an unknown __typename', { __typename: 'Nope', id: '1' }, 'is not an entity of this subgraph'],
    ['a missing __typename', { id: '1' }, '__typename must be one of Assistant, PhoneNumber, got nothing'],
    ['a bare string', 'Assistant', 'must be an object'],
    ['a number __typename', { __typename: 5, id: '1' }, 'got 5'],
    ['an inherited name as __typename', { __typename: 'toString', id: '1' }, '"toString" is not an entity'],
    ['an object id', { __typename: 'Assistant', id: { toString: 1 } }, 'id (the key of Assistant) must be a string or number'],
    ['a missing id', { __typename: 'Assistant' }, 'got nothing'],
    ['a null id', { __typename: 'Assistant', id: null }, 'got null'],
    ['an array', [{ __typename: 'Assistant', id: '1' }], 'must be an object'],
  ])('%s is BAD_USER_INPUT naming representations[1]', async (_name, bad, message) => {
    const { status, body } = await gateway.query(ENTITIES, { r: [{ __typename: 'Assistant', id: 'as1' }, bad] }, KEYS.t1);
    expect(status).toBe(200);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'representations[1]' });
    expect(body.errors?.[0].message).toContain(message);
    expect(body.errors?.[0].message.length).toBeLessThan(300);
  });

  it('an id nested 5,000 arrays deep is BAD_USER_INPUT naming representations[0]', async () => {
    // Built as text: JSON.stringify itself overflows on such a value.
    const id = `${'['.repeat(5_000)}"x"${']'.repeat(5_000)}`;
    const response = await gateway.yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.t1}` },
      body: `{"query": ${JSON.stringify(ENTITIES)}, "variables": {"r": [{"__typename": "Assistant", "id": ${id}}]}}`,
    });
    const body = (await response.json()) as { errors: { message: string; extensions: unknown }[] };
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'representations[0]' });
    expect(body.errors[0].message).toContain('must be a string or number, got [[[[');
    expect(body.errors[0].message.length).toBeLessThan(300);
  });

  it('a well-formed batch still resolves, a number id included', async () => {
    const { body } = await gateway.query(ENTITIES, { r: [{ __typename: 'Assistant', id: 'as1' }, { __typename: 'Assistant', id: 7 }] }, KEYS.t1);
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([{ callAnalytics: { totalCalls: 1 } }, { callAnalytics: { totalCalls: 0 } }]);
  });
});

describe('payload filters', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('the key %s is BAD_USER_INPUT', async (key) => {
    const { body } = await gateway.query(
      'query($p: JSONObject) { analyticsQuery(input: { queryType: CALL_COUNT, filters: { payloadFilters: $p } }) { total } }',
      // Written as JSON text so `__proto__` arrives as an own key, as it does over HTTP.
      JSON.parse(`{"p": {"${key}": "x"}}`),
      KEYS.t1,
    );
    expect(body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.filters.payloadFilters' });
    expect(body.errors?.[0].message).toContain('reserved');
  });
});

describe('deep nesting', () => {
  it.each([
    ['a list type 100,000 deep', `query($a: ${'['.repeat(100_000)}Int${']'.repeat(100_000)}) { __typename }`],
    ['a value literal 3,000 deep', `{ _entities(representations: [{ __typename: "Assistant", id: ${'['.repeat(3_000)}${']'.repeat(3_000)} }]) { __typename } }`],
  ])('%s gets a coded 400, never a masked error', async (_name, document) => {
    const { status, body } = await gateway.query(document, {}, KEYS.t1);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toMatch(/^(GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED|OPERATION_LIMIT)$/);
    expect(JSON.stringify(body)).not.toContain('Unexpected error');
  });
});

describe('messages echo at most 100 characters of a value', () => {
  it('a 10,000-character time zone', async () => {
    const { body } = await gateway.query('query($z: TimeZone) { groupedCalls(timezone: $z) { count } }', { z: 'x'.repeat(10_000) }, KEYS.t1);
    expect(body.errors?.[0].extensions?.code).toBeDefined();
    expect(body.errors?.[0].message.length).toBeLessThan(300);
  });

  it('a 1 MB value of the wrong type in a variable', async () => {
    const { status, body } = await gateway.query('query($n: Int) { groupedCalls(limit: $n) { count } }', { n: 'y'.repeat(1_000_000) }, KEYS.t1);
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toContain('yyyy');
    expect(body.errors?.[0].message.length).toBeLessThan(300);
  });

  it.each<[unknown, string]>([
    ['x'.repeat(500), `"${'x'.repeat(99)}…`],
    [nested(10_000), `${'['.repeat(100)}…`],
    [{ a: 1, b: [true, null] }, '{"a":1,"b":[true,null]}'],
    [Number.NaN, 'NaN'],
  ])('echoValue(%#)', (value, shown) => {
    expect(echoValue(value).startsWith(shown)).toBe(true);
    expect(echoValue(value).length).toBeLessThanOrEqual(102);
  });
});
