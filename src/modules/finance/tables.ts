import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.js';
import { orders } from '../orders/tables.js';

export const ledgerKind = pgEnum('ledger_kind', ['ORDER_CHARGE', 'PAYMENT', 'CREDIT_NOTE', 'REBATE', 'ADJUSTMENT']);
export const statementStatus = pgEnum('statement_status', ['ISSUED', 'CONFIRMED', 'DISPUTED', 'SUPERSEDED']);
export const invoiceType = pgEnum('invoice_type', ['GENERAL_VAT', 'SPECIAL_VAT']);
export const invoiceStatus = pgEnum('invoice_status', ['REQUESTED', 'ISSUED', 'REJECTED']);
export const rebatePeriod = pgEnum('rebate_period', ['MONTH', 'QUARTER']);
export const accrualStatus = pgEnum('accrual_status', ['PENDING', 'SETTLED']);

/**
 * What a buyer owes its seller, as append-only entries (a database trigger
 * refuses UPDATE and DELETE). Positive: the buyer owes more (a charge);
 * negative: it owes less (payment, credit note, rebate). The balance is their sum.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: serial('id').primaryKey(),
    buyerId: integer('buyer_id')
      .notNull()
      .references(() => accounts.id),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => accounts.id),
    buyerPath: integer('buyer_path').array().notNull(),
    rootId: integer('root_id').notNull(),
    kind: ledgerKind('kind').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    /** When it counts: the ship date of a charge, the date a payment was received. */
    at: timestamp('at', { withTimezone: true }).notNull(),
    orderId: integer('order_id').references(() => orders.id),
    reference: text('reference'),
    method: text('method'),
    reason: text('reason'),
    sourceId: integer('source_id'),
    createdByUserId: integer('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_buyer_at_idx').on(t.buyerId, t.at),
    index('ledger_buyer_path_gin').using('gin', t.buyerPath),
    index('ledger_order_idx').on(t.orderId),
    uniqueIndex('ledger_payment_reference_uq')
      .on(t.buyerId, t.reference)
      .where(sql`${t.kind} = 'PAYMENT'`),
    check('ledger_nonzero', sql`${t.amount} <> 0`),
  ],
);

export const statements = pgTable(
  'statements',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull(),
    buyerId: integer('buyer_id')
      .notNull()
      .references(() => accounts.id),
    sellerId: integer('seller_id').notNull(),
    buyerPath: integer('buyer_path').array().notNull(),
    /** [periodStart, periodEnd) in the deployment's time zone (Asia/Shanghai). */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    status: statementStatus('status').notNull().default('ISSUED'),
    openingBalance: bigint('opening_balance', { mode: 'bigint' }).notNull(),
    closingBalance: bigint('closing_balance', { mode: 'bigint' }).notNull(),
    orderCount: integer('order_count').notNull(),
    paymentCount: integer('payment_count').notNull(),
    /** The entries it lists, frozen at issue. */
    entryIds: integer('entry_ids').array().notNull(),
    disputeReason: text('dispute_reason'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('statements_number_uq').on(t.number),
    index('statements_buyer_idx').on(t.buyerId, t.periodStart),
    check('statements_period', sql`${t.periodStart} < ${t.periodEnd}`),
  ],
);

export const invoiceRequests = pgTable(
  'invoice_requests',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull(),
    buyerId: integer('buyer_id')
      .notNull()
      .references(() => accounts.id),
    sellerId: integer('seller_id').notNull(),
    buyerPath: integer('buyer_path').array().notNull(),
    statementId: integer('statement_id').references(() => statements.id),
    title: text('title').notNull(),
    taxId: text('tax_id').notNull(),
    type: invoiceType('type').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    status: invoiceStatus('status').notNull().default('REQUESTED'),
    invoiceNumber: text('invoice_number'),
    issuedOn: date('issued_on', { mode: 'string' }),
    rejectReason: text('reject_reason'),
    requestedByUserId: integer('requested_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('invoice_requests_number_uq').on(t.number),
    index('invoice_requests_buyer_idx').on(t.buyerId),
    check('invoice_requests_positive', sql`${t.amount} > 0`),
  ],
);

/** How much of each order an invoice request covers: nothing is invoiced twice. */
export const invoiceAllocations = pgTable(
  'invoice_allocations',
  {
    invoiceRequestId: integer('invoice_request_id')
      .notNull()
      .references(() => invoiceRequests.id),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.invoiceRequestId, t.orderId] }),
    index('invoice_allocations_order_idx').on(t.orderId),
  ],
);

export interface RebateTier {
  /** Period volume from which the rate applies, minor units. */
  minVolume: string;
  /** Basis points: 200 = 2%. */
  rateBp: number;
}

export const rebatePolicies = pgTable(
  'rebate_policies',
  {
    id: serial('id').primaryKey(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    period: rebatePeriod('period').notNull(),
    onlineOnly: boolean('online_only').notNull().default(false),
    tiers: jsonb('tiers').$type<RebateTier[]>().notNull(),
    /** Empty: every buyer of the owner. */
    accountIds: integer('account_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rebate_policies_owner_idx').on(t.ownerId)],
);

export const rebateAccruals = pgTable(
  'rebate_accruals',
  {
    id: serial('id').primaryKey(),
    policyId: integer('policy_id')
      .notNull()
      .references(() => rebatePolicies.id),
    buyerId: integer('buyer_id')
      .notNull()
      .references(() => accounts.id),
    sellerId: integer('seller_id').notNull(),
    buyerPath: integer('buyer_path').array().notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    volume: bigint('volume', { mode: 'bigint' }).notNull(),
    rateBp: integer('rate_bp').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    /** The orders it came from. */
    orderIds: integer('order_ids').array().notNull(),
    status: accrualStatus('status').notNull().default('PENDING'),
    closed: boolean('closed').notNull().default(false),
    settledEntryId: integer('settled_entry_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rebate_accruals_policy_buyer_period_uq').on(t.policyId, t.buyerId, t.periodStart),
    index('rebate_accruals_buyer_idx').on(t.buyerId),
  ],
);

export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
export type StatementRow = typeof statements.$inferSelect;
export type InvoiceRequestRow = typeof invoiceRequests.$inferSelect;
export type RebatePolicyRow = typeof rebatePolicies.$inferSelect;
export type RebateAccrualRow = typeof rebateAccruals.$inferSelect;
