import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { accrualStatus, invoiceStatus, invoiceType, ledgerKind, rebatePeriod, statementStatus } from './tables.js';
import { Node } from '../../graphql/node.js';
import { connectionTypes } from '../../graphql/connection.js';
import { UserError } from '../../graphql/errors.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { Money, SellerProfile } from '../accounts/types.js';

export const LedgerKind = graphqlEnum(ledgerKind.enumValues, 'LedgerKind');
export type LedgerKind = (typeof ledgerKind.enumValues)[number];
export const StatementStatus = graphqlEnum(statementStatus.enumValues, 'StatementStatus');
export type StatementStatus = (typeof statementStatus.enumValues)[number];
export const InvoiceType = graphqlEnum(invoiceType.enumValues, 'InvoiceType');
export type InvoiceType = (typeof invoiceType.enumValues)[number];
export const InvoiceStatus = graphqlEnum(invoiceStatus.enumValues, 'InvoiceStatus');
export type InvoiceStatus = (typeof invoiceStatus.enumValues)[number];
export const RebatePeriod = graphqlEnum(rebatePeriod.enumValues, 'RebatePeriod');
export type RebatePeriod = (typeof rebatePeriod.enumValues)[number];
export const AccrualStatus = graphqlEnum(accrualStatus.enumValues, 'AccrualStatus');
export type AccrualStatus = (typeof accrualStatus.enumValues)[number];
export const StatementDecision = graphqlEnum(['CONFIRM', 'DISPUTE'], 'StatementDecision');
export type StatementDecision = keyof typeof StatementDecision;
export const InvoiceDecision = graphqlEnum(['ISSUE', 'REJECT'], 'InvoiceDecision');
export type InvoiceDecision = keyof typeof InvoiceDecision;

@ObjectType({ description: 'One append-only entry of what a buyer owes its seller. Positive: owes more.' })
export class LedgerEntry {
  @Field(() => ID) id!: string;
  @Field(() => LedgerKind) kind!: LedgerKind;
  @Field(() => Money) amount!: unknown;
  @Field(() => Date) at!: Date;
  @Field(() => ID, { nullable: true }) orderId!: string | null;
  @Field(() => String, { nullable: true }) reference!: string | null;
  @Field(() => String, { nullable: true }) method!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

export const { Edge: LedgerEntryEdge, Connection: LedgerEntryConnection } = connectionTypes(LedgerEntry, 'LedgerEntry');

@ObjectType({ implements: Node, description: '对账: a statement of one buyer for one period.' })
export class Statement extends Node {
  @Field(() => String) number!: string;
  @Field(() => String, { description: 'First day (Asia/Shanghai).' }) periodStart!: string;
  @Field(() => String, { description: 'The day after the last.' }) periodEnd!: string;
  @Field(() => Int) version!: number;
  @Field(() => StatementStatus) status!: StatementStatus;
  @Field(() => Money) openingBalance!: unknown;
  @Field(() => Money) closingBalance!: unknown;
  @Field(() => Int) orderCount!: number;
  @Field(() => Int) paymentCount!: number;
  @Field(() => [LedgerEntry]) entries!: unknown;
  @Field(() => String, { nullable: true }) disputeReason!: string | null;
  @Field(() => String, { description: 'The statement as CSV, for accountants.' }) csv!: string;
  @Field(() => Date) issuedAt!: Date;
  @Field(() => Date, { nullable: true }) confirmedAt!: Date | null;
}

@ObjectType({ implements: Node, description: '开票: a request for a fapiao.' })
export class InvoiceRequest extends Node {
  @Field(() => String) number!: string;
  @Field(() => InvoiceStatus) status!: InvoiceStatus;
  @Field(() => InvoiceType) type!: InvoiceType;
  @Field(() => String) title!: string;
  @Field(() => String) taxId!: string;
  @Field(() => Money) amount!: unknown;
  @Field(() => String, { nullable: true }) invoiceNumber!: string | null;
  @Field(() => String, { nullable: true }) issuedOn!: string | null;
  @Field(() => String, { nullable: true }) rejectReason!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType()
export class RebateTierValue {
  @Field(() => Money) minVolume!: unknown;
  @Field(() => DecimalScalar) percent!: string;
}

@ObjectType({ description: "返利: a seller's rebate policy for its buyers." })
export class RebatePolicy {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => SellerProfile) owner!: unknown;
  @Field(() => RebatePeriod) period!: RebatePeriod;
  @Field(() => Boolean, { description: 'Only ONLINE orders count (to reward moving orders online).' })
  onlineOnly!: boolean;
  @Field(() => [RebateTierValue]) tiers!: unknown;
  @Field(() => Boolean) active!: boolean;
}

@ObjectType({
  description: 'What a buyer earned back in one period under one policy; PENDING until settled as a REBATE entry.',
})
export class RebateAccrual {
  @Field(() => ID) id!: string;
  @Field(() => RebatePolicy) policy!: unknown;
  @Field(() => String) periodStart!: string;
  @Field(() => String) periodEnd!: string;
  @Field(() => Money) volume!: unknown;
  @Field(() => DecimalScalar) percent!: string;
  @Field(() => Money) amount!: unknown;
  @Field(() => AccrualStatus) status!: AccrualStatus;
  @Field(() => [ID], { description: 'The orders it came from.' }) orderIds!: string[];
}

@InputType()
export class RecordPaymentInput {
  @Field(() => ID) buyerId!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String, { nullable: true }) currencyCode?: string | null;
  @Field(() => String, { description: 'e.g. BANK_TRANSFER, ALIPAY, WECHAT_PAY, CASH' }) method!: string;
  @Field(() => String, { description: 'Bank or payment reference; payments are idempotent on it.' }) reference!: string;
  @Field(() => Date, { nullable: true }) receivedAt?: Date | null;
}

@InputType()
export class AdjustmentInput {
  @Field(() => ID) buyerId!: string;
  @Field(() => DecimalScalar, { description: 'Signed: negative lowers what the buyer owes.' }) amount!: string;
  @Field(() => String) reason!: string;
  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: date it inside a disputed period, then issue that period again.',
  })
  effectiveOn?: string | null;
}

@ObjectType()
export class LedgerEntryPayload {
  @Field(() => LedgerEntry, { nullable: true }) entry!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class GenerateStatementInput {
  @Field(() => ID) buyerId!: string;
  @Field(() => String, { nullable: true, description: '"YYYY-MM": that month.' }) month?: string | null;
  @Field(() => String, { nullable: true, description: 'Or a period: from (YYYY-MM-DD) …' }) from?: string | null;
  @Field(() => String, { nullable: true, description: '… to (exclusive).' }) to?: string | null;
}

@ObjectType()
export class StatementPayload {
  @Field(() => Statement, { nullable: true }) statement!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class InvoiceRequestInput {
  @Field(() => [ID], { nullable: true }) orderIds?: string[] | null;
  @Field(() => ID, { nullable: true }) statementId?: string | null;
  @Field(() => String) title!: string;
  @Field(() => String) taxId!: string;
  @Field(() => InvoiceType) type!: InvoiceType;
  @Field(() => DecimalScalar) amount!: string;
}

@InputType()
export class DecideInvoiceInput {
  @Field(() => ID) id!: string;
  @Field(() => InvoiceDecision) decision!: InvoiceDecision;
  @Field(() => String, { nullable: true }) invoiceNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) issuedOn?: string | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@ObjectType()
export class InvoiceRequestPayload {
  @Field(() => InvoiceRequest, { nullable: true }) invoice!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class RebateTierInput {
  @Field(() => DecimalScalar) minVolume!: string;
  @Field(() => DecimalScalar, { description: 'e.g. "2" for 2%' }) percent!: string;
}

@InputType()
export class RebatePolicyInput {
  @Field(() => ID, { nullable: true, description: 'Omit to create; give to change (or end, with active: false).' })
  id?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) active?: boolean | null;
  @Field(() => ID) ownerId!: string;
  @Field(() => String) name!: string;
  @Field(() => RebatePeriod) period!: RebatePeriod;
  @Field(() => Boolean, { nullable: true }) onlineOnly?: boolean | null;
  @Field(() => [RebateTierInput]) tiers!: RebateTierInput[];
  @Field(() => [ID], { nullable: true, description: 'Only these buyers; all buyers when empty.' }) accountIds?:
    string[] | null;
}

@ObjectType()
export class RebatePolicyPayload {
  @Field(() => RebatePolicy, { nullable: true }) policy!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class SettleRebatesPayload {
  @Field(() => [RebateAccrual]) accruals!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}
