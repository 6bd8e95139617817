import DataLoader from 'dataloader';
import { and, asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { intArray, inInts } from '../../db/sql.js';
import { byKey, groupByKey } from '../../lib/batch.js';
import type { Viewer } from '../../auth/viewer.js';
import { inSubtree } from '../../auth/scope.js';
import { accounts } from '../accounts/tables.js';
import {
  priceFloors,
  priceListAssignments,
  priceListEntries,
  priceLists,
  promotions,
  type PriceListEntryRow,
  type PriceListRow,
  type PromotionRow,
} from './tables.js';
import type { PricingData, Tier, VariantFacts } from './engine-types.js';
import { variantVisible, type CatalogScope } from '../catalog/scope.js';

export interface PricingKey {
  /** The seller's materialized path: the seller is its last id, its offer is bounded by all of them (V2). */
  sellerPath: number[];
  tier: Tier;
  variantId: number;
}

export interface PricingInput {
  data: PricingData;
  variant: VariantFacts;
  /** Whether the seller chain offers the variant to this buyer (V2); no price otherwise. */
  offered: boolean;
}

interface PricingRow {
  lists: {
    id: number;
    name: string;
    priority: number;
    validFrom: string | null;
    validTo: string | null;
    assignments: { accountId: number | null; regionCode: string | null; tier: Tier | null }[];
    entries: { variantId: number; minQuantity: number; price: string }[];
  }[];
  promotions: {
    id: number;
    name: string;
    kind: 'PERCENT_OFF' | 'AMOUNT_OFF';
    value: string;
    validFrom: string | null;
    validTo: string | null;
    stackable: boolean;
    tiers: Tier[];
    regionCodes: string[];
    accountIds: number[];
    variantIds: number[];
    categoryIds: number[];
  }[];
  floors: { variantId: number; amount: string }[];
  variants: (VariantFacts & { offered: boolean })[];
}

const date = (s: string | null) => (s === null ? null : new Date(s));

/**
 * Everything the engine needs to price a set of variants for buyers of one
 * tier of one seller, in ONE statement: the seller's current lists with their
 * assignments and the entries for these variants, its promotions, the floors.
 */
async function loadPricing(
  db: Db,
  sellerPath: number[],
  tier: Tier,
  variantIds: number[],
  at: Date,
): Promise<Map<number, PricingInput>> {
  const ids = intArray(variantIds);
  const sellerId = sellerPath.at(-1)!;
  const ts = at.toISOString();
  const [row] = await db.execute<PricingRow & Record<string, unknown>>(sql`
    select
      coalesce((select json_agg(json_build_object(
          'id', l.id, 'name', l.name, 'priority', l.priority, 'validFrom', l.valid_from, 'validTo', l.valid_to,
          'assignments', coalesce((select json_agg(json_build_object('accountId', a.account_id, 'regionCode', a.region_code, 'tier', a.tier))
                                   from price_list_assignments a where a.price_list_id = l.id), '[]'),
          'entries', coalesce((select json_agg(json_build_object('variantId', e.variant_id, 'minQuantity', e.min_quantity, 'price', e.price::text))
                               from price_list_entries e where e.price_list_id = l.id and e.variant_id = any(${ids})), '[]')))
        from price_lists l where l.owner_id = ${sellerId} and (l.valid_to is null or l.valid_to > ${ts}::timestamptz)), '[]') as lists,
      coalesce((select json_agg(json_build_object(
          'id', p.id, 'name', p.name, 'kind', p.kind, 'value', p.value::text, 'validFrom', p.valid_from, 'validTo', p.valid_to,
          'stackable', p.stackable, 'tiers', p.tiers, 'regionCodes', p.region_codes, 'accountIds', p.account_ids,
          'variantIds', p.variant_ids, 'categoryIds', p.category_ids))
        from promotions p where p.owner_id = ${sellerId} and (p.valid_to is null or p.valid_to > ${ts}::timestamptz)), '[]') as promotions,
      coalesce((select json_agg(json_build_object('variantId', f.variant_id, 'amount', f.amount::text))
        from price_floors f where f.tier = ${tier}::channel_tier and f.variant_id = any(${ids})), '[]') as floors,
      coalesce((select json_agg(json_build_object('variantId', v.id, 'sku', v.sku, 'categoryId', pr.category_id,
          'offered', ${variantVisible(sql`v.id`, sellerPath)}))
        from variants v join products pr on pr.id = v.product_id where v.id = any(${ids})), '[]') as variants`);
  const data: PricingData = {
    lists: row.lists.map((l) => ({
      ...l,
      validFrom: date(l.validFrom),
      validTo: date(l.validTo),
      entries: l.entries.map((e) => ({ ...e, price: BigInt(e.price) })),
    })),
    promotions: row.promotions.map((p) => ({
      ...p,
      value: BigInt(p.value),
      validFrom: date(p.validFrom),
      validTo: date(p.validTo),
    })),
    floors: new Map(row.floors.map((f) => [f.variantId, BigInt(f.amount)])),
  };
  return new Map(row.variants.map(({ offered, ...v }) => [v.variantId, { data, variant: v, offered }]));
}

export function pricingLoaders(db: Db, viewer: () => Viewer | null, at: Date, scope: () => Promise<CatalogScope>) {
  return {
    /** Scoped (V3): price lists owned by the viewer's account or its subtree, by id (node lookups, audit subjects). */
    visibleListById: new DataLoader<number, PriceListRow | null>(async (ids) => {
      const rows = await db
        .select({ list: priceLists })
        .from(priceLists)
        .innerJoin(accounts, sql`${accounts.id} = ${priceLists.ownerId}`)
        .where(and(inInts(priceLists.id, ids), inSubtree(accounts.path, viewer())));
      return byKey(
        ids,
        rows.map((r) => r.list),
        (r) => r.id,
      );
    }),
    visiblePromotionById: new DataLoader<number, PromotionRow | null>(async (ids) => {
      const rows = await db
        .select({ p: promotions })
        .from(promotions)
        .innerJoin(accounts, sql`${accounts.id} = ${promotions.ownerId}`)
        .where(and(inInts(promotions.id, ids), inSubtree(accounts.path, viewer())));
      return byKey(
        ids,
        rows.map((r) => r.p),
        (r) => r.id,
      );
    }),
    /** Batches every price asked for in a request into one statement per (seller, buyer tier). */
    inputs: new DataLoader<PricingKey, PricingInput | null, string>(
      async (keys) => {
        const groups = new Map<string, PricingKey[]>();
        for (const k of keys) {
          const g = `${k.sellerPath.join('.')}|${k.tier}`;
          groups.set(g, [...(groups.get(g) ?? []), k]);
        }
        const loaded = new Map<string, Map<number, PricingInput>>();
        await Promise.all(
          [...groups].map(async ([g, ks]) => {
            loaded.set(
              g,
              await loadPricing(db, ks[0].sellerPath, ks[0].tier, [...new Set(ks.map((k) => k.variantId))], at),
            );
          }),
        );
        return keys.map((k) => loaded.get(`${k.sellerPath.join('.')}|${k.tier}`)!.get(k.variantId) ?? null);
      },
      { cacheKeyFn: (k) => `${k.sellerPath.join('.')}|${k.tier}|${k.variantId}` },
    ),
    floorsByVariant: new DataLoader<number, Map<Tier, bigint>>(async (ids) => {
      const rows = await db.select().from(priceFloors).where(inInts(priceFloors.variantId, ids));
      return groupByKey(ids, rows, (r) => r.variantId).map((fs) => new Map(fs.map((f) => [f.tier, f.amount])));
    }),
    /** V3: entries of lists owned by the viewer's account or its subtree. */
    entriesInScopeByVariant: new DataLoader<number, PriceListEntryRow[]>(async (ids) => {
      const rows = await db
        .select({ entry: priceListEntries })
        .from(priceListEntries)
        .innerJoin(priceLists, sql`${priceLists.id} = ${priceListEntries.priceListId}`)
        .innerJoin(accounts, sql`${accounts.id} = ${priceLists.ownerId}`)
        .where(and(inInts(priceListEntries.variantId, ids), inSubtree(accounts.path, viewer())))
        .orderBy(asc(priceListEntries.priceListId), asc(priceListEntries.minQuantity));
      return groupByKey(
        ids,
        rows.map((r) => r.entry),
        (r) => r.variantId,
      );
    }),
    listById: new DataLoader<number, PriceListRow | null>(async (ids) =>
      byKey(ids, await db.select().from(priceLists).where(inInts(priceLists.id, ids)), (r) => r.id),
    ),
    assignmentsByList: new DataLoader<number, (typeof priceListAssignments.$inferSelect)[]>(async (ids) =>
      groupByKey(
        ids,
        await db
          .select()
          .from(priceListAssignments)
          .where(inInts(priceListAssignments.priceListId, ids))
          .orderBy(asc(priceListAssignments.id)),
        (r) => r.priceListId,
      ),
    ),
    entriesByList: new DataLoader<number, PriceListEntryRow[]>(async (ids) =>
      groupByKey(
        ids,
        // Only entries for variants the viewer may see (V2): a narrowed assortment upstream hides them.
        await db
          .select()
          .from(priceListEntries)
          .where(
            and(inInts(priceListEntries.priceListId, ids), variantVisible(priceListEntries.variantId, await scope())),
          )
          .orderBy(asc(priceListEntries.variantId), asc(priceListEntries.minQuantity)),
        (r) => r.priceListId,
      ),
    ),
  };
}
