/**
 * The names test/browser/dashboard.test.ts imports; the shared browser helpers live in
 * browser.ts (one launcher, one recorded page, one screenshot folder).
 */
import { SCREENSHOT_ROOT, launchBrowser } from './browser.ts';

export { CHROMIUM_PATH, openRecordedPage } from './browser.ts';

/** Screenshots land here (gitignored) so a failed run can be looked at. */
export const SCREENSHOT_DIR = `${SCREENSHOT_ROOT}/`;

export const launchChromium = launchBrowser;
