import { describe, expect, it } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import { callStatsQuery } from '../../src/analytics/families/dialer/call-stats.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import { roundHalfAway } from '../../src/analytics/rounding.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../../src/store/load/keys-file.ts';

/**
 * `callStats(dateInterval)` against an independent computation on sample data: plain loops over
 * the documents, and Intl for local labels, across New York's 2025-11-02 DST change (the 01:00
 * hour happens twice and is one local bucket).
 */
const NOW = new Date('2025-11-10T15:00:00.000Z');
const ZONE = 'America/New_York';
const FROM = '2025-10-27';
const TO = '2025-11-09';
const calls = generateSampleCalls({ calls: 20_000, seed: 11, now: NOW });
const keys = demoApiKeys();
const tenant = keys.find((k) => k.tenant_id === 'acme-health' && !k.user_id)!;
const store = createEmbeddedStore({ calls, apiKeys: toApiKeyRecords(keys, NOW) });
const pipelines: unknown[] = [];
const yoga = createGateway({
  store: { ...store, engine: store.engine, aggregate: (p, o) => (pipelines.push(p), store.aggregate(p, o)), findApiKeys: (h) => store.findApiKeys(h), close: () => store.close() },
  now: () => NOW,
  graphiql: false,
});

const BLOCK = 'all fail success talks error unique firstTime active total { sum count min max } call { sum count min max } answer { sum count min max }';
const STATS = `all { ${BLOCK} } in { ${BLOCK} } out { ${BLOCK} } our { ${BLOCK} } tagsSuccess tagsDefault tagsFail tagsNoResult aiTalkTime allTalkTime aiTalkCost`;

async function callStats(args: string) {
  const response = await yoga.fetch('http://dialgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.key}` },
    body: JSON.stringify({
      query: `{ callStats(search: { dayFrom: "${FROM}", dayTo: "${TO}", timezone: "${ZONE}" } ${args}) { ${STATS} intervals { label bucketStart ${STATS} } } }`,
    }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data.callStats;
}

// ---- the oracle: Intl for local time, loops for the figures ----
const FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
const parts = (instant: Date) => {
  const p = Object.fromEntries(FORMAT.formatToParts(instant).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, hour: p.hour };
};
const mondayOf = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
};
const LABEL = {
  HOUR: (c: CallDocument) => `${parts(c.started_at).day}T${parts(c.started_at).hour}:00`,
  DAY: (c: CallDocument) => parts(c.started_at).day,
  WEEK: (c: CallDocument) => mondayOf(parts(c.started_at).day),
  MONTH: (c: CallDocument) => parts(c.started_at).day.slice(0, 7),
};

const matching = calls.filter((c) => {
  const day = parts(c.started_at).day;
  return c.tenant_id === 'acme-health' && c.is_transfer_leg !== true && day >= FROM && day <= TO;
});

const r2 = (n: number) => roundHalfAway(n, 2);
const time = (values: number[]) =>
  values.length ? { sum: r2(values.reduce((a, b) => a + b, 0)), count: values.length, min: Math.min(...values), max: Math.max(...values) } : { sum: 0, count: 0, min: null, max: null };

function block(list: CallDocument[]) {
  const clients = new Set(list.map((c) => (c.direction === 'inbound' ? c.from_number : c.to_number)).filter((n) => n != null));
  const answered = list.filter((c) => c.status === 'completed');
  return {
    all: list.length,
    fail: list.filter((c) => c.status !== 'completed' && c.status !== 'failed').length,
    success: answered.length,
    talks: list.filter((c) => (c.talk_time_sec ?? 0) > 0).length,
    error: list.filter((c) => c.status === 'failed').length,
    unique: clients.size,
    firstTime: list.filter((c) => c.first_time_for_user === true).length,
    active: list.filter((c) => c.ended_at == null).length,
    total: time(list.map((c) => c.total_time_sec ?? 0)),
    call: time(list.map((c) => c.duration_sec ?? 0)),
    answer: time(answered.map((c) => c.answer_time_sec ?? 0)),
  };
}

function stats(list: CallDocument[]) {
  const sum = (f: (c: CallDocument) => number | null | undefined) => list.reduce((a, c) => a + (f(c) ?? 0), 0);
  return {
    all: block(list),
    in: block(list.filter((c) => c.direction === 'inbound')),
    out: block(list.filter((c) => c.direction === 'outbound')),
    our: block(list.filter((c) => c.direction === 'internal')),
    tagsSuccess: list.filter((c) => c.outcome_type === 'positive').length,
    tagsDefault: list.filter((c) => c.outcome_type === 'neutral').length,
    tagsFail: list.filter((c) => c.outcome_type === 'negative').length,
    tagsNoResult: list.filter((c) => c.outcome_type == null || c.outcome_type === 'absent').length,
    aiTalkTime: r2(sum((c) => c.ai_talk_time_sec)),
    allTalkTime: r2(sum((c) => c.talk_time_sec)),
    aiTalkCost: r2(sum((c) => c.ai_talk_cost_cents) / 100),
  };
}

/** Every local label from the first day's first bucket to the last day's last, gap-filled. */
function labels(unit: keyof typeof LABEL): string[] {
  const out = new Set<string>();
  // Every 15 minutes of the days (and around them) covers every local hour that exists.
  for (let t = Date.parse(`${FROM}T00:00:00Z`) - 86_400_000; t <= Date.parse(`${TO}T00:00:00Z`) + 2 * 86_400_000; t += 900_000) {
    const c = { started_at: new Date(t) } as CallDocument;
    const day = parts(c.started_at).day;
    if (day >= FROM && day <= TO) out.add(LABEL[unit](c));
  }
  return [...out].sort();
}

describe('callStats(dateInterval) equals an independent computation on sample data across a DST change', () => {
  const whole = stats(matching);

  it.each(['HOUR', 'DAY', 'WEEK', 'MONTH'] as const)('%s', async (unit) => {
    const answer = await callStats(`, dateInterval: ${unit}`);
    const { intervals, ...top } = answer;
    expect(top).toEqual(whole);
    const byLabel = new Map<string, CallDocument[]>();
    for (const c of matching) byLabel.set(LABEL[unit](c), [...(byLabel.get(LABEL[unit](c)) ?? []), c]);
    const expected = labels(unit).map((label) => ({ label, ...stats(byLabel.get(label) ?? []) }));
    expect(intervals.map(({ bucketStart, ...rest }: { bucketStart: string }) => rest)).toEqual(expected);
    // Each bucket starts at the first instant with its label; the next one starts where it ends.
    for (const interval of intervals) {
      const start = new Date(interval.bucketStart);
      expect(LABEL[unit]({ started_at: start } as CallDocument)).toBe(interval.label);
      expect(LABEL[unit]({ started_at: new Date(start.getTime() - 1) } as CallDocument)).not.toBe(interval.label);
    }
  });

  it('counts the repeated 01:00 of 2025-11-02 as one local hour, and has 24 hour buckets that day', async () => {
    const { intervals } = await callStats(', dateInterval: HOUR');
    const day = intervals.filter((i: { label: string }) => i.label.startsWith('2025-11-02'));
    expect(day).toHaveLength(24);
    const one = day.find((i: { label: string }) => i.label === '2025-11-02T01:00');
    expect(one.bucketStart).toBe('2025-11-02T05:00:00.000Z');
    expect(one.all.all).toBe(matching.filter((c) => LABEL.HOUR(c) === '2025-11-02T01:00').length);
    expect(intervals).toHaveLength(14 * 24);
  });

  it('gives the same whole-range answer without intervals, and an empty list', async () => {
    const answer = await callStats('');
    expect(answer.intervals).toEqual([]);
    const { intervals, ...top } = answer;
    expect(top).toEqual(whole);
  });

  it('is one pipeline for the whole answer, with the bucket in the grouping key', async () => {
    const before = pipelines.length;
    await callStats(', dateInterval: DAY');
    expect(pipelines.length - before).toBe(1);
    const { query } = callStatsQuery({ principal: { tenantId: 'acme-health', userEmail: tenant.user_email, role: 'user' }, now: NOW, search: { dayFrom: FROM, dayTo: TO, timezone: ZONE }, dateInterval: 'DAY' });
    expect(pipelines.at(-1)).toEqual(compileCallQuery(query));
    expect(JSON.stringify(pipelines.at(-1))).not.toContain('timezone');
  });
});
