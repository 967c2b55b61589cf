import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPResponse, type Page } from 'puppeteer-core';

/**
 * Real-browser tests: Debian's chromium driven by puppeteer-core. `.ci/run` installs chromium
 * when it is missing; `CHROMIUM_PATH` points elsewhere. Screenshots are test output, kept in
 * the gitignored `test-output/screenshots/<suite>/`.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_ROOT = resolve(import.meta.dirname, '../../test-output/screenshots');

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Headless chromium; `--no-sandbox` because CI runs as root. */
export function launchBrowser(): Promise<Browser> {
  if (!hasChromium()) throw new Error(`No chromium at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  mkdirSync(SCREENSHOT_ROOT, { recursive: true });
  return puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--lang=en-US'],
    protocolTimeout: 180_000,
  });
}

export interface RecordedPage {
  page: Page;
  /** Console errors and uncaught page errors, in order. */
  problems: string[];
  /** Requests that left `origin` (pages must work offline). */
  foreignRequests: string[];
}

/**
 * A fresh page that records console errors, uncaught exceptions and every request that left
 * `origin` (data: and blob: URLs are local).
 */
export async function openRecordedPage(browser: Browser, origin: string, viewport = { width: 1400, height: 900 }): Promise<RecordedPage> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  page.setDefaultTimeout(60_000);
  const problems: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  return { page, problems, foreignRequests };
}

/** `openRecordedPage`, then navigate to `url` and wait for its load event. */
export async function openPage(browser: Browser, url: string, timeoutMs = 120_000): Promise<RecordedPage> {
  const recorded = await openRecordedPage(browser, new URL(url).origin);
  await recorded.page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  return recorded;
}

/** Saves screenshots of one suite under test-output/screenshots/<suite>/, numbered in order. */
export class Screenshots {
  readonly dir: string;
  private count = 0;

  constructor(suite: string) {
    this.dir = join(SCREENSHOT_ROOT, suite);
    // Each run replaces the previous run's screenshots.
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  async take(page: Page, name: string): Promise<string> {
    this.count += 1;
    const path = join(this.dir, `${String(this.count).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '_')}.png`);
    await page.screenshot({ path });
    return path;
  }
}

/**
 * Resolves with the next response of `page` that `match` accepts, once `action` has run. The
 * listener is attached before the action, so a fast response is not missed.
 */
export async function responseOf(page: Page, match: (response: HTTPResponse) => boolean, action: () => Promise<void>, timeoutMs = 60_000): Promise<HTTPResponse> {
  // On a timeout, say what the page did send instead: "no answer" alone says nothing of why.
  const seen: string[] = [];
  const record = (response: HTTPResponse) => {
    if (response.request().method() === 'POST') seen.push(`${response.status()} ${new URL(response.url()).pathname} ${(response.request().postData() ?? '').slice(0, 160)}`);
  };
  page.on('response', record);
  try {
    const waiting = page.waitForResponse(match, { timeout: timeoutMs });
    // When the action throws, nobody awaits `waiting`: keep its later rejection (page closed by
    // the test's teardown) from surfacing as an unhandled error of another test.
    waiting.catch(() => undefined);
    await action();
    return await waiting.catch((error: Error) => {
      throw new Error(`${error.message}; POSTs seen meanwhile:\n${seen.join('\n') || '(none)'}`);
    });
  } finally {
    page.off('response', record);
  }
}
