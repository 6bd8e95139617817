import DataLoader from 'dataloader';
import { and, asc, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { intArray } from '../../db/sql.js';
import { byKey, groupByKey } from '../../lib/batch.js';
import type { Viewer } from '../../auth/viewer.js';
import { inSubtree } from '../../auth/scope.js';
import { accounts } from '../accounts/tables.js';
import { coverageContainsSql } from '../regions/containment.js';
import { stockLevels, warehouses, type StockLevelRow, type WarehouseRow } from './tables.js';

/** Whose warehouses serve a viewer, and where to: its seller chain, its region. */
export interface SupplyChain {
  ownerIds: number[];
  region: string | null;
}

export function inventoryLoaders(db: Db, viewer: () => Viewer | null, supply: () => Promise<SupplyChain>) {
  return {
    warehouseById: new DataLoader<number, WarehouseRow | null>(async (ids) =>
      byKey(ids, await db.select().from(warehouses).where(inArray(warehouses.id, [...ids])), (r) => r.id),
    ),
    /** V1: stock of warehouses owned by the viewer's account or its subtree. */
    stockInScopeByVariant: new DataLoader<number, StockLevelRow[]>(async (ids) => {
      const rows = await db
        .select({ s: stockLevels })
        .from(stockLevels)
        .innerJoin(warehouses, sql`${warehouses.id} = ${stockLevels.warehouseId}`)
        .innerJoin(accounts, sql`${accounts.id} = ${warehouses.ownerId}`)
        .where(and(inArray(stockLevels.variantId, [...ids]), inSubtree(accounts.path, viewer())))
        .orderBy(asc(stockLevels.warehouseId));
      return groupByKey(ids, rows.map((r) => r.s), (r) => r.variantId);
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
