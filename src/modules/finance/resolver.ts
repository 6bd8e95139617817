import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import DataLoader from 'dataloader';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import { pageRequest, toConnection } from '../../graphql/connection.js';
import { inSubtree } from '../../auth/scope.js';
import { money } from '../../lib/money.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { Account, Money, SellerProfile } from '../accounts/types.js';
import { accounts, type AccountRow } from '../accounts/tables.js';
import { invoiceRequests, ledgerEntries, rebateAccruals, rebatePolicies, statements, type InvoiceRequestRow, type LedgerEntryRow, type RebateAccrualRow, type RebatePolicyRow, type StatementRow } from './tables.js';
import { recordAdjustment, recordPayment } from './money-ops.js';
import { csv, decideStatement, entriesOf, findVisible as findStatement, generateStatement } from './statements.js';
import { decideInvoice, requestInvoice } from './invoices.js';
import { savePolicy, settleRebates } from './rebates.js';
import {
  AdjustmentInput,
  DecideInvoiceInput,
  GenerateStatementInput,
  InvoiceRequest,
  InvoiceRequestInput,
  InvoiceRequestPayload,
  LedgerEntry,
  LedgerEntryConnection,
  LedgerEntryPayload,
  RebateAccrual,
  RebatePolicy,
  RebateTierValue,
  RebatePolicyInput,
  RebatePolicyPayload,
  RecordPaymentInput,
  SettleRebatesPayload,
  Statement,
  StatementDecision,
  StatementPayload,
} from './types.js';

registerNode('Statement', findStatement);
registerNode('InvoiceRequest', async (ctx: Context, id: number) => {
  const v = ctx.viewer;
  if (!v) return null;
  const [row] = await ctx.db.select().from(invoiceRequests).where(and(eq(invoiceRequests.id, id), inSubtree(invoiceRequests.buyerPath, v)));
  if (!row || (row.buyerId === v.accountId && !v.roles.includes('ADMIN') && !v.roles.includes('FINANCE'))) return null;
  return row;
});

/** Per-request loaders of the finance fields, so a list of accounts costs one statement per field. */
function financeLoaders(db: Context['db']) {
  const groupBy = <R extends { buyerId: number }>(ids: readonly number[], rows: R[]) => ids.map((id) => rows.filter((r) => r.buyerId === id));
  return {
    balance: new DataLoader<number, bigint>(async (ids) => {
      const rows = await db
        .select({ buyerId: ledgerEntries.buyerId, sum: sql<string>`sum(${ledgerEntries.amount})::text` })
        .from(ledgerEntries)
        .where(inArray(ledgerEntries.buyerId, [...ids]))
        .groupBy(ledgerEntries.buyerId);
      const map = new Map(rows.map((r) => [r.buyerId, BigInt(r.sum)]));
      return ids.map((id) => map.get(id) ?? 0n);
    }),
    statements: new DataLoader<number, StatementRow[]>(async (ids) =>
      groupBy(ids, await db.select().from(statements).where(inArray(statements.buyerId, [...ids])).orderBy(desc(statements.periodStart), desc(statements.version))),
    ),
    invoiceRequests: new DataLoader<number, InvoiceRequestRow[]>(async (ids) =>
      groupBy(ids, await db.select().from(invoiceRequests).where(inArray(invoiceRequests.buyerId, [...ids])).orderBy(desc(invoiceRequests.id))),
    ),
    rebateAccruals: new DataLoader<number, RebateAccrualRow[]>(async (ids) =>
      groupBy(ids, await db.select().from(rebateAccruals).where(inArray(rebateAccruals.buyerId, [...ids])).orderBy(desc(rebateAccruals.periodStart))),
    ),
    policy: new DataLoader<number, RebatePolicyRow | null>(async (ids) => {
      const rows = await db.select().from(rebatePolicies).where(inArray(rebatePolicies.id, [...ids]));
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
  };
}

const perRequest = new WeakMap<Context, ReturnType<typeof financeLoaders>>();
function loaders(ctx: Context) {
  let l = perRequest.get(ctx);
  if (!l) perRequest.set(ctx, (l = financeLoaders(ctx.db)));
  return l;
}

/** V5 fields of an account: guarded by canSeeCredit in the permission map. */
@Resolver(() => Account)
export class AccountFinanceResolver {
  @FieldResolver(() => Money, { nullable: true, description: 'V5: what the account owes its seller (the sum of its ledger).' })
  async balance(@Ctx() ctx: Context, @Root() a: AccountRow) { return money(await loaders(ctx).balance.load(a.id)); }

  @FieldResolver(() => LedgerEntryConnection, { nullable: true, description: 'V5: its ledger with its seller, newest first.' })
  async ledger(
    @Ctx() ctx: Context,
    @Root() a: AccountRow,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const req = pageRequest(first, after);
    const rows = await ctx.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.buyerId, a.id), req.afterKey === null ? undefined : lt(ledgerEntries.id, req.afterKey)))
      .orderBy(desc(ledgerEntries.id))
      .limit(req.limit);
    return toConnection(rows, req, (r) => r.id, async () => ctx.db.$count(ledgerEntries, eq(ledgerEntries.buyerId, a.id)));
  }

  @FieldResolver(() => [Statement], { nullable: true, description: 'V5: its statements, newest period first.' })
  statements(@Ctx() ctx: Context, @Root() a: AccountRow) { return loaders(ctx).statements.load(a.id); }

  @FieldResolver(() => [InvoiceRequest], { nullable: true, description: 'V5: its invoice requests.' })
  invoiceRequests(@Ctx() ctx: Context, @Root() a: AccountRow) { return loaders(ctx).invoiceRequests.load(a.id); }

  @FieldResolver(() => [RebateAccrual], { nullable: true, description: 'V5: rebates it earned, pending or settled.' })
  rebateAccruals(@Ctx() ctx: Context, @Root() a: AccountRow) { return loaders(ctx).rebateAccruals.load(a.id); }
}

@Resolver(() => LedgerEntry)
export class LedgerEntryResolver {
  @Query(() => [RebatePolicy], { description: "Rebate policies of the viewer's account and its subtree." })
  async rebatePolicies(@Ctx() ctx: SignedInContext) {
    // Finance data: FINANCE and ADMIN users only.
    if (!ctx.viewer.roles.includes('ADMIN') && !ctx.viewer.roles.includes('FINANCE')) return [];
    const rows = await ctx.db.select({ p: rebatePolicies }).from(rebatePolicies).innerJoin(accounts, eq(accounts.id, rebatePolicies.ownerId)).where(inSubtree(accounts.path, ctx.viewer));
    return rows.map((r) => r.p);
  }

  @Mutation(() => LedgerEntryPayload, { description: "The seller's FINANCE records a payment; idempotent on reference." })
  recordPayment(@Ctx() ctx: SignedInContext, @Arg('input', () => RecordPaymentInput) input: RecordPaymentInput) { return recordPayment(ctx, input); }

  @Mutation(() => LedgerEntryPayload, { description: 'The seller corrects a balance, with a reason.' })
  recordAdjustment(@Ctx() ctx: SignedInContext, @Arg('input', () => AdjustmentInput) input: AdjustmentInput) { return recordAdjustment(ctx, input); }

  @Mutation(() => StatementPayload)
  generateStatement(@Ctx() ctx: SignedInContext, @Arg('input', () => GenerateStatementInput) input: GenerateStatementInput) { return generateStatement(ctx, input); }

  @Mutation(() => StatementPayload, { description: "The buyer's FINANCE confirms (final) or disputes a statement." })
  decideStatement(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => StatementDecision) decision: StatementDecision,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ) { return decideStatement(ctx, id, decision, reason); }

  @Mutation(() => InvoiceRequestPayload)
  requestInvoice(@Ctx() ctx: SignedInContext, @Arg('input', () => InvoiceRequestInput) input: InvoiceRequestInput) { return requestInvoice(ctx, input); }

  @Mutation(() => InvoiceRequestPayload)
  decideInvoice(@Ctx() ctx: SignedInContext, @Arg('input', () => DecideInvoiceInput) input: DecideInvoiceInput) { return decideInvoice(ctx, input); }

  @Mutation(() => RebatePolicyPayload)
  saveRebatePolicy(@Ctx() ctx: SignedInContext, @Arg('input', () => RebatePolicyInput) input: RebatePolicyInput) { return savePolicy(ctx, input); }

  @Mutation(() => SettleRebatesPayload, { description: 'Closes a period for a buyer: final accrual, then REBATE entries (a running period is only accrued).' })
  settleRebates(@Ctx() ctx: SignedInContext, @Arg('buyerId', () => ID) buyerId: string, @Arg('periodDay', () => String) periodDay: string) { return settleRebates(ctx, buyerId, periodDay); }

  @FieldResolver(() => ID)
  id(@Root() e: LedgerEntryRow) { return toGlobalId('LedgerEntry', e.id); }

  @FieldResolver(() => Money)
  amount(@Root() e: LedgerEntryRow) { return money(e.amount); }

  @FieldResolver(() => ID, { nullable: true })
  orderId(@Root() e: LedgerEntryRow) { return e.orderId === null ? null : toGlobalId('Order', e.orderId); }
}

@Resolver(() => Statement)
export class StatementResolver {
  @FieldResolver(() => ID)
  id(@Root() s: StatementRow) { return toGlobalId('Statement', s.id); }
  @FieldResolver(() => Money)
  openingBalance(@Root() s: StatementRow) { return money(s.openingBalance); }
  @FieldResolver(() => Money)
  closingBalance(@Root() s: StatementRow) { return money(s.closingBalance); }
  @FieldResolver(() => [LedgerEntry])
  entries(@Ctx() ctx: Context, @Root() s: StatementRow) { return entriesOf(ctx, s); }
  @FieldResolver(() => String)
  csv(@Ctx() ctx: Context, @Root() s: StatementRow) { return csv(ctx, s); }
}

@Resolver(() => InvoiceRequest)
export class InvoiceRequestResolver {
  @FieldResolver(() => ID)
  id(@Root() r: InvoiceRequestRow) { return toGlobalId('InvoiceRequest', r.id); }
  @FieldResolver(() => Money)
  amount(@Root() r: InvoiceRequestRow) { return money(r.amount); }
}

@Resolver(() => RebatePolicy)
export class RebatePolicyResolver {
  @FieldResolver(() => ID)
  id(@Root() p: RebatePolicyRow) { return toGlobalId('RebatePolicy', p.id); }
  @FieldResolver(() => SellerProfile)
  owner(@Ctx() ctx: Context, @Root() p: RebatePolicyRow) { return ctx.loaders.accounts.byId.load(p.ownerId); }
  @FieldResolver(() => [RebateTierValue])
  tiers(@Root() p: RebatePolicyRow) { return p.tiers.map((t) => ({ minVolume: money(BigInt(t.minVolume)), percent: String(t.rateBp / 100) })); }
}

@Resolver(() => RebateAccrual)
export class RebateAccrualResolver {
  @FieldResolver(() => ID)
  id(@Root() a: RebateAccrualRow) { return toGlobalId('RebateAccrual', a.id); }
  @FieldResolver(() => RebatePolicy)
  policy(@Ctx() ctx: Context, @Root() a: RebateAccrualRow) { return loaders(ctx).policy.load(a.policyId); }
  @FieldResolver(() => Money)
  volume(@Root() a: RebateAccrualRow) { return money(a.volume); }
  @FieldResolver(() => DecimalScalar)
  percent(@Root() a: RebateAccrualRow) { return String(a.rateBp / 100); }
  @FieldResolver(() => Money)
  amount(@Root() a: RebateAccrualRow) { return money(a.amount); }
  @FieldResolver(() => [ID])
  orderIds(@Root() a: RebateAccrualRow) { return a.orderIds.map((id) => toGlobalId('Order', id)); }
}
