import { describe, expect, it } from 'vitest';
import { localMillisExpression, localMillisOver } from '../../src/analytics/time/local-time-expression.ts';
import { offsetSegments } from '../../src/analytics/time/offset-segments.ts';

const YEAR = 365.25 * 86_400_000;

/** Comparisons in an offset tree, and its depth (the comparisons one call costs). */
function measure(expression: unknown): { comparisons: number; depth: number } {
  if (expression === null || typeof expression !== 'object' || !('$cond' in expression)) return { comparisons: 0, depth: 0 };
  const [, low, high] = (expression as { $cond: unknown[] }).$cond;
  const a = measure(low);
  const b = measure(high);
  return { comparisons: 1 + a.comparisons + b.comparisons, depth: 1 + Math.max(a.depth, b.depth) };
}

const offsetTree = (zone: string, from: Date, to: Date) => (localMillisOver(zone, { from, to }) as { $add: unknown[] }).$add[1];

/** Evaluates the tree for one instant, as the engines do. */
function evaluate(expression: unknown, at: number): number {
  if (typeof expression === 'number') return expression;
  const [test, low, high] = (expression as { $cond: [{ $lt: [string, Date] }, unknown, unknown] }).$cond;
  return at < test.$lt[1].getTime() ? evaluate(low, at) : evaluate(high, at);
}

describe('local time: the offset of a call by binary search over the segments', () => {
  it('uses n - 1 comparisons and ceil(log2 n) levels, and picks the segment of every instant', () => {
    const from = new Date('2005-01-01T00:00:00Z');
    const to = new Date('2024-12-31T23:59:59.999Z');
    const segments = offsetSegments('America/New_York', from, to);
    expect(segments.length).toBe(41);
    const tree = offsetTree('America/New_York', from, to);
    expect(measure(tree)).toEqual({ comparisons: 40, depth: Math.ceil(Math.log2(41)) });
    for (let i = 0; i < segments.length; i++) {
      const start = segments[i].start.getTime();
      const end = i + 1 < segments.length ? segments[i + 1].start.getTime() : to.getTime();
      for (const at of [start, (start + end) / 2, end - 1]) expect(evaluate(tree, at)).toBe(segments[i].offsetMs);
    }
  });

  it('stays bounded over the longest range allowed (20 years), in the zones that change most', () => {
    const to = new Date('2026-01-01T00:00:00Z');
    const from = new Date(to.getTime() - 20 * YEAR);
    for (const zone of ['UTC', 'Asia/Kolkata', 'Europe/London', 'Australia/Lord_Howe', 'Africa/Casablanca', 'America/Santiago', 'Asia/Gaza']) {
      const { comparisons, depth } = measure(offsetTree(zone, from, to));
      // At most four offset changes a year (Ramadan pauses in Morocco), so at most 81 segments.
      expect(comparisons).toBeLessThanOrEqual(80);
      expect(depth).toBeLessThanOrEqual(7);
    }
  });

  it('is a constant for a single segment', () => {
    expect(localMillisExpression([{ start: new Date(0), offsetMs: 19_800_000 }])).toEqual({ $add: [{ $subtract: ['$started_at', new Date(0)] }, 19_800_000] });
  });
});
