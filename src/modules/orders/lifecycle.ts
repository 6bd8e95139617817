import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { forbidden, userError, type UserError } from '../../graphql/errors.js';
import { mutate, refuse } from '../../graphql/mutate.js';
import { hasAnyRole, visibleOrForbidden } from '../../auth/access.js';
import type { Tx } from '../../db/client.js';
import type { Viewer } from '../../auth/viewer.js';
import { accountIn } from '../accounts/service.js';
import { warehouses } from '../inventory/tables.js';
import { changeStock, lockStock, type StockChange } from '../inventory/stock.js';
import { appendEvent, noticeOrder, publish } from './history.js';
import * as ledger from '../finance/ledger.js';
import * as credit from '../finance/credit.js';
import { accrue } from '../finance/rebates.js';
import { findVisible, findVisibleFulfillment } from './service.js';
import { withdrawOrderSales } from '../analytics/rollup.js';
import {
  fulfillmentLines,
  fulfillments,
  orders,
  type FulfillmentRow,
  type OrderRow,
  type OrderStatus,
} from './tables.js';
import type { ShipFulfillmentInput } from './types.js';

type Result = { order: OrderRow | null; userErrors: UserError[] };

const isBuyerSide = (v: Viewer, o: OrderRow) => v.accountId === o.buyerId && hasAnyRole(v, 'BUYER');
/** The seller or any account above it (the order's buyer path without the buyer), as ADMIN. */
const isSellerSide = (v: Viewer, o: OrderRow) => o.buyerPath.slice(0, -1).includes(v.accountId) && hasAnyRole(v);

/** Refuses a transition the order's status does not allow. */
function invalid(message: string): never {
  refuse(userError('INVALID_TRANSITION', message, ['id']));
}

const visibleOrder = (ctx: SignedInContext, id: string) =>
  visibleOrForbidden(ctx, id, 'Order', findVisible, 'You cannot act on that order');

/**
 * Runs a transition on the order row locked FOR UPDATE, so two transitions of
 * one order never interleave; `apply` re-checks the status it sees there.
 */
function transition(
  ctx: SignedInContext,
  orderId: number,
  apply: (tx: Tx, order: OrderRow) => Promise<OrderRow>,
): Promise<Result> {
  return mutate(
    ctx,
    'order',
    async (tx) => {
      const [locked] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
      return apply(tx, locked);
    },
    // Refused: the order as it is after the rollback.
    async () => (await ctx.db.select().from(orders).where(eq(orders.id, orderId)))[0] ?? null,
  );
}

async function setStatus(tx: Tx, order: OrderRow, status: OrderStatus, at: Date): Promise<OrderRow> {
  const [row] = await tx.update(orders).set({ status, updatedAt: at }).where(eq(orders.id, order.id)).returning();
  return row;
}

/** What one fulfillment's units cost the buyer: its lines at the order's unit prices. */
async function shippedValue(tx: Tx, fulfillmentId: number): Promise<bigint> {
  const [row] = await tx.execute<{ value: string }>(sql`
    select coalesce(sum(fl.quantity * ol.unit_price), 0)::text as value
    from fulfillment_lines fl join order_lines ol on ol.id = fl.order_line_id
    where fl.fulfillment_id = ${fulfillmentId}`);
  return BigInt(row.value);
}

async function stockOf(tx: Tx, fs: FulfillmentRow[]) {
  if (!fs.length) return [];
  return tx
    .select()
    .from(fulfillmentLines)
    .where(
      inArray(
        fulfillmentLines.fulfillmentId,
        fs.map((f) => f.id),
      ),
    );
}

/** The seller (or an ancestor) accepts a submitted order; its stock was reserved at placement, so it is allocated at once. */
export async function confirmOrder(ctx: SignedInContext, id: string): Promise<Result> {
  const order = await visibleOrder(ctx, id);
  if (!isSellerSide(ctx.viewer, order)) throw forbidden('Only the seller side confirms an order');
  return transition(ctx, order.id, async (tx, o) => {
    if (o.status !== 'SUBMITTED') invalid(`A ${o.status} order cannot be confirmed`);
    const at = ctx.now();
    await appendEvent(tx, o, ctx.viewer, 'CONFIRMED', 'CONFIRMED', null, at);
    const n = (await tx.select({ id: fulfillments.id }).from(fulfillments).where(eq(fulfillments.orderId, o.id)))
      .length;
    await appendEvent(
      tx,
      o,
      ctx.viewer,
      'ALLOCATED',
      'ALLOCATED',
      `Stock reserved in ${n} warehouse${n === 1 ? '' : 's'}`,
      at,
    );
    const row = await setStatus(tx, o, 'ALLOCATED', at);
    await publish(tx, 'order.confirmed', row);
    await noticeOrder(tx, row, 'buyer', 'ORDER_CONFIRMED', 'confirmed by the seller', at);
    return row;
  });
}

/**
 * The buyer cancels before confirmation; the seller side before anything
 * ships. Releases exactly the stock still reserved and the credit taken.
 */
export async function cancelOrder(
  ctx: SignedInContext,
  id: string,
  reason: string | null | undefined,
): Promise<Result> {
  const order = await visibleOrder(ctx, id);
  const buyerSide = isBuyerSide(ctx.viewer, order);
  const sellerSide = isSellerSide(ctx.viewer, order);
  if (!buyerSide && !sellerSide) throw forbidden('Only the buyer or the seller side cancels an order');
  if (reason && reason.length > 2000)
    return { order, userErrors: [userError('INVALID_INPUT', 'Reason is longer than 2000 characters', ['reason'])] };
  return transition(ctx, order.id, async (tx, o) => {
    if (['SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED'].includes(o.status))
      invalid(`A ${o.status} order cannot be cancelled`);
    if (!sellerSide && o.status !== 'SUBMITTED')
      invalid('The seller has confirmed this order: ask the seller to cancel it');
    const fs = await tx.select().from(fulfillments).where(eq(fulfillments.orderId, o.id));
    if (fs.some((f) => f.status !== 'PENDING')) invalid('Part of this order has shipped');
    const lines = await stockOf(tx, fs);
    const warehouseIds = [...new Set(fs.map((f) => f.warehouseId))].sort((a, b) => a - b);
    const variantIds = [...new Set(lines.map((l) => l.variantId))].sort((a, b) => a - b);
    await lockStock(tx, warehouseIds, variantIds);
    const byF = new Map(fs.map((f) => [f.id, f.warehouseId]));
    await changeStock(
      tx,
      lines.map((l) => ({
        warehouseId: byF.get(l.fulfillmentId)!,
        variantId: l.variantId,
        onHandDelta: 0,
        reservedDelta: -l.quantity,
      })),
      'RELEASE',
      o.id,
    );
    await credit.release(tx, o.buyerId, o.total);
    await withdrawOrderSales(tx, o.id);
    await tx.update(fulfillments).set({ status: 'CANCELLED' }).where(eq(fulfillments.orderId, o.id));
    const at = ctx.now();
    await appendEvent(tx, o, ctx.viewer, 'CANCELLED', 'CANCELLED', reason?.trim() || null, at);
    const row = await setStatus(tx, o, 'CANCELLED', at);
    await publish(tx, 'order.cancelled', row, { reason: reason ?? null });
    await noticeOrder(
      tx,
      row,
      buyerSide ? 'seller' : 'buyer',
      'ORDER_CANCELLED',
      `cancelled${reason ? `: ${reason.trim()}` : ''}`,
      at,
    );
    return row;
  });
}

const MAX_BATCH_CODES = 50;

/** The warehouse owner (or an ancestor) ships one fulfillment: reserved stock leaves the warehouse. */
export async function shipFulfillment(ctx: SignedInContext, input: ShipFulfillmentInput): Promise<Result> {
  const { f, order } = await visibleOrForbidden(
    ctx,
    input.fulfillmentId,
    'Fulfillment',
    findVisibleFulfillment,
    'You cannot ship that fulfillment',
  );
  const [w] = await ctx.db.select().from(warehouses).where(eq(warehouses.id, f.warehouseId));
  const owner = await ctx.loaders.accounts.byId.load(w.ownerId);
  if (owner?.id !== ctx.viewer.accountId || !hasAnyRole(ctx.viewer, 'SERVICE'))
    throw forbidden('Only the warehouse owner ships from it');
  const codes = [...new Set((input.batchCodes ?? []).map((c) => c.trim()).filter(Boolean))];
  const errors: UserError[] = [];
  if (input.trackingNumber && input.trackingNumber.length > 100)
    errors.push(userError('INVALID_INPUT', 'Tracking number is longer than 100 characters', ['trackingNumber']));
  if (codes.length > MAX_BATCH_CODES)
    errors.push(userError('INVALID_INPUT', `At most ${MAX_BATCH_CODES} batch codes`, ['batchCodes']));
  codes.forEach((c, i) => {
    if (!/^[\w.\-/]{1,64}$/.test(c))
      errors.push(
        userError('INVALID_INPUT', `Batch code "${c}" must be 1–64 letters, digits, . - _ /`, ['batchCodes', i]),
      );
  });
  if (errors.length) return { order, userErrors: errors };
  return transition(ctx, order.id, async (tx, o) => {
    const [current] = await tx.select().from(fulfillments).where(eq(fulfillments.id, f.id));
    if (o.status !== 'ALLOCATED')
      invalid(o.status === 'SUBMITTED' ? 'Confirm the order before shipping it' : `A ${o.status} order cannot ship`);
    if (current.status !== 'PENDING') invalid(`This fulfillment is ${current.status}`);
    const lines = await stockOf(tx, [current]);
    await lockStock(
      tx,
      [current.warehouseId],
      [...new Set(lines.map((l) => l.variantId))].sort((a, b) => a - b),
    );
    const out: StockChange[] = lines.map((l) => ({
      warehouseId: current.warehouseId,
      variantId: l.variantId,
      onHandDelta: -l.quantity,
      reservedDelta: -l.quantity,
    }));
    await changeStock(tx, out, 'SHIP', o.id);
    const at = ctx.now();
    // The buyer is charged for what ships, when it ships (ledger ORDER_CHARGE).
    const value = await shippedValue(tx, current.id);
    const buyer = await accountIn(tx, o.buyerId);
    // A replacement (kind REPLACEMENT) is worth nothing: nothing to charge.
    if (value !== 0n)
      await ledger.post(tx, {
        buyer,
        kind: 'ORDER_CHARGE',
        amount: value,
        at,
        orderId: o.id,
        reference: o.number,
        userId: ctx.viewer.userId,
      });
    await tx
      .update(fulfillments)
      .set({
        status: 'SHIPPED',
        trackingNumber: input.trackingNumber?.trim() || null,
        batchCodes: codes,
        shippedAt: at,
      })
      .where(eq(fulfillments.id, current.id));
    await appendEvent(
      tx,
      o,
      ctx.viewer,
      'FULFILLMENT_SHIPPED',
      null,
      `From ${w.name}${input.trackingNumber ? `, tracking ${input.trackingNumber.trim()}` : ''}`,
      at,
    );
    const open = await tx
      .select({ id: fulfillments.id })
      .from(fulfillments)
      .where(and(eq(fulfillments.orderId, o.id), eq(fulfillments.status, 'PENDING')));
    let row = o;
    if (open.length === 0) {
      await appendEvent(tx, o, ctx.viewer, 'SHIPPED', 'SHIPPED', null, at);
      row = await setStatus(tx, o, 'SHIPPED', at);
    } else {
      [row] = await tx.update(orders).set({ updatedAt: at }).where(eq(orders.id, o.id)).returning();
    }
    await publish(tx, 'order.shipped', row, {
      fulfillmentId: input.fulfillmentId,
      batchCodes: codes,
      trackingNumber: input.trackingNumber ?? null,
    });
    await noticeOrder(tx, row, 'buyer', 'ORDER_SHIPPED', `shipped from ${w.name}`, at);
    return row;
  });
}

/** The buyer confirms receipt of what has shipped; once everything is delivered the order completes. */
export async function confirmDelivery(ctx: SignedInContext, id: string): Promise<Result> {
  const order = await visibleOrder(ctx, id);
  // An order the seller recorded (OFFLINE, PHONE, ERP) may have a buyer with no users: the seller side confirms it then.
  const sellerMay = order.channel !== 'ONLINE' && isSellerSide(ctx.viewer, order);
  if (!isBuyerSide(ctx.viewer, order) && !sellerMay) throw forbidden('Only the buyer confirms delivery');
  return transition(ctx, order.id, async (tx, o) => {
    const fs = await tx.select().from(fulfillments).where(eq(fulfillments.orderId, o.id));
    const shipped = fs.filter((f) => f.status === 'SHIPPED');
    if (!shipped.length) invalid('Nothing has shipped that could be delivered');
    const at = ctx.now();
    await tx
      .update(fulfillments)
      .set({ status: 'DELIVERED', deliveredAt: at })
      .where(
        inArray(
          fulfillments.id,
          shipped.map((f) => f.id),
        ),
      );
    const everything = fs.every((f) => f.status === 'SHIPPED' || f.status === 'DELIVERED' || f.status === 'CANCELLED');
    let row = o;
    if (everything) {
      await appendEvent(tx, o, ctx.viewer, 'DELIVERED', 'DELIVERED', null, at);
      await appendEvent(tx, o, ctx.viewer, 'COMPLETED', 'COMPLETED', 'Every fulfillment delivered', at);
      row = await setStatus(tx, o, 'COMPLETED', at);
      await publish(tx, 'order.completed', row);
      // Rebates accrue as orders complete.
      await accrue(tx, await accountIn(tx, o.buyerId), at);
      await noticeOrder(tx, row, 'seller', 'ORDER_COMPLETED', 'delivered and completed', at);
    } else {
      await appendEvent(
        tx,
        o,
        ctx.viewer,
        'FULFILLMENT_DELIVERED',
        null,
        `${shipped.length} shipment${shipped.length === 1 ? '' : 's'} received`,
        at,
      );
      [row] = await tx.update(orders).set({ updatedAt: at }).where(eq(orders.id, o.id)).returning();
      await publish(tx, 'order.delivered', row);
    }
    return row;
  });
}
