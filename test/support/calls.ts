import type { CallDocument } from '../../src/contract/call-document.ts';
import type { ApiKeyRecord } from '../../src/contract/api-key-record.ts';
import { hashApiKey } from '../../src/contract/hash-api-key.ts';

let sequence = 0;

/** A minimal valid call; every test states the fields it cares about. */
export function call(overrides: Omit<Partial<CallDocument>, 'started_at'> & { started_at: Date | string }): CallDocument {
  sequence += 1;
  const { started_at, ...rest } = overrides;
  return {
    _id: `call-${String(sequence).padStart(6, '0')}`,
    tenant_id: 't1',
    user_email: 'owner@t1.example',
    channel: 'phone',
    direction: 'inbound',
    status: 'completed',
    ...rest,
    started_at: started_at instanceof Date ? started_at : new Date(started_at),
  } as CallDocument;
}

/** `n` calls sharing the same fields, spread one minute apart from `start`. */
export function calls(n: number, overrides: Omit<Partial<CallDocument>, 'started_at'> & { started_at: string }, durations?: number[]): CallDocument[] {
  const start = Date.parse(overrides.started_at);
  return Array.from({ length: n }, (_, i) =>
    call({ ...overrides, started_at: new Date(start + i * 60_000), ...(durations ? { duration_sec: durations[i] } : {}) }),
  );
}

export const KEYS = {
  t1: 'key-tenant-one',
  t1User: 'key-tenant-one-user-u1',
  /** Bound to u1 with `all_users`: u1 is the default view, allUsers/userId widen it. */
  t1UserAll: 'key-tenant-one-user-u1-all',
  t2: 'key-tenant-two',
  admin: 'key-super-admin',
  revoked: 'key-revoked',
} as const;

export function testKeys(): ApiKeyRecord[] {
  const created_at = new Date('2024-01-01T00:00:00Z');
  return [
    { key_hash: hashApiKey(KEYS.t1), tenant_id: 't1', user_email: 'owner@t1.example', role: 'user', name: 't1', created_at },
    { key_hash: hashApiKey(KEYS.t1User), tenant_id: 't1', user_id: 'u1', user_email: 'owner@t1.example', role: 'user', name: 't1 u1', created_at },
    { key_hash: hashApiKey(KEYS.t1UserAll), tenant_id: 't1', user_id: 'u1', all_users: true, user_email: 'owner@t1.example', role: 'user', name: 't1 u1 all', created_at },
    { key_hash: hashApiKey(KEYS.t2), tenant_id: 't2', user_email: 'Owner@T2.example', role: 'user', name: 't2', created_at },
    { key_hash: hashApiKey(KEYS.admin), tenant_id: 'ops', user_email: 'ops@dialgraph.example', role: 'super_admin', name: 'admin', created_at },
    { key_hash: hashApiKey(KEYS.revoked), tenant_id: 't1', user_email: 'owner@t1.example', role: 'user', name: 'old', created_at, revoked_at: created_at },
  ];
}
