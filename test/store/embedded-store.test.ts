import { Aggregator } from 'mingo';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import type { ApiKeyRecord } from '../../src/contract/api-key-record.ts';
import type { Pipeline } from '../../src/contract/pipeline.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { QueryTimeoutError } from '../../src/store/errors.ts';
import { handMadeCalls, hoursAfterBase } from '../fixtures/hand-made-calls.ts';

/** The answer without narrowing: plain mingo over every document, unfrozen copies. */
function reference(pipeline: Pipeline): unknown[] {
  return new Aggregator(structuredClone(pipeline), {}).run(handMadeCalls());
}

const FROM = hoursAfterBase(1);
const TO = hoursAfterBase(6);

const PIPELINES: { name: string; pipeline: Pipeline }[] = [
  {
    name: 'group by status with $sum (one tenant, inclusive bounds on exact start times)',
    pipeline: [
      { $match: { tenant_id: 't-alpha', started_at: { $gte: FROM, $lte: TO } } },
      { $group: { _id: '$status', calls: { $sum: 1 }, duration: { $sum: '$duration_sec' }, score: { $avg: '$ai_score' } } },
      { $sort: { _id: 1 } },
    ],
  },
  {
    name: '$match + $sort + $limit with conditions left in the $match',
    pipeline: [
      { $match: { tenant_id: 't-beta', started_at: { $gte: FROM }, channel: 'phone' } },
      { $sort: { started_at: -1, _id: 1 } },
      { $limit: 4 },
    ],
  },
  {
    name: 'cross-tenant $group (admin scope, time only)',
    pipeline: [
      { $match: { started_at: { $gt: FROM, $lt: TO } } },
      { $group: { _id: '$tenant_id', calls: { $sum: 1 }, avg: { $avg: '$duration_sec' }, first: { $min: '$started_at' } } },
      { $sort: { _id: 1 } },
    ],
  },
  {
    name: '$in over two tenants with $or beside the scope',
    pipeline: [
      { $match: { tenant_id: { $in: ['t-gamma', 't-alpha'] }, $or: [{ status: 'completed' }, { direction: 'internal' }] } },
      { $group: { _id: { tenant: '$tenant_id', status: '$status' }, n: { $sum: 1 } } },
      { $sort: { '_id.tenant': 1, '_id.status': 1 } },
    ],
  },
  {
    name: 'scope inside $and (not narrowed, still correct)',
    pipeline: [
      { $match: { $and: [{ tenant_id: 't-gamma' }, { started_at: { $lte: TO } }] } },
      { $project: { _id: 1, status: 1 } },
      { $sort: { _id: 1 } },
    ],
  },
  {
    name: 'no leading $match: every tenant',
    pipeline: [{ $group: { _id: null, n: { $sum: 1 }, total: { $sum: '$duration_sec' } } }],
  },
  {
    name: '$count over an unknown tenant (empty slice)',
    pipeline: [{ $match: { tenant_id: 't-nobody' } }, { $count: 'n' }],
  },
  {
    name: 'range with no calls',
    pipeline: [{ $match: { tenant_id: 't-alpha', started_at: { $gte: TO, $lte: FROM } } }, { $count: 'n' }],
  },
  {
    name: '$unwind of tags and $push',
    pipeline: [
      { $match: { tenant_id: 't-gamma' } },
      { $unwind: '$tags' },
      { $group: { _id: '$tags', ids: { $push: '$_id' }, n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ],
  },
];

describe('createEmbeddedStore: narrowed results equal mingo over the full array', () => {
  it.each(PIPELINES)('$name', async ({ pipeline }) => {
    const store = createEmbeddedStore({ calls: handMadeCalls() });
    const expected = reference(pipeline);
    expect(expected.length).toBeGreaterThan(0);
    expect(await store.aggregate(pipeline)).toEqual(expected);
  });

  it('keeps each partition in started_at order with the _id tie-break', async () => {
    const store = createEmbeddedStore({ calls: handMadeCalls() });
    const rows = await store.aggregate<{ _id: string }>([{ $match: { tenant_id: 't-gamma' } }, { $project: { _id: 1 } }]);
    const sorted = reference([
      { $match: { tenant_id: 't-gamma' } },
      { $sort: { started_at: 1, _id: 1 } },
      { $project: { _id: 1 } },
    ]);
    expect(rows).toEqual(sorted);
  });

  it('reads tenants in tenant-id order when there is no tenant key', async () => {
    const store = createEmbeddedStore({ calls: handMadeCalls() });
    const rows = await store.aggregate<{ tenant_id: string }>([{ $project: { tenant_id: 1 } }]);
    const tenants = rows.map((r) => r.tenant_id).filter((t, i, all) => t !== all[i - 1]);
    expect(tenants).toEqual(['t-alpha', 't-beta', 't-gamma']);
  });

  it('does not mutate the pipeline it is given', async () => {
    const store = createEmbeddedStore({ calls: handMadeCalls() });
    const pipeline = PIPELINES[0].pipeline;
    const before = structuredClone(pipeline);
    await store.aggregate(pipeline);
    expect(pipeline).toEqual(before);
  });
});

describe('createEmbeddedStore: documents stay immutable', () => {
  const WRITING_PIPELINES: { name: string; pipeline: Pipeline }[] = [
    {
      name: '$addFields and $project',
      pipeline: [
        { $match: { tenant_id: 't-alpha' } },
        { $addFields: { minutes: { $divide: [{ $ifNull: ['$duration_sec', 0] }, 60] }, tags: ['replaced'] } },
        { $project: { payload: 0 } },
        { $sort: { _id: 1 } },
      ],
    },
    {
      name: 'dotted $addFields into payload (runs on copies)',
      pipeline: [
        { $match: { tenant_id: 't-beta' } },
        { $addFields: { 'payload.extra': '$status', 'payload.nested.score': 99 } },
        { $sort: { _id: 1 } },
      ],
    },
    {
      name: 'dotted $unset and $project exclusion',
      pipeline: [
        { $match: { tenant_id: 't-beta' } },
        { $unset: 'payload.campaign' },
        { $project: { 'payload.nested': 0 } },
        { $sort: { _id: 1 } },
      ],
    },
    {
      name: '$unwind keeping empty arrays with an index',
      pipeline: [
        { $match: { tenant_id: 't-gamma' } },
        { $unwind: { path: '$tags', preserveNullAndEmptyArrays: true, includeArrayIndex: 'i' } },
        { $sort: { _id: 1, i: 1 } },
      ],
    },
    {
      name: '$set with an object value',
      pipeline: [{ $match: { tenant_id: 't-alpha' } }, { $set: { payload: { replaced: true } } }, { $sort: { _id: 1 } }],
    },
  ];

  it.each(WRITING_PIPELINES)('$name: frozen, unchanged, and the answer is right', async ({ pipeline }) => {
    const calls = handMadeCalls();
    const logger = vi.fn();
    const store = createEmbeddedStore({ calls, logger });
    const expected = reference(pipeline);

    expect(await store.aggregate(pipeline)).toEqual(expected);
    expect(await store.aggregate(pipeline)).toEqual(expected);
    expect(calls).toEqual(handMadeCalls());
    for (const call of calls) {
      expect(Object.isFrozen(call)).toBe(true);
      expect(Object.isFrozen(call.tags)).toBe(true);
      expect(Object.isFrozen(call.payload)).toBe(true);
      expect(Object.isFrozen(call.payload?.nested)).toBe(true);
    }
  });

  it('logs when a pipeline has to run on copies, and only then', async () => {
    const logger = vi.fn();
    const store = createEmbeddedStore({ calls: handMadeCalls(), logger });
    logger.mockClear();
    await store.aggregate(WRITING_PIPELINES[0].pipeline);
    expect(logger).not.toHaveBeenCalled();
    await store.aggregate(WRITING_PIPELINES[1].pipeline);
    expect(logger).toHaveBeenCalledWith(expect.stringContaining('stage 1 ($addFields) may write into its input'));
  });

  it('returns fresh rows: changing a result changes nothing stored', async () => {
    const store = createEmbeddedStore({ calls: handMadeCalls() });
    const pipeline: Pipeline = [{ $match: { tenant_id: 't-alpha' } }, { $sort: { _id: 1 } }, { $limit: 1 }];
    const [row] = await store.aggregate<CallDocument>(pipeline);
    expect(Object.isFrozen(row)).toBe(false);
    row.status = 'failed';
    row.tags?.push('mutated');
    row.started_at.setTime(0);
    const [again] = await store.aggregate<CallDocument>(pipeline);
    expect(again).toEqual(reference(pipeline)[0]);
  });

  it('rejects a document it could not narrow correctly', () => {
    const calls = handMadeCalls();
    (calls[3] as { started_at: unknown }).started_at = '2024-03-01';
    expect(() => createEmbeddedStore({ calls })).toThrow('calls[3]: started_at is not a valid Date');
    expect(Object.isFrozen(calls[0])).toBe(false);
    const others = handMadeCalls();
    (others[5] as { tenant_id: unknown }).tenant_id = 7;
    expect(() => createEmbeddedStore({ calls: others })).toThrow('calls[5]: tenant_id is not a string');
  });
});

describe('createEmbeddedStore: the port', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reports engine, size and per-engine runs', async () => {
    const store = createEmbeddedStore({ calls: handMadeCalls() });
    expect(store.engine).toBe('embedded');
    expect(store.size).toBe(50);
    expect(store.engineRuns).toEqual({ mingo: 0, compiled: 0 });
    await store.aggregate([{ $count: 'n' }]);
    await store.aggregate([{ $count: 'n' }]);
    expect(store.engineRuns).toEqual({ mingo: 2, compiled: 0 });
  });

  it('yields to pending I/O callbacks before running', async () => {
    const store = createEmbeddedStore({ calls: handMadeCalls() });
    const order: string[] = [];
    setImmediate(() => order.push('io'));
    const run = store.aggregate([{ $count: 'n' }]).then(() => order.push('aggregate'));
    expect(store.engineRuns.mingo).toBe(0);
    await run;
    expect(order).toEqual(['io', 'aggregate']);
  });

  it('throws QueryTimeoutError once maxTimeMS is spent during the scan', async () => {
    const seed = handMadeCalls();
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...seed[i % 50], _id: `bulk-${i}` }));
    const store = createEmbeddedStore({ calls: many });
    // Every clock read is 100 ms later: the first check during the scan is over a 50 ms budget.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100));
    await expect(store.aggregate([{ $group: { _id: '$status', n: { $sum: 1 } } }], { maxTimeMS: 50 })).rejects.toThrow(
      QueryTimeoutError,
    );
    await expect(store.aggregate([{ $group: { _id: '$status', n: { $sum: 1 } } }], { maxTimeMS: 0 })).resolves.toHaveLength(6);
    await expect(store.aggregate([{ $group: { _id: '$status', n: { $sum: 1 } } }])).resolves.toHaveLength(6);
  });

  it('finds API keys by hash', async () => {
    const record = (hash: string, tenant: string): ApiKeyRecord => ({
      key_hash: hash,
      tenant_id: tenant,
      user_email: `owner@${tenant}.test`,
      role: 'user',
      name: `user key for ${tenant}`,
      created_at: new Date('2024-01-01T00:00:00Z'),
    });
    const keys = [record('h1', 't-alpha'), record('h2', 't-beta')];
    const store = createEmbeddedStore({ calls: [], apiKeys: keys });
    expect(await store.findApiKeys(['h2', 'unknown', 'h2'])).toEqual([keys[1]]);
    expect(await store.findApiKeys([])).toEqual([]);
    await expect(store.close()).resolves.toBeUndefined();
  });
});
