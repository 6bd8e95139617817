import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  byUrgency,
  dailyDemandFromForecast,
  replenish,
  roundUpToOrderRules,
  type ReplenishmentFacts,
} from '../src/modules/analytics/replenishment.js';
import { normalQuantile } from '../src/modules/analytics/stats.js';

function facts(f: Partial<ReplenishmentFacts> = {}): ReplenishmentFacts {
  return {
    onHand: 150,
    reserved: 30,
    demand: { mean: 10, sd: 4 },
    leadTimeDays: 9,
    coverDays: 30,
    serviceLevel: 0.95,
    minOrderQuantity: 50,
    orderIncrement: 25,
    ...f,
  };
}

describe('normal quantile (simple-statistics)', () => {
  it('is the standard normal quantile to within 0.01 where service levels live', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 10);
    expect(Math.abs(normalQuantile(0.9) - 1.28155)).toBeLessThan(0.01);
    expect(Math.abs(normalQuantile(0.95) - 1.64485)).toBeLessThan(0.01);
    expect(Math.abs(normalQuantile(0.999) - 3.09023)).toBeLessThan(0.015);
    expect(normalQuantile(0.05)).toBeCloseTo(-normalQuantile(0.95), 10);
  });

  it('rejects what is not a probability', () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN]) expect(() => normalQuantile(p)).toThrow(RangeError);
  });
});

describe('order rules', () => {
  it.each([
    [0, 50, 25, 0],
    [-4, 50, 25, 0],
    [3, 50, 10, 50], // below the minimum: the minimum
    [3, 7, 5, 10], // the minimum, then up to a multiple of the increment (what placing an order accepts)
    [290, 50, 25, 300],
    [300, 50, 25, 300],
    [12.000000000001, 1, 1, 12], // float noise does not cost a unit
    [12.2, 1, 1, 13],
  ])('%d with minimum %d and increment %d → %d', (q, moq, inc, expected) => {
    expect(roundUpToOrderRules(q, moq, inc)).toBe(expected);
  });
});

describe('replenish: the DESIGN.md formula by hand', () => {
  it('μ 10/day, σ 4, L 9, cover 30, 95%: safety 20, reorder point 110, suggests 300', () => {
    // z(0.95) ≈ 1.645 → safety = 1.645 · 4 · √9 = 19.7 → 20 units.
    // reorder point = 10 · 9 + 20 = 110; available = 150 − 30 = 120.
    // need = 110 + 10 · 30 − 120 = 290 → minimum 50, multiples of 25 → 300.
    const p = replenish(facts());
    expect(p).toMatchObject({ onHand: 150, reserved: 30, safetyStock: 20, reorderPoint: 110, suggestedQuantity: 300 });
    expect(p.expectedDemand).toBeCloseTo(10 * (9 + 30), 10);
    expect(p.daysOfCover).toBeCloseTo(12, 10);
    expect(p.slackDays).toBeCloseTo(3, 10);
    expect(p.reason).toBe('sells 70 a week, 12 days of cover left, 9 days lead time');
  });

  it('enough stock: suggests nothing', () => {
    // need = 110 + 300 − (500 − 30) = −60 → 0.
    const p = replenish(facts({ onHand: 500 }));
    expect(p.suggestedQuantity).toBe(0);
    expect(p.daysOfCover).toBeCloseTo(47, 10);
  });

  it('at or below the reorder point the reason says so', () => {
    // available 100 ≤ reorder point 110.
    const p = replenish(facts({ onHand: 130 }));
    expect(p.reason).toBe('sells 70 a week, 10 days of cover left, 9 days lead time, below the reorder point of 110');
    expect(p.suggestedQuantity).toBe(325); // 110 + 300 − 100 = 310 → 325
  });

  it('reserved beyond stock: out of stock, and the deficit is ordered too', () => {
    // available = 10 − 15 = −5; need = 110 + 300 + 5 = 415 → 425.
    const p = replenish(facts({ onHand: 10, reserved: 15 }));
    expect(p.daysOfCover).toBe(0);
    expect(p.suggestedQuantity).toBe(425);
    expect(p.reason).toBe('sells 70 a week, out of stock with 5 reserved beyond it, 9 days lead time');
  });

  it('a certain demand (σ 0) needs no safety stock', () => {
    const p = replenish(
      facts({
        demand: { mean: 2, sd: 0 },
        leadTimeDays: 7,
        coverDays: 14,
        onHand: 20,
        reserved: 0,
        minOrderQuantity: 1,
        orderIncrement: 1,
      }),
    );
    // reorder point = 14, need = 14 + 28 − 20 = 22.
    expect(p).toMatchObject({ safetyStock: 0, reorderPoint: 14, suggestedQuantity: 22 });
    expect(p.reason).toBe('sells 14 a week, 10 days of cover left, 7 days lead time');
  });

  it('no demand: no cover figure, nothing to order', () => {
    const p = replenish(facts({ demand: { mean: 0, sd: 0 } }));
    expect(p).toMatchObject({
      daysOfCover: null,
      slackDays: null,
      suggestedQuantity: 0,
      safetyStock: 0,
      reorderPoint: 0,
    });
    expect(p.reason).toBe('no demand expected, 120 available, 9 days lead time');
  });

  it('a slow mover is described in tenths', () => {
    const p = replenish(facts({ demand: { mean: 0.1, sd: 0.2 }, onHand: 3, reserved: 0 }));
    expect(p.reason.startsWith('sells 0.7 a week, 30 days of cover left')).toBe(true);
  });

  it('a higher service level never lowers safety stock', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 0.998, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (sl, sd) => {
          const lo = replenish(facts({ serviceLevel: sl, demand: { mean: 5, sd } }));
          const hi = replenish(facts({ serviceLevel: Math.min(0.999, sl + 0.001), demand: { mean: 5, sd } }));
          expect(hi.safetyStock).toBeGreaterThanOrEqual(lo.safetyStock);
        },
      ),
    );
  });

  it('every suggestion is 0 or a quantity the order rules accept, and covers the need', () => {
    fc.assert(
      fc.property(
        fc.record({
          onHand: fc.nat({ max: 2000 }),
          reserved: fc.nat({ max: 500 }),
          mean: fc.double({ min: 0, max: 100, noNaN: true }),
          sd: fc.double({ min: 0, max: 100, noNaN: true }),
          lead: fc.integer({ min: 0, max: 60 }),
          cover: fc.integer({ min: 0, max: 90 }),
          moq: fc.integer({ min: 1, max: 100 }),
          inc: fc.integer({ min: 1, max: 24 }),
        }),
        (r) => {
          const p = replenish(
            facts({
              onHand: r.onHand,
              reserved: r.reserved,
              demand: { mean: r.mean, sd: r.sd },
              leadTimeDays: r.lead,
              coverDays: r.cover,
              minOrderQuantity: r.moq,
              orderIncrement: r.inc,
            }),
          );
          const need = p.reorderPoint + r.mean * r.cover - (r.onHand - r.reserved);
          if (p.suggestedQuantity > 0) {
            expect(p.suggestedQuantity).toBeGreaterThanOrEqual(r.moq);
            expect(p.suggestedQuantity % r.inc).toBe(0);
            expect(p.suggestedQuantity).toBeGreaterThanOrEqual(need - 1e-6);
          } else {
            expect(need).toBeLessThanOrEqual(1e-9);
          }
        },
      ),
    );
  });

  it('rejects a service level outside 0.5..0.999', () => {
    expect(() => replenish(facts({ serviceLevel: 0.4 }))).toThrow(RangeError);
    expect(() => replenish(facts({ serviceLevel: 1 }))).toThrow(RangeError);
  });
});

describe('daily demand from a forecast', () => {
  it('μ pro rata over the window, σ of a week spread over its days', () => {
    const forecast = {
      points: [
        { step: 1, units: 70, lower: 50, upper: 90 },
        { step: 2, units: 140, lower: 100, upper: 180 },
      ],
      stepSd: [14, 20],
    };
    // 10 days = week 1 (70) + 3/7 of week 2 (60) = 130 → 13 a day.
    const d = dailyDemandFromForecast(forecast, 7, 10);
    expect(d.mean).toBeCloseTo(13, 10);
    expect(d.sd).toBeCloseTo(14 / Math.sqrt(7), 10);
    // Beyond the horizon the last period repeats: 21 days = 70 + 140 + 140.
    expect(dailyDemandFromForecast(forecast, 7, 21).mean).toBeCloseTo(350 / 21, 10);
  });

  it('no forecast, no demand', () => {
    expect(dailyDemandFromForecast({ points: [], stepSd: [] }, 7, 30)).toEqual({ mean: 0, sd: 0 });
  });
});

describe('urgency', () => {
  it('the shelf that empties before an order could arrive comes first; no demand last', () => {
    const soon = replenish(facts({ onHand: 60, reserved: 0 })); // 6 days of cover, 9 lead: slack −3
    const later = replenish(facts({ onHand: 200, reserved: 0 })); // 20 days: slack 11
    const idle = replenish(facts({ demand: { mean: 0, sd: 0 } }));
    const same = replenish(facts({ onHand: 200, reserved: 0, minOrderQuantity: 400 })); // slack 11, larger order
    const sorted = [idle, later, same, soon].sort(byUrgency);
    expect(sorted).toEqual([soon, same, later, idle]);
  });
});
