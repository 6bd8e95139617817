import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isActive, regionContains, resolvePrice } from '../src/modules/pricing/engine.js';
import type {
  AssignmentFacts,
  BuyerFacts,
  PriceListFacts,
  PriceResult,
  PricingData,
  PromotionFacts,
  Tier,
  VariantFacts,
} from '../src/modules/pricing/engine-types.js';

// ---------------------------------------------------------------------------
// Builders: tests spell out only what matters to them.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BASE = Date.UTC(2026, 0, 1);
const day = (n: number): Date => new Date(BASE + n * DAY);
const AT = day(10);

const BUYER: BuyerFacts = { accountId: 7, tier: 'RETAILER', regionCode: '440304' };
const VARIANT: VariantFacts = { variantId: 1, sku: 'SKU-1', categoryId: 20 };

type Entry = PriceListFacts['entries'][number];

function entry(price: number, minQuantity = 1, variantId = VARIANT.variantId): Entry {
  return { variantId, minQuantity, price: BigInt(price) };
}

function assign(a: Partial<AssignmentFacts>): AssignmentFacts {
  return { accountId: null, regionCode: null, tier: null, ...a };
}

function list(id: number, l: Partial<PriceListFacts> = {}): PriceListFacts {
  return {
    id,
    name: `L${id}`,
    priority: 0,
    validFrom: null,
    validTo: null,
    assignments: [],
    entries: [entry(1000)],
    ...l,
  };
}

function promo(id: number, p: Partial<PromotionFacts> = {}): PromotionFacts {
  return {
    id,
    name: `P${id}`,
    kind: 'PERCENT_OFF',
    value: 1000n,
    validFrom: null,
    validTo: null,
    stackable: false,
    tiers: [],
    regionCodes: [],
    accountIds: [],
    variantIds: [],
    categoryIds: [],
    ...p,
  };
}

function data(
  d: Partial<{ lists: PriceListFacts[]; promotions: PromotionFacts[]; floors: [number, number][] }>,
): PricingData {
  return {
    lists: d.lists ?? [],
    promotions: d.promotions ?? [],
    floors: new Map((d.floors ?? []).map(([v, f]) => [v, BigInt(f)])),
  };
}

function price(
  d: PricingData,
  opts: { buyer?: BuyerFacts; variant?: VariantFacts; quantity?: number; at?: Date } = {},
): PriceResult | null {
  return resolvePrice(opts.buyer ?? BUYER, opts.variant ?? VARIANT, opts.quantity ?? 1, opts.at ?? AT, d);
}

/** Prices or fails: most tests expect a price. */
function mustPrice(d: PricingData, opts: Parameters<typeof price>[1] = {}): PriceResult {
  const r = price(d, opts);
  if (!r) throw new Error('expected a price, got null');
  return r;
}

// ---------------------------------------------------------------------------
// Unit tests, one rule at a time.

describe('regionContains', () => {
  it('a province contains its prefectures and counties', () => {
    expect(regionContains('440000', '440300')).toBe(true);
    expect(regionContains('440000', '440304')).toBe(true);
    expect(regionContains('440000', '450000')).toBe(false);
  });
  it('a prefecture contains its counties but not its province or siblings', () => {
    expect(regionContains('440300', '440304')).toBe(true);
    expect(regionContains('440300', '440000')).toBe(false);
    expect(regionContains('440300', '440100')).toBe(false);
  });
  it('a county contains only itself', () => {
    expect(regionContains('440304', '440304')).toBe(true);
    expect(regionContains('440304', '440305')).toBe(false);
  });
  it('every code contains itself', () => {
    for (const c of ['110000', '110100', '110101']) expect(regionContains(c, c)).toBe(true);
  });
});

describe('isActive', () => {
  it('validFrom is inclusive, validTo exclusive', () => {
    const w = { validFrom: day(1), validTo: day(2) };
    expect(isActive(w, day(1))).toBe(true);
    expect(isActive(w, new Date(day(2).getTime() - 1))).toBe(true);
    expect(isActive(w, day(2))).toBe(false);
    expect(isActive(w, new Date(day(1).getTime() - 1))).toBe(false);
    expect(isActive({ validFrom: null, validTo: null }, day(99))).toBe(true);
  });
});

describe('list selection', () => {
  it('an unassigned list is the default for everyone', () => {
    const r = mustPrice(data({ lists: [list(1, { name: 'Retail 2026' })] }));
    expect(r).toEqual({
      amount: 1000n,
      listPrice: 1000n,
      quantity: 1,
      floorApplied: false,
      steps: [{ kind: 'LIST', description: 'List "Retail 2026"', amount: 1000n }],
      priceListId: 1,
      promotionIds: [],
    });
  });

  it('an assignment with every field null also acts as a default', () => {
    expect(mustPrice(data({ lists: [list(1, { assignments: [assign({})] })] })).priceListId).toBe(1);
  });

  it('account beats region beats tier beats default, whatever their priorities', () => {
    // Priorities run against specificity so only specificity can explain the winner.
    const byAccount = list(1, { priority: 0, assignments: [assign({ accountId: BUYER.accountId })] });
    const byRegion = list(2, { priority: 10, assignments: [assign({ regionCode: '440000' })] });
    const byTier = list(3, { priority: 20, assignments: [assign({ tier: 'RETAILER' })] });
    const fallback = list(4, { priority: 30 });
    expect(mustPrice(data({ lists: [fallback, byTier, byRegion, byAccount] })).priceListId).toBe(1);
    expect(mustPrice(data({ lists: [fallback, byTier, byRegion] })).priceListId).toBe(2);
    expect(mustPrice(data({ lists: [fallback, byTier] })).priceListId).toBe(3);
    expect(mustPrice(data({ lists: [fallback] })).priceListId).toBe(4);
  });

  it('assignments to someone else do not make a list a candidate', () => {
    const others = [
      list(1, { assignments: [assign({ accountId: 99 })] }),
      list(2, { assignments: [assign({ regionCode: '110000' })] }),
      list(3, { assignments: [assign({ tier: 'DISTRIBUTOR' })] }),
    ];
    expect(price(data({ lists: others }))).toBeNull();
    expect(mustPrice(data({ lists: [...others, list(4)] })).priceListId).toBe(4);
  });

  it('a list is as specific as its best matching assignment', () => {
    const mixed = list(1, {
      assignments: [assign({ accountId: 99 }), assign({ tier: 'RETAILER' }), assign({ accountId: 7 })],
    });
    const region = list(2, { priority: 50, assignments: [assign({ regionCode: '440304' })] });
    expect(mustPrice(data({ lists: [region, mixed] })).priceListId).toBe(1);
  });

  it('a buyer without a region matches no region assignment', () => {
    const noRegion: BuyerFacts = { ...BUYER, regionCode: null };
    const byRegion = list(1, { assignments: [assign({ regionCode: '440000' })] });
    expect(price(data({ lists: [byRegion] }), { buyer: noRegion })).toBeNull();
    expect(mustPrice(data({ lists: [byRegion, list(2)] }), { buyer: noRegion }).priceListId).toBe(2);
  });

  it('a more specific region beats a broader one', () => {
    const province = list(1, { priority: 10, assignments: [assign({ regionCode: '440000' })] });
    const prefecture = list(2, { priority: 5, assignments: [assign({ regionCode: '440300' })] });
    const county = list(3, { priority: 0, assignments: [assign({ regionCode: '440304' })] });
    expect(mustPrice(data({ lists: [province, prefecture] })).priceListId).toBe(2);
    expect(mustPrice(data({ lists: [province, prefecture, county] })).priceListId).toBe(3);
  });

  it('a combined assignment must match on every field and ranks by its most specific one', () => {
    const tierAndRegion = list(1, { assignments: [assign({ tier: 'RETAILER', regionCode: '440300' })] });
    const broaderRegion = list(2, { priority: 10, assignments: [assign({ regionCode: '440000' })] });
    const tierOnly = list(3, { priority: 20, assignments: [assign({ tier: 'RETAILER' })] });
    expect(mustPrice(data({ lists: [broaderRegion, tierOnly, tierAndRegion] })).priceListId).toBe(1);

    const wrongTier = list(4, {
      priority: 99,
      assignments: [assign({ accountId: BUYER.accountId, tier: 'DISTRIBUTOR' })],
    });
    expect(mustPrice(data({ lists: [wrongTier, tierOnly] })).priceListId).toBe(3);
  });

  it('equally specific lists: higher priority wins, then lower id', () => {
    const tier = (id: number, priority: number): PriceListFacts =>
      list(id, { priority, assignments: [assign({ tier: 'RETAILER' })] });
    expect(mustPrice(data({ lists: [tier(1, 1), tier(2, 5), tier(3, 3)] })).priceListId).toBe(2);
    expect(mustPrice(data({ lists: [tier(9, 5), tier(4, 5), tier(6, 5)] })).priceListId).toBe(4);
  });

  it('expired and not-yet-valid lists are ignored; validTo is exclusive', () => {
    const specific = { assignments: [assign({ accountId: BUYER.accountId })] };
    const expired = list(1, { ...specific, validTo: day(10) });
    const future = list(2, { ...specific, validFrom: new Date(day(10).getTime() + 1) });
    const fallback = list(3);
    expect(mustPrice(data({ lists: [expired, future, fallback] }), { at: day(10) }).priceListId).toBe(3);
    // Just before the end and exactly at the start both count.
    expect(mustPrice(data({ lists: [expired, fallback] }), { at: new Date(day(10).getTime() - 1) }).priceListId).toBe(
      1,
    );
    expect(
      mustPrice(data({ lists: [list(4, { ...specific, validFrom: day(10) }), fallback] }), { at: day(10) }).priceListId,
    ).toBe(4);
  });

  it('falls back to a less specific list when the specific one has no applicable entry', () => {
    const bulkOnly = list(1, { assignments: [assign({ accountId: BUYER.accountId })], entries: [entry(500, 10)] });
    const otherVariant = list(2, { assignments: [assign({ regionCode: '440300' })], entries: [entry(600, 1, 2)] });
    const fallback = list(3, { entries: [entry(1000)] });
    const d = data({ lists: [bulkOnly, otherVariant, fallback] });
    expect(mustPrice(d, { quantity: 5 })).toMatchObject({ priceListId: 3, amount: 1000n });
    expect(mustPrice(d, { quantity: 10 })).toMatchObject({ priceListId: 1, amount: 500n });
  });
});

describe('not purchasable', () => {
  it('no list, no entry for the variant, or no entry for so few: null', () => {
    expect(price(data({}))).toBeNull();
    expect(price(data({ lists: [list(1, { entries: [entry(100, 1, 2)] })] }))).toBeNull();
    expect(price(data({ lists: [list(1, { entries: [entry(100, 5)] })] }), { quantity: 4 })).toBeNull();
  });

  it('a quantity below 1 (or not whole) is invalid', () => {
    const d = data({ lists: [list(1)] });
    expect(price(d, { quantity: 0 })).toBeNull();
    expect(price(d, { quantity: -3 })).toBeNull();
    expect(price(d, { quantity: 1.5 })).toBeNull();
    expect(price(d, { quantity: Number.NaN })).toBeNull();
  });
});

describe('quantity breaks', () => {
  const d = data({ lists: [list(1, { entries: [entry(800, 50), entry(1000, 1), entry(900, 10)] })] });

  it('below the first break: the base price, no break step', () => {
    const r = mustPrice(d, { quantity: 9 });
    expect(r.listPrice).toBe(1000n);
    expect(r.steps.map((s) => s.kind)).toEqual(['LIST']);
  });

  it('at or past a break: the largest break that applies, as a change from the base', () => {
    expect(mustPrice(d, { quantity: 10 }).steps).toEqual([
      { kind: 'LIST', description: 'List "L1"', amount: 1000n },
      { kind: 'QUANTITY_BREAK', description: 'Quantity break at 10+', amount: -100n },
    ]);
    const r = mustPrice(d, { quantity: 100 });
    expect(r).toMatchObject({ listPrice: 800n, amount: 800n, quantity: 100 });
    expect(r.steps[1]).toEqual({ kind: 'QUANTITY_BREAK', description: 'Quantity break at 50+', amount: -200n });
  });

  it('the base is the smallest minQuantity even when it is above 1', () => {
    const r = mustPrice(data({ lists: [list(1, { entries: [entry(700, 20), entry(1000, 5)] })] }), { quantity: 25 });
    expect(r.steps.map((s) => s.amount)).toEqual([1000n, -300n]);
  });
});

describe('promotions', () => {
  const base = (p: PromotionFacts[], listPrice = 1000): PricingData =>
    data({ lists: [list(1, { entries: [entry(listPrice)] })], promotions: p });

  it('percent off rounds half up', () => {
    expect(mustPrice(base([promo(1, { value: 1000n })], 1005)).amount).toBe(904n); // 100.5 -> 101
    expect(mustPrice(base([promo(1, { value: 1000n })], 1004)).amount).toBe(904n); // 100.4 -> 100
    expect(mustPrice(base([promo(1, { value: 1500n })], 1010)).amount).toBe(858n); // 151.5 -> 152
  });

  it('amount off is capped at the price', () => {
    const r = mustPrice(base([promo(1, { kind: 'AMOUNT_OFF', value: 800n, name: 'Clearance' })], 500));
    expect(r.amount).toBe(0n);
    expect(r.steps[1]).toEqual({ kind: 'PROMOTION', description: 'Promotion "Clearance" 8.00 off', amount: -500n });
  });

  it('percent over 100% is capped too', () => {
    expect(mustPrice(base([promo(1, { value: 15_000n })])).amount).toBe(0n);
  });

  it('describes itself with its name and value', () => {
    const r = mustPrice(base([promo(1, { name: 'Spring sale', value: 1000n })]));
    expect(r.steps[1]).toEqual({ kind: 'PROMOTION', description: 'Promotion "Spring sale" 10% off', amount: -100n });
    expect(mustPrice(base([promo(1, { name: 'Odd', value: 1250n })])).steps[1].description).toBe(
      'Promotion "Odd" 12.5% off',
    );
  });

  it('only the best single non-stackable promotion applies; ties go to the lower id', () => {
    const r = mustPrice(
      base([promo(3, { value: 1000n }), promo(2, { kind: 'AMOUNT_OFF', value: 150n }), promo(4, { value: 500n })]),
    );
    expect(r).toMatchObject({ amount: 850n, promotionIds: [2] });
    const tie = mustPrice(base([promo(9, { value: 1000n }), promo(5, { kind: 'AMOUNT_OFF', value: 100n })]));
    expect(tie.promotionIds).toEqual([5]);
  });

  it('stackables all apply after the best non-stackable, in id order, each on the price left', () => {
    const r = mustPrice(
      base([
        promo(5, { stackable: true, value: 1000n }),
        promo(8, { value: 1000n }),
        promo(3, { stackable: true, kind: 'AMOUNT_OFF', value: 50n }),
      ]),
    );
    // 1000 -10% = 900; -50 = 850; -10% of 850 = 765
    expect(r.promotionIds).toEqual([8, 3, 5]);
    expect(r.steps.map((s) => s.amount)).toEqual([1000n, -100n, -50n, -85n]);
    expect(r.amount).toBe(765n);
  });

  it('stackables alone apply without a non-stackable', () => {
    const r = mustPrice(
      base([promo(2, { stackable: true, value: 1000n }), promo(1, { stackable: true, value: 1000n })]),
    );
    expect(r).toMatchObject({ amount: 810n, promotionIds: [1, 2] });
  });

  it('zero discounts are not recorded', () => {
    const r = mustPrice(base([promo(1, { value: 0n }), promo(2, { stackable: true, kind: 'AMOUNT_OFF', value: 0n })]));
    expect(r.steps).toHaveLength(1);
    expect(r.promotionIds).toEqual([]);
    const free = mustPrice(base([promo(1, { kind: 'AMOUNT_OFF', value: 100n }), promo(2, { stackable: true })], 100));
    expect(free.promotionIds).toEqual([1]); // the stackable one has nothing left to take
  });

  it('expired and not-yet-valid promotions are ignored; validTo is exclusive', () => {
    const d = base([promo(1, { validTo: AT }), promo(2, { validFrom: new Date(AT.getTime() + 1), value: 5000n })]);
    expect(mustPrice(d).promotionIds).toEqual([]);
    expect(mustPrice(d, { at: new Date(AT.getTime() - 1) }).promotionIds).toEqual([1]);
  });

  it('matches the buyer by tier, region (containment) and account; empty means any', () => {
    const keep = (p: Partial<PromotionFacts>): number[] => mustPrice(base([promo(1, p)])).promotionIds;
    expect(keep({ tiers: ['RETAILER'] })).toEqual([1]);
    expect(keep({ tiers: ['DISTRIBUTOR'] })).toEqual([]);
    expect(keep({ regionCodes: ['110000', '440300'] })).toEqual([1]);
    expect(keep({ regionCodes: ['440305'] })).toEqual([]);
    expect(keep({ accountIds: [7] })).toEqual([1]);
    expect(keep({ accountIds: [8] })).toEqual([]);
    const noRegion = mustPrice(base([promo(1, { regionCodes: ['440000'] })]), {
      buyer: { ...BUYER, regionCode: null },
    });
    expect(noRegion.promotionIds).toEqual([]);
  });

  it('matches the variant by id or category; naming both accepts either', () => {
    const keep = (p: Partial<PromotionFacts>, variant: VariantFacts = VARIANT): number[] =>
      mustPrice(base([promo(1, p)]), { variant }).promotionIds;
    expect(keep({ variantIds: [1] })).toEqual([1]);
    expect(keep({ variantIds: [2] })).toEqual([]);
    expect(keep({ categoryIds: [20] })).toEqual([1]);
    expect(keep({ categoryIds: [21] })).toEqual([]);
    expect(keep({ variantIds: [2], categoryIds: [20] })).toEqual([1]);
    expect(keep({ variantIds: [1], categoryIds: [21] })).toEqual([1]);
    expect(keep({ variantIds: [2], categoryIds: [21] })).toEqual([]);
    expect(keep({ categoryIds: [20] }, { ...VARIANT, categoryId: null })).toEqual([]);
  });
});

describe('floor', () => {
  it('raises a promoted price to the floor and says so', () => {
    const r = mustPrice(data({ lists: [list(1)], promotions: [promo(1, { value: 5000n })], floors: [[1, 700]] }));
    expect(r).toMatchObject({ amount: 700n, listPrice: 1000n, floorApplied: true });
    expect(r.steps.at(-1)).toEqual({ kind: 'FLOOR', description: 'Price floor', amount: 200n });
  });

  it('does nothing when the price is at or above the floor', () => {
    const r = mustPrice(data({ lists: [list(1)], promotions: [promo(1, { value: 3000n })], floors: [[1, 700]] }));
    expect(r).toMatchObject({ amount: 700n, floorApplied: false });
    expect(r.steps.map((s) => s.kind)).toEqual(['LIST', 'PROMOTION']);
  });

  it('lifts a list price that is itself below the floor', () => {
    const r = mustPrice(data({ lists: [list(1, { entries: [entry(300)] })], floors: [[1, 400]] }));
    expect(r).toMatchObject({ amount: 400n, listPrice: 300n, floorApplied: true });
  });

  it("only the variant's own floor counts", () => {
    expect(mustPrice(data({ lists: [list(1)], floors: [[2, 5000]] })).floorApplied).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// Property tests. The worlds are small (few accounts, regions, variants, days)
// so random lists and promotions actually collide with the buyer.

const RUNS = { numRuns: 300 };
const TIERS: Tier[] = ['BRAND', 'GENERAL_AGENT', 'DISTRIBUTOR', 'RETAILER'];
const REGIONS = ['440000', '440300', '440304', '440305', '441900', '110000', '110100', '110101'];
const BUYER_REGIONS = ['440304', '440305', '440300', '441900', '110101'];
const ACCOUNTS = [1, 2, 3, 4];
const VARIANTS = [1, 2];
const CATEGORIES = [10, 11];

const tierArb = fc.constantFrom(...TIERS);
/** Day boundaries on a whole-day grid, `at` on an hour grid: sometimes exactly on a boundary. */
const boundaryArb = fc.option(fc.integer({ min: 0, max: 20 }).map(day), { nil: null, freq: 2 });
const atArb = fc.integer({ min: 0, max: 20 * 24 }).map((h) => new Date(BASE + h * HOUR));
const priceArb = fc.bigInt({ min: 0n, max: 10_000n });

/** Mostly empty ("any" / unassigned), so restrictions do not make every list and promotion miss the buyer. */
function restrictionArb<T>(arb: fc.Arbitrary<T[]>): fc.Arbitrary<T[]> {
  return fc.oneof({ weight: 2, arbitrary: fc.constant<T[]>([]) }, { weight: 1, arbitrary: arb });
}

const assignmentArb: fc.Arbitrary<AssignmentFacts> = fc.record({
  accountId: fc.option(fc.constantFrom(...ACCOUNTS), { nil: null, freq: 2 }),
  regionCode: fc.option(fc.constantFrom(...REGIONS), { nil: null, freq: 2 }),
  tier: fc.option(tierArb, { nil: null, freq: 2 }),
});

const entryArb: fc.Arbitrary<Entry> = fc.record({
  variantId: fc.constantFrom(...VARIANTS),
  minQuantity: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 30 })),
  price: priceArb,
});

const listArb: fc.Arbitrary<PriceListFacts> = fc.record({
  id: fc.integer({ min: 1, max: 50 }),
  name: fc.constantFrom('Retail', 'Wholesale', 'Promo'),
  priority: fc.integer({ min: -5, max: 5 }),
  validFrom: boundaryArb,
  validTo: boundaryArb,
  assignments: restrictionArb(fc.array(assignmentArb, { minLength: 1, maxLength: 3 })),
  entries: fc.array(entryArb, { maxLength: 6 }),
});

const promotionArb: fc.Arbitrary<PromotionFacts> = fc
  .record({
    id: fc.integer({ min: 1, max: 50 }),
    name: fc.constantFrom('Spring', 'Clearance', 'Loyalty'),
    kind: fc.constantFrom<PromotionFacts['kind']>('PERCENT_OFF', 'AMOUNT_OFF'),
    percent: fc.bigInt({ min: 0n, max: 12_000n }),
    amountOff: fc.bigInt({ min: 0n, max: 4_000n }),
    validFrom: boundaryArb,
    validTo: boundaryArb,
    stackable: fc.boolean(),
    tiers: restrictionArb(fc.subarray(TIERS, { minLength: 1, maxLength: 2 })),
    regionCodes: restrictionArb(fc.subarray(REGIONS, { minLength: 1, maxLength: 2 })),
    accountIds: restrictionArb(fc.subarray(ACCOUNTS, { minLength: 1, maxLength: 2 })),
    variantIds: restrictionArb(fc.subarray(VARIANTS, { minLength: 1, maxLength: 1 })),
    categoryIds: restrictionArb(fc.subarray(CATEGORIES, { minLength: 1, maxLength: 1 })),
  })
  .map(({ percent, amountOff, ...p }) => ({ ...p, value: p.kind === 'PERCENT_OFF' ? percent : amountOff }));

const floorsArb = fc
  .tuple(...VARIANTS.map(() => fc.option(fc.bigInt({ min: 0n, max: 6_000n }), { nil: null })))
  .map((fs) => new Map(fs.flatMap((f, i) => (f == null ? [] : [[VARIANTS[i], f] as [number, bigint]]))));

const dataArb: fc.Arbitrary<PricingData> = fc.record({
  lists: fc.uniqueArray(listArb, { selector: (l) => l.id, minLength: 1, maxLength: 6 }),
  promotions: fc.uniqueArray(promotionArb, { selector: (p) => p.id, maxLength: 5 }),
  floors: floorsArb,
});

interface Scenario {
  buyer: BuyerFacts;
  variant: VariantFacts;
  quantity: number;
  at: Date;
  data: PricingData;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  buyer: fc.record({
    accountId: fc.constantFrom(...ACCOUNTS),
    tier: tierArb,
    regionCode: fc.option(fc.constantFrom(...BUYER_REGIONS), { nil: null, freq: 5 }),
  }),
  variant: fc.record({
    variantId: fc.constantFrom(...VARIANTS),
    sku: fc.constant('SKU'),
    categoryId: fc.option(fc.constantFrom(...CATEGORIES), { nil: null }),
  }),
  quantity: fc.integer({ min: 1, max: 40 }),
  at: atArb,
  data: dataArb,
});

function run(s: Scenario, d: PricingData = s.data): PriceResult | null {
  return resolvePrice(s.buyer, s.variant, s.quantity, s.at, d);
}

function insertAt<T>(items: readonly T[], item: T, position: number): T[] {
  const i = position % (items.length + 1);
  return [...items.slice(0, i), item, ...items.slice(i)];
}

const sum = (xs: bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

/** A window that excludes `at`: ended at or before it, or starting after it. */
const inactiveWindowArb = fc.record({
  ended: fc.boolean(),
  offset: fc.integer({ min: 0, max: 100 * HOUR }),
  span: fc.option(fc.integer({ min: 0, max: 100 * HOUR }), { nil: null }),
});

function inactiveWindow(
  at: Date,
  w: { ended: boolean; offset: number; span: number | null },
): Pick<PriceListFacts, 'validFrom' | 'validTo'> {
  const t = at.getTime();
  if (w.ended) {
    const to = t - w.offset;
    return { validFrom: w.span == null ? null : new Date(to - w.span), validTo: new Date(to) };
  }
  const from = t + w.offset + 1;
  return { validFrom: new Date(from), validTo: w.span == null ? null : new Date(from + w.span) };
}

describe('properties', () => {
  it('(a) the price is never below the floor', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = run(s);
        const floor = s.data.floors.get(s.variant.variantId);
        if (r && floor != null) expect(r.amount >= floor).toBe(true);
      }),
      RUNS,
    );
  });

  it('(b) the steps add up to the amount, and LIST + QUANTITY_BREAK to the list price', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = run(s);
        if (!r) return;
        expect(sum(r.steps.map((st) => st.amount))).toBe(r.amount);
        expect(
          sum(r.steps.filter((st) => st.kind === 'LIST' || st.kind === 'QUANTITY_BREAK').map((st) => st.amount)),
        ).toBe(r.listPrice);
        expect(r.steps[0].kind).toBe('LIST');
        expect(r.steps.filter((st) => st.kind === 'PROMOTION')).toHaveLength(r.promotionIds.length);
        expect(r.steps.some((st) => st.kind === 'FLOOR')).toBe(r.floorApplied);
      }),
      RUNS,
    );
  });

  it('(c) an inactive list never changes the result, however tempting', () => {
    fc.assert(
      fc.property(scenarioArb, listArb, inactiveWindowArb, fc.nat(), (s, l, w, pos) => {
        // Assigned to the buyer's account with a free entry: it would win if it were considered.
        const tempting: PriceListFacts = {
          ...l,
          ...inactiveWindow(s.at, w),
          id: 0,
          priority: 100,
          assignments: [...l.assignments, assign({ accountId: s.buyer.accountId })],
          entries: [...l.entries, { variantId: s.variant.variantId, minQuantity: 1, price: 0n }],
        };
        const withIt = { ...s.data, lists: insertAt(s.data.lists, tempting, pos) };
        expect(run(s, withIt)).toEqual(run(s));
      }),
      RUNS,
    );
  });

  it('(c) an inactive promotion never changes the result, however tempting', () => {
    fc.assert(
      fc.property(scenarioArb, promotionArb, inactiveWindowArb, fc.nat(), (s, p, w, pos) => {
        const tempting: PromotionFacts = {
          ...p,
          ...inactiveWindow(s.at, w),
          id: 0,
          tiers: [],
          regionCodes: [],
          accountIds: [],
          variantIds: [],
          categoryIds: [],
        };
        const withIt = { ...s.data, promotions: insertAt(s.data.promotions, tempting, pos) };
        expect(run(s, withIt)).toEqual(run(s));
      }),
      RUNS,
    );
  });

  it("(d) an active list assigned to the buyer's account with an applicable entry always wins", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        listArb,
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.nat(),
        (s, l, priority, minQuantity, withTier, pos) => {
          // Other lists for the same account would compete on priority, so this world has none.
          const others = s.data.lists.filter((o) => !o.assignments.some((a) => a.accountId === s.buyer.accountId));
          const id = 1000; // the highest id, so a tie-break never helps it
          const mine: PriceListFacts = {
            ...l,
            id,
            priority,
            validFrom: null,
            validTo: null,
            assignments: [
              ...l.assignments,
              assign({ accountId: s.buyer.accountId, tier: withTier ? s.buyer.tier : null }),
            ],
            entries: [
              ...l.entries,
              { variantId: s.variant.variantId, minQuantity: Math.min(minQuantity, s.quantity), price: 1n },
            ],
          };
          const r = run(s, { ...s.data, lists: insertAt(others, mine, pos) });
          expect(r?.priceListId).toBe(id);
        },
      ),
      RUNS,
    );
  });

  it('(e) the amount is never negative and never above the list price unless the floor lifted it', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = run(s);
        if (!r) return;
        expect(r.amount >= 0n).toBe(true);
        if (!r.floorApplied) expect(r.amount <= r.listPrice).toBe(true);
      }),
      RUNS,
    );
  });

  it('the winning list is active and its largest applicable entry gives the list price', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = run(s);
        if (!r) return;
        const winner = s.data.lists.find((l) => l.id === r.priceListId);
        expect(winner && isActive(winner, s.at)).toBe(true);
        const applicable = winner!.entries.filter(
          (e) => e.variantId === s.variant.variantId && e.minQuantity <= s.quantity,
        );
        const largest = Math.max(...applicable.map((e) => e.minQuantity));
        expect(applicable.filter((e) => e.minQuantity === largest).map((e) => e.price)).toContain(r.listPrice);
      }),
      RUNS,
    );
  });

  it('the order in which lists and promotions are loaded does not matter', () => {
    const shuffled = scenarioArb.chain((s) =>
      fc.tuple(
        fc.constant(s),
        fc.shuffledSubarray(s.data.lists, { minLength: s.data.lists.length }),
        fc.shuffledSubarray(s.data.promotions, { minLength: s.data.promotions.length }),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([s, lists, promotions]) => {
        expect(run(s, { ...s.data, lists, promotions })).toEqual(run(s));
      }),
      RUNS,
    );
  });
});
