import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { LoginDocument, VariantBySkuDocument } from '../generated/graphql.js';
import type { TestApp } from './app.js';
import { DEMO_PASSWORD } from './portal-world.js';

export const SLUG = 'shenzhen-qingyuan';

/** Signs in through the portal's own form, as a person would. */
export async function signIn(page: Page, origin: string, email: string, slug = SLUG): Promise<void> {
  await page.goto(`${origin}/p/${slug}/sign-in`);
  await page.getByLabel(/邮箱|Email/).fill(email);
  await page.getByLabel(/密码|Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await expect.poll(() => page.locator('.whoami').textContent(), { timeout: 15_000 }).toBeTruthy();
}

export async function apiToken(app: TestApp, email: string): Promise<string> {
  const r = await app.gql(LoginDocument, { input: { email, password: DEMO_PASSWORD } });
  expect(r.data?.login.userErrors).toEqual([]);
  return r.data!.login.token!;
}

/** What the graph says a user's account pays for a sku (its own price, V3). */
export async function priceOf(app: TestApp, email: string, sku: string, quantity = 1) {
  const r = await app.gql(VariantBySkuDocument, { sku, quantity }, await apiToken(app, email));
  return r.data?.variant?.price ?? null;
}

/** ¥2,302.31 as the portal writes it in Chinese (Intl, zh-CN). */
export function cny(amount: string): string {
  return new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(Number(amount));
}

/** A link of the portal's main menu (its label may carry a count). */
export function navLink(page: Page, label: string) {
  return page.locator('nav#nav').getByRole('link', { name: new RegExp(`^${label}`) });
}
