/**
 * The README's screenshots, taken from a running server with the demo data
 * (`npm start`, then `npm run portal:screenshot`, or pass its origin):
 * docs/portal-catalog.png, a retailer's catalog with its prices and why;
 * docs/portal-dashboard.png, the brand analyst's channel dashboard.
 * Needs Debian's chromium (or CHROMIUM_PATH) and, for Chinese text, fonts-noto-cjk.
 */
import { chromium, type Browser } from 'playwright-core';

const origin = process.argv[2] ?? 'http://localhost:4000';

async function signedIn(browser: Browser, slug: string, email: string, height: number) {
  const page = await browser.newPage({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height },
    deviceScaleFactor: 1,
  });
  await page.goto(`${origin}/p/${slug}/sign-in`);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill('channel-demo-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForSelector('.whoami');
  return page;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await signedIn(browser, 'shenzhen-qingyuan', 'buyer@ret-shenzhen-futian-1.example', 1000);
  await page.goto(`${origin}/p/shenzhen-qingyuan/catalog?q=QY-RO-800G`);
  await page.waitForSelector('tr[data-sku] .amount');
  await page.locator('tr[data-sku="QY-RO-800G-PRO-WH"] summary').click();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: 'docs/portal-catalog.png' });
  console.log('wrote docs/portal-catalog.png');

  // The brand's analyst: the whole channel's sell-through (what retailers bought), by month, agent and province.
  const analyst = await signedIn(browser, 'qingyuan', 'analyst@qingyuan.example', 1180);
  await analyst.goto(`${origin}/p/qingyuan/dashboard`);
  await analyst.waitForSelector('figure.chart canvas');
  await analyst.getByLabel('统计对象').selectOption('RETAILER');
  await analyst.waitForSelector('.report[aria-busy="false"] figure.chart canvas');
  await analyst.waitForLoadState('networkidle');
  await analyst.screenshot({ path: 'docs/portal-dashboard.png' });
  console.log('wrote docs/portal-dashboard.png');
} finally {
  await browser.close();
}
