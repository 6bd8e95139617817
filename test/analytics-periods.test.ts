import { describe, expect, it } from 'vitest';
import { addPeriods, daysInPeriod, denseSeries, periodStartOf } from '../src/modules/analytics/periods.js';

describe('calendar periods of a demand series', () => {
  it('weeks start on Monday (ISO), months on the first', () => {
    expect(periodStartOf('2026-01-01', 'WEEK')).toBe('2025-12-29'); // a Thursday
    expect(periodStartOf('2025-12-29', 'WEEK')).toBe('2025-12-29');
    expect(periodStartOf('2026-01-04', 'WEEK')).toBe('2025-12-29'); // Sunday ends the week
    expect(periodStartOf('2024-02-29', 'MONTH')).toBe('2024-02-01');
  });

  it('steps whole periods forwards and back', () => {
    expect(addPeriods('2025-12-29', 'WEEK', 1)).toBe('2026-01-05');
    expect(addPeriods('2025-12-29', 'WEEK', -52)).toBe('2024-12-30');
    expect(addPeriods('2025-11-01', 'MONTH', 3)).toBe('2026-02-01');
    expect(addPeriods('2026-01-01', 'MONTH', -1)).toBe('2025-12-01');
  });

  it('knows how long a period is', () => {
    expect(daysInPeriod('2024-02-01', 'MONTH')).toBe(29);
    expect(daysInPeriod('2025-02-01', 'MONTH')).toBe(28);
    expect(daysInPeriod('2026-03-30', 'WEEK')).toBe(7);
  });

  it('sums days into periods with zeros where nothing sold, ignoring days outside', () => {
    const rows = [
      { day: '2026-01-05', units: 3 },
      { day: '2026-01-11', units: 4 }, // same week (Sunday)
      { day: '2026-01-26', units: 9 },
      { day: '2025-12-31', units: 100 }, // before the range
      { day: '2026-02-02', units: 100 }, // after it
    ];
    expect(denseSeries(rows, '2026-01-07', 4, 'WEEK')).toEqual([
      { periodStart: '2026-01-05', units: 7 },
      { periodStart: '2026-01-12', units: 0 },
      { periodStart: '2026-01-19', units: 0 },
      { periodStart: '2026-01-26', units: 9 },
    ]);
  });

  it('rejects what is not a calendar date', () => {
    expect(() => periodStartOf('2026-02-30', 'WEEK')).toThrow(RangeError);
    expect(() => periodStartOf('26-1-1', 'MONTH')).toThrow(RangeError);
  });
});
