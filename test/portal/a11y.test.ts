import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { PlaceOrderDocument } from '../generated/graphql.js';
import { violations } from '../support/axe.js';
import { browserTests, ensurePortalBuilt, launchBrowser, newContext, watch } from '../support/browser.js';
import { apiToken, navLink, signIn, SLUG } from '../support/portal-pages.js';
import { startPortalWorld, type PortalWorld } from '../support/portal-world.js';

/**
 * axe-core on the portal's main pages, in Chinese and English, on a desktop
 * and a phone: no serious or critical violation. Then the keyboard alone:
 * sign in and reach a page through the phone menu.
 */
describe.runIf(browserTests('test/portal/a11y.test.ts'))('accessibility of the portal', { timeout: 120_000 }, () => {
  let world: PortalWorld;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let orderId = '';

  async function open(options: { mobile?: boolean; lang?: 'zh' | 'en' } = {}) {
    const ctx = await newContext(browser, options);
    contexts.push(ctx);
    const page = await ctx.newPage();
    return { page, watcher: watch(page, world.origin, { assetsServed: world.assetsServed }) };
  }

  beforeAll(async () => {
    await ensurePortalBuilt();
    world = await startPortalWorld();
    browser = await launchBrowser();
    const token = await apiToken(world.app, 'buyer@ret-shenzhen-futian-1.example');
    const placed = await world.app.gql(
      PlaceOrderDocument,
      { input: { idempotencyKey: 'a11y-1', lines: [{ sku: 'QY-RO-800G-PRO-WH', quantity: 1 }] } },
      token,
    );
    orderId = placed.data!.placeOrder.order!.id;
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await world?.app.close();
  });

  const base = () => `${world.origin}/p/${SLUG}`;

  it('a retailer’s pages have no serious or critical violations (Chinese, desktop)', async () => {
    const { page, watcher } = await open();
    const found: string[] = [];
    await page.goto(`${base()}/catalog`);
    found.push(...(await violations(page)));
    await page.goto(`${base()}/sign-in`);
    found.push(...(await violations(page)));
    await signIn(page, world.origin, 'admin@ret-shenzhen-futian-1.example');
    for (const path of [
      'catalog',
      'quick-order',
      'cart',
      'orders',
      `orders/${encodeURIComponent(orderId)}`,
      'tickets',
      'tickets/new',
      'statements',
      'notifications',
    ]) {
      await page.goto(`${base()}/${path}`);
      await expect.poll(() => page.locator('h1').count()).toBe(1);
      found.push(...(await violations(page)));
    }
    // A product page, and quick-order results with an error line.
    await page.goto(`${base()}/catalog?q=QY-RO-800G-PRO-WH`);
    await page.locator('h2 a').first().click();
    await expect.poll(() => page.locator('.price-box').count()).toBeGreaterThan(0);
    found.push(...(await violations(page)));
    await page.goto(`${base()}/quick-order`);
    await page.getByLabel('订货行').fill('QY-RO-800G-PRO-WH 2\nNOPE 1');
    await page.getByRole('button', { name: '检查' }).click();
    await expect.poll(() => page.locator('tr[data-line]').count()).toBe(2);
    found.push(...(await violations(page)));
    expect(found).toEqual([]);
    watcher.expectClean();
  }, 120_000);

  it('the distributor’s pages have no serious or critical violations (English)', async () => {
    const { page, watcher } = await open({ lang: 'en' });
    await page.goto(`${base()}/sign-in`);
    await page.evaluate(() => localStorage.setItem('cg.lang', 'en'));
    await page.getByLabel('Email').fill('admin@dist-shenzhen.example');
    await page.getByLabel('Password').fill('channel-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('.whoami').count()).toBe(1);
    const found: string[] = [];
    for (const path of [
      'incoming',
      `orders/${encodeURIComponent(orderId)}`,
      'queue',
      'buyers',
      'dashboard',
      'replenishment',
      'api-keys',
      'webhooks',
      'users',
      'audit',
      'password',
    ]) {
      await page.goto(`${base()}/${path}`);
      await expect.poll(() => page.locator('h1').count()).toBe(1);
      found.push(...(await violations(page)));
    }
    expect(found).toEqual([]);
    watcher.expectClean();
  }, 120_000);

  it('the brand’s administration pages have no serious or critical violations (Chinese, and on a phone)', async () => {
    const found: string[] = [];
    for (const mobile of [false, true]) {
      const { page, watcher } = await open({ mobile });
      await signIn(page, world.origin, 'admin@qingyuan.example', 'qingyuan');
      for (const path of ['flags', 'audit', 'users', 'api-keys', 'webhooks', 'pilots']) {
        await page.goto(`${world.origin}/p/qingyuan/${path}`);
        await expect.poll(() => page.locator('h1').count()).toBe(1);
        found.push(...(await violations(page)));
        if (mobile)
          expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      }
      watcher.expectClean();
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('on a phone: no serious or critical violations, and the keyboard alone signs in and opens a page from the menu', async () => {
    const { page, watcher } = await open({ mobile: true });
    await page.goto(`${base()}/sign-in`);
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('邮箱').focus();
    await page.keyboard.type('buyer@ret-shenzhen-futian-1.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type('channel-demo-2026');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.whoami').count()).toBe(1);
    // The menu is folded away on a phone; its button opens it, and Tab reaches the links.
    const menu = page.getByRole('button', { name: '菜单' });
    expect(await navLink(page, '我的订单').isVisible()).toBe(false);
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await navLink(page, '我的订单').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('我的订单');
    // The page heading takes the focus, so a screen reader starts there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('page-title');
    await page.goto(`${base()}/catalog`);
    await expect.poll(() => page.locator('.products > li').count()).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
    // Nothing is wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    watcher.expectClean();
  });
});
