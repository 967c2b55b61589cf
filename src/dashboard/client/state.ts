import type { CallDimension, Granularity, GroupedSortKey, SortOrder } from '../generated/graphql.ts';
import { isMetricName, type MetricName } from './metrics.ts';
import { DIMENSIONS } from './dimensions.ts';

/**
 * Everything a view shows, read from and written to the page's URL so a view can be shared
 * (the API key never goes into the URL: a shared link must not carry a credential).
 */
export interface DashboardState {
  /** First and last local day (YYYY-MM-DD), inclusive, in `timezone`. */
  from: string;
  to: string;
  timezone: string;
  /** Calls shorter than this many seconds are left out of the charts and the table. */
  minDuration: number | null;
  granularity: Granularity;
  groupBy: CallDimension[];
  metrics: MetricName[];
  sortBy: GroupedSortKey;
  sortOrder: SortOrder;
  log: CallLogState;
}

export interface CallLogState {
  page: number;
  search: string;
  types: string[];
  states: string[];
}

const GRANULARITIES: readonly Granularity[] = ['HOUR', 'DAY', 'WEEK', 'MONTH'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today's local date in `timeZone`, as YYYY-MM-DD. */
export function localToday(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `day` moved by `days` calendar days (pure calendar arithmetic in UTC). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The view a URL describes; anything missing or malformed falls back to the default view. */
export function readState(search: string, now = new Date()): DashboardState {
  const params = new URLSearchParams(search);
  const timezone = validTimeZone(params.get('tz')) ?? 'UTC';
  const to = dayParam(params.get('to')) ?? localToday(timezone, now);
  const from = dayParam(params.get('from')) ?? addDays(to, -29);
  const granularity = GRANULARITIES.find((g) => g === params.get('granularity')) ?? 'DAY';
  const groupBy = listParam(params.get('groupBy')).filter((d): d is CallDimension => (DIMENSIONS as readonly string[]).includes(d)).slice(0, 3);
  const metrics = listParam(params.get('metrics')).filter(isMetricName);
  const minDuration = Number(params.get('minDuration'));
  return {
    from,
    to,
    timezone,
    minDuration: params.get('minDuration') && Number.isInteger(minDuration) && minDuration >= 0 ? minDuration : null,
    granularity,
    groupBy: groupBy.length ? groupBy : ['SOURCE'],
    metrics: metrics.length ? metrics : ['count', 'avgDuration', 'qualifiedPct'],
    sortBy: (params.get('sortBy') as GroupedSortKey | null) ?? 'COUNT',
    sortOrder: params.get('sortOrder') === 'ASC' ? 'ASC' : 'DESC',
    log: {
      page: Math.max(1, Number.parseInt(params.get('logPage') ?? '1', 10) || 1),
      search: params.get('logSearch') ?? '',
      types: listParam(params.get('logTypes')),
      states: listParam(params.get('logStates')),
    },
  };
}

/** The query string of a view (defaults included, so a shared link shows the same days). */
export function writeState(state: DashboardState): string {
  const params = new URLSearchParams({
    from: state.from,
    to: state.to,
    tz: state.timezone,
    granularity: state.granularity,
    groupBy: state.groupBy.join(','),
    metrics: state.metrics.join(','),
    sortBy: state.sortBy,
    sortOrder: state.sortOrder,
  });
  if (state.minDuration !== null) params.set('minDuration', String(state.minDuration));
  if (state.log.page > 1) params.set('logPage', String(state.log.page));
  if (state.log.search) params.set('logSearch', state.log.search);
  if (state.log.types.length) params.set('logTypes', state.log.types.join(','));
  if (state.log.states.length) params.set('logStates', state.log.states.join(','));
  return `?${params}`;
}

function dayParam(value: string | null): string | null {
  return value && DAY.test(value) ? value : null;
}

function listParam(value: string | null): string[] {
  return value ? value.split(',').map((v) => v.trim()).filter(Boolean) : [];
}

function validTimeZone(value: string | null): string | null {
  if (!value) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    return null;
  }
}
