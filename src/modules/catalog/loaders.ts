import DataLoader from 'dataloader';
import { and, asc } from 'drizzle-orm';
import { inInts } from '../../db/sql.js';
import type { Db } from '../../db/client.js';
import { byKey, groupByKey } from '../../lib/batch.js';
import {
  categories,
  productMedia,
  products,
  variants,
  type CategoryRow,
  type MediaRow,
  type ProductRow,
  type VariantRow,
} from './tables.js';
import { variantVisible, type CatalogScope } from './scope.js';

/**
 * Per request. `visibleVariantsByProduct` applies the viewer's catalog scope
 * (V2); the others serve objects the viewer already reached through a scoped read.
 */
export function catalogLoaders(db: Db, scope: () => Promise<CatalogScope>) {
  return {
    visibleVariantsByProduct: new DataLoader<number, VariantRow[]>(async (ids) => {
      const rows = await db
        .select()
        .from(variants)
        .where(and(inInts(variants.productId, ids), variantVisible(variants.id, await scope())))
        .orderBy(asc(variants.position), asc(variants.id));
      return groupByKey(ids, rows, (r) => r.productId);
    }),
    /** Whether a buyer whose seller chain is `scope` is offered a variant (V2), batched per scope. */
    offered: new DataLoader<{ scope: CatalogScope; variantId: number }, boolean, string>(
      async (keys) => {
        const groups = new Map<string, { scope: CatalogScope; ids: number[] }>();
        for (const k of keys) {
          const g = JSON.stringify(k.scope);
          if (!groups.has(g)) groups.set(g, { scope: k.scope, ids: [] });
          groups.get(g)!.ids.push(k.variantId);
        }
        const offered = new Set<string>();
        for (const [g, { scope: s, ids }] of groups) {
          const rows = await db
            .select({ id: variants.id })
            .from(variants)
            .where(and(inInts(variants.id, ids), variantVisible(variants.id, s)));
          for (const r of rows) offered.add(`${g}|${r.id}`);
        }
        return keys.map((k) => offered.has(`${JSON.stringify(k.scope)}|${k.variantId}`));
      },
      { cacheKeyFn: (k) => `${JSON.stringify(k.scope)}|${k.variantId}` },
    ),
    variantById: new DataLoader<number, VariantRow | null>(async (ids) =>
      byKey(ids, await db.select().from(variants).where(inInts(variants.id, ids)), (r) => r.id),
    ),
    productById: new DataLoader<number, ProductRow | null>(async (ids) =>
      byKey(ids, await db.select().from(products).where(inInts(products.id, ids)), (r) => r.id),
    ),
    categoryById: new DataLoader<number, CategoryRow | null>(async (ids) =>
      byKey(ids, await db.select().from(categories).where(inInts(categories.id, ids)), (r) => r.id),
    ),
    mediaByProduct: new DataLoader<number, MediaRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db
          .select()
          .from(productMedia)
          .where(inInts(productMedia.productId, ids))
          .orderBy(asc(productMedia.position), asc(productMedia.id)),
        (r) => r.productId,
      ),
    ),
  };
}
