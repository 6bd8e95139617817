import { and, eq, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { userError, type UserError } from '../../graphql/errors.js';
import { CURRENCY, toMinor } from '../../lib/money.js';
import { ledgerEntries, statements, type LedgerEntryRow } from './tables.js';
import * as ledger from './ledger.js';
import { buyerOfViewer, todayInShanghai } from './access.js';

export interface PaymentInput {
  buyerId: string;
  amount: string;
  currencyCode?: string | null;
  method: string;
  reference: string;
  receivedAt?: Date | null;
}

function positive(value: string): bigint | null {
  try {
    const v = toMinor(value);
    return v > 0n ? v : null;
  } catch {
    return null;
  }
}

/** A confirmed statement is immutable: nothing may be dated inside its period. */
async function inConfirmedPeriod(ctx: SignedInContext, buyerId: number, at: Date): Promise<boolean> {
  const day = todayInShanghai(at);
  const [row] = await ctx.db
    .select({ id: statements.id })
    .from(statements)
    .where(and(eq(statements.buyerId, buyerId), eq(statements.status, 'CONFIRMED'), sql`${statements.periodStart} <= ${day}::date and ${day}::date < ${statements.periodEnd}`))
    .limit(1);
  return !!row;
}

/** The seller records a payment from its buyer; idempotent on (buyer, reference). */
export async function recordPayment(ctx: SignedInContext, input: PaymentInput): Promise<{ entry: LedgerEntryRow | null; userErrors: UserError[] }> {
  const buyer = await buyerOfViewer(ctx, input.buyerId);
  const amount = positive(input.amount);
  const reference = input.reference.trim();
  const at = input.receivedAt ?? ctx.now();
  const errors: UserError[] = [];
  if (amount === null) errors.push(userError('INVALID_INPUT', 'Amount must be above 0 with at most 2 decimals', ['amount']));
  if (input.currencyCode != null && input.currencyCode !== CURRENCY) errors.push(userError('INVALID_INPUT', `Payments are in ${CURRENCY}`, ['currencyCode']));
  if (!reference || reference.length > 100) errors.push(userError('INVALID_INPUT', 'Reference must be 1–100 characters', ['reference']));
  if (!input.method.trim() || input.method.length > 50) errors.push(userError('INVALID_INPUT', 'Method must be 1–50 characters (e.g. BANK_TRANSFER)', ['method']));
  if (at.getTime() > ctx.now().getTime() + 60_000) errors.push(userError('INVALID_INPUT', 'A payment cannot be received in the future', ['receivedAt']));
  if (!errors.length && (await inConfirmedPeriod(ctx, buyer.id, at))) errors.push(userError('INVALID_INPUT', 'That date lies in a confirmed statement', ['receivedAt']));
  if (errors.length) return { entry: null, userErrors: errors };
  const [existing] = await ctx.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.buyerId, buyer.id), eq(ledgerEntries.kind, 'PAYMENT'), eq(ledgerEntries.reference, reference)));
  if (existing) {
    return existing.amount === -amount! ? { entry: existing, userErrors: [] } : { entry: null, userErrors: [userError('IDEMPOTENCY_CONFLICT', 'That reference was recorded with another amount', ['reference'])] };
  }
  try {
    const entry = await ctx.db.transaction((tx) => ledger.post(tx, { buyer, kind: 'PAYMENT', amount: -amount!, at, reference, method: input.method.trim(), userId: ctx.viewer.userId }));
    return { entry, userErrors: [] };
  } catch (e) {
    const [again] = await ctx.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.buyerId, buyer.id), eq(ledgerEntries.kind, 'PAYMENT'), eq(ledgerEntries.reference, reference)));
    if (again) return again.amount === -amount! ? { entry: again, userErrors: [] } : { entry: null, userErrors: [userError('IDEMPOTENCY_CONFLICT', 'That reference was recorded with another amount', ['reference'])] };
    throw e;
  }
}

/** The seller corrects a balance with a reason (e.g. to resolve a dispute); dated now. */
export async function recordAdjustment(ctx: SignedInContext, input: { buyerId: string; amount: string; reason: string }): Promise<{ entry: LedgerEntryRow | null; userErrors: UserError[] }> {
  const buyer = await buyerOfViewer(ctx, input.buyerId);
  let amount: bigint | null = null;
  try {
    amount = toMinor(input.amount);
  } catch {
    /* reported below */
  }
  const errors: UserError[] = [];
  if (amount === null || amount === 0n) errors.push(userError('INVALID_INPUT', 'Amount must be non-zero with at most 2 decimals (negative lowers what the buyer owes)', ['amount']));
  if (!input.reason.trim() || input.reason.length > 1000) errors.push(userError('INVALID_INPUT', 'A reason of 1–1000 characters is required', ['reason']));
  if (errors.length) return { entry: null, userErrors: errors };
  const entry = await ctx.db.transaction((tx) => ledger.post(tx, { buyer, kind: 'ADJUSTMENT', amount: amount!, at: ctx.now(), reason: input.reason.trim(), userId: ctx.viewer.userId }));
  return { entry, userErrors: [] };
}
