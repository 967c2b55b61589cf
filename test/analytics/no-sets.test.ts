/**
 * Issue 16: no result grows with the number of distinct values. Over every pipeline shape a
 * client can cause, no `$addToSet` or `$push` (of a call field or of anything else) is emitted:
 * distinct counts are grouping levels (query/distinct-count.ts), so every result document is
 * bounded by the number of groups.
 */
import { describe, expect, it } from 'vitest';
import { pipelineShapes } from '../support/pipeline-shapes.ts';

/** Every `$addToSet`/`$push` anywhere in a pipeline (inside `$facet` branches too), with its path. */
function collectors(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => collectors(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object' || value instanceof Date) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$addToSet' || key === '$push' ? [`${path}.${key}: ${JSON.stringify(inner)}`] : collectors(inner, `${path}.${key}`),
  );
}

describe('no pipeline returns a set of call values', () => {
  const shapes = pipelineShapes();

  it('the walker finds a collector where there is one', () => {
    expect(collectors([{ $group: { _id: null, s: { $addToSet: '$from_number' } } }, { $facet: { a: [{ $group: { _id: 1, p: { $push: '$x' } } }] } }])).toHaveLength(2);
  });

  it.each(shapes.map((shape) => [shape.name, shape.pipeline] as const))('%s', (_name, pipeline) => {
    expect(collectors(pipeline)).toEqual([]);
  });
});
