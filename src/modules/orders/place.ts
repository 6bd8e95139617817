import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { forbidden, userError, UserErrorsException, type UserError } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import type { Db } from '../../db/client.js';
import { fromMinor } from '../../lib/money.js';
import { accounts, type AccountRow } from '../accounts/tables.js';
import { findVisible as findVisibleAccount } from '../accounts/service.js';
import { forRoot as channelSettingsOf } from '../accounts/settings.js';
import { isRegionCode, regionName, withinTerritory } from '../regions/regions.js';
import { regionContains } from '../regions/containment.js';
import { variants, type VariantRow } from '../catalog/tables.js';
import { buyerScope } from '../catalog/scope.js';
import { priceAs } from '../pricing/service.js';
import type { PriceResult } from '../pricing/engine-types.js';
import { warehouses } from '../inventory/tables.js';
import { changeStock, lockStock } from '../inventory/stock.js';
import { distanceKm, route, type Candidate } from './routing.js';
import { appendEvent, noticeOrder, publish } from './history.js';
import { fulfillmentLines, fulfillments, orderLines, orders, type OrderRow } from './tables.js';
import type { PlaceOrderInput } from './types.js';

const MAX_LINES = 200;
const MAX_QUANTITY = 1_000_000;

interface PricedLine {
  index: number;
  variant: VariantRow;
  quantity: number;
  price: PriceResult;
}

interface ShipTo {
  line1: string;
  city: string | null;
  regionCode: string;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
}

function requestHash(buyerId: number, input: PlaceOrderInput): string {
  const s = input.shipTo;
  const canonical = {
    buyerId,
    lines: [...input.lines].map((l) => [l.sku, l.quantity]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    // Absent and null fields mean the same address.
    shipTo: s ? [s.line1.trim(), s.city ?? null, s.regionCode, s.postalCode ?? null, s.latitude ?? null, s.longitude ?? null] : null,
    channel: input.channel ?? 'ONLINE',
    note: input.note ?? null,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

async function byKey(db: Db, buyerId: number, key: string): Promise<OrderRow | null> {
  const [row] = await db.select().from(orders).where(and(eq(orders.buyerId, buyerId), eq(orders.idempotencyKey, key)));
  return row ?? null;
}

function replay(existing: OrderRow, hash: string) {
  return existing.requestHash === hash
    ? { order: existing, userErrors: [] }
    : { order: null, userErrors: [userError('IDEMPOTENCY_CONFLICT', 'This idempotency key was used for a different order', ['idempotencyKey'])] };
}

/** Lines: shape, skus in the buyer's assortment, quantity rules, and a server-side price for each. */
async function priceLines(ctx: SignedInContext, buyer: AccountRow, input: PlaceOrderInput, errors: UserError[]): Promise<PricedLine[]> {
  if (input.lines.length === 0) errors.push(userError('INVALID_INPUT', 'An order has at least one line', ['lines']));
  if (input.lines.length > MAX_LINES) {
    errors.push(userError('INVALID_INPUT', `At most ${MAX_LINES} lines per order`, ['lines']));
    return [];
  }
  const skus = [...new Set(input.lines.map((l) => l.sku))];
  const found = skus.length ? await ctx.db.select().from(variants).where(inArray(variants.sku, skus)) : [];
  const bySku = new Map(found.map((v) => [v.sku, v]));
  const scope = buyerScope(buyer.path);
  const seen = new Set<string>();
  const priced: PricedLine[] = [];
  await Promise.all(
    input.lines.map(async (line, i) => {
      const variant = bySku.get(line.sku);
      if (seen.has(line.sku)) return void errors.push(userError('INVALID_INPUT', `${line.sku} is on more than one line`, ['lines', i, 'sku']));
      seen.add(line.sku);
      if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
        return void errors.push(userError('INVALID_INPUT', `Quantity must be between 1 and ${MAX_QUANTITY}`, ['lines', i, 'quantity']));
      }
      if (!variant) return void errors.push(userError('INVALID_INPUT', `Unknown sku ${line.sku}`, ['lines', i, 'sku']));
      if (!(await ctx.loaders.catalog.offered.load({ scope, variantId: variant.id }))) {
        return void errors.push(userError('NOT_IN_ASSORTMENT', `${line.sku} is not offered to ${buyer.name}`, ['lines', i, 'sku']));
      }
      if (line.quantity < variant.minOrderQuantity || line.quantity % variant.orderIncrement !== 0) {
        return void errors.push(
          userError('QUANTITY_RULE', `${line.sku} is sold from ${variant.minOrderQuantity} ${variant.unit} in multiples of ${variant.orderIncrement}`, ['lines', i, 'quantity']),
        );
      }
      const price = await priceAs(ctx, buyer, variant, line.quantity);
      if (!price) return void errors.push(userError('NOT_IN_ASSORTMENT', `${line.sku} has no price for ${buyer.name}`, ['lines', i, 'sku']));
      priced.push({ index: i, variant, quantity: line.quantity, price });
    }),
  );
  return priced.sort((a, b) => a.index - b.index);
}

function resolveShipTo(buyer: AccountRow, input: PlaceOrderInput, errors: UserError[]): ShipTo | null {
  if (input.shipTo) {
    const s = input.shipTo;
    if (!s.line1.trim()) errors.push(userError('INVALID_INPUT', 'Address line is required', ['shipTo', 'line1']));
    if (!isRegionCode(s.regionCode)) errors.push(userError('INVALID_INPUT', `${s.regionCode} is not a GB/T 2260 region code`, ['shipTo', 'regionCode']));
    if (s.latitude != null && (s.latitude < -90 || s.latitude > 90)) errors.push(userError('INVALID_INPUT', 'Latitude out of range', ['shipTo', 'latitude']));
    if (s.longitude != null && (s.longitude < -180 || s.longitude > 180)) errors.push(userError('INVALID_INPUT', 'Longitude out of range', ['shipTo', 'longitude']));
    // Without coordinates, a ship-to in the buyer's own city is near the buyer: route by its coordinates.
    const near = s.latitude == null && buyer.addressRegionCode?.slice(0, 4) === s.regionCode.slice(0, 4);
    return {
      line1: s.line1.trim(),
      city: s.city ?? null,
      regionCode: s.regionCode,
      postalCode: s.postalCode ?? null,
      latitude: s.latitude ?? (near ? buyer.latitude : null),
      longitude: s.longitude ?? (near ? buyer.longitude : null),
    };
  }
  if (!buyer.addressLine1 || !buyer.addressRegionCode) {
    errors.push(userError('INVALID_INPUT', `${buyer.name} has no address: give a ship-to address`, ['shipTo']));
    return null;
  }
  return { line1: buyer.addressLine1, city: buyer.addressCity, regionCode: buyer.addressRegionCode, postalCode: buyer.addressPostalCode, latitude: buyer.latitude, longitude: buyer.longitude };
}

/**
 * Places an order in one transaction (DESIGN.md "Placing an order"):
 * who may order for whom, server-side prices, assortment and quantity rules,
 * territory (V6), stock routing and reservation, credit, attribution, the
 * status event and the outbox row. Idempotent on (buyer, idempotencyKey).
 * Any refusal writes nothing.
 */
export async function placeOrder(ctx: SignedInContext, input: PlaceOrderInput): Promise<{ order: OrderRow | null; userErrors: UserError[] }> {
  const viewer = ctx.viewer;
  let buyer: AccountRow | null = viewer.account;
  if (input.buyerId != null) {
    const key = keyOf(input.buyerId, 'Account');
    buyer = key === null ? null : await findVisibleAccount(ctx, key);
    if (!buyer) throw forbidden('You cannot order for that account');
  }
  const onBehalf = buyer.id !== viewer.accountId;
  const key = input.idempotencyKey.trim();
  if (!key || key.length > 100) return { order: null, userErrors: [userError('INVALID_INPUT', 'idempotencyKey must be 1–100 characters', ['idempotencyKey'])] };
  if (buyer.parentId === null) return { order: null, userErrors: [userError('INVALID_INPUT', 'The brand buys from no one', ['buyerId'])] };
  const channel = input.channel ?? 'ONLINE';
  if (channel !== 'ONLINE' && !onBehalf) {
    return { order: null, userErrors: [userError('INVALID_INPUT', 'OFFLINE, PHONE and ERP orders are recorded by the seller for its buyer', ['channel'])] };
  }
  const hash = requestHash(buyer.id, input);
  const existing = await byKey(ctx.db, buyer.id, key);
  if (existing) return replay(existing, hash);

  const errors: UserError[] = [];
  if (input.note && input.note.length > 2000) errors.push(userError('INVALID_INPUT', 'Note is longer than 2000 characters', ['note']));
  const lines = await priceLines(ctx, buyer, input, errors);
  const shipTo = resolveShipTo(buyer, input, errors);
  const seller = (await ctx.loaders.accounts.byId.load(buyer.parentId))!;
  let flagReason: string | null = null;
  if (shipTo && isRegionCode(shipTo.regionCode) && !withinTerritory(shipTo.regionCode, seller.territory)) {
    const message = `${regionName(shipTo.regionCode)} (${shipTo.regionCode}) lies outside ${seller.name}'s territory`;
    if ((await channelSettingsOf(ctx.db, buyer.rootId)).territoryPolicy === 'BLOCK') errors.push(userError('OUTSIDE_TERRITORY', message, ['shipTo', 'regionCode']));
    else flagReason = message;
  }
  if (errors.length || !shipTo) return { order: null, userErrors: errors };

  const subtotal = lines.reduce((s, l) => s + l.price.listPrice * BigInt(l.quantity), 0n);
  const total = lines.reduce((s, l) => s + l.price.amount * BigInt(l.quantity), 0n);
  const now = ctx.now();
  const buyerRow = buyer;

  try {
    const order = await ctx.db.transaction(async (tx) => {
      const [{ id }] = await tx.execute<{ id: number }>(sql`select nextval(pg_get_serial_sequence('orders', 'id'))::int as id`);
      const [order] = await tx
        .insert(orders)
        .values({
          id,
          number: `SO-${now.getUTCFullYear()}-${String(id).padStart(7, '0')}`,
          buyerId: buyerRow.id,
          buyerPath: buyerRow.path,
          rootId: buyerRow.rootId,
          sellerId: seller.id,
          serviceProviderId: seller.id,
          placedByUserId: viewer.userId,
          status: 'SUBMITTED',
          channel,
          subtotal,
          discountTotal: subtotal - total,
          total,
          shipToLine1: shipTo.line1,
          shipToCity: shipTo.city,
          shipToRegionCode: shipTo.regionCode,
          shipToPostalCode: shipTo.postalCode,
          shipToLatitude: shipTo.latitude,
          shipToLongitude: shipTo.longitude,
          note: input.note ?? null,
          flagged: flagReason !== null,
          flagReason,
          idempotencyKey: key,
          requestHash: hash,
          createdAt: now,
          updatedAt: now,
        })
        // A concurrent retry with the same key waits here for the first, then finds it.
        .onConflictDoNothing({ target: [orders.buyerId, orders.idempotencyKey] })
        .returning();
      if (!order) throw new ReplayFirst();

      // Warehouses of the seller, then of its ancestors, that deliver to the ship-to region.
      const chain = buyerRow.path.slice(0, -1).reverse();
      const ws = (await tx.select().from(warehouses).where(inArray(warehouses.ownerId, chain))).filter((w) => w.coverage.some((c) => regionContains(c, shipTo.regionCode)));
      const variantIds = lines.map((l) => l.variant.id);
      const locked = await lockStock(tx, ws.map((w) => w.id).sort((a, b) => a - b), [...variantIds].sort((a, b) => a - b));
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
      const routed = route(candidates, lines.map((l) => ({ variantId: l.variant.id, quantity: l.quantity })));
      if ('short' in routed) {
        throw new UserErrorsException(
          routed.short.map((n) => {
            const line = lines.find((l) => l.variant.id === n.variantId)!;
            const have = candidates.reduce((s, c) => s + Math.max(0, c.available.get(n.variantId) ?? 0), 0);
            return userError('OUT_OF_STOCK', `${line.variant.sku}: ${have} available for delivery to ${shipTo.regionCode}, ${n.quantity} ordered`, ['lines', line.index, 'quantity']);
          }),
        );
      }
      await changeStock(
        tx,
        routed.allocations.flatMap((a) => a.lines.map((l) => ({ warehouseId: a.warehouseId, variantId: l.variantId, onHandDelta: 0, reservedDelta: l.quantity }))),
        'RESERVE',
        order.id,
      );

      // Credit: used + total <= limit, checked and moved in one statement.
      const [credit] = await tx
        .update(accounts)
        .set({ creditUsed: sql`${accounts.creditUsed} + ${total}` })
        .where(and(eq(accounts.id, buyerRow.id), sql`(${accounts.creditLimit} is null or ${accounts.creditUsed} + ${total} <= ${accounts.creditLimit})`))
        .returning({ used: accounts.creditUsed });
      if (!credit) {
        // The amount available is credit data (V5): only for the buyer's ADMIN/FINANCE and the accounts above it.
        const mayKnow = onBehalf || viewer.roles.includes('ADMIN') || viewer.roles.includes('FINANCE');
        const [now] = await tx.select({ limit: accounts.creditLimit, used: accounts.creditUsed }).from(accounts).where(eq(accounts.id, buyerRow.id));
        const available = fromMinor((now.limit ?? 0n) - now.used);
        throw new UserErrorsException([
          userError('CREDIT_LIMIT_EXCEEDED', `The order total ${fromMinor(total)} exceeds the available credit${mayKnow ? ` ${available}` : ''}`, ['lines']),
        ]);
      }

      const lineRows = await tx
        .insert(orderLines)
        .values(
          lines.map((l, n) => ({
            orderId: order.id,
            lineNo: n + 1,
            variantId: l.variant.id,
            sku: l.variant.sku,
            quantity: l.quantity,
            listPrice: l.price.listPrice,
            unitPrice: l.price.amount,
            lineTotal: l.price.amount * BigInt(l.quantity),
            priceSteps: l.price.steps.map((s) => ({ kind: s.kind, description: s.description, amount: fromMinor(s.amount) })),
          })),
        )
        .returning({ id: orderLines.id, variantId: orderLines.variantId, sku: orderLines.sku });
      const lineOf = new Map(lineRows.map((r) => [r.variantId, r]));
      for (const a of routed.allocations) {
        const [f] = await tx.insert(fulfillments).values({ orderId: order.id, warehouseId: a.warehouseId, routingReason: a.reason }).returning({ id: fulfillments.id });
        await tx.insert(fulfillmentLines).values(a.lines.map((l) => ({ fulfillmentId: f.id, orderLineId: lineOf.get(l.variantId)!.id, variantId: l.variantId, sku: lineOf.get(l.variantId)!.sku, quantity: l.quantity })));
      }
      await appendEvent(tx, order, viewer, 'SUBMITTED', 'SUBMITTED', onBehalf ? `Placed on behalf of ${buyerRow.name} (${channel})` : input.note ?? null, now);
      if (flagReason) await appendEvent(tx, order, viewer, 'FLAGGED', null, flagReason, now);
      await publish(tx, 'order.submitted', order, { channel, flagged: order.flagged });
      await noticeOrder(tx, order, 'seller', 'ORDER_SUBMITTED', `new order from ${buyerRow.name}, ${fromMinor(total)}`, now);
      return order;
    });
    return { order, userErrors: [] };
  } catch (e) {
    if (e instanceof UserErrorsException) return { order: null, userErrors: e.errors };
    if (e instanceof ReplayFirst) {
      const first = await byKey(ctx.db, buyer.id, key);
      if (first) return replay(first, hash);
    }
    throw e;
  }
}

/** Another request with the same key committed first. */
class ReplayFirst extends Error {}
