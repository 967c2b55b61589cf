import { readFile } from 'node:fs/promises';
import type { ApiKeyRecord } from '../../contract/api-key-record.ts';
import { hashApiKey } from '../../contract/hash-api-key.ts';
import { echoValue } from '../../shared/echo-value.ts';
import { DataFileError } from './data-file-error.ts';

/** One entry of the `--keys` file (DESIGN 2.2): a plain key, hashed on load and never kept. */
export interface KeyEntry {
  key: string;
  tenant_id: string;
  /** Binds the key to one user of the tenant; never empty. */
  user_id?: string | null;
  /** A user-bound key that may widen its view to the whole tenant. */
  all_users?: boolean;
  user_email: string;
  role: 'user' | 'super_admin';
  /** @default "<role> key for <tenant_id>" */
  name?: string;
  /** ISO 8601 instant from which the key is refused (401). */
  revoked_at?: string | null;
}

/** The shortest key accepted: shorter ones can be guessed. */
export const MIN_KEY_LENGTH = 16;

const KNOWN_FIELDS: ReadonlySet<string> = new Set(['key', 'tenant_id', 'user_id', 'all_users', 'user_email', 'role', 'name', 'revoked_at']);
/** Printable ASCII without the space: what an `Authorization: Bearer` header can carry unchanged. */
const KEY_CHARACTERS = /^[\x21-\x7e]+$/;

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
 * `"<role> key for <tenant_id>"`, `revoked_at` as a Date. Validates as it goes and throws
 * `KeyEntryError` for a value that is not an array, an entry missing `key`/`tenant_id`/
 * `user_email`, a key shorter than 16 characters or outside printable ASCII, an empty
 * `user_id`, `all_users` without a user, a bad `role` or `revoked_at`, an unknown field, or a
 * key given twice.
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
      ...(entry.all_users === true ? { all_users: true } : {}),
      user_email: entry.user_email,
      role: entry.role,
      name: entry.name ?? `${entry.role} key for ${entry.tenant_id}`,
      created_at: new Date(now),
      ...(entry.revoked_at == null ? {} : { revoked_at: new Date(entry.revoked_at) }),
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
  // A misspelt field (`revoked`, `userId`) would otherwise be a silent no-op on access control.
  for (const field of Object.keys(entry)) {
    if (!KNOWN_FIELDS.has(field)) fail(`unknown field ${echoValue(field)} (known: ${[...KNOWN_FIELDS].join(', ')})`);
  }
  if (typeof entry.key !== 'string' || entry.key === '') fail('key is missing or not a non-empty string');
  const key = entry.key as string;
  // Bearer tokens are split on whitespace and headers carry Latin-1 at best: any other key could never be sent.
  if (/\s/.test(key)) fail('key must not contain whitespace');
  if (!KEY_CHARACTERS.test(key)) fail('key must be printable ASCII (a header could not carry it)');
  if (key.length < MIN_KEY_LENGTH) fail(`key is ${key.length} characters long; at least ${MIN_KEY_LENGTH} are required`);
  if (typeof entry.tenant_id !== 'string' || entry.tenant_id === '') {
    fail('tenant_id is missing or not a non-empty string');
  }
  if (typeof entry.user_email !== 'string' || entry.user_email === '') {
    fail('user_email is missing or not a non-empty string');
  }
  if (!(ROLES as readonly unknown[]).includes(entry.role)) {
    fail(entry.role === undefined
      ? `role is missing (expected one of ${ROLES.join(', ')})`
      : `role ${echoValue(entry.role)} is not one of ${ROLES.join(', ')}`);
  }
  if (entry.user_id != null && typeof entry.user_id !== 'string') fail('user_id is not a string');
  // An empty user id would silently make a user key account-wide.
  if (entry.user_id === '') fail('user_id is empty: leave it out for an account-wide key');
  if (entry.all_users !== undefined && typeof entry.all_users !== 'boolean') fail('all_users is not true or false');
  if (entry.all_users === true && entry.user_id == null) fail('all_users needs a user_id (an account key sees every user already)');
  if (entry.name !== undefined && (typeof entry.name !== 'string' || entry.name === '')) {
    fail('name is not a non-empty string');
  }
  if (entry.revoked_at != null) {
    if (typeof entry.revoked_at !== 'string' || !ISO_INSTANT.test(entry.revoked_at) || Number.isNaN(Date.parse(entry.revoked_at))) {
      fail(`revoked_at ${echoValue(entry.revoked_at)} is not an ISO 8601 instant (e.g. "2024-05-01T00:00:00Z")`);
    }
  }
  return entry as unknown as KeyEntry;
}

/** A date with a time and an offset, so the instant is never read in the server's zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
