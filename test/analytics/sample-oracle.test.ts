import { describe, expect, it } from 'vitest';
import { roundHalfAway } from '../../src/analytics/rounding.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../../src/store/load/keys-file.ts';

/**
 * Exact numbers at scale: answers on 20,000 sample calls (every awkward case the generator
 * makes: missing fields, nulls, web calls, DST) equal an independent computation — plain loops,
 * and Intl for local dates — over the same documents.
 */
const NOW = new Date('2025-11-10T15:00:00.000Z'); // the 90 days behind it include the 2025-11-02 DST change
const calls = generateSampleCalls({ calls: 20_000, seed: 11, now: NOW });
const keys = demoApiKeys();
const tenant = keys.find((k) => k.tenant_id === 'acme-health' && !k.user_id)!;
const admin = keys.find((k) => k.role === 'super_admin')!;
const yoga = createGateway({ store: createEmbeddedStore({ calls, apiKeys: toApiKeyRecords(keys, NOW) }), now: () => NOW, graphiql: false });

async function query(document: string, key: string) {
  const response = await yoga.fetch('http://dialgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: document }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

const localDay = (zone: string) => {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (instant: Date) => format.format(instant);
};

describe('answers on sample data equal an independent computation', () => {
  it('groupedCalls by UTM campaign with totals', async () => {
    const data = await query(
      `{ groupedCalls(groupBy: [UTM_CAMPAIGN], filter: { startDate: "2025-08-13", endDate: "2025-11-10" }, limit: 1000) {
          count rows { utmCampaign count totalDuration qualifiedCount uniqueCallers totalValueCents avgAiScore }
          totals { count totalDuration uniqueCallers qualifiedPct } } }`,
      tenant.key,
    );
    const groups = new Map<string | null, { count: number; duration: number; qualified: number; callers: Set<string>; value: number; ai: number; aiN: number }>();
    const allCallers = new Set<string>();
    let count = 0;
    let duration = 0;
    let qualified = 0;
    for (const call of calls) {
      if (call.tenant_id !== 'acme-health' || call.started_at.getTime() < Date.parse('2025-08-13T00:00:00Z')) continue;
      const key = call.utm_campaign ?? null;
      const g = groups.get(key) ?? { count: 0, duration: 0, qualified: 0, callers: new Set<string>(), value: 0, ai: 0, aiN: 0 };
      groups.set(key, g);
      g.count += 1;
      g.duration += call.duration_sec ?? 0;
      if (call.qualified === true) g.qualified += 1;
      if (call.from_number != null) g.callers.add(call.from_number);
      if (call.from_number != null) allCallers.add(call.from_number);
      g.value += call.value_cents ?? 0;
      if (typeof call.ai_score === 'number') {
        g.ai += call.ai_score;
        g.aiN += 1;
      }
      count += 1;
      duration += call.duration_sec ?? 0;
      if (call.qualified === true) qualified += 1;
    }
    expect(data.groupedCalls.count).toBe(groups.size);
    for (const row of data.groupedCalls.rows) {
      const g = groups.get(row.utmCampaign)!;
      expect(row).toEqual({
        utmCampaign: row.utmCampaign,
        count: g.count,
        totalDuration: g.duration,
        qualifiedCount: g.qualified,
        uniqueCallers: g.callers.size,
        totalValueCents: g.value,
        avgAiScore: g.aiN ? roundHalfAway(g.ai / g.aiN, 2) : null,
      });
    }
    expect(data.groupedCalls.totals).toEqual({ count, totalDuration: duration, uniqueCallers: allCallers.size, qualifiedPct: roundHalfAway((qualified * 100) / count, 1) });
  });

  it('groupedCalls by local DATE in America/New_York across the DST change', async () => {
    const data = await query(
      '{ groupedCalls(groupBy: [DATE], sortBy: DATE, sortOrder: ASC, timezone: "America/New_York", filter: { startDate: "2025-10-20", endDate: "2025-11-09" }, limit: 1000) { rows { date count } } }',
      tenant.key,
    );
    const dayOf = localDay('America/New_York');
    const expected = new Map<string, number>();
    for (const call of calls) {
      if (call.tenant_id !== 'acme-health') continue;
      const day = dayOf(call.started_at);
      if (day >= '2025-10-20' && day <= '2025-11-09') expected.set(day, (expected.get(day) ?? 0) + 1);
    }
    expect(data.groupedCalls.rows).toEqual([...expected].sort().map(([date, count]) => ({ date, count })));
    expect(data.groupedCalls.rows.map((r: { date: string }) => r.date)).toContain('2025-11-02');
  });

  it('adminCallsByPhoneNumber over every tenant', async () => {
    const data = await query('{ adminCallsByPhoneNumber(startDate: "2025-10-01T00:00:00Z") { phoneNumber totalCalls totalDurationMinutes avgDurationMinutes } }', admin.key);
    const expected = new Map<string, { calls: number; seconds: number }>();
    for (const call of calls) {
      if (call.started_at.getTime() < Date.parse('2025-10-01T00:00:00Z')) continue;
      const label = call.channel === 'web' ? 'WEB_CALL' : call.platform_number ? call.platform_number : 'UNKNOWN_PLATFORM';
      const e = expected.get(label) ?? { calls: 0, seconds: 0 };
      expected.set(label, e);
      e.calls += 1;
      e.seconds += call.duration_sec ?? 0;
    }
    const rows = data.adminCallsByPhoneNumber;
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      const e = expected.get(row.phoneNumber)!;
      expect(row).toEqual({
        phoneNumber: row.phoneNumber,
        totalCalls: e.calls,
        totalDurationMinutes: roundHalfAway(e.seconds / 60, 2),
        avgDurationMinutes: roundHalfAway(e.seconds / (60 * e.calls), 2),
      });
    }
  });
});
