import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { userError, type UserError } from '../../graphql/errors.js';
import { hasFinanceRole, visibleOrForbidden } from '../../auth/access.js';
import { keyOf } from '../../graphql/ids.js';
import type { Tx } from '../../db/client.js';
import { parseAmount } from '../../lib/money.js';
import { accounts, type AccountRow } from '../accounts/tables.js';
import { findVisible } from '../accounts/service.js';
import { isSellingTier } from '../accounts/tiers.js';
import {
  rebateAccruals,
  rebatePolicies,
  type RebateAccrualRow,
  type RebatePolicyRow,
  type RebateTier,
} from './tables.js';
import * as ledger from './ledger.js';
import { buyerOfViewer } from './parties.js';
import { shanghaiNoon, shanghaiDay, isDate } from '../../lib/dates.js';

export interface RebatePolicyInput {
  id?: string | null;
  active?: boolean | null;
  ownerId: string;
  name: string;
  period: 'MONTH' | 'QUARTER';
  onlineOnly?: boolean | null;
  tiers: { minVolume: string; percent: string }[];
  accountIds?: string[] | null;
}

/** The period (Shanghai calendar) that contains `at`: [start, end) as dates. */
export function periodOf(kind: 'MONTH' | 'QUARTER', at: Date): { start: string; end: string } {
  const day = shanghaiDay(at);
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const first = kind === 'MONTH' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  const months = kind === 'MONTH' ? 1 : 3;
  const endM = first + months;
  const fmt = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, '0')}-01`;
  return { start: fmt(y, first), end: endM > 12 ? fmt(y + 1, endM - 12) : fmt(y, endM) };
}

/** The highest tier reached: volume × rate, rounded half up to the fen. */
export function rebateFor(tiers: RebateTier[], volume: bigint): { rateBp: number; amount: bigint } {
  const reached = [...tiers]
    .sort((a, b) => Number(BigInt(b.minVolume) - BigInt(a.minVolume)))
    .find((t) => volume >= BigInt(t.minVolume));
  if (!reached) return { rateBp: 0, amount: 0n };
  return { rateBp: reached.rateBp, amount: (volume * BigInt(reached.rateBp) + 5000n) / 10000n };
}

/** A rebate policy of the viewer's own account. */
async function findOwnPolicy(ctx: SignedInContext, id: number): Promise<RebatePolicyRow | null> {
  const [row] = await ctx.db
    .select()
    .from(rebatePolicies)
    .where(and(eq(rebatePolicies.id, id), eq(rebatePolicies.ownerId, ctx.viewer.accountId)));
  return row ?? null;
}

export async function savePolicy(
  ctx: SignedInContext,
  input: RebatePolicyInput,
): Promise<{ policy: RebatePolicyRow | null; userErrors: UserError[] }> {
  // A seller sets what it pays: its own account only.
  const owner = await visibleOrForbidden(
    ctx,
    input.ownerId,
    'Account',
    findVisible,
    'A seller sets its own rebate policies',
    (a) => a.id === ctx.viewer.accountId && hasFinanceRole(ctx.viewer),
  );
  const existing =
    input.id == null
      ? null
      : await visibleOrForbidden(
          ctx,
          input.id,
          'RebatePolicy',
          findOwnPolicy,
          'You change your own rebate policies only',
        );
  const errors: UserError[] = [];
  if (!isSellingTier(owner.tier)) errors.push(userError('INVALID_INPUT', 'Only sellers pay rebates', ['ownerId']));
  if (!input.name.trim() || input.name.length > 200)
    errors.push(userError('INVALID_INPUT', 'Name must be 1–200 characters', ['name']));
  if (!input.tiers.length || input.tiers.length > 20)
    errors.push(userError('INVALID_INPUT', '1 to 20 tiers', ['tiers']));
  const tiers: RebateTier[] = [];
  input.tiers.forEach((t, i) => {
    const min = parseAmount(t.minVolume, 'nonNegative');
    const bp = /^\d{1,2}(\.\d{1,2})?$/.test(t.percent) ? Math.round(Number(t.percent) * 100) : NaN;
    if (min === null) errors.push(userError('INVALID_INPUT', 'minVolume is an amount ≥ 0', ['tiers', i, 'minVolume']));
    if (!(bp > 0 && bp <= 5000))
      errors.push(userError('INVALID_INPUT', 'percent is above 0 and at most 50', ['tiers', i, 'percent']));
    if (min !== null && bp > 0) tiers.push({ minVolume: min.toString(), rateBp: bp });
  });
  const accountKeys = (input.accountIds ?? []).map((id) => keyOf(id, 'Account'));
  const buyers = accountKeys.length
    ? await ctx.db
        .select()
        .from(accounts)
        .where(
          inArray(
            accounts.id,
            accountKeys.filter((k): k is number => k !== null),
          ),
        )
    : [];
  accountKeys.forEach((k, i) => {
    if (!buyers.some((b) => b.id === k && b.parentId === owner.id))
      errors.push(userError('INVALID_INPUT', 'Not a buyer of this seller', ['accountIds', i]));
  });
  if (errors.length) return { policy: null, userErrors: errors };
  const values = {
    ownerId: owner.id,
    name: input.name.trim(),
    period: input.period,
    onlineOnly: input.onlineOnly ?? false,
    tiers,
    accountIds: buyers.map((b) => b.id),
    active: input.active ?? true,
  };
  const [row] = existing
    ? await ctx.db.update(rebatePolicies).set(values).where(eq(rebatePolicies.id, existing.id)).returning()
    : await ctx.db.insert(rebatePolicies).values(values).returning();
  return { policy: row, userErrors: [] };
}

/**
 * Recomputes a buyer's accruals for the periods containing `at`, from its
 * completed orders with its seller (ONLINE only when the policy says so).
 * Runs when an order completes, and for a whole period when it is closed.
 * Settled accruals never change.
 */
export async function accrue(
  tx: Tx,
  buyer: Pick<AccountRow, 'id' | 'parentId' | 'path'>,
  at: Date,
  close = false,
): Promise<RebateAccrualRow[]> {
  if (buyer.parentId === null) return [];
  const policies = await tx
    .select()
    .from(rebatePolicies)
    .where(
      and(
        eq(rebatePolicies.ownerId, buyer.parentId),
        eq(rebatePolicies.active, true),
        sql`(cardinality(${rebatePolicies.accountIds}) = 0 or ${buyer.id} = any(${rebatePolicies.accountIds}))`,
      ),
    );
  const out: RebateAccrualRow[] = [];
  for (const p of policies) {
    const { start, end } = periodOf(p.period, at);
    const [existing] = await tx
      .select()
      .from(rebateAccruals)
      .where(
        and(
          eq(rebateAccruals.policyId, p.id),
          eq(rebateAccruals.buyerId, buyer.id),
          eq(rebateAccruals.periodStart, start),
        ),
      )
      .for('update');
    if (existing?.status === 'SETTLED') continue;
    // Returned goods earn nothing: the order's credit notes come off its value.
    const rows = await tx.execute<{ id: number; total: string }>(sql`
      select id, (total + coalesce((select sum(l.amount) from ledger_entries l where l.order_id = orders.id and l.kind = 'CREDIT_NOTE'), 0))::text as total from orders
      where buyer_id = ${buyer.id} and seller_id = ${buyer.parentId} and status = 'COMPLETED' and kind = 'SALE'
        ${p.onlineOnly ? sql`and channel = 'ONLINE'` : sql``}
        and updated_at >= ${start}::date::timestamp at time zone 'Asia/Shanghai' and updated_at < ${end}::date::timestamp at time zone 'Asia/Shanghai'`);
    const volume = rows.reduce((s, r) => s + BigInt(r.total), 0n);
    const { rateBp, amount } = rebateFor(p.tiers, volume);
    const values = {
      policyId: p.id,
      buyerId: buyer.id,
      sellerId: buyer.parentId,
      buyerPath: buyer.path,
      periodStart: start,
      periodEnd: end,
      volume,
      rateBp,
      amount,
      orderIds: rows.map((r) => r.id),
      closed: close || (existing?.closed ?? false),
      updatedAt: new Date(),
    };
    // An upsert: two orders completing at once for one buyer meet here, not in a unique violation.
    const [row] = await tx
      .insert(rebateAccruals)
      .values(values)
      .onConflictDoUpdate({
        target: [rebateAccruals.policyId, rebateAccruals.buyerId, rebateAccruals.periodStart],
        set: {
          volume: values.volume,
          rateBp: values.rateBp,
          amount: values.amount,
          orderIds: values.orderIds,
          closed: values.closed,
          updatedAt: values.updatedAt,
        },
        setWhere: sql`${rebateAccruals.status} = 'PENDING'`,
      })
      .returning();
    if (row) out.push(row);
  }
  return out;
}

/** Period close for one buyer: a final accrual, then settlement as a REBATE entry that lowers the balance. */
export async function settleRebates(
  ctx: SignedInContext,
  buyerId: string,
  periodDay: string,
): Promise<{ accruals: RebateAccrualRow[]; userErrors: UserError[] }> {
  const buyer = await buyerOfViewer(ctx, buyerId);
  if (!isDate(periodDay))
    return {
      accruals: [],
      userErrors: [userError('INVALID_INPUT', 'A day inside the period, YYYY-MM-DD', ['periodDay'])],
    };
  const at = shanghaiNoon(periodDay);
  return ctx.db.transaction(async (tx) => {
    const accruals = await accrue(tx, buyer, at, true);
    const today = shanghaiDay(ctx.now());
    const settled: RebateAccrualRow[] = [];
    for (const a of accruals) {
      if (a.periodEnd > today) {
        settled.push(a); // a period still running is accrued, not settled
        continue;
      }
      if (a.amount > 0n) {
        const entry = await ledger.post(tx, {
          buyer,
          kind: 'REBATE',
          amount: -a.amount,
          at: ctx.now(),
          reference: `Rebate ${a.periodStart}`,
          reason: `${a.rateBp / 100}% of ${a.volume} fen`,
          sourceId: a.id,
          userId: ctx.viewer.userId,
        });
        const [row] = await tx
          .update(rebateAccruals)
          .set({ status: 'SETTLED', settledEntryId: entry.id })
          .where(eq(rebateAccruals.id, a.id))
          .returning();
        settled.push(row);
      } else {
        const [row] = await tx
          .update(rebateAccruals)
          .set({ status: 'SETTLED' })
          .where(eq(rebateAccruals.id, a.id))
          .returning();
        settled.push(row);
      }
    }
    return { accruals: settled, userErrors: [] };
  });
}

/**
 * A return after its period's rebate was settled: the rebate paid on the
 * returned value comes back as an ADJUSTMENT (the settled accrual keeps its
 * history; the difference is booked now).
 */
export async function clawBack(
  tx: Tx,
  buyer: Pick<AccountRow, 'id' | 'parentId' | 'path' | 'rootId'>,
  orderId: number,
  credited: bigint,
  at: Date,
  userId: number | null,
): Promise<void> {
  const settled = await tx
    .select()
    .from(rebateAccruals)
    .where(
      and(
        eq(rebateAccruals.buyerId, buyer.id),
        eq(rebateAccruals.status, 'SETTLED'),
        sql`${orderId} = any(${rebateAccruals.orderIds})`,
      ),
    );
  for (const a of settled) {
    const back = (credited * BigInt(a.rateBp) + 5000n) / 10000n;
    if (back > 0n) {
      await ledger.post(tx, {
        buyer,
        kind: 'ADJUSTMENT',
        amount: back,
        at,
        reason: `Rebate of ${a.periodStart} returned with the goods (${a.rateBp / 100}%)`,
        sourceId: a.id,
        orderId,
        userId,
      });
    }
  }
}
