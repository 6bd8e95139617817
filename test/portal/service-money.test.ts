import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  ConfirmOrderDocument,
  GenerateStatementDocument,
  OpenTicketDocument,
  PlaceOrderDocument,
  SetTicketStatusDocument,
  ShipFulfillmentDocument,
} from '../generated/graphql.js';
import { browserTests, ensurePortalBuilt, launchBrowser, newContext, watch } from '../support/browser.js';
import { apiToken, navLink, signIn, SLUG } from '../support/portal-pages.js';
import { startPortalWorld, type PortalWorld } from '../support/portal-world.js';

/** The rest of a retailer's day in a real browser: cancelling, a ticket conversation and its rating, statements and invoices, notifications. */
const RETAILER = 'buyer@ret-shenzhen-futian-1.example';
const RETAILER_ADMIN = 'admin@ret-shenzhen-futian-1.example';
const SERVICE = 'service@dist-shenzhen.example';

describe.runIf(browserTests('test/portal/service-money.test.ts'))(
  'service and money in the portal',
  { timeout: 120_000 },
  () => {
    let world: PortalWorld;
    let browser: Browser;
    const contexts: BrowserContext[] = [];

    async function open() {
      const ctx = await newContext(browser);
      contexts.push(ctx);
      const page = await ctx.newPage();
      return { page, watcher: watch(page, world.origin, { assetsServed: world.assetsServed }) };
    }
    const base = () => `${world.origin}/p/${SLUG}`;

    beforeAll(async () => {
      await ensurePortalBuilt();
      world = await startPortalWorld();
      browser = await launchBrowser();
    }, 240_000);
    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => {});
      await browser?.close();
      await world?.app.close();
    });

    it('a retailer cancels an order it has just placed, with a reason', async () => {
      const token = await apiToken(world.app, RETAILER);
      const placed = await world.app.gql(
        PlaceOrderDocument,
        { input: { idempotencyKey: 'cancel-1', lines: [{ sku: 'QY-RO-600G-Y-WH', quantity: 1 }] } },
        token,
      );
      const order = placed.data!.placeOrder.order!;
      const { page, watcher } = await open();
      await signIn(page, world.origin, RETAILER);
      await page.goto(`${base()}/orders/${encodeURIComponent(order.id)}`);
      await page.getByLabel('取消原因').fill('下错了 Ordered by mistake');
      await page.getByRole('button', { name: '取消订单' }).click();
      await expect.poll(() => page.locator('.summary .badge').first().textContent()).toBe('已取消');
      await expect.poll(() => page.locator('.timeline').textContent()).toContain('Ordered by mistake');
      expect(await page.getByRole('button', { name: '取消订单' }).count()).toBe(0);
      watcher.expectClean();
    });

    it('service and retailer converse on a ticket (the note stays internal), the retailer rates it once it is resolved', async () => {
      const opened = await world.app.gql(
        OpenTicketDocument,
        { input: { kind: 'REPAIR', subject: 'Leaking tap', body: 'The faucet drips.' } },
        await apiToken(world.app, RETAILER),
      );
      const ticket = opened.data!.openTicket.ticket!;

      const service = await open();
      await signIn(service.page, world.origin, SERVICE);
      await service.page.goto(`${base()}/tickets/${encodeURIComponent(ticket.id)}`);
      await service.page.getByRole('button', { name: /处理中/ }).click();
      await expect.poll(() => service.page.locator('.summary .badge').first().textContent()).toBe('处理中');
      await service.page.getByLabel('回复').fill('Checked the model: needs a new valve.');
      await service.page.getByLabel(/内部备注/).check();
      await service.page.getByRole('button', { name: '发送' }).click();
      await expect.poll(() => service.page.locator('.conversation li.internal').count()).toBe(1);
      await service.page.getByLabel('回复').fill('We will come on Monday.');
      await service.page.getByRole('button', { name: '发送' }).click();
      await expect.poll(() => service.page.locator('.conversation li').count()).toBe(3);
      service.watcher.expectClean();

      const retailer = await open();
      await signIn(retailer.page, world.origin, RETAILER);
      await navLink(retailer.page, '售后服务').click();
      await retailer.page.locator(`[data-ticket="${ticket.number}"]`).getByRole('link').click();
      await expect
        .poll(() => retailer.page.locator('.conversation').textContent())
        .toContain('We will come on Monday.');
      expect(await retailer.page.locator('.conversation').textContent()).not.toContain('valve');
      await retailer.page.getByLabel('回复').fill('Thanks, Monday is fine.');
      await retailer.page.getByRole('button', { name: '发送' }).click();
      await expect.poll(() => retailer.page.locator('.conversation li').count()).toBe(3);

      const resolved = await world.app.gql(
        SetTicketStatusDocument,
        { id: ticket.id, status: 'RESOLVED' },
        await apiToken(world.app, SERVICE),
      );
      expect(resolved.data?.setTicketStatus.userErrors).toEqual([]);
      await retailer.page.reload();
      await retailer.page.getByLabel('5 星').check();
      await retailer.page.getByLabel('评价内容').fill('Quick and friendly');
      await retailer.page.getByRole('button', { name: '提交' }).click();
      await expect.poll(() => retailer.page.locator('.summary').textContent()).toContain('5 星 · Quick and friendly');
      expect(await retailer.page.getByRole('group', { name: '评价' }).count()).toBe(0);
      retailer.watcher.expectClean();
    });

    it('a retailer’s admin disputes an issued statement and requests an invoice, seeing the server’s refusals where they apply', async () => {
      // Goods shipped this month, and the distributor's finance issues this month's statement over them.
      const placed = await world.app.gql(
        PlaceOrderDocument,
        { input: { idempotencyKey: 'invoice-1', lines: [{ sku: 'QY-RO-600G-Y-WH', quantity: 2 }] } },
        await apiToken(world.app, RETAILER),
      );
      const order = placed.data!.placeOrder.order!;
      const admin = await apiToken(world.app, 'admin@dist-shenzhen.example');
      expect(
        (await world.app.gql(ConfirmOrderDocument, { id: order.id }, admin)).data?.confirmOrder.userErrors,
      ).toEqual([]);
      for (const f of order.fulfillments) {
        const shipped = await world.app.gql(
          ShipFulfillmentDocument,
          { input: { fulfillmentId: f.id, trackingNumber: 'SF-INV-1' } },
          admin,
        );
        expect(shipped.data?.shipFulfillment.userErrors).toEqual([]);
      }
      const month = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
      }).format(new Date());
      const [y, m] = month.split('-').map(Number);
      // A month is stated once it has ended: the server's clock moves to the next month for this one call.
      world.app.clock.set(new Date(Date.UTC(y, m, 2)));
      const finance = await apiToken(world.app, 'finance@dist-shenzhen.example');
      const generated = await world.app
        .gql(GenerateStatementDocument, { input: { buyerId: order.buyer.id, month } }, finance)
        .finally(() => world.app.clock.set(null));
      expect(generated.data?.generateStatement.userErrors).toEqual([]);
      const number = generated.data!.generateStatement.statement!.number;

      const { page, watcher } = await open();
      await signIn(page, world.origin, RETAILER_ADMIN);
      await navLink(page, '对账与开票').click();
      const issued = page.locator(`[data-statement="${number}"]`);
      await expect.poll(() => issued.getByRole('button', { name: '提出异议' }).count()).toBe(1);

      // An invoice for more than the statement charged is refused by the server, next to the form.
      await page.locator('#inv-statement').selectOption({ label: number });
      await page.getByLabel('金额').fill('99999999');
      await page.getByLabel('发票抬头').fill('福田区车公庙清泉居净水器专卖店');
      await page.getByLabel('税号').fill('91440300MA5F000000');
      await page.getByRole('button', { name: '申请开票' }).click();
      await expect.poll(() => page.locator('form .notice.error').textContent()).toContain('INVALID_INPUT');
      await page.getByLabel('金额').fill('100.00');
      await page.getByRole('button', { name: '申请开票' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: '已提交申请' }).count()).toBe(1);
      await expect.poll(() => page.locator('table.list').textContent()).toContain('¥100.00');

      await issued.getByLabel('异议原因').fill('Order 17 was returned');
      await issued.getByRole('button', { name: '提出异议' }).click();
      await expect.poll(() => page.locator(`[data-statement="${number}"] .badge`).textContent()).toBe('有异议');
      await expect
        .poll(() => page.locator(`[data-statement="${number}"]`).textContent())
        .toContain('Order 17 was returned');
      watcher.expectClean();
    });

    it('notifications are listed and marked read, and the menu count follows', async () => {
      const { page, watcher } = await open();
      await signIn(page, world.origin, RETAILER);
      await navLink(page, '消息').click();
      await expect.poll(() => page.locator('.notifications li').count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: '全部标为已读' }).click();
      await expect.poll(() => page.locator('.notifications .unread').count()).toBe(0);
      await expect.poll(() => navLink(page, '消息').locator('.count').count()).toBe(0);
      watcher.expectClean();
    });
  },
);
