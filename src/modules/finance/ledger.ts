import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import type { AccountRow } from '../accounts/tables.js';
import * as credit from './credit.js';
import { ledgerEntries, type LedgerEntryRow } from './tables.js';

export type LedgerKind = LedgerEntryRow['kind'];

export interface NewEntry {
  buyer: Pick<AccountRow, 'id' | 'parentId' | 'path' | 'rootId'>;
  kind: LedgerKind;
  /** Signed minor units: positive, the buyer owes more. */
  amount: bigint;
  at: Date;
  orderId?: number | null;
  reference?: string | null;
  method?: string | null;
  reason?: string | null;
  sourceId?: number | null;
  userId?: number | null;
}

/**
 * Appends an entry and keeps the buyer's credit used in step with it
 * (./credit.ts): a charge moves an amount from "not yet charged" into the
 * balance, so it leaves credit used as it is; every other entry moves it by
 * its amount.
 */
export async function post(tx: Tx, e: NewEntry): Promise<LedgerEntryRow> {
  if (e.amount === 0n) throw new Error('a ledger entry moves money');
  const [row] = await tx
    .insert(ledgerEntries)
    .values({
      buyerId: e.buyer.id,
      sellerId: e.buyer.parentId!,
      buyerPath: e.buyer.path,
      rootId: e.buyer.rootId,
      kind: e.kind,
      amount: e.amount,
      at: e.at,
      orderId: e.orderId ?? null,
      reference: e.reference ?? null,
      method: e.method ?? null,
      reason: e.reason ?? null,
      sourceId: e.sourceId ?? null,
      createdByUserId: e.userId ?? null,
    })
    .returning();
  if (e.kind !== 'ORDER_CHARGE') await credit.move(tx, e.buyer.id, e.amount);
  return row;
}

/**
 * The balance a buyer owes: the sum of its entries (before `until`, when
 * given; with `sellerId`, only those with that seller: a buyer that moved
 * has a ledger with each seller it bought from).
 */
export async function balance(db: DbOrTx, buyerId: number, until?: Date, sellerId?: number): Promise<bigint> {
  const [row] = await db
    .select({ sum: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)::text` })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.buyerId, buyerId),
        until ? sql`${ledgerEntries.at} < ${until.toISOString()}::timestamptz` : undefined,
        sellerId === undefined ? undefined : eq(ledgerEntries.sellerId, sellerId),
      ),
    );
  return BigInt(row.sum);
}

export async function entriesBetween(
  db: DbOrTx,
  buyerId: number,
  from: Date,
  to: Date,
  sellerId?: number,
): Promise<LedgerEntryRow[]> {
  return db
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.buyerId, buyerId),
        sql`${ledgerEntries.at} >= ${from.toISOString()}::timestamptz and ${ledgerEntries.at} < ${to.toISOString()}::timestamptz`,
        sellerId === undefined ? undefined : eq(ledgerEntries.sellerId, sellerId),
      ),
    )
    .orderBy(asc(ledgerEntries.at), asc(ledgerEntries.id));
}
