import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { rebuildSalesRollup } from '../../src/modules/analytics/rollup.js';

export interface PastOrder {
  /** When it was placed. */
  at: Date;
  buyerId: number;
  warehouseId: number;
  lines: { variantId: number; sku: string; quantity: number; unitPrice: bigint }[];
  channel?: 'ONLINE' | 'OFFLINE' | 'PHONE' | 'ERP';
}

let counter = 0;

/**
 * Writes a completed order history in bulk, the way the demo seed does
 * (orders, lines, delivered fulfillments), then rebuilds the sales rollups
 * from it — as the seed does after writing its history. For tests that need
 * months or years of demand, which the graph would take minutes to place.
 */
export async function writeHistory(db: Db, history: PastOrder[]): Promise<void> {
  if (!history.length) return;
  const accounts = await db.execute<{
    id: number;
    path: number[];
    root_id: number;
    parent_id: number;
    address_line1: string | null;
    address_region_code: string | null;
  }>(sql`
    select id, path, root_id, parent_id, address_line1, address_region_code from accounts`);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const run = ++counter;
  const rows = history.map((o, i) => {
    const buyer = byId.get(o.buyerId)!;
    const total = o.lines.reduce((s, l) => s + l.unitPrice * BigInt(l.quantity), 0n);
    return { o, i, buyer, total };
  });
  const orders = await db.execute<{ id: number }>(sql`
    insert into orders (number, buyer_id, buyer_path, root_id, seller_id, service_provider_id, status, channel, subtotal, discount_total, total,
      ship_to_line1, ship_to_region_code, idempotency_key, request_hash, created_at, updated_at)
    values ${sql.join(
      rows.map(
        ({ o, i, buyer, total }) =>
          sql`(${`HIST-${run}-${i}`}, ${buyer.id}, ${sql.raw(`'{${buyer.path.join(',')}}'::int[]`)}, ${buyer.root_id}, ${buyer.parent_id}, ${buyer.parent_id},
            'COMPLETED', ${o.channel ?? 'ONLINE'}::order_channel, ${total}, 0, ${total}, ${buyer.address_line1 ?? 'street 1'}, ${buyer.address_region_code ?? '440304'},
            ${`hist-${run}-${i}`}, 'history', ${o.at.toISOString()}::timestamptz, ${o.at.toISOString()}::timestamptz)`,
      ),
      sql`, `,
    )}
    returning id`);
  const lines = rows.flatMap(({ o }, k) => o.lines.map((l, n) => ({ orderId: orders[k].id, lineNo: n + 1, ...l })));
  const inserted = await db.execute<{ id: number; order_id: number; variant_id: number }>(sql`
    insert into order_lines (order_id, line_no, variant_id, sku, quantity, list_price, unit_price, line_total)
    values ${sql.join(
      lines.map(
        (l) =>
          sql`(${l.orderId}, ${l.lineNo}, ${l.variantId}, ${l.sku}, ${l.quantity}, ${l.unitPrice}, ${l.unitPrice}, ${l.unitPrice * BigInt(l.quantity)})`,
      ),
      sql`, `,
    )}
    returning id, order_id, variant_id`);
  const fulfillments = await db.execute<{ id: number; order_id: number }>(sql`
    insert into fulfillments (order_id, warehouse_id, status, routing_reason, shipped_at, delivered_at)
    values ${sql.join(
      rows.map(
        ({ o }, k) =>
          sql`(${orders[k].id}, ${o.warehouseId}, 'DELIVERED', 'history', ${o.at.toISOString()}::timestamptz, ${o.at.toISOString()}::timestamptz)`,
      ),
      sql`, `,
    )}
    returning id, order_id`);
  const fOf = new Map(fulfillments.map((f) => [f.order_id, f.id]));
  const lineOf = new Map(lines.map((l, i) => [inserted[i].id, l]));
  await db.execute(sql`
    insert into fulfillment_lines (fulfillment_id, order_line_id, variant_id, sku, quantity)
    values ${sql.join(
      inserted.map(
        (r) =>
          sql`(${fOf.get(r.order_id)!}, ${r.id}, ${r.variant_id}, ${lineOf.get(r.id)!.sku}, ${lineOf.get(r.id)!.quantity})`,
      ),
      sql`, `,
    )}`);
  await rebuildSalesRollup(db);
}

/** Variant ids and skus of the catalog world. */
export async function variantIds(db: Db): Promise<Record<string, number>> {
  const rows = await db.execute<{ id: number; sku: string }>(sql`select id, sku from variants`);
  return Object.fromEntries(rows.map((r) => [r.sku, r.id]));
}

/** Warehouse ids by owner key of the orders world, as integers. */
export function warehouseKey(globalId: string): number {
  return Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);
}
