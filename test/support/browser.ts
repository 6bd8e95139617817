import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, HAS_BROWSER, REQUIRE_BROWSER } from './chromium.js';

const run = promisify(execFile);

export { CHROMIUM, HAS_BROWSER, REQUIRE_BROWSER, launchBrowser } from './chromium.js';

/**
 * Whether this file's browser tests run: they skip, loudly, on a machine
 * without chromium, unless REQUIRE_BROWSER says the browser must be there.
 */
export function browserTests(file: string): boolean {
  if (HAS_BROWSER) return true;
  if (REQUIRE_BROWSER) return true; // launching fails, and the tests with it
  console.warn(
    `\n*** SKIPPED the browser tests of ${file}: no chromium at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH; CI sets REQUIRE_BROWSER=1 so they cannot skip there. ***\n`,
  );
  return false;
}

/** Builds the portal if its sources changed since the last build (shared by every test file, one build at a time). */
export async function ensurePortalBuilt(): Promise<void> {
  await run(process.execPath, ['--import', 'tsx', 'portal/build.ts'], {
    maxBuffer: 10 * 1024 * 1024,
    timeout: 240_000,
  });
}

/**
 * Watches a page for what a portal must never do: console errors, uncaught
 * exceptions, failed requests, and any request to a host other than the
 * server. `/assets/*` 404s are set aside only while the server serves no
 * /assets at all (the demo images come with issue 10); once it does, they
 * count. `expectedStatus` sets aside a status the test provokes on purpose.
 */
export function watch(page: Page, origin: string, options: { assetsServed: boolean; expectedStatus?: number[] }) {
  const problems: string[] = [];
  const foreign: string[] = [];
  const excused = (url: string) => !options.assetsServed && new URL(url, origin).pathname.startsWith('/assets/');
  // A status the test provokes on purpose (a refused token is HTTP 401): the browser logs it, the portal handles it.
  const expected = (status: number) => options.expectedStatus?.includes(status) ?? false;
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const url = msg.location().url;
    if (url && excused(url) && /Failed to load resource/.test(msg.text())) return;
    const status = /Failed to load resource: the server responded with a status of (\d+)/.exec(msg.text());
    if (status && expected(Number(status[1]))) return;
    problems.push(`console error: ${msg.text()} (${url})`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  page.on('requestfailed', (req) => {
    // A navigation (goto, reload) cancels what the page had in flight: that is the browser, not the portal.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (!excused(req.url())) problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !excused(res.url()) && !expected(res.status()))
      problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return {
    problems,
    foreign,
    expectClean() {
      expect(foreign, 'requests to hosts other than the server').toEqual([]);
      expect(problems, 'console errors, page errors and failed requests').toEqual([]);
    },
  };
}

/** A fresh context (own storage) per user: a sibling never shares the first user's session or cart. */
export async function newContext(
  browser: Browser,
  options: { mobile?: boolean; lang?: 'zh' | 'en' } = {},
): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    locale: options.lang === 'en' ? 'en-GB' : 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(options.mobile
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
      : { viewport: { width: 1280, height: 900 } }),
  });
  ctx.setDefaultTimeout(15_000);
  return ctx;
}
