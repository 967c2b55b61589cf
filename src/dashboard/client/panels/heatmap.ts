import { request } from '../api.ts';
import { DashboardHeatmapDocument } from '../../generated/graphql.ts';
import { analyticsFilters } from '../filters.ts';
import { el, formatNumber } from '../format.ts';
import type { PanelSpec } from '../panel.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Calls per local weekday × hour: a table (readable by screen readers) shaded by count. */
export const heatmapPanel: PanelSpec = {
  id: 'heatmap',
  title: 'When calls come in (weekday × hour, local)',
  async render(body, state) {
    const answer = await request(DashboardHeatmapDocument, { filters: analyticsFilters(state), timezone: state.timezone });
    const cells = answer.analyticsQuery.data.filter((cell): cell is { dayOfWeek: number; hour: number; count: number } => 'count' in cell);
    const max = Math.max(1, ...cells.map((c) => c.count));
    const count = (day: number, hour: number) => cells.find((c) => c.dayOfWeek === day && c.hour === hour)?.count ?? 0;
    const hours = Array.from({ length: 24 }, (_, h) => h);
    const table = el('table', { class: 'heatmap' },
      el('caption', { class: 'visually-hidden' }, `Calls per weekday and hour in ${state.timezone}`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, ''), ...hours.map((h) => el('th', { scope: 'col' }, String(h).padStart(2, '0'))))),
      el('tbody', {}, ...WEEKDAYS.map((name, day) =>
        el('tr', {}, el('th', { scope: 'row' }, name), ...hours.map((hour) => {
          const n = count(day, hour);
          const shade = n / max;
          return el('td', {
            'data-day': day,
            'data-hour': hour,
            'data-count': n,
            title: `${name} ${String(hour).padStart(2, '0')}:00 – ${formatNumber(n)} calls`,
            style: `background: rgba(37, 99, 235, ${(0.06 + 0.94 * shade).toFixed(3)}); color: ${shade > 0.55 ? '#fff' : '#111827'}`,
          }, formatNumber(n));
        })))));
    body.replaceChildren(el('div', { class: 'scroll' }, table));
  },
};
