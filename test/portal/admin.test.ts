import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createLogger } from '../../src/logger.js';
import { createDispatcher, type Dispatcher } from '../../src/modules/webhooks/dispatcher.js';
import { violations } from '../support/axe.js';
import { browserTests, ensurePortalBuilt, launchBrowser, newContext, watch } from '../support/browser.js';
import { apiToken, navLink, signIn, SLUG } from '../support/portal-pages.js';
import { DEMO_PASSWORD, startPortalWorld, type PortalWorld } from '../support/portal-world.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

/**
 * Administration in a real browser on the demo channel, every outcome
 * checked through the graph with the test's own queries: a distributor's
 * ADMIN makes an API key (the secret, shown once, works as that key against
 * /graphql; revoked, it is refused), a webhook endpoint whose "send test"
 * reaches a local receiver signed with the secret shown once, and shows in
 * the delivery log; users and passwords; the brand's ADMIN changes a feature
 * flag and finds the change in the audit log; menus by role; axe-core on the
 * pages in the states that matter (a secret shown, a confirmation asked).
 */
const DIST_ADMIN = 'admin@dist-shenzhen.example';
const DIST_SERVICE = 'service@dist-shenzhen.example';
const DIST_FINANCE = 'finance@dist-shenzhen.example';
const BRAND_ADMIN = 'admin@qingyuan.example';
const BRAND_ANALYST = 'analyst@qingyuan.example';
const VIEWER = '{ viewer { account { name } roles apiKey { name } } }';

describe.runIf(browserTests('test/portal/admin.test.ts'))('administration in the portal', { timeout: 120_000 }, () => {
  let world: PortalWorld;
  let browser: Browser;
  let rx: Receiver;
  let dispatcher: Dispatcher;
  const contexts: BrowserContext[] = [];
  const base = (slug = SLUG) => `${world.origin}/p/${slug}`;

  async function open(options: { lang?: 'zh' | 'en'; mobile?: boolean } = {}) {
    const ctx = await newContext(browser, options);
    contexts.push(ctx);
    const page = await ctx.newPage();
    return { ctx, page, watcher: watch(page, world.origin, { assetsServed: world.assetsServed }) };
  }
  async function graph(query: string, variables: Record<string, unknown>, bearer: string) {
    return world.app.raw(query, variables, bearer);
  }
  async function go(page: Page, path: string, slug = SLUG) {
    await page.goto(`${base(slug)}/${path}`);
    await expect.poll(() => page.locator('h1').count()).toBe(1);
  }

  beforeAll(async () => {
    await ensurePortalBuilt();
    world = await startPortalWorld();
    browser = await launchBrowser();
    rx = await startReceiver();
    // The server's dispatcher, stepped by hand: the seed's events (no endpoint yet) are drained first.
    dispatcher = createDispatcher({
      db: world.app.database.db,
      config: world.app.config,
      log: createLogger('silent'),
      now: () => new Date(),
    });
    while ((await dispatcher.runOnce()).fannedOut > 0);
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await world?.app.close();
    await rx?.close();
  });

  it('a distributor ADMIN creates an API key: the secret is shown once, works as that key, and revoked is refused', async () => {
    const { ctx, page, watcher } = await open();
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.origin });
    await signIn(page, world.origin, DIST_ADMIN);
    await navLink(page, 'API 密钥').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('API 密钥');

    await page.getByLabel('密钥名称').fill('ERP 同步');
    await page.getByRole('group', { name: '密钥角色' }).getByLabel('财务').check();
    await page.getByRole('button', { name: '创建密钥' }).click();
    const shown = page.locator('#new-key-secret');
    await expect.poll(() => shown.count()).toBe(1);
    const secret = await shown.inputValue();
    expect(secret).toMatch(/^cg_live_[A-Za-z0-9]{12}_[A-Za-z0-9]{40}$/);
    expect(await violations(page)).toEqual([]);
    // The copy button puts exactly the key on the clipboard.
    await page.getByRole('button', { name: '复制' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已复制' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // The key works against /graphql as the distributor, with the roles chosen.
    const as = await graph(VIEWER, {}, secret);
    expect(as.errors).toBeUndefined();
    expect(as.data.viewer).toMatchObject({
      account: { name: expect.stringContaining('鹏泉') },
      apiKey: { name: 'ERP 同步' },
    });
    expect([...as.data.viewer.roles].sort()).toEqual(['BUYER', 'FINANCE']);

    // Once dismissed it is gone for good: the list shows only its prefix.
    await page.getByRole('button', { name: '我已保存' }).click();
    await expect.poll(() => shown.count()).toBe(0);
    await page.reload();
    const row = page.locator(`tr[data-key="${secret.split('_').slice(0, 3).join('_')}"]`);
    await expect.poll(() => row.getAttribute('data-state')).toBe('active');
    expect(await page.content()).not.toContain(secret);

    // Revoking asks first; then the key is refused everywhere.
    await row.getByRole('button', { name: '吊销' }).click();
    const yes = row.getByRole('button', { name: '确定, 吊销' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('确定, 吊销');
    expect(await violations(page)).toEqual([]);
    await yes.click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('revoked');
    const refused = await graph(VIEWER, {}, secret);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    watcher.expectClean();
  });

  it('a key without a role or a name is refused, and the page says why', async () => {
    const { page, watcher } = await open();
    await signIn(page, world.origin, DIST_ADMIN);
    await go(page, 'api-keys');
    await page.getByLabel('密钥名称').fill('   ');
    await page.getByRole('group', { name: '密钥角色' }).getByLabel('采购').uncheck();
    await page.getByRole('button', { name: '创建密钥' }).click();
    // No role: the page says so before asking; a blank name: the graph's INVALID_INPUT.
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('请至少选择一个角色');
    await page.getByRole('group', { name: '密钥角色' }).getByLabel('采购').check();
    await page.getByRole('button', { name: '创建密钥' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('INVALID_INPUT');
    expect(await page.locator('#new-key-secret').count()).toBe(0);
    watcher.expectClean();
  });

  it('creates a webhook endpoint: "send test" delivers a signed ping, seen in the delivery log; redeliver and rotate', async () => {
    const { page, watcher } = await open();
    await signIn(page, world.origin, DIST_ADMIN);
    await navLink(page, 'Webhooks').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Webhooks');
    const path = '/portal-hook';
    await page.getByLabel('接收地址（URL）').fill(rx.url(path));
    await page.getByLabel('说明').fill('ERP 订单同步');
    await page.getByRole('group', { name: '事件' }).getByLabel('ORDER_SHIPPED').check();
    await page.getByRole('button', { name: '创建接收地址' }).click();
    const shown = page.locator('#webhook-secret');
    await expect.poll(() => shown.count()).toBe(1);
    const secret = await shown.inputValue();
    expect(secret).toMatch(/^whsec_/);
    rx.secrets(path, secret);
    await page.getByRole('button', { name: '我已保存' }).click();

    const card = page.locator(`section[data-endpoint="${rx.url(path)}"]`);
    await expect.poll(() => card.count()).toBe(1);
    await card.getByRole('button', { name: '发送测试' }).click();
    await expect.poll(() => card.locator('.notice.info').textContent()).toBe('测试事件：成功 (HTTP 200)');
    const [ping] = await rx.waitFor(path, 1);
    expect(ping.json.type).toBe('ping');
    expect(ping.verifiedWith).toEqual([secret]);

    // The log opened with the test: the ping, delivered.
    const row = card.locator(`tr[data-event-id="${ping.json.id}"]`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('SUCCEEDED');
    expect(await row.getAttribute('data-event')).toBe('PING');
    expect(await row.locator('td').nth(1).textContent()).toBe('200');
    expect(await violations(page)).toEqual([]);
    // The status filter asks the graph for failures only: there are none.
    await card.getByLabel('按状态筛选').selectOption('FAILED');
    await expect.poll(() => card.locator('tr[data-delivery]').count()).toBe(0);
    await card.getByLabel('按状态筛选').selectOption('');
    await expect.poll(() => row.count()).toBe(1);

    // Redeliver queues the same event again (a new delivery, newest first); the dispatcher sends it, signed, with the same id.
    await row.getByRole('button', { name: /重新投递/ }).click();
    await expect.poll(() => row.count()).toBe(2);
    expect(await row.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual([
      'PENDING',
      'SUCCEEDED',
    ]);
    expect(await card.locator('[data-note="redeliver"]').textContent()).toBe('已重新排队');
    await dispatcher.runOnce();
    const again = await rx.waitFor(path, 2);
    expect(again[1].json.id).toBe(ping.json.id);
    expect(again[1].verifiedWith).toEqual([secret]);
    await card.getByLabel('按状态筛选').selectOption('SUCCEEDED');
    await expect
      .poll(() => row.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))))
      .toEqual(['SUCCEEDED', 'SUCCEEDED']);

    // Rotating shows the new secret once; the next ping is signed with it (and, for 24 hours, the old one too).
    await card.getByRole('button', { name: '更换签名密钥' }).click();
    await card.getByRole('button', { name: '确定, 更换签名密钥' }).click();
    await expect.poll(() => shown.count()).toBe(1);
    const rotated = await shown.inputValue();
    expect(rotated).not.toBe(secret);
    rx.secrets(path, secret, rotated);
    await card.getByRole('button', { name: '发送测试' }).click();
    const third = (await rx.waitFor(path, 3))[2];
    expect(third.verifiedWith).toEqual([secret, rotated]);
    rx.secrets(path, rotated);
    expect(third.headers['webhook-signature']!.toString().split(' ')).toHaveLength(2);

    // Disabled, then enabled again, as the graph says.
    await card.getByRole('button', { name: '停用' }).click();
    await expect.poll(() => card.locator('[data-enabled]').getAttribute('data-enabled')).toBe('false');
    const state = await graph(
      `query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { enabled } } }`,
      { id: await endpointId(path) },
      await apiToken(world.app, DIST_ADMIN),
    );
    expect(state.data.node.enabled).toBe(false);
    await card.getByRole('button', { name: '启用' }).click();
    await expect.poll(() => card.locator('[data-enabled]').getAttribute('data-enabled')).toBe('true');
    watcher.expectClean();
  });

  async function endpointId(path: string): Promise<string> {
    const r = await graph(
      `{ viewer { account { webhookEndpoints { id url } } } }`,
      {},
      await apiToken(world.app, DIST_ADMIN),
    );
    return r.data.viewer.account.webhookEndpoints.find((e: { url: string }) => e.url === rx.url(path)).id;
  }

  it('users: an ADMIN gives a role and deactivates a user (its sign-in refused), then activates it again', async () => {
    const { page, watcher } = await open({ lang: 'en' });
    await page.goto(`${base()}/sign-in`);
    await page.evaluate(() => localStorage.setItem('cg.lang', 'en'));
    await signIn(page, world.origin, DIST_ADMIN);
    await navLink(page, 'Users').click();
    const card = page.locator(`section[data-user="${DIST_SERVICE}"]`);
    await expect.poll(() => card.count()).toBe(1);
    await card.getByLabel('Analyst').check();
    await card.getByRole('button', { name: /Save roles/ }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toContain('Saved');
    const login = (email: string) =>
      world.app.raw(`mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`, {
        i: { email, password: DEMO_PASSWORD },
      });
    const token = (await login(DIST_SERVICE)).data.login.token;
    expect([...(await graph(VIEWER, {}, token)).data.viewer.roles].sort()).toEqual(['ANALYST', 'SERVICE']);

    await card.getByRole('button', { name: 'Deactivate' }).click();
    await card.getByRole('button', { name: 'Yes, Deactivate' }).click();
    await expect.poll(() => card.getAttribute('data-active')).toBe('false');
    expect((await login(DIST_SERVICE)).data.login.userErrors).toEqual([{ code: 'USER_DEACTIVATED' }]);
    expect((await graph(VIEWER, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await violations(page)).toEqual([]);
    await card.getByRole('button', { name: /Activate/ }).click();
    await expect.poll(() => card.getAttribute('data-active')).toBe('true');
    expect((await login(DIST_SERVICE)).data.login.userErrors).toEqual([]);

    // The last ADMIN cannot take itself out: the graph's LAST_ADMIN is shown by the user's card.
    const self = page.locator(`section[data-user="${DIST_ADMIN}"]`);
    await self.getByLabel('Buyer').check();
    await self.getByLabel('Admin').uncheck();
    await self.getByRole('button', { name: /Save roles/ }).click();
    await expect.poll(() => self.getByRole('alert').textContent()).toContain('LAST_ADMIN');
    watcher.expectClean();
  });

  it('any user changes its own password: other sessions end, this one goes on, the new password signs in', async () => {
    const { page, watcher } = await open();
    await signIn(page, world.origin, DIST_FINANCE);
    const elsewhere = await apiToken(world.app, DIST_FINANCE);
    await navLink(page, '修改密码').click();
    await page.getByLabel('当前密码').fill('not-my-password');
    await page.getByLabel('新密码', { exact: true }).fill('Tide-Lantern-4417');
    await page.getByLabel('再次输入新密码').fill('Tide-Lantern-4417');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('INVALID_CREDENTIALS');
    await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '密码已修改' }).count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    // The other session is refused; this page keeps working with the token changePassword answered.
    expect((await graph(VIEWER, {}, elsewhere)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await navLink(page, '对账与开票').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('对账单');
    expect(await page.locator('.whoami').count()).toBe(1);
    const fresh = await world.app.raw(`mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`, {
      i: { email: DIST_FINANCE, password: 'Tide-Lantern-4417' },
    });
    expect(fresh.data.login.userErrors).toEqual([]);
    watcher.expectClean();
  });

  it('the brand ADMIN turns a feature flag on for everyone and sees the change in the audit log', async () => {
    const { page, watcher } = await open();
    await signIn(page, world.origin, BRAND_ADMIN, 'qingyuan');
    await navLink(page, '功能开关').click();
    const row = page.locator('tr[data-flag="same-day-install"]');
    await expect.poll(() => row.getAttribute('data-everyone')).toBe('false');
    expect(await row.textContent()).toContain('深圳');
    expect(await violations(page)).toEqual([]);
    await row.getByRole('button', { name: /编辑/ }).click();
    await expect.poll(() => page.locator('#flag-form-title').textContent()).toBe('编辑开关 same-day-install');
    // The form holds the flag's targeting as it is: the Shenzhen region code among the other codes.
    expect(await page.getByLabel('其他地区代码').inputValue()).toBe('440300');
    await page.getByLabel('对所有账号开启').check();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => row.getAttribute('data-everyone')).toBe('true');
    const token = await apiToken(world.app, BRAND_ADMIN);
    const flags = await graph(`{ featureFlags { key everyone regions { code } } viewer { user { name } } }`, {}, token);
    expect(flags.data.featureFlags.find((f: { key: string }) => f.key === 'same-day-install')).toEqual({
      key: 'same-day-install',
      everyone: true,
      regions: [{ code: '440300' }],
    });

    // A new flag for distributors in East China, then deleted after a second press.
    await page.getByLabel('功能开关标识').fill('portal-admin-test');
    await page.getByRole('group', { name: '渠道层级' }).getByLabel('经销商').check();
    await page.getByRole('group', { name: '地区' }).getByLabel('上海市').check();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const made = page.locator('tr[data-flag="portal-admin-test"]');
    await expect.poll(() => made.textContent()).toContain('上海市');
    await made.getByRole('button', { name: '删除' }).click();
    await made.getByRole('button', { name: '确定, 删除' }).click();
    await expect.poll(() => made.count()).toBe(0);

    // The audit log: the update, by this admin, with before and after.
    await navLink(page, '操作日志').click();
    await page.getByLabel('操作', { exact: true }).fill('featureFlag.update');
    await page.getByRole('button', { name: '查询' }).click();
    const entry = page.locator('tr[data-action="featureFlag.update"]').first();
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.locator('td').nth(2).textContent()).toBe(flags.data.viewer.user.name);
    const changes = JSON.parse((await entry.locator('pre.changes').textContent())!);
    expect(changes.before.everyone).toBe(false);
    expect(changes.after.everyone).toBe(true);
    // What the page lists is what the graph's auditLog says for the same filter.
    const log = await graph(
      `{ auditLog(first: 25, filter: { action: "featureFlag.update" }) { totalCount nodes { id } } }`,
      {},
      token,
    );
    await expect.poll(() => page.locator('tr[data-action]').count()).toBe(Math.min(25, log.data.auditLog.totalCount));
    // The create and the delete are there too, newest first.
    await page.getByLabel('操作', { exact: true }).fill('');
    await page.getByRole('button', { name: '查询' }).click();
    await expect
      .poll(() => page.locator('tr[data-action]').first().getAttribute('data-action'))
      .toBe('featureFlag.delete');
    expect(await page.locator('tr[data-action]').nth(1).getAttribute('data-action')).toBe('featureFlag.create');
    expect(await violations(page)).toEqual([]);
    watcher.expectClean();
  });

  it('the audit log filters by account and date and pages on', async () => {
    const { page, watcher } = await open();
    await signIn(page, world.origin, BRAND_ADMIN, 'qingyuan');
    const token = await apiToken(world.app, BRAND_ADMIN);
    // Enough history to page through: a flag described twenty times over, through the graph.
    for (let i = 0; i < 20; i++) {
      const saved = await graph(
        `mutation($input: FeatureFlagInput!) { saveFeatureFlag(input: $input) { userErrors { code } } }`,
        { input: { key: 'rebate-pilot', description: `Rebate statements, revision ${i}` } },
        token,
      );
      expect(saved.data.saveFeatureFlag.userErrors).toEqual([]);
    }
    const all = await graph(`{ auditLog(first: 100) { totalCount nodes { account { id name } } } }`, {}, token);
    expect(all.data.auditLog.totalCount).toBeGreaterThan(25);
    await go(page, 'audit', 'qingyuan');
    await expect.poll(() => page.locator('tr[data-action]').count()).toBe(25);
    await page.getByRole('button', { name: '加载更多' }).click();
    await expect.poll(() => page.locator('tr[data-action]').count()).toBe(Math.min(50, all.data.auditLog.totalCount));

    // One account: find it by name, pick it, and the rows are that account's, as many as the graph has.
    const target = all.data.auditLog.nodes
      .map((n: { account: { id: string; name: string } }) => n.account)
      .find((a: { name: string }) => a.name.includes('鹏泉'))!;
    const theirs = await graph(
      `query($id: ID!) { auditLog(first: 100, filter: { accountId: $id }) { totalCount } }`,
      { id: target.id },
      token,
    );
    await page.getByLabel('查找账号').fill('鹏泉');
    await expect
      .poll(async () =>
        (await page.locator('#audit-account option').allTextContents()).some((o) => o.startsWith(target.name)),
      )
      .toBe(true);
    await page.getByLabel('账户').selectOption(target.id);
    await page.getByRole('button', { name: '查询' }).click();
    await expect
      .poll(() => page.locator('tr[data-action]').count())
      .toBe(Math.min(25, theirs.data.auditLog.totalCount));
    for (const cell of await page.locator('tr[data-action] td:nth-of-type(2)').allTextContents())
      expect(cell).toBe(target.name);
    // Since tomorrow: nothing.
    const tomorrow = new Date(Date.now() + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.getByLabel('起始日期').fill(tomorrow);
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('tr[data-action]').count()).toBe(0);
    expect(await page.getByText('共 0 条').count()).toBe(1);
    watcher.expectClean();
  });

  it('menus by role: administration only for ADMIN users, flags only for the brand’s; a typed address is refused plainly', async () => {
    const menus = async (email: string, slug = SLUG) => {
      const { page, watcher } = await open();
      await signIn(page, world.origin, email, slug);
      const labels = (await page.locator('nav#nav a').allTextContents()).map((s) => s.replace(/\d+$/, ''));
      return { page, watcher, labels };
    };
    const admin = ['API 密钥', 'Webhooks', '用户管理', '操作日志'];
    const dist = await menus(DIST_ADMIN);
    expect(dist.labels).toEqual(expect.arrayContaining([...admin, '修改密码']));
    expect(dist.labels).not.toContain('功能开关');
    dist.watcher.expectClean();

    const service = await menus(DIST_SERVICE);
    for (const l of [...admin, '功能开关']) expect(service.labels).not.toContain(l);
    expect(service.labels).toContain('修改密码');
    await go(service.page, 'api-keys');
    expect(await service.page.getByRole('alert').textContent()).toContain('无权');
    expect(await service.page.locator('#key-name').count()).toBe(0);
    service.watcher.expectClean();

    const analyst = await menus(BRAND_ANALYST, 'qingyuan');
    for (const l of [...admin, '功能开关']) expect(analyst.labels).not.toContain(l);
    analyst.watcher.expectClean();

    const brand = await menus(BRAND_ADMIN, 'qingyuan');
    expect(brand.labels).toEqual(expect.arrayContaining([...admin, '功能开关']));
    // A distributor's ADMIN typing the flags address is told plainly.
    await go(dist.page, 'flags');
    expect(await dist.page.getByRole('alert').textContent()).toContain('无权');
    expect(await dist.page.locator('#flag-key').count()).toBe(0);
    dist.watcher.expectClean();
    brand.watcher.expectClean();
  });
});
