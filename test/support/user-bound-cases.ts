import type { ApiKeyRecord } from '../../src/contract/api-key-record.ts';
import { hashApiKey } from '../../src/contract/hash-api-key.ts';
import { describe, expect, it } from 'vitest';
import { call, KEYS, testKeys } from './calls.ts';
import type { testGateway } from './gateway.ts';

/**
 * The user-bound-key cases (DESIGN 2.2), shared by the embedded run
 * (test/graphql/user-bound-keys.test.ts) and the live MongoDB run
 * (test/mongo/mongo-user-bound-keys.test.ts): t1 has 3 calls of u1, 2 of u2, 4 of u3 and one
 * without a user in the range; t2 has one of u1.
 */
export const NOW = '2024-03-10T12:00:00.000Z';
const base = { assistant_id: 'as1', platform_number: '+1555', tenant_id: 't1', duration_sec: 60 } as const;
export const CALLS = [
  ...['u1', 'u1', 'u1', 'u2', 'u2', 'u3', 'u3', 'u3', 'u3'].map((user_id, i) =>
    call({ ...base, user_id, started_at: `2024-03-0${1 + (i % 8)}T10:00:00Z` }),
  ),
  call({ ...base, started_at: '2024-03-05T11:00:00Z' }), // no user
  call({ ...base, tenant_id: 't2', user_id: 'u1', started_at: '2024-03-05T11:00:00Z' }),
];

export const DAYS = 'dayFrom: "2024-03-01", dayTo: "2024-03-10"';
export const RANGE = 'startDate: "2024-03-01T00:00:00Z", endDate: "2024-03-10T00:00:00Z"';

/** Every field family, each reduced to "how many calls did it count". */
export const FIELDS: [string, string, (data: any) => number][] = [
  ['calls', `{ calls(search: { ${DAYS} }) { totalItems } }`, (d) => d.calls.totalItems],
  ['callStats', `{ callStats(search: { ${DAYS} }) { all { all } } }`, (d) => d.callStats.all.all],
  ['groupedCalls', '{ groupedCalls(filter: { startDate: "2024-03-01", endDate: "2024-03-10" }) { totals { count } } }', (d) => d.groupedCalls.totals.count],
  [
    'analyticsQuery',
    '{ analyticsQuery(input: { queryType: CALL_COUNT, filters: { dateFrom: "2024-03-01T00:00:00Z", dateTo: "2024-03-10T00:00:00Z" } }) { data { ... on CountRow { count } } } }',
    (d) => d.analyticsQuery.data[0].count,
  ],
  ['callsByPhoneNumber', `{ callsByPhoneNumber(${RANGE}) { totalCalls } }`, (d) => d.callsByPhoneNumber.reduce((n: number, r: any) => n + r.totalCalls, 0)],
  [
    '_entities (Assistant)',
    `{ _entities(representations: [{ __typename: "Assistant", id: "as1" }]) { ... on Assistant { callAnalytics(${RANGE}) { totalCalls } } } }`,
    (d) => d._entities[0].callAnalytics.totalCalls,
  ],
  [
    '_entities (PhoneNumber)',
    `{ _entities(representations: [{ __typename: "PhoneNumber", number: "+1555" }]) { ... on PhoneNumber { callAnalytics(${RANGE}) { totalCalls } } } }`,
    (d) => d._entities[0].callAnalytics.totalCalls,
  ],
];

/** A key of t1 whose revocation is still in the future at NOW. */
export const FUTURE = 'key-revoked-in-the-future';

/** The test keys plus FUTURE. */
export function userBoundKeys(): ApiKeyRecord[] {
  return [
    ...testKeys(),
    {
      key_hash: hashApiKey(FUTURE),
      tenant_id: 't1',
      user_email: 'owner@t1.example',
      role: 'user',
      name: 'leaving',
      created_at: new Date('2024-01-01T00:00:00Z'),
      revoked_at: new Date('2024-04-01T00:00:00Z'),
    },
  ];
}

/**
 * Every case, against the gateway `gateway()` returns (called inside each test, so a live
 * store can be opened in a beforeAll): counts on every field family, FORBIDDEN beyond the key,
 * all_users widening, account keys, revoked_at.
 */
export function userBoundKeySuite(gateway: () => Pick<ReturnType<typeof testGateway>, 'query'>): void {
  async function count(document: string, key: string, read: (data: any) => number): Promise<number> {
    const { status, body } = await gateway().query(document, {}, key);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(status).toBe(200);
    return read(body.data);
  }

  describe('a user-bound key sees only its user’s calls, on every field', () => {
    it.each(FIELDS)('%s', async (_name, document, read) => {
      expect(await count(document, KEYS.t1, read)).toBe(10);
      expect(await count(document, KEYS.t1User, read)).toBe(3);
      // An all_users key still defaults to its user where no argument widens it.
      expect(await count(document, KEYS.t1UserAll, read)).toBe(3);
    });
  });

  describe('asking beyond the key', () => {
    it.each([
      ['allUsers: true', 'search.allUsers'],
      ['userId: "u2"', 'search.userId'],
      ['allUsers: true, userId: "u2"', 'search.allUsers'],
    ])('%s is FORBIDDEN naming %s for a user-bound key, on calls and callStats', async (args, argument) => {
      for (const field of [`calls(search: { ${DAYS}, ${args} }) { totalItems }`, `callStats(search: { ${DAYS}, ${args} }) { all { all } }`]) {
        const { status, body } = await gateway().query(`{ ${field} }`, {}, KEYS.t1User);
        expect(status).toBe(200);
        expect(body.data).toBeNull();
        expect(body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', argument });
        expect(body.errors?.[0].message).toContain(argument);
      }
    });

    it('its own userId is allowed', async () => {
      expect(await count(`{ calls(search: { ${DAYS}, userId: "u1" }) { totalItems } }`, KEYS.t1User, (d) => d.calls.totalItems)).toBe(3);
    });

    it.each([
      ['allUsers: true', 10],
      ['userId: "u3"', 4],
      ['allUsers: true, userId: "u2"', 2],
    ])('an all_users key widens with %s', async (args, expected) => {
      expect(await count(`{ calls(search: { ${DAYS}, ${args} }) { totalItems } }`, KEYS.t1UserAll, (d) => d.calls.totalItems)).toBe(expected);
    });

    it('an account key narrows with userId and never sees another tenant', async () => {
      expect(await count(`{ calls(search: { ${DAYS}, userId: "u1" }) { totalItems } }`, KEYS.t1, (d) => d.calls.totalItems)).toBe(3);
      expect(await count(`{ calls(search: { ${DAYS}, userId: "u1" }) { totalItems } }`, KEYS.t2, (d) => d.calls.totalItems)).toBe(1);
    });
  });

  describe('revoked_at', () => {
    it('at or before now is 401; in the future the key still works', async () => {
      const revoked = await gateway().query(FIELDS[0][1], {}, KEYS.revoked);
      expect(revoked.status).toBe(401);
      expect(revoked.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(await count(FIELDS[0][1], FUTURE, FIELDS[0][2])).toBe(10);
    });
  });
}
