import type { Db } from 'mongodb';
import type { ApiKeyRecord } from '../../contract/api-key-record.ts';
import { API_KEYS_COLLECTION } from './mongo-store.ts';

/** Stores a new key record; a clashing `key_hash` fails on the unique index rather than replacing a key. */
export async function insertApiKey(db: Db, record: ApiKeyRecord): Promise<void> {
  await db.collection<ApiKeyRecord>(API_KEYS_COLLECTION).insertOne({ ...record });
}

/**
 * Creates or refreshes keys by hash (used for the demo keys, which are public and re-seeded):
 * the fields are overwritten, `created_at` is kept from the first time, and a revoked demo key
 * is brought back to life.
 */
export async function upsertApiKeys(db: Db, records: readonly ApiKeyRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const result = await db.collection<ApiKeyRecord>(API_KEYS_COLLECTION).bulkWrite(
    records.map(({ created_at, revoked_at: _revoked, ...fields }) => ({
      updateOne: {
        filter: { key_hash: fields.key_hash },
        update: { $set: fields, $setOnInsert: { created_at }, $unset: { revoked_at: '' } },
        upsert: true,
      },
    })),
    { ordered: false },
  );
  return result.upsertedCount + result.modifiedCount;
}
