import { and, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import { parentPage } from '../../graphql/per-parent.js';
import { regionPrefix } from '../regions/containment.js';
import type { Context } from '../../graphql/context.js';
import { keyOf } from '../../graphql/ids.js';
import { pageRequest, toConnection, type Connection } from '../../graphql/connection.js';
import { inSubtree } from '../../auth/scope.js';
import { seesShipToOf, visibleOrNull } from '../../auth/access.js';
import { money } from '../../lib/money.js';
import { count } from 'drizzle-orm';
import { addressValue, cityOnly } from '../regions/address.js';
import type { AccountRow } from '../accounts/tables.js';
import {
  fulfillments,
  orders,
  type FulfillmentRow,
  type OrderEventRow,
  type OrderLineRow,
  type OrderRow,
} from './tables.js';
import { actorFor } from '../accounts/service.js';
import type { OrderFilter } from './types.js';

export function filterSql(filter: OrderFilter | null | undefined): SQL[] {
  const where: SQL[] = [];
  if (!filter) return where;
  if (filter.status) where.push(eq(orders.status, filter.status));
  if (filter.channel) where.push(eq(orders.channel, filter.channel));
  if (filter.buyerId != null) where.push(eq(orders.buyerId, keyOf(filter.buyerId, 'Account') ?? -1));
  if (filter.sellerId != null) where.push(eq(orders.sellerId, keyOf(filter.sellerId, 'Account') ?? -1));
  if (filter.createdAfter) where.push(gte(orders.createdAt, filter.createdAfter));
  if (filter.createdBefore) where.push(lt(orders.createdAt, filter.createdBefore));
  if (filter.flagged != null) where.push(eq(orders.flagged, filter.flagged));
  // Sync filters (issue 13), each served by an index (migrations/0010).
  if (filter.updatedSince) where.push(gte(orders.updatedAt, filter.updatedSince));
  if (filter.number != null) where.push(eq(orders.number, filter.number.trim()));
  if (filter.externalRef != null) where.push(eq(orders.externalRef, filter.externalRef.trim()));
  if (filter.sku != null)
    where.push(
      sql`exists (select 1 from order_lines l where l.order_id = ${orders.id} and l.sku = ${filter.sku.trim()})`,
    );
  if (filter.regionCode != null) {
    const code = filter.regionCode.trim();
    where.push(/^\d{6}$/.test(code) ? like(orders.shipToRegionCode, `${regionPrefix(code)}%`) : sql`false`);
  }
  return where;
}

/**
 * V1: orders whose buyer is in the viewer's subtree, newest first (keyset on
 * id, which grows with creation).
 */
export async function list(
  ctx: Context,
  first: number | null | undefined,
  after: string | null | undefined,
  filter: OrderFilter | null | undefined,
  extra: SQL[] = [],
): Promise<Connection<OrderRow>> {
  const req = pageRequest(first, after);
  const where = and(inSubtree(orders.buyerPath, ctx.viewer), ...filterSql(filter), ...extra);
  const rows = await ctx.db
    .select()
    .from(orders)
    .where(req.afterKey === null ? where : and(where, lt(orders.id, req.afterKey)))
    .orderBy(desc(orders.id))
    .limit(req.limit);
  // Newest first: the keyset runs down the ids.
  return toConnection(
    rows,
    req,
    (r) => r.id,
    async () => (await ctx.db.select({ n: count() }).from(orders).where(where))[0].n,
  );
}

/** Account.orders: batched across a list of accounts (one window query per page and filter). */
export async function ofAccount(
  ctx: Context,
  account: AccountRow,
  first: number | null | undefined,
  after: string | null | undefined,
  filter: OrderFilter | null | undefined,
) {
  const l = ctx.loaders.orders.byBuyer;
  return parentPage(l, account.id, first, after, l.filterKey(filter ?? null));
}

export async function findVisible(ctx: Context, id: number): Promise<OrderRow | null> {
  const [row] = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.id, id), inSubtree(orders.buyerPath, ctx.viewer)));
  return row ?? null;
}

export const byGlobalId = (ctx: Context, id: string) => visibleOrNull(ctx, id, 'Order', findVisible);

/** A fulfillment and its order, when the viewer sees the order (V1). */
export async function findVisibleFulfillment(
  ctx: Context,
  id: number,
): Promise<{ f: FulfillmentRow; order: OrderRow } | null> {
  const [row] = await ctx.db
    .select({ f: fulfillments, order: orders })
    .from(fulfillments)
    .innerJoin(orders, eq(orders.id, fulfillments.orderId))
    .where(and(eq(fulfillments.id, id), inSubtree(orders.buyerPath, ctx.viewer)));
  return row ?? null;
}

/** Owners of the warehouses an order ships from (batched across a list of orders). */
async function shippingOwners(ctx: Context, o: OrderRow): Promise<number[]> {
  const fs = await ctx.loaders.orders.fulfillmentsByOrder.load(o.id);
  const ws = await Promise.all(
    [...new Set(fs.map((f) => f.warehouseId))].map((id) => ctx.loaders.inventory.warehouseById.load(id)),
  );
  return ws.flatMap((w) => (w ? [w.ownerId] : []));
}

/**
 * V4: the street, postal code and coordinates of a ship-to address go to the
 * buyer, its direct parent and the owners of the shipping warehouses; other
 * ancestors get its region and city, and `line1` names the city (or region),
 * as a warehouse's address does for those who may not see it.
 */
export async function shipTo(ctx: Context, o: OrderRow) {
  const v = ctx.viewer;
  const full = !!v && (seesShipToOf(v, o, []) || seesShipToOf(v, o, await shippingOwners(ctx, o)));
  if (!full) return cityOnly(o.shipToCity, o.shipToRegionCode);
  return addressValue({
    line1: o.shipToLine1,
    city: o.shipToCity,
    regionCode: o.shipToRegionCode,
    postalCode: o.shipToPostalCode,
    latitude: o.shipToLatitude,
    longitude: o.shipToLongitude,
  });
}

export const lines = (ctx: Context, o: OrderRow) => ctx.loaders.orders.linesByOrder.load(o.id);
export const fulfillmentsOf = (ctx: Context, o: OrderRow) => ctx.loaders.orders.fulfillmentsByOrder.load(o.id);
export const fulfillmentLinesOf = (ctx: Context, f: FulfillmentRow) => ctx.loaders.orders.linesByFulfillment.load(f.id);
export const events = (ctx: Context, o: OrderRow) => ctx.loaders.orders.eventsByOrder.load(o.id);

/** The person who made the change, or only their account's name (V4: a user's name is a contact detail). */
export async function eventActor(ctx: Context, e: OrderEventRow): Promise<string | null> {
  if (e.actorUserId === null) return e.actor;
  const user = await ctx.loaders.users.byId.load(e.actorUserId);
  return actorFor(ctx, user?.accountId ?? null, e.actor);
}

export async function account(ctx: Context, id: number): Promise<AccountRow> {
  const row = await ctx.loaders.accounts.byId.load(id);
  if (!row) throw new Error(`missing account ${id}`);
  return row;
}

export async function lineVariant(ctx: Context, l: OrderLineRow) {
  const v = await ctx.loaders.catalog.variantById.load(l.variantId);
  if (!v) throw new Error(`order line of a missing variant ${l.variantId}`);
  return v;
}

export function lineMoney(l: OrderLineRow) {
  return { listPrice: money(l.listPrice), unitPrice: money(l.unitPrice), lineTotal: money(l.lineTotal) };
}

export async function fulfillmentWarehouse(ctx: Context, f: FulfillmentRow) {
  const w = await ctx.loaders.inventory.warehouseById.load(f.warehouseId);
  if (!w) throw new Error(`fulfillment of a missing warehouse ${f.warehouseId}`);
  return w;
}
