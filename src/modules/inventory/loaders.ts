import DataLoader from 'dataloader';
import { and, asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { intArray, inInts } from '../../db/sql.js';
import { byKey, groupByKey } from '../../lib/batch.js';
import type { Viewer } from '../../auth/viewer.js';
import { inSubtree } from '../../auth/scope.js';
import { accounts } from '../accounts/tables.js';
import { coverageContainsSql } from '../regions/containment.js';
import { stockLevels, warehouses, type StockLevelRow, type WarehouseRow } from './tables.js';

/** A page of one warehouse's stock levels, by variant id (keyset). */
export interface WarehouseStockPage {
  warehouseId: number;
  limit: number;
  afterKey: number | null;
}

/** Whose warehouses serve a viewer, and where to: its seller chain, its region. */
export interface SupplyChain {
  ownerIds: number[];
  region: string | null;
}

export function inventoryLoaders(db: Db, viewer: () => Viewer | null, supply: () => Promise<SupplyChain>) {
  return {
    warehouseById: new DataLoader<number, WarehouseRow | null>(async (ids) =>
      byKey(ids, await db.select().from(warehouses).where(inInts(warehouses.id, ids)), (r) => r.id),
    ),
    /** V1: stock of warehouses owned by the viewer's account or its subtree. */
    stockInScopeByVariant: new DataLoader<number, StockLevelRow[]>(async (ids) => {
      const rows = await db
        .select({ s: stockLevels })
        .from(stockLevels)
        .innerJoin(warehouses, sql`${warehouses.id} = ${stockLevels.warehouseId}`)
        .innerJoin(accounts, sql`${accounts.id} = ${warehouses.ownerId}`)
        .where(and(inInts(stockLevels.variantId, ids), inSubtree(accounts.path, viewer())))
        .orderBy(asc(stockLevels.warehouseId));
      return groupByKey(
        ids,
        rows.map((r) => r.s),
        (r) => r.variantId,
      );
    }),
    /**
     * Warehouse.stockLevels for every warehouse of a list: one statement per
     * page shape (a window function ranks each warehouse's rows by variant).
     * The service decides who may read a warehouse's stock.
     */
    stockPageByWarehouse: new DataLoader<WarehouseStockPage, StockLevelRow[], string>(
      async (keys) => {
        const pages = new Map<string, StockLevelRow[]>();
        const shapes = new Map<string, WarehouseStockPage[]>();
        for (const k of keys)
          shapes.set(`${k.limit}|${k.afterKey}`, [...(shapes.get(`${k.limit}|${k.afterKey}`) ?? []), k]);
        for (const ks of shapes.values()) {
          const { limit, afterKey } = ks[0];
          const ids = [...new Set(ks.map((k) => k.warehouseId))];
          const rows = await db.execute<{
            warehouse_id: number;
            variant_id: number;
            on_hand: number;
            reserved: number;
            updated_at: Date;
          }>(sql`
            select warehouse_id, variant_id, on_hand, reserved, updated_at from (
              select s.*, row_number() over (partition by s.warehouse_id order by s.variant_id) as rn
              from stock_levels s
              where s.warehouse_id = any(${intArray(ids)}) ${afterKey === null ? sql`` : sql`and s.variant_id > ${afterKey}`}
            ) ranked where rn <= ${limit} order by warehouse_id, variant_id`);
          for (const r of rows) {
            const key = `${r.warehouse_id}|${limit}|${afterKey}`;
            const row: StockLevelRow = {
              warehouseId: r.warehouse_id,
              variantId: r.variant_id,
              onHand: r.on_hand,
              reserved: r.reserved,
              updatedAt: new Date(r.updated_at),
            };
            pages.set(key, [...(pages.get(key) ?? []), row]);
          }
        }
        return keys.map((k) => pages.get(`${k.warehouseId}|${k.limit}|${k.afterKey}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.warehouseId}|${k.limit}|${k.afterKey}` },
    ),
    stockCountByWarehouse: new DataLoader<number, number>(async (ids) => {
      const rows = await db.execute<{ warehouse_id: number; n: number }>(sql`
        select warehouse_id, count(*)::int as n from stock_levels where warehouse_id = any(${intArray([...ids])}) group by warehouse_id`);
      const map = new Map(rows.map((r) => [r.warehouse_id, r.n]));
      return ids.map((id) => map.get(id) ?? 0);
    }),
    /** Units the viewer's seller chain can deliver to its region, per variant: one statement per page. */
    availableByVariant: new DataLoader<number, number>(async (ids) => {
      const { ownerIds, region } = await supply();
      if (!ownerIds.length) return ids.map(() => 0);
      const rows = await db.execute<{ variant_id: number; available: number }>(sql`
        select s.variant_id, sum(s.on_hand - s.reserved)::int as available
        from stock_levels s join warehouses w on w.id = s.warehouse_id
        where s.variant_id = any(${intArray([...ids])}) and w.owner_id = any(${intArray(ownerIds)})
          ${region ? sql`and ${coverageContainsSql(sql`w.coverage`, region)}` : sql``}
        group by s.variant_id`);
      const map = new Map(rows.map((r) => [r.variant_id, r.available]));
      return ids.map((id) => map.get(id) ?? 0);
    }),
  };
}
