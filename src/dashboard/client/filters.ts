import type { AnalyticsFilters, CallFilter, CallSearch } from '../generated/graphql.ts';
import type { DashboardState } from './state.ts';
import { localDayEnd, localDayStart } from './zone.ts';

/**
 * The one set of inputs (days, zone, minimum duration) in each family's own spelling, so every
 * panel counts the same calls: analyticsQuery takes instants, groupedCalls and calls take local days.
 */
export function analyticsFilters(state: DashboardState): AnalyticsFilters {
  return {
    dateFrom: localDayStart(state.from, state.timezone).toISOString(),
    dateTo: localDayEnd(state.to, state.timezone).toISOString(),
    ...(state.minDuration !== null ? { minDuration: state.minDuration } : {}),
  };
}

export function groupedFilter(state: DashboardState): CallFilter {
  return { startDate: state.from, endDate: state.to, ...(state.minDuration !== null ? { minDuration: state.minDuration } : {}) };
}

/** The call log's search: the same days and zone plus the log's own filters. */
export function callSearch(state: DashboardState): CallSearch {
  const search: CallSearch = { dayFrom: state.from, dayTo: state.to, timezone: state.timezone };
  if (state.log.search) search.searchString = state.log.search;
  if (state.log.types.length) search.types = state.log.types as CallSearch['types'];
  if (state.log.states.length) search.states = state.log.states as CallSearch['states'];
  return search;
}
