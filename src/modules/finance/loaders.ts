import DataLoader from 'dataloader';
import { and, desc, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../auth/viewer.js';
import { inFinanceScope } from '../../auth/scope.js';
import type { Db } from '../../db/client.js';
import { perParentPages } from '../../graphql/per-parent.js';
import { byKey, groupByKey } from '../../lib/batch.js';
import {
  invoiceRequests,
  ledgerEntries,
  rebateAccruals,
  rebatePolicies,
  statements,
  type InvoiceRequestRow,
  type LedgerEntryRow,
  type RebateAccrualRow,
  type RebatePolicyRow,
  type StatementRow,
} from './tables.js';

/**
 * Per-request loaders of the finance fields, so a list of accounts costs one
 * statement per field. Account's finance fields are guarded by V5 in the
 * permission map; every read is also scoped here by V5 in SQL on the path
 * each record was made with: after a moveAccount the new seller does not read
 * the buyer's ledger, statements, invoices and rebates with its old seller.
 */
export function financeLoaders(db: Db, viewer: () => Viewer | null) {
  return {
    balance: new DataLoader<number, bigint>(async (ids) => {
      const rows = await db
        .select({ buyerId: ledgerEntries.buyerId, sum: sql<string>`sum(${ledgerEntries.amount})::text` })
        .from(ledgerEntries)
        .where(inArray(ledgerEntries.buyerId, [...ids]))
        .groupBy(ledgerEntries.buyerId);
      const sums = new Map(rows.map((r) => [r.buyerId, BigInt(r.sum)]));
      return ids.map((id) => sums.get(id) ?? 0n);
    }),
    /** Account.ledger for a list of accounts, newest first. */
    ledger: perParentPages({
      db,
      table: ledgerEntries,
      id: ledgerEntries.id,
      from: sql`${ledgerEntries}`,
      owner: sql`${ledgerEntries.buyerId}`,
      where: () => inFinanceScope(ledgerEntries.buyerPath, viewer()),
      rows: (ids) => db.select().from(ledgerEntries).where(inArray(ledgerEntries.id, ids)),
    }),
    entryById: new DataLoader<number, LedgerEntryRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(ledgerEntries)
          .where(inArray(ledgerEntries.id, [...ids])),
        (r) => r.id,
      ),
    ),
    statementsByBuyer: new DataLoader<number, StatementRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db
          .select()
          .from(statements)
          .where(and(inArray(statements.buyerId, [...ids]), inFinanceScope(statements.buyerPath, viewer())))
          .orderBy(desc(statements.periodStart), desc(statements.version)),
        (r) => r.buyerId,
      ),
    ),
    invoiceRequestsByBuyer: new DataLoader<number, InvoiceRequestRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db
          .select()
          .from(invoiceRequests)
          .where(and(inArray(invoiceRequests.buyerId, [...ids]), inFinanceScope(invoiceRequests.buyerPath, viewer())))
          .orderBy(desc(invoiceRequests.id)),
        (r) => r.buyerId,
      ),
    ),
    rebateAccrualsByBuyer: new DataLoader<number, RebateAccrualRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db
          .select()
          .from(rebateAccruals)
          .where(and(inArray(rebateAccruals.buyerId, [...ids]), inFinanceScope(rebateAccruals.buyerPath, viewer())))
          .orderBy(desc(rebateAccruals.periodStart)),
        (r) => r.buyerId,
      ),
    ),
    policyById: new DataLoader<number, RebatePolicyRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(rebatePolicies)
          .where(inArray(rebatePolicies.id, [...ids])),
        (r) => r.id,
      ),
    ),
  };
}
