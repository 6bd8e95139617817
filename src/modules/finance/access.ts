import type { SignedInContext } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import type { AccountRow } from '../accounts/tables.js';
import { findVisible } from '../accounts/service.js';

export const financeRole = (ctx: SignedInContext) => ctx.viewer.roles.includes('ADMIN') || ctx.viewer.roles.includes('FINANCE');

/** A buyer whose money the viewer's account manages as its direct seller (FINANCE or ADMIN). */
export async function buyerOfViewer(ctx: SignedInContext, buyerId: string): Promise<AccountRow> {
  const key = keyOf(buyerId, 'Account');
  const buyer = key === null ? null : await findVisible(ctx, key);
  if (!buyer || buyer.parentId !== ctx.viewer.accountId || !financeRole(ctx)) throw forbidden("Only the buyer's seller (FINANCE or ADMIN) does that");
  return buyer;
}

/** The viewer's own account, acting as a buyer (FINANCE or ADMIN). */
export function viewerAsBuyer(ctx: SignedInContext): AccountRow {
  if (!financeRole(ctx) || ctx.viewer.account.parentId === null) throw forbidden("Only the buyer's FINANCE or ADMIN does that");
  return ctx.viewer.account;
}

/** Shanghai dates: "2026-10-01" → the instant that day starts there. */
export function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

export function todayInShanghai(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A real calendar date "YYYY-MM-DD" (2026-02-30 is not). */
export function isDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
