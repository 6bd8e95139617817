import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Context } from '../../graphql/context.js';
import { keyOf } from '../../graphql/ids.js';
import { pageRequest, toConnection, type Connection } from '../../graphql/connection.js';
import { inSubtree } from '../../auth/scope.js';
import { money } from '../../lib/money.js';
import { count } from 'drizzle-orm';
import { isRegionCode } from '../regions/regions.js';
import { region } from '../regions/types.js';
import type { AccountRow } from '../accounts/tables.js';
import { orders, type FulfillmentRow, type OrderLineRow, type OrderRow } from './tables.js';
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
  return where;
}

/**
 * V1: orders whose buyer is in the viewer's subtree, newest first (keyset on
 * id, which grows with creation).
 */
export async function list(ctx: Context, first: number | null | undefined, after: string | null | undefined, filter: OrderFilter | null | undefined, extra: SQL[] = []): Promise<Connection<OrderRow>> {
  const req = pageRequest(first, after);
  const where = and(inSubtree(orders.buyerPath, ctx.viewer), ...filterSql(filter), ...extra);
  const rows = await ctx.db
    .select()
    .from(orders)
    .where(req.afterKey === null ? where : and(where, lt(orders.id, req.afterKey)))
    .orderBy(desc(orders.id))
    .limit(req.limit);
  // Newest first: the keyset runs down the ids.
  return toConnection(rows, req, (r) => r.id, async () => (await ctx.db.select({ n: count() }).from(orders).where(where))[0].n);
}

/** Account.orders: batched across a list of accounts (one window query per page and filter). */
export async function ofAccount(ctx: Context, account: AccountRow, first: number | null | undefined, after: string | null | undefined, filter: OrderFilter | null | undefined) {
  const req = pageRequest(first, after);
  const { pages, counts, filterKey } = ctx.loaders.orders.byBuyer;
  const key = filterKey(filter ?? null);
  const rows = await pages.load({ parentId: account.id, limit: req.limit, afterKey: req.afterKey, filterKey: key });
  return toConnection(rows, req, (r) => r.id, () => counts.load({ parentId: account.id, filterKey: key }));
}

export async function findVisible(ctx: Context, id: number): Promise<OrderRow | null> {
  const [row] = await ctx.db.select().from(orders).where(and(eq(orders.id, id), inSubtree(orders.buyerPath, ctx.viewer)));
  return row ?? null;
}

export function byGlobalId(ctx: Context, id: string): Promise<OrderRow | null> {
  const key = keyOf(id, 'Order');
  return key === null ? Promise.resolve(null) : findVisible(ctx, key);
}

export function shipTo(o: OrderRow) {
  return {
    line1: o.shipToLine1,
    city: o.shipToCity,
    regionCode: o.shipToRegionCode,
    region: isRegionCode(o.shipToRegionCode) ? region(o.shipToRegionCode) : null,
    postalCode: o.shipToPostalCode,
    latitude: o.shipToLatitude,
    longitude: o.shipToLongitude,
  };
}

export const lines = (ctx: Context, o: OrderRow) => ctx.loaders.orders.linesByOrder.load(o.id);
export const fulfillmentsOf = (ctx: Context, o: OrderRow) => ctx.loaders.orders.fulfillmentsByOrder.load(o.id);
export const fulfillmentLinesOf = (ctx: Context, f: FulfillmentRow) => ctx.loaders.orders.linesByFulfillment.load(f.id);
export const events = (ctx: Context, o: OrderRow) => ctx.loaders.orders.eventsByOrder.load(o.id);

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
