import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printSubgraphSdl } from '../../src/graphql/subgraph.ts';
import { KEYS } from '../support/calls.ts';
import {
  A1,
  A2,
  ANALYTICS_FIELDS,
  composeSupergraph,
  DIRECTORY_SDL,
  ENTITY_CALLS,
  NOW,
  NUMBER_200,
  startFederation,
  ZEROS,
} from '../support/subgraphs.ts';

describe('composition with an MIT composer', () => {
  const subgraphs = (dialgraphSdl: string) => [
    { name: 'directory', url: 'http://127.0.0.1:1/graphql', sdl: DIRECTORY_SDL },
    { name: 'dialgraph', url: 'http://127.0.0.1:2/graphql', sdl: dialgraphSdl },
  ];

  it('composes and keeps @auth in the supergraph through @composeDirective', () => {
    const supergraph = composeSupergraph(subgraphs(printSubgraphSdl()));
    expect(supergraph).toContain('@link(url: "https://dialgraph.dev/auth/v1.0", import: ["@auth"])');
    expect(supergraph).toContain('directive @auth(requires: Role! = SUPER_ADMIN) on FIELD_DEFINITION');
    expect(supergraph).toMatch(/adminCallsByPhoneNumber\([^)]*\): \[PhoneNumberCalls!\]! @auth\(requires: SUPER_ADMIN\)/);
    expect(supergraph).toMatch(/type Assistant @join__type\(graph: DIALGRAPH, key: "id", extension: true\) @join__type\(graph: DIRECTORY, key: "id"\)/);
  });

  it('would drop @auth without @composeDirective (so the directive is what keeps it)', () => {
    const withoutCompose = printSubgraphSdl().replace('@composeDirective(name: "@auth")', '');
    const supergraph = composeSupergraph(subgraphs(withoutCompose));
    expect(supergraph).not.toContain('directive @auth');
    expect(supergraph).not.toMatch(/\]! @auth\(/);
  });
});

describe('through Hive Gateway (both subgraphs over HTTP on 127.0.0.1)', () => {
  let federation: Awaited<ReturnType<typeof startFederation>>;

  beforeAll(async () => {
    federation = await startFederation({
      calls: ENTITY_CALLS,
      now: NOW,
      assistants: [
        { id: 'a1', name: 'Ava' },
        { id: 'a2', name: 'Bo' },
        { id: 'a3', name: 'Cy' },
      ],
      phoneNumbers: [
        { number: '+15550100', label: 'Sales' },
        { number: '+15550200', label: 'Support' },
        { number: '+15550999', label: 'Spare' },
      ],
    });
  });
  afterAll(() => federation?.close());

  it('joins the owner’s names with dialgraph’s analytics, several assistants in ONE _entities aggregation', async () => {
    const before = federation.pipelines.length;
    const { status, body } = await federation.query(`{ assistants { id name callAnalytics { ${ANALYTICS_FIELDS} } } }`, {}, KEYS.t1);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.assistants).toEqual([
      { id: 'a1', name: 'Ava', callAnalytics: A1 },
      { id: 'a2', name: 'Bo', callAnalytics: A2 },
      { id: 'a3', name: 'Cy', callAnalytics: ZEROS },
    ]);
    const ran = federation.pipelines.slice(before);
    expect(ran).toHaveLength(1);
    expect((ran[0][0] as any).$match).toMatchObject({ tenant_id: 't1', assistant_id: { $in: ['a1', 'a2', 'a3'] } });
  });

  it('joins phone numbers (label from the owner, analytics with a range from dialgraph)', async () => {
    const { body } = await federation.query(
      `query ($from: DateTime) { phoneNumbers { number label callAnalytics(startDate: $from) { ${ANALYTICS_FIELDS} } } }`,
      { from: '2024-06-01T00:00:00Z' },
      KEYS.t1,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.phoneNumbers).toEqual([
      { number: '+15550100', label: 'Sales', callAnalytics: A1 },
      { number: '+15550200', label: 'Support', callAnalytics: NUMBER_200 },
      { number: '+15550999', label: 'Spare', callAnalytics: ZEROS },
    ]);
  });

  it('forwards the Authorization header: analytics follow the caller’s tenant', async () => {
    const { body } = await federation.query('{ assistant(id: "a1") { name callAnalytics { totalCalls totalDurationMinutes } } }', {}, KEYS.t2);
    expect(body.data?.assistant).toEqual({ name: 'Ava', callAnalytics: { totalCalls: 1, totalDurationMinutes: 10 } });
  });

  it('gives FORBIDDEN on a guarded field for a tenant key, and answers it for a super-admin key', async () => {
    const forbidden = await federation.query('{ adminCallsByPhoneNumber { phoneNumber totalCalls } }', {}, KEYS.t1);
    expect(forbidden.body.data ?? null).toBeNull();
    expect(forbidden.body.errors?.[0]).toMatchObject({ path: ['adminCallsByPhoneNumber'], extensions: { code: 'FORBIDDEN' } });

    const allowed = await federation.query('{ adminCallsByPhoneNumber { phoneNumber totalCalls } }', {}, KEYS.admin);
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data?.adminCallsByPhoneNumber).toEqual([
      { phoneNumber: '+15550100', totalCalls: 4 }, // both tenants: 965 s
      { phoneNumber: '+15550200', totalCalls: 1 }, // 61 s
      { phoneNumber: 'WEB_CALL', totalCalls: 1 }, // 30 s
    ]);
  });

  it('passes dialgraph’s UNAUTHENTICATED through when no key is sent', async () => {
    const { body } = await federation.query('{ assistants { name callAnalytics { totalCalls } } }', {}, null);
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
