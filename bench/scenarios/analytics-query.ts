import { analyticsQuery, type AnalyticsQueryInput } from '../../src/analytics/families/analytics-query/analytics-query.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { BenchContext, BenchScenario } from '../scenario.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const KOLKATA_OFFSET = 5.5 * HOUR;

function compileAnalytics(c: BenchContext, input: AnalyticsQueryInput) {
  return [compileCallQuery(analyticsQuery({ principal: c.tenant, input, now: c.now, funnelStages: c.config.funnelStages }).query)];
}

/** The tenant's calls in [now − days, now]. */
function* recent(c: BenchContext, days: number) {
  const to = c.now.getTime();
  const from = to - days * DAY;
  for (const call of c.calls) {
    if (call.tenant_id !== c.tenant.tenantId) continue;
    const t = call.started_at.getTime();
    if (t >= from && t <= to) yield call;
  }
}

const ninetyDaysBack = (c: BenchContext) => new Date(c.now.getTime() - 90 * DAY);

export const analyticsQueryScenarios: BenchScenario[] = [
  {
    name: 'analyticsQuery CALLS_OVER_TIME hour 90 d Kolkata',
    as: 'tenant',
    query: (c) =>
      `{ analyticsQuery(input: { queryType: CALLS_OVER_TIME, granularity: HOUR, timezone: "Asia/Kolkata", pageSize: 1000, filters: { dateFrom: "${ninetyDaysBack(c).toISOString()}" } }) { total data { ... on TimeSeriesPoint { date bucketStart count } } } }`,
    pipelines: (c) =>
      compileAnalytics(c, { queryType: 'CALLS_OVER_TIME', granularity: 'HOUR', timezone: 'Asia/Kolkata', pageSize: 1000, filters: { dateFrom: ninetyDaysBack(c) } }),
    floor: (c) => {
      // Kolkata has had no offset change since 1945: one fixed offset is the honest floor.
      const counts = new Map<number, number>();
      for (const call of recent(c, 90)) {
        const hour = Math.floor((call.started_at.getTime() + KOLKATA_OFFSET) / HOUR);
        counts.set(hour, (counts.get(hour) ?? 0) + 1);
      }
      return counts;
    },
  },
  {
    name: 'analyticsQuery HOURLY_HEATMAP 30 d',
    as: 'tenant',
    query: '{ analyticsQuery(input: { queryType: HOURLY_HEATMAP, pageSize: 200 }) { total data { ... on HeatmapCell { dayOfWeek hour count } } } }',
    pipelines: (c) => compileAnalytics(c, { queryType: 'HOURLY_HEATMAP', pageSize: 200 }),
    floor: (c) => {
      const cells = new Int32Array(168);
      for (const call of recent(c, 30)) {
        const t = call.started_at.getTime();
        cells[((Math.floor(t / DAY) + 4) % 7) * 24 + (Math.floor(t / HOUR) % 24)] += 1;
      }
      return cells;
    },
  },
  {
    name: 'analyticsQuery CONVERSION_FUNNEL 30 d',
    as: 'tenant',
    query: '{ analyticsQuery(input: { queryType: CONVERSION_FUNNEL }) { data { ... on FunnelStage { stage leads conversionRate } } } }',
    pipelines: (c) => compileAnalytics(c, { queryType: 'CONVERSION_FUNNEL' }),
    floor: (c) => {
      const rank = new Map(c.config.funnelStages.map((stage, i) => [stage, i]));
      const furthest = new Map<string, number>();
      for (const call of recent(c, 30)) {
        if (!call.lead_id || call.lead_status == null) continue;
        const r = rank.get(call.lead_status);
        if (r === undefined) continue;
        if ((furthest.get(call.lead_id) ?? -1) < r) furthest.set(call.lead_id, r);
      }
      const atOrBeyond = new Array<number>(c.config.funnelStages.length).fill(0);
      for (const r of furthest.values()) for (let i = 0; i <= r; i += 1) atOrBeyond[i] += 1;
      return atOrBeyond;
    },
  },
];
