import type { Operation } from '../operation.ts';
import type { SortKey } from '../query/call-query.ts';
import { readFacets } from '../query/compile-call-query.ts';
import { decodeCursor, encodeCursor, seekCondition, type CursorBinding, type SeekKey } from '../query/keyset.ts';
import { DIMENSIONS, type CallDimension } from '../registry/dimensions.ts';
import { SORT_DIRECTION, type SortOrder } from '../registry/enums.ts';
import { METRICS, type MetricName } from '../registry/metrics.ts';
import { GROUPED_SORT_KEYS } from '../registry/sort-keys.ts';
import { normalizeConnectionPage, shapeConnection, type Connection, type ConnectionArgs } from './dialer/call-connection.ts';
import { groupedCallsQuery, normalizeCallFilter, shapeGroupedCalls, type CallFilterInput, type CallGroupRow } from './grouped-calls.ts';
import type { MetricConditionInput } from '../query/having.ts';

/** `groupedCallsConnection(…)` arguments as a client sends them. */
export interface GroupedConnectionInput extends ConnectionArgs {
  groupBy?: readonly CallDimension[] | null;
  filter?: CallFilterInput | null;
  /** @default 'COUNT' */
  sortBy?: string | null;
  /** @default 'DESC' */
  sortOrder?: SortOrder | null;
  /** @default 'UTC' */
  timezone?: string | null;
  having?: readonly MetricConditionInput[] | null;
  /** The metrics the nodes select. */
  select?: readonly MetricName[] | null;
  /** Whether `totalCount` is asked. @default true */
  totalCount?: boolean | null;
}

const readPath = (row: Record<string, unknown>, path: string): unknown => {
  let value: unknown = row;
  for (const part of path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value ?? null;
};

const isKeyValue = (value: unknown) =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || value instanceof Date;

/**
 * `groupedCallsConnection`: the rows of `groupedCalls` as a Relay connection. The page is the
 * grouped query with the seek past the cursor as a filter on the grouped rows (after HAVING,
 * before sort and limit, unseen by the count), sorted by the sort key and then every grouped
 * dimension, all in the page's direction; the cursor holds the row's exact (unrounded) sort
 * value and its dimension values.
 */
export const GROUPED_CONNECTION: Operation<GroupedConnectionInput, Connection<CallGroupRow>> = {
  name: 'groupedCallsConnection',
  plan: (input, env) => {
    const page = normalizeConnectionPage(input);
    const groupBy = input.groupBy ?? [];
    const sortBy = input.sortBy ?? 'COUNT';
    const sortOrder = input.sortOrder ?? 'DESC';
    const filter = normalizeCallFilter(input.filter);
    const { query, plan } = groupedCallsQuery({
      principal: env.principal,
      now: env.now,
      args: { groupBy, sortBy, sortOrder, limit: page.size, timezone: input.timezone ?? 'UTC', having: input.having ?? null, filter },
      selection: { rows: new Set(input.select ?? []), totals: null },
    });
    const direction = (SORT_DIRECTION[sortOrder] * (page.backwards ? -1 : 1)) as 1 | -1;
    // The sort key, then every grouped dimension (the tie-break).
    const target = GROUPED_SORT_KEYS[sortBy];
    const primary = 'dimension' in target ? `_id.${DIMENSIONS[target.dimension].field}` : metricSortField(target.metric);
    const fields = [primary, ...plan.dimensions.map((d) => `_id.${DIMENSIONS[d].field}`).filter((f) => f !== primary)];
    const binding: CursorBinding = {
      sort: `groupedCalls:${[...groupBy].join(',')}:${sortBy}:${sortOrder}:${input.timezone ?? 'UTC'}`,
      tenantId: env.principal.tenantId,
      userId: env.principal.userId,
    };
    // As groupedCalls sorts: the sort key in its order, the dimensions ascending (all turned around backwards).
    const tieBreak: 1 | -1 = page.backwards ? -1 : 1;
    const keys: SeekKey[] = fields.map((field, i) => ({ field, nullable: true, direction: i === 0 ? direction : tieBreak }));
    const after = page.cursor
      ? decodeCursor({ cursor: page.cursor.value, argument: page.cursor.argument, binding, accepts: fields.map(() => isKeyValue) })
      : null;
    const primarySort: SortKey = { by: 'dimension' in target ? `$${primary}` : METRICS[target.metric].sortValue, direction };
    Object.assign(query, {
      sort: [primarySort, ...fields.slice(1).map((field): SortKey => ({ by: `$${field}`, direction: tieBreak }))],
      limit: page.size + 1,
      ...(after ? { seek: seekCondition(keys, after, direction) } : {}),
    });
    if (input.totalCount === false && query.facets) delete query.facets.count;
    return {
      query,
      shape: (rows: Record<string, unknown>[]) => {
        const raw = readFacets<Record<string, unknown>>(rows).rows;
        const result = shapeGroupedCalls(rows, plan);
        const cursors = new Map(result.rows.map((row, i) => [row, encodeCursor(fields.map((field) => readPath(raw[i], field)), binding)]));
        return shapeConnection({ rows: result.rows, page, totalCount: result.count, cursorOf: (row) => cursors.get(row)! });
      },
    };
  },
};

/** The row field a metric sorts on: its partial, or the `sortValue` the compiler derives. */
function metricSortField(metric: MetricName): string {
  const value: unknown = METRICS[metric].sortValue;
  return typeof value === 'string' && value.startsWith('$') ? value.slice(1) : 'sortValue';
}
