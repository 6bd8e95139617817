import 'reflect-metadata';
import { beforeEach, describe, expect, it } from 'vitest';
import { demandForecast } from '../src/modules/analytics/forecast/index.js';
import {
  forgetForecasts,
  MAX_REMEMBERED,
  rememberedForecast,
  rememberedForecasts,
} from '../src/modules/analytics/forecast/memo.js';
import { dailyDemand } from '../src/modules/analytics/restock.js';
import { demandSeries } from './support/series.js';

const WEEKLY = { seasonLength: 52, horizon: 13 };
const REPLENISHMENT = { seasonLength: 52, horizon: 6, maxOrigins: 4 };

function twoYears(seed: number): number[] {
  return demandSeries({ length: 104, seasonLength: 52, level: 80, trend: 0.3, seasonAmplitude: 25, noiseSd: 9, seed });
}

beforeEach(() => forgetForecasts());

describe('rememberedForecast: demandForecast remembered by its inputs', () => {
  it('answers exactly what demandForecast answers, the first time and every time after', () => {
    for (const seed of [1, 2, 3]) {
      const y = twoYears(seed);
      for (const options of [WEEKLY, REPLENISHMENT, { seasonLength: 12, horizon: 6 }]) {
        const fresh = demandForecast(y, options);
        expect(rememberedForecast(y, options)).toEqual(fresh);
        expect(rememberedForecast(y, options)).toEqual(fresh);
      }
    }
    expect(rememberedForecasts()).toBe(9);
  });

  it('a changed history is another forecast, never the remembered one', () => {
    const y = twoYears(7);
    const before = rememberedForecast(y, WEEKLY);
    // A cancelled order in a past week, then a new week ending: each is a new series.
    const cancelled = y.map((u, i) => (i === 90 ? Math.max(0, u - 40) : u));
    const longer = [...y, 400];
    for (const changed of [cancelled, longer]) {
      const answer = rememberedForecast(changed, WEEKLY);
      expect(answer).toEqual(demandForecast(changed, WEEKLY));
      expect(answer).not.toEqual(before);
    }
    expect(rememberedForecast(y, WEEKLY)).toEqual(before);
  });

  it('every option is part of the key: horizon, season and origins', () => {
    const y = twoYears(11);
    const a = rememberedForecast(y, WEEKLY);
    const b = rememberedForecast(y, { ...WEEKLY, horizon: 4 });
    const c = rememberedForecast(y, { ...WEEKLY, maxOrigins: 4 });
    expect(b.points).toHaveLength(4);
    expect(a.points).toHaveLength(13);
    expect(c.backtest.origins).toBe(4);
    expect(a.backtest.origins).toBe(8);
    expect(rememberedForecasts()).toBe(3);
  });

  it('a caller altering its answer does not alter the next one', () => {
    const y = twoYears(5);
    const first = rememberedForecast(y, WEEKLY);
    const expected = structuredClone(first);
    first.points[0].units = -1;
    first.backtest.candidates.length = 0;
    const second = rememberedForecast(y, WEEKLY);
    expect(second).toEqual(expected);
    second.points[0].units = -2;
    expect(rememberedForecast(y, WEEKLY)).toEqual(expected);
  });

  it(`keeps at most ${MAX_REMEMBERED} forecasts, dropping the least recently used`, () => {
    // Three-point series: too short to backtest, so each forecast is cheap.
    const kept = [1, 1, 1];
    rememberedForecast(kept, WEEKLY);
    for (let i = 0; i < MAX_REMEMBERED + 10; i++) {
      rememberedForecast([2, 3, i], WEEKLY);
      if (i % 1000 === 0) rememberedForecast(kept, WEEKLY); // used now and then: stays
    }
    expect(rememberedForecasts()).toBe(MAX_REMEMBERED);
    const size = rememberedForecasts();
    rememberedForecast(kept, WEEKLY);
    expect(rememberedForecasts()).toBe(size); // a hit, not a new entry
    rememberedForecast([2, 3, 0], WEEKLY); // the oldest was dropped: a new entry
    expect(rememberedForecasts()).toBe(size);
    expect(rememberedForecast([2, 3, 0], WEEKLY)).toEqual(demandForecast([2, 3, 0], WEEKLY));
  });

  it("replenishment's daily demand is the same remembered or not", () => {
    const y = twoYears(13);
    forgetForecasts();
    const cold = dailyDemand(y, 6, 37);
    expect(rememberedForecasts()).toBe(1);
    expect(dailyDemand(y, 6, 37)).toEqual(cold);
    expect(cold.mean).toBeGreaterThan(0);
  });
});
