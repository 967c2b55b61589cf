import type { CollationOptions, Db } from 'mongodb';
import type { MongoStore } from './mongo-store.ts';
import { API_KEYS_COLLECTION, CALLS_COLLECTION, VOCABULARIES_COLLECTION } from './mongo-store.ts';
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

/**
 * Indexes of the `calls` collection, in equality → sort → range order (ESR): equality fields
 * first (`tenant_id`, and `user_id` for user-bound keys), then the list's sort keys, then the
 * `started_at` range. `_id` closes the sorted ones, in the same direction as the sort, so a page
 * is read in index order (forwards or backwards) and never sorted in memory. The test
 * `test/store/plan-checker.test.ts` names, for every pipeline a client can cause, the index
 * here that serves its leading `$match` and sort; docs/mongodb.md lists which query uses which.
 */
export const CALL_INDEXES: readonly IndexDefinition[] = [
  {
    name: 'tenant_started_id_transfer',
    key: { tenant_id: 1, started_at: 1, _id: 1, is_transfer_leg: 1 },
    reason:
      "Every tenant query's leading $match (tenant_id equality, started_at range); the calls list by TIMESTAMP in either " +
      'direction (started_at, _id); its count reads no document (is_transfer_leg, the default filter, is in the key). ' +
      'Prefixed by the shard key { tenant_id: 1, started_at: 1 }.',
  },
  {
    name: 'tenant_user_started_id_transfer',
    key: { tenant_id: 1, user_id: 1, started_at: 1, _id: 1, is_transfer_leg: 1 },
    reason: 'User-bound keys (and userId): tenant + user equality, started_at range; their list by TIMESTAMP and its count.',
  },
  {
    name: 'tenant_talk_started_id',
    key: { tenant_id: 1, talk_time_sec: 1, started_at: 1, _id: 1 },
    reason: 'The calls list sorted by TALK_TIME: tenant equality, then the sort (talk time, start time, id), with the started_at range.',
  },
  {
    name: 'tenant_answer_started_id',
    key: { tenant_id: 1, answer_time_sec: 1, started_at: 1, _id: 1 },
    reason: 'The calls list sorted by ANSWER_TIME: tenant equality, then the sort (answer time, start time, id), with the started_at range.',
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
      'adminCallsByPhoneNumber(userEmail): one $or branch per case variant of the first letters of the e-mail, each a ' +
      'user_email prefix range with the started_at range (index bounds); the anchored case-insensitive regex then ' +
      'checks the whole address on the few keys inside them.',
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
];

/**
 * Indexes earlier versions of dialgraph created that no query uses any more. `dialgraph
 * indexes` drops an index of the `calls` collection only when both its name and its key are
 * listed here (an index of the same name with another key is someone else's and stays).
 */
export const OBSOLETE_CALL_INDEXES: readonly IndexDefinition[] = [
  {
    name: 'tenant_started',
    key: { tenant_id: 1, started_at: 1 },
    reason: 'A prefix of tenant_started_id_transfer, which serves every query it served.',
  },
  {
    name: 'tenant_lead',
    key: { tenant_id: 1, lead_id: 1 },
    reason: 'Retry analysis and the funnel group by lead_id after the tenant + started_at $match; no query looks calls up by lead.',
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

/** Indexes of the `call_vocabularies` collection (DESIGN 2.4). */
export const VOCABULARY_INDEXES: readonly IndexDefinition[] = [
  {
    name: 'tenant_kind_value_unique',
    key: { tenant_id: 1, kind: 1, value: 1 },
    unique: true,
    reason:
      "The calls list's account vocabulary: tenant equality, kind $in, read in kind, value order. Unique so a tenant " +
      'defines each tag, outcome and project once (`seed` upserts by it).',
  },
];

/** An index as `ensureIndexes` created (or found already present). */
export interface EnsuredIndex extends IndexDefinition {
  collection: string;
}

/** What `dropObsoleteIndexes` did with one obsolete index that was present. */
export interface DroppedIndex extends IndexDefinition {
  collection: string;
  /** Dropped, or kept with the server's reason (e.g. it is the only index for the shard key). */
  outcome: 'dropped' | { kept: string };
}

/**
 * Drops the obsolete indexes dialgraph created (by name, and only with the key it gave them),
 * after `ensureIndexes` built their replacements. Indexes it did not create are never touched.
 */
export async function dropObsoleteIndexes(target: MongoStore | Db): Promise<DroppedIndex[]> {
  const db = await resolveDb(target);
  const collection = db.collection(CALLS_COLLECTION);
  let present: { name?: string; key?: Record<string, unknown> }[];
  try {
    present = await collection.listIndexes().toArray();
  } catch (error) {
    // 26 NamespaceNotFound: no collection yet, so nothing to drop.
    if ((error as { code?: unknown }).code === 26) return [];
    throw mapMongoError(error);
  }
  const dropped: DroppedIndex[] = [];
  for (const obsolete of OBSOLETE_CALL_INDEXES) {
    const found = present.find((index) => index.name === obsolete.name);
    if (!found || !sameKey(found.key, obsolete.key)) continue;
    try {
      await collection.dropIndex(obsolete.name);
      dropped.push({ ...obsolete, collection: CALLS_COLLECTION, outcome: 'dropped' });
    } catch (error) {
      dropped.push({ ...obsolete, collection: CALLS_COLLECTION, outcome: { kept: (error as Error).message } });
    }
  }
  return dropped;
}

/** Same fields in the same order with the same directions. */
function sameKey(actual: Record<string, unknown> | undefined, expected: Record<string, 1 | -1>): boolean {
  if (!actual) return false;
  const a = Object.entries(actual);
  const b = Object.entries(expected);
  return a.length === b.length && a.every(([field, direction], i) => field === b[i][0] && Number(direction) === b[i][1]);
}

/**
 * Creates every index of the three collections. Idempotent: an index that already exists with the
 * same definition is left alone. An index of the same name but another definition (an older
 * dialgraph) is an error naming the index to drop, since rebuilding it silently could lock a
 * large collection.
 */
export async function ensureIndexes(target: MongoStore | Db): Promise<EnsuredIndex[]> {
  const db = await resolveDb(target);
  return [
    ...(await createIndexes(db, CALLS_COLLECTION, CALL_INDEXES)),
    ...(await createIndexes(db, VOCABULARIES_COLLECTION, VOCABULARY_INDEXES)),
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
