import type { Operation } from '../../operation.ts';
import { idString } from '../../query/argument-values.ts';
import type { CallQuery } from '../../query/call-query.ts';
import type { Principal } from '../../../contract/principal.ts';
import { normalizeTimeZone } from '../../time/time-zone.ts';
import { normalizeAnalyticsFilters, type AnalyticsFiltersArgs } from './analytics-filters.ts';
import { normalizePage, pageRows } from '../../query/page.ts';
import { QUERY_TYPE_PRESETS } from './query-type-presets.ts';
import type { AnalyticsQueryType, Granularity } from './query-types.ts';
import type { AnalyticsRow } from './rows.ts';

/** `AnalyticsQueryInput` of DESIGN 5.2; null and absent take the documented defaults. */
export interface AnalyticsQueryInput {
  queryType: AnalyticsQueryType;
  filters?: AnalyticsFiltersArgs | null;
  /** @default 'DAY' */
  granularity?: Granularity | null;
  /** @default 'UTC' */
  timezone?: string | null;
  /** @default 1 */
  page?: number | null;
  /** @default 50 */
  pageSize?: number | null;
}

/** `AnalyticsResult`: one page of rows and the number of rows before paging. */
export interface AnalyticsResult {
  queryType: AnalyticsQueryType;
  data: AnalyticsRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** The planned request: the query to compile and how to turn its rows into the result. */
export interface AnalyticsQueryPlan {
  query: CallQuery;
  shape(rows: readonly Record<string, unknown>[]): AnalyticsResult;
}

/** Path of the input object, the prefix of every argument an error names. */
const INPUT = 'input';

/**
 * `analyticsQuery` over the query core: validates the whole input first (paging, zone,
 * filters, then what the query type itself needs, such as the bucket count), then builds one
 * `CallQuery` from the shared scope and filters plus the query type's preset. Shaping fills,
 * orders and rounds the rows and then applies the page, so `total` always counts the rows
 * before paging, whatever the type.
 */
export function analyticsQuery(options: {
  principal: Principal;
  input: AnalyticsQueryInput;
  now: Date;
  funnelStages: readonly string[];
}): AnalyticsQueryPlan {
  const { principal, input, now, funnelStages } = options;
  const page = normalizePage({
    page: { value: input.page ?? 1, argument: `${INPUT}.page` },
    size: { value: input.pageSize ?? 50, argument: `${INPUT}.pageSize` },
  });
  const zone = normalizeTimeZone(input.timezone ?? 'UTC', `${INPUT}.timezone`);
  const { range, where } = normalizeAnalyticsFilters({ filters: input.filters, now, argument: `${INPUT}.filters` });
  const plan = QUERY_TYPE_PRESETS[input.queryType]({ zone, range, granularity: input.granularity ?? 'DAY', funnelStages });

  return {
    query: {
      principal,
      range,
      ...plan.query,
      where: [...where, ...(plan.query.where ?? [])],
    },
    shape: (rows) => ({ queryType: input.queryType, ...('shapePage' in plan ? plan.shapePage(rows, page) : pageRows(plan.shape(rows), page)), ...page }),
  };
}

/** `analyticsQuery(input)` as a client sends it: the IDs of the filters may be numbers. */
export interface AnalyticsQueryArgs {
  input: Omit<AnalyticsQueryInput, 'filters'> & {
    filters?:
      | (Omit<AnalyticsFiltersArgs, 'templateId' | 'merchantId' | 'resellerId'> & {
          templateId?: string | number | null;
          merchantId?: string | number | null;
          resellerId?: string | number | null;
        })
      | null;
  };
}

/** Lead-push analytics (DESIGN 5.2): one of the query types over one filter set, paged. */
export const ANALYTICS_QUERY: Operation<AnalyticsQueryArgs, AnalyticsResult> = {
  name: 'analyticsQuery',
  plan: ({ input }, env) => {
    const filters = input.filters
      ? {
          ...input.filters,
          templateId: idString(input.filters.templateId),
          merchantId: idString(input.filters.merchantId),
          resellerId: idString(input.filters.resellerId),
        }
      : null;
    return analyticsQuery({ principal: env.principal, input: { ...input, filters }, now: env.now, funnelStages: env.config.funnelStages });
  },
};
