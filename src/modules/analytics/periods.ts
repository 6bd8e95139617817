/**
 * Calendar periods of a demand series. Days are ISO dates ('YYYY-MM-DD'),
 * already local (the rollup's Asia/Shanghai day), so arithmetic is done on
 * UTC midnights and no time zone can shift a day.
 *
 * Weekly seasons are taken as 52 weeks: an ISO year with 53 weeks shifts the
 * pattern by one week, a small blur the smoothing absorbs.
 */
import { isDate } from '../../lib/dates.js';
export type Granularity = 'WEEK' | 'MONTH';

export const SEASON_LENGTH: Record<Granularity, number> = { WEEK: 52, MONTH: 12 };

const DAY_MS = 86_400_000;

function parse(day: string): Date {
  if (!isDate(day)) throw new RangeError(`not a calendar date: ${day}`);
  return new Date(`${day}T00:00:00Z`);
}

const format = (d: Date): string => d.toISOString().slice(0, 10);

/** The period a day falls in: its ISO week's Monday, or the first of its month. */
export function periodStartOf(day: string, granularity: Granularity): string {
  const d = parse(day);
  if (granularity === 'MONTH') return format(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)));
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return format(new Date(d.getTime() - sinceMonday * DAY_MS));
}

/** The start of the period k periods after (k < 0: before) the one starting at `start`. */
export function addPeriods(start: string, granularity: Granularity, k: number): string {
  const d = parse(start);
  if (granularity === 'WEEK') return format(new Date(d.getTime() + 7 * k * DAY_MS));
  return format(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, d.getUTCDate())));
}

/** Days in the period starting at `start`: 7, or the month's length. */
export function daysInPeriod(start: string, granularity: Granularity): number {
  return (parse(addPeriods(start, granularity, 1)).getTime() - parse(start).getTime()) / DAY_MS;
}

export interface DayUnits {
  day: string;
  units: number;
}

export interface PeriodUnits {
  periodStart: string;
  units: number;
}

/**
 * Daily rows (days without sales absent, as a rollup stores them) summed into
 * `periods` consecutive periods from `from`, with zeros where nothing sold: a
 * forecast must see the quiet weeks, or it would overstate demand. Rows
 * outside the range are ignored. Shape of the contract's DemandPoint.
 */
export function denseSeries(
  rows: readonly DayUnits[],
  from: string,
  periods: number,
  granularity: Granularity,
): PeriodUnits[] {
  const first = periodStartOf(from, granularity);
  const out = Array.from({ length: periods }, (_, k) => ({ periodStart: addPeriods(first, granularity, k), units: 0 }));
  const index = new Map(out.map((p, k) => [p.periodStart, k]));
  for (const row of rows) {
    const k = index.get(periodStartOf(row.day, granularity));
    if (k !== undefined) out[k].units += row.units;
  }
  return out;
}
