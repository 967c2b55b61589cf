import { openTestDatabase } from '../support/mongo-database.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundHalfAway } from '../../src/analytics/rounding.ts';
import type { CallDocument } from '../../src/contract/call-document.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { createEmbeddedStore, type EmbeddedExecutor } from '../../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../../src/store/load/keys-file.ts';
import { call, KEYS, testKeys } from '../support/calls.ts';

/**
 * Exact nearest-rank duration percentiles (groupedCalls rows and totals, analyticsQuery
 * CALL_DURATION) against an oracle that sorts each group's raw durations and takes the element
 * at rank ceil(p/100 × n) — on the compiled executor and on mingo (the reference), which must
 * agree with each other and with the oracle.
 */
const NOW = new Date('2025-11-10T15:00:00.000Z');
const sample = generateSampleCalls({ calls: 6_000, seed: 23, now: NOW });
// mingo's windows re-sum a slice per row (quadratic per group): the reference runs on fewer calls.
const SAMPLES = { auto: sample, mingo: generateSampleCalls({ calls: 1_500, seed: 23, now: NOW }) };
const keys = demoApiKeys();
const tenant = keys.find((k) => k.tenant_id === 'acme-health' && !k.user_id)!;
const PERCENTS = [50, 90, 95, 99] as const;

function gateway(calls: readonly CallDocument[], executor: EmbeddedExecutor, apiKeys = toApiKeyRecords(keys, NOW)) {
  const store = createEmbeddedStore({ calls: [...calls], apiKeys, executor });
  const yoga = createGateway({ store, now: () => NOW, graphiql: false });
  return {
    store,
    async query(document: string, key: string) {
      const response = await yoga.fetch('http://dialgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: document }),
      });
      const body = (await response.json()) as { data: any; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data;
    },
  };
}

/** The oracle: sort, then the element at 1-based rank ceil(p/100 × n); null for no values. */
function nearestRank(durations: readonly number[], p: number): number | null {
  if (!durations.length) return null;
  const sorted = [...durations].sort((a, b) => a - b);
  return roundHalfAway(sorted[Math.ceil((p / 100) * sorted.length) - 1], 2);
}

const percentilesOf = (durations: readonly number[]) =>
  Object.fromEntries(PERCENTS.map((p) => [`p${p}Duration`, nearestRank(durations, p)]));

const inRange = (c: CallDocument, from: string) => c.tenant_id === 'acme-health' && c.started_at.getTime() >= Date.parse(from);

const FIELDS = 'p50Duration p90Duration p95Duration p99Duration';

describe.each(['auto', 'mingo'] as const)('duration percentiles equal the nearest-rank oracle (%s executor)', (executor) => {
  const sample = SAMPLES[executor];
  const api = gateway(sample, executor);

  it('groupedCalls rows by source and totals, with and without distinct callers', async () => {
    for (const extra of ['', 'uniqueCallers']) {
      const data = await api.query(
        `{ groupedCalls(groupBy: [SOURCE], filter: { startDate: "2025-08-13", endDate: "2025-11-10" }, limit: 1000) {
            count rows { source count ${FIELDS} ${extra} } totals { count ${FIELDS} ${extra} } } }`,
        tenant.key,
      );
      const bySource = new Map<string | null, number[]>();
      const all: number[] = [];
      for (const c of sample) {
        if (!inRange(c, '2025-08-13T00:00:00Z')) continue;
        const key = c.source ?? null;
        bySource.set(key, [...(bySource.get(key) ?? []), c.duration_sec ?? 0]);
        all.push(c.duration_sec ?? 0);
      }
      expect(data.groupedCalls.count).toBe(bySource.size);
      for (const row of data.groupedCalls.rows) {
        const durations = bySource.get(row.source)!;
        expect(row).toMatchObject({ count: durations.length, ...percentilesOf(durations) });
      }
      expect(data.groupedCalls.totals).toMatchObject({ count: all.length, ...percentilesOf(all) });
    }
  });

  it('groupedCalls by three dimensions, sorted by a percentile', async () => {
    const data = await api.query(
      `{ groupedCalls(groupBy: [DIRECTION, STATUS, HOUR_OF_DAY], sortBy: P90_DURATION, sortOrder: DESC, limit: 1000, filter: { startDate: "2025-10-01", endDate: "2025-11-10" }) {
          rows { direction status hourOfDay count ${FIELDS} } } }`,
      tenant.key,
    );
    const groups = new Map<string, number[]>();
    for (const c of sample) {
      if (!inRange(c, '2025-10-01T00:00:00Z')) continue;
      const key = `${c.direction}|${c.status}|${c.started_at.getUTCHours()}`;
      groups.set(key, [...(groups.get(key) ?? []), c.duration_sec ?? 0]);
    }
    const rows = data.groupedCalls.rows;
    expect(rows).toHaveLength(groups.size);
    for (const row of rows) {
      const durations = groups.get(`${row.direction.toLowerCase()}|${row.status === 'NO_ANSWER' ? 'no-answer' : row.status.toLowerCase()}|${row.hourOfDay}`)!;
      expect(row).toMatchObject({ count: durations.length, ...percentilesOf(durations) });
    }
    const p90s = rows.map((row: { p90Duration: number }) => row.p90Duration);
    expect(p90s).toEqual([...p90s].sort((a, b) => b - a));
  });

  it('analyticsQuery CALL_DURATION', async () => {
    const data = await api.query(
      `{ analyticsQuery(input: { queryType: CALL_DURATION, filters: { dateFrom: "2025-09-01T00:00:00Z" } }) { data { ... on DurationStatsRow { count min max ${FIELDS} } } } }`,
      tenant.key,
    );
    const durations = sample.filter((c) => inRange(c, '2025-09-01T00:00:00Z') && c.started_at <= NOW).map((c) => c.duration_sec ?? 0);
    expect(data.analyticsQuery.data).toEqual([
      { count: durations.length, min: Math.min(...durations), max: Math.max(...durations), ...percentilesOf(durations) },
    ]);
  });
});

describe('the percentile edge cases', () => {
  const hand = [
    // One call: every percentile is its duration.
    call({ tenant_id: 't1', source: 'one', started_at: '2025-06-02T10:00:00Z', duration_sec: 42 }),
    // 1..100: p50 = 50, p90 = 90, p95 = 95, p99 = 99 (ranks exactly on a boundary).
    ...Array.from({ length: 100 }, (_, i) => call({ tenant_id: 't1', source: 'hundred', started_at: '2025-06-02T11:00:00Z', duration_sec: 100 - i })),
    // Ties and missing durations (count as 0): [0, 0, 5, 5, 5, 7.5] → p50 = 5 (rank 3), p90 = 7.5 (rank 6).
    call({ tenant_id: 't1', source: 'ties', started_at: '2025-06-02T12:00:00Z' }),
    call({ tenant_id: 't1', source: 'ties', started_at: '2025-06-02T12:00:00Z', duration_sec: 0 }),
    ...[5, 5, 5, 7.5].map((d) => call({ tenant_id: 't1', source: 'ties', started_at: '2025-06-02T12:00:00Z', duration_sec: d, from_number: '+1555000000' })),
    // The previous period of June (compare: PREVIOUS_PERIOD): p50 = 20, p90 = 30.
    ...[10, 30, 20].map((d) => call({ tenant_id: 't1', source: 'one', started_at: '2025-05-20T09:00:00Z', duration_sec: d })),
    // Another tenant's long calls never reach t1's answers.
    call({ tenant_id: 't2', source: 'one', started_at: '2025-06-02T10:00:00Z', duration_sec: 9_999 }),
  ];

  it.each(['auto', 'mingo'] as const)('one call, exact ranks, ties, missing durations, no calls (%s)', async (executor) => {
    const api = gateway(hand, executor, testKeys());
    const data = await api.query(
      `{ groupedCalls(groupBy: [SOURCE], sortBy: SOURCE, sortOrder: ASC, filter: { startDate: "2025-06-01", endDate: "2025-06-30" }) {
          rows { source count uniqueCallers ${FIELDS} } totals { count ${FIELDS} } } }`,
      KEYS.t1,
    );
    expect(data.groupedCalls.rows).toEqual([
      { source: 'hundred', count: 100, uniqueCallers: 0, p50Duration: 50, p90Duration: 90, p95Duration: 95, p99Duration: 99 },
      { source: 'one', count: 1, uniqueCallers: 0, p50Duration: 42, p90Duration: 42, p95Duration: 42, p99Duration: 42 },
      { source: 'ties', count: 6, uniqueCallers: 1, p50Duration: 5, p90Duration: 7.5, p95Duration: 7.5, p99Duration: 7.5 },
    ]);
    const all = hand.filter((c) => c.tenant_id === 't1' && c.started_at.getUTCMonth() === 5).map((c) => c.duration_sec ?? 0);
    expect(data.groupedCalls.totals).toEqual({ count: 107, ...percentilesOf(all) });

    const empty = await api.query(
      `{ groupedCalls(groupBy: [SOURCE], filter: { startDate: "2025-07-01", endDate: "2025-07-31" }) { count rows { source } totals { count ${FIELDS} } }
         analyticsQuery(input: { queryType: CALL_DURATION, filters: { dateFrom: "2025-07-01T00:00:00Z", dateTo: "2025-07-31T00:00:00Z" } }) { data { ... on DurationStatsRow { count ${FIELDS} } } } }`,
      KEYS.t1,
    );
    expect(empty.groupedCalls).toEqual({ count: 0, rows: [], totals: { count: 0, p50Duration: null, p90Duration: null, p95Duration: null, p99Duration: null } });
    expect(empty.analyticsQuery.data).toEqual([{ count: 0, p50Duration: null, p90Duration: null, p95Duration: null, p99Duration: null }]);
  });

  it.each(['auto', 'mingo'] as const)('with compare and HAVING on a percentile (%s)', async (executor) => {
    const api = gateway(hand, executor, testKeys());
    const data = await api.query(
      `{ groupedCalls(groupBy: [SOURCE], compare: PREVIOUS_PERIOD, having: [{ metric: P90_DURATION, op: GTE, value: 42 }], filter: { startDate: "2025-06-01", endDate: "2025-06-30" }) {
          count rows { source p90Duration previous { p50Duration p90Duration } change { p90Duration { absolute } } }
          totals { count uniqueCallers p90Duration previous { count uniqueCallers p50Duration p90Duration } } } }`,
      KEYS.t1,
    );
    expect(data.groupedCalls.count).toBe(2);
    expect(data.groupedCalls.rows).toEqual([
      { source: 'hundred', p90Duration: 90, previous: { p50Duration: null, p90Duration: null }, change: { p90Duration: { absolute: null } } },
      { source: 'one', p90Duration: 42, previous: { p50Duration: 20, p90Duration: 30 }, change: { p90Duration: { absolute: 12 } } },
    ]);
    const june = hand.filter((c) => c.tenant_id === 't1' && c.started_at.getUTCMonth() === 5).map((c) => c.duration_sec ?? 0);
    expect(data.groupedCalls.totals).toEqual({
      count: 107,
      uniqueCallers: 1,
      p90Duration: nearestRank(june, 90),
      previous: { count: 3, uniqueCallers: 0, p50Duration: 20, p90Duration: 30 },
    });
  });

  it('runs on the compiled executor (no mingo fallback)', async () => {
    const api = gateway(sample, 'auto');
    const before = api.store.engineRuns;
    await api.query(`{ groupedCalls(groupBy: [SOURCE, DATE], limit: 1000) { rows { count uniqueCallers ${FIELDS} } totals { ${FIELDS} } } }`, tenant.key);
    expect(api.store.engineRuns.mingo - before.mingo).toBe(0);
    expect(api.store.engineRuns.compiled - before.compiled).toBe(1);
  });
});

/**
 * MongoDB suite (CI sets MONGODB_TEST_URI; skipped here): the same documents on a live server
 * give the embedded engine's answers — `$setWindowFields` running sums, `$min` over the picks.
 */
const uri = process.env.MONGODB_TEST_URI;
describe.skipIf(!uri)('duration percentiles on MongoDB equal the embedded engine', () => {
  const data = SAMPLES.mingo;
  const embedded = gateway(data, 'auto');
  let mongo: ReturnType<typeof gateway> | undefined;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const database = await openTestDatabase({ uri: uri!, prefix: 'pct', calls: data, keys: toApiKeyRecords(keys, NOW) });
    const store = database.store;
    const yoga = createGateway({ store, now: () => NOW, graphiql: false });
    mongo = {
      store: undefined as never,
      async query(document: string, key: string) {
        const response = await yoga.fetch('http://dialgraph.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ query: document }),
        });
        const body = (await response.json()) as { data: any; errors?: unknown };
        expect(body.errors).toBeUndefined();
        return body.data;
      },
    };
    close = database.close;
  }, 60_000);

  afterAll(() => close());

  it.each([
    `{ groupedCalls(groupBy: [SOURCE, STATUS], sortBy: P95_DURATION, limit: 1000) { count rows { source status count ${FIELDS} } totals { count ${FIELDS} } } }`,
    `{ groupedCalls(groupBy: [DATE], timezone: "America/New_York", limit: 1000) { rows { date uniqueCallers ${FIELDS} } totals { uniqueCallers ${FIELDS} } } }`,
    `{ analyticsQuery(input: { queryType: CALL_DURATION }) { data { ... on DurationStatsRow { count total avg min max ${FIELDS} } } } }`,
  ])('%s', async (document) => {
    expect(await mongo!.query(document, tenant.key)).toEqual(await embedded.query(document, tenant.key));
  });
});
