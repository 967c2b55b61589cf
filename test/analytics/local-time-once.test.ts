/**
 * Issue 16: a call's local time is computed once per document. The offset lookup (the
 * `$subtract` of the epoch from `started_at`, plus the segment's offset) appears at most once in
 * every pipeline a client can cause: inline where one key reads it, otherwise in one
 * `$addFields` (`local_ms`) right after the leading `$match` that the keys read.
 */
import { describe, expect, it } from 'vitest';
import { LOCAL_MS, LOCAL_MS_FIELD } from '../../src/analytics/time/local-time-expression.ts';
import { pipelineShapes } from '../support/pipeline-shapes.ts';

const LOOKUP = /"\$subtract":\["\$started_at","1970-01-01T00:00:00\.000Z"\]/g;

describe('local time once per document', () => {
  const shapes = pipelineShapes();
  const timed = shapes.filter((shape) => JSON.stringify(shape.pipeline).match(LOOKUP));

  it('the shapes include pipelines with one and with several time keys', () => {
    expect(timed.some((shape) => JSON.stringify(shape.pipeline).includes(LOCAL_MS))).toBe(true);
    expect(timed.some((shape) => !JSON.stringify(shape.pipeline).includes(LOCAL_MS))).toBe(true);
  });

  it.each(timed.map((shape) => [shape.name, shape.pipeline] as const))('%s', (_name, pipeline) => {
    const text = JSON.stringify(pipeline);
    expect(text.match(LOOKUP)).toHaveLength(1);
    if (!text.includes(LOCAL_MS)) return;
    // Read more than once, from the one field added right after the scope.
    expect(pipeline[1]).toEqual({ $addFields: { [LOCAL_MS_FIELD]: expect.any(Object) } });
    expect(JSON.stringify(pipeline.slice(2)).split(`"${LOCAL_MS}"`).length - 1).toBeGreaterThan(1);
  });
});
