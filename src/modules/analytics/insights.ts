/**
 * Account.insights, the 360° view of an account (its purchases, rhythm,
 * open work, credit). Each field reads a per-request loader, so a list of
 * accounts costs one statement per figure asked for.
 */
import { badInput } from '../../graphql/errors.js';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { inViewerSubtree } from '../../auth/access.js';
import { money, type MoneyValue } from '../../lib/money.js';
import type { AccountRow } from '../accounts/tables.js';
import type { VariantRow } from '../catalog/tables.js';
import { maySeeCredit } from './access.js';

export interface InsightsValue {
  account: AccountRow;
}

/** Null for an account outside the viewer's subtree (V1); only accounts it reached through a scoped read get here anyway. */
export function insightsOf(ctx: Context, account: AccountRow): InsightsValue | null {
  return ctx.viewer && inViewerSubtree(ctx.viewer, account.path) ? { account } : null;
}

export async function monthly(ctx: Context, i: InsightsValue) {
  const facts = await ctx.loaders.analytics.purchases.load(i.account.id);
  return facts.monthly.map((m) => ({ month: m.month, revenue: money(m.revenue), orders: m.orders }));
}

export async function revenueYearToDate(ctx: Context, i: InsightsValue): Promise<MoneyValue> {
  return money((await ctx.loaders.analytics.purchases.load(i.account.id)).yearToDate);
}

export async function revenuePreviousYearToDate(ctx: Context, i: InsightsValue): Promise<MoneyValue> {
  return money((await ctx.loaders.analytics.purchases.load(i.account.id)).previousYearToDate);
}

export async function lastOrderAt(ctx: Context, i: InsightsValue): Promise<Date | null> {
  return (await ctx.loaders.analytics.orders.load(i.account.id)).lastOrderAt;
}

export async function averageDaysBetweenOrders(ctx: Context, i: InsightsValue): Promise<number | null> {
  return (await ctx.loaders.analytics.orders.load(i.account.id)).averageDaysBetweenOrders;
}

export async function openOrders(ctx: Context, i: InsightsValue): Promise<number> {
  return (await ctx.loaders.analytics.orders.load(i.account.id)).openOrders;
}

export async function openTickets(ctx: Context, i: InsightsValue): Promise<number> {
  return (await ctx.loaders.analytics.tickets.load(i.account.id)).openTickets;
}

export async function slaBreachesLast90Days(ctx: Context, i: InsightsValue): Promise<number> {
  return (await ctx.loaders.analytics.tickets.load(i.account.id)).slaBreachesLast90Days;
}

const MAX_TOP = 50;

export async function topVariants(
  ctx: Context,
  i: InsightsValue,
  first: number | null | undefined,
): Promise<{ variant: VariantRow; units: number; revenue: MoneyValue }[]> {
  const n = first ?? 5;
  if (!Number.isInteger(n) || n < 1 || n > MAX_TOP) throw badInput(`first must be between 1 and ${MAX_TOP}`);
  const top = await ctx.loaders.analytics.topVariants.load(`${i.account.id}|${n}`);
  // The account's own history: the variants it bought, whatever the catalog offers today.
  const variants = await ctx.loaders.catalog.variantById.loadMany(top.map((t) => t.variantId));
  return top.flatMap((t, k) => {
    const v = variants[k];
    return v && !(v instanceof Error) ? [{ variant: v, units: t.units, revenue: money(t.revenue) }] : [];
  });
}

/** V5 through the one rule analytics uses (access.ts). */
export function creditUtilization(ctx: SignedInContext, i: InsightsValue): number | null {
  const a = i.account;
  if (a.creditLimit === null || a.creditLimit <= 0n || !maySeeCredit(ctx.viewer, a)) return null;
  return Number(a.creditUsed) / Number(a.creditLimit);
}
