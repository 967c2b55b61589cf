import type { Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { GraphQLContext } from '../../src/graphql/context.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { call, KEYS, testKeys } from '../support/calls.ts';

const NOW = '2024-06-30T12:00:00.000Z';
const QUERY = '{ callsByPhoneNumber { phoneNumber totalCalls } }';

function gateway(plugins: Plugin<GraphQLContext>[]) {
  const store = createEmbeddedStore({ calls: [call({ started_at: '2024-06-29T10:00:00Z', platform_number: '+1555' })], apiKeys: testKeys() });
  const yoga = createGateway({ store, now: () => new Date(NOW), plugins });
  return (key: string | null) =>
    yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query: QUERY }),
    });
}

describe('GatewayOptions.plugins', () => {
  it('run after the auth plugin: their onContextBuilding sees the principal and the call context', async () => {
    const seen: unknown[] = [];
    const send = gateway([
      {
        onContextBuilding({ context }) {
          seen.push({ principal: context.principal, now: context.now, hasAggregate: typeof context.aggregate, store: 'store' in context });
        },
      },
    ]);
    expect((await send(KEYS.t2)).status).toBe(200);
    expect(seen).toEqual([
      {
        principal: { tenantId: 't2', userId: null, userEmail: 'Owner@T2.example', role: 'user' },
        now: new Date(NOW),
        hasAggregate: 'function',
        store: false,
      },
    ]);
  });

  it('never run for a request the auth plugin refused (401 with WWW-Authenticate: Bearer)', async () => {
    const seen: unknown[] = [];
    const send = gateway([{ onContextBuilding: () => void seen.push('built'), onExecute: () => void seen.push('executed') }]);
    const response = await send('not-a-key');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect((await response.json()).errors[0]).toMatchObject({ message: 'The API key is not valid.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(seen).toEqual([]);
  });

  it('see the store time of the request once it executed (context.storeCalls)', async () => {
    const calls: unknown[] = [];
    const send = gateway([
      {
        onExecute: () => ({
          onExecuteDone: ({ args }) => {
            const context = args.contextValue as GraphQLContext;
            calls.push(...context.storeCalls.map(({ ms, pipeline, ...rest }) => ({ ...rest, timed: ms >= 0, scopedTo: (pipeline[0] as { $match?: { tenant_id?: string } }).$match?.tenant_id })));
          },
        }),
      },
    ]);
    const response = await send(KEYS.t1);
    expect(await response.json()).toMatchObject({ data: { callsByPhoneNumber: [{ phoneNumber: '+1555', totalCalls: 1 }] } });
    expect(calls).toEqual([{ label: 'callsByPhoneNumber', engine: 'embedded', rows: 1, error: undefined, fieldPath: 'callsByPhoneNumber', timed: true, scopedTo: 't1' }]);
  });
});
