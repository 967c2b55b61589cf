/**
 * Every pipeline shape a client can cause, family by family and option by option, compiled
 * with the families' own code: the input of the plan checker (test/store/plan-checker.test.ts)
 * and of the no-set check (test/analytics/no-sets.test.ts). A new family or option that
 * changes a pipeline's shape belongs here.
 */
import { DEFAULT_FUNNEL_STAGES } from '../../src/contract/call-document.ts';
import type { Principal } from '../../src/contract/principal.ts';
import type { Pipeline } from '../../src/contract/pipeline.ts';
import { analyticsQuery } from '../../src/analytics/families/analytics-query/analytics-query.ts';
import { ANALYTICS_QUERY_TYPES, GRANULARITIES } from '../../src/analytics/families/analytics-query/query-types.ts';
import { CALL_CONNECTION } from '../../src/analytics/families/dialer/call-connection.ts';
import { CALL_SORT_FIELDS, CALL_SORT_KEYS, callListQuery } from '../../src/analytics/families/dialer/call-list.ts';
import { encodeCursor } from '../../src/analytics/query/keyset.ts';
import { CALL_RECORD_FIELDS } from '../../src/analytics/families/dialer/call-record.ts';
import { callStatsQuery } from '../../src/analytics/families/dialer/call-stats.ts';
import { entityAnalyticsQuery, type EntityKind } from '../../src/analytics/families/entity-analytics.ts';
import { groupedCallsQuery } from '../../src/analytics/families/grouped-calls.ts';
import { phoneNumberQuery } from '../../src/analytics/families/phone-numbers.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { CallDimension } from '../../src/analytics/registry/dimensions.ts';
import type { MetricName } from '../../src/analytics/registry/metrics.ts';

export const SHAPES_NOW = new Date('2024-11-10T12:00:00.000Z');
const now = SHAPES_NOW;

export const ACCOUNT: Principal = { tenantId: 't1', userEmail: 'owner@t1.example', role: 'user' };
export const USER_BOUND: Principal = { tenantId: 't1', userId: 'u1', userEmail: 'owner@t1.example', role: 'user' };
export const ADMIN: Principal = { tenantId: 'ops', userEmail: 'ops@dialgraph.example', role: 'super_admin' };

/** What a shape is, for the test's name and for what the checker must find. */
export interface PipelineShape {
  name: string;
  /** `page`: the calls list's page, whose sort must come from the index. `count`: the list's count. */
  kind: 'page' | 'count' | 'choices' | 'analytics';
  pipeline: Pipeline;
}

export function pipelineShapes(): PipelineShape[] {
  const shapes: PipelineShape[] = [];
  const add = (name: string, kind: PipelineShape['kind'], pipeline: Pipeline) => shapes.push({ name, kind, pipeline });
  const principals = [
    ['account', ACCOUNT],
    ['user-bound', USER_BOUND],
  ] as const;

  const range = { startDate: new Date('2024-10-01T00:00:00Z'), endDate: new Date('2024-10-31T23:59:59Z') };
  for (const [who, principal] of principals) {
    add(`callsByPhoneNumber (${who})`, 'analytics', compileCallQuery(phoneNumberQuery({ principal, args: range, now, allTenants: false })));
    add(`callsByPhoneNumber assistantId (${who})`, 'analytics', compileCallQuery(phoneNumberQuery({ principal, args: { ...range, assistantId: 'a1' }, now, allTenants: false })));
  }
  add('adminCallsByPhoneNumber', 'analytics', compileCallQuery(phoneNumberQuery({ principal: ADMIN, args: range, now, allTenants: true })));
  add('adminCallsByPhoneNumber userEmail', 'analytics', compileCallQuery(phoneNumberQuery({ principal: ADMIN, args: { ...range, userEmail: 'Owner@T1.example' }, now, allTenants: true })));

  for (const [who, principal] of principals) {
    for (const queryType of ANALYTICS_QUERY_TYPES) {
      for (const granularity of queryType.endsWith('_OVER_TIME') ? GRANULARITIES : (['DAY'] as const)) {
        for (const filters of [null, { templateId: 'tpl', minDuration: 10, payloadFilters: { k: 'v' } }]) {
          const { query } = analyticsQuery({ principal, input: { queryType, granularity, timezone: 'America/New_York', filters }, now, funnelStages: DEFAULT_FUNNEL_STAGES });
          add(`analyticsQuery ${queryType} ${granularity}${filters ? ' filtered' : ''} (${who})`, 'analytics', compileCallQuery(query));
        }
      }
    }
  }

  const groupings: CallDimension[][] = [[], ['SOURCE'], ['DATE', 'SOURCE'], ['HOUR_OF_DAY', 'DAY_OF_WEEK', 'MONTH']];
  const metricSets: MetricName[][] = [['count'], ['count', 'avgDuration', 'uniqueCallers']];
  for (const [who, principal] of principals) {
    for (const groupBy of groupings) {
      for (const rows of metricSets) {
        for (const totals of [null, rows]) {
          const { query } = groupedCallsQuery({
            principal,
            now,
            args: { groupBy, sortBy: 'COUNT', sortOrder: 'DESC', limit: 100, timezone: 'Europe/Berlin', filter: { startDate: '2024-10-01', status: 'COMPLETED' } },
            selection: { rows: new Set(rows), totals: totals && new Set(totals) },
          });
          add(`groupedCalls [${groupBy.join(', ')}] ${rows.join('+')}${totals ? ' with totals' : ''} (${who})`, 'analytics', compileCallQuery(query));
        }
      }
    }
  }

  // groupedCalls compare (both periods: one touching range, or an $or inside the hull), HAVING, fillGaps.
  const reports = [
    ['compare PREVIOUS_PERIOD', { groupBy: ['DATE', 'SOURCE'], compare: 'PREVIOUS_PERIOD' }],
    ['compare PREVIOUS_YEAR', { groupBy: ['WEEK'], compare: 'PREVIOUS_YEAR' }],
    ['having', { groupBy: ['SOURCE'], having: [{ metric: 'AVG_DURATION', op: 'GT', value: 30 }, { metric: 'COUNT', op: 'NE', value: 1 }] }],
    ['fillGaps', { groupBy: ['HOUR', 'STATUS'], fillGaps: true, having: [{ metric: 'COUNT', op: 'LT', value: 3 }] }],
    ['compare + fillGaps', { groupBy: ['MONTH'], compare: 'PREVIOUS_YEAR', fillGaps: true }],
  ] as const;
  for (const [who, principal] of principals) {
    for (const [name, args] of reports) {
      for (const rows of metricSets) {
        const { query } = groupedCallsQuery({
          principal,
          now,
          args: { sortBy: 'COUNT', sortOrder: 'DESC', limit: 100, timezone: 'America/New_York', filter: { startDate: '2024-10-01', endDate: '2024-10-31' }, ...args },
          selection: { rows: new Set(rows), totals: new Set(rows), previous: { rows: new Set(rows), totals: new Set(rows) }, change: { rows: new Set(rows), totals: null } },
        });
        add(`groupedCalls ${name} ${rows.join('+')} (${who})`, 'analytics', compileCallQuery(query));
      }
    }
  }

  const days = { dayFrom: '2024-10-01', dayTo: '2024-10-31' };
  const searches = [
    ['default search', days],
    ['filtered search', { ...days, types: ['INBOUND' as const], states: ['ANSWERED' as const], tags: ['hot'], searchString: 'solar', talkTimeFrom: 5 }],
    ['transfers shown', { ...days, showTransfers: true }],
  ] as const;
  for (const [who, principal] of principals) {
    for (const [searchName, search] of searches) {
      for (const sortBy of CALL_SORT_FIELDS) {
        for (const sortDirection of ['ASC', 'DESC'] as const) {
          for (const bounds of [false, true]) {
            const { queries } = callListQuery({
              principal,
              now,
              args: { search, page: 3, itemsPerPage: 50, sortBy, sortDirection },
              vocabulary: new Set(['tags', 'outcomes', 'projects'] as const),
              fields: CALL_RECORD_FIELDS,
              bounds,
            });
            const label = `${searchName}, ${sortBy} ${sortDirection}${bounds ? ', bounds' : ''} (${who})`;
            if (!bounds) add(`calls page: ${label}`, 'page', compileCallQuery(queries.page));
            if (sortBy === 'TIMESTAMP' && sortDirection === 'DESC') add(`calls count: ${label}`, 'count', compileCallQuery(queries.count));
            if (queries.choices && sortBy === 'TIMESTAMP' && sortDirection === 'DESC' && !bounds) add(`calls choices: ${label}`, 'choices', compileCallQuery(queries.choices));
          }
        }
      }
      // Keyset pages (callsConnection): the list's page with the seek past a cursor, no $skip.
      for (const sortBy of CALL_SORT_FIELDS) {
        for (const sortDirection of ['ASC', 'DESC'] as const) {
          for (const nullKey of sortBy === 'TIMESTAMP' ? [false] : [true, false]) {
            for (const backwards of [false, true]) {
              const keys = CALL_SORT_KEYS[sortBy];
              const values = keys.map((field) => (field === 'started_at' ? new Date('2024-10-15T10:00:00Z') : field === '_id' ? 'plan-00042' : nullKey ? null : 120));
              const binding = { sort: `calls:${sortBy}:${sortDirection}`, tenantId: principal.tenantId, userId: principal.userId };
              const cursor = encodeCursor(values, binding);
              const plan = CALL_CONNECTION.plan(
                { search, sortBy, sortDirection, ...(backwards ? { last: 50, before: cursor } : { first: 50, after: cursor }), fields: ['id'], totalCount: false },
                { principal, now, config: { funnelStages: DEFAULT_FUNNEL_STAGES } },
              );
              if (!('queries' in plan) || !plan.queries.page) throw new Error('callsConnection plans a page query');
              const label = `${searchName}, ${sortBy} ${sortDirection}${nullKey ? ' after a null key' : ''}${backwards ? ', backwards' : ''} (${who})`;
              add(`callsConnection page: ${label}`, 'page', compileCallQuery(plan.queries.page));
            }
          }
        }
      }
      add(`callStats ${searchName} (${who})`, 'analytics', compileCallQuery(callStatsQuery({ principal, search, now }).query));
      add(`callStats ${searchName} per DAY (${who})`, 'analytics', compileCallQuery(callStatsQuery({ principal, search, now, dateInterval: 'DAY' }).query));
    }
  }

  for (const entity of ['ASSISTANT', 'PHONE_NUMBER'] as EntityKind[]) {
    for (const [who, principal] of principals) {
      add(`entity ${entity} (${who})`, 'analytics', compileCallQuery(entityAnalyticsQuery({ principal, entity, keys: ['k2', 'k1'], args: {}, now })));
    }
  }
  return shapes;
}
