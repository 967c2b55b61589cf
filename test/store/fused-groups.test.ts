/**
 * Fused grouping levels (src/store/embedded/compiled/fused-groups.ts): the distinct-count shape
 * (`$group` by dimensions + value, then `$group`s over its rows, in the pipeline or at the head
 * of every `$facet` branch) runs as one pass over the documents. The reference is the same
 * pipeline run level by level: a `{ $match: {} }` after the first level changes nothing in the
 * answer but keeps the executor from fusing. Rows are compared exactly, in order.
 *
 * Generated numbers are multiples of 1/8: sums of them are exact in any order, and the fused
 * pass adds per document where the levels add partial sums (see docs/engine.md).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import type { Pipeline } from '../../src/contract/pipeline.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { fuseGroups } from '../../src/store/embedded/compiled/fused-groups.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { QueryTimeoutError } from '../../src/store/errors.ts';
import { pipelineShapes, SHAPES_NOW } from '../support/pipeline-shapes.ts';

const RUNS = Number(process.env.COMPILED_EXECUTOR_RUNS ?? 100);
const T0 = Date.parse('2024-03-10T00:00:00.000Z');
const HOUR = 3_600_000;

type Stage = Record<string, unknown>;

/** The counted-present accumulator dialgraph emits (src/analytics/query/distinct-count.ts). */
const present = (path: string) => ({ $sum: { $cond: [{ $eq: [path, null] }, 0, 1] } });

function firstGroup(pipeline: readonly Stage[]): number {
  return pipeline.findIndex((stage) => '$group' in stage);
}

function levelByLevel(pipeline: readonly Stage[]): Stage[] {
  const at = firstGroup(pipeline);
  return [...pipeline.slice(0, at + 1), { $match: {} }, ...pipeline.slice(at + 1)];
}

function fuses(pipeline: readonly Stage[]): boolean {
  return fuseGroups(pipeline, firstGroup(pipeline), false) !== undefined;
}

/** The fused answer and the level-by-level one, both from the compiled executor (never mingo). */
async function fusedAndLevels(calls: CallDocument[], pipeline: readonly Stage[]): Promise<{ fused: unknown[]; levels: unknown[] }> {
  const store = createEmbeddedStore({ calls });
  const fused = await store.aggregate(pipeline as Pipeline);
  const levels = await store.aggregate(levelByLevel(pipeline) as Pipeline);
  expect(store.engineRuns).toEqual({ mingo: 0, compiled: 2 });
  return { fused, levels };
}

/** Values as key parts and counted values: every type the executor groups, missing and null included. */
const scalar = fc.oneof(
  fc.constantFrom('p', 'q', 'r', '', 'É'),
  fc.integer({ min: -2, max: 3 }),
  fc.constantFrom(1.5, -0, true, false),
  fc.integer({ min: 0, max: 3 }).map((d) => new Date(T0 + d * HOUR)),
);
const keyValue = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 2 }) },
  { weight: 1, arbitrary: fc.record({ k: scalar }, { requiredKeys: [] }) },
);
const eighths = fc.integer({ min: -40, max: 400 }).map((x) => x / 8);
const amount = fc.oneof({ weight: 5, arbitrary: eighths }, { weight: 1, arbitrary: fc.constantFrom(null, 'text', true) });

const docs = fc
  .array(
    // `a` is a sort key below: no arrays or sub-documents there (the executor hands those to mingo).
    fc.record({ a: fc.oneof(scalar, fc.constant(null)), b: keyValue, v: keyValue, w: keyValue, x: amount, y: eighths, hour: fc.integer({ min: 0, max: 71 }) }, { requiredKeys: ['hour', 'y'] }),
    { minLength: 0, maxLength: 60 },
  )
  .map((rows) =>
    rows.map(({ hour, ...fields }, i) => ({ _id: `d${i}`, tenant_id: 't', user_email: 'o@t.test', started_at: new Date(T0 + hour * HOUR + i), ...fields }) as unknown as CallDocument),
  );

/** A first level by (a, b, value) with partial sums and bounds, and branches over its rows. */
const FIRST: Stage = {
  $group: {
    _id: { a: '$a', b: '$b', v: '$v' },
    n: { $sum: 1 },
    s: { $sum: '$x' },
    lo: { $min: '$x' },
    hi: { $max: { $ifNull: ['$x', 0] } },
  },
};
const MERGED = { n: { $sum: '$n' }, s: { $sum: '$s' }, lo: { $min: '$lo' }, hi: { $max: '$hi' } };

const PIPELINES: Record<string, Stage[]> = {
  'facet: rows, count, totals and per-part counts (every branch form)': [
    FIRST,
    {
      $facet: {
        // No sort: groups come out in first-seen order, which the fused pass keeps.
        rows: [{ $group: { _id: { a: '$_id.a', b: '$_id.b' }, ...MERGED, u: present('$_id.v') } }],
        top: [{ $group: { _id: { a: '$_id.a' }, n: { $sum: '$n' }, u: present('$_id.v') } }, { $sort: { n: -1, '_id.a': 1 } }, { $limit: 2 }],
        count: [{ $group: { _id: { a: '$_id.a', b: '$_id.b' } } }, { $count: 'n' }],
        totals: [{ $group: { _id: '$_id.v', ...MERGED } }, { $group: { _id: null, ...MERGED, u: present('$_id') } }],
        // A scalar key: a missing `a` joins null; the count is over (a as stored, value).
        perA: [{ $group: { _id: { a: '$_id.a', client: '$_id.v' } } }, { $group: { _id: '$_id.a', u: present('$_id.client') } }],
        scalarB: [{ $group: { _id: '$_id.b', n: { $sum: '$n' }, u: present('$_id.v') } }],
        objectOfScalar: [{ $group: { _id: '$_id.b', n: { $sum: '$n' } } }, { $group: { _id: { b: '$_id' }, n: { $sum: '$n' } } }],
        constant: [{ $group: { _id: null, u: present('$_id.v'), n: { $sum: '$n' } } }],
      },
    },
  ],
  'chain: three levels, then a sort': [
    FIRST,
    { $group: { _id: { a: '$_id.a', v: '$_id.v', b: '$_id.b' }, ...MERGED } },
    // Over (a, v, b) rows: the count is of distinct (v, b) pairs.
    { $group: { _id: { a: '$_id.a' }, ...MERGED, u: present('$_id.v') } },
    { $sort: { n: -1, '_id.a': 1 } },
  ],
  'chain: a count over a part the key keeps, and a count of key pairs': [
    { $group: { _id: { a: '$a', v: '$v', w: '$w' }, n: { $sum: 1 } } },
    { $group: { _id: { a: '$_id.a', v: '$_id.v' }, n: { $sum: '$n' }, pairs: present('$_id.v'), ws: present('$_id.w') } },
  ],
  'callStats-like: computed value and bucket': [
    {
      $group: {
        _id: {
          d: { $ifNull: ['$a', null] },
          bucket: { $floor: { $divide: [{ $subtract: ['$started_at', new Date(0)] }, 86_400_000] } },
          client: { $cond: [{ $eq: ['$a', 'p'] }, { $ifNull: ['$v', null] }, { $ifNull: ['$w', null] }] },
        },
        calls: { $sum: 1 },
        ok: { $sum: { $cond: [{ $eq: ['$b', 'q'] }, 1, 0] } },
        y: { $sum: '$y' },
      },
    },
    {
      $facet: {
        rows: [{ $group: { _id: { d: '$_id.d', bucket: '$_id.bucket' }, calls: { $sum: '$calls' }, ok: { $sum: '$ok' }, y: { $sum: '$y' }, unique: present('$_id.client') } }],
        all: [{ $group: { _id: '$_id.client' } }, { $group: { _id: null, unique: present('$_id') } }],
        byD: [{ $group: { _id: { d: '$_id.d', client: '$_id.client' } } }, { $group: { _id: '$_id.d', unique: present('$_id.client') } }],
        byBucket: [{ $group: { _id: { bucket: '$_id.bucket', client: '$_id.client' } } }, { $group: { _id: '$_id.bucket', unique: present('$_id.client') } }],
      },
    },
  ],
};

describe('fused grouping levels', () => {
  it.each(Object.entries(PIPELINES))('%s: fused, and the same rows as level by level', async (_name, pipeline) => {
    expect(fuses(pipeline)).toBe(true);
    expect(fuses(levelByLevel(pipeline))).toBe(false);
    await fc.assert(
      fc.asyncProperty(docs, async (calls) => {
        const { fused, levels } = await fusedAndLevels(calls, pipeline);
        expect(fused).toEqual(levels);
      }),
      { numRuns: RUNS },
    );
  });

  it('agrees with mingo where mingo follows MongoDB (no missing key parts, no sub-documents)', async () => {
    const pipeline = PIPELINES['callStats-like: computed value and bucket'];
    const plain = docs.map((calls) =>
      calls.map((call) => {
        const fields = call as unknown as Record<string, unknown>;
        return { ...call, a: scalarOrNull(fields.a), b: scalarOrNull(fields.b), v: scalarOrNull(fields.v), w: scalarOrNull(fields.w) } as unknown as CallDocument;
      }),
    );
    await fc.assert(
      fc.asyncProperty(plain, async (calls) => {
        const compiled = await createEmbeddedStore({ calls }).aggregate(pipeline as Pipeline);
        const mingo = await createEmbeddedStore({ calls, executor: 'mingo' }).aggregate(pipeline as Pipeline);
        expect(compiled).toEqual(mingo);
      }),
      { numRuns: RUNS },
    );
  });

  it('fuses every distinct-count shape a client can reach, with the same rows as level by level', async () => {
    const calls = generateSampleCalls({ calls: 3000, seed: 16, now: SHAPES_NOW, days: 60 }).map((call, i) => ({
      ...call,
      tenant_id: 't1',
      user_id: i % 3 === 0 ? 'u1' : call.user_id,
    })) as CallDocument[];
    const shapes = pipelineShapes().filter((shape) => /uniqueCallers|callStats/.test(shape.name) && shape.pipeline.some((stage) => '$group' in stage));
    expect(shapes.length).toBeGreaterThan(20);
    for (const shape of shapes) {
      const pipeline = shape.pipeline as unknown as Stage[];
      expect(fuses(pipeline), shape.name).toBe(true);
      const { fused, levels } = await fusedAndLevels(calls, pipeline);
      expect(fused, shape.name).toEqual(levels);
    }
  });

  it.each([
    ['a first level with $avg', [{ $group: { _id: { a: '$a' }, m: { $avg: '$x' } } }, { $group: { _id: null, m: { $max: '$m' } } }]],
    ['a merge with another operator (max of minima)', [{ $group: { _id: { a: '$a' }, lo: { $min: '$x' } } }, { $group: { _id: null, lo: { $max: '$lo' } } }]],
    ['a regrouping by an accumulated value (the funnel)', [{ $group: { _id: { l: '$a' }, f: { $max: '$x' } } }, { $group: { _id: { f: '$f' }, n: { $sum: 1 } } }]],
    ['a first-level part no level reads', [{ $group: { _id: { a: '$a', b: '$b' }, n: { $sum: 1 } } }, { $group: { _id: { a: '$_id.a' }, n: { $sum: '$n' } } }]],
    ['a first-level accumulator no level reads', [{ $group: { _id: { a: '$a' }, n: { $sum: 1 }, s: { $sum: '$x' } } }, { $group: { _id: null, n: { $sum: '$n' } } }]],
    ['a scalar first-level key', [{ $group: { _id: '$a', n: { $sum: 1 } } }, { $group: { _id: null, n: { $sum: '$n' } } }]],
    ['a sub-document literal as a part', [{ $group: { _id: { a: { k: '$a' } }, n: { $sum: 1 } } }, { $group: { _id: '$_id.a', n: { $sum: '$n' } } }]],
    ['a branch that does not start with a level', [FIRST, { $facet: { rows: [{ $group: { _id: null, ...MERGED, u: present('$_id.v') } }], raw: [{ $count: 'n' }] } }]],
    ['a count of another shape', [FIRST, { $group: { _id: null, ...MERGED, u: { $sum: { $cond: [{ $eq: ['$_id.v', 0] }, 0, 1] } } } }]],
  ])('does not fuse %s (it runs level by level)', async (_name, pipeline) => {
    expect(fuses(pipeline as Stage[])).toBe(false);
    const calls = fc.sample(docs, { numRuns: 1, seed: 16 })[0];
    const store = createEmbeddedStore({ calls });
    await store.aggregate(pipeline as Pipeline);
    expect(store.engineRuns).toEqual({ mingo: 0, compiled: 1 });
  });

  it('keeps the scan sliced and honours maxTimeMS', async () => {
    const calls = Array.from({ length: 10_000 }, (_, i) => ({ _id: `d${i}`, tenant_id: 't', user_email: 'o@t.test', started_at: new Date(T0 + i), a: i % 3, v: `c${i}` }) as unknown as CallDocument);
    const store = createEmbeddedStore({ calls });
    const pipeline = PIPELINES['facet: rows, count, totals and per-part counts (every branch form)'];
    let clock = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100));
    try {
      await expect(store.aggregate(pipeline as Pipeline, { maxTimeMS: 50 })).rejects.toThrow(QueryTimeoutError);
    } finally {
      spy.mockRestore();
    }
    expect(store.engineRuns).toEqual({ mingo: 0, compiled: 1 });
  });
});

/** Missing, arrays and sub-documents as null; -0 as 0 (mingo differs from MongoDB on those). */
function scalarOrNull(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (value === undefined || Array.isArray(value) || (typeof value === 'object' && value !== null && !(value instanceof Date))) return null;
  return value;
}
