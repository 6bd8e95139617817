/** Money is kept as integer minor units (fen) in bigint columns and as strings on the wire. */
export const CURRENCY = 'CNY';
const SCALE = 100n;

/** "1299.5" -> 129950n. Throws on more than two decimal places. */
export function toMinor(decimal: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(decimal.trim());
  if (!m) throw new RangeError(`not a decimal: ${decimal}`);
  const frac = (m[3] ?? '').padEnd(2, '0');
  if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) throw new RangeError(`more than 2 decimal places: ${decimal}`);
  const minor = BigInt(m[2]) * SCALE + BigInt(frac.slice(0, 2));
  return m[1] ? -minor : minor;
}

/** 129950n -> "1299.50" */
export function fromMinor(minor: bigint | number): string {
  const v = BigInt(minor);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  return `${neg ? '-' : ''}${abs / SCALE}.${(abs % SCALE).toString().padStart(2, '0')}`;
}

export interface MoneyValue {
  amount: string;
  currencyCode: string;
}

export function money(minor: bigint | number): MoneyValue {
  return { amount: fromMinor(minor), currencyCode: CURRENCY };
}

/** Which amounts an input accepts. */
export type AmountRule = 'positive' | 'nonNegative' | 'nonZero';

const accepts: Record<AmountRule, (v: bigint) => boolean> = {
  positive: (v) => v > 0n,
  nonNegative: (v) => v >= 0n,
  nonZero: (v) => v !== 0n,
};

/**
 * An amount a user typed, in minor units: null when it is not a decimal with
 * at most 2 places (trailing zeros aside) or breaks `rule`. Every money input
 * is read through this one function.
 */
export function parseAmount(value: string, rule: AmountRule): bigint | null {
  try {
    const v = toMinor(value);
    return accepts[rule](v) ? v : null;
  } catch {
    return null;
  }
}
