import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { violations } from '../support/axe.js';
import { browserTests, ensurePortalBuilt, launchBrowser, newContext, watch } from '../support/browser.js';
import { chartByTitle, chartTable, legendAt, paintedPixels } from '../support/portal-charts.js';
import { apiToken, cny, navLink, signIn, SLUG } from '../support/portal-pages.js';
import { startPortalWorld, type PortalWorld } from '../support/portal-world.js';

/**
 * The analytics pages in a real browser on the demo channel, every figure
 * cross-checked through the graph with queries of the test's own (not the
 * portal's documents): the distributor's sales dashboard and its charts, V1
 * on it (no sibling distributor's partners), a buyer's insights, the forecast
 * with its interval and backtest scores, replenishment, alerts, pilots, the
 * retailer's recommendations; axe-core on each page.
 */
const DIST_ANALYST = 'analyst@dist-shenzhen.example';
const DIST_ADMIN = 'admin@dist-shenzhen.example';
const BRAND_ANALYST = 'analyst@qingyuan.example';
const RETAILER = 'buyer@ret-shenzhen-futian-1.example';
const BLUE: [number, number, number] = [10, 110, 189];

const REPORT = `query ($input: SalesReportInput!) {
  salesReport(input: $input) {
    totals { revenue { amount } orders buyers onlineShare }
    previousTotals { revenue { amount } }
    rows { keys { value label } metrics { revenue { amount } orders } previous { revenue { amount } } growth }
  }
}`;

describe.runIf(browserTests('test/portal/analytics.test.ts'))(
  'the analytics pages in a browser',
  { timeout: 120_000 },
  () => {
    let world: PortalWorld;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const tokens = new Map<string, string>();

    async function open(options: { lang?: 'zh' | 'en'; mobile?: boolean } = {}) {
      const ctx = await newContext(browser, options);
      contexts.push(ctx);
      const page = await ctx.newPage();
      return { page, watcher: watch(page, world.origin, { assetsServed: world.assetsServed }) };
    }
    async function gql<T = any>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
      if (!tokens.has(email)) tokens.set(email, await apiToken(world.app, email));
      const r = await world.app.raw(query, variables, tokens.get(email));
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return r.data as T;
    }
    const base = () => `${world.origin}/p/${SLUG}`;

    beforeAll(async () => {
      await ensurePortalBuilt();
      world = await startPortalWorld(1500);
      browser = await launchBrowser();
    }, 240_000);
    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => {});
      await browser?.close();
      await world?.app.close();
    });

    it('an analyst opens the dashboard and sees the charts, drawn from salesReport’s numbers', async () => {
      const { page, watcher } = await open();
      await signIn(page, world.origin, DIST_ANALYST);
      // An analyst lands on the dashboard.
      await expect.poll(() => page.locator('h1').textContent()).toBe('销售看板');
      const period = await page.locator('[data-period]').getAttribute('data-period', { timeout: 15_000 });
      const [from, to] = period!.split('/');

      const byMonth = (
        await gql(DIST_ANALYST, REPORT, {
          input: { from, to, groupBy: ['MONTH'], compareTo: 'SAME_PERIOD_LAST_YEAR', first: 60 },
        })
      ).salesReport;
      const byPartner = (
        await gql(DIST_ANALYST, REPORT, {
          input: { from, to, groupBy: ['PARTNER'], compareTo: 'SAME_PERIOD_LAST_YEAR', first: 10 },
        })
      ).salesReport;
      expect(byMonth.rows.length).toBeGreaterThan(3); // the demo has sales in this period, so the chart has something to show

      // The headline figures are the report's totals.
      await expect
        .poll(() => page.locator('[data-kpi="revenue"] .kpi-value').textContent())
        .toBe(cny(byMonth.totals.revenue.amount));
      const count = new Intl.NumberFormat('zh-CN');
      expect(await page.locator('[data-kpi="orders"] .kpi-value').textContent()).toBe(
        count.format(byMonth.totals.orders),
      );
      expect(await page.locator('[data-kpi="buyers"] .kpi-value').textContent()).toBe(
        count.format(byMonth.totals.buyers),
      );

      // The month chart: a canvas painted in the series' colour, its legend under the cursor and its table say the graph's numbers.
      const chart = chartByTitle(page, '按月销售额');
      await expect.poll(() => chart.count()).toBe(1);
      expect(await paintedPixels(chart, BLUE)).toBeGreaterThan(200);
      const months: string[] = [];
      for (
        let m = from.slice(0, 7);
        m <= to.slice(0, 7);
        m = new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 1)).toISOString().slice(0, 7)
      )
        months.push(`${m}-01`);
      const revenueOf = (month: string) =>
        byMonth.rows.find((r: any) => r.keys[0].value === month)?.metrics.revenue.amount ?? '0';
      const previousOf = (month: string) =>
        byMonth.rows.find((r: any) => r.keys[0].value === month)?.previous?.revenue.amount ?? '0';
      const table = await chartTable(chart);
      expect(table.map((r) => r[1])).toEqual(months.map((m) => cny(revenueOf(m))));
      expect(table.map((r) => r[2])).toEqual(months.map((m) => cny(previousOf(m))));
      const last = await legendAt(page, chart, 'last');
      expect(last['本期']).toBe(cny(revenueOf(months.at(-1)!)));
      expect(last['对比期']).toBe(cny(previousOf(months.at(-1)!)));
      const first = await legendAt(page, chart, 'first');
      expect(first['本期']).toBe(cny(revenueOf(months[0])));

      // The partner bars: the report's partners, in its order, with its revenue.
      const bars = page.locator('figure.bars').first().locator('li');
      await expect.poll(() => bars.count()).toBe(byPartner.rows.length);
      expect(await bars.locator('.bar-label').allTextContents()).toEqual(
        byPartner.rows.map((r: any) => r.keys[0].label),
      );
      expect(await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))))).toEqual(
        byPartner.rows.map((r: any) => Number(r.metrics.revenue.amount)),
      );
      watcher.expectClean();
    });

    it('V1: a distributor’s dashboard never shows a sibling distributor’s partners, and their insights are not found', async () => {
      // Guangzhou is Shenzhen's sibling under the same general agent; the brand sees its retailers' sales.
      const gz = (
        await gql(BRAND_ANALYST, `{ accounts(first: 100, filter: { tier: DISTRIBUTOR }) { nodes { id name code } } }`)
      ).accounts.nodes.find((a: any) => a.name.includes('广州'));
      expect(gz).toBeTruthy();
      const { page, watcher } = await open();
      await signIn(page, world.origin, DIST_ANALYST);
      await page.goto(`${base()}/dashboard`);
      const period = await page.locator('[data-period]').getAttribute('data-period', { timeout: 15_000 });
      const [from, to] = period!.split('/');
      const theirs = (
        await gql(BRAND_ANALYST, REPORT, {
          input: { from, to, buyerTier: 'RETAILER', groupBy: ['BUYER'], filter: { accountIds: [gz.id] }, first: 100 },
        })
      ).salesReport.rows;
      expect(theirs.length).toBeGreaterThan(0); // the sibling has partners with sales: the page could show them
      const ours = (
        await gql(DIST_ANALYST, `{ accounts(first: 100, filter: { tier: RETAILER }) { nodes { id name } } }`)
      ).accounts.nodes as { id: string; name: string }[];

      const labels = page.locator('figure.bars').first().locator('.bar-label');
      await expect.poll(() => labels.count()).toBeGreaterThan(0);
      for (const label of await labels.allTextContents())
        expect(
          ours.map((a) => a.name),
          label,
        ).toContain(label);
      const text = (await page.locator('main').textContent())!;
      for (const r of theirs) expect(text).not.toContain(r.keys[0].label);

      // A sibling's retailer, asked for by id, is "not found" (the graph answers null, not an error).
      await page.goto(`${base()}/buyers/${encodeURIComponent(theirs[0].keys[0].value)}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('页面不存在。');
      expect(await page.locator('main').textContent()).not.toContain(theirs[0].keys[0].label);
      watcher.expectClean();
    });

    it('a partner’s insights: its purchases this year, its rhythm and its monthly chart, as Account.insights says', async () => {
      const { page, watcher } = await open();
      await signIn(page, world.origin, DIST_ANALYST);
      await page.goto(`${base()}/dashboard`);
      const link = page.locator('figure.bars').first().locator('.bar-label a').first();
      const name = (await link.textContent())!;
      await link.click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(`客户洞察: ${name}`);
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      const { account } = await gql(
        DIST_ANALYST,
        `query ($id: ID!) { account(id: $id) { name insights { revenueYearToDate { amount } openOrders monthly { month revenue { amount } } } } }`,
        { id },
      );
      expect(account.name).toBe(name);
      await expect
        .poll(() => page.locator('[data-kpi="ytd"] .kpi-value').textContent())
        .toBe(cny(account.insights.revenueYearToDate.amount));
      expect(await page.locator('[data-kpi="open-orders"] .kpi-value').textContent()).toBe(
        String(account.insights.openOrders),
      );
      const chart = chartByTitle(page, '近 13 个月采购额');
      expect(await paintedPixels(chart, BLUE)).toBeGreaterThan(100);
      expect((await chartTable(chart)).map((r) => r[1])).toEqual(
        account.insights.monthly.map((m: any) => cny(m.revenue.amount)),
      );
      watcher.expectClean();
    });

    it('the forecast page shows the 80% interval and the backtest scores of demandForecast', async () => {
      const { page, watcher } = await open();
      await signIn(page, world.origin, BRAND_ANALYST);
      await navLink(page, '需求预测').click();
      const sku = page.locator('main h2 .sku');
      await expect.poll(() => sku.count(), { timeout: 30_000 }).toBe(1);
      const input = { sku: (await sku.textContent())!, granularity: 'WEEK', horizon: 8, buyerTier: 'RETAILER' };
      const { demandForecast: fc } = await gql(
        BRAND_ANALYST,
        `query ($input: DemandForecastInput!) { demandForecast(input: $input) {
      method points { periodStart units lower upper } backtest { origins mase smape baselineMethod baselineMase candidates { method mase } } } }`,
        { input },
      );
      expect(fc.backtest.origins).toBeGreaterThan(0); // the best seller has a history long enough to be backtested
      expect(fc.points.some((p: any) => p.upper > p.lower)).toBe(true);

      const two = (n: number | null) =>
        n == null ? '—' : new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(n);
      const one = (n: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }).format(n);
      expect(await page.locator('[data-score="method"]').textContent()).toBe(fc.method);
      expect(await page.locator('[data-score="mase"]').textContent()).toBe(two(fc.backtest.mase));
      expect(await page.locator('[data-score="smape"]').textContent()).toBe(`${one(fc.backtest.smape)}%`);
      expect(await page.locator('[data-score="baseline"]').textContent()).toContain(
        `${fc.backtest.baselineMethod} · MASE ${two(fc.backtest.baselineMase)}`,
      );
      expect(await page.locator('table.candidates tbody tr').count()).toBe(fc.backtest.candidates.length);
      // The interval, period by period.
      const rows = await page
        .locator('table.points tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      expect(rows).toEqual(fc.points.map((p: any) => [one(p.units), one(p.lower), one(p.upper)]));
      // On the chart: the forecast line and the shaded band are painted, and the legend at the last period gives its bounds.
      const chart = chartByTitle(page, '销量与预测');
      expect(await paintedPixels(chart, BLUE)).toBeGreaterThan(20);
      expect(await paintedPixels(chart, BLUE, [25, 55], 4)).toBeGreaterThan(300); // the band: the same blue at 15 % opacity
      const legend = await legendAt(page, chart, 'last');
      const end = fc.points.at(-1);
      expect([legend['预测销量'], legend['下限（80%）'], legend['上限（80%）']]).toEqual([
        one(end.units),
        one(end.lower),
        one(end.upper),
      ]);

      // Monthly, six periods ahead, for a sku typed in.
      await page.getByLabel('粒度').selectOption('MONTH');
      await page.getByRole('button', { name: '预测', exact: true }).click();
      await expect.poll(() => page.locator('table.points tbody tr').count()).toBe(6);
      watcher.expectClean();
    });

    it('replenishment shows the suggestions of replenishmentSuggestions, and an admin puts them in the cart', async () => {
      const { page, watcher } = await open();
      await signIn(page, world.origin, DIST_ADMIN);
      await navLink(page, '补货建议').click();
      const { warehouses, viewer } = await gql(
        DIST_ADMIN,
        `{ warehouses { id owner { id } } viewer { account { id } } }`,
      );
      const own = (warehouses as { id: string; owner: { id: string } }[]).find(
        (w) => w.owner.id === viewer.account.id,
      )!;
      const { replenishmentSuggestions: s } = await gql(
        DIST_ADMIN,
        `query ($id: ID!) { replenishmentSuggestions(input: { warehouseId: $id }) { variant { sku } suggestedQuantity reorderPoint } }`,
        { id: own.id },
      );
      const needed = (s as { variant: { sku: string }; suggestedQuantity: number; reorderPoint: number }[]).filter(
        (r) => r.suggestedQuantity > 0,
      );
      expect(needed.length).toBeGreaterThan(0);
      await expect
        .poll(() => page.locator('[data-needed]').getAttribute('data-needed'), { timeout: 30_000 })
        .toBe(String(needed.length));
      const shown = await page
        .locator('table.suggestions tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.getAttribute('data-sku'), tr.querySelector('.suggested')?.textContent]),
        );
      expect(shown).toEqual(needed.map((r) => [r.variant.sku, String(r.suggestedQuantity)]));
      await page.getByRole('button', { name: '将建议数量加入购物车' }).click();
      await expect.poll(() => navLink(page, '购物车').textContent()).toBe(`购物车${needed.length}`);
      watcher.expectClean();
    });

    it('alerts and pilots show what channelAlerts and a pilot’s salesReport say; a wrong flag is said plainly', async () => {
      const { page, watcher } = await open();
      await signIn(page, world.origin, BRAND_ANALYST);
      const { channelAlerts } = await gql(BRAND_ANALYST, `{ channelAlerts(first: 100) { kind message } }`);
      await navLink(page, '渠道预警').click();
      await expect
        .poll(() => page.locator('table.alerts tbody tr').count(), { timeout: 30_000 })
        .toBe(channelAlerts.length);
      expect(await page.locator('table.alerts tbody tr td:nth-child(5)').allTextContents()).toEqual(
        channelAlerts.map((a: any) => a.message),
      );

      await navLink(page, '试点功能').click();
      // The brand's users pick from every flag, as featureFlags lists them.
      const { featureFlags } = await gql(BRAND_ANALYST, `{ featureFlags { key } }`);
      expect(featureFlags.length).toBeGreaterThan(1);
      await expect
        .poll(() => page.locator('[data-flags] button').allTextContents())
        .toEqual(featureFlags.map((f: any) => f.key));
      await page.getByLabel('功能开关标识').fill('no-such-flag');
      await page.getByRole('button', { name: '查询' }).click();
      await expect.poll(() => page.locator('.notice.error').textContent()).toContain('请求无效');
      await page.getByLabel('功能开关标识').fill('rebate-pilot');
      await page.getByRole('button', { name: '查询' }).click();
      const period = periodOfPage(await page.locator('#report-period').inputValue());
      const { salesReport } = await gql(BRAND_ANALYST, REPORT, {
        input: {
          ...period,
          buyerTier: 'RETAILER',
          groupBy: ['PILOT'],
          pilotFlag: 'rebate-pilot',
          compareTo: 'SAME_PERIOD_LAST_YEAR',
        },
      });
      for (const group of ['IN', 'OUT']) {
        const row = salesReport.rows.find((r: any) => r.keys[0].value === group);
        expect(row).toBeTruthy();
        await expect
          .poll(() => page.locator(`tr[data-group="${group}"] td`).first().textContent())
          .toBe(cny(row.metrics.revenue.amount));
      }
      expect(await paintedPixels(chartByTitle(page, '试点内外按月销售额'), BLUE)).toBeGreaterThan(100);
      watcher.expectClean();
    });

    it('a retailer sees “recommended for you” on the catalog: what recommendations names, each orderable', async () => {
      const { recommendations } = await gql(RETAILER, `{ recommendations(first: 4) { variant { sku } } }`);
      expect(recommendations.length).toBeGreaterThan(0);
      const { page, watcher } = await open();
      await signIn(page, world.origin, RETAILER);
      await page.goto(`${base()}/catalog`);
      const cards = page.locator('.recommended li');
      await expect.poll(() => cards.count()).toBe(recommendations.length);
      expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-sku')))).toEqual(
        recommendations.map((r: any) => r.variant.sku),
      );
      expect(await cards.first().getByRole('button', { name: '加入购物车' }).count()).toBe(1);
      watcher.expectClean();
    });

    it('staff without ADMIN or ANALYST have no analytics menu, and the graph’s refusal is said plainly', async () => {
      const { page, watcher } = await open();
      await signIn(page, world.origin, 'service@dist-shenzhen.example');
      expect(await navLink(page, '销售看板').count()).toBe(0);
      await page.goto(`${base()}/dashboard`);
      await expect.poll(() => page.locator('.notice.error').textContent()).toContain('您的账号无权查看或执行此操作');
      watcher.expectClean();
    });

    it('the analytics pages have no serious or critical accessibility violations (Chinese and English)', async () => {
      const found: string[] = [];
      for (const lang of ['zh', 'en'] as const) {
        const { page, watcher } = await open({ lang });
        await page.goto(`${base()}/sign-in`);
        await page.evaluate((l) => localStorage.setItem('cg.lang', l), lang);
        await signIn(page, world.origin, DIST_ANALYST);
        for (const path of ['dashboard', 'forecast', 'replenishment', 'alerts', 'buyers']) {
          await page.goto(`${base()}/${path}`);
          await expect
            .poll(
              () =>
                page
                  .locator('main')
                  .getByText(/加载中|Loading…/)
                  .count(),
              { timeout: 30_000 },
            )
            .toBe(0);
          found.push(...(await violations(page)));
        }
        await page.locator('table.list a').first().click(); // a buyer's insights
        await expect.poll(() => page.locator('[data-kpi="ytd"]').count()).toBe(1);
        found.push(...(await violations(page)));
        watcher.expectClean();
      }
      // On a phone: no violation either, and nothing wider than the screen (the charts follow its width).
      const phone = await open({ mobile: true });
      await signIn(phone.page, world.origin, DIST_ANALYST);
      for (const path of ['dashboard', 'forecast']) {
        await phone.page.goto(`${base()}/${path}`);
        await expect
          .poll(() => phone.page.locator('figure.chart canvas').count(), { timeout: 30_000 })
          .toBeGreaterThan(0);
        found.push(...(await violations(phone.page)));
        expect(await phone.page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      }
      phone.watcher.expectClean();

      const { page, watcher } = await open();
      await signIn(page, world.origin, BRAND_ANALYST);
      await page.goto(`${base()}/pilots`);
      await page.getByLabel('功能开关标识').fill('rebate-pilot');
      await page.getByRole('button', { name: '查询' }).click();
      await expect.poll(() => page.locator('tr[data-group]').count()).toBe(2);
      found.push(...(await violations(page)));
      expect(found).toEqual([]);
      watcher.expectClean();
    }, 180_000);
  },
);

/** The period the pages compute for a preset (Asia/Shanghai), for the test's own query. */
function periodOfPage(preset: string): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [y, m] = today.split('-').map(Number);
  const day = (yy: number, mm: number, dd: number) => new Date(Date.UTC(yy, mm, dd)).toISOString().slice(0, 10);
  expect(preset).toBe('last12');
  return { from: day(y, m - 13, 1), to: day(y, m - 1, 0) };
}
