import { describe, expect, it } from 'vitest';
import {
  averageInterval,
  creditNearLimit,
  demandSpike,
  dormantBuyer,
  lowStock,
} from '../src/modules/analytics/alerts.js';

const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2026, 5, 1));
const daysAgo = (n: number): Date => new Date(NOW.getTime() - n * DAY);

describe('demand spike (actual far above the forecast’s upper bound)', () => {
  const forecast = { units: 80, upper: 100 };

  it('over 1.5 × the upper bound is a warning, from 3 × critical', () => {
    expect(demandSpike(150, forecast)).toBeNull(); // exactly 1.5 ×: not over
    expect(demandSpike(151, forecast)).toEqual({
      severity: 'WARNING',
      message:
        'ordered 151 against a forecast of 80, at most 100 expected (1.9× the forecast): check for parallel goods',
    });
    expect(demandSpike(300, forecast)?.severity).toBe('CRITICAL');
  });

  it('a few units over a tiny forecast are no alarm', () => {
    expect(demandSpike(9, { units: 1, upper: 2 })).toBeNull(); // 4.5 × but only 7 units over
    expect(demandSpike(13, { units: 1, upper: 2 })?.severity).toBe('CRITICAL'); // 11 over, 6.5 ×
  });

  it('the thresholds are parameters', () => {
    expect(demandSpike(121, forecast, { ratio: 1.2, minExcess: 5 })?.severity).toBe('WARNING');
    expect(demandSpike(121, forecast)).toBeNull();
    expect(demandSpike(151, forecast, { criticalRatio: 1.5 })?.severity).toBe('CRITICAL');
  });

  it('against a zero forecast the message gives no ratio', () => {
    expect(demandSpike(40, { units: 0, upper: 0 })?.message).toBe(
      'ordered 40 against a forecast of 0, at most 0 expected: check for parallel goods',
    );
  });
});

describe('dormant buyer (quiet past k × its own interval)', () => {
  const rhythm = { averageDaysBetweenOrders: 10, now: NOW };

  it('past 2 × its interval a warning, past 4 × critical', () => {
    expect(dormantBuyer({ ...rhythm, lastOrderAt: daysAgo(20) })).toBeNull();
    expect(dormantBuyer({ ...rhythm, lastOrderAt: daysAgo(21) })).toEqual({
      severity: 'WARNING',
      message: 'no order for 21 days; usually orders every 10 days',
    });
    expect(dormantBuyer({ ...rhythm, lastOrderAt: daysAgo(41) })?.severity).toBe('CRITICAL');
    expect(dormantBuyer({ ...rhythm, lastOrderAt: daysAgo(16) }, { k: 1.5 })?.severity).toBe('WARNING');
  });

  it('a very frequent buyer is measured against a week at least, so a weekend is not dormancy', () => {
    const daily = { averageDaysBetweenOrders: 1, now: NOW };
    expect(dormantBuyer({ ...daily, lastOrderAt: daysAgo(3) })).toBeNull();
    expect(dormantBuyer({ ...daily, lastOrderAt: daysAgo(15) })?.message).toBe(
      'no order for 15 days; usually orders every 1 day',
    );
  });

  it('without a rhythm or an order, nothing can be said', () => {
    expect(dormantBuyer({ lastOrderAt: daysAgo(400), averageDaysBetweenOrders: null, now: NOW })).toBeNull();
    expect(dormantBuyer({ lastOrderAt: null, averageDaysBetweenOrders: 10, now: NOW })).toBeNull();
  });

  it('the average interval is the mean gap between consecutive orders, in any order given', () => {
    expect(averageInterval([daysAgo(0), daysAgo(30), daysAgo(10)])).toBe(15);
    expect(averageInterval([daysAgo(0), daysAgo(30)])).toBeNull();
    expect(averageInterval([daysAgo(0), daysAgo(30)], 2)).toBe(30);
  });
});

describe('credit near limit and low stock', () => {
  it('credit: from 90% used a warning, at the limit critical, no limit no alert', () => {
    expect(creditNearLimit(89, 100)).toBeNull();
    expect(creditNearLimit(90, 100)).toEqual({ severity: 'WARNING', message: 'credit 90% used' });
    expect(creditNearLimit(100, 100)?.severity).toBe('CRITICAL');
    expect(creditNearLimit(500, null)).toBeNull();
  });

  it('stock: cover shorter than the lead time; under half of it critical', () => {
    expect(lowStock({ daysOfCover: 7, suggestedQuantity: 0 }, 7)).toBeNull();
    expect(lowStock({ daysOfCover: 5.5, suggestedQuantity: 120 }, 7)).toEqual({
      severity: 'WARNING',
      message: '5 days of cover left, 7 days lead time; order 120',
    });
    expect(lowStock({ daysOfCover: 3, suggestedQuantity: 120 }, 7)?.severity).toBe('CRITICAL');
    expect(lowStock({ daysOfCover: null, suggestedQuantity: 0 }, 7)).toBeNull();
  });
});
