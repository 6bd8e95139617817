import { and, desc, eq, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { region } from '../regions/types.js';
import { fulfillments, orders } from './tables.js';

/**
 * Which shipments carried a batch code: for tracing parallel goods (窜货)
 * back to the account that received them. Visible to the sellers above the
 * shipment (its seller and every ancestor, the brand included), never to
 * the buyer alone.
 */
export async function traceBatch(ctx: SignedInContext, code: string) {
  const trimmed = code.trim();
  if (!trimmed || trimmed.length > 64) throw badInput('A batch code is 1–64 characters');
  const rows = await ctx.db
    .select({ f: fulfillments, o: orders })
    .from(fulfillments)
    .innerJoin(orders, eq(orders.id, fulfillments.orderId))
    .where(
      and(
        sql`${fulfillments.batchCodes} @> ARRAY[${trimmed}]::text[]`,
        // The viewer is above the buyer: in the buyer's path, and not the buyer itself.
        sql`${orders.buyerPath} @> ARRAY[${ctx.viewer.accountId}]::integer[]`,
        sql`${orders.buyerId} <> ${ctx.viewer.accountId}`,
      ),
    )
    .orderBy(desc(fulfillments.shippedAt))
    .limit(500);
  return rows.map(({ f, o }) => ({
    batchCode: trimmed,
    order: o,
    buyerId: o.buyerId,
    sellerId: o.sellerId,
    shipToRegion: region(o.shipToRegionCode),
    warehouseId: f.warehouseId,
    shippedAt: f.shippedAt,
  }));
}
