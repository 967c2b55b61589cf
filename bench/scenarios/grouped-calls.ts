import { groupedCallsQuery, type GroupedCallsArgs } from '../../src/analytics/families/grouped-calls.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import { normalizeDayRange } from '../../src/analytics/query/day-range.ts';
import type { MetricName } from '../../src/analytics/registry/metrics.ts';
import { addDays, localDate, offsetSegments } from '../../src/analytics/time/time-zone.ts';
import type { BenchContext, BenchScenario } from '../scenario.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

function compileGrouped(c: BenchContext, args: Partial<GroupedCallsArgs>, rows: MetricName[], totals: MetricName[] | null = null) {
  const full: GroupedCallsArgs = { groupBy: [], sortBy: 'COUNT', sortOrder: 'DESC', limit: 100, timezone: 'UTC', ...args };
  const both = { rows: new Set(rows), totals: totals && new Set(totals) };
  const selection = { ...both, ...(args.compare ? { previous: both, change: both } : {}) };
  const { query } = groupedCallsQuery({ principal: c.tenant, now: c.now, args: full, selection });
  return compileCallQuery(query);
}

const COMPARED = ['count', 'avgDuration', 'uniqueCallers'] as const;
const comparedFields = `${COMPARED.join(' ')}`;

/** The floor of the compare rows: per source, the three metrics over one range of local days. */
function sourcesOver(c: BenchContext, from: Date, to: Date) {
  const groups = new Map<string | null, { n: number; dur: number; callers: Set<string> }>();
  for (const call of tenantCallsIn(c, from, to)) {
    const key = call.source ?? null;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { n: 0, dur: 0, callers: new Set() }));
    g.n += 1;
    if (typeof call.duration_sec === 'number') g.dur += call.duration_sec;
    if (call.from_number != null) g.callers.add(call.from_number);
  }
  return groups;
}

/** The instant range a request's local days cover, for the floors. */
function range(c: BenchContext, zone: string, days: number) {
  const endDay = localDate(zone, c.now);
  return normalizeDayRange({ startDay: addDays(endDay, -(days - 1)), endDay, zone, now: c.now, startArgument: 's', endArgument: 'e' });
}

function* tenantCallsIn(c: BenchContext, from: Date, to: Date) {
  const lo = from.getTime();
  const hi = to.getTime();
  for (const call of c.calls) {
    if (call.tenant_id !== c.tenant.tenantId) continue;
    const t = call.started_at.getTime();
    if (t >= lo && t <= hi) yield call;
  }
}

const SIX = ['count', 'avgDuration', 'qualifiedPct', 'avgAiScore', 'uniqueCallers', 'totalValueCents'] as const;

const PLAIN = ['count', 'avgDuration', 'totalDuration'] as const;
const PERCENTILES = ['p50Duration', 'p90Duration', 'p95Duration', 'p99Duration'] as const;

/** The same grouped query without and with the four duration percentiles (issue 20: at most 1.5×). */
function percentileScenario(withPercentiles: boolean): BenchScenario {
  const metrics: MetricName[] = withPercentiles ? [...PLAIN, ...PERCENTILES] : [...PLAIN];
  return {
    name: `groupedCalls [SOURCE, STATUS] 90 d ${withPercentiles ? '+ p50/p90/p95/p99' : 'without percentiles'}`,
    as: 'tenant',
    query: (c) =>
      `{ groupedCalls(groupBy: [SOURCE, STATUS], filter: { startDate: "${addDays(localDate('UTC', c.now), -89)}" }, limit: 1000) { count rows { source status ${metrics.join(' ')} } } }`,
    pipelines: (c) => [compileGrouped(c, { groupBy: ['SOURCE', 'STATUS'], limit: 1000, filter: { startDate: addDays(localDate('UTC', c.now), -89) } }, metrics)],
    floor: (c) => {
      const { from, to } = range(c, 'UTC', 90);
      const groups = new Map<string, number[]>();
      for (const call of tenantCallsIn(c, from, to)) {
        const key = `${call.source ?? ''}|${call.status}`;
        let durations = groups.get(key);
        if (!durations) groups.set(key, (durations = []));
        durations.push(call.duration_sec ?? 0);
      }
      if (!withPercentiles) return groups.size;
      const picks: number[] = [];
      for (const durations of groups.values()) {
        const sorted = Float64Array.from(durations).sort();
        for (const p of [50, 90, 95, 99]) picks.push(sorted[Math.ceil((p / 100) * sorted.length) - 1]);
      }
      return picks;
    },
  };
}

export const groupedCallsScenarios: BenchScenario[] = [
  percentileScenario(false),
  percentileScenario(true),
  {
    name: 'groupedCalls [DATE, SOURCE] 90 d',
    as: 'tenant',
    query: (c) =>
      `{ groupedCalls(groupBy: [DATE, SOURCE], filter: { startDate: "${addDays(localDate('UTC', c.now), -89)}" }, limit: 1000) { count rows { date source count } } }`,
    pipelines: (c) => [compileGrouped(c, { groupBy: ['DATE', 'SOURCE'], limit: 1000, filter: { startDate: addDays(localDate('UTC', c.now), -89) } }, ['count'])],
    floor: (c) => {
      const { from, to } = range(c, 'UTC', 90);
      const groups = new Map<string, number>();
      for (const call of tenantCallsIn(c, from, to)) {
        const key = `${Math.floor(call.started_at.getTime() / DAY)}|${call.source ?? ''}`;
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
      return groups;
    },
  },
  {
    name: 'groupedCalls [HOUR_OF_DAY, DAY_OF_WEEK] New York',
    as: 'tenant',
    query: '{ groupedCalls(groupBy: [HOUR_OF_DAY, DAY_OF_WEEK], timezone: "America/New_York", limit: 168) { rows { hourOfDay dayOfWeek count } } }',
    pipelines: (c) => [compileGrouped(c, { groupBy: ['HOUR_OF_DAY', 'DAY_OF_WEEK'], timezone: 'America/New_York', limit: 168 }, ['count'])],
    floor: (c) => {
      const { from, to } = range(c, 'America/New_York', 30);
      const segments = offsetSegments('America/New_York', from, to);
      const cells = new Int32Array(168);
      for (const call of tenantCallsIn(c, from, to)) {
        const t = call.started_at.getTime();
        let offset = segments[0].offsetMs;
        for (const segment of segments) if (t >= segment.start.getTime()) offset = segment.offsetMs;
        const local = t + offset;
        cells[((Math.floor(local / DAY) + 4) % 7) * 24 + (Math.floor(local / HOUR) % 24)] += 1;
      }
      return cells;
    },
  },
  {
    name: 'groupedCalls [UTM_CAMPAIGN] six metrics',
    as: 'tenant',
    query: `{ groupedCalls(groupBy: [UTM_CAMPAIGN]) { rows { utmCampaign ${SIX.join(' ')} } } }`,
    pipelines: (c) => [compileGrouped(c, { groupBy: ['UTM_CAMPAIGN'] }, [...SIX])],
    floor: (c) => {
      const { from, to } = range(c, 'UTC', 30);
      const groups = new Map<string | null, { n: number; dur: number; q: number; ai: number; aiN: number; callers: Set<string>; value: number }>();
      for (const call of tenantCallsIn(c, from, to)) {
        const key = call.utm_campaign ?? null;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { n: 0, dur: 0, q: 0, ai: 0, aiN: 0, callers: new Set(), value: 0 }));
        g.n += 1;
        if (typeof call.duration_sec === 'number') g.dur += call.duration_sec;
        if (call.qualified === true) g.q += 1;
        if (typeof call.ai_score === 'number') {
          g.ai += call.ai_score;
          g.aiN += 1;
        }
        if (call.from_number != null) g.callers.add(call.from_number);
        if (typeof call.value_cents === 'number') g.value += call.value_cents;
      }
      return groups;
    },
  },
  // compare vs no compare: the same report over the same 30 days, then with the 30 days before.
  {
    name: 'groupedCalls [SOURCE] 30 d, no compare',
    as: 'tenant',
    query: `{ groupedCalls(groupBy: [SOURCE]) { rows { source ${comparedFields} } totals { ${comparedFields} } } }`,
    pipelines: (c) => [compileGrouped(c, { groupBy: ['SOURCE'] }, [...COMPARED], [...COMPARED])],
    floor: (c) => {
      const { from, to } = range(c, 'UTC', 30);
      return sourcesOver(c, from, to);
    },
  },
  {
    name: 'groupedCalls [SOURCE] 30 d, compare PREVIOUS_PERIOD',
    as: 'tenant',
    query: `{ groupedCalls(groupBy: [SOURCE], compare: PREVIOUS_PERIOD) {
      rows { source ${comparedFields} previous { ${comparedFields} } change { count { percent } avgDuration { percent } uniqueCallers { percent } } }
      totals { ${comparedFields} previous { ${comparedFields} } change { count { percent } } } } }`,
    pipelines: (c) => [compileGrouped(c, { groupBy: ['SOURCE'], compare: 'PREVIOUS_PERIOD' }, [...COMPARED], [...COMPARED])],
    floor: (c) => {
      const { from, to } = range(c, 'UTC', 60);
      const middle = new Date(from.getTime() + 30 * DAY);
      return [sourcesOver(c, from, new Date(middle.getTime() - 1)), sourcesOver(c, middle, to)];
    },
  },
];
