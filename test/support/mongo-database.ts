import { randomBytes } from 'node:crypto';
import type { ApiKeyRecord } from '../../src/contract/api-key-record.ts';
import type { CallDocument } from '../../src/contract/call-document.ts';
import type { MongoStore } from '../../src/store/mongo/mongo-store.ts';

/**
 * A throwaway MongoDB database for a suite that compares MongoDB with the embedded engine: a
 * fresh name (`dialgraph_<prefix>_…`), the calls and keys inserted, the serving indexes when
 * asked, and a `close` that drops it. The MongoDB modules are imported on use, so suites
 * skipped without `MONGODB_TEST_URI` never load the driver.
 */
export async function openTestDatabase(options: {
  uri: string;
  prefix: string;
  calls: readonly CallDocument[];
  keys: readonly ApiKeyRecord[];
  indexes?: boolean;
}): Promise<{ store: MongoStore; close(): Promise<void> }> {
  const { createMongoStore } = await import('../../src/store/mongo/mongo-store.ts');
  const { insertCalls } = await import('../../src/store/mongo/insert-calls.ts');
  const { insertApiKey } = await import('../../src/store/mongo/api-keys.ts');
  const { ensureIndexes } = await import('../../src/store/mongo/indexes.ts');
  const dbName = `dialgraph_${options.prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const store = await createMongoStore({ uri: options.uri, db: dbName, serverSelectionTimeoutMS: 5_000, log: () => undefined });
  const db = await store.database();
  if (options.indexes) await ensureIndexes(db);
  await insertCalls({ db, calls: options.calls });
  for (const key of options.keys) await insertApiKey(db, key);
  return {
    store,
    close: async () => {
      await db.dropDatabase();
      await store.close();
    },
  };
}
