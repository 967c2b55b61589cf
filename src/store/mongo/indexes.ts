import type { CollationOptions, Db } from 'mongodb';
import type { MongoStore } from './mongo-store.ts';
import { API_KEYS_COLLECTION, CALLS_COLLECTION } from './mongo-store.ts';
import { mapMongoError } from './map-mongo-error.ts';

/** One index dialgraph relies on, with the query that needs it. */
export interface IndexDefinition {
  name: string;
  key: Record<string, 1 | -1>;
  /** Which query shape the index serves; printed by `dialgraph indexes`. */
  reason: string;
  unique?: boolean;
  collation?: CollationOptions;
}

/** Indexes of the `calls` collection. */
export const CALL_INDEXES: readonly IndexDefinition[] = [
  {
    name: 'tenant_started',
    key: { tenant_id: 1, started_at: 1 },
    reason: "Every tenant query's leading $match: tenant_id equality plus the started_at range.",
  },
  {
    name: 'started',
    key: { started_at: 1 },
    reason: 'Cross-tenant admin queries (adminCallsByPhoneNumber) without a userEmail: started_at range over all tenants.',
  },
  {
    name: 'user_email_started',
    key: { user_email: 1, started_at: 1 },
    reason:
      'adminCallsByPhoneNumber(userEmail): the e-mail is matched case-insensitively with an anchored, escaped ' +
      '/^…$/i regex (identical on both engines, unlike collations), which MongoDB answers by scanning this ' +
      "index's keys and the started_at range instead of the documents.",
  },
  {
    name: 'tenant_assistant_started',
    key: { tenant_id: 1, assistant_id: 1, started_at: 1 },
    reason: 'callsByPhoneNumber(assistantId) and the Assistant entity fields: tenant + assistant equality, started_at range.',
  },
  {
    name: 'tenant_platform_started',
    key: { tenant_id: 1, platform_number: 1, started_at: 1 },
    reason: 'The PhoneNumber entity fields (batched by DataLoader): tenant + platform_number $in, started_at range.',
  },
  {
    name: 'tenant_lead',
    key: { tenant_id: 1, lead_id: 1 },
    reason: 'Retry analysis and the conversion funnel: grouping a tenant’s calls by lead_id.',
  },
];

/** Indexes of the `api_keys` collection. */
export const API_KEY_INDEXES: readonly IndexDefinition[] = [
  {
    name: 'key_hash_unique',
    key: { key_hash: 1 },
    unique: true,
    reason: 'Authenticating a request looks its key up by SHA-256 hash; unique so a hash names one key.',
  },
];

/** An index as `ensureIndexes` created (or found already present). */
export interface EnsuredIndex extends IndexDefinition {
  collection: string;
}

/**
 * Creates every index of both collections. Idempotent: an index that already exists with the
 * same definition is left alone. An index of the same name but another definition (an older
 * dialgraph) is an error naming the index to drop, since rebuilding it silently could lock a
 * large collection.
 */
export async function ensureIndexes(target: MongoStore | Db): Promise<EnsuredIndex[]> {
  const db = await resolveDb(target);
  return [
    ...(await createIndexes(db, CALLS_COLLECTION, CALL_INDEXES)),
    ...(await createIndexes(db, API_KEYS_COLLECTION, API_KEY_INDEXES)),
  ];
}

/** Creates only the `api_keys` indexes (what `keys create` needs before inserting). */
export async function ensureApiKeyIndexes(target: MongoStore | Db): Promise<EnsuredIndex[]> {
  return createIndexes(await resolveDb(target), API_KEYS_COLLECTION, API_KEY_INDEXES);
}

async function createIndexes(db: Db, collection: string, definitions: readonly IndexDefinition[]): Promise<EnsuredIndex[]> {
  try {
    await db.collection(collection).createIndexes(
      definitions.map((definition) => ({
        name: definition.name,
        key: definition.key,
        ...(definition.unique ? { unique: true } : {}),
        ...(definition.collation ? { collation: definition.collation } : {}),
      })),
    );
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // 85 IndexOptionsConflict, 86 IndexKeySpecsConflict: same name, other definition.
    if (code === 85 || code === 86) {
      throw new Error(
        `An index on ${collection} conflicts with dialgraph's definition (${(error as Error).message}). ` +
          'Drop the old index (db.<collection>.dropIndex(name)) and run `dialgraph indexes` again.',
        { cause: error },
      );
    }
    throw mapMongoError(error);
  }
  return definitions.map((definition) => ({ ...definition, collection }));
}

function resolveDb(target: MongoStore | Db): Promise<Db> {
  return isMongoStore(target) ? target.database() : Promise.resolve(target);
}

function isMongoStore(target: MongoStore | Db): target is MongoStore {
  return (target as Partial<MongoStore>).engine === 'mongodb';
}
