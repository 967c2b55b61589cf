/**
 * Table tests of the compiled executor, operator by operator: each case runs through the
 * embedded store on both engines. `mongo` says what MongoDB answers; where mingo answers
 * the same (`mingo: 'same'`) the case also checks mingo, and where mingo differs the case
 * pins MongoDB's answer (the compiled executor follows MongoDB) and says how mingo differs.
 */
import { describe, expect, it, vi } from 'vitest';
import { withFlatStrings } from '../../src/store/embedded/compiled/flat-constants.ts';
import type { CallDocument } from '../../src/contract/call-document.ts';
import type { Pipeline } from '../../src/contract/pipeline.ts';
import { OPERATOR_TABLE, operatorRoles, type SupportedOperator } from '../../src/store/embedded/compiled/operator-table.ts';
import { createEmbeddedStore, type EmbeddedExecutor } from '../../src/store/embedded/embedded-store.ts';
import { QueryTimeoutError } from '../../src/store/errors.ts';

const T0 = Date.parse('2024-03-10T00:00:00.000Z');

/** Stored documents: the fields every call has, plus the case's own (`_id` d0, d1… in order). */
function docs(fields: readonly Record<string, unknown>[]): CallDocument[] {
  return fields.map((extra, i) => ({ _id: `d${i}`, tenant_id: 't', user_email: 'o@t.test', started_at: new Date(T0 + i * 60_000), ...extra }) as CallDocument);
}

async function run(options: { pipeline: Pipeline; fields: readonly Record<string, unknown>[]; executor?: EmbeddedExecutor }) {
  const store = createEmbeddedStore({ calls: docs(options.fields), executor: options.executor });
  const rows = await store.aggregate(options.pipeline);
  return { rows, runs: store.engineRuns };
}

/** The compiled answer, checking that the compiled executor (and not mingo) produced it. */
async function compiled(pipeline: Pipeline, fields: readonly Record<string, unknown>[]): Promise<unknown[]> {
  const { rows, runs } = await run({ pipeline, fields });
  expect(runs).toEqual({ mingo: 0, compiled: 1 });
  return rows;
}

async function mingo(pipeline: Pipeline, fields: readonly Record<string, unknown>[]): Promise<unknown[]> {
  return (await run({ pipeline, fields, executor: 'mingo' })).rows;
}

interface ExpressionCase {
  name: string;
  expression: unknown;
  doc: Record<string, unknown>;
  /** MongoDB's value; `undefined` means the field is missing from the result. */
  mongo: unknown;
  /** 'same', or how mingo differs. */
  mingo: 'same' | string;
}

const D = (text: string) => new Date(text);

const EXPRESSIONS: ExpressionCase[] = [
  // Field paths and literals.
  { name: 'field path', expression: '$a', doc: { a: 5 }, mongo: 5, mingo: 'same' },
  { name: 'missing field: no output field', expression: '$zz', doc: {}, mongo: undefined, mingo: 'same' },
  { name: 'dotted path', expression: '$p.city', doc: { p: { city: 'Oslo' } }, mongo: 'Oslo', mingo: 'same' },
  { name: 'path through an array of sub-documents', expression: '$items.price', doc: { items: [{ price: 1 }, { x: 0 }, { price: 2 }] }, mongo: [1, 2], mingo: 'same' },
  { name: 'path through a scalar: missing', expression: '$a.b', doc: { a: 'text' }, mongo: undefined, mingo: 'same' },
  { name: 'prototype names are not fields', expression: '$constructor', doc: {}, mongo: undefined, mingo: 'same' },
  { name: '$literal keeps a $ string', expression: { $literal: '$a' }, doc: { a: 1 }, mongo: '$a', mingo: 'same' },
  { name: 'array literal, missing element becomes null', expression: ['$a', '$zz', 1], doc: { a: 'x' }, mongo: ['x', null, 1], mingo: 'mingo keeps undefined for the missing element' },
  { name: 'object literal leaves missing fields out', expression: { $ifNull: [{ k: '$a', m: '$zz' }, null] }, doc: { a: 2 }, mongo: { k: 2 }, mingo: 'same' },

  // Arithmetic.
  { name: '$add numbers', expression: { $add: ['$a', 2, 0.5] }, doc: { a: 1 }, mongo: 3.5, mingo: 'same' },
  { name: '$add with null', expression: { $add: ['$a', null] }, doc: { a: 1 }, mongo: null, mingo: 'same' },
  { name: '$add with missing', expression: { $add: ['$zz', 1] }, doc: {}, mongo: null, mingo: 'same' },
  { name: '$add Date + ms', expression: { $add: [D('1970-01-01T00:00:00Z'), '$a'] }, doc: { a: 86_400_000 }, mongo: D('1970-01-02T00:00:00Z'), mingo: 'same' },
  { name: '$subtract Date − Date is ms', expression: { $subtract: ['$started_at', D('2024-03-09T00:00:00Z')] }, doc: {}, mongo: 86_400_000, mingo: 'same' },
  { name: '$subtract Date − ms is a Date', expression: { $subtract: ['$started_at', 60_000] }, doc: {}, mongo: D('2024-03-09T23:59:00Z'), mingo: 'same' },
  { name: '$subtract numbers', expression: { $subtract: ['$a', 7] }, doc: { a: 5 }, mongo: -2, mingo: 'same' },
  { name: '$subtract null', expression: { $subtract: ['$zz', D('2024-01-01T00:00:00Z')] }, doc: {}, mongo: null, mingo: 'same' },
  { name: '$multiply', expression: { $multiply: ['$a', 3, 0.5] }, doc: { a: 4 }, mongo: 6, mingo: 'same' },
  { name: '$multiply with null', expression: { $multiply: ['$a', null] }, doc: { a: 4 }, mongo: null, mingo: 'same' },
  { name: '$divide', expression: { $divide: ['$a', 4] }, doc: { a: 10 }, mongo: 2.5, mingo: 'same' },
  { name: '$divide by a field', expression: { $divide: ['$a', '$b'] }, doc: { a: 1, b: 8 }, mongo: 0.125, mingo: 'same' },
  { name: '$divide null', expression: { $divide: ['$zz', 4] }, doc: {}, mongo: null, mingo: 'same' },
  { name: '$floor of a negative', expression: { $floor: '$a' }, doc: { a: -1.5 }, mongo: -2, mingo: 'same' },
  { name: '$floor of $divide (bucket index)', expression: { $floor: { $divide: ['$a', 3_600_000] } }, doc: { a: 7_199_999 }, mongo: 1, mingo: 'same' },
  { name: '$floor null', expression: { $floor: '$zz' }, doc: {}, mongo: null, mingo: 'same' },
  { name: '$mod keeps the dividend sign', expression: { $mod: ['$a', 3] }, doc: { a: -7 }, mongo: -1, mingo: 'same' },
  { name: '$mod positive', expression: { $mod: [{ $add: [{ $mod: ['$a', 7] }, 7] }, 7] }, doc: { a: -8 }, mongo: 6, mingo: 'same' },
  { name: '$mod null', expression: { $mod: ['$zz', 3] }, doc: {}, mongo: null, mingo: 'mingo throws: "$mod expression must resolve to array of number"' },

  // Conditionals and truthiness.
  { name: '$cond array form', expression: { $cond: [{ $eq: ['$a', 1] }, 'yes', 'no'] }, doc: { a: 1 }, mongo: 'yes', mingo: 'same' },
  { name: '$cond object form', expression: { $cond: { if: '$a', then: 'T', else: 'F' } }, doc: { a: 0 }, mongo: 'F', mingo: 'same' },
  { name: 'empty string is true', expression: { $cond: ['$a', 'T', 'F'] }, doc: { a: '' }, mongo: 'T', mingo: 'same' },
  { name: 'empty array is true', expression: { $cond: ['$a', 'T', 'F'] }, doc: { a: [] }, mongo: 'T', mingo: 'same' },
  { name: 'missing is false', expression: { $cond: ['$zz', 'T', 'F'] }, doc: {}, mongo: 'F', mingo: 'same' },
  { name: '$switch picks the first true branch', expression: { $switch: { branches: [{ case: { $lt: ['$a', 0] }, then: 'neg' }, { case: { $lt: ['$a', 10] }, then: 'small' }], default: 'big' } }, doc: { a: 3 }, mongo: 'small', mingo: 'same' },
  { name: '$switch default', expression: { $switch: { branches: [{ case: false, then: 1 }], default: '$a' } }, doc: { a: 'd' }, mongo: 'd', mingo: 'same' },
  { name: '$ifNull on missing', expression: { $ifNull: ['$zz', 'none'] }, doc: {}, mongo: 'none', mingo: 'same' },
  { name: '$ifNull on null', expression: { $ifNull: ['$a', 0] }, doc: { a: null }, mongo: 0, mingo: 'same' },
  { name: '$ifNull keeps false and 0', expression: { $ifNull: ['$a', 1] }, doc: { a: 0 }, mongo: 0, mingo: 'same' },
  { name: '$ifNull with three operands', expression: { $ifNull: ['$zz', '$a', 'x'] }, doc: { a: null }, mongo: 'x', mingo: 'same' },
  { name: '$not', expression: { $not: [{ $isNumber: '$a' }] }, doc: { a: 'x' }, mongo: true, mingo: 'same' },
  { name: '$not of an empty string', expression: { $not: ['$a'] }, doc: { a: '' }, mongo: false, mingo: 'mingo negates JavaScript truthiness: true' },

  // Comparisons (BSON order across types).
  { name: '$eq strings', expression: { $eq: ['$a', 'web'] }, doc: { a: 'web' }, mongo: true, mingo: 'same' },
  { name: '$eq 1 and 1.0', expression: { $eq: ['$a', 1.0] }, doc: { a: 1 }, mongo: true, mingo: 'same' },
  { name: '$eq dates by instant', expression: { $eq: ['$started_at', D('2024-03-10T00:00:00Z')] }, doc: {}, mongo: true, mingo: 'same' },
  { name: '$eq null with null', expression: { $eq: [{ $ifNull: ['$zz', null] }, null] }, doc: {}, mongo: true, mingo: 'same' },
  { name: '$eq missing with null is false', expression: { $eq: ['$zz', null] }, doc: {}, mongo: false, mingo: 'mingo: true' },
  { name: '$eq does not match array elements', expression: { $eq: ['$a', 'x'] }, doc: { a: ['x'] }, mongo: false, mingo: 'mingo: true' },
  { name: '$ne', expression: { $ne: ['$a', 'x'] }, doc: { a: 'y' }, mongo: true, mingo: 'same' },
  { name: '$gt numbers', expression: { $gt: ['$a', 0] }, doc: { a: 0.5 }, mongo: true, mingo: 'same' },
  { name: '$gt string above number', expression: { $gt: ['$a', 5] }, doc: { a: 'abc' }, mongo: true, mingo: 'mingo compares only equal types: false' },
  { name: '$lt missing below null', expression: { $lt: ['$zz', null] }, doc: {}, mongo: true, mingo: 'mingo: false' },
  { name: '$gte dates', expression: { $gte: ['$started_at', D('2024-03-10T00:00:00Z')] }, doc: {}, mongo: true, mingo: 'same' },
  { name: '$lt date before a Date', expression: { $lt: ['$started_at', D('2024-03-10T00:00:00.001Z')] }, doc: {}, mongo: true, mingo: 'same' },
  { name: '$lte booleans above numbers', expression: { $lte: ['$a', 1] }, doc: { a: true }, mongo: false, mingo: 'same' },
  { name: '$in', expression: { $in: ['$a', ['x', 'y']] }, doc: { a: 'y' }, mongo: true, mingo: 'same' },
  { name: '$in missing is not null', expression: { $in: ['$zz', [null]] }, doc: {}, mongo: false, mingo: 'same' },
  { name: '$in by value for dates', expression: { $in: ['$started_at', [D('2024-03-10T00:00:00Z')]] }, doc: {}, mongo: true, mingo: 'same' },

  // Types, arrays, sets, dates.
  { name: '$isNumber number', expression: { $isNumber: '$a' }, doc: { a: 2.5 }, mongo: true, mingo: 'same' },
  { name: '$isNumber numeric string', expression: { $isNumber: '$a' }, doc: { a: '2' }, mongo: false, mingo: 'same' },
  { name: '$isNumber missing', expression: { $isNumber: '$zz' }, doc: {}, mongo: false, mingo: 'same' },
  { name: '$size', expression: { $size: '$a' }, doc: { a: [1, 2, 3] }, mongo: 3, mingo: 'same' },
  { name: '$setDifference removes null and repeats', expression: { $setDifference: ['$a', [null]] }, doc: { a: ['x', null, 'y', 'x'] }, mongo: ['x', 'y'], mingo: 'same' },
  { name: 'unique callers: $size of $setDifference', expression: { $size: { $setDifference: ['$a', [null]] } }, doc: { a: ['+1', null, '+2'] }, mongo: 2, mingo: 'same' },
  { name: '$setDifference null', expression: { $setDifference: ['$zz', [null]] }, doc: {}, mongo: null, mingo: 'same' },
  { name: '$year', expression: { $year: '$started_at' }, doc: {}, mongo: 2024, mingo: 'same' },
  { name: '$month', expression: { $month: '$started_at' }, doc: {}, mongo: 3, mingo: 'same' },
  { name: '$year of a shifted date (UTC)', expression: { $year: { $add: [D('1970-01-01T00:00:00Z'), { $subtract: ['$a', 3_600_000] }] } }, doc: { a: Date.parse('2024-01-01T00:30:00Z') }, mongo: 2023, mingo: 'same' },
  { name: '$month across a year end', expression: { $month: { $add: [D('1970-01-01T00:00:00Z'), '$a'] } }, doc: { a: Date.parse('1999-12-31T23:59:59.999Z') }, mongo: 12, mingo: 'same' },
  { name: 'MONTH bucket index', expression: { $add: [{ $multiply: [{ $year: { $add: [D('1970-01-01T00:00:00Z'), '$a'] } }, 12] }, { $subtract: [{ $month: { $add: [D('1970-01-01T00:00:00Z'), '$a'] } }, 1] }] }, doc: { a: Date.parse('1969-12-31T12:00:00Z') }, mongo: 1969 * 12 + 11, mingo: 'same' },
  { name: '$year null', expression: { $year: '$zz' }, doc: {}, mongo: null, mingo: 'mingo throws: cannot convert to date' },
];

describe('expression operators', () => {
  it.each(EXPRESSIONS)('$name', async ({ expression, doc, mongo: expected, mingo: onMingo }) => {
    const pipeline: Pipeline = [{ $project: { _id: 0, v: expression } }];
    const want = expected === undefined ? {} : { v: expected };
    expect(await compiled(pipeline, [doc])).toEqual([want]);
    if (onMingo === 'same') expect(await mingo(pipeline, [doc])).toEqual([want]);
  });
});

interface QueryCase {
  name: string;
  filter: Record<string, unknown>;
  /** Indexes of the matching documents of QUERY_DOCS. */
  matches: number[];
}

const QUERY_DOCS: Record<string, unknown>[] = [
  /* 0 */ { s: 'web', n: 5, tags: ['vip', 'new'], p: { city: 'Oslo', plan: ['gold'] }, q: true },
  /* 1 */ { s: 'phone', n: 7.5, tags: [], p: { city: 'Rome' }, q: false },
  /* 2 */ { s: null, n: '9', tags: ['old'], q: null },
  /* 3 */ { n: null, tags: 'vip', p: { city: null } },
  /* 4 */ { s: 'Web+', n: -1, tags: ['VIP', null], p: {}, d: new Date('2024-01-01T00:00:00Z') },
];

const QUERIES: QueryCase[] = [
  { name: 'implicit equality', filter: { s: 'web' }, matches: [0] },
  { name: 'array field matches by element', filter: { tags: 'vip' }, matches: [0, 3] },
  { name: 'null matches null, missing and arrays holding null', filter: { s: null }, matches: [2, 3] },
  { name: 'null on an array field', filter: { tags: null }, matches: [4] },
  { name: '$ne null: present and not null', filter: { s: { $ne: null } }, matches: [0, 1, 4] },
  { name: '$ne true keeps false, null and missing', filter: { q: { $ne: true } }, matches: [1, 2, 3, 4] },
  { name: '$ne excludes arrays holding the value', filter: { tags: { $ne: 'vip' } }, matches: [1, 2, 4] },
  { name: '$in with null', filter: { s: { $in: ['phone', null] } }, matches: [1, 2, 3] },
  { name: '$in on array elements', filter: { tags: { $in: ['old', 'new'] } }, matches: [0, 2] },
  { name: '$nin [null, ""]', filter: { s: { $nin: [null, ''] } }, matches: [0, 1, 4] },
  { name: '$gte/$lte only match numbers', filter: { n: { $gte: 0, $lte: 10 } }, matches: [0, 1] },
  { name: '$gt on a string bound matches strings only', filter: { s: { $gt: 'W' } }, matches: [0, 1, 4] },
  { name: '$lt on a string bound: numbers and null never match', filter: { n: { $lt: 'z' } }, matches: [2] },
  { name: 'range on dates', filter: { d: { $gte: new Date('2023-12-31T00:00:00Z'), $lt: new Date('2024-01-02T00:00:00Z') } }, matches: [4] },
  { name: 'equality on a date', filter: { d: new Date('2024-01-01T00:00:00Z') }, matches: [4] },
  { name: '$exists true (null counts)', filter: { s: { $exists: true } }, matches: [0, 1, 2, 4] },
  { name: '$exists false', filter: { s: { $exists: false } }, matches: [3] },
  { name: '$regex case-insensitive literal', filter: { s: { $regex: 'web\\+', $options: 'i' } }, matches: [4] },
  { name: '$regex on array elements', filter: { tags: { $regex: '^vip$', $options: 'i' } }, matches: [0, 3, 4] },
  { name: '$regex anchored whole value', filter: { s: { $regex: '^web$' } }, matches: [0] },
  { name: 'dotted path into a sub-document', filter: { 'p.city': 'Rome' }, matches: [1] },
  { name: 'dotted path: null matches missing', filter: { 'p.city': null }, matches: [2, 3, 4] },
  { name: 'dotted path onto an array', filter: { 'p.plan': 'gold' }, matches: [0] },
  { name: '$or', filter: { $or: [{ s: 'phone' }, { n: null }] }, matches: [1, 3] },
  { name: '$and of colliding keys', filter: { $and: [{ n: { $gt: 0 } }, { n: { $lt: 6 } }] }, matches: [0] },
  { name: '$or with a range keeping missing', filter: { $or: [{ n: { $gte: 0, $lte: 6 } }, { n: null }] }, matches: [0, 3] },
  { name: 'empty filter', filter: {}, matches: [0, 1, 2, 3, 4] },
];

describe('query operators ($match)', () => {
  it.each(QUERIES)('$name', async ({ filter, matches }) => {
    const pipeline: Pipeline = [{ $match: filter }, { $project: { _id: 1 } }];
    const want = matches.map((i) => ({ _id: `d${i}` }));
    expect(await compiled(pipeline, QUERY_DOCS)).toEqual(want);
    expect(await mingo(pipeline, QUERY_DOCS)).toEqual(want);
  });
});

describe('accumulators', () => {
  const values = [{ v: 3 }, { v: '7' }, { v: null }, {}, { v: 1.5 }, { v: true }, { v: new Date('2024-01-01T00:00:00Z') }];
  it.each<[string, unknown, unknown, 'same' | string]>([
    ['$sum ignores non-numbers', { $sum: '$v' }, 4.5, 'same'],
    ['$sum of a constant counts', { $sum: 1 }, 7, 'same'],
    ['$sum of a $cond count', { $sum: { $cond: [{ $isNumber: '$v' }, 1, 0] } }, 2, 'same'],
    ['$avg over numbers only', { $avg: '$v' }, 2.25, 'same'],
    ['$min skips null and missing; numbers sort lowest', { $min: '$v' }, 1.5, 'same'],
    ['$max: dates sort highest', { $max: '$v' }, new Date('2024-01-01T00:00:00Z'), 'same'],
    ['$first', { $first: '$v' }, 3, 'same'],
    ['$push skips missing', { $push: '$v' }, [3, '7', null, 1.5, true, new Date('2024-01-01T00:00:00Z')], 'mingo pushes null for the missing value'],
    ['$addToSet skips missing', { $addToSet: '$v' }, [3, '7', null, 1.5, true, new Date('2024-01-01T00:00:00Z')], 'mingo adds null for the missing value'],
  ])('%s', async (_name, accumulator, expected, onMingo) => {
    const pipeline: Pipeline = [{ $group: { _id: null, out: accumulator } }];
    expect(await compiled(pipeline, values)).toEqual([{ _id: null, out: expected }]);
    if (onMingo === 'same') expect(await mingo(pipeline, values)).toEqual([{ _id: null, out: expected }]);
  });

  it.each<[string, unknown, unknown]>([
    ['$avg', { $avg: '$v' }, null],
    ['$min', { $min: '$v' }, null],
    ['$max', { $max: '$v' }, null],
    ['$sum', { $sum: '$v' }, 0],
    ['$first of missing', { $first: '$v' }, null],
  ])('%s over only null and missing', async (_name, accumulator, expected) => {
    const pipeline: Pipeline = [{ $group: { _id: null, out: accumulator } }];
    const fields = [{ v: null }, {}];
    expect(await compiled(pipeline, fields)).toEqual([{ _id: null, out: expected }]);
    expect(await mingo(pipeline, fields)).toEqual([{ _id: null, out: expected }]);
  });

  it('$addToSet: 1 and 1.0 are one value, "1" another, Dates by instant', async () => {
    const fields = [{ v: 1 }, { v: 1.0 }, { v: '1' }, { v: new Date(5) }, { v: new Date(5) }, { v: null }];
    const pipeline: Pipeline = [{ $group: { _id: null, out: { $addToSet: '$v' } } }];
    const want = [{ _id: null, out: [1, '1', new Date(5), null] }];
    expect(await compiled(pipeline, fields)).toEqual(want);
    expect(await mingo(pipeline, fields)).toEqual(want);
  });
});

describe('$group keys', () => {
  it('a single key: missing and null form one group; 1 and 1.0 one; "1" another; first-seen order', async () => {
    const fields = [{ k: 'b' }, { k: 1 }, {}, { k: 1.0 }, { k: null }, { k: '1' }, { k: new Date(9) }, { k: new Date(9) }];
    const pipeline: Pipeline = [{ $group: { _id: '$k', n: { $sum: 1 } } }];
    const want = [
      { _id: 'b', n: 1 },
      { _id: 1, n: 2 },
      { _id: null, n: 2 },
      { _id: '1', n: 1 },
      { _id: new Date(9), n: 2 },
    ];
    expect(await compiled(pipeline, fields)).toEqual(want);
    expect(await mingo(pipeline, fields)).toEqual(want);
  });

  it('an object key: a missing part is left out of the key, apart from a null part', async () => {
    const fields = [{ a: 1, b: 'x' }, { a: 1 }, { a: 1, b: null }, { a: 1, b: 'x' }, { b: 'x' }];
    const pipeline: Pipeline = [{ $group: { _id: { a: '$a', b: '$b' }, n: { $sum: 1 } } }];
    const rows = await compiled(pipeline, fields);
    expect(rows).toStrictEqual([
      { _id: { a: 1, b: 'x' }, n: 2 },
      { _id: { a: 1 }, n: 1 },
      { _id: { a: 1, b: null }, n: 1 },
      { _id: { b: 'x' }, n: 1 },
    ]);
    expect(await mingo(pipeline, fields)).toEqual(rows);
  });

  it('object values as keys are equal by fields in order (MongoDB; mingo ignores the order)', async () => {
    const fields = [{ o: { a: 1, b: 2 } }, { o: { b: 2, a: 1 } }, { o: { a: 1, b: 2 } }];
    const pipeline: Pipeline = [{ $group: { _id: '$o', n: { $sum: 1 } } }];
    expect(await compiled(pipeline, fields)).toEqual([
      { _id: { a: 1, b: 2 }, n: 2 },
      { _id: { b: 2, a: 1 }, n: 1 },
    ]);
    expect(await mingo(pipeline, fields)).toEqual([{ _id: { a: 1, b: 2 }, n: 3 }]);
  });

  it('no input, no group (also for _id: null)', async () => {
    expect(await compiled([{ $match: { zz: 1 } }, { $group: { _id: null, n: { $sum: 1 } } }], [{}])).toEqual([]);
  });

  it('a key shared by several parts is evaluated once per document and stays right (local-time $switch)', async () => {
    const localMs = {
      $add: [
        { $subtract: ['$started_at', new Date(0)] },
        { $switch: { branches: [{ case: { $lt: ['$started_at', new Date(T0 + 90_000)] }, then: -3_600_000 }], default: 0 } },
      ],
    };
    const pipeline: Pipeline = [
      {
        $group: {
          _id: { hour: { $floor: { $divide: [{ $mod: [localMs, 86_400_000] }, 3_600_000] } }, day: { $floor: { $divide: [localMs, 86_400_000] } } },
          n: { $sum: 1 },
        },
      },
      { $sort: { '_id.day': 1, '_id.hour': 1 } },
    ];
    const fields = [{}, {}, {}, {}];
    const want = [
      { _id: { hour: 23, day: Math.floor(T0 / 86_400_000) - 1 }, n: 2 },
      { _id: { hour: 0, day: Math.floor(T0 / 86_400_000) }, n: 2 },
    ];
    expect(await compiled(pipeline, fields)).toEqual(want);
    expect(await mingo(pipeline, fields)).toEqual(want);
  });
});

describe('$sort', () => {
  const mixed = [
    { k: 'b' }, { k: 2 }, { k: null }, {}, { k: true }, { k: new Date(1) }, { k: 'a' }, { k: -1 }, { k: false }, { k: 2 },
  ];

  it('BSON order across types, null and missing equal and first; ties keep input order', async () => {
    const pipeline: Pipeline = [{ $sort: { k: 1 } }, { $project: { _id: 1 } }];
    const want = ['d2', 'd3', 'd7', 'd1', 'd9', 'd6', 'd0', 'd8', 'd4', 'd5'].map((_id) => ({ _id }));
    expect(await compiled(pipeline, mixed)).toEqual(want);
    expect(await mingo(pipeline, mixed)).toEqual(want);
  });

  it('descending keeps ties in input order, with a second key', async () => {
    const pipeline: Pipeline = [{ $sort: { k: -1, _id: 1 } }, { $project: { _id: 1 } }];
    const want = ['d5', 'd4', 'd8', 'd0', 'd6', 'd1', 'd9', 'd7', 'd2', 'd3'].map((_id) => ({ _id }));
    expect(await compiled(pipeline, mixed)).toEqual(want);
    expect(await mingo(pipeline, mixed)).toEqual(want);
  });

  it('top rows only ($sort + $skip + $limit) equal the full sort', async () => {
    const fields = Array.from({ length: 200 }, (_, i) => ({ k: (i * 37) % 23 }));
    const pipeline: Pipeline = [{ $sort: { k: -1 } }, { $skip: 3 }, { $limit: 7 }, { $project: { _id: 1, k: 1 } }];
    expect(await compiled(pipeline, fields)).toEqual(await mingo(pipeline, fields));
  });

  it('strings in code-point order (MongoDB; mingo sorts UTF-16 code units)', async () => {
    const fields = [{ k: '😀' }, { k: '\uff01' }, { k: 'z' }];
    const pipeline: Pipeline = [{ $sort: { k: 1 } }, { $project: { _id: 0, k: 1 } }];
    expect(await compiled(pipeline, fields)).toEqual([{ k: 'z' }, { k: '\uff01' }, { k: '😀' }]);
    expect(await mingo(pipeline, fields)).toEqual([{ k: 'z' }, { k: '😀' }, { k: '\uff01' }]);
  });

  it('by started_at, read from the time column', async () => {
    const pipeline: Pipeline = [{ $sort: { started_at: -1, _id: 1 } }, { $limit: 2 }, { $project: { _id: 1 } }];
    expect(await compiled(pipeline, [{}, {}, {}])).toEqual([{ _id: 'd2' }, { _id: 'd1' }]);
  });

  it('$addFields then $sort on the added value (fused) gives the merged rows', async () => {
    const fields = [{ t: 5 }, {}, { t: 9 }, { t: null }];
    const pipeline: Pipeline = [{ $addFields: { sortValue: { $ifNull: ['$t', 0] }, t: '$zz' } }, { $sort: { sortValue: -1, _id: 1 } }, { $limit: 3 }];
    const rows = await compiled(pipeline, fields);
    expect(rows.map((row) => (row as { _id: string })._id)).toEqual(['d2', 'd0', 'd1']);
    expect(rows).toEqual(await mingo(pipeline, fields));
    expect(rows[0]).not.toHaveProperty('t');
  });
});

describe('other stages', () => {
  it('$project inclusion, computed fields and _id: 0', async () => {
    const fields = [{ a: 1, b: 2, c: 3 }];
    for (const pipeline of [
      [{ $project: { a: 1, c: 1 } }],
      [{ $project: { _id: 0, a: 1, sum: { $add: ['$a', '$b'] }, gone: '$zz' } }],
      [{ $project: { a: 0, payload: 0 } }],
      [{ $project: { _id: 0 } }],
    ] as Pipeline[]) {
      expect(await compiled(pipeline, fields)).toEqual(await mingo(pipeline, fields));
    }
  });

  it('$addFields replaces, and a missing value removes the field', async () => {
    const pipeline: Pipeline = [{ $addFields: { a: '$zz', b: { $multiply: ['$b', 10] }, c: 'new' } }, { $project: { started_at: 0, tenant_id: 0, user_email: 0 } }];
    expect(await compiled(pipeline, [{ a: 1, b: 2 }])).toStrictEqual([{ _id: 'd0', b: 20, c: 'new' }]);
  });

  it('$unwind: one row per element; null, missing and [] dropped; a scalar kept as it is', async () => {
    const fields = [{ tags: ['a', 'b'] }, { tags: [] }, { tags: null }, {}, { tags: 'solo' }];
    const pipeline: Pipeline = [{ $unwind: '$tags' }, { $project: { tags: 1 } }];
    const want = [{ _id: 'd0', tags: 'a' }, { _id: 'd0', tags: 'b' }, { _id: 'd4', tags: 'solo' }];
    expect(await compiled(pipeline, fields)).toEqual(want);
    expect(await mingo(pipeline, fields)).toEqual(want);
  });

  it('$unwind keeps a bare empty string (MongoDB; mingo drops it)', async () => {
    const pipeline: Pipeline = [{ $unwind: { path: '$tags' } }, { $project: { tags: 1 } }];
    expect(await compiled(pipeline, [{ tags: '' }])).toEqual([{ _id: 'd0', tags: '' }]);
    expect(await mingo(pipeline, [{ tags: '' }])).toEqual([]);
  });

  it('$skip and $limit', async () => {
    const fields = Array.from({ length: 6 }, () => ({}));
    const pipeline: Pipeline = [{ $skip: 2 }, { $limit: 3 }, { $project: { _id: 1 } }];
    expect(await compiled(pipeline, fields)).toEqual([{ _id: 'd2' }, { _id: 'd3' }, { _id: 'd4' }]);
  });

  it('$facet: every branch sees every row; an empty $count is [] (MongoDB; mingo gives { n: 0 })', async () => {
    const pipeline: Pipeline = [
      {
        $facet: {
          rows: [{ $match: { k: 1 } }, { $project: { _id: 1 } }],
          count: [{ $match: { k: 1 } }, { $count: 'n' }],
          none: [{ $match: { k: 3 } }, { $count: 'n' }],
          all: [{ $group: { _id: null, n: { $sum: 1 } } }],
        },
      },
    ];
    const fields = [{ k: 1 }, { k: 2 }, { k: 1 }];
    expect(await compiled(pipeline, fields)).toEqual([
      { rows: [{ _id: 'd0' }, { _id: 'd2' }], count: [{ n: 2 }], none: [], all: [{ _id: null, n: 3 }] },
    ]);
    const [reference] = (await mingo(pipeline, fields)) as { none: unknown }[];
    expect(reference.none).toEqual([{ n: 0 }]);
  });

  it('$setWindowFields: running and partition $sum per partition, sorted (ties keep input order), then grouped', async () => {
    const fields = [
      { g: 'a', d: 5 }, { g: 'a', d: 1 }, { g: 'b', d: 2 }, { g: 'a', d: 5 }, { g: 'a' }, { g: 'b', d: 2 }, { g: 'b', d: 9 },
    ];
    const window: Pipeline = [
      { $group: { _id: { g: '$g', d: { $ifNull: ['$d', 0] } }, n: { $sum: 1 } } },
      {
        $setWindowFields: {
          partitionBy: { g: '$_id.g' },
          sortBy: { '_id.d': 1 },
          output: {
            run: { $sum: '$n', window: { documents: ['unbounded', 'current'] } },
            all: { $sum: '$n', window: { documents: ['unbounded', 'unbounded'] } },
          },
        },
      },
      { $sort: { '_id.g': 1, '_id.d': 1 } },
    ];
    const expected = [
      { _id: { g: 'a', d: 0 }, n: 1, run: 1, all: 4 },
      { _id: { g: 'a', d: 1 }, n: 1, run: 2, all: 4 },
      { _id: { g: 'a', d: 5 }, n: 2, run: 4, all: 4 },
      { _id: { g: 'b', d: 2 }, n: 2, run: 2, all: 3 },
      { _id: { g: 'b', d: 9 }, n: 1, run: 3, all: 3 },
    ];
    expect(await compiled(window, fields)).toEqual(expected);
    expect(await mingo(window, fields)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['a range window', { run: { $sum: '$n', window: { range: ['unbounded', 'current'] } } }],
    ['a bounded window', { run: { $sum: '$n', window: { documents: [-1, 0] } } }],
    ['another window operator', { run: { $avg: '$n', window: { documents: ['unbounded', 'current'] } } }],
  ])('$setWindowFields with %s runs on mingo', async (_name, output) => {
    const pipeline: Pipeline = [{ $group: { _id: '$g', n: { $sum: 1 } } }, { $setWindowFields: { sortBy: { _id: 1 }, output } }];
    const store = createEmbeddedStore({ calls: docs([{ g: 1 }, { g: 2 }]) });
    await store.aggregate(pipeline);
    expect(store.engineRuns).toEqual({ mingo: 1, compiled: 0 });
  });

  it('rows are fresh copies: changing them changes nothing stored', async () => {
    const store = createEmbeddedStore({ calls: docs([{ tags: ['a'], when: new Date(5), p: { x: 1 } }]) });
    const [row] = await store.aggregate<{ tags: string[]; when: Date; p: { x: number } }>([{ $match: {} }]);
    expect(Object.isFrozen(row)).toBe(false);
    row.tags.push('b');
    row.when.setTime(0);
    row.p.x = 2;
    const [again] = await store.aggregate<{ tags: string[]; when: Date; p: { x: number } }>([{ $match: {} }]);
    expect(again).toMatchObject({ tags: ['a'], when: new Date(5), p: { x: 1 } });
    expect(store.engineRuns).toEqual({ mingo: 0, compiled: 2 });
  });
});

describe('choosing the engine', () => {
  it.each<[string, Pipeline]>([
    ['$bucketAuto', [{ $match: { tenant_id: 't' } }, { $bucketAuto: { groupBy: '$n', buckets: 2 } }]],
    ['$lookup', [{ $lookup: { from: [], localField: 'n', foreignField: 'n', as: 'j' } }, { $project: { j: 1 } }]],
    ['an expression operator outside the table ($round)', [{ $project: { r: { $round: ['$n', 1] } } }]],
    ['a query operator outside the table ($expr)', [{ $match: { $expr: { $gt: ['$n', 1] } } }, { $project: { _id: 1 } }]],
    ['a variable ($$ROOT)', [{ $project: { root: '$$ROOT' } }]],
    ['a top-level $count', [{ $count: 'n' }]],
  ])('a pipeline with %s runs on mingo, whole', async (_name, pipeline) => {
    const fields = [{ n: 1 }, { n: 2.44 }, { n: 3 }];
    const logger = vi.fn();
    const store = createEmbeddedStore({ calls: docs(fields), logger });
    const rows = await store.aggregate(pipeline);
    expect(store.engineRuns).toEqual({ mingo: 1, compiled: 0 });
    expect(rows).toEqual(await mingo(pipeline, fields));
    expect(logger).toHaveBeenCalledWith(expect.stringMatching(/^embedded engine: not compiled \(.+\); mingo runs the pipeline$/));
  });

  it('data the executor does not model hands the pipeline to mingo from the start', async () => {
    const fields = [{ tags: ['b', 'a'] }, { tags: ['c'] }];
    const pipeline: Pipeline = [{ $sort: { tags: 1 } }, { $project: { _id: 1 } }];
    const logger = vi.fn();
    const store = createEmbeddedStore({ calls: docs(fields), logger });
    expect(await store.aggregate(pipeline)).toEqual(await mingo(pipeline, fields));
    expect(store.engineRuns).toEqual({ mingo: 1, compiled: 0 });
    expect(logger).toHaveBeenCalledWith(expect.stringContaining('compiled executor gave up (an array or object as a $sort key)'));
  });

  it("executor: 'mingo' always uses mingo; debug logs the engine of every run", async () => {
    const logger = vi.fn();
    const reference = createEmbeddedStore({ calls: docs([{}]), executor: 'mingo', logger, debug: true });
    await reference.aggregate([{ $group: { _id: null, n: { $sum: 1 } } }]);
    expect(reference.engineRuns).toEqual({ mingo: 1, compiled: 0 });
    expect(logger).toHaveBeenLastCalledWith(expect.stringMatching(/^embedded engine: mingo, 1 rows in [\d.]+ ms$/));
    const auto = createEmbeddedStore({ calls: docs([{}]), logger, debug: true });
    await auto.aggregate([{ $group: { _id: null, n: { $sum: 1 } } }]);
    expect(logger).toHaveBeenLastCalledWith(expect.stringMatching(/^embedded engine: compiled executor, 1 rows in [\d.]+ ms$/));
  });

  it('stays narrowed: only the scoped partition slice is read', async () => {
    const calls = [
      ...docs([{ v: 1 }, { v: 2 }]),
      { _id: 'other', tenant_id: 'u', user_email: 'o@u.test', started_at: new Date(T0), v: 100 } as unknown as CallDocument,
    ];
    const store = createEmbeddedStore({ calls });
    const pipeline: Pipeline = [{ $match: { tenant_id: 't', started_at: { $gte: new Date(T0 + 60_000) } } }, { $group: { _id: null, v: { $sum: '$v' } } }];
    expect(await store.aggregate(pipeline)).toEqual([{ _id: null, v: 2 }]);
    expect(store.engineRuns.compiled).toBe(1);
  });

  it('columns stay right when many fields are read (least recently used columns are dropped)', async () => {
    const fields = Array.from({ length: 3 }, (_, i) => Object.fromEntries(Array.from({ length: 60 }, (_, f) => [`f${f}`, f * 10 + i])));
    const store = createEmbeddedStore({ calls: docs(fields) });
    for (let round = 0; round < 2; round++) {
      for (let f = 0; f < 60; f++) {
        expect(await store.aggregate([{ $group: { _id: null, s: { $sum: `$f${f}` } } }])).toEqual([{ _id: null, s: 30 * f + 3 }]);
      }
    }
  });

  it('honours maxTimeMS during the compiled scan', async () => {
    const calls = docs(Array.from({ length: 10_000 }, () => ({})));
    const store = createEmbeddedStore({ calls });
    let clock = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100));
    await expect(store.aggregate([{ $group: { _id: '$status', n: { $sum: 1 } } }], { maxTimeMS: 50 })).rejects.toThrow(QueryTimeoutError);
    spy.mockRestore();
    expect(store.engineRuns).toEqual({ mingo: 0, compiled: 1 });
  });
});

describe('the operator table', () => {
  it('lists what the compiled executor runs, by role (the README table)', () => {
    const roles = Object.fromEntries((Object.keys(OPERATOR_TABLE) as SupportedOperator[]).map((name) => [name, operatorRoles(name).join('+')]));
    expect(roles).toEqual({
      $match: 'stage', $addFields: 'stage', $project: 'stage', $group: 'stage', $sort: 'stage', $skip: 'stage', $limit: 'stage',
      $count: 'stage', $facet: 'stage', $unwind: 'stage', $setWindowFields: 'stage',
      $and: 'logical', $or: 'logical',
      $eq: 'query+expression', $ne: 'query+expression', $gt: 'query+expression', $gte: 'query+expression',
      $lt: 'query+expression', $lte: 'query+expression', $in: 'query+expression',
      $nin: 'query', $exists: 'query', $regex: 'query', $options: 'query',
      $sum: 'accumulator', $avg: 'accumulator', $min: 'accumulator', $max: 'accumulator', $first: 'accumulator',
      $push: 'accumulator', $addToSet: 'accumulator',
      $add: 'expression', $subtract: 'expression', $multiply: 'expression', $divide: 'expression', $floor: 'expression',
      $mod: 'expression', $cond: 'expression', $switch: 'expression', $ifNull: 'expression', $not: 'expression',
      $literal: 'expression', $isNumber: 'expression', $size: 'expression', $setDifference: 'expression',
      $year: 'expression', $month: 'expression',
    });
  });
});

describe('pipeline constants', () => {
  it('are compiled from a flat copy: same values, the caller’s pipeline untouched', () => {
    const at = new Date('2024-06-01T00:00:00Z');
    const query = 'query { _entities(representations: [{ id: "assistant-0001-with-a-long-id" }]) }';
    // A slice of a longer text, as graphql-js's lexer hands out string arguments.
    const sliced = query.slice(query.indexOf('assistant'), query.indexOf('assistant') + 29);
    const match = { assistant_id: { $in: [sliced, null] }, started_at: { $gte: at } };
    const pipeline = [{ $match: match }, { $group: { _id: '$assistant_id', n: { $sum: 1 } } }];
    const before = structuredClone(pipeline);
    const copy = withFlatStrings(pipeline);
    expect(copy).toEqual(pipeline);
    expect(copy).not.toBe(pipeline);
    const copiedMatch = copy[0]!.$match as typeof match;
    expect(copiedMatch).not.toBe(match);
    expect(copiedMatch.started_at.$gte).toBe(at);
    expect(copiedMatch.assistant_id.$in[0]).toBe('assistant-0001-with-a-long-id');
    expect(pipeline).toEqual(before);
  });
});
