import type { ApiKeyRecord } from '../../contract/api-key-record.ts';
import { generateApiKey, hashApiKey } from '../../contract/hash-api-key.ts';
import { insertApiKey } from '../../store/mongo/api-keys.ts';
import { MONGO_CONNECTION_OPTIONS, withMongoStore } from '../mongo-connection.ts';
import { ensureApiKeyIndexes } from '../../store/mongo/indexes.ts';
import { readBooleanFlag, UsageError, type Command, type OptionValues } from '../command.ts';

/** `dialgraph keys create`: issues an API key, stores only its hash, prints the key once. */
export const keysCreateCommand: Command = {
  name: 'keys create',
  summary: 'Create an API key in MongoDB; only its SHA-256 hash is stored and the key is printed once',
  options: {
    ...MONGO_CONNECTION_OPTIONS,
    tenant: {
      type: 'string',
      env: 'DIALGRAPH_KEY_TENANT',
      placeholder: 'tenant-id',
      description: 'Tenant the key belongs to; its queries are scoped to this tenant (required)',
    },
    email: {
      type: 'string',
      env: 'DIALGRAPH_KEY_EMAIL',
      placeholder: 'email',
      description: "Email of the key's owner (required)",
    },
    user: {
      type: 'string',
      env: 'DIALGRAPH_KEY_USER',
      placeholder: 'user-id',
      description: 'Bind the key to this user of the tenant: it then sees only that user\'s calls, on every field (optional)',
    },
    'all-users': {
      type: 'boolean',
      env: 'DIALGRAPH_KEY_ALL_USERS',
      description: 'With --user: the user is only the default view, and allUsers/userId may widen it to the whole tenant',
    },
    role: {
      type: 'string',
      env: 'DIALGRAPH_KEY_ROLE',
      placeholder: 'user|super_admin',
      default: 'user',
      description: 'user, or super_admin for the cross-tenant admin fields',
    },
    name: {
      type: 'string',
      env: 'DIALGRAPH_KEY_NAME',
      placeholder: 'text',
      description: 'Label to recognise the key by later (default: "<email> <date>")',
    },
  },
  async run(values) {
    // Validate before connecting, so a typo costs no round trip.
    const flags = readKeyCreateFlags(values);
    const key = generateApiKey();
    const record = buildApiKeyRecord({ flags, keyHash: hashApiKey(key), now: new Date() });
    await withMongoStore(values, async (_store, db) => {
      await ensureApiKeyIndexes(db);
      await insertApiKey(db, record);
    });
    process.stderr.write(
      `Created ${record.role} key "${record.name}" for ${record.user_email} (tenant ${record.tenant_id}).\n` +
        'Copy it now: it is NOT stored and will not be shown again.\n',
    );
    // The key alone on stdout, so `KEY=$(dialgraph keys create …)` works.
    process.stdout.write(`${key}\n`);
  },
};

/** The validated flags of `keys create`. */
export interface KeyCreateFlags {
  tenant: string;
  email: string;
  user?: string;
  /** With `user`: the key may widen its view to the whole tenant. */
  allUsers?: boolean;
  role: ApiKeyRecord['role'];
  name?: string;
}

// Deliberately loose (one @, a dot in the domain, no spaces): the address is a label, never mailed.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ROLES: readonly ApiKeyRecord['role'][] = ['user', 'super_admin'];

/** Reads and validates `keys create`'s flags; throws `UsageError` naming the flag and its variable. */
export function readKeyCreateFlags(values: OptionValues): KeyCreateFlags {
  const tenant = readText(values, 'tenant');
  if (!tenant) throw new UsageError('--tenant (or DIALGRAPH_KEY_TENANT) is required');
  const email = readText(values, 'email');
  if (!email) throw new UsageError('--email (or DIALGRAPH_KEY_EMAIL) is required');
  if (!EMAIL.test(email)) throw new UsageError(`--email must be an email address, got "${email}"`);
  const role = (readText(values, 'role') ?? 'user').toLowerCase();
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got "${role}"`);
  const user = readText(values, 'user');
  const allUsers = readBooleanFlag(values, 'all-users');
  if (allUsers && !user) throw new UsageError('--all-users needs --user (an account key sees every user already)');
  const name = readText(values, 'name');
  return { tenant, email, role, ...(user ? { user } : {}), ...(allUsers ? { allUsers } : {}), ...(name ? { name } : {}) };
}

export interface BuildApiKeyRecordOptions {
  flags: KeyCreateFlags;
  /** `hashApiKey(key)`; the plain key never reaches the record. */
  keyHash: string;
  now: Date;
}

/** The `api_keys` document for a new key (DESIGN 2.2). */
export function buildApiKeyRecord(options: BuildApiKeyRecordOptions): ApiKeyRecord {
  const { flags, keyHash, now } = options;
  return {
    key_hash: keyHash,
    tenant_id: flags.tenant,
    ...(flags.user ? { user_id: flags.user } : {}),
    ...(flags.user && flags.allUsers ? { all_users: true } : {}),
    user_email: flags.email,
    role: flags.role,
    name: flags.name ?? `${flags.email} ${now.toISOString().slice(0, 10)}`,
    created_at: now,
  };
}

function readText(values: OptionValues, flag: string): string | undefined {
  const raw = values[flag];
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  return text === '' ? undefined : text;
}


function isRole(role: string): role is ApiKeyRecord['role'] {
  return (ROLES as readonly string[]).includes(role);
}
