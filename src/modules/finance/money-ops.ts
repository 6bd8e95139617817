import { publishEvent } from '../integration/outbox.js';
import { toGlobalId } from '../../graphql/ids.js';
import { and, eq, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { userError, type UserError } from '../../graphql/errors.js';
import { mutate, refuse } from '../../graphql/mutate.js';
import type { Tx } from '../../db/client.js';
import { CURRENCY, parseAmount } from '../../lib/money.js';
import { ledgerEntries, statements, type LedgerEntryRow } from './tables.js';
import * as ledger from './ledger.js';
import { normalizeReference } from './reference.js';
import { buyerOfViewer } from './parties.js';
import { shanghaiNoon, shanghaiDay, isDate } from '../../lib/dates.js';
import { lockRows, textArray } from '../../db/sql.js';
import { accounts } from '../accounts/tables.js';

export interface PaymentInput {
  buyerId: string;
  amount: string;
  currencyCode?: string | null;
  method: string;
  reference: string;
  receivedAt?: Date | null;
}

/**
 * Statements stay true: nothing may be dated before the end of the latest
 * confirmed statement, nor inside a statement whose status is in `open`
 * (issue that period again after the change). Called under the buyer's lock.
 * The buyer's condition holds for both branches (the `or` is parenthesised whole).
 */
async function statementBlocking(
  tx: Tx,
  buyerId: number,
  at: Date,
  open: readonly ('ISSUED' | 'DISPUTED')[],
): Promise<{ number: string; status: string } | null> {
  const day = shanghaiDay(at);
  const [row] = await tx
    .select({ number: statements.number, status: statements.status })
    .from(statements)
    .where(
      and(
        eq(statements.buyerId, buyerId),
        sql`((${statements.status} = 'CONFIRMED' and ${day}::date < ${statements.periodEnd})
          or (${statements.status}::text = any(${textArray([...open])}) and ${statements.periodStart} <= ${day}::date and ${day}::date < ${statements.periodEnd}))`,
      ),
    )
    .limit(1);
  return row ?? null;
}

async function statementBlocks(tx: Tx, buyerId: number, at: Date): Promise<string | null> {
  const row = await statementBlocking(tx, buyerId, at, ['ISSUED', 'DISPUTED']);
  return row ? `That date is covered by statement ${row.number} (${row.status})` : null;
}

/** The seller records a payment from its buyer; idempotent on (buyer, reference), the reference normalised first. */
export async function recordPayment(
  ctx: SignedInContext,
  input: PaymentInput,
): Promise<{ entry: LedgerEntryRow | null; userErrors: UserError[] }> {
  const buyer = await buyerOfViewer(ctx, input.buyerId);
  const amount = parseAmount(input.amount, 'positive');
  const reference = normalizeReference(input.reference);
  const at = input.receivedAt ?? ctx.now();
  const errors: UserError[] = [];
  if (amount === null)
    errors.push(userError('INVALID_INPUT', 'Amount must be above 0 with at most 2 decimals', ['amount']));
  if (input.currencyCode != null && input.currencyCode !== CURRENCY)
    errors.push(userError('INVALID_INPUT', `Payments are in ${CURRENCY}`, ['currencyCode']));
  if (!reference || reference.length > 100)
    errors.push(userError('INVALID_INPUT', 'Reference must be 1–100 characters', ['reference']));
  if (!input.method.trim() || input.method.length > 50)
    errors.push(userError('INVALID_INPUT', 'Method must be 1–50 characters (e.g. BANK_TRANSFER)', ['method']));
  if (at.getTime() > ctx.now().getTime() + 60_000)
    errors.push(userError('INVALID_INPUT', 'A payment cannot be received in the future', ['receivedAt']));
  if (errors.length) return { entry: null, userErrors: errors };
  const [existing] = await ctx.db
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.buyerId, buyer.id),
        eq(ledgerEntries.kind, 'PAYMENT'),
        eq(ledgerEntries.reference, reference),
      ),
    );
  if (existing) {
    return existing.amount === -amount!
      ? { entry: existing, userErrors: [] }
      : {
          entry: null,
          userErrors: [
            userError('IDEMPOTENCY_CONFLICT', 'That reference was recorded with another amount', ['reference']),
          ],
        };
  }
  try {
    return await mutate(ctx, 'entry', async (tx) => {
      await lockRows(tx, accounts, buyer.id);
      const blocked = await statementBlocks(tx, buyer.id, at);
      if (blocked) refuse(userError('INVALID_INPUT', blocked, ['receivedAt']));
      const entry = await ledger.post(tx, {
        buyer,
        kind: 'PAYMENT',
        amount: -amount!,
        at,
        reference,
        method: input.method.trim(),
        userId: ctx.viewer.userId,
      });
      await publishEvent(tx, {
        topic: 'payment.recorded',
        rootId: buyer.rootId,
        aggregateType: 'LedgerEntry',
        aggregateId: entry.id,
        payload: { buyerId: toGlobalId('Account', buyer.id) },
      });
      return entry;
    });
  } catch (e) {
    // A concurrent payment with the same reference committed first (the unique index): answer as a retry.
    const [again] = await ctx.db
      .select()
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.buyerId, buyer.id),
          eq(ledgerEntries.kind, 'PAYMENT'),
          eq(ledgerEntries.reference, reference),
        ),
      );
    if (again)
      return again.amount === -amount!
        ? { entry: again, userErrors: [] }
        : {
            entry: null,
            userErrors: [
              userError('IDEMPOTENCY_CONFLICT', 'That reference was recorded with another amount', ['reference']),
            ],
          };
    throw e;
  }
}

/**
 * The seller corrects a balance with a reason. Dated now, or on `effectiveOn`
 * to correct a disputed period (which is then issued again).
 */
export async function recordAdjustment(
  ctx: SignedInContext,
  input: { buyerId: string; amount: string; reason: string; effectiveOn?: string | null },
): Promise<{ entry: LedgerEntryRow | null; userErrors: UserError[] }> {
  const buyer = await buyerOfViewer(ctx, input.buyerId);
  const amount = parseAmount(input.amount, 'nonZero');
  const errors: UserError[] = [];
  if (amount === null)
    errors.push(
      userError(
        'INVALID_INPUT',
        'Amount must be non-zero with at most 2 decimals (negative lowers what the buyer owes)',
        ['amount'],
      ),
    );
  if (!input.reason.trim() || input.reason.length > 1000)
    errors.push(userError('INVALID_INPUT', 'A reason of 1–1000 characters is required', ['reason']));
  if (input.effectiveOn != null && (!isDate(input.effectiveOn) || input.effectiveOn > shanghaiDay(ctx.now()))) {
    errors.push(userError('INVALID_INPUT', 'effectiveOn is a past date, YYYY-MM-DD', ['effectiveOn']));
  }
  if (errors.length) return { entry: null, userErrors: errors };
  const at = input.effectiveOn ? shanghaiNoon(input.effectiveOn) : ctx.now();
  return mutate(ctx, 'entry', async (tx) => {
    await lockRows(tx, accounts, buyer.id);
    // A disputed statement is what an adjustment corrects: only issued and confirmed ones block the date.
    const blocked = await statementBlocking(tx, buyer.id, at, ['ISSUED']);
    if (blocked)
      refuse(userError('INVALID_INPUT', `That date is covered by statement ${blocked.number}`, ['effectiveOn']));
    return ledger.post(tx, {
      buyer,
      kind: 'ADJUSTMENT',
      amount: amount!,
      at,
      reason: input.reason.trim(),
      userId: ctx.viewer.userId,
    });
  });
}
