import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command.ts';
import { formatDropped, formatIndexes } from '../../src/cli/commands/indexes.ts';
import { isLoopbackMongoUri, readSeedFlags, seedCommand } from '../../src/cli/commands/seed.ts';
import { buildApiKeyRecord, keysCreateCommand, readKeyCreateFlags } from '../../src/cli/commands/keys-create.ts';
import { createProgressBar } from '../../src/cli/progress-bar.ts';
import { hashApiKey } from '../../src/contract/hash-api-key.ts';
import { API_KEY_INDEXES, CALL_INDEXES, OBSOLETE_CALL_INDEXES, VOCABULARY_INDEXES } from '../../src/store/mongo/indexes.ts';

describe('keys create: flags', () => {
  const base = { 'mongodb-uri': 'mongodb://localhost', db: 'dialgraph', role: 'user' };

  it('reads a minimal user key', () => {
    expect(readKeyCreateFlags({ ...base, tenant: ' acme ', email: 'ops@acme.example' })).toEqual({
      tenant: 'acme',
      email: 'ops@acme.example',
      role: 'user',
    });
  });

  it('reads every flag, role case-insensitively', () => {
    expect(
      readKeyCreateFlags({ ...base, tenant: 'acme', email: 'root@acme.example', user: 'u-1', role: 'SUPER_ADMIN', name: 'ops console' }),
    ).toEqual({ tenant: 'acme', email: 'root@acme.example', user: 'u-1', role: 'super_admin', name: 'ops console' });
  });

  it.each([
    ['no tenant', { email: 'a@b.example' }, /--tenant \(or DIALGRAPH_KEY_TENANT\) is required/],
    ['blank tenant', { tenant: '  ', email: 'a@b.example' }, /--tenant/],
    ['no email', { tenant: 'acme' }, /--email \(or DIALGRAPH_KEY_EMAIL\) is required/],
    ['not an email', { tenant: 'acme', email: 'ops-at-acme' }, /--email must be an email address/],
    ['email with a space', { tenant: 'acme', email: 'o ps@acme.example' }, /--email must be/],
    ['unknown role', { tenant: 'acme', email: 'a@b.example', role: 'admin' }, /--role must be one of user, super_admin/],
    ['--all-users without --user', { tenant: 'acme', email: 'a@b.example', 'all-users': true }, /--all-users needs --user/],
  ])('refuses %s', (_name, flags, message) => {
    const attempt = () => readKeyCreateFlags({ ...base, ...flags });
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(message);
  });

  it('reads --all-users with --user, also from its environment variable as text', () => {
    expect(readKeyCreateFlags({ ...base, tenant: 'acme', email: 'a@b.example', user: 'u-1', 'all-users': true })).toMatchObject({ user: 'u-1', allUsers: true });
    expect(readKeyCreateFlags({ ...base, tenant: 'acme', email: 'a@b.example', user: 'u-1', 'all-users': 'yes' })).toMatchObject({ allUsers: true });
    expect(readKeyCreateFlags({ ...base, tenant: 'acme', email: 'a@b.example', user: 'u-1' })).not.toHaveProperty('allUsers');
  });

  it('validates before connecting to anything', async () => {
    await expect(keysCreateCommand.run({ ...base, email: 'a@b.example' })).rejects.toBeInstanceOf(UsageError);
  });

  it('gives every flag an environment variable', () => {
    for (const option of Object.values(keysCreateCommand.options)) expect(option.env).toMatch(/^[A-Z_]+$/);
  });
});

describe('keys create: record', () => {
  const now = new Date('2025-03-04T05:06:07Z');

  it('stores the hash and the DESIGN 2.2 fields, never the key', () => {
    const key = 'dg_example-key';
    const record = buildApiKeyRecord({
      flags: { tenant: 'acme', email: 'ops@acme.example', user: 'u-9', role: 'super_admin', name: 'ops' },
      keyHash: hashApiKey(key),
      now,
    });
    expect(record).toEqual({
      key_hash: hashApiKey(key),
      tenant_id: 'acme',
      user_id: 'u-9',
      user_email: 'ops@acme.example',
      role: 'super_admin',
      name: 'ops',
      created_at: now,
    });
    expect(JSON.stringify(record)).not.toContain(key);
    expect(record.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores all_users on a user-bound key created with --all-users', () => {
    const record = buildApiKeyRecord({ flags: { tenant: 'acme', email: 'ops@acme.example', user: 'u-1', allUsers: true, role: 'user' }, keyHash: 'h', now });
    expect(record).toMatchObject({ user_id: 'u-1', all_users: true });
  });

  it('omits user_id when not given and names the key after its owner and date', () => {
    const record = buildApiKeyRecord({ flags: { tenant: 'acme', email: 'ops@acme.example', role: 'user' }, keyHash: 'h', now });
    expect(record).not.toHaveProperty('user_id');
    expect(record).not.toHaveProperty('revoked_at');
    expect(record.name).toBe('ops@acme.example 2025-03-04');
  });
});

describe('seed: flags', () => {
  it('uses the documented defaults', () => {
    const defaults = Object.fromEntries(Object.entries(seedCommand.options).map(([flag, option]) => [flag, option.default]));
    expect(readSeedFlags(defaults)).toEqual({ calls: 100_000, seed: 1, days: 90, drop: false, withDemoKeys: false });
  });

  it('reads given values, booleans also as text', () => {
    expect(readSeedFlags({ calls: '10000', seed: '0', days: '7', drop: true, 'with-demo-keys': 'yes' })).toEqual({
      calls: 10_000,
      seed: 0,
      days: 7,
      drop: true,
      withDemoKeys: true,
    });
  });

  it.each([
    [{ calls: '0' }, /--calls must be a positive integer/],
    [{ calls: '1e9.5' }, /--calls/],
    [{ seed: '-1' }, /--seed must be a non-negative integer/],
    [{ days: 'many' }, /--days/],
    [{ drop: 'maybe' }, /--drop takes no value/],
  ])('refuses %j', (values, message) => {
    expect(() => readSeedFlags(values)).toThrow(UsageError);
    expect(() => readSeedFlags(values)).toThrow(message);
  });

  it('gives every flag an environment variable', () => {
    expect(Object.fromEntries(Object.entries(seedCommand.options).map(([flag, option]) => [flag, option.env]))).toEqual({
      'mongodb-uri': 'MONGODB_URI',
      db: 'DIALGRAPH_DB',
      calls: 'DIALGRAPH_SAMPLE_CALLS',
      seed: 'DIALGRAPH_SEED',
      days: 'DIALGRAPH_SAMPLE_DAYS',
      drop: 'DIALGRAPH_SEED_DROP',
      'allow-demo-keys': 'DIALGRAPH_ALLOW_DEMO_KEYS',
      'with-demo-keys': 'DIALGRAPH_SEED_DEMO_KEYS',
    });
  });
});

describe('index definitions', () => {
  it('cover the query shapes of the contract', () => {
    const keys = CALL_INDEXES.map((index) => Object.keys(index.key).join(','));
    expect(keys).toEqual(
      expect.arrayContaining([
        'tenant_id,started_at,_id,is_transfer_leg',
        'tenant_id,user_id,started_at,_id,is_transfer_leg',
        'tenant_id,talk_time_sec,started_at,_id',
        'tenant_id,answer_time_sec,started_at,_id',
        'started_at',
        'user_email,started_at',
        'tenant_id,assistant_id,started_at',
        'tenant_id,platform_number,started_at',
      ]),
    );
    const names = [...CALL_INDEXES, ...VOCABULARY_INDEXES, ...API_KEY_INDEXES].map((index) => index.name);
    expect(new Set(names).size).toBe(names.length);
    for (const index of [...CALL_INDEXES, ...VOCABULARY_INDEXES, ...API_KEY_INDEXES]) expect(index.reason.length).toBeGreaterThan(20);
    // DESIGN 2.4: one value of one kind per tenant.
    expect(VOCABULARY_INDEXES).toEqual([expect.objectContaining({ key: { tenant_id: 1, kind: 1, value: 1 }, unique: true })]);
  });

  it('serve the case-insensitive e-mail regex without a collation, and make key hashes unique', () => {
    const email = CALL_INDEXES.find((index) => 'user_email' in index.key);
    expect(email?.key).toEqual({ user_email: 1, started_at: 1 });
    expect(email?.collation).toBeUndefined();
    expect(email?.reason).toMatch(/case-insensitive/);
    expect(API_KEY_INDEXES).toEqual([expect.objectContaining({ key: { key_hash: 1 }, unique: true })]);
  });

  it('print with their reasons', () => {
    const text = formatIndexes(API_KEY_INDEXES.map((index) => ({ ...index, collection: 'api_keys' })));
    expect(text).toContain('api_keys.key_hash_unique {"key_hash":1} (unique)');
    expect(text).toContain('SHA-256');
  });

  it('say which obsolete dialgraph indexes were dropped or kept, and when there were none', () => {
    const [started, lead] = OBSOLETE_CALL_INDEXES.map((index) => ({ ...index, collection: 'calls' }));
    const text = formatDropped([
      { ...started, outcome: 'dropped' },
      { ...lead, outcome: { kept: 'cannot drop the shard key index' } },
    ]);
    expect(text).toContain('dropped obsolete calls.tenant_started {"tenant_id":1,"started_at":1}');
    expect(text).toContain('kept obsolete calls.tenant_lead {"tenant_id":1,"lead_id":1}: the server refused to drop it (cannot drop the shard key index)');
    expect(formatDropped([])).toBe('No obsolete dialgraph index to drop.\n');
    // An obsolete index is never one dialgraph still declares.
    for (const obsolete of OBSOLETE_CALL_INDEXES) expect(CALL_INDEXES.map((index) => index.name)).not.toContain(obsolete.name);
  });
});

describe('progress bar', () => {
  function capture(isTTY: boolean) {
    const stream = Object.assign(new PassThrough(), { isTTY });
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    return { stream, output: () => text };
  }

  it('prints a line per 10 % when not on a terminal', () => {
    const { stream, output } = capture(false);
    const bar = createProgressBar({ total: 100_000, label: 'calls inserted', stream });
    for (let done = 5_000; done <= 100_000; done += 5_000) bar.update(done);
    bar.finish();
    const lines = output().trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe(`[###---------------------------]  10% 10,000/100,000 calls inserted`);
    expect(lines[9]).toMatch(/100% 100,000\/100,000 calls inserted$/);
    expect(output()).not.toContain('\r');
  });

  it('still reports the end of an unfinished or empty job', () => {
    const { stream, output } = capture(false);
    const bar = createProgressBar({ total: 0, label: 'calls inserted', stream });
    bar.finish();
    expect(output()).toMatch(/100% 0\/0 calls inserted\n$/);
  });

  it('redraws one line in place on a terminal', () => {
    const { stream, output } = capture(true);
    const bar = createProgressBar({ total: 10, label: 'calls', stream });
    for (let done = 1; done <= 10; done++) bar.update(done);
    bar.finish();
    expect(output().startsWith('\r')).toBe(true);
    expect(output().endsWith('100% 10/10 calls\n')).toBe(true);
    expect(output().split('\n')).toHaveLength(2);
  });
});

describe('seed: demo keys stay on loopback', () => {
  it.each([
    ['mongodb://localhost:27017', true],
    ['mongodb://127.0.0.1:27017,127.0.0.2:27018/db', true],
    ['mongodb://u:p@[::1]:27017', true],
    ['mongodb://db.internal:27017', false],
    ['mongodb://localhost,db.internal', false],
    ['mongodb+srv://cluster.example.net', false],
  ])('%s is loopback: %s', (uri, loopback) => {
    expect(isLoopbackMongoUri(uri)).toBe(loopback);
  });

  it('refuses --with-demo-keys against a non-loopback MongoDB before connecting', async () => {
    await expect(seedCommand.run({ 'mongodb-uri': 'mongodb://db.internal:27017', db: 'dialgraph', 'with-demo-keys': true, calls: '1' })).rejects.toThrow(
      /refusing to store the public demo keys/,
    );
  });
});
