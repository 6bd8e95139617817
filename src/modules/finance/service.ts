import { and, eq } from 'drizzle-orm';
import { parentPage } from '../../graphql/per-parent.js';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { inFinanceScope } from '../../auth/scope.js';
import { money } from '../../lib/money.js';
import { accounts, type AccountRow } from '../accounts/tables.js';
import {
  invoiceRequests,
  rebatePolicies,
  type InvoiceRequestRow,
  type LedgerEntryRow,
  type RebateAccrualRow,
  type RebatePolicyRow,
  type StatementRow,
} from './tables.js';

/** The reads of finance (V5: ADMIN and FINANCE users of the account and its ancestors); the writes are in money-ops, statements, invoices and rebates. */

export const balanceOf = async (ctx: Context, a: AccountRow) => money(await ctx.loaders.finance.balance.load(a.id));

/** Account.ledger: newest first, batched across a list of accounts. */
export function ledgerOf(ctx: Context, a: AccountRow, first: number | null, after: string | null) {
  return parentPage(ctx.loaders.finance.ledger, a.id, first, after);
}

export const statementsOf = (ctx: Context, a: AccountRow) => ctx.loaders.finance.statementsByBuyer.load(a.id);
export const invoiceRequestsOf = (ctx: Context, a: AccountRow) => ctx.loaders.finance.invoiceRequestsByBuyer.load(a.id);
export const rebateAccrualsOf = (ctx: Context, a: AccountRow) => ctx.loaders.finance.rebateAccrualsByBuyer.load(a.id);
export const policyOf = (ctx: Context, a: RebateAccrualRow) => ctx.loaders.finance.policyById.load(a.policyId);

/** The entries a statement froze at issue, in date order. */
export async function statementEntries(ctx: Context, s: StatementRow): Promise<LedgerEntryRow[]> {
  const rows = await ctx.loaders.finance.entryById.loadMany(s.entryIds);
  return (rows.filter((r) => r && !(r instanceof Error)) as LedgerEntryRow[]).sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id,
  );
}

/** Rebate policies of the viewer's account and its subtree, for its ADMIN and FINANCE users (V5); none for other roles. */
export async function visibleRebatePolicies(ctx: SignedInContext): Promise<RebatePolicyRow[]> {
  const rows = await ctx.db
    .select({ p: rebatePolicies })
    .from(rebatePolicies)
    .innerJoin(accounts, eq(accounts.id, rebatePolicies.ownerId))
    .where(inFinanceScope(accounts.path, ctx.viewer));
  return rows.map((r) => r.p);
}

/** V5: an invoice request of the viewer's subtree, for its ADMIN and FINANCE users. */
export async function findVisibleInvoice(ctx: Context, id: number): Promise<InvoiceRequestRow | null> {
  const [row] = await ctx.db
    .select()
    .from(invoiceRequests)
    .where(and(eq(invoiceRequests.id, id), inFinanceScope(invoiceRequests.buyerPath, ctx.viewer)));
  return row ?? null;
}
