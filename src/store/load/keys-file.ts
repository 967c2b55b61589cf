import { readFile } from 'node:fs/promises';
import type { ApiKeyRecord } from '../../contract/api-key-record.ts';
import { hashApiKey } from '../../auth/hash-key.ts';
import { DataFileError } from './data-file-error.ts';

/** One entry of the `--keys` file: a plain key, hashed on load and never kept. */
export interface KeyEntry {
  key: string;
  tenant_id: string;
  user_id?: string | null;
  user_email: string;
  role: 'user' | 'super_admin';
  /** @default "<role> key for <tenant_id>" */
  name?: string;
}

/** A key entry that cannot become a record; `entry` is its 0-based index. */
export class KeyEntryError extends Error {
  override readonly name = 'KeyEntryError';
  /** 0-based index of the entry, absent when the list itself is wrong. */
  readonly entry?: number;
  /** The problem without the location prefix. */
  readonly problem: string;

  constructor(problem: string, entry?: number) {
    super(entry === undefined ? problem : `entry ${entry}: ${problem}`);
    this.entry = entry;
    this.problem = problem;
  }
}

const ROLES = ['user', 'super_admin'] as const;

/**
 * Loads the `--keys` JSON file (an array of {@link KeyEntry}) as API key records, created
 * now. Any problem throws a `DataFileError` naming the file and the 0-based entry index
 * (`keys.json[2]: role "admin" is not one of user, super_admin`).
 */
export async function loadKeysFile(path: string): Promise<ApiKeyRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DataFileError({ path, problem: `cannot read file (${messageOf(error)})`, cause: error });
  }
  let entries: unknown;
  try {
    entries = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new DataFileError({ path, problem: `not valid JSON (${messageOf(error)})`, cause: error });
  }
  try {
    return toApiKeyRecords(entries, new Date());
  } catch (error) {
    if (!(error instanceof KeyEntryError)) throw error;
    throw new DataFileError({ path, entry: error.entry, problem: error.problem, cause: error });
  }
}

/**
 * Turns key entries (the `--keys` file's, or in-memory ones such as the demo keys) into API
 * key records: `key_hash = hashApiKey(key)`, `created_at = now`, `name` defaulting to
 * `"<role> key for <tenant_id>"`. Validates as it goes and throws `KeyEntryError` for a
 * value that is not an array, an entry missing `key`/`tenant_id`/`user_email`, a bad
 * `role`, or a key given twice. Unknown fields are ignored.
 */
export function toApiKeyRecords(entries: unknown, now: Date): ApiKeyRecord[] {
  if (!Array.isArray(entries)) throw new KeyEntryError('expected a JSON array of key entries');
  const indexOfKey = new Map<string, number>();
  return entries.map((value: unknown, index) => {
    const entry = checkEntry(value, index);
    const earlier = indexOfKey.get(entry.key);
    if (earlier !== undefined) throw new KeyEntryError(`duplicate key (same as entry ${earlier})`, index);
    indexOfKey.set(entry.key, index);
    return {
      key_hash: hashApiKey(entry.key),
      tenant_id: entry.tenant_id,
      ...(entry.user_id == null ? {} : { user_id: entry.user_id }),
      user_email: entry.user_email,
      role: entry.role,
      name: entry.name ?? `${entry.role} key for ${entry.tenant_id}`,
      created_at: new Date(now),
    };
  });
}

function checkEntry(value: unknown, index: number): KeyEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KeyEntryError('not a JSON object', index);
  }
  const entry = value as Record<string, unknown>;
  const fail = (problem: string): never => {
    throw new KeyEntryError(problem, index);
  };
  // Bearer tokens are split on whitespace, so a key containing any could never be sent.
  if (typeof entry.key !== 'string' || entry.key === '') fail('key is missing or not a non-empty string');
  if (/\s/.test(entry.key as string)) fail('key must not contain whitespace');
  if (typeof entry.tenant_id !== 'string' || entry.tenant_id === '') {
    fail('tenant_id is missing or not a non-empty string');
  }
  if (typeof entry.user_email !== 'string' || entry.user_email === '') {
    fail('user_email is missing or not a non-empty string');
  }
  if (!(ROLES as readonly unknown[]).includes(entry.role)) {
    fail(entry.role === undefined
      ? `role is missing (expected one of ${ROLES.join(', ')})`
      : `role ${JSON.stringify(entry.role)} is not one of ${ROLES.join(', ')}`);
  }
  if (entry.user_id != null && typeof entry.user_id !== 'string') fail('user_id is not a string');
  if (entry.name !== undefined && (typeof entry.name !== 'string' || entry.name === '')) {
    fail('name is not a non-empty string');
  }
  return entry as unknown as KeyEntry;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
