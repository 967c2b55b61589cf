import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctCount } from '../src/analytics/registry/partials.ts';

/** An `$addToSet` result: distinct values, possibly with null. */
const addToSetResult = fc.uniqueArray(fc.oneof(fc.constantFrom('+1', '+2', '+3', '+4', '+5', null), fc.string({ maxLength: 3 })), { maxLength: 30 });

describe('distinctCount', () => {
  it('counts the non-null values of one set', () => {
    expect(distinctCount(['a', null, 'b'])).toBe(2);
    expect(distinctCount([])).toBe(0);
    expect(distinctCount(undefined)).toBe(0);
  });

  it('counts the union of several sets as a Set of all their non-null values does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(addToSetResult, fc.constant(null)), { maxLength: 5 }), (sets) => {
        const expected = new Set(sets.flatMap((set) => (Array.isArray(set) ? set : [])).filter((item) => item !== null)).size;
        return distinctCount(sets, true) === expected;
      }),
      { numRuns: 5_000 },
    );
  });
});
