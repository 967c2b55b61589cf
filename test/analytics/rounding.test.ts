import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentOf, round2, roundHalfAway, roundOnDigits, roundPercent } from '../../src/analytics/rounding.ts';

describe('roundHalfAway', () => {
  it.each([
    // DESIGN section 4: as a person rounds the number as written.
    [1.125, 2, 1.13],
    [4.025, 2, 4.03],
    [2.675, 2, 2.68],
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [-2.675, 2, -2.68],
    [67.5, 2, 67.5],
    [0.536666, 2, 0.54],
    [0.995, 2, 1],
    [9.995, 2, 10],
    [99.995, 2, 100],
    [0.005, 2, 0.01],
    [-0.005, 2, -0.01],
    [0.0049, 2, 0],
    [123456789.125, 2, 123456789.13],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [1.45, 1, 1.5],
    [12.25, 1, 12.3],
    [1.23e-5, 5, 0.00001],
    [5e-3, 2, 0.01],
    [1e-7, 2, 0],
    [5e-324, 2, 0],
    [1e21, 2, 1e21],
    [1.5e300, 2, 1.5e300],
    [42, 2, 42],
    [0, 2, 0],
  ])('roundHalfAway(%s, %s) = %s', (value, decimals, expected) => {
    expect(roundHalfAway(value, decimals)).toBe(expected);
  });

  it('gives 0, not -0, when a negative number rounds to nothing', () => {
    expect(Object.is(roundHalfAway(-0.001, 2), 0)).toBe(true);
  });

  it.each([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN])('returns %s unchanged', (value) => {
    expect(roundHalfAway(value, 2)).toBe(value);
  });
});

describe('round2, roundPercent, percentOf', () => {
  it.each([
    [1.125, 1.13],
    [4.025, 4.03],
    [2.675, 2.68],
    [1.005, 1.01],
  ])('round2(%s) = %s', (value, expected) => {
    expect(round2(value)).toBe(expected);
  });

  it.each([
    [12.25, 12.3],
    [33.333333, 33.3],
    [-0.05, -0.1],
    [100, 100],
  ])('roundPercent(%s) = %s', (value, expected) => {
    expect(roundPercent(value)).toBe(expected);
  });

  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [1, 16, 6.3],
    // 29 / 400 * 100 is 7.249999999999999 in floating point; one division keeps 7.25 → 7.3.
    [29, 400, 7.3],
    [3, 40, 7.5],
    [5, 5, 100],
    [0, 7, 0],
    [0, 0, 0],
    [5, 0, 0],
  ])('percentOf(%s, %s) = %s', (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
  });
});

describe('seed duration examples (minutes and hours from unrounded totals)', () => {
  it.each([
    // total seconds, calls, minutes, hours, average minutes per call
    [4050, 15, 67.5, 1.13, 4.5],
    [1932, 8, 32.2, 0.54, 4.03],
  ])('%s s over %s calls → %s min, %s h, avg %s', (totalSeconds, calls, minutes, hours, avg) => {
    expect(round2(totalSeconds / 60)).toBe(minutes);
    expect(round2(totalSeconds / 3600)).toBe(hours);
    expect(round2(totalSeconds / (calls * 60))).toBe(avg);
    // The two-step average a resolver might write lands on the same value.
    expect(round2(totalSeconds / calls / 60)).toBe(avg);
  });
});

describe('the fast path of roundHalfAway', () => {
  // The fast path must never change an answer: it is checked against the digit method on
  // averages (quotients of integers, what the API rounds), decimals at and near halves, and
  // arbitrary doubles, for 0, 1 and 2 decimals.
  const same = (value: number, decimals: number) => Object.is(roundHalfAway(value, decimals), roundOnDigits(value, decimals));

  it('agrees with the digit method on quotients of integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 2 }), (a, b, d) =>
        same(a / b, d) && same((a * 100) / b, d) && same(a / (b * 60), d),
      ),
      { numRuns: 50_000 },
    );
  });

  it('agrees on decimals written with three or four places (halves among them)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.integer({ min: 0, max: 2 }), (n, d) => same(n / 1000, d) && same(n / 10_000, d)),
      { numRuns: 50_000 },
    );
  });

  it('agrees on arbitrary doubles', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), fc.integer({ min: 0, max: 2 }), (x, d) => same(x, d)), { numRuns: 50_000 });
  });
});
