import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backtestPlanFor,
  demandForecast,
  runBacktest,
  VERY_SHORT_BELOW,
} from '../src/modules/analytics/forecast/index.js';
import type { Candidate, DemandForecastResult } from '../src/modules/analytics/forecast/index.js';
import { planBacktest } from '../src/modules/analytics/forecast/backtest.js';
import { levelAndTrend, seasonalIndices } from '../src/modules/analytics/forecast/init.js';
import { naiveScale, smapeTerm } from '../src/modules/analytics/forecast/metrics.js';
import { minimise } from '../src/modules/analytics/forecast/optimise.js';
import { fitHoltWinters, fitSes } from '../src/modules/analytics/forecast/smoothing.js';
import { fitSeasonalNaive } from '../src/modules/analytics/forecast/methods.js';
import { demandSeries, normal, rng } from './support/series.js';

const WEEKLY = { seasonLength: 52, horizon: 13 };

/** A forecaster that knows the truth: the series' real mean, flat. Nothing honest can beat it on white noise. */
const oracle = (mu: number): Candidate => ({
  method: 'NAIVE',
  fit: () => ({ method: 'NAIVE', parameters: {}, forecast: (h) => new Array<number>(h).fill(mu) }),
});

function whiteNoise(seed: number, length: number, mu = 100, sd = 15): number[] {
  const z = normal(rng(seed));
  return Array.from({ length }, () => Math.max(0, Math.round(mu + sd * z())));
}

function seasonal(seed: number, length: number): number[] {
  return demandSeries({ length, seasonLength: 52, level: 120, trend: 0.4, seasonAmplitude: 40, noiseSd: 12, seed });
}

function expectWellFormed(r: DemandForecastResult, h: number): void {
  expect(r.points).toHaveLength(h);
  expect(r.stepSd).toHaveLength(h);
  r.points.forEach((p, k) => {
    expect(p.step).toBe(k + 1);
    for (const v of [p.units, p.lower, p.upper]) expect(Number.isFinite(v)).toBe(true);
    expect(p.lower).toBeGreaterThanOrEqual(0);
    expect(p.lower).toBeLessThanOrEqual(p.units);
    expect(p.units).toBeLessThanOrEqual(p.upper);
  });
  for (let k = 1; k < h; k++) expect(r.stepSd[k]).toBeGreaterThanOrEqual(r.stepSd[k - 1]);
}

describe('building blocks', () => {
  it('Nelder–Mead finds the minimum of the Rosenbrock valley', () => {
    const r = minimise(([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1], {
      maxEvaluations: 2000,
      tolerance: 1e-14,
    });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  it('classical decomposition recovers an additive season under a trend', () => {
    const m = 12;
    const pattern = [5, 3, -2, -6, -4, 0, 2, 7, 4, -1, -5, -3]; // sums to 0
    const y = Array.from({ length: 36 }, (_, t) => 50 + 0.8 * t + pattern[t % m]);
    const s = seasonalIndices(y, m);
    s.forEach((v, j) => expect(v).toBeCloseTo(pattern[j], 6));
    const { level, trend } = levelAndTrend(y, s);
    expect(trend).toBeCloseTo(0.8, 6);
    expect(level + trend).toBeCloseTo(50, 6); // the first one-step prediction lands on the line at t = 0
  });

  it('with one season and a bit, the season is still found (the trend taken from same-position differences)', () => {
    const m = 12;
    const pattern = [5, 3, -2, -6, -4, 0, 2, 7, 4, -1, -5, -3];
    const y = Array.from({ length: 16 }, (_, t) => 50 + 0.8 * t + pattern[t % m]);
    seasonalIndices(y, m).forEach((v, j) => expect(v).toBeCloseTo(pattern[j], 6));
  });

  it('Holt–Winters continues a noise-free seasonal trend almost exactly', () => {
    const m = 12;
    const truth = (t: number) => 200 + 2 * t + 30 * Math.sin((2 * Math.PI * t) / m);
    const y = Array.from({ length: 48 }, (_, t) => truth(t));
    const f = fitHoltWinters(y, m).forecast(12);
    f.forEach((v, k) => expect(Math.abs(v - truth(48 + k))).toBeLessThan(0.03 * truth(48 + k)));
  });

  it('SES on a constant series forecasts the constant', () => {
    expect(
      fitSes([7, 7, 7, 7, 7])
        .forecast(3)
        .map((v) => Math.round(v * 1e6) / 1e6),
    ).toEqual([7, 7, 7]);
  });

  it('seasonal naive repeats the last season, season by season', () => {
    expect(fitSeasonalNaive([1, 2, 3, 4, 5, 6, 7], 3).forecast(5)).toEqual([5, 6, 7, 5, 6]);
  });

  it('sMAPE counts 0 sold against 0 forecast as perfect, and is bounded by 200', () => {
    expect(smapeTerm(0, 0)).toBe(0);
    expect(smapeTerm(0, 5)).toBe(200);
    expect(smapeTerm(10, 5)).toBeCloseTo((200 * 5) / 15, 10);
  });

  it('the MASE scale is the in-sample MAE of the lag-m (or lag-1) naive forecast', () => {
    expect(naiveScale([1, 3, 2, 6], 1)).toBeCloseTo((2 + 1 + 4) / 3, 10);
    expect(naiveScale([1, 3, 2, 6], 2)).toBeCloseTo((1 + 3) / 2, 10);
    expect(Number.isNaN(naiveScale([1, 3], 2))).toBe(true);
  });
});

describe('backtest plan', () => {
  it('keeps a full horizon after every origin, spaced through the history, the last at n − h', () => {
    const plan = planBacktest(104, { seasonLength: 52, horizon: 13, minTrain: 65, maxOrigins: 8 })!;
    expect(plan.horizon).toBe(13);
    expect(plan.origins).toHaveLength(8);
    expect(plan.origins[7]).toBe(104 - 13);
    expect(plan.origins[0]).toBeGreaterThanOrEqual(65);
    const gaps = plan.origins.slice(1).map((o, i) => o - plan.origins[i]);
    expect(new Set(gaps).size).toBe(1);
    expect(gaps[0]).toBeGreaterThan(1);
    expect(gaps[0]).toBeLessThanOrEqual(Math.ceil(13 / 2));
    expect(plan.scaleLag).toBe(52);
  });

  it('shortens the backtest horizon rather than test at fewer than four origins (two years monthly, 12 ahead)', () => {
    const plan = backtestPlanFor(24, { seasonLength: 12, horizon: 12 })!;
    expect(plan.origins.length).toBeGreaterThanOrEqual(4);
    expect(plan.horizon).toBeLessThan(12);
    expect(plan.origins[plan.origins.length - 1] + plan.horizon).toBe(24);
  });

  it('falls back to naive scaling when a training window has no season and one more point', () => {
    const plan = planBacktest(40, { seasonLength: 52, horizon: 4, minTrain: 3, maxOrigins: 8 })!;
    expect(plan.scaleLag).toBe(1);
  });
});

describe('demandForecast: method choice by rolling-origin MASE', () => {
  it.each([
    [104, 1],
    [104, 2],
    [104, 3],
    [156, 4],
    [156, 5],
  ])(
    'a seasonal series with trend and noise (%i weeks, seed %i): Holt–Winters beats seasonal naive and is chosen',
    (length, seed) => {
      const r = demandForecast(seasonal(seed, length), WEEKLY);
      const score = (m: string) => r.backtest.candidates.find((c) => c.method === m)!;
      expect(r.history).toBe('FULL');
      expect(r.backtest.candidates.map((c) => c.method)).toEqual([
        'SEASONAL_NAIVE',
        'NAIVE',
        'SES',
        'HOLT_DAMPED',
        'HOLT_WINTERS',
      ]);
      expect(r.backtest.baselineMethod).toBe('SEASONAL_NAIVE');
      expect(r.backtest.scale).toBe('SEASONAL_NAIVE');
      expect(score('HOLT_WINTERS').mase!).toBeLessThan(score('SEASONAL_NAIVE').mase!);
      expect(r.method).toBe('HOLT_WINTERS');
      expect(r.backtest.mase).toBe(score('HOLT_WINTERS').mase);
      expect(r.backtest.baselineMase).toBe(score('SEASONAL_NAIVE').mase);
      expect(r.backtest.baselineSmape).toBe(score('SEASONAL_NAIVE').smape);
      expect(r.note).toBeNull();
      expectWellFormed(r, 13);
    },
  );

  it('white noise: no method claims to beat the true mean, and none finds a season', () => {
    const seeds = Array.from({ length: 20 }, (_, i) => (i + 1) * 7919);
    const ratios: number[] = [];
    const chosen: string[] = [];
    for (const seed of seeds) {
      const y = whiteNoise(seed, 104);
      const r = demandForecast(y, WEEKLY);
      const truth = runBacktest(y, backtestPlanFor(y.length, WEEKLY)!, oracle(100), 52).score;
      // The oracle's MASE is the floor of what the noise allows at these very origins.
      expect(r.backtest.mase!).toBeGreaterThanOrEqual(0.9 * truth.mase!);
      ratios.push(r.backtest.mase! / r.backtest.baselineMase!);
      chosen.push(r.method);
    }
    // Seasonal naive's error on noise has twice the variance of the mean's, so the best honest
    // ratio is about 1/√2 ≈ 0.71; a method scoring well below that would be overfitting.
    const meanRatio = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    expect(meanRatio).toBeGreaterThan(0.6);
    expect(chosen.filter((m) => m === 'HOLT_WINTERS').length).toBeLessThanOrEqual(2);
  });

  it('picks the lowest MASE of the candidates, the baseline winning ties', () => {
    // A season that repeats exactly after one odd week in the first year (so the in-sample scale is not 0):
    // seasonal naive is perfect at every origin (MASE 0) and, leading the lineup, nothing can displace it.
    const y = new Array<number>(110).fill(0).map((_, t) => (t === 3 ? 20 : t % 52 === 10 ? 30 : 5));
    const r = demandForecast(y, WEEKLY);
    const best = Math.min(...r.backtest.candidates.map((c) => c.mase ?? Infinity));
    expect(r.backtest.mase).toBe(best);
    expect(best).toBe(0);
    expect(r.method).toBe('SEASONAL_NAIVE');
  });

  it('an all-zero history forecasts zero with a zero-width interval and no MASE (no scale)', () => {
    const r = demandForecast(new Array<number>(60).fill(0), WEEKLY);
    expect(r.points.every((p) => p.units === 0 && p.lower === 0 && p.upper === 0)).toBe(true);
    expect(r.backtest.mase).toBeNull();
    expect(r.backtest.smape).toBe(0);
  });
});

describe('demandForecast: 80% intervals', () => {
  it('cover about 80% of what happens next on simulated series', () => {
    let inside = 0;
    let total = 0;
    for (let draw = 0; draw < 60; draw++) {
      const y = seasonal(1000 + draw, 104 + 13);
      const r = demandForecast(y.slice(0, 104), WEEKLY);
      r.points.forEach((p, k) => {
        total++;
        if (y[104 + k] >= p.lower && y[104 + k] <= p.upper) inside++;
      });
    }
    const coverage = inside / total;
    expect(coverage).toBeGreaterThan(0.6);
    expect(coverage).toBeLessThan(0.95);
  });

  it('widen past the backtest horizon instead of staying flat', () => {
    const y = demandSeries({
      length: 24,
      seasonLength: 12,
      level: 300,
      trend: 2,
      seasonAmplitude: 80,
      noiseSd: 30,
      seed: 9,
    });
    const r = demandForecast(y, { seasonLength: 12, horizon: 12 });
    const h = r.backtest.horizon;
    expect(h).toBeLessThan(12);
    expect(r.note).toMatch(/Backtested \d+ periods ahead/);
    expect(r.stepSd[11]).toBeCloseTo(r.stepSd[h - 1] * Math.sqrt(12 / h), 10);
    expect(r.stepSd[11]).toBeGreaterThan(r.stepSd[h - 1]);
  });
});

describe('demandForecast: short histories', () => {
  it('under two seasons: seasonal candidates step aside, NAIVE is the baseline, and the answer says so', () => {
    const y = seasonal(3, 70);
    const r = demandForecast(y, WEEKLY);
    expect(r.history).toBe('SHORT');
    expect(r.backtest.baselineMethod).toBe('NAIVE');
    expect(r.backtest.candidates.map((c) => c.method)).toEqual(['NAIVE', 'SES', 'HOLT_DAMPED']);
    expect(['NAIVE', 'SES', 'HOLT_DAMPED']).toContain(r.method);
    expect(r.note).toMatch(/under two seasons/);
    expect(r.backtest.origins).toBeGreaterThan(0);
    expect(r.backtest.baselineMase).not.toBeNull();
    expectWellFormed(r, 13);
  });

  it('fewer than two seasons of a monthly series (23 months) is short too', () => {
    const r = demandForecast(seasonal(4, 23).slice(0, 23), { seasonLength: 12, horizon: 6 });
    expect(r.history).toBe('SHORT');
    expect(r.backtest.candidates.some((c) => c.method === 'HOLT_WINTERS' || c.method === 'SEASONAL_NAIVE')).toBe(false);
  });

  it(`below ${VERY_SHORT_BELOW} points: a flat forecast of the last value, wide intervals, no scores`, () => {
    const r = demandForecast([12, 8, 10], WEEKLY);
    expect(r.history).toBe('VERY_SHORT');
    expect(r.method).toBe('NAIVE');
    expect(r.note).toMatch(/too few to backtest/);
    expect(r.points.every((p) => p.units === 10)).toBe(true);
    // As wide as the level itself: the 80% band runs from 0 past twice the forecast.
    expect(r.points[0].lower).toBe(0);
    expect(r.points[0].upper).toBeGreaterThan(2 * 10);
    expect(r.backtest).toMatchObject({
      origins: 0,
      horizon: 0,
      mase: null,
      smape: null,
      baselineMase: null,
      baselineSmape: null,
      candidates: [],
    });
    expectWellFormed(r, 13);
  });

  it('no history at all forecasts nothing', () => {
    const r = demandForecast([], { seasonLength: 12, horizon: 3 });
    expect(r.points).toEqual([1, 2, 3].map((step) => ({ step, units: 0, lower: 0, upper: 0 })));
    expect(r.history).toBe('VERY_SHORT');
  });

  it(`${VERY_SHORT_BELOW} points are backtested (one origin, one step) and flagged short`, () => {
    const r = demandForecast([5, 7, 6, 8], WEEKLY);
    expect(r.history).toBe('SHORT');
    expect(r.backtest.origins).toBe(1);
    expect(r.backtest.horizon).toBe(1);
  });

  it('rejects what is not demand', () => {
    expect(() => demandForecast([1, -2, 3, 4], WEEKLY)).toThrow(RangeError);
    expect(() => demandForecast([1, Number.NaN, 3, 4], WEEKLY)).toThrow(RangeError);
    expect(() => demandForecast([1, 2, 3, 4], { seasonLength: 52, horizon: 0 })).toThrow(RangeError);
    expect(() => demandForecast([1, 2, 3, 4], { seasonLength: 0, horizon: 3 })).toThrow(RangeError);
  });
});

describe('demandForecast: properties', () => {
  const series = fc.array(fc.nat({ max: 500 }), { maxLength: 60 });
  const options = fc.record({ seasonLength: fc.constantFrom(1, 4, 12), horizon: fc.integer({ min: 1, max: 8 }) });

  it('never negative; 0 ≤ lower ≤ units ≤ upper; spread never shrinks with the step', () => {
    fc.assert(
      fc.property(series, options, (y, o) => {
        expectWellFormed(demandForecast(y, o), o.horizon);
      }),
      { numRuns: 150 },
    );
  });

  it('the chosen method has the lowest MASE reported, and scores are non-negative', () => {
    fc.assert(
      fc.property(series, options, (y, o) => {
        const r = demandForecast(y, o);
        const scores = r.backtest.candidates.map((c) => c.mase).filter((v): v is number => v !== null);
        if (scores.length) expect(r.backtest.mase).toBe(Math.min(...scores));
        for (const c of r.backtest.candidates) {
          if (c.mase !== null) expect(c.mase).toBeGreaterThanOrEqual(0);
          if (c.smape !== null) expect(c.smape).toBeGreaterThanOrEqual(0);
          if (c.smape !== null) expect(c.smape).toBeLessThanOrEqual(200);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: the same series gives the same answer', () => {
    fc.assert(
      fc.property(series, options, (y, o) => {
        expect(demandForecast(y, o)).toEqual(demandForecast([...y], o));
      }),
      { numRuns: 50 },
    );
  });
});
