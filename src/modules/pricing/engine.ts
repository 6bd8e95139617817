/**
 * The pricing engine: a pure function of bulk-loaded facts (see engine-types.ts),
 * so it can price a whole cart or page in one pass and be tested without a DB.
 * It never reads the clock: the caller passes `at`.
 */
import { fromMinor } from '../../lib/money.js';
import { regionContains, regionPrefix } from '../regions/containment.js';
import type {
  AssignmentFacts,
  BuyerFacts,
  PriceListFacts,
  PriceResult,
  PriceStepValue,
  PricingData,
  PromotionFacts,
  VariantFacts,
} from './engine-types.js';

type ListEntry = PriceListFacts['entries'][number];

interface Validity {
  validFrom: Date | null;
  validTo: Date | null;
}

/** validTo is exclusive so consecutive windows (to = next from) never overlap. */
export function isActive(window: Validity, at: Date): boolean {
  const t = at.getTime();
  const started = window.validFrom == null || window.validFrom.getTime() <= t;
  const notEnded = window.validTo == null || t < window.validTo.getTime();
  return started && notEnded;
}

// ---------------------------------------------------------------------------
// Region containment lives in modules/regions/containment.ts (pure, no code table).
export { regionContains, regionPrefix };

// ---------------------------------------------------------------------------
// Candidate lists and their specificity.

/**
 * Specificity bands. Region gets a band wide enough to add its prefix length
 * (2, 4 or 6) so a prefecture assignment beats a province one while every
 * region assignment still sits between account and tier.
 */
const RANK_ACCOUNT = 300;
const RANK_REGION = 200;
const RANK_TIER = 100;
const RANK_DEFAULT = 0;

/** The rank of one assignment for this buyer, or null when it does not match. */
export function assignmentRank(a: AssignmentFacts, buyer: BuyerFacts): number | null {
  if (a.accountId != null && a.accountId !== buyer.accountId) return null;
  // A buyer without an address cannot be placed in any region.
  if (a.regionCode != null && (buyer.regionCode == null || !regionContains(a.regionCode, buyer.regionCode)))
    return null;
  if (a.tier != null && a.tier !== buyer.tier) return null;
  // A combined assignment ranks by its most specific field.
  if (a.accountId != null) return RANK_ACCOUNT;
  if (a.regionCode != null) return RANK_REGION + regionPrefix(a.regionCode).length;
  if (a.tier != null) return RANK_TIER;
  return RANK_DEFAULT;
}

/** How specifically a list targets this buyer (higher wins), or null when it is not for them. */
export function rankList(list: PriceListFacts, buyer: BuyerFacts): number | null {
  if (list.assignments.length === 0) return RANK_DEFAULT;
  let best: number | null = null;
  for (const a of list.assignments) {
    const rank = assignmentRank(a, buyer);
    if (rank != null && (best == null || rank > best)) best = rank;
  }
  return best;
}

/** Active lists for this buyer, most specific first; ties by priority, then id for determinism. */
export function applicableLists(buyer: BuyerFacts, at: Date, lists: readonly PriceListFacts[]): PriceListFacts[] {
  const ranked: { list: PriceListFacts; rank: number }[] = [];
  for (const list of lists) {
    if (!isActive(list, at)) continue;
    const rank = rankList(list, buyer);
    if (rank != null) ranked.push({ list, rank });
  }
  ranked.sort((x, y) => y.rank - x.rank || y.list.priority - x.list.priority || x.list.id - y.list.id);
  return ranked.map((r) => r.list);
}

// ---------------------------------------------------------------------------
// Entries and quantity breaks.

/**
 * The list's entries for a variant by ascending minQuantity. Duplicate
 * minQuantities should not exist; if they do, the cheaper one is kept so the
 * result does not depend on load order.
 */
function variantEntries(list: PriceListFacts, variantId: number): ListEntry[] {
  const sorted = list.entries
    .filter((e) => e.variantId === variantId)
    .sort((x, y) => x.minQuantity - y.minQuantity || compareBigint(x.price, y.price));
  return sorted.filter((e, i) => i === 0 || e.minQuantity !== sorted[i - 1].minQuantity);
}

interface Quote {
  list: PriceListFacts;
  /** The smallest-quantity entry: the list's own price for the variant. */
  base: ListEntry;
  /** The largest minQuantity <= quantity: what this quantity actually pays. */
  chosen: ListEntry;
}

function quoteFromList(list: PriceListFacts, variantId: number, quantity: number): Quote | null {
  const entries = variantEntries(list, variantId);
  let chosen: ListEntry | null = null;
  for (const e of entries) {
    if (e.minQuantity <= quantity) chosen = e;
  }
  return chosen == null ? null : { list, base: entries[0], chosen };
}

/** A list without an entry for this quantity defers to the next, less specific one. */
function findQuote(candidates: readonly PriceListFacts[], variantId: number, quantity: number): Quote | null {
  for (const list of candidates) {
    const quote = quoteFromList(list, variantId, quantity);
    if (quote) return quote;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Promotions.

/** An empty restriction means "any". */
function allowsAny<T>(allowed: readonly T[], value: T): boolean {
  return allowed.length === 0 || allowed.includes(value);
}

function promotionMatchesBuyer(p: PromotionFacts, buyer: BuyerFacts): boolean {
  const region = buyer.regionCode;
  // Like list assignments, a region restriction excludes buyers without an address.
  const regionOk =
    p.regionCodes.length === 0 || (region != null && p.regionCodes.some((code) => regionContains(code, region)));
  return allowsAny(p.tiers, buyer.tier) && allowsAny(p.accountIds, buyer.accountId) && regionOk;
}

/** Variant and category targets widen each other: a promotion naming both applies to either. */
function promotionMatchesVariant(p: PromotionFacts, variant: VariantFacts): boolean {
  const byVariant = p.variantIds.includes(variant.variantId);
  const byCategory = variant.categoryId != null && p.categoryIds.includes(variant.categoryId);
  if (p.variantIds.length === 0 && p.categoryIds.length === 0) return true;
  return byVariant || byCategory;
}

/** Active promotions for this buyer and variant, by ascending id. */
export function applicablePromotions(
  buyer: BuyerFacts,
  variant: VariantFacts,
  at: Date,
  promotions: readonly PromotionFacts[],
): PromotionFacts[] {
  return promotions
    .filter((p) => isActive(p, at) && promotionMatchesBuyer(p, buyer) && promotionMatchesVariant(p, variant))
    .sort((x, y) => x.id - y.id);
}

/** The discount a promotion gives on a price, clamped so it never raises the price nor takes it below 0. */
export function promotionDiscount(p: PromotionFacts, price: bigint): bigint {
  const raw = p.kind === 'PERCENT_OFF' ? roundHalfUpDiv(price * p.value, 10_000n) : p.value;
  return clamp(raw, 0n, price > 0n ? price : 0n);
}

/** The best non-stackable promotion (ties: lower id), then every stackable one in id order. */
function promotionsToApply(promotions: readonly PromotionFacts[], listPrice: bigint): PromotionFacts[] {
  let best: PromotionFacts | null = null;
  let bestDiscount = -1n;
  for (const p of promotions) {
    if (p.stackable) continue;
    const d = promotionDiscount(p, listPrice);
    // Input is in id order, so strict ">" keeps the lower id on ties.
    if (d > bestDiscount) {
      best = p;
      bestDiscount = d;
    }
  }
  const stackables = promotions.filter((p) => p.stackable);
  return best ? [best, ...stackables] : stackables;
}

function promotionDescription(p: PromotionFacts): string {
  const value = p.kind === 'PERCENT_OFF' ? `${formatBasisPoints(p.value)}% off` : `${fromMinor(p.value)} off`;
  return `Promotion "${p.name}" ${value}`;
}

// ---------------------------------------------------------------------------
// The price.

/**
 * The unit price `buyer` pays for `quantity` of `variant` at `at`, with the
 * steps that explain it; null when no list prices it for them (not purchasable)
 * or the quantity is not a positive whole number.
 */
export function resolvePrice(
  buyer: BuyerFacts,
  variant: VariantFacts,
  quantity: number,
  at: Date,
  data: PricingData,
): PriceResult | null {
  if (!Number.isInteger(quantity) || quantity < 1) return null;
  const quote = findQuote(applicableLists(buyer, at, data.lists), variant.variantId, quantity);
  if (!quote) return null;

  const steps: PriceStepValue[] = listSteps(quote);
  const listPrice = quote.chosen.price;
  let price = listPrice;

  const promotionIds: number[] = [];
  for (const p of promotionsToApply(applicablePromotions(buyer, variant, at, data.promotions), listPrice)) {
    const discount = promotionDiscount(p, price);
    if (discount === 0n) continue;
    steps.push({ kind: 'PROMOTION', description: promotionDescription(p), amount: -discount });
    promotionIds.push(p.id);
    price -= discount;
  }

  // The floor comes last: promotions may not undercut it, and neither may a list written before the floor rose.
  const floor = data.floors.get(variant.variantId);
  const floorApplied = floor != null && price < floor;
  if (floorApplied) {
    steps.push({ kind: 'FLOOR', description: 'Price floor', amount: floor - price });
    price = floor;
  }

  return { amount: price, listPrice, quantity, floorApplied, steps, priceListId: quote.list.id, promotionIds };
}

function listSteps(quote: Quote): PriceStepValue[] {
  const steps: PriceStepValue[] = [
    { kind: 'LIST', description: `List "${quote.list.name}"`, amount: quote.base.price },
  ];
  if (quote.chosen !== quote.base) {
    steps.push({
      kind: 'QUANTITY_BREAK',
      description: `Quantity break at ${quote.chosen.minQuantity}+`,
      amount: quote.chosen.price - quote.base.price,
    });
  }
  return steps;
}

// ---------------------------------------------------------------------------
// bigint arithmetic and formatting (money is integer minor units; no floats).

function compareBigint(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function clamp(value: bigint, min: bigint, max: bigint): bigint {
  return value < min ? min : value > max ? max : value;
}

/** bigint "/" truncates toward zero; rounding half up needs floor semantics for negatives too. */
function roundHalfUpDiv(numerator: bigint, denominator: bigint): bigint {
  const shifted = 2n * numerator + denominator;
  const twice = 2n * denominator;
  const q = shifted / twice;
  return shifted % twice < 0n ? q - 1n : q;
}

/** 1000 -> "10", 1250 -> "12.5", 5 -> "0.05". */
function formatBasisPoints(bp: bigint): string {
  const sign = bp < 0n ? '-' : '';
  const abs = bp < 0n ? -bp : bp;
  const fraction = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${sign}${abs / 100n}${fraction ? `.${fraction}` : ''}`;
}
