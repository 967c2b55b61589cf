import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSampleServer } from '../../scripts/sample-server.ts';
import { readExampleOperations, type ExampleOperation } from '../../src/graphql/graphiql/example-operations.ts';
import { buildSubgraphSchema } from '../../src/graphql/subgraph.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { launchBrowser, openPage, Screenshots } from '../support/browser.ts';
import { operationNames, runOperation, selectTab, tabTitles, waitForGraphiQL } from '../support/graphiql.ts';

// A real browser shares the machine's two cores with the other test files; a step that takes
// 3 s alone has taken 30 s under that load, so browser steps get a wider budget than unit tests.
vi.setConfig({ testTimeout: 120_000 });

/**
 * A newcomer's first clicks, in a real browser: `dialgraph serve` as `npm start` runs it,
 * chromium opens /graphql, and every example operation is picked from GraphiQL's ▶ menu and
 * must answer data (non-empty, no errors) with the key of its tab. Screenshots of each answer
 * are kept in test-output/screenshots/graphiql/.
 */
const operations: ExampleOperation[] = await readExampleOperations(buildSubgraphSchema());
const tenantOps = operations.filter((op) => !op.admin);
const adminOps = operations.filter((op) => op.admin);
const keys = demoApiKeys();
const tenantKey = keys.find((k) => k.role === 'user' && !k.user_id)!.key;
const adminKey = keys.find((k) => k.role === 'super_admin')!.key;

let server: Awaited<ReturnType<typeof startSampleServer>>;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let foreignRequests: string[];
const shots = new Screenshots('graphiql');

beforeAll(async () => {
  [server, browser] = await Promise.all([startSampleServer(), launchBrowser()]);
  ({ page, problems: pageErrors, foreignRequests } = await openPage(browser, server.endpoint));
  await waitForGraphiQL(page);
  await shots.take(page, 'opened');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('GraphiQL in chromium', () => {
  it('opens with a tab of tenant examples and a tab of admin examples', async () => {
    expect(await tabTitles(page)).toHaveLength(2);
    expect(await operationNames(page)).toEqual(tenantOps.map((op) => op.name));
  });

  it.each(tenantOps.map((op) => op.name))('%s runs on the first click with the tenant key', async (name) => {
    const run = await runOperation(page, name);
    await shots.take(page, name);
    expectData(run.body, run.status);
    expect(run.authorization).toBe(`Bearer ${tenantKey}`);
    // Every variable the operation declares is filled in (GraphiQL sends the whole tab's set).
    expect(Object.keys(run.sent.variables ?? {})).toEqual(expect.arrayContaining(variablesOf(name)));
  });

  it.each(adminOps.map((op) => op.name))('%s runs in the admin tab with the super-admin key', async (name) => {
    await selectTab(page, 1);
    const run = await runOperation(page, name);
    await shots.take(page, name);
    expectData(run.body, run.status);
    expect(run.authorization).toBe(`Bearer ${adminKey}`);
  });

  it('logged no error in the page and loaded nothing from the network (works offline)', () => {
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});

/** The variables the operation declares. */
function variablesOf(name: string): string[] {
  return [...operations.find((op) => op.name === name)!.variables.keys()];
}

function expectData(body: { data?: unknown; errors?: unknown[] }, status: number): void {
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  // Real rows: some count or value above zero somewhere in the answer.
  expect(JSON.stringify(body.data)).toMatch(/[1-9]/);
}
