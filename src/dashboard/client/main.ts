import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { currentApiKey, setApiKey } from './api.ts';
import { el } from './format.ts';
import { createPanel, type Panel } from './panel.ts';
import { callLogPanel } from './panels/call-log.ts';
import { callsOverTimePanel } from './panels/calls-over-time.ts';
import { funnelPanel } from './panels/funnel.ts';
import { groupedTablePanel } from './panels/grouped-table.ts';
import { heatmapPanel } from './panels/heatmap.ts';
import { readState, writeState, type DashboardState } from './state.ts';

const KEY_STORAGE = 'dialgraph.dashboard.apiKey';

let state: DashboardState = readState(location.search);

const overTime = createPanel(callsOverTimePanel((granularity) => update({ granularity }, [overTime])));
const heatmap = createPanel(heatmapPanel);
const funnel = createPanel(funnelPanel);
const grouped = createPanel(groupedTablePanel((patch) => update(patch, [grouped])));
const log = createPanel(callLogPanel((logState) => update({ log: logState }, [log])));
const panels = [overTime, funnel, heatmap, grouped, log];

/** Applies a change, records it in the URL (so the view can be shared) and refreshes the panels it affects. */
function update(patch: Partial<DashboardState>, affected: Panel[] = panels): void {
  state = { ...state, ...patch };
  history.replaceState(null, '', writeState(state));
  syncInputs();
  for (const panel of affected) void panel.refresh(state);
}

const keyInput = el('input', { id: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', placeholder: 'dg_…' });
const fromInput = el('input', { id: 'range-from', type: 'date', required: true });
const toInput = el('input', { id: 'range-to', type: 'date', required: true });
const zoneInput = el('input', { id: 'time-zone', type: 'text', list: 'time-zones', required: true, spellcheck: 'false' });
const minDurationInput = el('input', { id: 'min-duration', type: 'number', min: 0, step: 1, inputmode: 'numeric' });
const zones = el('datalist', { id: 'time-zones' }, ...['UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Europe/Paris', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney'].map((z) => el('option', { value: z })));
const formError = el('p', { class: 'form-error', role: 'alert' });

function syncInputs(): void {
  fromInput.value = state.from;
  toInput.value = state.to;
  zoneInput.value = state.timezone;
  minDurationInput.value = state.minDuration === null ? '' : String(state.minDuration);
}

const form = el('form', { class: 'inputs', 'aria-label': 'Dashboard inputs' },
  el('label', { for: 'api-key' }, 'API key', keyInput),
  el('label', { for: 'range-from' }, 'From', fromInput),
  el('label', { for: 'range-to' }, 'To', toInput),
  el('label', { for: 'time-zone' }, 'Time zone', zoneInput),
  el('label', { for: 'min-duration' }, 'Min duration (s)', minDurationInput),
  zones,
  el('button', { type: 'submit' }, 'Update'),
  formError);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const problem = checkInputs();
  formError.textContent = problem ?? '';
  if (problem) return;
  setApiKey(keyInput.value);
  sessionStorage.setItem(KEY_STORAGE, currentApiKey());
  const minDuration = minDurationInput.value === '' ? null : Number(minDurationInput.value);
  update({ from: fromInput.value, to: toInput.value, timezone: zoneInput.value.trim(), minDuration, log: { ...state.log, page: 1 } });
});

/** The few mistakes the browser can catch itself; everything else is the API's to refuse, and each panel shows it. */
function checkInputs(): string | null {
  if (!fromInput.value || !toInput.value) return 'Choose both days of the range.';
  if (fromInput.value > toInput.value) return '"From" must not be after "To".';
  if (minDurationInput.value !== '' && !(Number(minDurationInput.value) >= 0)) return 'Min duration must be 0 or more seconds.';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zoneInput.value.trim() });
  } catch {
    return `"${zoneInput.value.trim().slice(0, 100)}" is not a time zone this browser knows (an IANA name such as Europe/Paris).`;
  }
  return null;
}

const demoKey = document.querySelector<HTMLMetaElement>('meta[name="dialgraph-demo-key"]')?.content ?? '';
keyInput.value = sessionStorage.getItem(KEY_STORAGE) ?? demoKey;
setApiKey(keyInput.value);
syncInputs();

document.querySelector('#app')?.replaceChildren(
  el('header', {}, el('h1', {}, 'dialgraph'), el('p', { class: 'lede' }, 'Call analytics over the public GraphQL API. ', el('a', { href: '/graphql' }, 'Open GraphiQL'))),
  form,
  el('main', { class: 'grid' }, ...panels.map((p) => p.element)),
);
update({});
