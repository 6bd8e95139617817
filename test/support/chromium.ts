import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's chromium (apt-get install chromium), or CHROMIUM_PATH. No test runner here: the bench uses it too. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAS_BROWSER = existsSync(CHROMIUM);
/** Set in CI (.ci/run): without a browser the browser tests fail instead of skipping. */
export const REQUIRE_BROWSER = ['1', 'true', 'yes'].includes(String(process.env.REQUIRE_BROWSER ?? '').toLowerCase());

// The flags that keep Chromium off the network here: nothing but the page's own requests.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-default-browser-check',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  if (!HAS_BROWSER)
    throw new Error(`REQUIRE_BROWSER is set but there is no chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  const { chromium } = await import('playwright-core');
  // launch() gives every run a fresh, empty profile (user data dir) of its own.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 60_000 });
}
