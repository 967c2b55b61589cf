/**
 * Issue 16: no result document grows with the number of distinct values. A tenant with
 * 1,000,000 distinct callers (each calling once) over 10 days and 3 sources: every document a
 * pipeline returns stays far below MongoDB's 16 MiB limit — under 16 KB, measured as BSON, as
 * the server would have to ship it — while the counts are still exact.
 */
import { calculateObjectSize } from 'bson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import { callStatsQuery, shapeCallStats } from '../../src/analytics/families/dialer/call-stats.ts';
import { groupedCallsQuery, shapeGroupedCalls } from '../../src/analytics/families/grouped-calls.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { Principal } from '../../src/contract/principal.ts';
import type { MetricName } from '../../src/analytics/registry/metrics.ts';
import { createEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.ts';

const CALLERS = 1_000_000;
const DAYS = 10;
const SOURCES = ['google', 'facebook', 'direct'] as const;
const START = Date.parse('2024-05-01T00:00:00Z');
const NOW = new Date('2024-05-10T12:00:00Z');
const principal: Principal = { tenantId: 't1', userEmail: 'owner@t1.example', role: 'user' };
const LIMIT_BYTES = 16 * 1024;

let store: EmbeddedStore;

beforeAll(() => {
  const calls: CallDocument[] = new Array(CALLERS);
  const step = (DAYS * 86_400_000) / CALLERS;
  for (let i = 0; i < CALLERS; i++) {
    calls[i] = {
      _id: `c${i}`,
      tenant_id: 't1',
      user_email: 'owner@t1.example',
      channel: 'phone',
      // Every client number distinct, inbound (from) and outbound (to) alike.
      direction: i % 2 ? 'inbound' : 'outbound',
      status: 'completed',
      from_number: `+1${String(i).padStart(9, '0')}`,
      to_number: `+2${String(i).padStart(9, '0')}`,
      source: SOURCES[i % SOURCES.length],
      started_at: new Date(START + Math.floor(i * step)),
    } as CallDocument;
  }
  store = createEmbeddedStore({ calls });
}, 120_000);

function expectSmall(result: readonly Record<string, unknown>[]): void {
  expect(result.length).toBeGreaterThan(0);
  for (const doc of result) expect(calculateObjectSize(doc)).toBeLessThan(LIMIT_BYTES);
}

describe('1,000,000 distinct callers', () => {
  it('groupedCalls [DATE, SOURCE] with uniqueCallers in rows and totals: small documents, exact counts', async () => {
    const rows: MetricName[] = ['count', 'uniqueCallers'];
    const { query, plan } = groupedCallsQuery({
      principal,
      now: NOW,
      args: { groupBy: ['DATE', 'SOURCE'], sortBy: 'UNIQUE_CALLERS', sortOrder: 'DESC', limit: 1000, timezone: 'UTC', filter: { startDate: '2024-05-01', endDate: '2024-05-10' } },
      selection: { rows: new Set(rows), totals: new Set(rows) },
    });
    const result = await store.aggregate(compileCallQuery(query));
    expectSmall(result);
    const shaped = shapeGroupedCalls(result, plan);
    expect(shaped.count).toBe(DAYS * SOURCES.length);
    expect(shaped.totals).toEqual({ count: CALLERS, uniqueCallers: CALLERS });
    expect(shaped.rows.reduce((sum, row) => sum + (row.uniqueCallers as number), 0)).toBe(CALLERS);
    for (const row of shaped.rows) expect(row.uniqueCallers).toBe(row.count);
    expect(store.engineRuns.mingo).toBe(0);
  }, 120_000);

  it('callStats: small document, distinct clients per direction and over all', async () => {
    const { query } = callStatsQuery({ principal, now: NOW, search: { dayFrom: '2024-05-01', dayTo: '2024-05-10' } });
    const result = await store.aggregate(compileCallQuery(query));
    expectSmall(result);
    const stats = shapeCallStats(result);
    expect(stats.all.unique).toBe(CALLERS);
    expect(stats.in.unique).toBe(CALLERS / 2);
    expect(stats.out.unique).toBe(CALLERS / 2);
    expect(stats.our.unique).toBe(0);
    expect(store.engineRuns.mingo).toBe(0);
  }, 120_000);
});
