import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, type OrdersWorld } from './support/orders-world.js';
import { variantIds, warehouseKey, writeHistory, type PastOrder } from './support/history.js';
import {
  DemandForecastDocument,
  ReplenishmentSuggestionsDocument,
  SetStockLevelsDocument,
  type DemandForecastInput,
} from './generated/graphql.js';
import { demandForecast } from '../src/modules/analytics/forecast/index.js';
import { dailyDemandFromForecast, replenish } from '../src/modules/analytics/replenishment.js';

/**
 * demandForecast and replenishmentSuggestions over two years of weekly
 * orders written in bulk (as the demo seed writes its history): R1a and R1b
 * (D1's retailers, shipped from D1's depot) buy filters (B1) every Tuesday
 * with a yearly season; R2 (D2's) buys B1 too, from the brand's warehouse.
 */
let app: TestApp;
let w: World;
let ow: OrdersWorld;
const NOW = new Date('2026-06-17T04:00:00Z'); // a Wednesday
const WEEK = 7 * 86_400_000;
const FIRST_TUESDAY = Date.parse('2024-06-18T02:00:00Z');
const WEEKS = 104;
/** Units of B1 per week for a retailer: a yearly season around 60, multiples of 6 (the order increment). */
const units = (k: number, phase: number) =>
  6 * Math.max(1, Math.round(10 + 4 * Math.sin((2 * Math.PI * (k + phase)) / 52) + ((k * 7 + phase) % 3) - 1));
const weekStart = (k: number) =>
  new Date(FIRST_TUESDAY - 86_400_000 - 2 * 3_600_000 + k * WEEK).toISOString().slice(0, 10); // Monday

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
  const v = await variantIds(app.database.db);
  const history: PastOrder[] = [];
  for (let k = 0; k < WEEKS; k++) {
    const at = new Date(FIRST_TUESDAY + k * WEEK);
    history.push({
      at,
      buyerId: w.account('R1a').id,
      warehouseId: warehouseKey(ow.warehouse.D1),
      lines: [{ variantId: v.B1, sku: 'B1', quantity: units(k, 0), unitPrice: 7200n }],
    });
    history.push({
      at,
      buyerId: w.account('R1b').id,
      warehouseId: warehouseKey(ow.warehouse.D1),
      lines: [
        { variantId: v.B1, sku: 'B1', quantity: units(k, 13), unitPrice: 7200n },
        ...(k % 4 === 0 ? [{ variantId: v.A1, sku: 'A1', quantity: 1, unitPrice: 200_000n }] : []),
      ],
    });
    history.push({
      at,
      buyerId: w.account('R2').id,
      warehouseId: warehouseKey(ow.warehouse.BRAND),
      lines: [{ variantId: v.B1, sku: 'B1', quantity: 6, unitPrice: 8500n }],
    });
    // A2 sells now and then: five orders in two years.
    if (k % 20 === 10)
      history.push({
        at,
        buyerId: w.account('R1a').id,
        warehouseId: warehouseKey(ow.warehouse.D1),
        lines: [{ variantId: v.A2, sku: 'A2', quantity: 2, unitPrice: 260_000n }],
      });
  }
  await writeHistory(app.database.db, history);
  const stock = await app.gql(
    SetStockLevelsDocument,
    {
      input: [
        { warehouseId: ow.warehouse.D1, sku: 'B1', onHand: 90 },
        { warehouseId: ow.warehouse.D1, sku: 'A1', onHand: 40 },
        { warehouseId: ow.warehouse.D1, sku: 'A2', onHand: 1 },
      ],
    },
    await w.token('D1', 'ADMIN'),
  );
  expect(stock.data!.setStockLevels.userErrors).toEqual([]);
  app.clock.set(NOW);
}, 120_000);
afterAll(() => app?.close());

async function forecast(viewer: WorldKey, input: DemandForecastInput, role: 'ADMIN' | 'ANALYST' = 'ADMIN') {
  const res = await app.gql(DemandForecastDocument, { input }, await w.token(viewer, role));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.demandForecast;
}

describe('demandForecast', () => {
  it("takes the weekly history of the viewer's buyers from the rollup and forecasts it with the backtest's choice", async () => {
    const f = (await forecast('D1', { sku: 'B1', horizon: 8 }))!;
    const expected = Array.from({ length: WEEKS }, (_, k) => ({
      periodStart: weekStart(k),
      units: units(k, 0) + units(k, 13),
    }));
    expect(f.history).toEqual(expected);
    expect(f).toMatchObject({ variant: { sku: 'B1' }, granularity: 'WEEK', historyStatus: 'FULL', note: null });
    // The same series through the pure core gives the same answer: the service adds dates and scope, nothing else.
    const core = demandForecast(
      expected.map((p) => p.units),
      { seasonLength: 52, horizon: 8 },
    );
    expect(f.method).toBe(core.method);
    expect(f.backtest).toMatchObject({
      origins: core.backtest.origins,
      horizon: core.backtest.horizon,
      baselineMethod: 'SEASONAL_NAIVE',
      scale: 'SEASONAL_NAIVE',
    });
    expect(f.backtest.candidates.map((c) => c.method).sort()).toEqual([
      'HOLT_DAMPED',
      'HOLT_WINTERS',
      'NAIVE',
      'SEASONAL_NAIVE',
      'SES',
    ]);
    expect(f.backtest.mase).toBeCloseTo(Math.min(...f.backtest.candidates.map((c) => c.mase!)), 10);
    expect(f.points.map((p) => p.periodStart)).toEqual(
      Array.from({ length: 8 }, (_, k) => new Date(Date.parse('2026-06-15') + k * WEEK).toISOString().slice(0, 10)),
    );
    f.points.forEach((p, k) => {
      expect(p.units).toBeCloseTo(core.points[k].units, 6);
      expect(p.lower).toBeLessThanOrEqual(p.units);
      expect(p.upper).toBeGreaterThanOrEqual(p.units);
    });
  });

  it('monthly: months of history, the current month first in the forecast', async () => {
    const f = (await forecast('D1', { sku: 'B1', horizon: 3, granularity: 'MONTH' }))!;
    expect(f.history[0].periodStart).toBe('2024-06-01');
    expect(f.history.at(-1)!.periodStart).toBe('2026-05-01');
    const beforeJune = Array.from({ length: WEEKS }, (_, k) => k).filter(
      (k) => new Date(FIRST_TUESDAY + k * WEEK).toISOString() < '2026-06-01',
    );
    expect(f.history.reduce((sum, p) => sum + p.units, 0)).toBe(
      beforeJune.reduce((sum, k) => sum + units(k, 0) + units(k, 13), 0),
    );
    expect(f.points.map((p) => p.periodStart)).toEqual(['2026-06-01', '2026-07-01', '2026-08-01']);
  });

  it('is scoped: a subtree (V1), a region, a buyer tier; a sibling or an unknown account is null', async () => {
    const r1b = (await forecast('D1', { sku: 'B1', horizon: 4, regionCode: '440305' }))!;
    expect(r1b.history.map((p) => p.units)).toEqual(Array.from({ length: WEEKS }, (_, k) => units(k, 13)));
    const brand = (await forecast('BRAND', { sku: 'B1', horizon: 4, buyerTier: 'RETAILER' }))!;
    expect(brand.history.map((p) => p.units)).toEqual(
      Array.from({ length: WEEKS }, (_, k) => units(k, 0) + units(k, 13) + 6),
    );
    const s = (await forecast('S', { sku: 'B1', horizon: 4, accountId: w.id('D2') }))!;
    expect(s.history.map((p) => p.units)).toEqual(Array.from({ length: WEEKS }, () => 6));
    // The brand's direct buyers (agents) bought no filters here: an empty history, said so.
    const agents = (await forecast('BRAND', { sku: 'B1', horizon: 4 }))!;
    expect(agents).toMatchObject({ history: [], historyStatus: 'VERY_SHORT', backtest: { origins: 0, mase: null } });
    expect(agents.note).toMatch(/too few to backtest/);
    expect(await forecast('D2', { sku: 'B1', horizon: 4, accountId: w.id('D1') })).toBeNull();
    expect(await forecast('D1', { sku: 'B1', horizon: 4, accountId: 'nope' })).toBeNull();
  });

  it("is null for a sku outside the viewer's catalog (V2), and for one that does not exist", async () => {
    // E offers A1 and B1 only: its distributor cannot see A2.
    expect(await forecast('D3', { sku: 'A2', horizon: 4 })).toBeNull();
    expect(await forecast('D1', { sku: 'NOPE', horizon: 4 })).toBeNull();
  });

  it('says so when the history is short: seasonal methods step aside', async () => {
    app.clock.set(new Date('2025-03-19T04:00:00Z')); // 39 weeks after the first order
    try {
      const f = (await forecast('D1', { sku: 'B1', horizon: 4 }))!;
      expect(f.history).toHaveLength(39);
      expect(f.historyStatus).toBe('SHORT');
      expect(f.backtest.baselineMethod).toBe('NAIVE');
      expect(f.backtest.candidates.map((c) => c.method)).not.toContain('HOLT_WINTERS');
      expect(f.note).toMatch(/under two seasons/);
    } finally {
      app.clock.set(NOW);
    }
  });

  it.each([
    [{ sku: 'B1', horizon: 27 }],
    [{ sku: 'B1', horizon: 0 }],
    [{ sku: 'B1', horizon: 13, granularity: 'MONTH' }],
    [{ sku: 'B1', horizon: 4, regionCode: '12345' }],
    [{ sku: 'x'.repeat(65), horizon: 4 }],
  ] as [DemandForecastInput][])('refuses %j with BAD_USER_INPUT', async (input) => {
    expect(codes(await app.gql(DemandForecastDocument, { input }, await w.token('D1', 'ANALYST')))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('replenishmentSuggestions', () => {
  const weekly = (phase: number) => Array.from({ length: WEEKS }, (_, k) => units(k, 0) + units(k, phase));

  it('plans each sku of the warehouse from the demand routed to it, the DESIGN formula, most urgent first', async () => {
    const res = await app.gql(
      ReplenishmentSuggestionsDocument,
      { input: { warehouseId: ow.warehouse.D1 } },
      await w.token('D1', 'ADMIN'),
    );
    expect(res.errors).toBeUndefined();
    const list = res.data!.replenishmentSuggestions;
    expect(list.map((s) => s.variant.sku)).toEqual(['B1', 'A2', 'A1']);
    const b1 = list[0];
    // B1: the weekly series the depot shipped (R1a + R1b), forecast over 7 + 30 days, z(0.95)·σ·√7.
    const f = demandForecast(weekly(13), { seasonLength: 52, horizon: 6, maxOrigins: 4 });
    const plan = replenish({
      onHand: 90,
      reserved: 0,
      demand: dailyDemandFromForecast(f, 7, 37),
      leadTimeDays: 7,
      coverDays: 30,
      serviceLevel: 0.95,
      minOrderQuantity: 6,
      orderIncrement: 6,
    });
    expect(b1).toMatchObject({
      onHand: 90,
      reserved: 0,
      safetyStock: plan.safetyStock,
      reorderPoint: plan.reorderPoint,
      suggestedQuantity: plan.suggestedQuantity,
      reason: plan.reason,
    });
    expect(b1.expectedDemand).toBeCloseTo(plan.expectedDemand, 6);
    expect(b1.suggestedQuantity % 6).toBe(0);
    expect(b1.suggestedQuantity).toBeGreaterThan(0);
    expect(b1.daysOfCover!).toBeLessThan(7);
    expect(b1.reason).toMatch(/^sells \d+ a week, \d+ days? of cover left, 7 days lead time/);
    // A1 sells one every four weeks and has 40: nothing to order yet, and it comes last.
    expect(list[2]).toMatchObject({ variant: { sku: 'A1' }, onHand: 40, suggestedQuantity: 0 });
  });

  it('takes an intermittent sku at its weekly mean and spread instead of a forecast', async () => {
    const list = (
      await app.gql(
        ReplenishmentSuggestionsDocument,
        { input: { warehouseId: ow.warehouse.D1 } },
        await w.token('D1', 'ADMIN'),
      )
    ).data!.replenishmentSuggestions;
    // A2: two units in weeks 10, 30, 50, 70, 90; its history starts at its first order (week 10).
    const weeks = Array.from({ length: WEEKS - 10 }, (_, i): number => ((i + 10) % 20 === 10 ? 2 : 0));
    const mean = weeks.reduce((a, b) => a + b, 0) / weeks.length;
    const sd = Math.sqrt(weeks.reduce((a, u) => a + (u - mean) ** 2, 0) / (weeks.length - 1));
    const plan = replenish({
      onHand: 1,
      reserved: 0,
      demand: { mean: mean / 7, sd: sd / Math.sqrt(7) },
      leadTimeDays: 7,
      coverDays: 30,
      serviceLevel: 0.95,
      minOrderQuantity: 1,
      orderIncrement: 1,
    });
    const a2 = list.find((s) => s.variant.sku === 'A2')!;
    expect(a2).toMatchObject({
      onHand: 1,
      safetyStock: plan.safetyStock,
      reorderPoint: plan.reorderPoint,
      suggestedQuantity: plan.suggestedQuantity,
      reason: plan.reason,
    });
    expect(a2.expectedDemand).toBeCloseTo(plan.expectedDemand, 6);
    expect(a2.suggestedQuantity).toBeGreaterThan(0);
  });

  it('takes lead time, cover and service level into account', async () => {
    const token = await w.token('D1', 'ANALYST');
    const base = (await app.gql(ReplenishmentSuggestionsDocument, { input: { warehouseId: ow.warehouse.D1 } }, token))
      .data!.replenishmentSuggestions[0];
    const longer = (
      await app.gql(
        ReplenishmentSuggestionsDocument,
        { input: { warehouseId: ow.warehouse.D1, leadTimeDays: 21, coverDays: 60, serviceLevel: 0.99 } },
        token,
      )
    ).data!.replenishmentSuggestions[0];
    expect(longer.safetyStock).toBeGreaterThan(base.safetyStock);
    expect(longer.reorderPoint).toBeGreaterThan(base.reorderPoint);
    expect(longer.suggestedQuantity).toBeGreaterThan(base.suggestedQuantity);
    expect(longer.expectedDemand).toBeGreaterThan(base.expectedDemand);
  });

  it("is for the warehouse owner's chain (V1): its ancestors see it, a sibling or a buyer gets nothing", async () => {
    const own = (
      await app.gql(
        ReplenishmentSuggestionsDocument,
        { input: { warehouseId: ow.warehouse.D1 } },
        await w.token('D1', 'ADMIN'),
      )
    ).data!.replenishmentSuggestions;
    const fromS = (
      await app.gql(
        ReplenishmentSuggestionsDocument,
        { input: { warehouseId: ow.warehouse.D1 } },
        await w.token('S', 'ADMIN'),
      )
    ).data!.replenishmentSuggestions;
    expect(fromS).toEqual(own);
    for (const [viewer, warehouse] of [
      ['D2', ow.warehouse.D1],
      ['D1', ow.warehouse.BRAND],
      ['D1', ow.warehouse.S],
      ['E', ow.warehouse.D1],
      ['D1', 'nope'],
    ] as const) {
      const res = await app.gql(
        ReplenishmentSuggestionsDocument,
        { input: { warehouseId: warehouse } },
        await w.token(viewer, 'ADMIN'),
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.replenishmentSuggestions, `${viewer}`).toEqual([]);
    }
    expect(
      codes(
        await app.gql(
          ReplenishmentSuggestionsDocument,
          { input: { warehouseId: ow.warehouse.D1 } },
          await w.token('D1', 'SERVICE'),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it.each([[{ serviceLevel: 0.3 }], [{ serviceLevel: 1 }], [{ leadTimeDays: -1 }], [{ coverDays: 366 }]])(
    'refuses %j with BAD_USER_INPUT',
    async (extra) => {
      const res = await app.gql(
        ReplenishmentSuggestionsDocument,
        { input: { warehouseId: ow.warehouse.D1, ...extra } },
        await w.token('D1', 'ADMIN'),
      );
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    },
  );
  // Forecasts are remembered by their series (forecast/memo.ts): a history that changes the same day must be answered afresh.
  it('answers from the history as it is now, not from a forecast remembered before an order was added', async () => {
    const ask = async () =>
      (
        await app.gql(
          ReplenishmentSuggestionsDocument,
          { input: { warehouseId: ow.warehouse.D1 } },
          await w.token('D1', 'ADMIN'),
        )
      ).data!.replenishmentSuggestions.find((s) => s.variant.sku === 'B1')!;
    const before = await ask();
    expect(await ask()).toEqual(before);
    const v = await variantIds(app.database.db);
    await writeHistory(app.database.db, [
      {
        at: new Date(FIRST_TUESDAY + 100 * WEEK),
        buyerId: w.account('R1a').id,
        warehouseId: warehouseKey(ow.warehouse.D1),
        lines: [{ variantId: v.B1, sku: 'B1', quantity: 600, unitPrice: 7200n }],
      },
    ]);
    const series = weekly(13).map((u, k) => (k === 100 ? u + 600 : u));
    const f = demandForecast(series, { seasonLength: 52, horizon: 6, maxOrigins: 4 });
    const plan = replenish({
      onHand: 90,
      reserved: 0,
      demand: dailyDemandFromForecast(f, 7, 37),
      leadTimeDays: 7,
      coverDays: 30,
      serviceLevel: 0.95,
      minOrderQuantity: 6,
      orderIncrement: 6,
    });
    const after = await ask();
    expect(after).toMatchObject({
      safetyStock: plan.safetyStock,
      reorderPoint: plan.reorderPoint,
      suggestedQuantity: plan.suggestedQuantity,
      reason: plan.reason,
    });
    expect(after.expectedDemand).toBeCloseTo(plan.expectedDemand, 6);
    expect(after.expectedDemand).not.toBeCloseTo(before.expectedDemand, 3);
  });
});
