import { describe, expect, it } from 'vitest';
import { contrast, palette } from '../../portal/src/lib/brand.js';
import { fromMinor, money, toMinor } from '../../portal/src/lib/format.js';
import { parseQuickOrder, quantityRule } from '../../portal/src/lib/quick-order.js';
import { chartTime, monthsOf, periodOf, shanghaiToday } from '../../portal/src/lib/periods.js';

describe('quick order parsing', () => {
  it('reads sku and quantity with any separator, keeps line numbers, and flags bad lines', () => {
    const lines = parseQuickOrder('A1 2\n\nB1,6\nC1\t3\nA1 5\nD1 x\nE1 0\nF1 2 3\nG1；4');
    expect(lines.map((l) => [l.line, l.sku, l.quantity, l.error?.key ?? null, l.error?.n ?? null])).toEqual([
      [1, 'A1', 2, null, null],
      [3, 'B1', 6, null, null],
      [4, 'C1', 3, null, null],
      [5, 'A1', 5, 'errDuplicate', 1],
      [6, 'D1', null, 'errBadQuantity', null],
      [7, 'E1', null, 'errBadQuantity', null],
      [8, 'F1', null, 'errBadLine', null],
      [9, 'G1', 4, null, null],
    ]);
  });

  it('checks minimums and multiples', () => {
    expect(quantityRule(6, 6, 6)).toBeNull();
    expect(quantityRule(3, 6, 6)).toEqual({ key: 'errMin', n: 6 });
    expect(quantityRule(8, 6, 6)).toEqual({ key: 'errIncrement', n: 6 });
    expect(quantityRule(1, 1, 1)).toBeNull();
  });
});

describe('money', () => {
  it('adds in fen, never in floats', () => {
    expect(toMinor('2302.31')).toBe(230231n);
    expect(toMinor('0.1') + toMinor('0.2')).toBe(30n);
    expect(fromMinor(toMinor('2274.35') * 3n)).toBe('6823.05');
    expect(fromMinor(-5n)).toBe('-0.05');
  });

  it('formats CNY for each language', () => {
    expect(money('zh', '2302.31')).toBe('¥2,302.31');
    expect(money('en', '2302.31')).toBe('CN¥2,302.31');
  });
});

describe('portal colours', () => {
  it('keep white text on the brand colour and brand-coloured text on white readable (≥ 4.5:1)', () => {
    const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
    for (const c of ['#0a6ebd', '#5b8c2a', '#00897b', '#ffcc00', '#ffffff', 'not-a-colour']) {
      const p = palette(c);
      expect(contrast(rgb(p.brand), [255, 255, 255]), c).toBeGreaterThanOrEqual(4.5);
      expect(contrast(rgb(p.brandText), [255, 255, 255]), c).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('report periods (Asia/Shanghai, whole months)', () => {
  it('takes today in Shanghai, not in UTC', () => {
    // 2026-11-30 20:00 UTC is already 1 December in Shanghai.
    expect(shanghaiToday(Date.parse('2026-11-30T20:00:00Z'))).toBe('2026-12-01');
    expect(shanghaiToday(Date.parse('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
  });

  it('gives whole months, so the server compares whole months with whole months', () => {
    expect(periodOf('last12', '2026-12-01')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(periodOf('last3', '2026-03-15')).toEqual({ from: '2025-12-01', to: '2026-02-28' });
    expect(periodOf('last3', '2024-03-31')).toEqual({ from: '2023-12-01', to: '2024-02-29' });
    expect(periodOf('ytd', '2026-12-01')).toEqual({ from: '2026-01-01', to: '2026-12-01' });
    expect(periodOf('lastYear', '2026-01-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('lists every month of a period, the chart’s axis (a month without sales is still there)', () => {
    expect(monthsOf({ from: '2025-11-01', to: '2026-02-28' })).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
    expect(monthsOf({ from: '2026-01-01', to: '2026-01-05' })).toEqual(['2026-01-01']);
    expect(chartTime('2026-01-01')).toBe(Date.parse('2025-12-31T16:00:00Z') / 1000);
  });
});
