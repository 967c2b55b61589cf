import type { Db } from 'mongodb';
import type { VocabularyEntry } from '../../contract/vocabulary-entry.ts';
import { VOCABULARIES_COLLECTION } from './mongo-store.ts';

/** How `upsertVocabulary` went: entries added, and existing entries whose fields changed. */
export interface UpsertVocabularyResult {
  inserted: number;
  updated: number;
}

/**
 * Stores vocabulary entries by their unique key `{ tenant_id, kind, value }` (DESIGN 2.4;
 * the `tenant_kind_value_unique` index): a new entry is inserted, an existing one gets the
 * entry's other fields, so running `seed` again changes nothing and never duplicates. An
 * entry's own `_id` is not written (MongoDB gives a new entry one; an old one keeps its own).
 */
export async function upsertVocabulary(db: Db, entries: readonly VocabularyEntry[]): Promise<UpsertVocabularyResult> {
  if (entries.length === 0) return { inserted: 0, updated: 0 };
  const result = await db.collection<VocabularyEntry>(VOCABULARIES_COLLECTION).bulkWrite(
    entries.map(({ _id: _ignored, tenant_id, kind, value, ...rest }) => ({
      updateOne: {
        filter: { tenant_id, kind, value },
        update: { $set: { tenant_id, kind, value, ...rest } },
        upsert: true,
      },
    })),
    { ordered: false },
  );
  return { inserted: result.upsertedCount, updated: result.modifiedCount };
}
