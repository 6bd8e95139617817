/**
 * Calendar days of the channel (Asia/Shanghai, UTC+8 all year, no DST) as
 * "YYYY-MM-DD" strings: the one place that checks a day, turns instants into
 * days and days into instants, and counts in days and months. Arithmetic runs
 * on UTC midnights, so no time zone can shift a day.
 */
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const parse = (day: string): Date => new Date(`${day}T00:00:00Z`);
const format = (d: Date): string => d.toISOString().slice(0, 10);

/** A real calendar date "YYYY-MM-DD" (2026-02-30 is not). */
export function isDate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(parse(value).getTime()) &&
    format(parse(value)) === value
  );
}

/** The Shanghai day an instant falls on. */
export function shanghaiDay(at: Date): string {
  return format(new Date(at.getTime() + SHANGHAI_OFFSET_MS));
}

/** The instant a Shanghai day starts: "2026-10-01" → 2026-09-30T16:00:00Z. */
export function shanghaiDayStart(day: string): Date {
  return new Date(parse(day).getTime() - SHANGHAI_OFFSET_MS);
}

/** Noon of a Shanghai day: an instant safely inside it, for entries dated by day. */
export function shanghaiNoon(day: string): Date {
  return new Date(shanghaiDayStart(day).getTime() + 12 * 3_600_000);
}

export function addDays(day: string, n: number): string {
  return format(new Date(parse(day).getTime() + n * DAY_MS));
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parse(b).getTime() - parse(a).getTime()) / DAY_MS);
}

/** The same day n months later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb), as PostgreSQL's date + interval does. */
export function addMonths(day: string, n: number): string {
  const d = parse(day);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d.getUTCDate(), last))));
}

export function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function lastOfMonth(day: string): string {
  return addDays(addMonths(firstOfMonth(day), 1), -1);
}

/** Whole months from the first of `from`'s month to the end of `to`'s, when the range is exactly that; else null. */
export function wholeMonths(from: string, to: string): number | null {
  if (from !== firstOfMonth(from) || to !== lastOfMonth(to)) return null;
  const a = parse(from);
  const b = parse(to);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth()) + 1;
}
