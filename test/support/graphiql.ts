import type { Page } from 'puppeteer-core';
import { responseOf } from './browser.ts';

/**
 * Drives Yoga's GraphiQL (GraphiQL 5, Monaco editors) the way a person does: tabs, the ▶
 * button and its operation menu. Answers are read from the network (the editors render only
 * their visible lines) and the result pane is checked to show them.
 */
export async function waitForGraphiQL(page: Page): Promise<void> {
  await page.waitForSelector('.graphiql-execute-button');
  // The schema arrives by introspection; the documentation explorer button works only then.
  await page.waitForFunction(() => !document.querySelector('.graphiql-spinner'), { timeout: 60_000 });
}

export async function tabTitles(page: Page): Promise<string[]> {
  return page.$$eval('.graphiql-tab', (tabs) => tabs.map((tab) => (tab.textContent ?? '').trim()));
}

export async function selectTab(page: Page, index: number): Promise<void> {
  // A click can land while a popover of the previous step (the ▶ menu, a tooltip) still holds
  // the focus and only closes it: close what is open and try again, as a person would.
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.keyboard.press('Escape');
    const tabs = await page.$$('.graphiql-tab .graphiql-tab-button');
    if (!tabs[index]) throw new Error(`GraphiQL has no tab ${index}`);
    // A tab bar re-rendered under the click detaches the handle; the check below decides.
    await tabs[index].click().catch(() => undefined);
    const active = await page
      .waitForFunction((i) => document.querySelectorAll('.graphiql-tab')[i]?.classList.contains('graphiql-tab-active'), { timeout: 5_000 }, index)
      .then(() => true, () => false);
    if (active) return;
  }
  throw new Error(`GraphiQL tab ${index} did not become active`);
}

/** The operation names the ▶ menu offers in the current tab (opens and closes the menu). */
export async function operationNames(page: Page): Promise<string[]> {
  await page.click('.graphiql-execute-button');
  await page.waitForSelector('[role=menuitem]');
  const names = await page.$$eval('[role=menuitem]', (items) => items.map((item) => (item.textContent ?? '').trim()));
  await page.keyboard.press('Escape');
  await page.waitForSelector('[role=menuitem]', { hidden: true });
  return names;
}

export interface GraphiQLRun {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string }> };
  /** The operation name and variables GraphiQL sent. */
  sent: { operationName?: string; variables?: Record<string, unknown>; query: string };
  /** The request's Authorization header. */
  authorization?: string;
}

/**
 * Runs `name` as a person does: ▶, then the operation in its menu (a tab with one operation runs
 * on ▶ alone). Returns what GraphiQL sent and what came back, once the result pane shows it.
 */
export async function runOperation(page: Page, name: string): Promise<GraphiQLRun> {
  // A click on the ▶ just as GraphiQL swaps the tab's editor can land on a node React is about to
  // drop: nothing is sent. A person clicks again; so does this, after 15 s without a request.
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(page, name, attempt < 3 ? 15_000 : 60_000);
    } catch (error) {
      if (attempt >= 3 || !/POSTs seen meanwhile:\n\(none\)/.test(String(error))) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

async function runOnce(page: Page, name: string, timeoutMs: number): Promise<GraphiQLRun> {
  const response = await responseOf(
    page,
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/graphql' && (r.request().postData() ?? '').includes(`"operationName":"${name}"`),
    async () => {
      // Just after a tab switch the menu can still list the previous tab's operations; a person
      // closes it and looks again.
      let names: string[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        await clickAgainIfReplaced(page, '.graphiql-execute-button');
        const menu = await page.waitForSelector('[role=menuitem]', { timeout: 3_000 }).catch(() => null);
        if (!menu) return; // one operation: ▶ ran it
        names = await page.$$eval('[role=menuitem]', (items) => items.map((item) => (item.textContent ?? '').trim()));
        if (names.includes(name)) break;
        await page.keyboard.press('Escape');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      if (!names.includes(name)) throw new Error(`the ▶ menu has no operation ${name} (it has ${names.join(', ')})`);
      const items = await page.$$('[role=menuitem]');
      await items[names.indexOf(name)].click();
    },
    timeoutMs,
  );
  const body = (await response.json()) as GraphiQLRun['body'];
  // The result pane shows this answer: its first value is on screen (the pane renders only the
  // lines in view, so the first one is the one to look for).
  const needle = firstLeaf(body);
  await page.waitForFunction(
    (expected) => {
      const text = document.querySelector('.graphiql-response')?.textContent ?? '';
      return /"(data|errors)"/.test(text) && text.includes(expected);
    },
    {},
    needle,
  );
  return {
    status: response.status(),
    body,
    sent: JSON.parse(response.request().postData() ?? '{}'),
    authorization: response.request().headers().authorization,
  };
}

function firstLeaf(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  for (const child of Object.values(value)) {
    const leaf = firstLeaf(child);
    if (leaf !== '{}' && leaf !== '[]') return leaf;
  }
  return Array.isArray(value) ? '[]' : '{}';
}

/** The visible text of the result pane. */
export function responsePaneText(page: Page): Promise<string> {
  return page.$eval('.graphiql-response', (el) => el.textContent ?? '').catch(() => '');
}

/**
 * Clicks `selector`, finding it again when React replaced it between the lookup and the click
 * ("Node is detached from document"), as GraphiQL does with its toolbar right after a tab switch.
 */
async function clickAgainIfReplaced(page: Page, selector: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.click(selector);
      return;
    } catch (error) {
      if (attempt >= 4 || !/detached|not clickable|no node/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
