/**
 * The cached label writers in calendar.ts against `Date`, which they replace for speed: every
 * label must be the text `Date` would give, whatever instant, including before 1970 and at the
 * edges of the four-digit years.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, formatHour, formatInstant, formatMonth } from '../../src/analytics/time/calendar.ts';
import { DateTimeScalar } from '../../src/graphql/scalars.ts';

const FIRST_FOUR_DIGIT_YEAR = Date.parse('0000-01-01T00:00:00.000Z');
const EDGES = [
  0,
  -1,
  1,
  Date.parse('1969-12-31T23:59:59.999Z'),
  Date.parse('2024-02-29T23:59:59.999Z'),
  Date.parse('2024-03-10T07:00:00.000Z'),
  FIRST_FOUR_DIGIT_YEAR,
  FIRST_FOUR_DIGIT_YEAR - 1,
  Date.parse('9999-12-31T23:59:59.999Z'),
  Date.parse('9999-12-31T23:59:59.999Z') + 1,
  8.64e15,
  -8.64e15,
];

describe('formatInstant', () => {
  it.each(EDGES)('writes %d as toISOString does', (ms) => {
    expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
  });

  it('matches toISOString on random instants from year 0 to 9999 and beyond', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => formatInstant(ms) === new Date(ms).toISOString()),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1900-01-01'), max: Date.parse('2100-01-01') }), (ms) => formatInstant(ms) === new Date(ms).toISOString()),
      { numRuns: 20_000 },
    );
  });

  it('throws like toISOString for an instant Date cannot hold', () => {
    expect(() => formatInstant(Number.NaN)).toThrow(RangeError);
    expect(() => formatInstant(8.64e15 + 1)).toThrow(RangeError);
  });
});

describe('day, hour and month labels', () => {
  const pad = (n: number) => String(n).padStart(2, '0');
  const year = (y: number) => (y < 0 ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0'));
  const dayOf = (d: Date) => `${year(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

  it('formatDay and formatHour read the same fields as Date, before and after 1970', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000 * 2, max: 253_402_300_799_999 }), (ms) => {
        const date = new Date(ms);
        return formatDay(ms) === dayOf(date) && formatHour(ms) === `${dayOf(date)}T${pad(date.getUTCHours())}:00`;
      }),
      { numRuns: 20_000 },
    );
  });

  it('formatMonth counts months from year 0', () => {
    expect(formatMonth(2026 * 12)).toBe('2026-01');
    expect(formatMonth(2026 * 12 + 11)).toBe('2026-12');
    expect(formatMonth(-1)).toBe('-0001-12');
  });
});

describe('DateTime scalar', () => {
  it('serializes Dates and date-time strings as toISOString does, and rejects invalid Dates', () => {
    const at = new Date('2026-01-15T12:34:56.789Z');
    expect(DateTimeScalar.serialize(at)).toBe('2026-01-15T12:34:56.789Z');
    expect(DateTimeScalar.serialize('2026-01-15T14:34:56.789+02:00')).toBe('2026-01-15T12:34:56.789Z');
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow('invalid Date');
  });
});
