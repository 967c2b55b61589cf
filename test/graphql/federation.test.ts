import { isObjectType, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  entityAnalyticsQuery,
  NO_CALLS,
  shapeEntityAnalytics,
  shapeEntityAnalyticsRow,
  type EntityAnalyticsRow,
} from '../../src/analytics/families/entity-analytics.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { Principal } from '../../src/contract/principal.ts';
import { buildSchema } from '../../src/graphql/schema.ts';
import { buildSubgraphSchema, printSubgraphSdl } from '../../src/graphql/subgraph.ts';
import { KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';
import { A1, A2, ANALYTICS_FIELDS, ENTITY_CALLS, NOW, NUMBER_200, ZEROS } from '../support/subgraphs.ts';

const principal: Principal = { tenantId: 't1', userEmail: 'owner@t1.example', role: 'user' };
const LAST_30_DAYS = { $gte: new Date('2024-05-31T12:00:00.000Z'), $lte: new Date(NOW) };
const GROUP = {
  calls: { $sum: 1 },
  durationSum: { $sum: '$duration_sec' },
  answeredCount: { $sum: { $cond: [{ $eq: ['$status', 'completed'] }, 1, 0] } },
  lastCallAt: { $max: '$started_at' },
};

describe('entity analytics compile through the query core', () => {
  it.each([
    {
      name: 'assistants: tenant + range first, the keys as one $in (deduped, sorted), one group per key',
      entity: 'ASSISTANT' as const,
      keys: ['a2', 'a1', 'a2'],
      pipeline: [
        { $match: { tenant_id: 't1', started_at: LAST_30_DAYS, assistant_id: { $in: ['a1', 'a2'] } } },
        { $group: { _id: { key: '$assistant_id' }, ...GROUP } },
      ],
    },
    {
      name: 'phone numbers: matched on platform_number, web sessions excluded',
      entity: 'PHONE_NUMBER' as const,
      keys: ['+15550200', '+15550100'],
      pipeline: [
        { $match: { tenant_id: 't1', started_at: LAST_30_DAYS, platform_number: { $in: ['+15550100', '+15550200'] }, channel: { $ne: 'web' } } },
        { $group: { _id: { key: '$platform_number' }, ...GROUP } },
      ],
    },
  ])('$name', ({ entity, keys, pipeline }) => {
    expect(compileCallQuery(entityAnalyticsQuery({ principal, entity, keys, args: {}, now: new Date(NOW) }))).toEqual(pipeline);
  });

  it('takes an explicit inclusive range and refuses a reversed one naming startDate', () => {
    const query = entityAnalyticsQuery({
      principal,
      entity: 'ASSISTANT',
      keys: ['a1'],
      args: { startDate: new Date('2024-06-01T00:00:00Z'), endDate: new Date('2024-06-02T00:00:00Z') },
      now: new Date(NOW),
    });
    expect(query.range).toEqual({ from: new Date('2024-06-01T00:00:00Z'), to: new Date('2024-06-02T00:00:00Z') });
    expect(() =>
      entityAnalyticsQuery({
        principal,
        entity: 'ASSISTANT',
        keys: ['a1'],
        args: { startDate: new Date('2024-06-02T00:00:00Z'), endDate: new Date('2024-06-01T00:00:00Z') },
        now: new Date(NOW),
      }),
    ).toThrow(expect.objectContaining({ name: 'UserInputError', argument: 'startDate' }));
  });

  it.each([
    { row: { calls: 3, durationSum: 365, answeredCount: 2, lastCallAt: new Date('2024-06-20T11:30:00Z') }, expected: { ...A1, lastCallAt: new Date(A1.lastCallAt) } },
    // Half away from zero on the shortest decimal form: 4.025 min → 4.03, 1/8 answered → 12.5 %.
    { row: { calls: 8, durationSum: 1932, answeredCount: 1 }, expected: { totalCalls: 8, totalDurationMinutes: 32.2, avgDurationMinutes: 4.03, answeredCalls: 1, answerRate: 12.5, lastCallAt: null } },
    { row: { calls: 0, durationSum: 0, answeredCount: 0 }, expected: NO_CALLS },
  ])('shapes $row.calls calls from unrounded totals', ({ row, expected }) => {
    expect(shapeEntityAnalyticsRow({ _id: { key: 'k' }, ...row })).toEqual(expected);
  });

  it('answers every requested key in request order, zeros for keys without calls', () => {
    const rows: EntityAnalyticsRow[] = [{ _id: { key: 'a1' }, calls: 1, durationSum: 60, answeredCount: 1, lastCallAt: null }];
    const shaped = shapeEntityAnalytics(rows, ['a3', 'a1']);
    expect(shaped.map((s) => s.totalCalls)).toEqual([0, 1]);
    expect(shaped[0]).toEqual(ZEROS);
  });
});

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!, $startDate: DateTime, $endDate: DateTime) {
    _entities(representations: $representations) {
      ... on Assistant { id callAnalytics(startDate: $startDate, endDate: $endDate) { ${ANALYTICS_FIELDS} } }
      ... on PhoneNumber { number callAnalytics(startDate: $startDate, endDate: $endDate) { ${ANALYTICS_FIELDS} } }
    }
  }`;

const assistants = (...ids: string[]) => ids.map((id) => ({ __typename: 'Assistant', id }));
const numbers = (...values: string[]) => values.map((number) => ({ __typename: 'PhoneNumber', number }));

describe('the served subgraph answers _entities with one aggregation per batch', () => {
  it('answers several assistants with ONE aggregation, exact numbers, zeros for one without calls', async () => {
    const gateway = testGateway({ calls: ENTITY_CALLS, now: NOW });
    const { status, body } = await gateway.query(ENTITIES, { representations: assistants('a1', 'a2', 'a3') }, KEYS.t1);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      { id: 'a1', callAnalytics: A1 },
      { id: 'a2', callAnalytics: A2 },
      { id: 'a3', callAnalytics: ZEROS },
    ]);
    expect(gateway.pipelines).toEqual([
      [
        { $match: { tenant_id: 't1', started_at: LAST_30_DAYS, assistant_id: { $in: ['a1', 'a2', 'a3'] } } },
        { $group: { _id: { key: '$assistant_id' }, ...GROUP } },
      ],
    ]);
  });

  it('splits a batch of more than 1,000 keys into pipelines of at most 1,000 keys each', async () => {
    const gateway = testGateway({ calls: ENTITY_CALLS, now: NOW });
    const ids = ['a1', ...Array.from({ length: 2_100 }, (_, i) => `x${i}`)];
    const { body } = await gateway.query(ENTITIES, { representations: assistants(...ids) }, KEYS.t1);
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toHaveLength(ids.length);
    expect((body.data?._entities as { callAnalytics: unknown }[])[0].callAnalytics).toEqual(A1);
    const sizes = gateway.pipelines.map((pipeline) => ((pipeline[0] as any).$match.assistant_id.$in as string[]).length);
    expect(sizes).toEqual([1_000, 1_000, 101]);
  });

  it('answers phone numbers on platform_number, without web sessions', async () => {
    const gateway = testGateway({ calls: ENTITY_CALLS, now: NOW });
    const { body } = await gateway.query(ENTITIES, { representations: numbers('+15550100', '+15550200', '+15550999') }, KEYS.t1);
    expect(body.data?._entities).toEqual([
      { number: '+15550100', callAnalytics: A1 },
      { number: '+15550200', callAnalytics: NUMBER_200 },
      { number: '+15550999', callAnalytics: ZEROS },
    ]);
    expect(gateway.pipelines).toHaveLength(1);
  });

  it('runs one aggregation per entity kind in a mixed batch', async () => {
    const gateway = testGateway({ calls: ENTITY_CALLS, now: NOW });
    const { body } = await gateway.query(ENTITIES, { representations: [...assistants('a1'), ...numbers('+15550200'), ...assistants('a2')] }, KEYS.t1);
    expect(body.data?._entities).toEqual([
      { id: 'a1', callAnalytics: A1 },
      { number: '+15550200', callAnalytics: NUMBER_200 },
      { id: 'a2', callAnalytics: A2 },
    ]);
    expect(gateway.pipelines.map((p) => Object.keys((p[0] as any).$match))).toEqual([
      ['tenant_id', 'started_at', 'assistant_id'],
      ['tenant_id', 'started_at', 'platform_number', 'channel'],
    ]);
  });

  it('batches per range: different arguments are different aggregations, the same arguments share one', async () => {
    const gateway = testGateway({ calls: ENTITY_CALLS, now: NOW });
    const document = /* GraphQL */ `
      query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Assistant {
            id
            recent: callAnalytics { totalCalls }
            again: callAnalytics(endDate: "${NOW}") { totalCalls }
            since: callAnalytics(startDate: "2024-05-01T00:00:00Z") { ${ANALYTICS_FIELDS} }
          }
        }
      }`;
    const { body } = await gateway.query(document, { representations: assistants('a1', 'a2') }, KEYS.t1);
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities[0]).toEqual({
      id: 'a1',
      recent: { totalCalls: 3 },
      again: { totalCalls: 3 },
      // 270 + 95 + 0 + 999 s = 22.73 min over 4 calls → 5.68; 3 of 4 answered.
      since: { totalCalls: 4, totalDurationMinutes: 22.73, avgDurationMinutes: 5.68, answeredCalls: 3, answerRate: 75, lastCallAt: A1.lastCallAt },
    });
    expect(gateway.pipelines).toHaveLength(2);
  });

  it('runs identical pipelines of one request once (the same batch twice, and root fields twice)', async () => {
    const gateway = testGateway({ calls: ENTITY_CALLS, now: NOW });
    const document = /* GraphQL */ `
      query ($representations: [_Any!]!) {
        first: _entities(representations: $representations) { ... on Assistant { callAnalytics { totalCalls } } }
        second: _entities(representations: $representations) { ... on Assistant { callAnalytics { totalCalls } } }
        one: callsByPhoneNumber { phoneNumber totalCalls }
        two: callsByPhoneNumber { phoneNumber totalCalls }
      }`;
    const { body } = await gateway.query(document, { representations: assistants('a2', 'a1') }, KEYS.t1);
    expect(body.errors).toBeUndefined();
    expect(body.data?.first).toEqual(body.data?.second);
    expect(body.data?.one).toEqual(body.data?.two);
    expect(gateway.pipelines).toHaveLength(2); // one entity batch + one phone-number report
  });

  it('keeps the caller’s tenant: the same assistant id answers from tenant t2’s calls for a t2 key', async () => {
    const gateway = testGateway({ calls: ENTITY_CALLS, now: NOW });
    const { body } = await gateway.query(ENTITIES, { representations: assistants('a1') }, KEYS.t2);
    expect(body.data?._entities).toEqual([
      { id: 'a1', callAnalytics: { totalCalls: 1, totalDurationMinutes: 10, avgDurationMinutes: 10, answeredCalls: 1, answerRate: 100, lastCallAt: '2024-06-11T09:00:00.000Z' } },
    ]);
    expect((gateway.pipelines[0][0] as any).$match.tenant_id).toBe('t2');
  });

  it('answers an empty batch without any aggregation', async () => {
    const gateway = testGateway({ calls: ENTITY_CALLS, now: NOW });
    const { body } = await gateway.query(ENTITIES, { representations: [] }, KEYS.t1);
    expect(body).toEqual({ data: { _entities: [] }, extensions: { cost: { estimated: 0, max: 10_000 } } });
    expect(gateway.pipelines).toHaveLength(0);
  });

  it('refuses a reversed range as BAD_USER_INPUT naming startDate, on the entity’s field', async () => {
    const gateway = testGateway({ calls: ENTITY_CALLS, now: NOW });
    const { status, body } = await gateway.query(
      ENTITIES,
      { representations: assistants('a1'), startDate: '2024-06-02T00:00:00Z', endDate: '2024-06-01T00:00:00Z' },
      KEYS.t1,
    );
    expect(status).toBe(200);
    expect(body.errors?.[0]).toMatchObject({ path: ['_entities', 0, 'callAnalytics'], extensions: { code: 'BAD_USER_INPUT', argument: 'startDate' } });
    expect(body.errors?.[0].message).toContain('startDate');
    expect(gateway.pipelines).toHaveLength(0);
  });

  it('refuses a malformed DateTime as a validation error (HTTP 400)', async () => {
    const gateway = testGateway({ calls: ENTITY_CALLS, now: NOW });
    const { status } = await gateway.query(
      '{ _entities(representations: [{ __typename: "Assistant", id: "a1" }]) { ... on Assistant { callAnalytics(startDate: "yesterday") { totalCalls } } } }',
      {},
      KEYS.t1,
    );
    expect(status).toBe(400);
  });

  it('requires a key (HTTP 401, UNAUTHENTICATED) for _entities like every field', async () => {
    const gateway = testGateway({ calls: ENTITY_CALLS, now: NOW });
    const { status, body } = await gateway.query(ENTITIES, { representations: assistants('a1') }, null);
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('masks a store failure per field, as SERVICE_UNAVAILABLE', async () => {
    const { StoreUnavailableError } = await import('../../src/store/errors.ts');
    const { createEmbeddedStore } = await import('../../src/store/embedded/embedded-store.ts');
    const { testKeys } = await import('../support/calls.ts');
    const inner = createEmbeddedStore({ calls: ENTITY_CALLS, apiKeys: testKeys() });
    const gateway = testGateway({
      calls: [],
      now: NOW,
      store: { ...inner, engine: 'embedded', findApiKeys: (h) => inner.findApiKeys(h), close: async () => {}, aggregate: async () => { throw new StoreUnavailableError('down'); } },
    });
    const { body } = await gateway.query(ENTITIES, { representations: assistants('a1', 'a2') }, KEYS.t1);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);
  });
});

describe('the subgraph SDL and the two schemas', () => {
  const sdl = printSubgraphSdl();

  it('links Federation v2 and the auth spec, composes @auth, and keeps the entity keys', () => {
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@cost", "@extends", "@external", "@key", "@listSize", "@composeDirective"])');
    expect(sdl).toContain('@link(url: "https://dialgraph.dev/auth/v1.0", import: ["@auth"])');
    expect(sdl).toContain('@composeDirective(name: "@auth")');
    expect(sdl).toContain('directive @auth(requires: Role! = SUPER_ADMIN) on FIELD_DEFINITION');
    expect(sdl).toMatch(/type Assistant\s+@key\(fields: "id"\)\s+@extends\s*\{\s*id: ID! @external/);
    expect(sdl).toMatch(/type PhoneNumber\s+@key\(fields: "number"\)\s+@extends\s*\{\s*number: String! @external/);
    expect(sdl).toMatch(/adminCallsByPhoneNumber\([^)]*\): \[PhoneNumberCalls!\]! @auth\(requires: SUPER_ADMIN\)/);
    expect(sdl).not.toContain('_entities');
  });

  it('serves the subgraph schema: _service answers the same SDL and _entities exists', async () => {
    const gateway = testGateway({ calls: [], now: NOW });
    const { body } = await gateway.query('{ _service { sdl } }', {}, KEYS.t1);
    expect(body.data?._service.sdl).toBe(sdl);
    const query = buildSubgraphSchema().getQueryType()!;
    expect(Object.keys(query.getFields()).slice(0, 2)).toEqual(['_entities', '_service']);
    expect(buildSubgraphSchema().getType('_Entity')?.toString()).toBe('_Entity');
  });

  it('keeps the client-facing schema free of federation plumbing, with @auth still on guarded fields', () => {
    const schema = buildSchema();
    const fields = schema.getQueryType()!.getFields();
    expect(fields._entities).toBeUndefined();
    expect(fields._service).toBeUndefined();
    for (const name of ['Assistant', 'PhoneNumber', 'EntityCallAnalytics', '_Any', '_Entity']) expect(schema.getType(name)).toBeUndefined();
    expect(schema.getDirective('auth')).toBeDefined();
    expect(fields.adminCallsByPhoneNumber.astNode?.directives?.map((d) => d.name.value)).toContain('auth');
    expect(fields.adminCallsByPhoneNumber.extensions).toMatchObject({ directives: { auth: [{ requires: 'SUPER_ADMIN' }] } });
    expect(printSchema(schema)).not.toContain('Assistant');
    // The served schema has the same root fields besides _entities and _service.
    const served = Object.keys(buildSubgraphSchema().getQueryType()!.getFields()).filter((n) => !n.startsWith('_'));
    expect(served).toEqual(Object.keys(fields));
    expect(Object.values(buildSubgraphSchema().getTypeMap()).filter((t) => isObjectType(t) && t.name === 'Assistant')).toHaveLength(1);
  });
});
