import { request } from '../api.ts';
import { DashboardCallLogDocument, type DashboardCallLogQuery } from '../../generated/graphql.ts';
import { callSearch } from '../filters.ts';
import { el, formatNumber } from '../format.ts';
import type { PanelSpec } from '../panel.ts';
import type { CallLogState, DashboardState } from '../state.ts';
import { showCallDetails } from './call-details.ts';

type LoggedCall = DashboardCallLogQuery['calls']['calls'][number];

const PAGE_SIZE = 25;
const TYPES = ['INBOUND', 'OUTBOUND', 'INTERNAL'] as const;
const STATES = ['ANSWERED', 'UNANSWERED', 'FAILED'] as const;

/** The dialer's call log: its filters, paging, and a call's details when a row is chosen. */
export function callLogPanel(onChange: (log: CallLogState) => void): PanelSpec {
  return {
    id: 'call-log',
    title: 'Call log',
    async render(body, state) {
      const answer = await request(DashboardCallLogDocument, {
        search: callSearch(state),
        page: state.log.page,
        itemsPerPage: PAGE_SIZE,
        sortBy: 'TIMESTAMP',
        sortDirection: 'DESC',
      });
      const list = answer.calls;
      const details = el('div', { class: 'call-details', id: 'call-details', 'aria-live': 'polite' });

      const searchBox = el('input', { type: 'search', id: 'log-search', value: state.log.search, placeholder: 'number, project, tag…', maxlength: 200 });
      const searchForm = el('form', { class: 'controls', role: 'search' },
        el('label', { for: 'log-search' }, 'Search', searchBox),
        checkGroup('Direction', 'log-type', TYPES, state.log.types, (types) => onChange({ ...state.log, types, page: 1 })),
        checkGroup('State', 'log-state', STATES, state.log.states, (states) => onChange({ ...state.log, states, page: 1 })),
        el('button', { type: 'submit' }, 'Apply'));
      searchForm.addEventListener('submit', (event) => {
        event.preventDefault();
        onChange({ ...state.log, search: searchBox.value.trim(), page: 1 });
      });

      const rows = list.calls.map((call) => {
        const row = el('tr', { tabindex: 0, 'data-call-id': call.id, 'data-has-transcript': String(Boolean(call.hasTranscript)), 'aria-label': `Call at ${call.timestamp}, show details` },
          el('td', {}, formatTime(call.timestamp, state.timezone)),
          el('td', {}, call.type.toLowerCase()),
          el('td', {}, call.state.toLowerCase()),
          el('td', {}, call.fromNumber ?? '–'),
          el('td', {}, call.toNumber ?? '–'),
          el('td', {}, call.projectName ?? '–'),
          el('td', { class: 'num' }, formatNumber(call.talkTime)),
          el('td', {}, call.outcomeTag ?? '–'));
        const open = () => {
          for (const other of row.parentElement?.children ?? []) other.removeAttribute('aria-selected');
          row.setAttribute('aria-selected', 'true');
          void showCallDetails(details, call as LoggedCall, state);
        };
        row.addEventListener('click', open);
        row.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            open();
          }
        });
        return row;
      });
      const table = el('table', { class: 'data log', 'data-total-items': list.totalItems },
        el('caption', {}, `${formatNumber(list.totalItems)} calls · page ${list.page} of ${Math.max(1, list.pagesCount)}`),
        el('thead', {}, el('tr', {}, ...['Time', 'Direction', 'State', 'From', 'To', 'Project', 'Talk (s)', 'Outcome'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...rows));

      const previous = el('button', { type: 'button', disabled: list.page <= 1 }, '← Previous');
      const next = el('button', { type: 'button', disabled: list.page >= list.pagesCount }, 'Next →');
      previous.addEventListener('click', () => onChange({ ...state.log, page: list.page - 1 }));
      next.addEventListener('click', () => onChange({ ...state.log, page: list.page + 1 }));
      body.replaceChildren(searchForm, el('div', { class: 'scroll' }, table), el('nav', { class: 'controls', 'aria-label': 'Call log pages' }, previous, next), details);
    },
  };
}

function checkGroup(legend: string, prefix: string, values: readonly string[], checked: string[], onToggle: (next: string[]) => void): HTMLFieldSetElement {
  return el('fieldset', { class: 'inline' }, el('legend', {}, legend), ...values.map((value) => {
    const box = el('input', { type: 'checkbox', id: `${prefix}-${value}`, value, checked: checked.includes(value) });
    box.addEventListener('change', () => onToggle(values.filter((v) => (v === value ? box.checked : checked.includes(v)))));
    return el('label', { for: `${prefix}-${value}`, class: 'check' }, box, value.toLowerCase());
  }));
}

function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso));
}
