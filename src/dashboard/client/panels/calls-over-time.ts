import uPlot from 'uplot';
import { request } from '../api.ts';
import { DashboardCallsOverTimeDocument, type DashboardCallsOverTimeQuery } from '../../generated/graphql.ts';
import { analyticsFilters } from '../filters.ts';
import { el, formatNumber } from '../format.ts';
import type { PanelSpec } from '../panel.ts';
import type { DashboardState } from '../state.ts';

type Point = Extract<DashboardCallsOverTimeQuery['analyticsQuery']['data'][number], { __typename?: 'TimeSeriesPoint' }> & { date: string; bucketStart: string; count: number };

/** Fetches every bucket of the range; a series longer than one page (1,000) comes in pages. */
async function loadSeries(state: DashboardState): Promise<Point[]> {
  const variables = { filters: analyticsFilters(state), granularity: state.granularity, timezone: state.timezone };
  const first = await request(DashboardCallsOverTimeDocument, { ...variables, page: 1 });
  const pages = Math.ceil(first.analyticsQuery.total / 1000);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => request(DashboardCallsOverTimeDocument, { ...variables, page: i + 2 })));
  return [first, ...rest].flatMap((answer) => answer.analyticsQuery.data as Point[]);
}

/** Calls per bucket (gap-filled by the API), drawn with uPlot, with a text summary beside it. */
export function callsOverTimePanel(onGranularity: (granularity: DashboardState['granularity']) => void): PanelSpec {
  let chart: uPlot | null = null;
  const buttons = (['HOUR', 'DAY', 'WEEK', 'MONTH'] as const).map((g) => {
    const button = el('button', { type: 'button', 'aria-pressed': 'false', 'data-granularity': g }, g.toLowerCase());
    button.addEventListener('click', () => onGranularity(g));
    return button;
  });
  return {
    id: 'calls-over-time',
    title: 'Calls over time',
    controls: el('div', { class: 'segmented', role: 'group', 'aria-label': 'Granularity' }, ...buttons),
    async render(body, state) {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.granularity === state.granularity));
      const points = await loadSeries(state);
      chart?.destroy();
      const total = points.reduce((sum, p) => sum + p.count, 0);
      const peak = points.reduce<Point | null>((best, p) => (!best || p.count > best.count ? p : best), null);
      const summary = el('p', { class: 'summary', 'data-total': total, 'data-buckets': points.length },
        `${formatNumber(total)} calls in ${formatNumber(points.length)} ${state.granularity.toLowerCase()} buckets`,
        peak && peak.count > 0 ? `; busiest ${peak.date} with ${formatNumber(peak.count)}.` : '.');
      const plot = el('div', { class: 'chart', role: 'img', 'aria-label': `Calls per ${state.granularity.toLowerCase()}: ${summary.textContent}` });
      body.replaceChildren(summary, plot);
      const width = Math.max(320, body.clientWidth - 8);
      chart = new uPlot(
        {
          width,
          height: 240,
          scales: { x: { time: true } },
          axes: [{ stroke: '#4b5563' }, { stroke: '#4b5563', label: 'calls' }],
          series: [
            { label: state.granularity === 'HOUR' ? 'hour' : 'bucket', value: (_u, v) => (v === null ? '' : labelAt(points, v)) },
            { label: 'calls', stroke: '#2563eb', fill: 'rgba(37, 99, 235, 0.15)', width: 2, points: { show: points.length <= 120 } },
          ],
        },
        [points.map((p) => Date.parse(p.bucketStart) / 1000), points.map((p) => p.count)],
        plot,
      );
    },
  };
}

function labelAt(points: Point[], seconds: number): string {
  const at = seconds * 1000;
  return points.find((p) => Date.parse(p.bucketStart) === at)?.date ?? '';
}
