import { and, asc, eq } from 'drizzle-orm';
import type { Context } from '../../graphql/context.js';
import { badInput, forbidden } from '../../graphql/errors.js';
import { tierBelow } from '../accounts/tiers.js';
import { toGlobalId } from '../../graphql/ids.js';
import { inSubtree } from '../../auth/scope.js';
import { fromMinor, money, type MoneyValue } from '../../lib/money.js';
import { accounts, type AccountRow, type Tier } from '../accounts/tables.js';
import type { VariantRow } from '../catalog/tables.js';
import { resolvePrice } from './engine.js';
import type { PriceResult } from './engine-types.js';
import { priceLists, promotions, type PriceListEntryRow, type PriceListRow, type PromotionRow } from './tables.js';
import { visibleOrNull } from '../../auth/access.js';
import { findVisibleBatched } from '../accounts/service.js';

export interface PriceValue {
  amount: MoneyValue;
  listPrice: MoneyValue;
  quantity: number;
  floorApplied: boolean;
  steps: { kind: string; description: string; amount: MoneyValue }[];
}

function toPriceValue(r: PriceResult): PriceValue {
  return {
    amount: money(r.amount),
    listPrice: money(r.listPrice),
    quantity: r.quantity,
    floorApplied: r.floorApplied,
    steps: r.steps.map((s) => ({ kind: s.kind, description: s.description, amount: money(s.amount) })),
  };
}

/** The engine's answer for one buyer, one variant, one quantity; null when the buyer's seller does not price it. */
export async function priceAs(
  ctx: Context,
  buyer: AccountRow,
  variant: VariantRow,
  quantity: number,
): Promise<PriceResult | null> {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000)
    throw badInput('quantity must be between 1 and 1000000');
  if (buyer.parentId === null) return null; // the brand buys from no one
  const input = await ctx.loaders.pricing.inputs.load({
    sellerPath: buyer.path.slice(0, -1),
    tier: buyer.tier,
    variantId: variant.id,
  });
  // V2: what the buyer's seller chain does not offer has no price, whatever lists say.
  if (!input || !input.offered) return null;
  return resolvePrice(
    { accountId: buyer.id, tier: buyer.tier, regionCode: buyer.addressRegionCode },
    input.variant,
    quantity,
    ctx.now(),
    input.data,
  );
}

/** V3: what the viewer's own account pays its seller. */
export async function ownPrice(ctx: Context, variant: VariantRow, quantity: number | null): Promise<PriceValue | null> {
  const result = await priceAs(ctx, ctx.viewer!.account, variant, quantity ?? 1);
  return result && toPriceValue(result);
}

/** V3: what an account in the viewer's subtree pays; null outside it or when its seller does not offer the variant (V2). */
export async function priceFor(
  ctx: Context,
  variant: VariantRow,
  accountId: string,
  quantity: number | null,
): Promise<PriceValue | null> {
  const buyer = await visibleOrNull(ctx, accountId, 'Account', findVisibleBatched);
  if (!buyer || buyer.parentId === null) return null;
  const result = await priceAs(ctx, buyer, variant, quantity ?? 1);
  return result && toPriceValue(result);
}

const NEXT_TIER: Record<Tier, Tier | null> = {
  BRAND: 'GENERAL_AGENT',
  GENERAL_AGENT: 'DISTRIBUTOR',
  DISTRIBUTOR: 'RETAILER',
  RETAILER: null,
};

/** The floor protecting buyers of `tier` (default: the tier below the viewer's, its usual buyers). */
export async function priceFloor(
  ctx: Context,
  variant: VariantRow,
  tier: Tier | null | undefined,
): Promise<MoneyValue | null> {
  // V3: only floors of tiers below the viewer, never one that bounds what the viewer itself pays.
  if (tier && !tierBelow(tier, ctx.viewer!.tier))
    throw forbidden(`Floors for ${tier} buyers are not visible to a ${ctx.viewer!.tier}`);
  const buyers = tier ?? NEXT_TIER[ctx.viewer!.tier];
  if (!buyers) return null;
  const floor = (await ctx.loaders.pricing.floorsByVariant.load(variant.id)).get(buyers);
  return floor === undefined ? null : money(floor);
}

export function entriesInScope(ctx: Context, variant: VariantRow): Promise<PriceListEntryRow[]> {
  return ctx.loaders.pricing.entriesInScopeByVariant.load(variant.id);
}

/** V3: price lists owned by the viewer's account or its subtree. */
export async function listPriceLists(ctx: Context): Promise<PriceListRow[]> {
  const rows = await ctx.db
    .select({ list: priceLists })
    .from(priceLists)
    .innerJoin(accounts, eq(accounts.id, priceLists.ownerId))
    .where(inSubtree(accounts.path, ctx.viewer))
    .orderBy(asc(priceLists.ownerId), asc(priceLists.id));
  return rows.map((r) => r.list);
}

export async function findVisiblePriceList(ctx: Context, id: number): Promise<PriceListRow | null> {
  const [row] = await ctx.db
    .select({ list: priceLists })
    .from(priceLists)
    .innerJoin(accounts, eq(accounts.id, priceLists.ownerId))
    .where(and(eq(priceLists.id, id), inSubtree(accounts.path, ctx.viewer)));
  return row?.list ?? null;
}

/** Promotions owned by the viewer's account or its subtree. */
export async function listPromotions(ctx: Context): Promise<PromotionRow[]> {
  const rows = await ctx.db
    .select({ p: promotions })
    .from(promotions)
    .innerJoin(accounts, eq(accounts.id, promotions.ownerId))
    .where(inSubtree(accounts.path, ctx.viewer))
    .orderBy(asc(promotions.id));
  return rows.map((r) => r.p);
}

export async function findVisiblePromotion(ctx: Context, id: number): Promise<PromotionRow | null> {
  const [row] = await ctx.db
    .select({ p: promotions })
    .from(promotions)
    .innerJoin(accounts, eq(accounts.id, promotions.ownerId))
    .where(and(eq(promotions.id, id), inSubtree(accounts.path, ctx.viewer)));
  return row?.p ?? null;
}

export function listOwner(ctx: Context, owner: { ownerId: number }) {
  return ctx.loaders.accounts.byId.load(owner.ownerId);
}

export async function assignments(ctx: Context, list: PriceListRow) {
  const rows = await ctx.loaders.pricing.assignmentsByList.load(list.id);
  return rows.map((a) => ({ tier: a.tier, regionCode: a.regionCode, accountId: a.accountId }));
}

/** An assigned account is a direct buyer of the list's owner, so it is in the viewer's subtree too. */
export function assignmentAccount(ctx: Context, a: { accountId: number | null }) {
  return a.accountId === null ? null : ctx.loaders.accounts.byId.load(a.accountId);
}

export function listEntries(ctx: Context, list: PriceListRow) {
  return ctx.loaders.pricing.entriesByList.load(list.id);
}

export async function entryList(ctx: Context, e: PriceListEntryRow): Promise<PriceListRow> {
  const list = await ctx.loaders.pricing.listById.load(e.priceListId);
  if (!list) throw new Error(`entry of a missing list ${e.priceListId}`);
  return list;
}

export async function entryVariant(ctx: Context, e: PriceListEntryRow): Promise<VariantRow> {
  const v = await ctx.loaders.catalog.variantById.load(e.variantId);
  if (!v) throw new Error(`entry of a missing variant ${e.variantId}`);
  return v;
}

export function promotionValue(p: PromotionRow): string {
  return p.kind === 'PERCENT_OFF' ? (Number(p.value) / 100).toString() : fromMinor(p.value);
}

export async function promotionSkus(ctx: Context, p: PromotionRow): Promise<string[]> {
  const rows = await Promise.all(p.variantIds.map((id) => ctx.loaders.catalog.variantById.load(id)));
  return rows.flatMap((v) => (v ? [v.sku] : []));
}

export async function promotionAccounts(ctx: Context, p: PromotionRow) {
  const rows = await Promise.all(p.accountIds.map((id) => ctx.loaders.accounts.byId.load(id)));
  return rows.filter((a): a is AccountRow => a !== null);
}

export function promotionCategoryIds(p: PromotionRow): string[] {
  return p.categoryIds.map((id) => toGlobalId('Category', id));
}
