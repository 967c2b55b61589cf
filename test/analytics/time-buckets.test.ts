import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/analytics/errors.ts';
import {
  bucketIndexExpression,
  bucketLabel,
  bucketStart,
  enumerateBuckets,
  type BucketUnit,
  type CyclicUnit,
} from '../../src/analytics/time/buckets.ts';
import { localMillisExpression } from '../../src/analytics/time/local-time-expression.ts';
import { offsetSegments } from '../../src/analytics/time/time-zone.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const wall = (iso: string) => Date.parse(`${iso}Z`);

describe('localMillisExpression', () => {
  it('adds the single offset when the range has one segment', () => {
    expect(localMillisExpression([{ start: at('2024-01-01T00:00:00Z'), offsetMs: 19_800_000 }])).toEqual({
      $add: [{ $subtract: ['$started_at', new Date(0)] }, 19_800_000],
    });
  });

  it('finds the segment by halves, one comparison per change', () => {
    const segments = offsetSegments('America/New_York', at('2024-01-01T00:00:00Z'), at('2024-12-31T00:00:00Z'));
    expect(localMillisExpression(segments)).toEqual({
      $add: [
        { $subtract: ['$started_at', new Date(0)] },
        {
          $cond: [
            { $lt: ['$started_at', at('2024-11-03T06:00:00Z')] },
            { $cond: [{ $lt: ['$started_at', at('2024-03-10T07:00:00Z')] }, -5 * HOUR, -4 * HOUR] },
            -5 * HOUR,
          ],
        },
      ],
    });
  });

  it('does not share Date objects with the segments it was given', () => {
    const segments = offsetSegments('America/New_York', at('2024-01-01T00:00:00Z'), at('2024-06-01T00:00:00Z'));
    const expression = localMillisExpression(segments) as { $add: [unknown, { $cond: [{ $lt: [string, Date] }, unknown, unknown] }] };
    const boundary = expression.$add[1].$cond[0].$lt[1];
    expect(boundary).toEqual(segments[1].start);
    expect(boundary).not.toBe(segments[1].start);
  });

  it('refuses an empty segment list', () => {
    expect(() => localMillisExpression([])).toThrow(RangeError);
  });
});

describe('bucketIndexExpression', () => {
  const units: (BucketUnit | CyclicUnit)[] = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'HOUR_OF_DAY', 'DAY_OF_WEEK'];
  const allowed = new Set(['$floor', '$divide', '$add', '$subtract', '$multiply', '$mod', '$year', '$month', '$cond', '$lt']);

  function operators(value: unknown, found = new Set<string>()): Set<string> {
    if (Array.isArray(value)) value.forEach((item) => operators(item, found));
    else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, inner] of Object.entries(value)) {
        if (key.startsWith('$')) found.add(key);
        operators(inner, found);
      }
    }
    return found;
  }

  it.each(units)('%s uses only operators both engines agree on, and never a timezone', (unit) => {
    const segments = offsetSegments('America/New_York', at('2024-01-01T00:00:00Z'), at('2024-12-31T00:00:00Z'));
    const expression = bucketIndexExpression(unit, localMillisExpression(segments));
    for (const operator of operators(expression)) expect(allowed).toContain(operator);
    expect(JSON.stringify(expression)).not.toMatch(/timezone|\$round|\$week|\$iso|\$dateToString|%U|%w|%G/);
  });

  it('takes a field path as well as an expression', () => {
    expect(bucketIndexExpression('DAY', '$local_ms')).toEqual({ $floor: { $divide: ['$local_ms', DAY] } });
  });
});

describe('bucketLabel', () => {
  it.each([
    ['HOUR', Math.floor(wall('2024-03-10T03:00') / HOUR), '2024-03-10T03:00'],
    ['HOUR', -1, '1969-12-31T23:00'],
    ['DAY', wall('2024-02-29T00:00') / DAY, '2024-02-29'],
    ['DAY', -1, '1969-12-31'],
    // 2024-01-03 is a Wednesday; its week begins on Monday 2024-01-01.
    ['WEEK', Math.floor((wall('2024-01-03T00:00') / DAY + 3) / 7), '2024-01-01'],
    // 1970-01-01 was a Thursday: week 0 begins on Monday 1969-12-29.
    ['WEEK', 0, '1969-12-29'],
    ['WEEK', 1, '1970-01-05'],
    ['MONTH', 2024 * 12, '2024-01'],
    ['MONTH', 2024 * 12 + 11, '2024-12'],
    ['MONTH', 1969 * 12 + 11, '1969-12'],
  ] as const)('%s %s → %s', (unit, index, label) => {
    expect(bucketLabel(unit, index)).toBe(label);
  });

  it.each([
    ['HOUR_OF_DAY', 0],
    ['HOUR_OF_DAY', 23],
    ['DAY_OF_WEEK', 0],
    ['DAY_OF_WEEK', 6],
  ] as const)('%s %s is its own label', (unit, index) => {
    expect(bucketLabel(unit, index)).toBe(index);
  });
});

describe('bucketStart', () => {
  it.each([
    ['UTC', 'HOUR', Math.floor(wall('2024-03-10T02:00') / HOUR), '2024-03-10T02:00:00.000Z'],
    ['America/New_York', 'DAY', wall('2024-11-03T00:00') / DAY, '2024-11-03T04:00:00.000Z'],
    ['America/New_York', 'HOUR', wall('2024-11-03T01:00') / HOUR, '2024-11-03T05:00:00.000Z'],
    // 02:00 never happens on 2024-03-10 in New York: the first instant after it is 03:00 EDT.
    ['America/New_York', 'HOUR', wall('2024-03-10T02:00') / HOUR, '2024-03-10T07:00:00.000Z'],
    ['America/New_York', 'WEEK', Math.floor((wall('2024-03-11T00:00') / DAY + 3) / 7), '2024-03-11T04:00:00.000Z'],
    ['America/New_York', 'MONTH', 2024 * 12 + 2, '2024-03-01T05:00:00.000Z'],
    ['Asia/Kolkata', 'MONTH', 2024 * 12, '2023-12-31T18:30:00.000Z'],
    // Lord Howe skips 02:00–02:30 on 2024-10-06: the 02:00 hour begins at 02:30 (+11).
    ['Australia/Lord_Howe', 'HOUR', wall('2024-10-06T02:00') / HOUR, '2024-10-05T15:30:00.000Z'],
  ] as const)('%s %s %s begins at %s', (zone, unit, index, iso) => {
    expect(bucketStart(zone, unit, index).toISOString()).toBe(iso);
  });
});

describe('enumerateBuckets', () => {
  const labels = (buckets: { label: string }[]) => buckets.map((bucket) => bucket.label);

  it('skips the hour New York never has on 2024-03-10', () => {
    const buckets = enumerateBuckets({
      zone: 'America/New_York',
      unit: 'HOUR',
      from: at('2024-03-10T05:00:00Z'),
      to: at('2024-03-10T09:30:00Z'),
      argument: 'input.granularity',
    });
    expect(labels(buckets)).toEqual([
      '2024-03-10T00:00',
      '2024-03-10T01:00',
      '2024-03-10T03:00',
      '2024-03-10T04:00',
      '2024-03-10T05:00',
    ]);
    expect(buckets.map((bucket) => bucket.start.toISOString())).toEqual([
      '2024-03-10T05:00:00.000Z',
      '2024-03-10T06:00:00.000Z',
      '2024-03-10T07:00:00.000Z',
      '2024-03-10T08:00:00.000Z',
      '2024-03-10T09:00:00.000Z',
    ]);
  });

  it('lists the repeated autumn hour once, starting at its first occurrence', () => {
    const buckets = enumerateBuckets({
      zone: 'America/New_York',
      unit: 'HOUR',
      from: at('2024-11-03T04:00:00Z'),
      to: at('2024-11-03T07:59:59.999Z'),
      argument: 'input.granularity',
    });
    expect(buckets.map((bucket) => [bucket.label, bucket.start.toISOString()])).toEqual([
      ['2024-11-03T00:00', '2024-11-03T04:00:00.000Z'],
      ['2024-11-03T01:00', '2024-11-03T05:00:00.000Z'],
      ['2024-11-03T02:00', '2024-11-03T07:00:00.000Z'],
    ]);
  });

  it('keeps Lord Howe’s half-hour 02:00 bucket on the spring-forward day', () => {
    const buckets = enumerateBuckets({
      zone: 'Australia/Lord_Howe',
      unit: 'HOUR',
      from: at('2024-10-05T14:00:00Z'),
      to: at('2024-10-05T16:59:59Z'),
      argument: 'input.granularity',
    });
    // 14:00Z is 00:30 at +10:30; 16:59:59Z is 03:59:59 at +11.
    expect(buckets.map((bucket) => [bucket.label, bucket.start.toISOString()])).toEqual([
      ['2024-10-06T00:00', '2024-10-05T13:30:00.000Z'],
      ['2024-10-06T01:00', '2024-10-05T14:30:00.000Z'],
      ['2024-10-06T02:00', '2024-10-05T15:30:00.000Z'],
      ['2024-10-06T03:00', '2024-10-05T16:00:00.000Z'],
    ]);
  });

  it('skips the day Samoa never had', () => {
    const buckets = enumerateBuckets({
      zone: 'Pacific/Apia',
      unit: 'DAY',
      from: at('2011-12-29T12:00:00Z'),
      to: at('2011-12-31T12:00:00Z'),
      argument: 'input.granularity',
    });
    expect(labels(buckets)).toEqual(['2011-12-29', '2011-12-31', '2012-01-01']);
  });

  it.each([
    ['DAY', ['2024-02-26', '2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04']],
    ['WEEK', ['2024-02-26', '2024-03-04']],
    ['MONTH', ['2024-02', '2024-03']],
  ] as const)('lists every %s bucket the range touches, partial ones included', (unit, expected) => {
    const buckets = enumerateBuckets({
      zone: 'Asia/Kolkata',
      unit,
      from: at('2024-02-25T18:30:00Z'),
      to: at('2024-03-04T00:00:00Z'),
      argument: 'input.granularity',
    });
    expect(labels(buckets)).toEqual(expected);
  });

  it('gives no buckets for a reversed range', () => {
    expect(
      enumerateBuckets({ zone: 'UTC', unit: 'DAY', from: at('2024-02-02T00:00:00Z'), to: at('2024-02-01T00:00:00Z'), argument: 'x' }),
    ).toEqual([]);
  });

  it('allows exactly 10,000 buckets and refuses 10,001', () => {
    const from = at('2020-01-01T00:00:00Z');
    const lastAllowed = new Date(from.getTime() + 10_000 * HOUR - 1);
    expect(enumerateBuckets({ zone: 'UTC', unit: 'HOUR', from, to: lastAllowed, argument: 'input.granularity' })).toHaveLength(10_000);
    expect(() =>
      enumerateBuckets({ zone: 'UTC', unit: 'HOUR', from, to: new Date(lastAllowed.getTime() + 1), argument: 'input.granularity' }),
    ).toThrow('would produce 10001 buckets; at most 10000 are allowed — narrow the range or use a coarser granularity');
  });

  it('counts the buckets that exist: a skipped hour does not count towards the limit', () => {
    // 10,001 wall-clock hours in New York from 2024-03-15 00:00 EDT; 2025-03-09 02:00 never
    // happens (the repeated hour of 2024-11-03 is one bucket either way).
    const from = at('2024-03-15T04:00:00Z');
    const to = new Date(wall('2024-03-15T00:00') + 10_000 * HOUR + 4 * HOUR);
    const buckets = enumerateBuckets({ zone: 'America/New_York', unit: 'HOUR', from, to, argument: 'x' });
    expect(buckets).toHaveLength(10_000);
    expect(buckets.at(-1)!.label).toBe('2025-05-05T16:00');
    expect(buckets.map((bucket) => bucket.label)).not.toContain('2025-03-09T02:00');
  });

  it('refuses a huge range at once with a UserInputError naming the argument', () => {
    let error: unknown;
    try {
      enumerateBuckets({ zone: 'UTC', unit: 'HOUR', from: at('1900-01-01T00:00:00Z'), to: at('2100-01-01T00:00:00Z'), argument: 'input.granularity' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).argument).toBe('input.granularity');
    expect((error as UserInputError).message).toContain('would produce 1753177 buckets; at most 10000 are allowed');
  });

  it('honours a custom maximum', () => {
    expect(() =>
      enumerateBuckets({ zone: 'UTC', unit: 'DAY', from: at('2024-01-01T00:00:00Z'), to: at('2024-01-04T00:00:00Z'), argument: 'x', max: 3 }),
    ).toThrow('would produce 4 buckets; at most 3 are allowed');
  });
});
