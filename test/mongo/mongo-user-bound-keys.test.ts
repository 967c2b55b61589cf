import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { insertApiKey } from '../../src/store/mongo/api-keys.ts';
import { insertCalls } from '../../src/store/mongo/insert-calls.ts';
import { createMongoStore, type MongoStore } from '../../src/store/mongo/mongo-store.ts';
import { testGateway } from '../support/gateway.ts';
import { CALLS, NOW, userBoundKeySuite, userBoundKeys } from '../support/user-bound-cases.ts';

/**
 * Keys as access control on a live MongoDB (DESIGN 2.2): the same cases as the embedded run
 * (test/graphql/user-bound-keys.test.ts), with the calls and keys in MongoDB collections — a
 * user-bound key sees only its user's calls on every field, entities included; `allUsers` and a
 * foreign `userId` are FORBIDDEN; `revoked_at` is honoured. Runs when MONGODB_TEST_URI is set
 * (CI: .github/workflows/mongo.yml); a fresh database per run, dropped at the end.
 */
const uri = process.env.MONGODB_TEST_URI;
const dbName = `dialgraph_test_userkeys_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

describe.skipIf(!uri)('user-bound keys on MongoDB (live server)', () => {
  let store: MongoStore;
  let gateway: ReturnType<typeof testGateway>;

  beforeAll(async () => {
    store = await createMongoStore({ uri: uri!, db: dbName, serverSelectionTimeoutMS: 5_000, log: () => undefined });
    const db = await store.database();
    await insertCalls({ db, calls: CALLS, batchSize: 100 });
    // insertApiKey, not upsertApiKeys: the upsert (for demo keys) clears revoked_at, which these cases need.
    for (const key of userBoundKeys()) await insertApiKey(db, key);
    gateway = testGateway({ calls: CALLS, now: NOW, store });
  });

  afterAll(async () => {
    await (await store?.database())?.dropDatabase();
    await store?.close();
  });

  userBoundKeySuite(() => gateway);
});
