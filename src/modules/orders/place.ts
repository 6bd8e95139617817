import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { userError, type UserError } from '../../graphql/errors.js';
import { mutate, refuse } from '../../graphql/mutate.js';
import type { Db, Tx } from '../../db/client.js';
import { fromMinor } from '../../lib/money.js';
import { seesFinanceOf, visibleOrForbidden } from '../../auth/access.js';
import { accounts, type AccountRow } from '../accounts/tables.js';
import { findVisible as findVisibleAccount } from '../accounts/service.js';
import { forRoot as channelSettingsOf } from '../accounts/settings.js';
import { isRegionCode, regionName, withinTerritory } from '../regions/regions.js';
import type { AddressParts } from '../regions/address.js';
import { variants, type VariantRow } from '../catalog/tables.js';
import { buyerScope } from '../catalog/scope.js';
import { priceAs } from '../pricing/service.js';
import type { PriceResult } from '../pricing/engine-types.js';
import { appendEvent, noticeOrder, publish } from './history.js';
import * as credit from '../finance/credit.js';
import { orderLines, orders, type OrderRow } from './tables.js';
import { insertFulfillments, reserveStock } from './allocate.js';
import { recordOrderSales } from '../analytics/rollup.js';
import type { PlaceOrderInput } from './types.js';
import { nextId, uniqueViolation, inTexts } from '../../db/sql.js';

const MAX_LINES = 200;
const MAX_QUANTITY = 1_000_000;

interface PricedLine {
  index: number;
  variant: VariantRow;
  quantity: number;
  price: PriceResult;
}

type ShipTo = AddressParts;

function requestHash(buyerId: number, input: PlaceOrderInput): string {
  const s = input.shipTo;
  const canonical = {
    buyerId,
    lines: [...input.lines].map((l) => [l.sku, l.quantity]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    // Absent and null fields mean the same address.
    shipTo: s
      ? [s.line1.trim(), s.city ?? null, s.regionCode, s.postalCode ?? null, s.latitude ?? null, s.longitude ?? null]
      : null,
    channel: input.channel ?? 'ONLINE',
    note: input.note ?? null,
    // Only when given, so the hashes of orders placed before externalRef existed still match their retries.
    ...(input.externalRef?.trim() ? { externalRef: input.externalRef.trim() } : {}),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

async function byKey(db: Db, buyerId: number, key: string): Promise<OrderRow | null> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.buyerId, buyerId), eq(orders.idempotencyKey, key)));
  return row ?? null;
}

function replay(existing: OrderRow, hash: string) {
  return existing.requestHash === hash
    ? { order: existing, userErrors: [] }
    : {
        order: null,
        userErrors: [
          userError('IDEMPOTENCY_CONFLICT', 'This idempotency key was used for a different order', ['idempotencyKey']),
        ],
      };
}

/** Lines: shape, skus in the buyer's assortment, quantity rules, and a server-side price for each. */
async function priceLines(
  ctx: SignedInContext,
  buyer: AccountRow,
  input: PlaceOrderInput,
  errors: UserError[],
): Promise<PricedLine[]> {
  if (input.lines.length === 0) errors.push(userError('INVALID_INPUT', 'An order has at least one line', ['lines']));
  if (input.lines.length > MAX_LINES) {
    errors.push(userError('INVALID_INPUT', `At most ${MAX_LINES} lines per order`, ['lines']));
    return [];
  }
  const skus = [...new Set(input.lines.map((l) => l.sku))];
  const found = skus.length ? await ctx.db.select().from(variants).where(inTexts(variants.sku, skus)) : [];
  const bySku = new Map(found.map((v) => [v.sku, v]));
  const scope = buyerScope(buyer.path);
  const seen = new Set<string>();
  const priced: PricedLine[] = [];
  await Promise.all(
    input.lines.map(async (line, i) => {
      const variant = bySku.get(line.sku);
      if (seen.has(line.sku))
        return void errors.push(
          userError('INVALID_INPUT', `${line.sku} is on more than one line`, ['lines', i, 'sku']),
        );
      seen.add(line.sku);
      if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
        return void errors.push(
          userError('INVALID_INPUT', `Quantity must be between 1 and ${MAX_QUANTITY}`, ['lines', i, 'quantity']),
        );
      }
      // V2: a sku hidden from the buyer answers exactly as one that does not exist.
      if (!variant || !(await ctx.loaders.catalog.offered.load({ scope, variantId: variant.id }))) {
        return void errors.push(
          userError('NOT_IN_ASSORTMENT', `${line.sku} is not offered to ${buyer.name}`, ['lines', i, 'sku']),
        );
      }
      if (line.quantity < variant.minOrderQuantity || line.quantity % variant.orderIncrement !== 0) {
        return void errors.push(
          userError(
            'QUANTITY_RULE',
            `${line.sku} is sold from ${variant.minOrderQuantity} ${variant.unit} in multiples of ${variant.orderIncrement}`,
            ['lines', i, 'quantity'],
          ),
        );
      }
      const price = await priceAs(ctx, buyer, variant, line.quantity);
      if (!price)
        return void errors.push(
          userError('NOT_IN_ASSORTMENT', `${line.sku} has no price for ${buyer.name}`, ['lines', i, 'sku']),
        );
      priced.push({ index: i, variant, quantity: line.quantity, price });
    }),
  );
  return priced.sort((a, b) => a.index - b.index);
}

function resolveShipTo(buyer: AccountRow, input: PlaceOrderInput, errors: UserError[]): ShipTo | null {
  if (input.shipTo) {
    const s = input.shipTo;
    if (!s.line1.trim()) errors.push(userError('INVALID_INPUT', 'Address line is required', ['shipTo', 'line1']));
    if (!isRegionCode(s.regionCode))
      errors.push(
        userError('INVALID_INPUT', `${s.regionCode} is not a GB/T 2260 region code`, ['shipTo', 'regionCode']),
      );
    if (s.latitude != null && (s.latitude < -90 || s.latitude > 90))
      errors.push(userError('INVALID_INPUT', 'Latitude out of range', ['shipTo', 'latitude']));
    if (s.longitude != null && (s.longitude < -180 || s.longitude > 180))
      errors.push(userError('INVALID_INPUT', 'Longitude out of range', ['shipTo', 'longitude']));
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
  return {
    line1: buyer.addressLine1,
    city: buyer.addressCity,
    regionCode: buyer.addressRegionCode,
    postalCode: buyer.addressPostalCode,
    latitude: buyer.latitude,
    longitude: buyer.longitude,
  };
}

/**
 * Places an order in one transaction (DESIGN.md "Placing an order"):
 * who may order for whom, server-side prices, assortment and quantity rules,
 * territory (V6), stock routing and reservation, credit, attribution, the
 * status event and the outbox row. Idempotent on (buyer, idempotencyKey).
 * Any refusal writes nothing.
 */
export async function placeOrder(
  ctx: SignedInContext,
  input: PlaceOrderInput,
): Promise<{ order: OrderRow | null; userErrors: UserError[] }> {
  const viewer = ctx.viewer;
  const buyer =
    input.buyerId == null
      ? viewer.account
      : await visibleOrForbidden(
          ctx,
          input.buyerId,
          'Account',
          findVisibleAccount,
          'You cannot order for that account',
        );
  const onBehalf = buyer.id !== viewer.accountId;
  const key = input.idempotencyKey.trim();
  if (!key || key.length > 100)
    return {
      order: null,
      userErrors: [userError('INVALID_INPUT', 'idempotencyKey must be 1–100 characters', ['idempotencyKey'])],
    };
  if (buyer.parentId === null)
    return { order: null, userErrors: [userError('INVALID_INPUT', 'The brand buys from no one', ['buyerId'])] };
  const channel = input.channel ?? 'ONLINE';
  if (channel !== 'ONLINE' && !onBehalf) {
    return {
      order: null,
      userErrors: [
        userError('INVALID_INPUT', 'OFFLINE, PHONE and ERP orders are recorded by the seller for its buyer', [
          'channel',
        ]),
      ],
    };
  }
  const hash = requestHash(buyer.id, input);
  const existing = await byKey(ctx.db, buyer.id, key);
  if (existing) return replay(existing, hash);

  const seller = (await ctx.loaders.accounts.byId.load(buyer.parentId))!;
  const suspended = suspension(buyer, seller);
  if (suspended) return { order: null, userErrors: [suspended] };
  const errors: UserError[] = [];
  const externalRef = input.externalRef?.trim() || null;
  if (externalRef !== null) {
    if (externalRef.length > 100)
      errors.push(userError('INVALID_INPUT', 'externalRef is at most 100 characters', ['externalRef']));
    else if (await refTaken(ctx.db, buyer.id, externalRef)) errors.push(refTakenError(externalRef));
  }
  if (input.note && input.note.length > 2000)
    errors.push(userError('INVALID_INPUT', 'Note is longer than 2000 characters', ['note']));
  const lines = await priceLines(ctx, buyer, input, errors);
  const shipTo = resolveShipTo(buyer, input, errors);
  let flagReason: string | null = null;
  if (shipTo && isRegionCode(shipTo.regionCode) && !withinTerritory(shipTo.regionCode, seller.territory)) {
    const message = `${regionName(shipTo.regionCode)} (${shipTo.regionCode}) lies outside ${seller.name}'s territory`;
    if ((await channelSettingsOf(ctx.db, buyer.rootId)).territoryPolicy === 'BLOCK')
      errors.push(userError('OUTSIDE_TERRITORY', message, ['shipTo', 'regionCode']));
    else flagReason = message;
  }
  if (errors.length || !shipTo) return { order: null, userErrors: errors };

  const subtotal = lines.reduce((s, l) => s + l.price.listPrice * BigInt(l.quantity), 0n);
  const total = lines.reduce((s, l) => s + l.price.amount * BigInt(l.quantity), 0n);
  const now = ctx.now();

  try {
    return await mutate(ctx, 'order', async (tx) => {
      const buyerRow = await lockParties(tx, buyer, seller);
      const id = await nextId(tx, orders);
      const [order] = await insertRefChecked(
        () =>
          tx
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
              externalRef,
              createdAt: now,
              updatedAt: now,
            })
            // A concurrent retry with the same key waits here for the first, then finds it.
            .onConflictDoNothing({ target: [orders.buyerId, orders.idempotencyKey] })
            .returning(),
        externalRef,
      );
      if (!order) throw new ReplayFirst();

      // Warehouses of the seller, then of its ancestors, that deliver to the ship-to region.
      const chain = buyerRow.path.slice(0, -1).reverse();
      const allocations = await reserveStock(
        tx,
        chain,
        shipTo,
        lines.map((l) => ({
          variantId: l.variant.id,
          sku: l.variant.sku,
          quantity: l.quantity,
          field: ['lines', l.index, 'quantity'],
        })),
        order.id,
        {
          rootId: buyerRow.rootId,
          threshold: ctx.config.lowStockThreshold,
        },
      );

      if (!(await credit.reserve(tx, buyerRow.id, total))) {
        // The amount available is credit data (V5): only for the buyer's ADMIN/FINANCE and the accounts above it.
        const available = seesFinanceOf(viewer, buyerRow)
          ? ` ${fromMinor((await credit.available(tx, buyerRow.id)) ?? 0n)}`
          : '';
        refuse(
          userError(
            'CREDIT_LIMIT_EXCEEDED',
            `The order total ${fromMinor(total)} exceeds the available credit${available}`,
            ['lines'],
          ),
        );
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
            priceSteps: l.price.steps.map((s) => ({
              kind: s.kind,
              description: s.description,
              amount: fromMinor(s.amount),
            })),
          })),
        )
        .returning({ id: orderLines.id, variantId: orderLines.variantId, sku: orderLines.sku });
      await insertFulfillments(tx, order.id, allocations, new Map(lineRows.map((r) => [r.variantId, r])));
      await recordOrderSales(tx, order.id);
      await appendEvent(
        tx,
        order,
        viewer,
        'SUBMITTED',
        'SUBMITTED',
        onBehalf ? `Placed on behalf of ${buyerRow.name} (${channel})` : (input.note ?? null),
        now,
      );
      if (flagReason) await appendEvent(tx, order, viewer, 'FLAGGED', null, flagReason, now);
      await publish(tx, 'order.submitted', order, { channel, flagged: order.flagged });
      await noticeOrder(
        tx,
        order,
        'seller',
        'ORDER_SUBMITTED',
        `new order from ${buyerRow.name}, ${fromMinor(total)}`,
        now,
      );
      return order;
    });
  } catch (e) {
    if (e instanceof ReplayFirst) {
      const first = await byKey(ctx.db, buyer.id, key);
      if (first) return replay(first, hash);
    }
    throw e;
  }
}

async function refTaken(db: Db, buyerId: number, ref: string): Promise<boolean> {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.buyerId, buyerId), eq(orders.externalRef, ref)));
  return !!row;
}

function refTakenError(ref: string): UserError {
  return userError('EXTERNAL_REF_TAKEN', `Another order of this buyer has the externalRef "${ref}"`, ['externalRef']);
}

/** Two orders racing with one externalRef: the unique index decides, and the loser is refused like the checked case. */
async function insertRefChecked<T>(insert: () => Promise<T>, ref: string | null): Promise<T> {
  try {
    return await insert();
  } catch (e) {
    if (ref !== null && uniqueViolation(e) === 'orders_external_ref_uq') refuse(refTakenError(ref));
    throw e;
  }
}

/** ACCOUNT_SUSPENDED when the buyer or its seller is not ACTIVE: nothing is ordered by, for or from it. */
function suspension(buyer: AccountRow, seller: AccountRow): UserError | null {
  if (buyer.status !== 'ACTIVE')
    return userError(
      'ACCOUNT_SUSPENDED',
      `${buyer.name} is ${buyer.status.toLowerCase()}: nothing is ordered by or for it`,
      ['buyerId'],
    );
  if (seller.status !== 'ACTIVE')
    return userError(
      'ACCOUNT_SUSPENDED',
      `${seller.name}, the seller, is ${seller.status.toLowerCase()}: it takes no orders`,
      ['buyerId'],
    );
  return null;
}

/**
 * Seller, then buyer, FOR KEY SHARE (the order moveAccount and
 * setAccountStatus lock in): a suspension or a move of either waits for this
 * order to commit, or this order waits for it and sees it here. Orders of
 * one buyer still run side by side (key-share locks do not conflict). The
 * buyer as it is now: its path goes on the order.
 */
async function lockParties(tx: Tx, buyer: AccountRow, seller: AccountRow): Promise<AccountRow> {
  const [sellerNow] = await tx.select().from(accounts).where(eq(accounts.id, seller.id)).for('key share');
  const [buyerNow] = await tx.select().from(accounts).where(eq(accounts.id, buyer.id)).for('key share');
  if (buyerNow.parentId !== seller.id) {
    refuse(
      userError(
        'CHANNEL_CHANGED',
        `${buyer.name} moved to another seller while this order was placed: place it again`,
        ['buyerId'],
      ),
    );
  }
  const suspended = suspension(buyerNow, sellerNow);
  if (suspended) refuse(suspended);
  return buyerNow;
}

/** Another request with the same key committed first. */
class ReplayFirst extends Error {}
