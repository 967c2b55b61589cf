/**
 * Differential test: the emitted local-time and bucket expressions run through mingo (the
 * embedded engine) over many instants around offset changes, and every result is compared with
 * what Intl says the local clock shows at that instant. Intl is read here independently of
 * src/analytics/time (formatToParts with a weekday), so both sides do not share a bug.
 */
import { Aggregator } from 'mingo';
import { describe, expect, it } from 'vitest';
import {
  bucketIndexExpression,
  bucketLabel,
  bucketStart,
  enumerateBuckets,
  type BucketUnit,
} from '../../src/analytics/time/buckets.ts';
import { localMillisExpression } from '../../src/analytics/time/local-time-expression.ts';
import { offsetSegments } from '../../src/analytics/time/time-zone.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const UNITS: BucketUnit[] = ['HOUR', 'DAY', 'WEEK', 'MONTH'];

interface Expected {
  localMs: number;
  HOUR: string;
  DAY: string;
  WEEK: string;
  MONTH: string;
  hourOfDay: number;
  dayOfWeek: number;
}

const readers = new Map<string, Intl.DateTimeFormat>();

/** What the local clock in `zone` shows at `instant`, straight from Intl. */
function intlLocal(zone: string, instant: number): Expected {
  let reader = readers.get(zone);
  if (!reader) {
    reader = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    readers.set(zone, reader);
  }
  const parts = Object.fromEntries(reader.formatToParts(instant).map((part) => [part.type, part.value]));
  const [year, month, day, hour] = [parts.year, parts.month, parts.day, parts.hour];
  const dayOfWeek = WEEKDAYS.indexOf(parts.weekday);
  const midnight = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const monday = new Date(midnight - ((dayOfWeek + 6) % 7) * DAY).toISOString().slice(0, 10);
  const milliseconds = ((instant % 1000) + 1000) % 1000;
  return {
    localMs: midnight + Number(hour) * HOUR + Number(parts.minute) * MINUTE + Number(parts.second) * 1000 + milliseconds,
    HOUR: `${year}-${month}-${day}T${hour}:00`,
    DAY: `${year}-${month}-${day}`,
    WEEK: monday,
    MONTH: `${year}-${month}`,
    hourOfDay: Number(hour),
    dayOfWeek,
  };
}

/** The offset changes of `zone` in [from, to], read with Intl minute by minute. */
function intlChanges(zone: string, from: number, to: number): number[] {
  const changes: number[] = [];
  let previous = intlLocal(zone, from).localMs - from;
  for (let instant = from + MINUTE; instant <= to; instant += MINUTE) {
    const offset = intlLocal(zone, instant).localMs - instant;
    if (offset !== previous) changes.push(instant);
    previous = offset;
  }
  return changes;
}

interface Scenario {
  zone: string;
  /** A range, mostly around offset changes. */
  from: string;
  to: string;
  /** The offset changes inside the range (checked, so the table cannot silently miss them). */
  changes: boolean;
}

const SCENARIOS: Scenario[] = [
  { zone: 'America/New_York', from: '2024-03-09T00:00:00Z', to: '2024-03-11T12:00:00Z', changes: true },
  { zone: 'America/New_York', from: '2024-11-02T00:00:00Z', to: '2024-11-04T12:00:00Z', changes: true },
  { zone: 'Asia/Kolkata', from: '2024-02-28T00:00:00Z', to: '2024-03-02T00:00:00Z', changes: false },
  { zone: 'Australia/Lord_Howe', from: '2024-04-05T12:00:00Z', to: '2024-04-07T12:00:00Z', changes: true },
  { zone: 'Australia/Lord_Howe', from: '2024-10-04T12:00:00Z', to: '2024-10-06T12:00:00Z', changes: true },
  { zone: 'Europe/Berlin', from: '2024-03-30T00:00:00Z', to: '2024-04-01T12:00:00Z', changes: true },
  { zone: 'Asia/Kathmandu', from: '2023-12-31T00:00:00Z', to: '2024-01-01T12:00:00Z', changes: false },
  { zone: 'Pacific/Chatham', from: '2024-04-06T00:00:00Z', to: '2024-04-07T12:00:00Z', changes: true },
  { zone: 'America/St_Johns', from: '2024-11-02T12:00:00Z', to: '2024-11-04T00:00:00Z', changes: true },
  // Midnight itself is skipped (Chile) and a whole day is skipped (Samoa).
  { zone: 'America/Santiago', from: '2024-09-07T00:00:00Z', to: '2024-09-09T00:00:00Z', changes: true },
  { zone: 'Pacific/Apia', from: '2011-12-29T00:00:00Z', to: '2011-12-31T12:00:00Z', changes: true },
  // Calls before 1970: negative local milliseconds.
  { zone: 'America/New_York', from: '1969-12-31T00:00:00Z', to: '1970-01-01T12:00:00Z', changes: false },
  { zone: 'UTC', from: '2024-12-30T00:00:00Z', to: '2025-01-02T00:00:00Z', changes: false },
];

/** Instants to test: every 7 minutes plus a few ms, and each change ±1 ms and ±1 s. */
function instantsOf(scenario: Scenario): number[] {
  const from = Date.parse(scenario.from);
  const to = Date.parse(scenario.to);
  const instants = new Set<number>();
  for (let instant = from; instant <= to; instant += 7 * MINUTE + 13) instants.add(instant);
  for (const change of intlChanges(scenario.zone, from, to)) {
    for (const delta of [-1000, -1, 0, 1, 999, 1000]) instants.add(change + delta);
  }
  instants.add(to);
  return [...instants].sort((a, b) => a - b);
}

function runInMingo(scenario: Scenario, instants: number[], boundField: boolean): Record<string, number>[] {
  const segments = offsetSegments(scenario.zone, new Date(scenario.from), new Date(scenario.to));
  const localMs = localMillisExpression(segments);
  // Both ways the compiler may use it: inline, or bound once by $addFields and referenced.
  const source = boundField ? '$local_ms' : localMs;
  const pipeline = [
    ...(boundField ? [{ $addFields: { local_ms: localMs } }] : []),
    {
      $project: {
        _id: 1,
        localMs: source,
        HOUR: bucketIndexExpression('HOUR', source),
        DAY: bucketIndexExpression('DAY', source),
        WEEK: bucketIndexExpression('WEEK', source),
        MONTH: bucketIndexExpression('MONTH', source),
        hourOfDay: bucketIndexExpression('HOUR_OF_DAY', source),
        dayOfWeek: bucketIndexExpression('DAY_OF_WEEK', source),
      },
    },
    { $sort: { _id: 1 } },
  ];
  const documents = instants.map((instant, i) => ({ _id: i, started_at: new Date(instant) }));
  return new Aggregator(pipeline).run(documents) as Record<string, number>[];
}

describe.each(SCENARIOS)('mingo vs Intl in $zone from $from', (scenario) => {
  const instants = instantsOf(scenario);

  it.each([false, true])('every bucket index, label, hourOfDay and dayOfWeek match Intl (bound field: %s)', (boundField) => {
    const rows = runInMingo(scenario, instants, boundField);
    expect(rows).toHaveLength(instants.length);
    const mismatches: string[] = [];
    rows.forEach((row, i) => {
      const expected = intlLocal(scenario.zone, instants[i]);
      const actual = {
        localMs: row.localMs,
        HOUR: bucketLabel('HOUR', row.HOUR),
        DAY: bucketLabel('DAY', row.DAY),
        WEEK: bucketLabel('WEEK', row.WEEK),
        MONTH: bucketLabel('MONTH', row.MONTH),
        hourOfDay: bucketLabel('HOUR_OF_DAY', row.hourOfDay),
        dayOfWeek: bucketLabel('DAY_OF_WEEK', row.dayOfWeek),
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push(`${new Date(instants[i]).toISOString()}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
      }
    });
    expect(mismatches).toEqual([]);
    const offsets = new Set(rows.map((row, i) => row.localMs - instants[i]));
    expect(offsets.size > 1).toBe(scenario.changes);
  });

  it('each bucket starts at or before its calls, inside the bucket, right after the previous one', () => {
    const rows = runInMingo(scenario, instants, false);
    for (const unit of UNITS) {
      for (const index of new Set(rows.map((row) => row[unit]))) {
        const start = bucketStart(scenario.zone, unit, index).getTime();
        const calls = instants.filter((_, i) => rows[i][unit] === index);
        expect(start).toBeLessThanOrEqual(Math.min(...calls));
        expect(intlLocal(scenario.zone, start)[unit]).toBe(bucketLabel(unit, index));
        // One ms earlier belongs to an earlier bucket.
        expect(intlLocal(scenario.zone, start - 1)[unit] < bucketLabel(unit, index)).toBe(true);
      }
    }
  });

  it.each(UNITS)('enumerateBuckets(%s) lists exactly the buckets the clock shows, in order', (unit) => {
    const from = new Date(scenario.from);
    const to = new Date(scenario.to);
    const buckets = enumerateBuckets({ zone: scenario.zone, unit, from, to, argument: 'input.granularity' });
    const seen = new Set<string>();
    for (let instant = from.getTime(); instant <= to.getTime(); instant += MINUTE) seen.add(intlLocal(scenario.zone, instant)[unit]);
    seen.add(intlLocal(scenario.zone, to.getTime())[unit]);
    expect(buckets.map((bucket) => bucket.label)).toEqual([...seen].sort());
    for (let i = 0; i < buckets.length; i++) {
      expect(intlLocal(scenario.zone, buckets[i].start.getTime())[unit]).toBe(buckets[i].label);
      expect(buckets[i].start.getTime()).toBe(bucketStart(scenario.zone, unit, buckets[i].index).getTime());
      if (i > 0) {
        expect(buckets[i].index).toBeGreaterThan(buckets[i - 1].index);
        expect(buckets[i].start.getTime()).toBeGreaterThan(buckets[i - 1].start.getTime());
      }
    }
  });
});

describe('mingo vs Intl across whole years', () => {
  it.each(['America/New_York', 'Australia/Lord_Howe', 'Africa/Casablanca'])(
    'agrees at an instant every 11h37m over 2018–2025 in %s',
    (zone) => {
      const scenario = { zone, from: '2018-01-01T00:00:00Z', to: '2025-12-31T23:59:59.999Z', changes: true };
      const instants: number[] = [];
      for (let instant = Date.parse(scenario.from); instant <= Date.parse(scenario.to); instant += 11 * HOUR + 37 * MINUTE + 7) {
        instants.push(instant);
      }
      const rows = runInMingo(scenario, instants, true);
      const mismatches = rows.flatMap((row, i) => {
        const expected = intlLocal(zone, instants[i]);
        const actual = [row.localMs, bucketLabel('HOUR', row.HOUR), bucketLabel('WEEK', row.WEEK), bucketLabel('MONTH', row.MONTH), row.hourOfDay, row.dayOfWeek];
        const wanted = [expected.localMs, expected.HOUR, expected.WEEK, expected.MONTH, expected.hourOfDay, expected.dayOfWeek];
        return JSON.stringify(actual) === JSON.stringify(wanted) ? [] : [new Date(instants[i]).toISOString()];
      });
      expect(mismatches).toEqual([]);
    },
  );
});
