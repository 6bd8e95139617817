import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { Viewer } from '../../auth/viewer.js';
import { nextId } from '../../db/sql.js';
import { appendEvent, noticeOrder, publish } from './history.js';
import { insertFulfillments, reserveStock } from './allocate.js';
import { orderLines, orders, type OrderRow } from './tables.js';

/** The goods an exchange replaces: lines of the original order. */
export interface ReplacedLine {
  variantId: number;
  sku: string;
  quantity: number;
}

/**
 * The replacement shipment of an approved EXCHANGE: an order of kind
 * REPLACEMENT between the same buyer and seller as the original (its buyer
 * path too, so the chain that sold and serves it sees it even if the buyer
 * has moved since), routed like an order from the seller's chain to the
 * original ship-to, its stock reserved now and taken out when it ships. It
 * costs nothing: no credit is reserved, shipping charges nothing (its lines
 * are at 0), and it is not a sale (kept out of the sales rollups and
 * rebates). It is ALLOCATED at once — the service side approved it — and
 * goes through shipFulfillment and confirmDelivery like any order.
 */
export async function placeReplacement(
  tx: Tx,
  viewer: Viewer,
  ticket: { id: number; number: string; orderId: number },
  lines: ReplacedLine[],
  at: Date,
  lowStockThreshold: number,
): Promise<OrderRow> {
  const [original] = await tx.select().from(orders).where(eq(orders.id, ticket.orderId));
  const id = await nextId(tx, orders);
  const [order] = await tx
    .insert(orders)
    .values({
      id,
      number: `SO-${at.getUTCFullYear()}-${String(id).padStart(7, '0')}`,
      buyerId: original.buyerId,
      buyerPath: original.buyerPath,
      rootId: original.rootId,
      sellerId: original.sellerId,
      serviceProviderId: original.serviceProviderId,
      placedByUserId: viewer.userId,
      status: 'ALLOCATED',
      channel: original.channel,
      kind: 'REPLACEMENT',
      subtotal: 0n,
      discountTotal: 0n,
      total: 0n,
      shipToLine1: original.shipToLine1,
      shipToCity: original.shipToCity,
      shipToRegionCode: original.shipToRegionCode,
      shipToPostalCode: original.shipToPostalCode,
      shipToLatitude: original.shipToLatitude,
      shipToLongitude: original.shipToLongitude,
      note: `Replacement for ${ticket.number} (exchange on ${original.number})`,
      idempotencyKey: `replacement:${ticket.id}`,
      requestHash: 'replacement',
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  const shipTo = {
    regionCode: original.shipToRegionCode,
    latitude: original.shipToLatitude,
    longitude: original.shipToLongitude,
  };
  const chain = original.buyerPath.slice(0, -1).reverse();
  const allocations = await reserveStock(
    tx,
    chain,
    shipTo,
    lines.map((l) => ({ ...l, field: ['ticketId'] })),
    order.id,
    { rootId: original.rootId, threshold: lowStockThreshold },
  );
  const lineRows = await tx
    .insert(orderLines)
    .values(
      lines.map((l, n) => ({
        orderId: order.id,
        lineNo: n + 1,
        variantId: l.variantId,
        sku: l.sku,
        quantity: l.quantity,
        listPrice: 0n,
        unitPrice: 0n,
        lineTotal: 0n,
        priceSteps: [],
      })),
    )
    .returning({ id: orderLines.id, variantId: orderLines.variantId, sku: orderLines.sku });
  await insertFulfillments(tx, order.id, allocations, new Map(lineRows.map((r) => [r.variantId, r])));
  await appendEvent(
    tx,
    order,
    viewer,
    'CONFIRMED',
    'CONFIRMED',
    `Replacement for ${ticket.number} (exchange on ${original.number}), at no charge`,
    at,
  );
  await appendEvent(
    tx,
    order,
    viewer,
    'ALLOCATED',
    'ALLOCATED',
    `Stock reserved in ${allocations.length} warehouse${allocations.length === 1 ? '' : 's'}`,
    at,
  );
  await publish(tx, 'order.confirmed', order, {
    kind: 'REPLACEMENT',
    ticketNumber: ticket.number,
    replaces: original.number,
  });
  await noticeOrder(tx, order, 'buyer', 'ORDER_CONFIRMED', `replacement for ${ticket.number} on its way`, at);
  return order;
}
