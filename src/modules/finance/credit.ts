import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { accounts } from '../accounts/tables.js';

/**
 * A buyer's used credit, in one place. It is the ledger balance plus the part
 * of open orders not yet charged: placing an order reserves its total,
 * cancelling releases it, and every ledger entry but a charge (which only
 * turns "reserved" into "owed") moves it by its amount. Only this file
 * writes `accounts.credit_used`.
 */

/**
 * Reserves `amount` for an order when `used + amount <= limit` (an account
 * without a limit is not held back), checked and moved in one statement so
 * concurrent orders never overdraw. False when the credit does not suffice.
 */
export async function reserve(tx: Tx, buyerId: number, amount: bigint): Promise<boolean> {
  const [row] = await tx
    .update(accounts)
    .set({ creditUsed: sql`${accounts.creditUsed} + ${amount}` })
    .where(
      and(
        eq(accounts.id, buyerId),
        sql`(${accounts.creditLimit} is null or ${accounts.creditUsed} + ${amount} <= ${accounts.creditLimit})`,
      ),
    )
    .returning({ id: accounts.id });
  return !!row;
}

/** Gives back what an order reserved (it was cancelled before anything was charged). */
export async function release(tx: Tx, buyerId: number, amount: bigint): Promise<void> {
  await move(tx, buyerId, -amount);
}

/** Moves used credit with the balance: a payment, credit note or rebate lowers it, an adjustment moves it either way. */
export async function move(tx: Tx, buyerId: number, amount: bigint): Promise<void> {
  await tx
    .update(accounts)
    .set({ creditUsed: sql`${accounts.creditUsed} + ${amount}` })
    .where(eq(accounts.id, buyerId));
}

/** What is left to use (limit − used; may be negative after a limit was lowered), or null without a limit. */
export async function available(tx: Tx, buyerId: number): Promise<bigint | null> {
  const [row] = await tx
    .select({ limit: accounts.creditLimit, used: accounts.creditUsed })
    .from(accounts)
    .where(eq(accounts.id, buyerId));
  return row.limit === null ? null : row.limit - row.used;
}
