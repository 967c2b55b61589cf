import { authorization, ApiError, request } from '../api.ts';
import { DashboardGroupedCallsDocument, type CallDimension, type DashboardGroupedCallsQueryVariables, type GroupedSortKey } from '../../generated/graphql.ts';
import { DIMENSION_INFO, DIMENSIONS } from '../dimensions.ts';
import { groupedFilter } from '../filters.ts';
import { el, formatNumber } from '../format.ts';
import { METRIC_NAMES, METRICS, type MetricName } from '../metrics.ts';
import type { PanelSpec } from '../panel.ts';
import type { DashboardState } from '../state.ts';

const ROW_LIMIT = 100;

/** Only the picked metrics are selected (each sits under its own @include), so only they are computed. */
function variables(state: DashboardState): DashboardGroupedCallsQueryVariables {
  const picked = new Set(state.metrics);
  const include = Object.fromEntries(METRIC_NAMES.map((m) => [`with${m[0].toUpperCase()}${m.slice(1)}`, picked.has(m)]));
  return {
    groupBy: state.groupBy,
    filter: groupedFilter(state),
    sortBy: validSortKey(state),
    sortOrder: state.sortOrder,
    limit: ROW_LIMIT,
    timezone: state.timezone,
    ...include,
  } as DashboardGroupedCallsQueryVariables;
}

/** A sort by a column no longer shown falls back to the first metric (the API refuses ungrouped dimensions). */
function validSortKey(state: DashboardState): GroupedSortKey {
  const shown = new Set<string>([...state.groupBy, ...state.metrics.map((m) => METRICS[m].sortKey)]);
  return shown.has(state.sortBy) ? state.sortBy : METRICS[state.metrics[0]].sortKey;
}

/**
 * The grouped table: up to three dimensions and any metrics of the schema's enums, sorted by a
 * column header, totals in the footer, and the same view as CSV through the REST route.
 */
export function groupedTablePanel(onChange: (patch: Partial<DashboardState>) => void): PanelSpec {
  return {
    id: 'grouped',
    title: 'Grouped calls',
    async render(body, state) {
      const answer = await request(DashboardGroupedCallsDocument, variables(state));
      const { rows, totals, count } = answer.groupedCalls;
      const sortKey = validSortKey(state);

      const dimensionPickers = [0, 1, 2].map((slot) => {
        const select = el('select', { id: `grouped-dimension-${slot}`, 'data-slot': slot },
          el('option', { value: '' }, slot === 0 ? '(none)' : '(none)'),
          ...DIMENSIONS.map((d) => el('option', { value: d, selected: state.groupBy[slot] === d }, DIMENSION_INFO[d].label)));
        select.addEventListener('change', () => {
          const next = [...state.groupBy];
          next[slot] = select.value as CallDimension;
          onChange({ groupBy: [...new Set(next.filter(Boolean))].slice(0, 3) });
        });
        return el('label', { for: `grouped-dimension-${slot}` }, `Dimension ${slot + 1}`, select);
      });
      const metricBoxes = el('fieldset', { class: 'metric-picker' }, el('legend', {}, 'Metrics'),
        ...METRIC_NAMES.map((metric) => {
          const box = el('input', { type: 'checkbox', id: `metric-${metric}`, value: metric, checked: state.metrics.includes(metric) });
          box.addEventListener('change', () => {
            const next = METRIC_NAMES.filter((m) => (m === metric ? box.checked : state.metrics.includes(m)));
            if (next.length) onChange({ metrics: next });
            else box.checked = true;
          });
          return el('label', { for: `metric-${metric}`, class: 'check' }, box, METRICS[metric].label);
        }));
      const download = el('button', { type: 'button', class: 'secondary' }, 'Download CSV');
      const downloadStatus = el('span', { class: 'download-status', role: 'status' });
      download.addEventListener('click', () => {
        downloadStatus.textContent = 'Preparing…';
        downloadCsv(state).then(
          () => (downloadStatus.textContent = ''),
          (error: Error) => (downloadStatus.textContent = `CSV failed: ${error.message}`),
        );
      });

      const header = (key: GroupedSortKey, label: string) => {
        const sorted = key === sortKey;
        const button = el('button', { type: 'button', class: 'sort', 'data-sort': key }, label, sorted ? (state.sortOrder === 'DESC' ? ' ▼' : ' ▲') : '');
        button.addEventListener('click', () => onChange({ sortBy: key, sortOrder: sorted && state.sortOrder === 'DESC' ? 'ASC' : 'DESC' }));
        return el('th', { scope: 'col', 'aria-sort': sorted ? (state.sortOrder === 'DESC' ? 'descending' : 'ascending') : undefined }, button);
      };
      const table = el('table', { class: 'data', 'data-count': count },
        el('caption', {}, `${formatNumber(count)} groups${count > rows.length ? `, first ${rows.length} shown` : ''}`),
        el('thead', {}, el('tr', {},
          ...state.groupBy.map((d) => header(d, DIMENSION_INFO[d].label)),
          ...state.metrics.map((m) => header(METRICS[m].sortKey, METRICS[m].label)))),
        el('tbody', {}, ...rows.map((row) => el('tr', {},
          ...state.groupBy.map((d) => el('td', {}, String(row[DIMENSION_INFO[d].field] ?? '(none)'))),
          ...state.metrics.map((m) => el('td', { class: 'num', 'data-metric': m, 'data-value': String(row[m] ?? '') }, formatNumber(row[m] as number | null))))),
        ),
        el('tfoot', {}, el('tr', {},
          el('th', { scope: 'row', colspan: Math.max(1, state.groupBy.length) }, 'All matching calls'),
          ...state.metrics.map((m) => el('td', { class: 'num', 'data-total-metric': m, 'data-value': String(totals[m] ?? '') }, formatNumber(totals[m] as number | null))))));
      body.replaceChildren(
        el('div', { class: 'controls' }, ...dimensionPickers),
        metricBoxes,
        el('div', { class: 'controls' }, download, downloadStatus),
        el('div', { class: 'scroll' }, table),
      );
    },
  };
}

/** The same view through seed 004's REST route, as CSV, saved as a file. */
async function downloadCsv(state: DashboardState): Promise<void> {
  const params = new URLSearchParams({
    group_by: state.groupBy.map((d) => DIMENSION_INFO[d].restName).join(','),
    metrics: state.metrics.map((m) => METRICS[m].restName).join(','),
    start_date: state.from,
    end_date: state.to,
    sort_by: restSortName(validSortKey(state)),
    sort_order: state.sortOrder.toLowerCase(),
    limit: '1000',
    format: 'csv',
  });
  if (state.minDuration !== null) params.set('min_duration', String(state.minDuration));
  // Seed 004 has no time zone; dialgraph's route takes one as an extension, sent only when needed.
  if (state.timezone !== 'UTC') params.set('timezone', state.timezone);
  const response = await fetch(`/api/v1/analytics/calls?${params}`, { headers: { accept: 'text/csv', ...authorization() } });
  if (!response.ok) {
    const message = ((await response.json().catch(() => null)) as { message?: string } | null)?.message;
    throw new ApiError(message ?? `HTTP ${response.status}`, `HTTP_${response.status}`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: `dialgraph-grouped-${state.from}-${state.to}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function restSortName(key: GroupedSortKey): string {
  const metric = (Object.keys(METRICS) as MetricName[]).find((m) => METRICS[m].sortKey === key);
  return metric ? METRICS[metric].restName : DIMENSION_INFO[key as CallDimension].restName;
}
