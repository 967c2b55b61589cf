import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/contract/pipeline.ts';
import { describeInputMutation } from '../../src/store/embedded/input-mutation.ts';

describe('describeInputMutation', () => {
  it.each<{ name: string; pipeline: Pipeline }>([
    { name: 'empty', pipeline: [] },
    {
      name: 'what the compilers emit',
      pipeline: [
        { $match: { tenant_id: 't' } },
        { $addFields: { bucket: { $cond: [{ $eq: ['$channel', 'web'] }, 'WEB_CALL', '$platform_number'] } } },
        { $group: { _id: '$bucket', n: { $sum: 1 } } },
        { $project: { _id: 0, key: '$_id', n: 1, half: { $divide: ['$n', 2] } } },
        { $sort: { n: -1, key: 1 } },
        { $skip: 10 },
        { $limit: 5 },
      ],
    },
    { name: '$set, $unset and $unwind on top-level fields', pipeline: [{ $set: { a: 1 } }, { $unset: ['payload', 'tags'] }, { $unwind: '$tags' }] },
    { name: '$unwind object without index or preserve', pipeline: [{ $unwind: { path: '$tags' } }] },
    { name: '$facet (mingo copies its input)', pipeline: [{ $facet: { a: [{ $addFields: { 'payload.x': 1 } }] } }] },
    { name: '$setWindowFields with top-level outputs', pipeline: [{ $setWindowFields: { sortBy: { started_at: 1 }, output: { n: { $sum: 1 } } } }] },
    { name: '$bucket, $count, $replaceRoot, $lookup', pipeline: [
      { $bucket: { groupBy: '$duration_sec', boundaries: [0, 60, 600], default: 'other' } },
      { $replaceRoot: { newRoot: { k: '$_id' } } },
      { $lookup: { from: [], localField: 'k', foreignField: 'k', as: 'j' } },
      { $count: 'n' },
    ] },
  ])('safe: $name', ({ pipeline }) => {
    expect(describeInputMutation(pipeline)).toBeUndefined();
  });

  it.each<{ name: string; pipeline: Pipeline; expected: string }>([
    { name: 'dotted $addFields', pipeline: [{ $match: {} }, { $addFields: { 'payload.x': 1 } }], expected: 'stage 1 ($addFields)' },
    { name: 'dotted $set', pipeline: [{ $set: { 'a.b': 1 } }], expected: 'stage 0 ($set)' },
    { name: 'dotted $project exclusion', pipeline: [{ $project: { 'payload.k': 0 } }], expected: 'stage 0 ($project)' },
    { name: 'nested $project', pipeline: [{ $project: { payload: { k: 0 } } }], expected: 'stage 0 ($project)' },
    { name: 'dotted $unset', pipeline: [{ $unset: ['tags', 'payload.k'] }], expected: 'stage 0 ($unset)' },
    { name: '$unwind keeping empty arrays', pipeline: [{ $unwind: { path: '$tags', preserveNullAndEmptyArrays: true } }], expected: 'stage 0 ($unwind)' },
    { name: '$unwind with an index', pipeline: [{ $unwind: { path: '$tags', includeArrayIndex: 'i' } }], expected: 'stage 0 ($unwind)' },
    { name: 'dotted window output', pipeline: [{ $setWindowFields: { output: { 'a.b': { $sum: 1 } } } }], expected: 'stage 0 ($setWindowFields)' },
    { name: 'a stage not known to be safe', pipeline: [{ $densify: { field: 'started_at', range: { step: 1, unit: 'hour', bounds: 'full' } } }], expected: 'stage 0 ($densify)' },
  ])('unsafe: $name', ({ pipeline, expected }) => {
    expect(describeInputMutation(pipeline)).toBe(expected);
  });
});
