/**
 * Recommendation scoring, pure. Every helper takes the set of variants the
 * buyer may order with a price (V2, computed by the service) and never
 * returns anything outside it; none takes or returns another buyer's
 * identity — baskets are anonymous variant sets, popularity is counts.
 *
 * Scores are comparable within a kind only (a lift is not a probability);
 * {@link mergeRecommendations} therefore interleaves kinds instead of sorting
 * them together.
 */

export type RecommendationKind = 'BOUGHT_TOGETHER' | 'POPULAR_NEARBY' | 'REORDER_DUE' | 'NEW_IN_ASSORTMENT';

/** Maps onto Recommendation (the service resolves variantId to the Variant). */
export interface ScoredRecommendation {
  variantId: number;
  kind: RecommendationKind;
  score: number;
  reason: string;
}

/** Names a variant in a reason (the service passes sku/name; tests the default). */
export type Label = (variantId: number) => string;
const defaultLabel: Label = (id) => `#${id}`;

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------
// Bought together: co-occurrence lift.

export interface BoughtTogetherOptions {
  /** Variants the buyer already buys: the anchors. */
  owned: ReadonlySet<number>;
  orderable: ReadonlySet<number>;
  /**
   * Pairs seen together in fewer baskets than this are ignored: one chance
   * co-occurrence of two rare variants gives a huge lift that means nothing.
   */
  minTogether?: number;
  label?: Label;
}

/**
 * lift(a, c) = P(a ∧ c) / (P(a)·P(c)) over `baskets` (one variant set per
 * order, e.g. the seller's subtree's orders). For each variant c the buyer
 * does not buy yet, the score is its highest lift with any variant it does
 * buy; only lifts above 1 (together more often than chance) count.
 */
export function boughtTogether(
  baskets: readonly (readonly number[])[],
  o: BoughtTogetherOptions,
): ScoredRecommendation[] {
  const minTogether = o.minTogether ?? 2;
  const label = o.label ?? defaultLabel;
  const count = new Map<number, number>();
  const together = new Map<number, Map<number, number>>(); // candidate → anchor → baskets with both
  for (const basket of baskets) {
    const items = [...new Set(basket)];
    for (const v of items) count.set(v, (count.get(v) ?? 0) + 1);
    const anchors = items.filter((v) => o.owned.has(v));
    if (!anchors.length) continue;
    for (const c of items) {
      if (o.owned.has(c) || !o.orderable.has(c)) continue;
      let row = together.get(c);
      if (!row) together.set(c, (row = new Map()));
      for (const a of anchors) row.set(a, (row.get(a) ?? 0) + 1);
    }
  }
  const n = baskets.length;
  const out: ScoredRecommendation[] = [];
  for (const [c, row] of together) {
    let best: { anchor: number; lift: number; both: number } | null = null;
    for (const [a, both] of row) {
      if (both < minTogether) continue;
      const lift = (both * n) / (count.get(a)! * count.get(c)!);
      if (lift > 1 && (!best || lift > best.lift || (lift === best.lift && a < best.anchor)))
        best = { anchor: a, lift, both };
    }
    if (best) {
      out.push({
        variantId: c,
        kind: 'BOUGHT_TOGETHER',
        score: best.lift,
        reason: `often ordered with ${label(best.anchor)} (${best.both} orders, ${best.lift.toFixed(1)}× more than by chance)`,
      });
    }
  }
  return out.sort(byScore);
}

// ---------------------------------------------------------------------------
// Reorder due: the buyer's own rhythm per variant.

export interface Purchase {
  variantId: number;
  at: Date;
}

export interface ReorderDueOptions {
  now: Date;
  orderable: ReadonlySet<number>;
  /** Due once this share of the usual interval has passed (default 0.8: a little ahead is helpful). */
  dueFrom?: number;
  /** Past this many intervals the habit has lapsed: no longer "due" (default 3). */
  lapsedAfter?: number;
  label?: Label;
}

/** Purchases within this much time of each other are one replenishment (a split order). */
const SAME_PURCHASE_DAYS = 1;
/** A rhythm needs three purchases (two intervals); two are a coincidence. */
const MIN_PURCHASES = 3;

/**
 * Median days between the buyer's purchases of a variant, or null with too
 * few. The median, not the mean: one long holiday gap must not stretch the rhythm.
 */
export function purchaseInterval(times: readonly Date[]): number | null {
  const days = [...times].map((t) => t.getTime() / DAY_MS).sort((a, b) => a - b);
  const merged: number[] = [];
  for (const d of days) if (!merged.length || d - merged[merged.length - 1] >= SAME_PURCHASE_DAYS) merged.push(d);
  if (merged.length < MIN_PURCHASES) return null;
  const gaps = merged
    .slice(1)
    .map((d, i) => d - merged[i])
    .sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  return gaps.length % 2 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
}

/** Score: days since the last purchase ÷ the usual interval (1 = due today). */
export function reorderDue(purchases: readonly Purchase[], o: ReorderDueOptions): ScoredRecommendation[] {
  const dueFrom = o.dueFrom ?? 0.8;
  const lapsedAfter = o.lapsedAfter ?? 3;
  const label = o.label ?? defaultLabel;
  const byVariant = new Map<number, Date[]>();
  for (const p of purchases) {
    if (!o.orderable.has(p.variantId)) continue;
    const list = byVariant.get(p.variantId);
    if (list) list.push(p.at);
    else byVariant.set(p.variantId, [p.at]);
  }
  const out: ScoredRecommendation[] = [];
  for (const [variantId, times] of byVariant) {
    const interval = purchaseInterval(times);
    if (interval === null || interval <= 0) continue;
    const last = Math.max(...times.map((t) => t.getTime()));
    const since = (o.now.getTime() - last) / DAY_MS;
    const ratio = since / interval;
    if (ratio < dueFrom || ratio > lapsedAfter) continue;
    out.push({
      variantId,
      kind: 'REORDER_DUE',
      score: ratio,
      reason: `you order ${label(variantId)} about every ${plural(Math.max(1, Math.round(interval)), 'day')}; last ${plural(Math.floor(since), 'day')} ago`,
    });
  }
  return out.sort(byScore);
}

// ---------------------------------------------------------------------------
// Popular nearby.

export interface VariantPopularity {
  variantId: number;
  /** Distinct buyers nearby (e.g. same city and tier) who bought it in the window. */
  buyers: number;
  units: number;
}

export interface PopularNearbyOptions {
  /** Distinct buyers nearby who bought anything in the window: the share's denominator. */
  totalBuyers: number;
  owned: ReadonlySet<number>;
  orderable: ReadonlySet<number>;
  /** Fewer buyers than this is an anecdote, and too close to naming one (default 2). */
  minBuyers?: number;
  /** e.g. "retailers in Shenzhen" (default "buyers nearby"). */
  audience?: string;
}

/** Score: the share of nearby buyers who bought it; units break ties. Only variants this buyer does not buy yet. */
export function popularNearby(stats: readonly VariantPopularity[], o: PopularNearbyOptions): ScoredRecommendation[] {
  const minBuyers = o.minBuyers ?? 2;
  const audience = o.audience ?? 'buyers nearby';
  if (o.totalBuyers <= 0) return [];
  return stats
    .filter((s) => s.buyers >= minBuyers && !o.owned.has(s.variantId) && o.orderable.has(s.variantId))
    .sort((a, b) => b.buyers - a.buyers || b.units - a.units || a.variantId - b.variantId)
    .map((s) => ({
      variantId: s.variantId,
      kind: 'POPULAR_NEARBY' as const,
      score: s.buyers / o.totalBuyers,
      reason: `bought by ${s.buyers} of ${o.totalBuyers} ${audience}`,
    }));
}

// ---------------------------------------------------------------------------
// New in assortment.

export interface NewlyOrderable {
  variantId: number;
  /** When it became orderable for this buyer (created, or newly priced for it). */
  since: Date;
}

/** Score: freshness, 1 today falling to 0 at `windowDays` (default 30). Only what the buyer does not buy yet. */
export function newInAssortment(
  items: readonly NewlyOrderable[],
  o: { now: Date; owned: ReadonlySet<number>; orderable: ReadonlySet<number>; windowDays?: number },
): ScoredRecommendation[] {
  const window = o.windowDays ?? 30;
  const out: ScoredRecommendation[] = [];
  for (const item of items) {
    const age = (o.now.getTime() - item.since.getTime()) / DAY_MS;
    if (age < 0 || age > window || o.owned.has(item.variantId) || !o.orderable.has(item.variantId)) continue;
    out.push({
      variantId: item.variantId,
      kind: 'NEW_IN_ASSORTMENT',
      score: 1 - age / window,
      reason: age < 1 ? 'new in your assortment today' : `new in your assortment ${plural(Math.floor(age), 'day')} ago`,
    });
  }
  return out.sort(byScore);
}

// ---------------------------------------------------------------------------

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

function byScore(a: ScoredRecommendation, b: ScoredRecommendation): number {
  return b.score - a.score || a.variantId - b.variantId;
}

/**
 * One list of `first` recommendations from per-kind lists (each best first):
 * round robin over the lists in the order given — the caller's priority, e.g.
 * due reorders before discoveries — each variant once, under its first kind.
 */
export function mergeRecommendations(
  lists: readonly (readonly ScoredRecommendation[])[],
  first: number,
): ScoredRecommendation[] {
  const out: ScoredRecommendation[] = [];
  const seen = new Set<number>();
  const cursors = lists.map(() => 0);
  let progressed = true;
  while (out.length < first && progressed) {
    progressed = false;
    for (let i = 0; i < lists.length && out.length < first; i++) {
      while (cursors[i] < lists[i].length) {
        const r = lists[i][cursors[i]++];
        if (seen.has(r.variantId)) continue;
        seen.add(r.variantId);
        out.push(r);
        progressed = true;
        break;
      }
    }
  }
  return out;
}
