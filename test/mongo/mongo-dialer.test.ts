import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountVocabularyQuery } from '../../src/analytics/families/dialer/call-vocabulary.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { VocabularyEntry } from '../../src/contract/vocabulary-entry.ts';
import { insertApiKey } from '../../src/store/mongo/api-keys.ts';
import { ensureIndexes, VOCABULARY_INDEXES } from '../../src/store/mongo/indexes.ts';
import { insertCalls } from '../../src/store/mongo/insert-calls.ts';
import { createMongoStore, type MongoStore } from '../../src/store/mongo/mongo-store.ts';
import { upsertVocabulary } from '../../src/store/mongo/vocabularies.ts';
import {
  FULL_RECORD_ANSWER,
  FULL_RECORD_CALL,
  FULL_RECORD_SELECTION,
  T1_CHOICES,
  T2_CHOICES,
  VOCABULARY_CALLS,
  VOCABULARY_DAYS,
  VOCABULARY_ENTRIES,
} from '../fixtures/dialer-fixtures.ts';
import { KEYS, testKeys } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

/**
 * Issue 18 on a real MongoDB (skipped without MONGODB_TEST_URI): the dialer's full call record
 * round-trips through the `Call` type, and the list's tags/outcomes/projects come from
 * `call_vocabularies` with the per-kind fallback, tenant by tenant, exactly as on the embedded
 * engine (the same fixtures and expectations as test/graphql/call-record.test.ts and
 * test/graphql/account-vocabularies.test.ts).
 */
const uri = process.env.MONGODB_TEST_URI;
const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const NOW = '2024-03-15T12:00:00.000Z';

describe.skipIf(!uri)('the dialer on MongoDB (live server)', () => {
  const dbName = `dialgraph_dialer_${runId}`;
  let store: MongoStore;
  let db: Db;
  let mongo: ReturnType<typeof testGateway>;
  const embedded = testGateway({ calls: [FULL_RECORD_CALL, ...VOCABULARY_CALLS], vocabularies: VOCABULARY_ENTRIES, now: NOW });

  beforeAll(async () => {
    store = await createMongoStore({ uri: uri!, db: dbName, serverSelectionTimeoutMS: 5_000, log: () => undefined });
    db = await store.database();
    await ensureIndexes(db);
    await insertCalls({ db, calls: [FULL_RECORD_CALL, ...VOCABULARY_CALLS] });
    expect(await upsertVocabulary(db, VOCABULARY_ENTRIES)).toEqual({ inserted: VOCABULARY_ENTRIES.length, updated: 0 });
    for (const key of testKeys()) await insertApiKey(db, key);
    mongo = testGateway({ calls: [], store, now: NOW });
  }, 60_000);

  afterAll(async () => {
    await db?.dropDatabase();
    await store?.close();
  });

  async function both(document: string, key: string = KEYS.t1) {
    const [onMongo, onEmbedded] = await Promise.all([mongo.query(document, {}, key), embedded.query(document, {}, key)]);
    expect(onMongo.body.errors).toBeUndefined();
    expect(onMongo.body.data).toEqual(onEmbedded.body.data);
    return onMongo.body.data!;
  }

  it('round-trips a call with every field of DESIGN 2.1’s second table through the Call type', async () => {
    const data = await both(`{ calls(search: { dayFrom: "2024-03-01", dayTo: "2024-03-01" }) { calls { ${FULL_RECORD_SELECTION} } } }`);
    expect(data.calls.calls.find((c: { id: string }) => c.id === 'full-record')).toEqual(FULL_RECORD_ANSWER);
  });

  it('lists the account vocabulary with the per-kind fallback, as the embedded engine does', async () => {
    const selection = 'totalItems tags outcomes projects { id name }';
    // The full-record call is t1's too (tag `hot`, no outcome, no project), in the same days.
    const t1 = (await both(`{ calls(search: { ${VOCABULARY_DAYS} }, itemsPerPage: 1) { ${selection} } }`)).calls;
    expect(t1).toEqual({ ...T1_CHOICES, totalItems: T1_CHOICES.totalItems + 1 });
    expect((await both(`{ calls(search: { ${VOCABULARY_DAYS} }, itemsPerPage: 1) { ${selection} } }`, KEYS.t2)).calls).toEqual(T2_CHOICES);
  });

  it('keeps the vocabulary unique per { tenant_id, kind, value } and upserts idempotently', async () => {
    expect(await upsertVocabulary(db, VOCABULARY_ENTRIES)).toEqual({ inserted: 0, updated: 0 });
    const changed: VocabularyEntry = { tenant_id: 't2', kind: 'outcome', value: 't2-defined', outcome_type: 'negative' };
    expect(await upsertVocabulary(db, [changed])).toEqual({ inserted: 0, updated: 1 });
    expect(await db.collection('call_vocabularies').countDocuments()).toBe(VOCABULARY_ENTRIES.length);
    await expect(db.collection('call_vocabularies').insertOne({ tenant_id: 't1', kind: 'tag', value: 'hot' })).rejects.toThrow(/duplicate key/i);
    const index = (await db.collection('call_vocabularies').listIndexes().toArray()).find((found) => found.name === VOCABULARY_INDEXES[0].name);
    expect(index).toMatchObject({ key: { tenant_id: 1, kind: 1, value: 1 }, unique: true });
  });

  it('reads the vocabulary on its unique index, scoped by the compiler', async () => {
    const principal = { tenantId: 't1', userEmail: 'owner@t1.example', role: 'user' as const };
    const pipeline = compileCallQuery(accountVocabularyQuery(principal, new Set(['tags', 'projects'])));
    const plan = await store.explain(pipeline, { collection: 'call_vocabularies' });
    expect(plan.indexes).toEqual(['tenant_kind_value_unique']);
    // Only t1's tags and projects are examined.
    expect(plan.docsExamined).toBe(7);
    const rows = await store.aggregate(pipeline, { collection: 'call_vocabularies' });
    expect(rows.map((row) => row.value).sort()).toEqual(['No id yet', 'Planned', 'Solar', 'Zebra', 'cold', 'hot', 'never-used']);
  });
});
