/**
 * recommendations for a buyer: the facts are read here (its own purchases,
 * its seller's subtree's baskets, what similar buyers in its city buy, what
 * is new in the channel), scored by the pure helpers (recommend.ts), and
 * only variants the buyer may order at a price (V2) ever come out. Baskets
 * and popularity are anonymous: no other buyer is named or counted below two.
 */
import { sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import type { AccountRow } from '../accounts/tables.js';
import type { VariantRow } from '../catalog/tables.js';
import { priceAs } from '../pricing/service.js';
import { regionName } from '../regions/regions.js';
import { assertMayRecommend } from './access.js';
import { addDays, shanghaiDay, shanghaiDayStart } from '../../lib/dates.js';
import {
  boughtTogether,
  mergeRecommendations,
  newInAssortment,
  popularNearby,
  reorderDue,
  type ScoredRecommendation,
} from './recommend.js';
import type { RecommendationKind } from './types.js';
import { visibleOrNull } from '../../auth/access.js';
import { findVisibleBatched } from '../accounts/service.js';

const MAX_FIRST = 50;
const OWN_HISTORY_DAYS = 365;
const BASKET_DAYS = 180;
const NEARBY_DAYS = 90;
const NEW_DAYS = 30;

interface Facts {
  purchases: { variantId: number; at: Date }[];
  baskets: number[][];
  nearby: { variantId: number; buyers: number; units: number }[];
  nearbyBuyers: number;
  launched: { variantId: number; since: Date }[];
}

async function readFacts(ctx: SignedInContext, buyer: AccountRow, today: string): Promise<Facts> {
  const db = ctx.db;
  const sellerId = buyer.parentId!;
  const city = buyer.addressRegionCode ? buyer.addressRegionCode.slice(0, 4) : null;
  const since = (days: number) => shanghaiDayStart(addDays(today, -days)).toISOString();
  const [purchases, baskets, nearby, launched] = await Promise.all([
    db.execute<{ variant_id: number; at: string }>(sql`
      select ol.variant_id, o.created_at as at from orders o join order_lines ol on ol.order_id = o.id
      where o.buyer_id = ${buyer.id} and o.kind = 'SALE' and o.status <> 'CANCELLED' and o.created_at >= ${since(OWN_HISTORY_DAYS)}::timestamptz`),
    db.execute<{ items: number[] }>(sql`
      select array_agg(ol.variant_id) as items from orders o join order_lines ol on ol.order_id = o.id
      where o.buyer_path @> ARRAY[${sellerId}]::integer[] and o.kind = 'SALE' and o.status <> 'CANCELLED' and o.created_at >= ${since(BASKET_DAYS)}::timestamptz
      group by o.id`),
    city
      ? db.execute<{ variant_id: number | null; buyers: number; units: number }>(sql`
          select r.variant_id, count(distinct r.buyer_id)::int as buyers, sum(r.units)::int as units
          from sales_daily r join accounts a on a.id = r.buyer_id
          where r.root_id = ${buyer.rootId} and r.buyer_tier = ${buyer.tier}::channel_tier and r.buyer_id <> ${buyer.id}
            and a.address_region_code like ${`${city}%`} and r.day > ${addDays(today, -NEARBY_DAYS)}::date
          group by grouping sets ((r.variant_id), ())`)
      : Promise.resolve([]),
    db.execute<{ variant_id: number; first_day: string }>(sql`
      select v.id as variant_id, to_char(f.first_day, 'YYYY-MM-DD') as first_day from variants v
      cross join lateral (select min(s.day) as first_day from sales_daily s where s.variant_id = v.id and s.root_id = ${buyer.rootId}) f
      where f.first_day > ${addDays(today, -NEW_DAYS)}::date`),
  ]);
  return {
    purchases: purchases.map((r) => ({ variantId: r.variant_id, at: new Date(r.at) })),
    baskets: baskets.map((r) => r.items),
    nearby: nearby
      .filter((r) => r.variant_id !== null)
      .map((r) => ({ variantId: r.variant_id!, buyers: r.buyers, units: r.units })),
    nearbyBuyers: nearby.find((r) => r.variant_id === null)?.buyers ?? 0,
    launched: launched.map((r) => ({ variantId: r.variant_id, since: shanghaiDayStart(r.first_day) })),
  };
}

/** Of `ids`, the variants the buyer may order (V2) and that its seller prices for it, at their minimum quantity. */
async function orderableFor(ctx: SignedInContext, buyer: AccountRow, ids: number[]): Promise<Map<number, VariantRow>> {
  const rows = await ctx.loaders.catalog.variantById.loadMany(ids);
  const variants = rows.filter((v): v is VariantRow => !!v && !(v instanceof Error));
  const priced = await Promise.all(variants.map((v) => priceAs(ctx, buyer, v, v.minOrderQuantity)));
  return new Map(variants.filter((_, i) => priced[i] !== null).map((v) => [v.id, v]));
}

export interface RecommendationValue {
  variant: VariantRow;
  kind: RecommendationKind;
  score: number;
  reason: string;
}

export async function recommendations(
  ctx: SignedInContext,
  accountId: string | null | undefined,
  first: number | null | undefined,
): Promise<RecommendationValue[]> {
  const n = first ?? 10;
  if (!Number.isInteger(n) || n < 1 || n > MAX_FIRST) throw badInput(`first must be between 1 and ${MAX_FIRST}`);
  // V1: an account outside the subtree gets nothing, as if it did not exist.
  const buyer =
    accountId == null ? ctx.viewer.account : await visibleOrNull(ctx, accountId, 'Account', findVisibleBatched);
  if (!buyer) return [];
  assertMayRecommend(ctx.viewer, buyer);
  if (buyer.parentId === null) return []; // the brand buys from no one

  const now = ctx.now();
  const facts = await readFacts(ctx, buyer, shanghaiDay(now));
  const candidates = new Set<number>([
    ...facts.purchases.map((p) => p.variantId),
    ...facts.baskets.flat(),
    ...facts.nearby.map((s) => s.variantId),
    ...facts.launched.map((l) => l.variantId),
  ]);
  const orderable = await orderableFor(ctx, buyer, [...candidates]);
  const ids = new Set(orderable.keys());
  const owned = new Set(facts.purchases.map((p) => p.variantId));
  const label = (id: number) => orderable.get(id)?.sku ?? `#${id}`;
  const city = buyer.addressRegionCode ? regionName(`${buyer.addressRegionCode.slice(0, 4)}00`) : null;
  const lists: ScoredRecommendation[][] = [
    reorderDue(facts.purchases, { now, orderable: ids, label }),
    boughtTogether(facts.baskets, { owned, orderable: ids, label }),
    popularNearby(facts.nearby, {
      totalBuyers: facts.nearbyBuyers,
      owned,
      orderable: ids,
      audience: `${buyer.tier.toLowerCase().replace('_', ' ')}s${city ? ` in ${city}` : ' nearby'}`,
    }),
    newInAssortment(facts.launched, { now, owned, orderable: ids }),
  ];
  return mergeRecommendations(lists, n).map((r) => ({
    variant: orderable.get(r.variantId)!,
    kind: r.kind as RecommendationKind,
    score: r.score,
    reason: r.reason,
  }));
}
