import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import { money } from '../../lib/money.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { Account, Money, SellerProfile } from '../accounts/types.js';
import type { AccountRow } from '../accounts/tables.js';
import type { InvoiceRequestRow, LedgerEntryRow, RebateAccrualRow, RebatePolicyRow, StatementRow } from './tables.js';
import { recordAdjustment, recordPayment } from './money-ops.js';
import { csv, decideStatement, findVisible as findStatement, generateStatement } from './statements.js';
import * as finance from './service.js';
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
registerNode('InvoiceRequest', finance.findVisibleInvoice);

/** V5 fields of an account: guarded by canSeeCredit in the permission map. */
@Resolver(() => Account)
export class AccountFinanceResolver {
  @FieldResolver(() => Money, {
    nullable: true,
    description: 'V5: what the account owes its seller (the sum of its ledger).',
  })
  balance(@Ctx() ctx: Context, @Root() a: AccountRow) {
    return finance.balanceOf(ctx, a);
  }

  @FieldResolver(() => LedgerEntryConnection, {
    nullable: true,
    description: 'V5: its ledger with its seller, newest first.',
  })
  ledger(
    @Ctx() ctx: Context,
    @Root() a: AccountRow,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return finance.ledgerOf(ctx, a, first, after);
  }

  @FieldResolver(() => [Statement], { nullable: true, description: 'V5: its statements.' })
  statements(@Ctx() ctx: Context, @Root() a: AccountRow) {
    return finance.statementsOf(ctx, a);
  }

  @FieldResolver(() => [InvoiceRequest], { nullable: true, description: 'V5: its invoice requests.' })
  invoiceRequests(@Ctx() ctx: Context, @Root() a: AccountRow) {
    return finance.invoiceRequestsOf(ctx, a);
  }

  @FieldResolver(() => [RebateAccrual], { nullable: true, description: 'V5: rebates it earned, pending or settled.' })
  rebateAccruals(@Ctx() ctx: Context, @Root() a: AccountRow) {
    return finance.rebateAccrualsOf(ctx, a);
  }
}

@Resolver(() => LedgerEntry)
export class LedgerEntryResolver {
  @Query(() => [RebatePolicy], { description: "Rebate policies of the viewer's account and its subtree." })
  rebatePolicies(@Ctx() ctx: SignedInContext) {
    return finance.visibleRebatePolicies(ctx);
  }

  @Mutation(() => LedgerEntryPayload, {
    description: "The seller's FINANCE records a payment; idempotent on reference.",
  })
  recordPayment(@Ctx() ctx: SignedInContext, @Arg('input', () => RecordPaymentInput) input: RecordPaymentInput) {
    return recordPayment(ctx, input);
  }

  @Mutation(() => LedgerEntryPayload, { description: 'The seller corrects a balance, with a reason.' })
  recordAdjustment(@Ctx() ctx: SignedInContext, @Arg('input', () => AdjustmentInput) input: AdjustmentInput) {
    return recordAdjustment(ctx, input);
  }

  @Mutation(() => StatementPayload)
  generateStatement(
    @Ctx() ctx: SignedInContext,
    @Arg('input', () => GenerateStatementInput) input: GenerateStatementInput,
  ) {
    return generateStatement(ctx, input);
  }

  @Mutation(() => StatementPayload, { description: "The buyer's FINANCE confirms (final) or disputes a statement." })
  decideStatement(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => StatementDecision) decision: StatementDecision,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ) {
    return decideStatement(ctx, id, decision, reason);
  }

  @Mutation(() => InvoiceRequestPayload)
  requestInvoice(@Ctx() ctx: SignedInContext, @Arg('input', () => InvoiceRequestInput) input: InvoiceRequestInput) {
    return requestInvoice(ctx, input);
  }

  @Mutation(() => InvoiceRequestPayload)
  decideInvoice(@Ctx() ctx: SignedInContext, @Arg('input', () => DecideInvoiceInput) input: DecideInvoiceInput) {
    return decideInvoice(ctx, input);
  }

  @Mutation(() => RebatePolicyPayload)
  saveRebatePolicy(@Ctx() ctx: SignedInContext, @Arg('input', () => RebatePolicyInput) input: RebatePolicyInput) {
    return savePolicy(ctx, input);
  }

  @Mutation(() => SettleRebatesPayload, {
    description: 'Closes a period for a buyer: final accrual, then REBATE entries (a running period is only accrued).',
  })
  settleRebates(
    @Ctx() ctx: SignedInContext,
    @Arg('buyerId', () => ID) buyerId: string,
    @Arg('periodDay', () => String) periodDay: string,
  ) {
    return settleRebates(ctx, buyerId, periodDay);
  }

  @FieldResolver(() => ID)
  id(@Root() e: LedgerEntryRow) {
    return toGlobalId('LedgerEntry', e.id);
  }

  @FieldResolver(() => Money)
  amount(@Root() e: LedgerEntryRow) {
    return money(e.amount);
  }

  @FieldResolver(() => ID, { nullable: true })
  orderId(@Root() e: LedgerEntryRow) {
    return e.orderId === null ? null : toGlobalId('Order', e.orderId);
  }
}

@Resolver(() => Statement)
export class StatementResolver {
  @FieldResolver(() => ID)
  id(@Root() s: StatementRow) {
    return toGlobalId('Statement', s.id);
  }
  @FieldResolver(() => Money)
  openingBalance(@Root() s: StatementRow) {
    return money(s.openingBalance);
  }
  @FieldResolver(() => Money)
  closingBalance(@Root() s: StatementRow) {
    return money(s.closingBalance);
  }
  @FieldResolver(() => [LedgerEntry])
  entries(@Ctx() ctx: Context, @Root() s: StatementRow) {
    return finance.statementEntries(ctx, s);
  }
  @FieldResolver(() => String)
  csv(@Ctx() ctx: Context, @Root() s: StatementRow) {
    return csv(ctx, s);
  }
}

@Resolver(() => InvoiceRequest)
export class InvoiceRequestResolver {
  @FieldResolver(() => ID)
  id(@Root() r: InvoiceRequestRow) {
    return toGlobalId('InvoiceRequest', r.id);
  }
  @FieldResolver(() => Money)
  amount(@Root() r: InvoiceRequestRow) {
    return money(r.amount);
  }
}

@Resolver(() => RebatePolicy)
export class RebatePolicyResolver {
  @FieldResolver(() => ID)
  id(@Root() p: RebatePolicyRow) {
    return toGlobalId('RebatePolicy', p.id);
  }
  @FieldResolver(() => SellerProfile)
  owner(@Ctx() ctx: Context, @Root() p: RebatePolicyRow) {
    return ctx.loaders.accounts.byId.load(p.ownerId);
  }
  @FieldResolver(() => [RebateTierValue])
  tiers(@Root() p: RebatePolicyRow) {
    return p.tiers.map((t) => ({ minVolume: money(BigInt(t.minVolume)), percent: String(t.rateBp / 100) }));
  }
}

@Resolver(() => RebateAccrual)
export class RebateAccrualResolver {
  @FieldResolver(() => ID)
  id(@Root() a: RebateAccrualRow) {
    return toGlobalId('RebateAccrual', a.id);
  }
  @FieldResolver(() => RebatePolicy)
  policy(@Ctx() ctx: Context, @Root() a: RebateAccrualRow) {
    return finance.policyOf(ctx, a);
  }
  @FieldResolver(() => Money)
  volume(@Root() a: RebateAccrualRow) {
    return money(a.volume);
  }
  @FieldResolver(() => DecimalScalar)
  percent(@Root() a: RebateAccrualRow) {
    return String(a.rateBp / 100);
  }
  @FieldResolver(() => Money)
  amount(@Root() a: RebateAccrualRow) {
    return money(a.amount);
  }
  @FieldResolver(() => [ID])
  orderIds(@Root() a: RebateAccrualRow) {
    return a.orderIds.map((id) => toGlobalId('Order', id));
  }
}
