import { openTestDatabase } from '../support/mongo-database.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundHalfAway } from '../../src/analytics/rounding.ts';
import type { CallDocument } from '../../src/contract/call-document.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../../src/store/load/keys-file.ts';

/**
 * groupedCalls `compare`, `having` and `fillGaps` on 20,000 sample calls over 500 days (a 29
 * February, DST changes both ways) equal an independent computation: plain loops over the raw
 * documents, Intl for local dates and hours, day arithmetic on the calendar.
 */
const NOW = new Date('2025-03-20T15:00:00.000Z');
const calls = generateSampleCalls({ calls: 20_000, seed: 20, now: NOW, days: 500 });
const keys = demoApiKeys();
const tenant = keys.find((k) => k.tenant_id === 'acme-health' && !k.user_id)!;
const store = createEmbeddedStore({ calls, apiKeys: toApiKeyRecords(keys, NOW) });
const yoga = createGateway({ store, now: () => NOW, graphiql: false });

async function query(document: string, gateway = yoga) {
  const response = await gateway.fetch('http://dialgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.key}` },
    body: JSON.stringify({ query: document }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data.groupedCalls;
}

// ---- the oracle: nothing below uses dialgraph's own time or metric code ----
const DAY = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY;
const dayString = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

function localClock(zone: string) {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
  return (instant: Date) => {
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
    const date = `${parts.year}-${parts.month}-${parts.day}`;
    const monday = dayString(dayNumber(date) - ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
    return { date, hour: `${date}T${parts.hour}:00`, week: monday, month: date.slice(0, 7) };
  };
}

interface Acc {
  count: number;
  duration: number;
  qualified: number;
  callers: Set<string>;
}
const empty = (): Acc => ({ count: 0, duration: 0, qualified: 0, callers: new Set() });
function add(acc: Acc, call: CallDocument) {
  acc.count += 1;
  acc.duration += call.duration_sec ?? 0;
  if (call.qualified === true) acc.qualified += 1;
  if (call.from_number != null) acc.callers.add(call.from_number);
}
const exact = (acc: Acc) => ({
  count: acc.count,
  avgDuration: acc.count ? acc.duration / acc.count : null,
  uniqueCallers: acc.callers.size,
  qualifiedPct: acc.count ? (acc.qualified * 100) / acc.count : null,
});
const shown = (acc: Acc) => {
  const e = exact(acc);
  return {
    count: e.count,
    avgDuration: e.avgDuration === null ? null : roundHalfAway(e.avgDuration, 2),
    uniqueCallers: e.uniqueCallers,
    qualifiedPct: e.qualifiedPct === null ? null : roundHalfAway(e.qualifiedPct, 1),
  };
};
function change(now: Acc, before: Acc) {
  const a = exact(now);
  const b = exact(before);
  const out: Record<string, { absolute: number | null; percent: number | null }> = {};
  for (const name of ['count', 'avgDuration', 'uniqueCallers', 'qualifiedPct'] as const) {
    const x = a[name];
    const y = b[name];
    out[name] =
      x === null || y === null
        ? { absolute: null, percent: null }
        : { absolute: roundHalfAway(x - y, 2), percent: y === 0 ? null : roundHalfAway(((x - y) * 100) / Math.abs(y), 1) };
  }
  return out;
}
const METRICS = 'count avgDuration uniqueCallers qualifiedPct';
const COMPARED = `${METRICS} previous { ${METRICS} } change { count { absolute percent } avgDuration { absolute percent } uniqueCallers { absolute percent } qualifiedPct { absolute percent } }`;

/** The tenant's calls on the local days `from..to` (inclusive) of `zone`, with their local clock. */
function callsOn(zone: string, from: string, to: string, where: (call: CallDocument) => boolean = () => true) {
  const clock = localClock(zone);
  return calls
    .filter((call) => call.tenant_id === 'acme-health' && where(call))
    .map((call) => ({ call, at: clock(call.started_at) }))
    .filter(({ at }) => at.date >= from && at.date <= to);
}

/** `[a, b]` ascending with null first, as the pipeline's tie-break orders dimension values. */
const byKeys = (...values: ((row: any) => string | number | null)[]) => (a: any, b: any) => {
  for (const value of values) {
    const x = value(a);
    const y = value(b);
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
};

describe('groupedCalls compare, having and fillGaps on sample data equal an independent computation', () => {
  it('compare PREVIOUS_PERIOD by source in New York across the fall-back change: rows by value, totals', async () => {
    const zone = 'America/New_York';
    const [from, to] = ['2024-10-20', '2024-11-10']; // 22 days, 2024-11-03 has 25 hours
    const days = dayNumber(to) - dayNumber(from) + 1;
    const [pFrom, pTo] = [dayString(dayNumber(from) - days), dayString(dayNumber(from) - 1)];
    const data = await query(`{ groupedCalls(groupBy: [SOURCE], filter: { startDate: "${from}", endDate: "${to}" }, timezone: "${zone}", compare: PREVIOUS_PERIOD, limit: 1000) {
      count rows { source ${COMPARED} } totals { ${COMPARED} } } }`);

    const current = new Map<string | null, Acc>();
    const previous = new Map<string | null, Acc>();
    const [allNow, allBefore] = [empty(), empty()];
    for (const { call } of callsOn(zone, from, to)) {
      const key = call.source ?? null;
      add(current.get(key) ?? current.set(key, empty()).get(key)!, call);
      add(allNow, call);
    }
    for (const { call } of callsOn(zone, pFrom, pTo)) {
      const key = call.source ?? null;
      add(previous.get(key) ?? previous.set(key, empty()).get(key)!, call);
      add(allBefore, call);
    }
    const expected = [...current].map(([source, acc]) => {
      const before = previous.get(source) ?? empty();
      return { source, ...shown(acc), previous: shown(before), change: change(acc, before) };
    });
    expected.sort((a, b) => b.count - a.count || byKeys((r) => r.source)(a, b));
    expect(previous.size).toBeGreaterThan(0);
    expect(data.count).toBe(current.size);
    expect(data.rows).toEqual(expected);
    expect(data.totals).toEqual({ ...shown(allNow), previous: shown(allBefore), change: change(allNow, allBefore) });
  });

  it('compare PREVIOUS_YEAR by date across 29 February: positions align day 1 with day 1', async () => {
    const zone = 'America/New_York';
    const [from, to] = ['2024-02-20', '2024-03-12']; // 22 days; DST starts 2024-03-10; the previous year's span has 21
    const [pFrom, pTo] = ['2023-02-20', '2023-03-12'];
    const data = await query(`{ groupedCalls(groupBy: [DATE], filter: { startDate: "${from}", endDate: "${to}" }, timezone: "${zone}", compare: PREVIOUS_YEAR, sortBy: DATE, sortOrder: ASC, limit: 1000) {
      count rows { date ${COMPARED} } totals { ${COMPARED} } } }`);
    const current = new Map<number, Acc>();
    const previous = new Map<number, Acc>();
    const [allNow, allBefore] = [empty(), empty()];
    for (const { call, at } of callsOn(zone, from, to)) {
      const position = dayNumber(at.date) - dayNumber(from);
      add(current.get(position) ?? current.set(position, empty()).get(position)!, call);
      add(allNow, call);
    }
    for (const { call, at } of callsOn(zone, pFrom, pTo)) {
      const position = dayNumber(at.date) - dayNumber(pFrom);
      add(previous.get(position) ?? previous.set(position, empty()).get(position)!, call);
      add(allBefore, call);
    }
    const expected = [...current]
      .sort(([a], [b]) => a - b)
      .map(([position, acc]) => {
        const before = previous.get(position) ?? empty();
        return { date: dayString(dayNumber(from) + position), ...shown(acc), previous: shown(before), change: change(acc, before) };
      });
    expect(data.rows.map((r: any) => r.date)).toContain('2024-02-29');
    expect(data.rows).toEqual(expected);
    // 2024-03-12 is position 21: 2023 has 2023-02-20..2023-03-12 at positions 0..20 only.
    expect(data.rows.find((r: any) => r.date === '2024-03-12')?.previous.count ?? 0).toBe(0);
    expect(data.totals).toEqual({ ...shown(allNow), previous: shown(allBefore), change: change(allNow, allBefore) });
  });

  it('having on a derived and a distinct metric: after grouping, before sort and limit; count counts what passes', async () => {
    const zone = 'Asia/Kolkata';
    const [from, to] = ['2024-12-01', '2025-03-01'];
    const data = await query(`{ groupedCalls(groupBy: [SOURCE, STATUS], filter: { startDate: "${from}", endDate: "${to}" }, timezone: "${zone}",
        having: [{ metric: COUNT, op: GTE, value: 10 }, { metric: AVG_DURATION, op: GT, value: 30 }, { metric: UNIQUE_CALLERS, op: NE, value: 25 }],
        sortBy: AVG_DURATION, sortOrder: ASC, limit: 3) { count rows { source status ${METRICS} } } }`);
    const groups = new Map<string, { source: string | null; status: string | null; acc: Acc }>();
    for (const { call } of callsOn(zone, from, to)) {
      const key = JSON.stringify([call.source ?? null, call.status ?? null]);
      const group = groups.get(key) ?? groups.set(key, { source: call.source ?? null, status: call.status ?? null, acc: empty() }).get(key)!;
      add(group.acc, call);
    }
    const passing = [...groups.values()].filter(({ acc }) => {
      const e = exact(acc);
      return e.count >= 10 && e.avgDuration !== null && e.avgDuration > 30 && e.uniqueCallers !== 25;
    });
    passing.sort((a, b) => exact(a.acc).avgDuration! - exact(b.acc).avgDuration! || byKeys((r) => r.source, (r) => r.status)(a, b));
    expect(passing.length).toBeGreaterThan(3);
    expect(passing.length).toBeLessThan(groups.size);
    expect(data.count).toBe(passing.length);
    expect(data.rows).toEqual(passing.slice(0, 3).map(({ source, status, acc }) => ({ source, status, ...shown(acc) })));
  });

  it('fillGaps by DATE × SOURCE: every day for every occurring source, zero rows; having sees them; sort and limit after', async () => {
    const zone = 'Europe/Berlin';
    const [from, to] = ['2024-10-20', '2024-11-08']; // the 2024-10-27 fall-back change
    const voicemail = (call: CallDocument) => call.status === 'voicemail';
    const data = await query(`{ groupedCalls(groupBy: [DATE, SOURCE], filter: { startDate: "${from}", endDate: "${to}", status: VOICEMAIL }, timezone: "${zone}",
        fillGaps: true, having: [{ metric: COUNT, op: LT, value: 2 }], sortBy: COUNT, sortOrder: DESC, limit: 1000) { count rows { date source count avgDuration } } }`);
    const cells = new Map<string, Acc>();
    const sources = new Set<string | null>();
    for (const { call, at } of callsOn(zone, from, to, voicemail)) {
      sources.add(call.source ?? null);
      const key = JSON.stringify([at.date, call.source ?? null]);
      add(cells.get(key) ?? cells.set(key, empty()).get(key)!, call);
    }
    const rows = [];
    for (let day = dayNumber(from); day <= dayNumber(to); day++) {
      for (const source of sources) {
        const acc = cells.get(JSON.stringify([dayString(day), source])) ?? empty();
        if (acc.count < 2) rows.push({ date: dayString(day), source, count: acc.count, avgDuration: shown(acc).avgDuration });
      }
    }
    rows.sort((a, b) => b.count - a.count || byKeys((r) => r.date, (r) => r.source)(a, b));
    expect(rows.some((r) => r.count === 0)).toBe(true);
    expect(rows.some((r) => r.count === 1)).toBe(true);
    expect(data.count).toBe(rows.length);
    expect(data.rows).toEqual(rows);
  });

  it('fillGaps by HOUR in Kolkata and by WEEK compared with the previous period', async () => {
    const kolkata = await query(`{ groupedCalls(groupBy: [HOUR], filter: { startDate: "2025-01-06", endDate: "2025-01-07" }, timezone: "Asia/Kolkata", fillGaps: true, sortBy: HOUR, sortOrder: ASC, limit: 1000) {
        count rows { hour count } } }`);
    const hours = new Map<string, number>();
    for (const { at } of callsOn('Asia/Kolkata', '2025-01-06', '2025-01-07')) hours.set(at.hour, (hours.get(at.hour) ?? 0) + 1);
    const expectedHours = Array.from({ length: 48 }, (_, i) => {
      const hour = `${dayString(dayNumber('2025-01-06') + Math.floor(i / 24))}T${String(i % 24).padStart(2, '0')}:00`;
      return { hour, count: hours.get(hour) ?? 0 };
    });
    expect(kolkata).toEqual({ count: 48, rows: expectedHours });

    const zone = 'America/New_York';
    const [from, to] = ['2024-09-02', '2024-11-24']; // Monday .. Sunday: 12 whole weeks
    const busy = (call: CallDocument) => call.status === 'busy' && call.source === 'google';
    const weekly = await query(`{ groupedCalls(groupBy: [WEEK], filter: { startDate: "${from}", endDate: "${to}", status: BUSY, source: "google" }, timezone: "${zone}",
        compare: PREVIOUS_PERIOD, fillGaps: true, sortBy: WEEK, sortOrder: ASC, limit: 1000) { count rows { week count previous { count } change { count { absolute percent } } } } }`);
    const now = new Map<number, number>();
    const before = new Map<number, number>();
    for (const { at } of callsOn(zone, from, to, busy)) {
      const position = (dayNumber(at.week) - dayNumber(from)) / 7;
      now.set(position, (now.get(position) ?? 0) + 1);
    }
    const pFrom = dayString(dayNumber(from) - 84);
    for (const { at } of callsOn(zone, pFrom, dayString(dayNumber(from) - 1), busy)) {
      const position = (dayNumber(at.week) - dayNumber(pFrom)) / 7;
      before.set(position, (before.get(position) ?? 0) + 1);
    }
    const expectedWeeks = Array.from({ length: 12 }, (_, position) => {
      const [x, y] = [now.get(position) ?? 0, before.get(position) ?? 0];
      return {
        week: dayString(dayNumber(from) + position * 7),
        count: x,
        previous: { count: y },
        change: { count: { absolute: x - y, percent: y === 0 ? null : roundHalfAway(((x - y) * 100) / y, 1) } },
      };
    });
    expect(expectedWeeks.some((w) => w.count === 0)).toBe(true);
    expect(weekly).toEqual({ count: 12, rows: expectedWeeks });
  });

  it('runs every shape on the compiled executor, never on mingo', () => {
    expect(store.engineRuns.mingo).toBe(0);
  });
});

/** Requests the MongoDB suite runs on both engines; here they must answer on the embedded one. */
const ENGINE_DOCUMENTS = [
    `{ groupedCalls(groupBy: [SOURCE], filter: { startDate: "2024-10-20", endDate: "2024-11-10" }, timezone: "America/New_York", compare: PREVIOUS_PERIOD, limit: 1000) { count rows { source ${COMPARED} } totals { ${COMPARED} } } }`,
    `{ groupedCalls(groupBy: [DATE], filter: { startDate: "2024-02-20", endDate: "2024-03-12" }, timezone: "America/New_York", compare: PREVIOUS_YEAR, sortBy: DATE, sortOrder: ASC, limit: 1000) { count rows { date ${COMPARED} } totals { ${COMPARED} } } }`,
    `{ groupedCalls(groupBy: [SOURCE, STATUS], filter: { startDate: "2024-12-01", endDate: "2025-03-01" }, timezone: "Asia/Kolkata", having: [{ metric: COUNT, op: GTE, value: 10 }, { metric: AVG_DURATION, op: GT, value: 30 }, { metric: UNIQUE_CALLERS, op: NE, value: 25 }], sortBy: AVG_DURATION, sortOrder: ASC, limit: 3) { count rows { source status ${METRICS} } } }`,
    `{ groupedCalls(groupBy: [DATE, SOURCE], filter: { startDate: "2024-10-20", endDate: "2024-11-08", status: VOICEMAIL }, timezone: "Europe/Berlin", fillGaps: true, having: [{ metric: COUNT, op: LT, value: 2 }], limit: 1000) { count rows { date source count avgDuration } } }`,
    `{ groupedCalls(groupBy: [WEEK], filter: { startDate: "2024-09-02", endDate: "2024-11-24", status: BUSY }, timezone: "America/New_York", compare: PREVIOUS_YEAR, fillGaps: true, sortBy: AVG_DURATION, limit: 1000) { count rows { week ${COMPARED} } totals { ${COMPARED} } } }`,
    `{ groupedCalls(groupBy: [HOUR, DIRECTION], filter: { startDate: "2025-01-06", endDate: "2025-01-07" }, timezone: "Australia/Lord_Howe", fillGaps: true, compare: PREVIOUS_PERIOD, limit: 1000) { count rows { hour direction count previous { count } } } }`,
];

describe('the MongoDB-suite requests', () => {
  it.each(ENGINE_DOCUMENTS)('answer on the embedded engine: %s', async (document) => {
    expect((await query(document)).rows.length).toBeGreaterThan(0);
  });
});

/**
 * The same requests on a live MongoDB (CI sets MONGODB_TEST_URI) answer exactly what the embedded
 * engine answers: the `$or` scope of PREVIOUS_YEAR, the period fold (`$max` over `$cond` with
 * nulls), HAVING's `$nin: [v, null]`, the per-period distinct totals and the unsorted fill rows.
 */
const uri = process.env.MONGODB_TEST_URI;
describe.skipIf(!uri)('groupedCalls compare, having and fillGaps on MongoDB match the embedded engine', () => {
  let mongo: ReturnType<typeof createGateway>;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const database = await openTestDatabase({ uri: uri!, prefix: 'compare', calls, keys: toApiKeyRecords(keys, NOW), indexes: true });
    mongo = createGateway({ store: database.store, now: () => NOW, graphiql: false });
    close = database.close;
  }, 120_000);

  afterAll(() => close());

  it.each(ENGINE_DOCUMENTS)('%s', async (document) => {
    expect(await query(document, mongo)).toEqual(await query(document));
  });
});
