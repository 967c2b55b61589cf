import { request } from '../api.ts';
import { DashboardFunnelDocument } from '../../generated/graphql.ts';
import { analyticsFilters } from '../filters.ts';
import { el, formatNumber } from '../format.ts';
import type { PanelSpec } from '../panel.ts';

/** Leads that reached each configured stage, as bars relative to the first stage. */
export const funnelPanel: PanelSpec = {
  id: 'funnel',
  title: 'Conversion funnel (leads)',
  async render(body, state) {
    const answer = await request(DashboardFunnelDocument, { filters: analyticsFilters(state), timezone: state.timezone });
    const stages = answer.analyticsQuery.data.filter((row): row is { stage: string; leads: number; conversionRate: number } => 'stage' in row);
    const list = el('ol', { class: 'funnel' }, ...stages.map((stage) =>
      el('li', { 'data-stage': stage.stage, 'data-leads': stage.leads },
        el('span', { class: 'funnel-label' }, stage.stage),
        el('span', { class: 'funnel-bar', style: `width: ${Math.max(0.5, stage.conversionRate)}%`, 'aria-hidden': 'true' }),
        el('span', { class: 'funnel-value' }, `${formatNumber(stage.leads)} leads · ${formatNumber(stage.conversionRate)}%`))));
    body.replaceChildren(list);
  },
};
