import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { stockMovements } from './tables.js';

export interface StockKey {
  warehouseId: number;
  variantId: number;
}

export interface LockedStock extends StockKey {
  onHand: number;
  reserved: number;
}

/**
 * Locks stock rows in one global order, (warehouse, variant), so that
 * transactions touching overlapping rows queue instead of deadlocking.
 * Missing rows are simply not returned (nothing on hand).
 */
export async function lockStock(tx: Tx, warehouseIds: number[], variantIds: number[]): Promise<LockedStock[]> {
  if (!warehouseIds.length || !variantIds.length) return [];
  const rows = await tx.execute<{ warehouse_id: number; variant_id: number; on_hand: number; reserved: number }>(sql`
    select warehouse_id, variant_id, on_hand, reserved from stock_levels
    where warehouse_id in (${sql.join(
      warehouseIds.map((id) => sql`${id}`),
      sql`, `,
    )})
      and variant_id in (${sql.join(
        variantIds.map((id) => sql`${id}`),
        sql`, `,
      )})
    order by warehouse_id, variant_id
    for update`);
  return rows.map((r) => ({
    warehouseId: r.warehouse_id,
    variantId: r.variant_id,
    onHand: r.on_hand,
    reserved: r.reserved,
  }));
}

export interface StockChange extends StockKey {
  onHandDelta: number;
  reservedDelta: number;
}

/**
 * Applies changes to rows already locked by `lockStock`, in one statement,
 * and records why. The table's CHECK (0 <= reserved <= on_hand) backs the
 * callers' own checks.
 */
export async function changeStock(
  tx: Tx,
  changes: StockChange[],
  reason: string,
  orderId: number | null,
): Promise<void> {
  const real = changes.filter((c) => c.onHandDelta !== 0 || c.reservedDelta !== 0);
  if (!real.length) return;
  const values = sql.join(
    real.map((c) => sql`(${c.warehouseId}::int, ${c.variantId}::int, ${c.onHandDelta}::int, ${c.reservedDelta}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    update stock_levels s set on_hand = s.on_hand + v.d_on_hand, reserved = s.reserved + v.d_reserved, updated_at = now()
    from (values ${values}) as v(warehouse_id, variant_id, d_on_hand, d_reserved)
    where s.warehouse_id = v.warehouse_id and s.variant_id = v.variant_id`);
  await tx.insert(stockMovements).values(real.map((c) => ({ ...c, reason, orderId })));
}
