import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { CommentTicketDocument, OpenTicketDocument, PlaceOrderDocument } from '../generated/graphql.js';
import { browserTests, ensurePortalBuilt, launchBrowser, newContext, watch } from '../support/browser.js';
import { apiToken, cny, navLink, priceOf, signIn, SLUG } from '../support/portal-pages.js';
import { startPortalWorld, type PortalWorld } from '../support/portal-world.js';

/**
 * V1–V7 hold in the UI because they hold in the graph: a sibling retailer on
 * the same portal, a finance-less buyer, the requester of a ticket and a
 * partner of another distributor each see only what the graph lets them.
 */
const FIRST = 'buyer@ret-shenzhen-futian-1.example';
const SIBLING = 'buyer@ret-shenzhen-futian-2.example';
const SKU = 'QY-RO-800G-PRO-WH';

describe.runIf(browserTests('test/portal/visibility.test.ts'))('visibility in the portal', { timeout: 120_000 }, () => {
  let world: PortalWorld;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let order: { id: string; number: string };
  let ticket: { id: string; number: string };

  async function open() {
    const ctx = await newContext(browser);
    contexts.push(ctx);
    const page = await ctx.newPage();
    return { page, watcher: watch(page, world.origin, { assetsServed: world.assetsServed }) };
  }

  beforeAll(async () => {
    await ensurePortalBuilt();
    world = await startPortalWorld();
    browser = await launchBrowser();
    // The first retailer orders and opens a ticket; the distributor's service answers it and leaves an internal note.
    const token = await apiToken(world.app, FIRST);
    const placed = await world.app.gql(
      PlaceOrderDocument,
      { input: { idempotencyKey: 'vis-1', lines: [{ sku: SKU, quantity: 1 }] } },
      token,
    );
    expect(placed.data?.placeOrder.userErrors).toEqual([]);
    order = placed.data!.placeOrder.order!;
    const opened = await world.app.gql(
      OpenTicketDocument,
      { input: { kind: 'INQUIRY', subject: 'Filter question', body: 'Which filter fits?', orderId: order.id } },
      token,
    );
    expect(opened.data?.openTicket.userErrors).toEqual([]);
    ticket = opened.data!.openTicket.ticket!;
    const service = await apiToken(world.app, 'service@dist-shenzhen.example');
    for (const [body, internal] of [
      ['PUBLIC-REPLY: the PP cotton one.', false],
      ['INTERNAL-NOTE: customer disputes often, check twice.', true],
    ] as const) {
      const r = await world.app.gql(CommentTicketDocument, { input: { ticketId: ticket.id, body, internal } }, service);
      expect(r.data?.commentTicket.userErrors).toEqual([]);
    }
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await world?.app.close();
  });

  it('V1/V3: a sibling retailer on the same portal sees none of the first one’s orders, tickets or prices', async () => {
    const mine = await priceOf(world.app, SIBLING, SKU);
    const theirs = await priceOf(world.app, FIRST, SKU);
    expect(mine!.amount.amount).not.toBe(theirs!.amount.amount);

    const { page, watcher } = await open();
    await signIn(page, world.origin, SIBLING);
    await page.goto(`${world.origin}/p/${SLUG}/catalog?q=${SKU}`);
    await expect.poll(() => page.locator(`tr[data-sku="${SKU}"] .amount`).textContent()).toBe(cny(mine!.amount.amount));
    expect(await page.locator('main').textContent()).not.toContain(cny(theirs!.amount.amount));

    await navLink(page, '我的订单').click();
    await expect.poll(() => page.locator('main').textContent()).not.toContain('加载中');
    expect(await page.locator('main').textContent()).not.toContain(order.number);
    await page.goto(`${world.origin}/p/${SLUG}/orders/${encodeURIComponent(order.id)}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('页面不存在。');
    expect(await page.locator('main').textContent()).not.toContain(order.number);

    await navLink(page, '售后服务').click();
    await expect.poll(() => page.locator('main').textContent()).not.toContain('加载中');
    expect(await page.locator('main').textContent()).not.toContain(ticket.number);
    await page.goto(`${world.origin}/p/${SLUG}/tickets/${encodeURIComponent(ticket.id)}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('页面不存在。');
    watcher.expectClean();
  });

  it('V7: the requester reads the public reply but never the internal note; the service side sees both', async () => {
    const requester = await open();
    await signIn(requester.page, world.origin, FIRST);
    await requester.page.goto(`${world.origin}/p/${SLUG}/tickets/${encodeURIComponent(ticket.id)}`);
    await expect.poll(() => requester.page.locator('.conversation').textContent()).toContain('PUBLIC-REPLY');
    expect(await requester.page.content()).not.toContain('INTERNAL-NOTE');
    // The requester gets no internal-note checkbox either.
    expect(await requester.page.getByLabel(/内部备注/).count()).toBe(0);
    requester.watcher.expectClean();

    const service = await open();
    await signIn(service.page, world.origin, 'service@dist-shenzhen.example');
    await navLink(service.page, '工单队列').click();
    await service.page.locator(`[data-ticket="${ticket.number}"]`).getByRole('link').click();
    await expect.poll(() => service.page.locator('.conversation li.internal').textContent()).toContain('INTERNAL-NOTE');
    await expect.poll(() => service.page.locator('.clocks').count()).toBe(1);
    service.watcher.expectClean();
  });

  it('V5: statements are for FINANCE and ADMIN users only; a buyer gets neither the menu nor the data', async () => {
    const buyer = await open();
    await signIn(buyer.page, world.origin, FIRST);
    expect(await navLink(buyer.page, '对账与开票').count()).toBe(0);
    await buyer.page.goto(`${world.origin}/p/${SLUG}/statements`);
    await expect.poll(() => buyer.page.locator('main').textContent()).toContain('对账与开票仅对财务和管理员开放');
    buyer.watcher.expectClean();

    const admin = await open();
    await signIn(admin.page, world.origin, 'admin@ret-shenzhen-futian-1.example');
    await navLink(admin.page, '对账与开票').click();
    await expect.poll(() => admin.page.locator('.summary').textContent()).toContain('应付余额');
    await expect.poll(() => admin.page.locator('.summary').textContent()).toContain('额度');
    admin.watcher.expectClean();
  });

  it('a partner of another distributor is pointed to its own portal and sees nothing of this one’s buyers', async () => {
    const { page, watcher } = await open();
    await signIn(page, world.origin, 'admin@dist-guangzhou.example');
    await expect.poll(() => page.locator('.notice.info').textContent()).toContain('您的账号属于另一个门户');
    expect(await page.locator('.notice.info a').getAttribute('href')).toBe('/p/guangzhou-qingyuan/');
    await navLink(page, '我的客户').click();
    await expect.poll(() => page.locator('table.list').textContent()).toContain('广州');
    expect(await page.locator('main').textContent()).not.toContain('福田');
    await page.goto(`${world.origin}/p/${SLUG}/orders/${encodeURIComponent(order.id)}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('页面不存在。');
    watcher.expectClean();
  });
});
