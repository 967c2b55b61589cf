/**
 * Fused percentile levels (src/store/embedded/compiled/fused-percentiles.ts): the histogram
 * `$group` → running-count window → pick `$group` shape runs as key groups holding a value
 * histogram. The reference is the same pipeline run level by level on the compiled executor:
 * a `{ $match: {} }` after the first level changes nothing in the answer but keeps the
 * executor from fusing. Rows are compared exactly, in order. Durations are integers or
 * multiples of 1/8, so sums are exact in any order (the fused pass adds per document).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupedCallsQuery, type GroupedCallsArgs } from '../../src/analytics/families/grouped-calls.ts';
import { analyticsQuery } from '../../src/analytics/families/analytics-query/analytics-query.ts';
import { DEFAULT_FUNNEL_STAGES } from '../../src/contract/call-document.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { MetricName } from '../../src/analytics/registry/metrics.ts';
import type { CallDocument } from '../../src/contract/call-document.ts';
import type { Pipeline } from '../../src/contract/pipeline.ts';
import type { Principal } from '../../src/contract/principal.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { fusePercentiles } from '../../src/store/embedded/compiled/fused-percentiles.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { QueryTimeoutError } from '../../src/store/errors.ts';

const RUNS = Number(process.env.COMPILED_EXECUTOR_RUNS ?? 100);
const NOW = new Date('2025-11-10T15:00:00.000Z');
const PRINCIPAL: Principal = { tenantId: 't1', userEmail: 'owner@t1.example', role: 'user' };
const PERCENTILES: MetricName[] = ['p50Duration', 'p90Duration', 'p95Duration', 'p99Duration'];

type Stage = Record<string, unknown>;

afterEach(() => vi.restoreAllMocks());

function firstGroup(pipeline: readonly Stage[]): number {
  return pipeline.findIndex((stage) => '$group' in stage);
}

function fuses(pipeline: readonly Stage[]): boolean {
  return fusePercentiles(pipeline, firstGroup(pipeline), false) !== undefined;
}

function levelByLevel(pipeline: readonly Stage[]): Stage[] {
  const at = firstGroup(pipeline);
  return [...pipeline.slice(0, at + 1), { $match: {} }, ...pipeline.slice(at + 1)];
}

/** The fused answer and the level-by-level one, both from the compiled executor (never mingo). */
async function fusedAndLevels(calls: readonly CallDocument[], pipeline: readonly Stage[]): Promise<{ fused: unknown[]; levels: unknown[] }> {
  const store = createEmbeddedStore({ calls: [...calls] });
  const fused = await store.aggregate(pipeline as Pipeline);
  const levels = await store.aggregate(levelByLevel(pipeline) as Pipeline);
  expect(store.engineRuns).toEqual({ mingo: 0, compiled: 2 });
  return { fused: zeroed(fused) as unknown[], levels: zeroed(levels) as unknown[] };
}

/**
 * -0 as 0. A `$group` keys -0 and 0 as one value and keeps the first seen; the histogram
 * counts both as 0, so a picked -0 comes back as 0 (the same JSON, the same GraphQL Float).
 */
function zeroed(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(zeroed);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, zeroed(field)]));
  }
  return value;
}

function grouped(args: Partial<GroupedCallsArgs>, metrics: MetricName[], totals = true): Stage[] {
  const full: GroupedCallsArgs = { groupBy: ['SOURCE'], sortBy: 'COUNT', sortOrder: 'DESC', limit: 1000, timezone: 'UTC', ...args };
  const both = { rows: new Set(metrics), totals: totals ? new Set(metrics) : null };
  const selection = { ...both, ...(args.compare ? { previous: both, change: both } : {}) };
  const { query } = groupedCallsQuery({ principal: PRINCIPAL, now: NOW, args: full, selection });
  return compileCallQuery(query) as unknown as Stage[];
}

function callDurationPipeline(): Stage[] {
  const input = { queryType: 'CALL_DURATION', granularity: 'DAY', timezone: 'UTC', filters: null } as const;
  const { query } = analyticsQuery({ principal: PRINCIPAL, input, now: NOW, funnelStages: DEFAULT_FUNNEL_STAGES });
  return compileCallQuery(query) as unknown as Stage[];
}

/**
 * Sample calls of one tenant with durations bent into the awkward cases: missing, null,
 * many ties, long ones (counted outside the dense array), fractional and negative ones.
 */
function awkwardCalls(count: number, seed: number): CallDocument[] {
  return generateSampleCalls({ calls: count, seed, now: NOW, days: 70 }).map((call, i) => {
    const { duration_sec: _drop, ...rest } = call;
    const kind = i % 11;
    const duration =
      kind === 0 ? undefined : kind === 1 ? null : kind === 2 ? 30 : kind === 3 ? 70_000 + (i % 5) : kind === 4 ? (i % 40) / 8 : kind === 5 ? -(i % 3) : call.duration_sec;
    return { ...rest, tenant_id: 't1', ...(duration === undefined ? {} : { duration_sec: duration }) } as CallDocument;
  });
}

const CASES: [string, Stage[]][] = [
  ['rows by source with totals', grouped({}, ['count', 'avgDuration', ...PERCENTILES])],
  ['rows by source and status, no totals', grouped({ groupBy: ['SOURCE', 'STATUS'] }, ['count', 'totalDuration', 'p50Duration', 'p99Duration'], false)],
  ['rows by day', grouped({ groupBy: ['DATE'] }, ['count', 'p90Duration'])],
  ['compared with the previous period', grouped({ compare: 'PREVIOUS_PERIOD', filter: { startDate: '2025-10-10' } } as Partial<GroupedCallsArgs>, ['count', 'p50Duration', 'p95Duration'])],
  ['HAVING on a percentile', grouped({ having: [{ metric: 'p50Duration', op: 'GT', value: 20 }] } as Partial<GroupedCallsArgs>, ['count', 'p50Duration', 'p90Duration'])],
  [
    'compared, HAVING on a percentile, sorted by it',
    grouped({ compare: 'PREVIOUS_PERIOD', having: [{ metric: 'p90Duration', op: 'LTE', value: 500 }], sortBy: 'P90_DURATION', filter: { startDate: '2025-10-10' } } as Partial<GroupedCallsArgs>, ['count', 'p90Duration']),
  ],
  ['analyticsQuery CALL_DURATION (one group, a chain)', callDurationPipeline()],
];

describe('fused percentile levels', () => {
  it.each(CASES)('%s: fuses, with the same rows as level by level', async (_name, pipeline) => {
    expect(fuses(pipeline)).toBe(true);
    for (const seed of [1, 2]) {
      const calls = awkwardCalls(3000, seed);
      const { fused, levels } = await fusedAndLevels(calls, pipeline);
      expect(fused).toEqual(levels);
    }
  });

  it('gives the same empty answer over no calls (no rows, no count, no totals)', async () => {
    for (const [, pipeline] of CASES) {
      const { fused, levels } = await fusedAndLevels([], pipeline);
      expect(fused).toEqual(levels);
    }
  });

  it('leaves distinct callers level by level (the window partitions by less than the key), with the same answer', async () => {
    const pipeline = grouped({}, ['count', 'uniqueCallers', 'p50Duration']);
    expect(fuses(pipeline)).toBe(false);
    const store = createEmbeddedStore({ calls: awkwardCalls(1500, 3) });
    expect(await store.aggregate(pipeline as Pipeline)).toEqual(await store.aggregate(levelByLevel(pipeline) as Pipeline));
    expect(store.engineRuns.mingo).toBe(0);
  });

  /** Percentile levels as dialgraph writes them, over any mix of values. */
  const pipeline = (value: unknown): Stage[] => [
    { $match: { tenant_id: 't' } },
    { $group: { _id: { k: { $ifNull: ['$k', null] }, v: value }, calls: { $sum: 1 }, s: { $sum: '$x' }, lo: { $min: '$x' } } },
    {
      $facet: {
        rows: [
          { $setWindowFields: { partitionBy: { k: '$_id.k' }, sortBy: { '_id.v': 1, '_id.k': 1 }, output: { run: { $sum: '$calls', window: { documents: ['unbounded', 'current'] } }, all: { $sum: '$calls', window: { documents: ['unbounded', 'unbounded'] } } } } },
          { $group: { _id: { k: '$_id.k' }, calls: { $sum: '$calls' }, p0: pick(0), s: { $sum: '$s' }, p50: pick(50), p100: pick(100), p101: pick(101), lo: { $min: '$lo' } } },
          { $sort: { '_id.k': 1 } },
        ],
        count: [{ $group: { _id: { k: '$_id.k' } } }, { $count: 'n' }],
        totals: [
          { $group: { _id: { v: '$_id.v' }, calls: { $sum: '$calls' }, lo: { $min: '$lo' } } },
          { $setWindowFields: { sortBy: { '_id.v': 1 }, output: { run: { $sum: '$calls', window: { documents: ['unbounded', 'current'] } }, all: { $sum: '$calls', window: { documents: ['unbounded', 'unbounded'] } } } } },
          { $group: { _id: null, p50: pick(50), lo: { $min: '$lo' }, calls: { $sum: '$calls' }, p99: pick(99) } },
        ],
      },
    },
  ];
  const pick = (p: number) => ({ $min: { $cond: [{ $gte: [{ $multiply: ['$run', 100] }, { $multiply: ['$all', p] }] }, '$_id.v', null] } });

  const value = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 90 }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 3 }) },
    { weight: 1, arbitrary: fc.integer({ min: 65_530, max: 65_540 }) },
    { weight: 1, arbitrary: fc.constantFrom(-3, -0, 2.5, 1e9, Number.NaN, Number.POSITIVE_INFINITY, null, 'x', 'long', true, false) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }).map((day) => new Date(Date.UTC(2025, 0, 1 + day))) },
  );
  const docs = fc.array(
    fc.record({ k: fc.constantFrom('a', 'b', 'c', null), d: fc.option(value, { nil: undefined, freq: 8 }), x: fc.integer({ min: -8, max: 80 }).map((n) => n / 8) }, { requiredKeys: ['k', 'x'] }),
    { maxLength: 400 },
  );
  const stored = (rows: { k: string | null; d?: unknown; x: number }[]) =>
    rows.map(({ d, ...row }, i) => ({ _id: `d${i}`, tenant_id: 't', user_email: 'o@t.test', started_at: new Date(Date.UTC(2025, 0, 1) + i), ...row, ...(d === undefined ? {} : { d }) }) as unknown as CallDocument);

  it('gives the level-by-level rows over any values: ties, missing, null, NaN, strings, Dates, long and fractional durations', async () => {
    for (const counted of [{ $ifNull: ['$d', 0] }, '$d']) {
      // `'$d'` leaves missing and null values in the histogram (never picked, only counted).
      expect(fuses(pipeline(counted))).toBe(true);
      await fc.assert(
        fc.asyncProperty(docs, async (rows) => {
          const { fused, levels } = await fusedAndLevels(stored(rows), pipeline(counted));
          expect(fused).toEqual(levels);
        }),
        { numRuns: RUNS },
      );
    }
  });

  it('counts a large group densely after starting sparse (values move into the array as it grows)', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ k: i % 2 ? 'a' : 'b', d: i < 50 ? 4000 + i : (i * 7919) % 5000, x: 1 }));
    const { fused, levels } = await fusedAndLevels(stored(rows), pipeline({ $ifNull: ['$d', 0] }));
    expect(fused).toEqual(levels);
  });

  it.each([
    ['a weight other than one', (p: Stage[]) => JSON.parse(JSON.stringify(p).replace('"calls":{"$sum":1}', '"calls":{"$sum":2}'))],
    ['a window sorted by the value descending', (p: Stage[]) => JSON.parse(JSON.stringify(p).replace('{"_id.v":1,"_id.k":1}', '{"_id.v":-1,"_id.k":1}'))],
    ['a pick group by less than the partition', (p: Stage[]) => JSON.parse(JSON.stringify(p).replace('{"$group":{"_id":{"k":"$_id.k"},"calls"', '{"$group":{"_id":null,"calls"'))],
    ['a branch that reads the histogram rows', (p: Stage[]) => JSON.parse(JSON.stringify(p).replace('"count":[{"$group":{"_id":{"k":"$_id.k"}}}', '"count":[{"$group":{"_id":{"v":"$_id.v"}}}'))],
    ['a branch that counts the histogram rows', (p: Stage[]) => JSON.parse(JSON.stringify(p).replace('"count":[{"$group":{"_id":{"k":"$_id.k"}}},', '"count":['))],
    ['a key part that may be missing', (p: Stage[]) => JSON.parse(JSON.stringify(p).replace('"k":{"$ifNull":["$k",null]}', '"k":"$k"'))],
  ])('does not fuse %s (it runs level by level)', async (_name, change) => {
    const changed = change(pipeline({ $ifNull: ['$d', 0] })) as Stage[];
    expect(JSON.stringify(changed)).not.toBe(JSON.stringify(pipeline({ $ifNull: ['$d', 0] })));
    expect(fuses(changed)).toBe(false);
    const store = createEmbeddedStore({ calls: stored(fc.sample(docs, { numRuns: 1, seed: 20 })[0]) });
    await store.aggregate(changed as Pipeline);
    expect(store.engineRuns).toEqual({ mingo: 0, compiled: 1 });
  });

  it('picks after the scan in slices: the same rows with tiny slices, and maxTimeMS holds', async () => {
    // Three groups of long durations (beyond the dense array): the work is the sparse picks.
    const rows = Array.from({ length: 30_000 }, (_, i) => ({ k: `k${i % 3}`, d: 100_000 + ((i * 7919) % 30_000), x: 1 }));
    const calls = stored(rows);
    const whole = createEmbeddedStore({ calls, slicing: { checkEvery: 1 << 30, sliceMs: Number.POSITIVE_INFINITY } });
    const sliced = createEmbeddedStore({ calls, slicing: { checkEvery: 1 << 30, sliceMs: 0 } });
    const p = pipeline({ $ifNull: ['$d', 0] }) as Pipeline;
    expect(await sliced.aggregate(p)).toEqual(await whole.aggregate(p));
    // The scan never looks at the clock here: only the post-scan work can time out.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100));
    await expect(whole.aggregate(p, { maxTimeMS: 1_000 })).rejects.toThrow(QueryTimeoutError);
    expect(whole.engineRuns.mingo).toBe(0);
  });
});
