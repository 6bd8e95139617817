/**
 * Report periods as the server counts them: calendar days in Asia/Shanghai,
 * whole months from the 1st to the month's last day (so the server reads its
 * monthly rollups and compares whole months with whole months).
 */
export type PeriodPreset = 'last12' | 'last3' | 'ytd' | 'lastYear';
export const PERIOD_PRESETS: PeriodPreset[] = ['last12', 'last3', 'ytd', 'lastYear'];

export interface Period {
  from: string;
  to: string;
}

/** Today's date in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiToday(now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(now));
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

/** The first day of the month `months` after the one `day` is in (negative: before). */
export function addMonths(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number);
  return iso(y, m - 1 + months, 1);
}

/** The last day of the month before the one `day` is in. */
const endOfPreviousMonth = (day: string) => {
  const [y, m] = day.split('-').map(Number);
  return iso(y, m - 1, 0);
};

export function periodOf(preset: PeriodPreset, today: string): Period {
  const year = Number(today.slice(0, 4));
  switch (preset) {
    case 'last12':
      return { from: addMonths(today, -12), to: endOfPreviousMonth(today) };
    case 'last3':
      return { from: addMonths(today, -3), to: endOfPreviousMonth(today) };
    case 'ytd':
      return { from: `${year}-01-01`, to: today };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** The first day of every month from `from` to `to`, oldest first. */
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  for (let m = addMonths(period.from, 0); m <= period.to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** A date as a chart's x value: seconds at midnight in Asia/Shanghai. */
export const chartTime = (day: string) => Date.parse(`${day}T00:00:00+08:00`) / 1000;
