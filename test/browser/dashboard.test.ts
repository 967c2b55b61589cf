import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, openRecordedPage, SCREENSHOT_DIR } from '../support/chromium.ts';
import { startDashboardServer } from '../support/dashboard-server.ts';

// A real browser shares the machine's two cores with the other test files; a step that takes
// 3 s alone has taken 30 s under that load, so browser steps get a wider budget than unit tests.
vi.setConfig({ testTimeout: 120_000 });

// The sample data ends at NOW; the views below name their days, so the test does not depend on
// the browser's clock.
const NOW = new Date('2026-11-30T15:00:00Z');
const ACME_KEY = 'dg_demo_acme_health_account_key';

const SERIES = `query ($filters: AnalyticsFilters, $granularity: Granularity!, $timezone: TimeZone!) {
  analyticsQuery(input: { queryType: CALLS_OVER_TIME, filters: $filters, granularity: $granularity, timezone: $timezone, pageSize: 1000 }) {
    total data { ... on TimeSeriesPoint { date count } } } }`;
const HEATMAP = `query ($filters: AnalyticsFilters, $timezone: TimeZone!) {
  analyticsQuery(input: { queryType: HOURLY_HEATMAP, filters: $filters, timezone: $timezone, pageSize: 168 }) { data { ... on HeatmapCell { dayOfWeek hour count } } } }`;
const FUNNEL = `query ($filters: AnalyticsFilters, $timezone: TimeZone!) {
  analyticsQuery(input: { queryType: CONVERSION_FUNNEL, filters: $filters, timezone: $timezone }) { data { ... on FunnelStage { stage leads } } } }`;
const GROUPED = `query ($groupBy: [CallDimension!], $filter: CallFilter, $sortBy: GroupedSortKey, $sortOrder: SortOrder, $timezone: TimeZone) {
  groupedCalls(groupBy: $groupBy, filter: $filter, sortBy: $sortBy, sortOrder: $sortOrder, limit: 100, timezone: $timezone) {
    count rows { source direction count avgDuration uniqueCallers } totals { count avgDuration uniqueCallers } } }`;
const LOG = `query ($search: CallSearch!) { calls(search: $search, itemsPerPage: 25) { totalItems calls { id } } }`;

interface View {
  from: string;
  to: string;
  timezone: string;
  /** The instants that begin `from` and end `to` in the zone, worked out by hand for the test. */
  dateFrom: string;
  dateTo: string;
}

const NOVEMBER_UTC: View = { from: '2026-11-01', to: '2026-11-30', timezone: 'UTC', dateFrom: '2026-11-01T00:00:00.000Z', dateTo: '2026-11-30T23:59:59.999Z' };
// New York is on EST (UTC-5) all through 10–20 November 2026 (DST ended on 1 November).
const MID_NOVEMBER_NEW_YORK: View = { from: '2026-11-10', to: '2026-11-20', timezone: 'America/New_York', dateFrom: '2026-11-10T05:00:00.000Z', dateTo: '2026-11-21T04:59:59.999Z' };

describe('dashboard in a real browser', () => {
  let server: Awaited<ReturnType<typeof startDashboardServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDashboardServer({ calls: 20_000, now: NOW, demoKey: ACME_KEY });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(search: string) {
    const recorded = await openRecordedPage(browser, server.origin);
    await recorded.page.goto(`${server.origin}/dashboard${search}`);
    await allPanelsSettled(recorded.page);
    return recorded;
  }

  it('draws every panel with the numbers the API gives, offline, without console errors', async () => {
    const { page, problems, foreignRequests } = await open('?from=2026-11-01&to=2026-11-30&tz=UTC&groupBy=SOURCE&metrics=count,avgDuration,uniqueCallers');
    await page.screenshot({ path: `${SCREENSHOT_DIR}dashboard-november.png`, fullPage: true });
    expect(await panelStates(page)).toEqual({ 'calls-over-time': 'ready', heatmap: 'ready', funnel: 'ready', grouped: 'ready', 'call-log': 'ready' });
    await expectPanelsMatchApi(page, NOVEMBER_UTC);
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('changing the range and zone updates every panel and the URL', async () => {
    const { page, problems } = await open('?from=2026-11-01&to=2026-11-30&tz=UTC&groupBy=SOURCE&metrics=count,avgDuration,uniqueCallers');
    const before = await page.$eval('#calls-over-time .summary', (el) => el.getAttribute('data-total'));
    await setInput(page, '#range-from', MID_NOVEMBER_NEW_YORK.from);
    await setInput(page, '#range-to', MID_NOVEMBER_NEW_YORK.to);
    await setInput(page, '#time-zone', MID_NOVEMBER_NEW_YORK.timezone);
    await page.click('form.inputs button[type="submit"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2026-11-10');
    await allPanelsSettled(page);
    expect(await page.$eval('#calls-over-time .summary', (el) => el.getAttribute('data-total'))).not.toBe(before);
    await expectPanelsMatchApi(page, MID_NOVEMBER_NEW_YORK);
    expect(new URL(page.url()).searchParams.get('tz')).toBe('America/New_York');

    // The URL alone restores the view: a shared link shows the same days and zone.
    const shared = await open(new URL(page.url()).search);
    expect(await shared.page.$eval('#range-to', (el) => (el as HTMLInputElement).value)).toBe('2026-11-20');
    await expectPanelsMatchApi(shared.page, MID_NOVEMBER_NEW_YORK);
    expect([...problems, ...shared.problems]).toEqual([]);
    await page.close();
    await shared.page.close();
  });

  it('the granularity switch, column sort, metric picker and call details work from the page', async () => {
    const { page, problems } = await open('?from=2026-11-01&to=2026-11-30&tz=UTC&groupBy=SOURCE,DIRECTION&metrics=count');
    await page.click('#calls-over-time button[data-granularity="WEEK"]');
    await page.waitForFunction(() => document.querySelector('#calls-over-time button[data-granularity="WEEK"]')?.getAttribute('aria-pressed') === 'true');
    await allPanelsSettled(page);
    const weeks = await server.query<{ analyticsQuery: { total: number } }>(SERIES, { filters: { dateFrom: NOVEMBER_UTC.dateFrom, dateTo: NOVEMBER_UTC.dateTo }, granularity: 'WEEK', timezone: 'UTC' });
    expect(Number(await page.$eval('#calls-over-time .summary', (el) => el.getAttribute('data-buckets')))).toBe(weeks.analyticsQuery.total);

    await page.click('#metric-uniqueCallers');
    await page.waitForSelector('#grouped th button[data-sort="UNIQUE_CALLERS"]');
    await page.click('#grouped th button[data-sort="UNIQUE_CALLERS"]');
    await page.waitForFunction(() => document.querySelector('#grouped th[aria-sort] button')?.getAttribute('data-sort') === 'UNIQUE_CALLERS');
    await allPanelsSettled(page);
    const sorted = await server.query<{ groupedCalls: { rows: { source: string | null; direction: string; uniqueCallers: number }[] } }>(GROUPED, {
      groupBy: ['SOURCE', 'DIRECTION'], filter: { startDate: NOVEMBER_UTC.from, endDate: NOVEMBER_UTC.to }, sortBy: 'UNIQUE_CALLERS', sortOrder: 'DESC', timezone: 'UTC',
    });
    const shown = await page.$$eval('#grouped tbody tr', (rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.getAttribute('data-value') ?? td.textContent)));
    expect(shown).toEqual(sorted.groupedCalls.rows.map((r) => [r.source ?? '(none)', r.direction, expect.any(String), String(r.uniqueCallers)]));
    expect(new URL(page.url()).searchParams.get('sortBy')).toBe('UNIQUE_CALLERS');

    // The CSV button goes through seed 004's REST route and saves a file; its rows are the table's rows.
    const downloads = mkdtempSync(join(tmpdir(), 'dialgraph-csv-'));
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    const csvResponse = page.waitForResponse((r) => r.url().includes('/api/v1/analytics/calls?'));
    await page.click('#grouped button.secondary');
    const csv = await csvResponse;
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const saved = await waitForFile(downloads);
    const lines = readFileSync(saved, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('source,direction,count,unique_callers');
    expect(lines.slice(1).map((line) => line.split(',')[3])).toEqual(sorted.groupedCalls.rows.map((r) => String(r.uniqueCallers)));

    // A call with a transcript, chosen with the keyboard: its details come from the API for that call alone.
    const row = await page.$('#call-log tbody tr[data-has-transcript="true"]');
    expect(row).not.toBeNull();
    const id = await row!.evaluate((r) => r.getAttribute('data-call-id'));
    await row!.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#call-details dl[data-call-id="${id}"]`);
    const detail = await server.query<{ calls: { calls: { id: string; transcripts: unknown[] | null; recordName: string | null }[] } }>(
      `query ($search: CallSearch!) { calls(search: $search, itemsPerPage: 1000) { calls { id recordName transcripts { atSec } } } }`,
      { search: { dayFrom: NOVEMBER_UTC.from, dayTo: NOVEMBER_UTC.to, timezone: 'UTC' } },
    );
    const expected = detail.calls.calls.find((c) => c.id === id)!;
    expect(Number(await page.$eval('#call-details .transcript', (ol) => ol.getAttribute('data-segments')))).toBe(expected.transcripts!.length);
    expect(await page.$eval('#call-details dl', (dl) => dl.textContent)).toContain(expected.recordName ? expected.recordName : 'Recordingnone');
    await page.screenshot({ path: `${SCREENSHOT_DIR}dashboard-interactions.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a refused key and a refused argument in each panel', async () => {
    const { page } = await open('?from=2026-11-01&to=2026-11-30&tz=UTC');
    await setInput(page, '#api-key', 'dg_this_key_does_not_exist');
    await page.click('form.inputs button[type="submit"]');
    await page.waitForFunction(() => [...document.querySelectorAll('.panel')].every((p) => (p as HTMLElement).dataset.state === 'error'));
    const refusals = await page.$$eval('.panel .panel-status', (nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(refusals).toHaveLength(5);
    for (const text of refusals) expect(text).toMatch(/API key was refused \(401\)/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}dashboard-bad-key.png`, fullPage: true });

    // A zone the browser does not know is caught by the form itself, before any request.
    await setInput(page, '#api-key', ACME_KEY);
    await setInput(page, '#time-zone', 'Mars/Olympus_Mons');
    await page.click('form.inputs button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.form-error')?.textContent?.includes('Mars/Olympus_Mons'));

    // Hourly buckets over almost three years, and a call log over more than a year: the API refuses
    // both, and the two panels show its message; the others draw the range.
    await setInput(page, '#time-zone', 'UTC');
    await setInput(page, '#range-from', '2024-01-01');
    await page.click('form.inputs button[type="submit"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2024-01-01');
    await allPanelsSettled(page);
    await page.click('#calls-over-time button[data-granularity="HOUR"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('granularity') === 'HOUR');
    await allPanelsSettled(page);
    const states = await panelStates(page);
    expect(states).toMatchObject({ 'calls-over-time': 'error', 'call-log': 'error', heatmap: 'ready', funnel: 'ready', grouped: 'ready' });
    for (const id of ['calls-over-time', 'call-log']) {
      expect(await page.$eval(`#${id} .panel-status`, (n) => n.textContent)).toMatch(/^Check the inputs: /);
    }
    await page.screenshot({ path: `${SCREENSHOT_DIR}dashboard-bad-input.png`, fullPage: true });
    await page.close();
  });

  it('is small: page, script and styles under 500 KB gzipped in all', async () => {
    let total = 0;
    for (const path of ['/dashboard', '/dashboard/app.js', '/dashboard/app.css']) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status).toBe(200);
      total += gzipSync(Buffer.from(await response.arrayBuffer())).byteLength;
    }
    expect(total).toBeLessThan(500 * 1024);
  });

  async function expectPanelsMatchApi(page: Page, view: View) {
    const filters = { dateFrom: view.dateFrom, dateTo: view.dateTo };
    const series = await server.query<{ analyticsQuery: { total: number; data: { count: number }[] } }>(SERIES, { filters, granularity: 'DAY', timezone: view.timezone });
    const summary = await page.$eval('#calls-over-time .summary', (el) => ({ total: el.getAttribute('data-total'), buckets: el.getAttribute('data-buckets') }));
    expect(summary).toEqual({ total: String(series.analyticsQuery.data.reduce((s, p) => s + p.count, 0)), buckets: String(series.analyticsQuery.total) });

    const heatmap = await server.query<{ analyticsQuery: { data: { dayOfWeek: number; hour: number; count: number }[] } }>(HEATMAP, { filters, timezone: view.timezone });
    const cells = await page.$$eval('#heatmap td', (tds) => tds.map((td) => ({ dayOfWeek: Number(td.getAttribute('data-day')), hour: Number(td.getAttribute('data-hour')), count: Number(td.getAttribute('data-count')) })));
    expect(cells).toHaveLength(168);
    expect(cells.sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.hour - b.hour)).toEqual(heatmap.analyticsQuery.data);

    const funnel = await server.query<{ analyticsQuery: { data: { stage: string; leads: number }[] } }>(FUNNEL, { filters, timezone: view.timezone });
    const stages = await page.$$eval('#funnel li', (items) => items.map((li) => ({ stage: li.getAttribute('data-stage'), leads: Number(li.getAttribute('data-leads')) })));
    expect(stages).toEqual(funnel.analyticsQuery.data);

    const grouped = await server.query<{ groupedCalls: { count: number; rows: { source: string | null; count: number }[]; totals: { count: number } } }>(GROUPED, {
      groupBy: ['SOURCE'], filter: { startDate: view.from, endDate: view.to }, sortBy: 'COUNT', sortOrder: 'DESC', timezone: view.timezone,
    });
    const rows = await page.$$eval('#grouped tbody tr', (trs) => trs.map((tr) => [tr.querySelector('td')?.textContent, tr.querySelector('td[data-metric="count"]')?.getAttribute('data-value')]));
    expect(rows).toEqual(grouped.groupedCalls.rows.map((r) => [r.source ?? '(none)', String(r.count)]));
    expect(await page.$eval('#grouped td[data-total-metric="count"]', (td) => td.getAttribute('data-value'))).toBe(String(grouped.groupedCalls.totals.count));
    // The chart, the table and the API agree on how many calls the view holds.
    expect(grouped.groupedCalls.totals.count).toBe(Number(summary.total));

    const log = await server.query<{ calls: { totalItems: number; calls: { id: string }[] } }>(LOG, { search: { dayFrom: view.from, dayTo: view.to, timezone: view.timezone } });
    expect(await page.$eval('#call-log table', (t) => t.getAttribute('data-total-items'))).toBe(String(log.calls.totalItems));
    expect(await page.$$eval('#call-log tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-call-id')))).toEqual(log.calls.calls.map((c) => c.id));
  }
});

async function allPanelsSettled(page: Page) {
  await page.waitForFunction(() => {
    const panels = [...document.querySelectorAll('.panel')] as HTMLElement[];
    return panels.length === 5 && panels.every((p) => p.dataset.state === 'ready' || p.dataset.state === 'error');
  }, { timeout: 60_000 });
}

async function panelStates(page: Page) {
  return page.$$eval('.panel', (panels) => Object.fromEntries(panels.map((p) => [p.id, (p as HTMLElement).dataset.state])));
}

/** Types into an input the way a person does: select what is there, then type. */
async function setInput(page: Page, selector: string, value: string) {
  await page.$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
  if (selector.startsWith('#range-')) {
    // Date inputs take typed digits in the locale's order; setting the value is what a picker does.
    await page.$eval(selector, (el, v) => ((el as HTMLInputElement).value = v as string), value);
    return;
  }
  await page.type(selector, value);
}

/** The first finished download in `dir` (Chromium writes `.crdownload` until it is whole). */
async function waitForFile(dir: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const done = readdirSync(dir).find((name) => !name.endsWith('.crdownload'));
    if (done) return join(dir, done);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no download arrived in ${dir}`);
}
