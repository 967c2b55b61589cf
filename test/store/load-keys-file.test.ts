import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/contract/hash-api-key.ts';
import { DataFileError } from '../../src/store/load/data-file-error.ts';
import { KeyEntryError, loadKeysFile, toApiKeyRecords } from '../../src/store/load/keys-file.ts';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);
const NOW = new Date('2024-05-01T12:00:00Z');

describe('loadKeysFile', () => {
  it('hashes keys, defaults names and stamps created_at', async () => {
    const before = Date.now();
    const records = await loadKeysFile(fixture('keys-good.json'));
    expect(records).toEqual([
      {
        key_hash: hashApiKey('dg_alpha_user_key_0001'),
        tenant_id: 't-alpha',
        user_id: 'u-1',
        user_email: 'owner@alpha.test',
        role: 'user',
        name: 'user key for t-alpha',
        created_at: expect.any(Date),
      },
      {
        key_hash: hashApiKey('dg_root_admin_key_0001'),
        tenant_id: 't-ops',
        user_email: 'ops@dialgraph.test',
        role: 'super_admin',
        name: 'Operations',
        created_at: expect.any(Date),
      },
      {
        key_hash: hashApiKey('dg_alpha_user_key_0002'),
        tenant_id: 't-alpha',
        user_id: 'u-2',
        all_users: true,
        user_email: 'owner@alpha.test',
        role: 'user',
        name: 'user key for t-alpha',
        created_at: expect.any(Date),
        revoked_at: new Date('2024-05-01T00:00:00Z'),
      },
    ]);
    expect(records[0].created_at.getTime()).toBeGreaterThanOrEqual(before);
    expect(JSON.stringify(records)).not.toContain('dg_root_admin_key_0001');
  });

  it('names the entry with a bad role', async () => {
    const path = fixture('keys-bad-role.json');
    const error = await loadKeysFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect(error).toMatchObject({ path, entry: 2 });
    expect((error as Error).message).toBe(`${path}[2]: role "admin" is not one of user, super_admin`);
  });

  it('rejects a file that is not an array', async () => {
    const path = fixture('keys-not-array.json');
    await expect(loadKeysFile(path)).rejects.toThrow(`${path}: expected a JSON array of key entries`);
  });

  describe('other files', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'dialgraph-keys-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('rejects text that is not JSON', async () => {
      const path = join(dir, 'broken.json');
      await writeFile(path, '[{"key": ');
      await expect(loadKeysFile(path)).rejects.toThrow(new RegExp(`^${path}: not valid JSON \\(`));
    });

    it('reports a missing file', async () => {
      await expect(loadKeysFile(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json: cannot read file \(ENOENT/);
    });
  });
});

describe('toApiKeyRecords', () => {
  const entry = { key: 'k1-sixteen-chars', tenant_id: 't-a', user_email: 'a@a.test', role: 'user' };

  it('builds records for in-memory entries (demo keys)', () => {
    expect(toApiKeyRecords([entry, { ...entry, key: 'k2-sixteen-chars', user_id: null, role: 'super_admin' }], NOW)).toEqual([
      { key_hash: hashApiKey('k1-sixteen-chars'), tenant_id: 't-a', user_email: 'a@a.test', role: 'user', name: 'user key for t-a', created_at: NOW },
      { key_hash: hashApiKey('k2-sixteen-chars'), tenant_id: 't-a', user_email: 'a@a.test', role: 'super_admin', name: 'super_admin key for t-a', created_at: NOW },
    ]);
    expect(toApiKeyRecords([], NOW)).toEqual([]);
  });

  it.each([
    { entries: {}, entry: undefined, problem: 'expected a JSON array of key entries' },
    { entries: [entry, 'k'], entry: 1, problem: 'not a JSON object' },
    { entries: [{ ...entry, key: undefined }], entry: 0, problem: 'key is missing or not a non-empty string' },
    { entries: [{ ...entry, key: 'has space' }], entry: 0, problem: 'key must not contain whitespace' },
    { entries: [entry, { ...entry, key: 'k2-sixteen-chars', tenant_id: undefined }], entry: 1, problem: 'tenant_id is missing or not a non-empty string' },
    { entries: [{ ...entry, user_email: '' }], entry: 0, problem: 'user_email is missing or not a non-empty string' },
    { entries: [{ ...entry, role: undefined }], entry: 0, problem: 'role is missing (expected one of user, super_admin)' },
    { entries: [{ ...entry, role: 'SUPER_ADMIN' }], entry: 0, problem: 'role "SUPER_ADMIN" is not one of user, super_admin' },
    { entries: [{ ...entry, user_id: 5 }], entry: 0, problem: 'user_id is not a string' },
    { entries: [{ ...entry, name: '' }], entry: 0, problem: 'name is not a non-empty string' },
    { entries: [entry, { ...entry, key: 'k2-sixteen-chars' }, { ...entry, tenant_id: 't-b' }], entry: 2, problem: 'duplicate key (same as entry 0)' },
    { entries: [{ ...entry, key: 'k' }], entry: 0, problem: 'key is 1 characters long; at least 16 are required' },
    { entries: [{ ...entry, key: 'fifteen-chars-x' }], entry: 0, problem: 'key is 15 characters long; at least 16 are required' },
    { entries: [{ ...entry, key: 'ключ-ключ-ключ-ключ' }], entry: 0, problem: 'key must be printable ASCII (a header could not carry it)' },
    { entries: [{ ...entry, user_id: '' }], entry: 0, problem: 'user_id is empty: leave it out for an account-wide key' },
    { entries: [{ ...entry, userId: 'u1' }], entry: 0, problem: 'unknown field "userId" (known: key, tenant_id, user_id, all_users, user_email, role, name, revoked_at)' },
    { entries: [{ ...entry, user_id: 'u1', all_users: 'yes' }], entry: 0, problem: 'all_users is not true or false' },
    { entries: [{ ...entry, all_users: true }], entry: 0, problem: 'all_users needs a user_id (an account key sees every user already)' },
    { entries: [{ ...entry, revoked_at: 'yesterday' }], entry: 0, problem: 'revoked_at "yesterday" is not an ISO 8601 instant (e.g. "2024-05-01T00:00:00Z")' },
    { entries: [{ ...entry, revoked_at: '2024-05-01' }], entry: 0, problem: 'revoked_at "2024-05-01" is not an ISO 8601 instant (e.g. "2024-05-01T00:00:00Z")' },
  ])('$problem', ({ entries, entry: index, problem }) => {
    let thrown: unknown;
    try {
      toApiKeyRecords(entries, NOW);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(KeyEntryError);
    expect(thrown).toMatchObject({ entry: index, problem });
    expect((thrown as Error).message).toBe(index === undefined ? problem : `entry ${index}: ${problem}`);
  });
});
