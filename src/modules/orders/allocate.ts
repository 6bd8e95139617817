import type { Tx } from '../../db/client.js';
import { userError } from '../../graphql/errors.js';
import { inInts } from '../../db/sql.js';
import { refuse } from '../../graphql/mutate.js';
import { regionContains } from '../regions/containment.js';
import { warehouses } from '../inventory/tables.js';
import { changeStock, lockStock } from '../inventory/stock.js';
import { publishLowStock } from '../inventory/low-stock.js';
import { distanceKm, route, type Allocation, type Candidate } from './routing.js';
import { fulfillmentLines, fulfillments } from './tables.js';

/** What one line needs from stock, and the input field an OUT_OF_STOCK refusal names. */
export interface StockNeed {
  variantId: number;
  sku: string;
  quantity: number;
  field: (string | number)[];
}

export interface ShipToPoint {
  regionCode: string;
  latitude: number | null;
  longitude: number | null;
}

/**
 * Routes an order's lines and reserves their stock (DESIGN.md "Placing an
 * order", step 4), for placeOrder and for an exchange's replacement alike:
 * candidates are the warehouses of the seller, then of its ancestors
 * (`chain`, seller first), whose coverage contains the ship-to region; their
 * stock rows are locked in one global order; the routing is chosen and the
 * units reserved. OUT_OF_STOCK refuses the whole transaction. A warehouse
 * whose available stock falls below the threshold publishes STOCK_LOW.
 */
export async function reserveStock(
  tx: Tx,
  chain: number[],
  shipTo: ShipToPoint,
  needs: StockNeed[],
  orderId: number,
  lowStock: { rootId: number; threshold: number },
): Promise<Allocation[]> {
  const ws = (await tx.select().from(warehouses).where(inInts(warehouses.ownerId, chain))).filter((w) =>
    w.coverage.some((c) => regionContains(c, shipTo.regionCode)),
  );
  const variantIds = needs.map((l) => l.variantId);
  const locked = await lockStock(
    tx,
    ws.map((w) => w.id).sort((a, b) => a - b),
    [...variantIds].sort((a, b) => a - b),
  );
  const candidates: Candidate[] = ws.map((w) => ({
    warehouseId: w.id,
    name: w.name,
    level: chain.indexOf(w.ownerId),
    distanceKm:
      w.latitude != null && w.longitude != null && shipTo.latitude != null && shipTo.longitude != null
        ? distanceKm({ lat: w.latitude, lon: w.longitude }, { lat: shipTo.latitude, lon: shipTo.longitude })
        : null,
    available: new Map(locked.filter((s) => s.warehouseId === w.id).map((s) => [s.variantId, s.onHand - s.reserved])),
  }));
  const routed = route(
    candidates,
    needs.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
  );
  if ('short' in routed) {
    refuse(
      ...routed.short.map((n) => {
        const line = needs.find((l) => l.variantId === n.variantId)!;
        const have = candidates.reduce((s, c) => s + Math.max(0, c.available.get(n.variantId) ?? 0), 0);
        return userError(
          'OUT_OF_STOCK',
          `${line.sku}: ${have} available for delivery to ${shipTo.regionCode}, ${n.quantity} ordered`,
          line.field,
        );
      }),
    );
  }
  await changeStock(
    tx,
    routed.allocations.flatMap((a) =>
      a.lines.map((l) => ({
        warehouseId: a.warehouseId,
        variantId: l.variantId,
        onHandDelta: 0,
        reservedDelta: l.quantity,
      })),
    ),
    'RESERVE',
    orderId,
  );
  const availableBefore = new Map(locked.map((s) => [`${s.warehouseId}|${s.variantId}`, s.onHand - s.reserved]));
  await publishLowStock(
    tx,
    lowStock.rootId,
    routed.allocations.flatMap((a) =>
      a.lines.map((l) => {
        const before = availableBefore.get(`${a.warehouseId}|${l.variantId}`) ?? 0;
        return { warehouseId: a.warehouseId, variantId: l.variantId, before, after: before - l.quantity };
      }),
    ),
    lowStock.threshold,
  );
  return routed.allocations;
}

/** One fulfillment per allocation, its lines pointing at the order's lines (one per variant). */
export async function insertFulfillments(
  tx: Tx,
  orderId: number,
  allocations: Allocation[],
  lineOf: Map<number, { id: number; sku: string }>,
): Promise<void> {
  for (const a of allocations) {
    const [f] = await tx
      .insert(fulfillments)
      .values({ orderId, warehouseId: a.warehouseId, routingReason: a.reason })
      .returning({ id: fulfillments.id });
    await tx.insert(fulfillmentLines).values(
      a.lines.map((l) => ({
        fulfillmentId: f.id,
        orderLineId: lineOf.get(l.variantId)!.id,
        variantId: l.variantId,
        sku: lineOf.get(l.variantId)!.sku,
        quantity: l.quantity,
      })),
    );
  }
}
