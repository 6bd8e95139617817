/**
 * The demand model behind the demo's two-year order history, so that
 * forecasts have something real to find. Days are local (China Standard Time)
 * day numbers: days since 1970-01-01 in UTC+8.
 *
 * Orders per day = trend × weekday × calendar events:
 * - trend: volume grows by GROWTH_PER_YEAR, compounding (regions differ on top, see orders.ts);
 * - weekday: a B2B week, busiest Tuesday–Wednesday, quiet on Sunday;
 * - Spring Festival: stocking up in the four weeks before, almost nothing in the
 *   holiday week, a slow week after;
 * - 618 (June) and Double 11 (November): promotion stock ramps up to the day;
 * - National Day and Labour Day golden weeks: quiet.
 *
 * What an order holds follows the season of each category (a smooth yearly
 * curve peaking on a day of the year): purifiers peak in July, dispensers and
 * kitchen water heaters in January, whole-house systems with the spring
 * renovations, filters before the summer.
 */

export const DAY = 86_400_000;
const CST = 8 * 3_600_000;

export const GROWTH_PER_YEAR = 0.35;

/** Spring Festival (Chinese New Year's day). */
const CNY: Record<number, string> = {
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};
export const springFestivalDays: number[] = Object.values(CNY).map((d) => Date.parse(`${d}T00:00:00Z`) / DAY);

/** The local day number of an instant. */
export const localDay = (ms: number): number => Math.floor((ms + CST) / DAY);
/** The instant a local day starts. */
export const dayStart = (dayNo: number): number => dayNo * DAY - CST;

/** Local calendar of a day number. */
export function calendar(dayNo: number): { year: number; month: number; day: number; dow: number; dayOfYear: number } {
  const d = new Date(dayNo * DAY);
  const year = d.getUTCFullYear();
  return {
    year,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    dow: d.getUTCDay(),
    dayOfYear: dayNo - Date.UTC(year, 0, 1) / DAY,
  };
}

/** Sunday first. */
const WEEKDAY = [0.45, 1.05, 1.12, 1.12, 1.05, 0.95, 0.7];

/** Days from the nearest Spring Festival (negative before it), or null when none is within 60 days. */
function fromSpringFestival(dayNo: number): number | null {
  for (const c of springFestivalDays) if (Math.abs(dayNo - c) <= 60) return dayNo - c;
  return null;
}

/** Multiplier of calendar events on a day's order volume. */
export function eventFactor(dayNo: number): number {
  const { month, day } = calendar(dayNo);
  let w = 1;
  const sf = fromSpringFestival(dayNo);
  if (sf !== null) {
    if (sf >= -28 && sf <= -8)
      w *= 1.6; // stocking up before the holiday
    else if (sf >= -7 && sf <= -1) w *= 0.9;
    else if (sf >= 0 && sf <= 6)
      w *= 0.1; // the holiday week
    else if (sf >= 7 && sf <= 13) w *= 0.55;
  }
  if (month === 5 && day <= 5) w *= 0.65; // Labour Day holiday
  if (month === 5 && day >= 20) w *= 1.2;
  if (month === 6 && day <= 18) w *= 1.35 + (0.65 * day) / 18; // 618: up to 2× on the day
  if (month === 10 && day <= 7) w *= 0.4; // National Day golden week
  if (month === 10 && day >= 20) w *= 1.5;
  if (month === 11 && day <= 11) w *= 1.6 + (0.6 * day) / 11; // Double 11: up to 2.2× on the day
  if (month === 11 && day >= 12 && day <= 18) w *= 1.1;
  return w;
}

/** Relative order volume of a day; `years` is its distance in years from the start of the history. */
export function dayWeight(dayNo: number, years: number): number {
  return (1 + GROWTH_PER_YEAR) ** years * WEEKDAY[calendar(dayNo).dow] * eventFactor(dayNo);
}

/** Yearly season of a top-level category: [amplitude, day of the year it peaks]. */
const SEASONS: Record<string, [number, number]> = {
  purifiers: [0.45, 196], // mid-July: summer drinking water
  filters: [0.2, 160], // replacements before the summer
  dispensers: [0.5, 15], // mid-January: hot water
  kitchen: [0.3, 20], // water heaters in winter
  'whole-house': [0.35, 100], // spring renovations
  accessories: [0, 0],
};

/** Multiplier of a category's share of what is ordered on a day of the year. */
export function categorySeason(top: string, dayOfYear: number): number {
  const [amplitude, peak] = SEASONS[top] ?? [0, 0];
  return 1 + amplitude * Math.cos((2 * Math.PI * (dayOfYear - peak)) / 365.25);
}

/** A short note some buyers put on orders in a season. */
export function seasonNote(dayNo: number): string | null {
  const { month, day } = calendar(dayNo);
  const sf = fromSpringFestival(dayNo);
  if (sf !== null && sf >= -28 && sf <= -1) return '春节前备货 Stocking up before Spring Festival';
  if ((month === 5 && day >= 20) || (month === 6 && day <= 18)) return '618备货 618 promotion stock';
  if ((month === 10 && day >= 20) || (month === 11 && day <= 11)) return '双十一备货 Double 11 stock';
  return null;
}
