import type { CallQuery } from '../../query/call-query.ts';
import type { CallField } from '../../query/conditions.ts';
import type { Expression } from '../../query/expression.ts';
import type { TimeRange } from '../../query/scope.ts';
import type { Page } from '../../query/page.ts';
import type { Granularity } from './query-types.ts';
import type { AnalyticsRow } from './rows.ts';

/** What every preset may read: the request, already validated and normalized. */
export interface PresetContext {
  /** Canonical IANA zone of the request. */
  zone: string;
  granularity: Granularity;
  /** The inclusive `started_at` range the scope applies. */
  range: TimeRange;
  /** Configured funnel stages, lowest first. */
  funnelStages: readonly string[];
}

/**
 * The part of the `CallQuery` a query type decides. Scope, range and the shared filters are
 * added by `analyticsQuery`, so a preset cannot forget (or widen) the tenant scope.
 */
export type QueryParts = Pick<CallQuery, 'where' | 'perDocument' | 'groups' | 'derive' | 'sort'>;

/**
 * One query type, planned: its query parts and how to shape the pipeline's rows — either
 * every row (sorted, then paged by `analyticsQuery`), or, for a type that knows its rows
 * before the query runs (the buckets of a series), just the page asked for and the row count.
 */
export type QueryTypePlan = { query: QueryParts } & (
  | { shape(rows: readonly Record<string, unknown>[]): AnalyticsRow[] }
  | { shapePage(rows: readonly Record<string, unknown>[], page: Page): { data: AnalyticsRow[]; total: number } }
);

/** A query type: a preset over the query core plus its own shaping. */
export type QueryTypePreset = (context: PresetContext) => QueryTypePlan;

/** The label of a missing value in distributions and breakdowns. */
export const UNKNOWN = 'UNKNOWN';

/**
 * Group key of a categorical field where missing, null and the empty string all mean
 * "unknown", so they form one group under `UNKNOWN` (as the platform bucket treats an empty
 * platform number). Computed in the pipeline so sorting by the key sorts by the label.
 */
export function keyOrUnknown(field: CallField): Expression {
  return { $cond: [{ $eq: [{ $ifNull: [`$${field}`, ''] }, ''] }, UNKNOWN, `$${field}`] };
}

/** Reads `_id.<part>` of a grouped row. */
export function keyPart(row: Record<string, unknown>, part: string): unknown {
  const id = row._id;
  return id !== null && typeof id === 'object' ? (id as Record<string, unknown>)[part] : undefined;
}
