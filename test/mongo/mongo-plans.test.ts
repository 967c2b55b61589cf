import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import { CALL_INDEXES, dropObsoleteIndexes, ensureIndexes } from '../../src/store/mongo/indexes.ts';
import { insertCalls } from '../../src/store/mongo/insert-calls.ts';
import { createMongoStore, type MongoStore } from '../../src/store/mongo/mongo-store.ts';
import { servingIndex } from '../../src/store/mongo/serving-index.ts';
import { pipelineShapes } from '../support/pipeline-shapes.ts';

/**
 * Issue 16, on a real MongoDB (CI: the service of .github/workflows/mongo.yml; skipped without
 * MONGODB_TEST_URI): every client-reachable pipeline shape runs on the index the static plan
 * checker names, as explain("executionStats") shows — IXSCAN and never COLLSCAN, no blocking
 * SORT stage for a list page, the tenant queries' keys bounded by the tenant's calls (other
 * tenants' keys never examined), and the default count read from the index alone.
 */
const uri = process.env.MONGODB_TEST_URI;
const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const DAY = 86_400_000;

/** t1: 1,200 calls in Oct–Nov 2024 (users u1/u2) and 300 in August; t2: 2,500 calls in range. */
function fixtureCalls(): CallDocument[] {
  const calls: CallDocument[] = [];
  const inRange = (i: number) => new Date(Date.parse('2024-10-01T00:00:00Z') + ((i * 7_919_993) % (40 * DAY)));
  for (let i = 0; i < 4_000; i++) {
    const t1 = i < 1_500;
    const old = t1 && i >= 1_200;
    calls.push({
      _id: `plan-${String(i).padStart(5, '0')}`,
      tenant_id: t1 ? 't1' : 't2',
      user_id: t1 ? (i % 3 === 0 ? 'u1' : 'u2') : `u${i % 50}`,
      user_email: t1 ? 'Owner@T1.example' : 'owner@t2.example',
      assistant_id: `a${i % 3}`,
      started_at: old ? new Date(Date.parse('2024-08-01T00:00:00Z') + i * 60_000) : inRange(i),
      channel: i % 9 === 0 ? 'web' : 'phone',
      platform_number: `+1555000${i % 4}`,
      direction: i % 2 ? 'inbound' : 'outbound',
      status: i % 4 ? 'completed' : 'no-answer',
      from_number: `+1666${i % 700}`,
      to_number: `+1777${i % 300}`,
      ...(i % 5 ? { talk_time_sec: i % 400, answer_time_sec: i % 20 } : {}),
      ...(i % 11 === 0 ? { is_transfer_leg: true } : {}),
      duration_sec: i % 600,
      tags: i % 2 ? ['hot'] : ['cold'],
      outcome: i % 3 ? 'sale' : 'callback',
      lead_id: `lead-${i % 97}`,
      lead_status: ['new', 'contacted', 'qualified'][i % 3],
      source: ['google', 'facebook'][i % 2],
      payload: {},
    } as CallDocument);
  }
  return calls;
}

/** Every object under `key` anywhere in an explain document. */
function findAll(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => findAll(item, key));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, inner]) => (name === key ? [inner] : findAll(inner, key)));
}

/** The stage names of a plan tree (`stage` fields), e.g. IXSCAN, FETCH, SORT. */
function stageNames(plan: unknown): string[] {
  return findAll(plan, 'stage').filter((name): name is string => typeof name === 'string');
}

describe.skipIf(!uri)('query plans on MongoDB (explain executionStats)', () => {
  const dbName = `dialgraph_plans_${runId}`;
  const calls = fixtureCalls();
  const t1Calls = calls.filter((call) => call.tenant_id === 't1').length;
  let store: MongoStore;
  let db: Db;

  beforeAll(async () => {
    store = await createMongoStore({ uri: uri!, db: dbName, serverSelectionTimeoutMS: 5_000, log: () => undefined });
    db = await store.database();
    await insertCalls({ db, calls, batchSize: 1_000 });
    await ensureIndexes(db);
  }, 120_000);

  afterAll(async () => {
    await db?.dropDatabase();
    await store?.close();
  });

  const shapes = pipelineShapes();

  it.each(shapes.map((shape) => [shape.name, shape] as const))('%s', async (_name, shape) => {
    const expected = servingIndex(shape.pipeline, CALL_INDEXES);
    expect(expected).not.toBeNull();
    const explain = await db.collection('calls').aggregate(shape.pipeline).explain('executionStats');
    const winning = findAll(explain, 'winningPlan');
    expect(winning.length).toBeGreaterThan(0);
    const stages = stageNames(winning);
    expect(stages).toContain('IXSCAN');
    expect(stages).not.toContain('COLLSCAN');
    expect(JSON.stringify(winning)).toContain(`"indexName":"${expected!.name}"`);
    if (shape.kind === 'page') expect(stages).not.toContain('SORT');

    const [stats] = findAll(explain, 'executionStats') as { totalKeysExamined: number; totalDocsExamined: number; nReturned: number }[];
    expect(stats).toBeDefined();
    const match = (shape.pipeline[0] as { $match: Record<string, unknown> }).$match;
    if ('tenant_id' in match) {
      // Keys examined stay within the tenant's calls of the range: another tenant's are never read.
      expect(stats.totalKeysExamined).toBeLessThanOrEqual(t1Calls + 10);
      expect(stats.totalDocsExamined).toBeLessThanOrEqual(stats.totalKeysExamined);
    }
    if (shape.kind === 'count' && shape.name.includes('default search') && !shape.name.includes('bounds')) {
      // Covered: the index alone answers the count.
      expect(stats.totalDocsExamined).toBe(0);
    }
  });

  it('a page reads about as many keys as it returns (the index order is the sort order)', async () => {
    const page = shapes.find((shape) => shape.kind === 'page' && shape.name === 'calls page: default search, TIMESTAMP DESC (account)')!;
    const explain = await db.collection('calls').aggregate(page.pipeline).explain('executionStats');
    const [stats] = findAll(explain, 'executionStats') as { totalKeysExamined: number }[];
    // Page 3 of 50: 150 calls reached, plus the transfer legs skipped on the way (1 in 11).
    expect(stats.totalKeysExamined).toBeLessThanOrEqual(150 * 1.2 + 5);
  });

  it('dialgraph indexes drops its own obsolete indexes (by name and key) and no other', async () => {
    await db.collection('calls').createIndex({ tenant_id: 1, lead_id: 1 }, { name: 'tenant_lead' });
    await db.collection('calls').createIndex({ tenant_id: 1, started_at: 1 }, { name: 'tenant_started' });
    await db.collection('calls').createIndex({ lead_id: 1 }, { name: 'someone_elses' });
    const dropped = await dropObsoleteIndexes(db);
    expect(dropped.map((index) => [index.name, index.outcome])).toEqual([
      ['tenant_started', 'dropped'],
      ['tenant_lead', 'dropped'],
    ]);
    const names = (await db.collection('calls').listIndexes().toArray()).map((index) => index.name as string);
    expect(names).toContain('someone_elses');
    expect(names).not.toContain('tenant_lead');
    expect(await dropObsoleteIndexes(db)).toEqual([]);
  });
});
