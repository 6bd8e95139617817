import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  boughtTogether,
  mergeRecommendations,
  newInAssortment,
  popularNearby,
  purchaseInterval,
  reorderDue,
  type ScoredRecommendation,
} from '../src/modules/analytics/recommend.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2);
const day = (n: number): Date => new Date(T0 + n * DAY);
const all = (ids: number[]): Set<number> => new Set(ids);

function repeat<T>(times: number, value: T): T[] {
  return Array.from({ length: times }, () => value);
}

describe('bought together (co-occurrence lift)', () => {
  // 10 baskets. Buyer owns 1.
  // count(1) = 5, count(2) = 5, both(1,2) = 4  → lift = 4·10 / (5·5) = 1.6
  // count(3) = 4, both(1,3) = 1 (< 2 baskets: ignored)
  // count(6) = 10 (in every basket), both(1,6) = 5 → lift = 5·10 / (5·10) = 1: no better than chance
  const baskets = [...repeat(4, [1, 2, 6]), [1, 3, 6], [2, 6], ...repeat(3, [3, 6]), [4, 6]];

  it('scores by the best lift with what the buyer already buys (hand-computed 1.6)', () => {
    const r = boughtTogether(baskets, {
      owned: all([1]),
      orderable: all([1, 2, 3, 4, 5, 6]),
      label: (id) => `SKU-${id}`,
    });
    expect(r).toEqual([
      {
        variantId: 2,
        kind: 'BOUGHT_TOGETHER',
        score: 1.6,
        reason: 'often ordered with SKU-1 (4 orders, 1.6× more than by chance)',
      },
    ]);
  });

  it('a pair seen once counts when the threshold allows it', () => {
    const r = boughtTogether(baskets, { owned: all([1]), orderable: all([1, 2, 3, 4, 5, 6]), minTogether: 1 });
    // lift(1,3) = 1·10 / (5·4) = 0.5 < 1: still nothing.
    expect(r.map((x) => x.variantId)).toEqual([2]);
  });

  it('never recommends what the buyer may not order', () => {
    expect(boughtTogether(baskets, { owned: all([1]), orderable: all([1, 3, 4, 6]) })).toEqual([]);
  });

  it('takes the strongest anchor among the buyer’s variants', () => {
    // 7 goes with 5 every time (lift 3), with 1 half the time.
    const b = [[5, 7], [5, 7], [1, 7], [1], [1], [8]];
    // count: 1→3, 5→2, 7→3; both(5,7)=2 → 2·6/(2·3) = 2; both(1,7)=1 (< 2).
    const r = boughtTogether(b, { owned: all([1, 5]), orderable: all([1, 5, 7, 8]) });
    expect(r).toHaveLength(1);
    expect(r[0].score).toBeCloseTo(2, 10);
    expect(r[0].reason).toContain('#5');
  });
});

describe('reorder due (the buyer’s own rhythm)', () => {
  const purchases = [0, 14, 28].map((d) => ({ variantId: 9, at: day(d) }));
  const orderable = all([9]);

  it('due once most of the usual interval has passed: 12 of 14 days → 0.857', () => {
    const r = reorderDue(purchases, { now: day(40), orderable });
    expect(r).toHaveLength(1);
    expect(r[0].score).toBeCloseTo(12 / 14, 10);
    expect(r[0].reason).toBe('you order #9 about every 14 days; last 12 days ago');
  });

  it('not yet due, lapsed, or without a rhythm: nothing', () => {
    expect(reorderDue(purchases, { now: day(30), orderable })).toEqual([]); // 2 of 14 days
    expect(reorderDue(purchases, { now: day(28 + 14 * 3 + 1), orderable })).toEqual([]); // past 3 intervals: lapsed
    expect(reorderDue(purchases.slice(0, 2), { now: day(40), orderable })).toEqual([]); // two purchases are no rhythm
    expect(reorderDue(purchases, { now: day(40), orderable: all([]) })).toEqual([]); // no longer orderable
  });

  it('the rhythm is the median gap, and a split order on one day is one purchase', () => {
    expect(purchaseInterval([day(0), day(7), day(7.2), day(14), day(74)])).toBe(7); // gaps 7, 7, 60
    expect(purchaseInterval([day(0), day(0.5), day(10)])).toBeNull(); // two purchases after merging
  });
});

describe('popular nearby', () => {
  it('by share of nearby buyers, units breaking ties; not what the buyer has, nothing unorderable, no anecdotes', () => {
    const stats = [
      { variantId: 1, buyers: 6, units: 100 },
      { variantId: 2, buyers: 9, units: 40 },
      { variantId: 3, buyers: 6, units: 300 },
      { variantId: 4, buyers: 1, units: 900 }, // one buyer: an anecdote
      { variantId: 5, buyers: 12, units: 500 }, // owned
      { variantId: 6, buyers: 8, units: 50 }, // not orderable
    ];
    const r = popularNearby(stats, {
      totalBuyers: 12,
      owned: all([5]),
      orderable: all([1, 2, 3, 4, 5]),
      audience: 'retailers in Shenzhen',
    });
    expect(r.map((x) => x.variantId)).toEqual([2, 3, 1]);
    expect(r[0]).toEqual({
      variantId: 2,
      kind: 'POPULAR_NEARBY',
      score: 0.75,
      reason: 'bought by 9 of 12 retailers in Shenzhen',
    });
  });
});

describe('new in assortment', () => {
  it('fresher first, within the window, not already bought, orderable only', () => {
    const items = [
      { variantId: 1, since: day(-2) },
      { variantId: 2, since: day(-20) },
      { variantId: 3, since: day(-40) }, // outside 30 days
      { variantId: 4, since: day(-1) }, // owned
      { variantId: 5, since: day(-3) }, // not orderable
    ];
    const r = newInAssortment(items, { now: day(0), owned: all([4]), orderable: all([1, 2, 3, 4]) });
    expect(r.map((x) => [x.variantId, Math.round(x.score * 1000) / 1000])).toEqual([
      [1, 0.933],
      [2, 0.333],
    ]);
    expect(r[0].reason).toBe('new in your assortment 2 days ago');
  });
});

describe('merging kinds', () => {
  const rec = (variantId: number, kind: ScoredRecommendation['kind'], score: number): ScoredRecommendation => ({
    variantId,
    kind,
    score,
    reason: '',
  });

  it('round robin in the caller’s priority, each variant once under its first kind, cut at first', () => {
    const due = [rec(1, 'REORDER_DUE', 1.2), rec(2, 'REORDER_DUE', 0.9)];
    const together = [rec(2, 'BOUGHT_TOGETHER', 3), rec(3, 'BOUGHT_TOGETHER', 2), rec(4, 'BOUGHT_TOGETHER', 1.5)];
    const popular = [rec(5, 'POPULAR_NEARBY', 0.5)];
    const merged = mergeRecommendations([due, together, popular], 4);
    expect(merged.map((r) => [r.variantId, r.kind])).toEqual([
      [1, 'REORDER_DUE'],
      [2, 'BOUGHT_TOGETHER'],
      [5, 'POPULAR_NEARBY'],
      [3, 'BOUGHT_TOGETHER'],
    ]);
    expect(mergeRecommendations([due, together, popular], 50)).toHaveLength(5);
    expect(mergeRecommendations([[], []], 5)).toEqual([]);
  });
});

describe('only orderable variants, whatever the data (V2)', () => {
  it('every helper returns only variants in the orderable set, never one the buyer already has (except reorders)', () => {
    const id = fc.integer({ min: 1, max: 12 });
    fc.assert(
      fc.property(
        fc.array(fc.array(id, { minLength: 1, maxLength: 5 }), { maxLength: 40 }),
        fc.uniqueArray(id, { maxLength: 6 }),
        fc.uniqueArray(id, { maxLength: 10 }),
        fc.array(fc.record({ variantId: id, at: fc.integer({ min: 0, max: 200 }) }), { maxLength: 30 }),
        (baskets, owned, orderable, buys) => {
          const o = { owned: new Set(owned), orderable: new Set(orderable) };
          const purchases = buys.map((b) => ({ variantId: b.variantId, at: day(b.at) }));
          const lists = [
            boughtTogether(baskets, { ...o, minTogether: 1 }),
            popularNearby(
              Array.from({ length: 12 }, (_, i) => ({ variantId: i + 1, buyers: (i * 7) % 5, units: i })),
              { ...o, totalBuyers: 5 },
            ),
            newInAssortment(
              Array.from({ length: 12 }, (_, i) => ({ variantId: i + 1, since: day(190 - i * 3) })),
              { ...o, now: day(200) },
            ),
          ];
          for (const list of lists) {
            for (const r of list) {
              expect(o.orderable.has(r.variantId)).toBe(true);
              expect(o.owned.has(r.variantId)).toBe(false);
            }
          }
          for (const r of reorderDue(purchases, { now: day(210), orderable: o.orderable }))
            expect(o.orderable.has(r.variantId)).toBe(true);
        },
      ),
    );
  });
});
