import { bigint, date, index, integer, pgTable, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { channelTier } from '../accounts/tables.js';
import { orderChannel } from '../orders/tables.js';

/**
 * The sales rollups (DESIGN.md "Analytics": rollups, never scans). One row
 * per period × buyer (with the buyer path its orders carry, for the V1
 * predicate) × seller × channel × ship-to region, and for the `sales_*`
 * tables × variant too. Kept exact in the transactions that place and cancel
 * orders (rollup.ts); cancelled orders are not in them.
 *
 * Two levels, because "orders" cannot be summed across variants: an order
 * with two skus of one category is one order, not two. The order level has
 * one count per order and answers every report without a product dimension
 * or filter; the variant level has, per variant, the number of order lines —
 * exactly the orders that carried that variant (an order has at most one
 * line per sku), and summed over variants the number of order lines.
 *
 * Two grains: Asia/Shanghai days, and months (`day` is the month's first
 * day). A report over whole months without a DAY, WEEK or CHANNEL key (or a
 * channel filter) reads the monthly tables: a buyer ordering every few days
 * on two channels has one row a month there instead of twenty, which is what
 * keeps a year of a large channel fast. The monthly grain has no channel
 * key: what reports over whole months need of the channel is the online
 * share, kept as `online_revenue`.
 */

/** One rollup table: `variant` adds the variant to the key; the daily grain keys on the channel, the monthly one keeps the online revenue. */
function rollup<N extends string>(name: N, level: { variant: boolean; grain: 'day' | 'month' }) {
  const daily = level.grain === 'day';
  const columns = {
    day: date('day', { mode: 'string' }).notNull(),
    rootId: integer('root_id').notNull(),
    buyerId: integer('buyer_id').notNull(),
    /** The orders' buyer path (orders.buyer_path): the V1 predicate of reports. */
    buyerPath: integer('buyer_path').array().notNull(),
    buyerTier: channelTier('buyer_tier').notNull(),
    sellerId: integer('seller_id').notNull(),
    ...(level.variant ? { variantId: integer('variant_id').notNull() } : {}),
    ...(daily ? { channel: orderChannel('channel').notNull() } : {}),
    /** Ship-to region (GB/T 2260). */
    regionCode: text('region_code').notNull(),
    // The order level counts distinct orders.
    ...(level.variant ? {} : { orders: integer('orders').notNull() }),
    /** Order lines: at the variant level, the orders that carried the variant. */
    lines: integer('lines').notNull(),
    units: integer('units').notNull(),
    /** Minor units (fen): line totals at the prices the orders were placed at. */
    revenue: bigint('revenue', { mode: 'bigint' }).notNull(),
    ...(daily ? {} : { onlineRevenue: bigint('online_revenue', { mode: 'bigint' }).notNull() }),
  };
  return pgTable(name, columns, (t) => {
    const c = t as unknown as Record<string, AnyPgColumn>;
    const key = [
      'buyerId',
      'day',
      ...(level.variant ? ['variantId'] : []),
      'sellerId',
      ...(daily ? ['channel'] : []),
      'regionCode',
      'buyerPath',
    ].map((k) => c[k]);
    return [
      uniqueIndex(`${name}_key`).on(key[0], ...key.slice(1)),
      index(`${name}_day_idx`).on(c.day),
      index(`${name}_path_gin`).using('gin', c.buyerPath),
      ...(level.variant ? [index(`${name}_variant_day_idx`).on(c.variantId, c.day)] : []),
    ];
  });
}

export const salesDaily = rollup('sales_daily', { variant: true, grain: 'day' });
export const salesOrdersDaily = rollup('sales_orders_daily', { variant: false, grain: 'day' });
export const salesMonthly = rollup('sales_monthly', { variant: true, grain: 'month' });
export const salesOrdersMonthly = rollup('sales_orders_monthly', { variant: false, grain: 'month' });
