import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallDocument, StoredCallStatus } from '../../src/contract/call-document.ts';
import type { ApiKeyRecord } from '../../src/contract/api-key-record.ts';
import { hashApiKey } from '../../src/contract/hash-api-key.ts';
import { QueryTimeoutError } from '../../src/store/errors.ts';
import { insertApiKey } from '../../src/store/mongo/api-keys.ts';
import { CALL_INDEXES, ensureIndexes } from '../../src/store/mongo/indexes.ts';
import { equalsIgnoringCaseByPrefix } from '../../src/analytics/query/case-insensitive-equality.ts';
import { insertCalls } from '../../src/store/mongo/insert-calls.ts';
import { createMongoStore, type MongoStore } from '../../src/store/mongo/mongo-store.ts';

/**
 * Runs against a real MongoDB (CI: the `mongo:7` service of .github/workflows/mongo.yml).
 * Every run uses fresh databases with unique names and drops them at the end.
 */
const uri = process.env.MONGODB_TEST_URI;
const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

const STATUSES: StoredCallStatus[] = ['completed', 'no-answer', 'busy', 'failed', 'voicemail', 'completed'];

/** 50 hand-made calls: tenants t1 (30) and t2 (20), one day apart, known durations and statuses. */
function fixtureCalls(): CallDocument[] {
  return Array.from({ length: 50 }, (_, i) => ({
    _id: `call-${String(i).padStart(3, '0')}`,
    tenant_id: i < 30 ? 't1' : 't2',
    user_email: i < 30 ? 'Owner@One.example' : 'owner@two.example',
    assistant_id: i % 2 === 0 ? 'asst-a' : 'asst-b',
    lead_id: `lead-${i % 7}`,
    started_at: new Date(Date.UTC(2025, 0, 1 + (i % 5), 8 + (i % 10))),
    ended_at: new Date(Date.UTC(2025, 0, 1 + (i % 5), 9 + (i % 10))),
    duration_sec: i * 10,
    channel: i % 10 === 0 ? 'web' : 'phone',
    platform_number: i % 3 === 0 ? null : `+1555000${i % 4}`,
    direction: 'inbound',
    status: STATUSES[i % STATUSES.length],
    tags: [],
    payload: { campaign: i % 2 ? 'spring' : 'summer' },
  }));
}

describe.skipIf(!uri)('MongoDB store (live server)', () => {
  const dbName = `dialgraph_test_${runId}`;
  const calls = fixtureCalls();
  let store: MongoStore;
  let db: Db;

  beforeAll(async () => {
    store = await createMongoStore({ uri: uri!, db: dbName, serverSelectionTimeoutMS: 5_000, log: () => undefined });
    db = await store.database();
    const result = await insertCalls({ db, calls, batchSize: 20 });
    expect(result).toEqual({ inserted: 50, duplicates: 0 });
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await store?.close();
  });

  it('runs the pipeline unchanged and returns its rows', async () => {
    const rows = await store.aggregate<{ _id: string; calls: number; seconds: number }>([
      { $match: { tenant_id: 't1' } },
      { $group: { _id: '$status', calls: { $sum: 1 }, seconds: { $sum: { $ifNull: ['$duration_sec', 0] } } } },
      { $sort: { _id: 1 } },
    ]);
    const expected = new Map<string, { calls: number; seconds: number }>();
    for (const call of calls.filter((c) => c.tenant_id === 't1')) {
      const entry = expected.get(call.status) ?? { calls: 0, seconds: 0 };
      entry.calls += 1;
      entry.seconds += call.duration_sec ?? 0;
      expected.set(call.status, entry);
    }
    expect(rows).toEqual([...expected.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([_id, v]) => ({ _id, ...v })));
  });

  it('groups by day over a time range like the compilers do', async () => {
    const from = new Date(Date.UTC(2025, 0, 2));
    const to = new Date(Date.UTC(2025, 0, 4, 23, 59, 59, 999));
    const rows = await store.aggregate<{ _id: Date; n: number }>([
      { $match: { tenant_id: 't2', started_at: { $gte: from, $lte: to } } },
      { $group: { _id: { $dateTrunc: { date: '$started_at', unit: 'day' } }, n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    const counts = new Map<number, number>();
    for (const call of calls) {
      if (call.tenant_id !== 't2' || call.started_at < from || call.started_at > to) continue;
      const day = Date.UTC(call.started_at.getUTCFullYear(), call.started_at.getUTCMonth(), call.started_at.getUTCDate());
      counts.set(day, (counts.get(day) ?? 0) + 1);
    }
    expect(rows.map((r) => [r._id.getTime(), r.n])).toEqual([...counts.entries()].sort((a, b) => a[0] - b[0]));
  });

  it('returns no rows for a tenant without calls, and 0 via an empty $count', async () => {
    expect(await store.aggregate([{ $match: { tenant_id: 'nobody' } }, { $count: 'n' }])).toEqual([]);
  });

  it('matches userEmail case-insensitively with index bounds on the e-mail index (prefix ranges, then the regex)', async () => {
    await ensureIndexes(store);
    const pipeline = [{ $match: equalsIgnoringCaseByPrefix('user_email', 'OWNER@ONE.EXAMPLE') }, { $count: 'n' }];
    expect(await store.aggregate(pipeline)).toEqual([{ n: 30 }]);
    const plan = JSON.stringify(await db.collection('calls').aggregate(pipeline).explain('executionStats'));
    expect(plan).toContain('user_email_started');
    expect(plan).toContain('IXSCAN');
    expect(plan).not.toContain('COLLSCAN');
    // The same plan as explain (x-dialgraph-explain) reports it.
    const summary = await store.explain(pipeline);
    expect(summary.indexes).toContain('user_email_started');
    expect(summary.keysExamined).toBeGreaterThan(0);
    expect(summary.docsExamined).toBeLessThanOrEqual(30);
  });

  it('stops a query over its time budget with QueryTimeoutError', async () => {
    // About nine million documents flow through $unwind/$group: seconds of work on any server,
    // so a 50 ms budget always runs out, and the server checks its deadline between documents.
    const heavy = [
      { $limit: 1 },
      { $project: { a: { $range: [0, 3_000] } } },
      { $unwind: '$a' },
      { $project: { b: { $range: [0, 3_000] } } },
      { $unwind: '$b' },
      { $group: { _id: null, n: { $sum: 1 } } },
    ];
    const started = Date.now();
    const error = await store.aggregate(heavy, { maxTimeMS: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryTimeoutError);
    // Interrupted by the server, not after finishing the work.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('finds API keys by hash, ignoring unknown hashes', async () => {
    const records: ApiKeyRecord[] = [
      { key_hash: hashApiKey('k1'), tenant_id: 't1', user_email: 'a@one.example', role: 'user', name: 'one', created_at: new Date() },
      {
        key_hash: hashApiKey('k2'),
        tenant_id: 't2',
        user_id: 'u2',
        user_email: 'b@two.example',
        role: 'super_admin',
        name: 'two',
        created_at: new Date(),
        revoked_at: new Date(),
      },
    ];
    for (const record of records) await insertApiKey(db, record);
    const found = await store.findApiKeys([hashApiKey('k2'), hashApiKey('unknown'), hashApiKey('k1')]);
    expect(found.sort((a, b) => a.name.localeCompare(b.name))).toEqual(records);
    expect(await store.findApiKeys([hashApiKey('unknown')])).toEqual([]);
    // The unique index refuses a second key with the same hash.
    await ensureIndexes(store);
    await expect(insertApiKey(db, records[0])).rejects.toThrow(/duplicate key/i);
  });

  it('ensures indexes idempotently', async () => {
    const first = await ensureIndexes(store);
    const second = await ensureIndexes(db);
    expect(second).toEqual(first);
    const names = (await db.collection('calls').listIndexes().toArray()).map((index) => index.name as string);
    expect(names.sort()).toEqual(['_id_', ...CALL_INDEXES.map((index) => index.name)].sort());
    const keyIndex = (await db.collection('api_keys').listIndexes().toArray()).find((index) => index.name === 'key_hash_unique');
    expect(keyIndex).toMatchObject({ key: { key_hash: 1 }, unique: true });
  });

  it('skips calls already stored when loading again', async () => {
    const again = await insertCalls({ db, calls: calls.slice(0, 10), batchSize: 4 });
    expect(again).toEqual({ inserted: 0, duplicates: 10 });
    expect(await db.collection('calls').countDocuments()).toBe(50);
  });
});

describe.skipIf(!uri)('dialgraph seed (live server)', () => {
  const dbName = `dialgraph_seed_${runId}`;
  let store: MongoStore;

  beforeAll(async () => {
    store = await createMongoStore({ uri: uri!, db: dbName, log: () => undefined });
  });

  afterAll(async () => {
    await (await store?.database())?.dropDatabase();
    await store?.close();
  });

  it('loads 10,000 sample calls with the demo keys and the indexes', async () => {
    // Imported here so the rest of this file does not depend on the sample generator.
    const { seedCommand } = await import('../../src/cli/commands/seed.ts');
    const { demoApiKeys } = await import('../../src/sample/demo-keys.ts');
    const values = { 'mongodb-uri': uri!, db: dbName, calls: '10000', seed: '7', days: '30', drop: true, 'with-demo-keys': true };
    await seedCommand.run(values);

    const db = await store.database();
    expect(await db.collection('calls').countDocuments()).toBe(10_000);
    const [stats] = await store.aggregate<{ tenants: string[] }>([{ $group: { _id: null, tenants: { $addToSet: '$tenant_id' } } }]);
    expect(stats.tenants.length).toBeGreaterThan(0);
    const names = (await db.collection('calls').listIndexes().toArray()).map((index) => index.name as string);
    expect(names).toEqual(expect.arrayContaining(CALL_INDEXES.map((index) => index.name)));

    const demo = demoApiKeys();
    const found = await store.findApiKeys(demo.map((key) => hashApiKey(key.key)));
    expect(found).toHaveLength(demo.length);

    // The sample accounts' vocabularies, upserted by { tenant_id, kind, value }.
    const { sampleVocabulary } = await import('../../src/sample/account-vocabulary.ts');
    const vocabulary = sampleVocabulary();
    expect(await db.collection('call_vocabularies').countDocuments()).toBe(vocabulary.length);
    const vocabularyIndexes = (await db.collection('call_vocabularies').listIndexes().toArray()).map((index) => index.name as string);
    expect(vocabularyIndexes).toContain('tenant_kind_value_unique');

    // --drop makes a re-seed start over rather than add a second copy; the vocabulary is upserted again, not duplicated.
    await seedCommand.run(values);
    expect(await db.collection('calls').countDocuments()).toBe(10_000);
    expect(await db.collection('call_vocabularies').countDocuments()).toBe(vocabulary.length);
    expect(await db.collection('api_keys').countDocuments()).toBe(demo.length);
  }, 120_000);
});
