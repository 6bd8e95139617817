import type { Lang } from './i18n';

const TZ = 'Asia/Shanghai';
const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

const moneyFormats = new Map<string, Intl.NumberFormat>();
/** Money from a Decimal string, e.g. "2302.31" → ¥2,302.31 (never parsed for arithmetic). */
export function money(lang: Lang, amount: string | null | undefined, currency = 'CNY'): string {
  if (amount == null) return '—';
  const key = `${lang}/${currency}`;
  let f = moneyFormats.get(key);
  if (!f) moneyFormats.set(key, (f = new Intl.NumberFormat(locale(lang), { style: 'currency', currency })));
  return f.format(Number(amount));
}

/** A signed change, e.g. −69.98 or +40.62. */
export function signedMoney(lang: Lang, amount: string, currency = 'CNY'): string {
  const n = Number(amount);
  const abs = money(lang, String(Math.abs(n)), currency);
  return n < 0 ? `−${abs}` : `+${abs}`;
}

export function dateTime(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TZ, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function date(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00+08:00`) : new Date(iso);
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TZ, dateStyle: 'medium' }).format(d);
}

export function percent(lang: Lang, ratio: number | null | undefined): string {
  if (ratio == null) return '—';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** Decimal string → integer minor units (fen), for adding money without floats. */
export function toMinor(amount: string): bigint {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) return 0n;
  const v = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -v : v;
}

export function fromMinor(v: bigint): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** "in 2 h 5 min" / "5 min ago", for SLA clocks. */
export function relative(lang: Lang, iso: string, now = Date.now()): string {
  const diff = Date.parse(iso) - now;
  const mins = Math.round(Math.abs(diff) / 60000);
  const rtf = new Intl.RelativeTimeFormat(locale(lang), { numeric: 'auto' });
  if (mins < 60) return rtf.format(Math.sign(diff) * mins, 'minute');
  const hours = Math.round(mins / 60);
  if (hours < 48) return rtf.format(Math.sign(diff) * hours, 'hour');
  return rtf.format(Math.sign(diff) * Math.round(hours / 24), 'day');
}

/** Money on a chart's axis: ¥77万 / CN¥766K. */
export function compactMoney(lang: Lang, n: number, currency = 'CNY'): string {
  return new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(n);
}

/** A change as a signed percentage: +71.4% / −14.7%; '—' without one. */
export function growth(lang: Lang, ratio: number | null | undefined): string {
  if (ratio == null) return '—';
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(ratio);
}

/** A plain number with at most `digits` decimals (units, scores). */
export function num(lang: Lang, n: number | null | undefined, digits = 1): string {
  if (n == null) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(n);
}

/** A month on a chart, from its x value (seconds): 2026年3月 / Mar 2026. */
export function monthOf(lang: Lang, seconds: number): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TZ, year: 'numeric', month: 'short' }).format(
    new Date(seconds * 1000),
  );
}
