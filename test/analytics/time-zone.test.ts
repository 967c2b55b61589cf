import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/analytics/errors.ts';
import {
  addDays,
  isValidDay,
  localDate,
  localDayRange,
  localDayStart,
  normalizeTimeZone,
  offsetAt,
  offsetSegments,
} from '../../src/analytics/time/time-zone.ts';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('normalizeTimeZone', () => {
  it.each([
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['utc', 'UTC'],
    ['America/New_York', 'America/New_York'],
    ['america/new_york', 'America/New_York'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['Australia/Lord_Howe', 'Australia/Lord_Howe'],
    ['Etc/GMT+5', 'Etc/GMT+5'],
  ])('%s → %s', (zone, canonical) => {
    expect(normalizeTimeZone(zone, 'timezone')).toBe(canonical);
  });

  it.each(['Mars/Base', '+05:00', '-0300', '', 'UTC+5', 'Z', 'America/', '../etc/passwd'])(
    'refuses %j with a UserInputError naming the argument',
    (zone) => {
      let error: unknown;
      try {
        normalizeTimeZone(zone, 'input.timezone');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(UserInputError);
      expect((error as UserInputError).argument).toBe('input.timezone');
      expect((error as UserInputError).message).toContain(
        `unknown time zone "${zone}"; use an IANA name such as Europe/Berlin`,
      );
    },
  );
});

describe('offsetAt', () => {
  it.each([
    ['UTC', '2024-06-01T12:00:00Z', 0],
    ['America/New_York', '2024-01-15T12:00:00Z', -5 * HOUR],
    ['America/New_York', '2024-07-15T12:00:00Z', -4 * HOUR],
    // The exact millisecond of the 2024 changes in New York.
    ['America/New_York', '2024-03-10T06:59:59.999Z', -5 * HOUR],
    ['America/New_York', '2024-03-10T07:00:00.000Z', -4 * HOUR],
    ['America/New_York', '2024-11-03T05:59:59.999Z', -4 * HOUR],
    ['America/New_York', '2024-11-03T06:00:00.000Z', -5 * HOUR],
    ['Asia/Kolkata', '2024-03-10T07:00:00Z', 5.5 * HOUR],
    ['Asia/Kathmandu', '2024-03-10T07:00:00Z', 5.75 * HOUR],
    ['Australia/Lord_Howe', '2024-01-15T00:00:00Z', 11 * HOUR],
    ['Australia/Lord_Howe', '2024-04-06T14:59:59.999Z', 11 * HOUR],
    ['Australia/Lord_Howe', '2024-04-06T15:00:00.000Z', 10.5 * HOUR],
    ['Australia/Lord_Howe', '2024-10-05T15:29:59.999Z', 10.5 * HOUR],
    ['Australia/Lord_Howe', '2024-10-05T15:30:00.000Z', 11 * HOUR],
    ['America/New_York', '1969-12-31T23:00:00Z', -5 * HOUR],
  ])('%s at %s is %s ms', (zone, iso, offset) => {
    expect(offsetAt(zone, at(iso))).toBe(offset);
  });
});

describe('offsetSegments', () => {
  it('splits 2024 in New York at the spring and autumn changes', () => {
    expect(offsetSegments('America/New_York', at('2024-01-01T00:00:00Z'), at('2024-12-31T23:59:59.999Z'))).toEqual([
      { start: at('2024-01-01T00:00:00Z'), offsetMs: -5 * HOUR },
      { start: at('2024-03-10T07:00:00Z'), offsetMs: -4 * HOUR },
      { start: at('2024-11-03T06:00:00Z'), offsetMs: -5 * HOUR },
    ]);
  });

  it('finds the 30-minute changes of Lord Howe Island', () => {
    expect(offsetSegments('Australia/Lord_Howe', at('2024-01-01T00:00:00Z'), at('2024-12-31T00:00:00Z'))).toEqual([
      { start: at('2024-01-01T00:00:00Z'), offsetMs: 11 * HOUR },
      { start: at('2024-04-06T15:00:00Z'), offsetMs: 10.5 * HOUR },
      { start: at('2024-10-05T15:30:00Z'), offsetMs: 11 * HOUR },
    ]);
  });

  it('is one segment in a zone without changes', () => {
    expect(offsetSegments('Asia/Kolkata', at('2015-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z'))).toEqual([
      { start: at('2015-01-01T00:00:00Z'), offsetMs: 5.5 * HOUR },
    ]);
  });

  it('starts a segment at `to` itself when the offset changes exactly then (inclusive range)', () => {
    const segments = offsetSegments('America/New_York', at('2024-03-09T00:00:00Z'), at('2024-03-10T07:00:00Z'));
    expect(segments.map((segment) => segment.start.toISOString())).toEqual([
      '2024-03-09T00:00:00.000Z',
      '2024-03-10T07:00:00.000Z',
    ]);
    expect(offsetSegments('America/New_York', at('2024-03-09T00:00:00Z'), at('2024-03-10T06:59:59.999Z'))).toHaveLength(1);
  });

  it('gives only the first segment for an empty or reversed range', () => {
    expect(offsetSegments('America/New_York', at('2024-03-10T07:00:00Z'), at('2024-03-10T07:00:00Z'))).toEqual([
      { start: at('2024-03-10T07:00:00Z'), offsetMs: -4 * HOUR },
    ]);
    expect(offsetSegments('America/New_York', at('2024-12-01T00:00:00Z'), at('2024-01-01T00:00:00Z'))).toHaveLength(1);
  });

  it('crosses a year boundary without losing or doubling changes', () => {
    const segments = offsetSegments('Australia/Sydney', at('2023-06-01T00:00:00Z'), at('2025-06-01T00:00:00Z'));
    expect(segments.map((segment) => [segment.start.toISOString(), segment.offsetMs / HOUR])).toEqual([
      ['2023-06-01T00:00:00.000Z', 10],
      ['2023-09-30T16:00:00.000Z', 11],
      ['2024-04-06T16:00:00.000Z', 10],
      ['2024-10-05T16:00:00.000Z', 11],
      ['2025-04-05T16:00:00.000Z', 10],
    ]);
  });

  it.each(['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Santiago', 'Africa/Casablanca', 'Asia/Gaza'])(
    'agrees with offsetAt at many instants over 2019–2026 in %s',
    (zone) => {
      const from = at('2019-01-01T00:00:00Z').getTime();
      const to = at('2026-12-31T00:00:00Z').getTime();
      const segments = offsetSegments(zone, new Date(from), new Date(to));
      for (let i = 1; i < segments.length; i++) {
        expect(segments[i].start.getTime()).toBeGreaterThan(segments[i - 1].start.getTime());
        expect(segments[i].offsetMs).not.toBe(segments[i - 1].offsetMs);
        // Exactly at the boundary: the millisecond before still has the old offset.
        expect(offsetAt(zone, new Date(segments[i].start.getTime() - 1))).toBe(segments[i - 1].offsetMs);
        expect(offsetAt(zone, segments[i].start)).toBe(segments[i].offsetMs);
      }
      let seed = 12_345;
      for (let n = 0; n < 2_000; n++) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        const instant = from + Math.floor((seed / 2_147_483_648) * (to - from));
        const segment = segments.filter((candidate) => candidate.start.getTime() <= instant).at(-1)!;
        expect(segment.offsetMs).toBe(offsetAt(zone, new Date(instant)));
      }
    },
  );

  it('covers a 10-year range quickly, and instantly once its years are known', () => {
    // Zones no other test here touches, so the first call is cold.
    const zones = ['America/Denver', 'Europe/Lisbon', 'Pacific/Auckland'];
    const coldStart = performance.now();
    for (const zone of zones) offsetSegments(zone, at('2015-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z'));
    const coldPerZone = (performance.now() - coldStart) / zones.length;
    const warmStart = performance.now();
    for (const zone of zones) offsetSegments(zone, at('2015-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z'));
    const warmPerZone = (performance.now() - warmStart) / zones.length;
    // A few ms on an idle machine; the bounds leave room for a loaded CI runner.
    expect(coldPerZone).toBeLessThan(60);
    expect(warmPerZone).toBeLessThan(2);
  });
});

describe('local days', () => {
  it.each([
    ['UTC', '2024-03-10', '2024-03-10T00:00:00.000Z'],
    ['America/New_York', '2024-03-10', '2024-03-10T05:00:00.000Z'],
    ['America/New_York', '2024-03-11', '2024-03-11T04:00:00.000Z'],
    ['America/New_York', '2024-11-03', '2024-11-03T04:00:00.000Z'],
    ['Asia/Kolkata', '2024-01-01', '2023-12-31T18:30:00.000Z'],
    ['Australia/Lord_Howe', '2024-04-07', '2024-04-06T13:00:00.000Z'],
    // Chile springs forward at midnight: 2024-09-08 begins at 01:00 local (UTC-3).
    ['America/Santiago', '2024-09-08', '2024-09-08T04:00:00.000Z'],
    // Samoa skipped 2011-12-30 altogether; the first instant after it is 2011-12-31 00:00.
    ['Pacific/Apia', '2011-12-30', '2011-12-30T10:00:00.000Z'],
  ])('localDayStart(%s, %s) = %s', (zone, day, iso) => {
    expect(localDayStart(zone, day).toISOString()).toBe(iso);
  });

  it.each([
    ['UTC', '2024-01-01', '2024-01-31', '2024-01-01T00:00:00.000Z', '2024-01-31T23:59:59.999Z'],
    // The autumn day in New York has 25 hours, the spring day 23.
    ['America/New_York', '2024-11-03', '2024-11-03', '2024-11-03T04:00:00.000Z', '2024-11-04T04:59:59.999Z'],
    ['America/New_York', '2024-03-10', '2024-03-10', '2024-03-10T05:00:00.000Z', '2024-03-11T03:59:59.999Z'],
    ['Asia/Kolkata', '2024-02-28', '2024-02-29', '2024-02-27T18:30:00.000Z', '2024-02-29T18:29:59.999Z'],
  ])('localDayRange(%s, %s, %s)', (zone, fromDay, toDay, from, to) => {
    const range = localDayRange(zone, fromDay, toDay);
    expect(range.from.toISOString()).toBe(from);
    expect(range.to.toISOString()).toBe(to);
  });

  it.each([
    ['Asia/Kolkata', '2024-01-01T18:29:59.999Z', '2024-01-01'],
    ['Asia/Kolkata', '2024-01-01T18:30:00.000Z', '2024-01-02'],
    ['America/New_York', '2024-11-03T04:59:59.999Z', '2024-11-03'],
    ['America/New_York', '2024-11-04T04:59:59.999Z', '2024-11-03'],
    ['America/New_York', '2024-11-04T05:00:00.000Z', '2024-11-04'],
    ['America/New_York', '1970-01-01T04:59:59.999Z', '1969-12-31'],
  ])('localDate(%s, %s) = %s', (zone, iso, day) => {
    expect(localDate(zone, at(iso))).toBe(day);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-28', 2, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-01-01', -1, '2023-12-31'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-10', 0, '2024-03-10'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('addDays(%s, %s) = %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-1-01', false],
    ['2024-01-01T00:00', false],
    ['', false],
    ['0099-05-01', true],
  ])('isValidDay(%j) = %s', (day, valid) => {
    expect(isValidDay(day)).toBe(valid);
  });

  it('treats a malformed day given to the range helpers as a programming error', () => {
    expect(() => localDayStart('UTC', '2024-02-30')).toThrow(RangeError);
    expect(() => addDays('yesterday', 1)).toThrow(RangeError);
  });
});
