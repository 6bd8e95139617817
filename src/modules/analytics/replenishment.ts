/**
 * Replenishment per warehouse and variant, the formula of DESIGN.md:
 *
 *   safety stock   = z(serviceLevel) · σ · √L
 *   reorder point  = μ · L + safety stock
 *   suggestion     = max(0, reorder point + μ · cover − (onHand − reserved)),
 *                    rounded up to the variant's order rules
 *
 * with μ, σ the mean and standard deviation of daily demand and L the lead
 * time in days. It is an order-up-to rule: whatever is below the reorder
 * point plus the cover is suggested, so a suggestion can appear before the
 * reorder point is reached; urgency tells which ones cannot wait.
 */
import type { DemandForecastResult } from './forecast/types.js';
import { normalQuantile } from './stats.js';

export interface DailyDemand {
  /** μ: expected units per day. */
  mean: number;
  /** σ: standard deviation of one day's demand. */
  sd: number;
}

/**
 * μ and σ of daily demand from a forecast whose periods have `daysPerPeriod` days.
 * μ: the forecast units over the next `days` days (pro rata for a partial
 * last period; beyond the horizon the last period repeats), per day.
 * σ: the one-period-ahead backtest error spread over the period's days as if
 * days were independent, σ_day = σ_period / √days — the assumption behind
 * σ·√L itself.
 */
export function dailyDemandFromForecast(
  forecast: Pick<DemandForecastResult, 'points' | 'stepSd'>,
  daysPerPeriod: number,
  days: number,
): DailyDemand {
  const points = forecast.points;
  if (!points.length || days <= 0) return { mean: 0, sd: 0 };
  let total = 0;
  let left = days;
  for (let k = 0; left > 0; k++) {
    const units = points[Math.min(k, points.length - 1)].units;
    const share = Math.min(1, left / daysPerPeriod);
    total += units * share;
    left -= daysPerPeriod;
  }
  return { mean: total / days, sd: forecast.stepSd[0] / Math.sqrt(daysPerPeriod) };
}

export interface ReplenishmentFacts {
  onHand: number;
  reserved: number;
  demand: DailyDemand;
  leadTimeDays: number;
  coverDays: number;
  /** Probability of not running out during the lead time, 0.5..0.999. */
  serviceLevel: number;
  minOrderQuantity: number;
  orderIncrement: number;
}

/** Maps onto ReplenishmentSuggestion (the service adds the variant). */
export interface ReplenishmentPlan {
  onHand: number;
  reserved: number;
  expectedDemand: number;
  safetyStock: number;
  reorderPoint: number;
  suggestedQuantity: number;
  daysOfCover: number | null;
  reason: string;
  /**
   * Days of cover left after the lead time: below 0, the shelf empties before
   * an order placed today arrives. null without demand. Sorts the list.
   */
  slackDays: number | null;
}

/** Tolerates float noise (12.000000000001 must not round up to 13); `|| 0` turns the −0 of ceil(−1e−9) into 0. */
const ceil = (v: number): number => Math.ceil(v - 1e-9) || 0;

/** The smallest quantity ≥ q that the order rules accept (≥ minimum, a multiple of the increment); 0 for q ≤ 0. */
export function roundUpToOrderRules(q: number, minOrderQuantity: number, orderIncrement: number): number {
  if (q <= 1e-9) return 0;
  const inc = Math.max(1, orderIncrement);
  return ceil(Math.max(q, minOrderQuantity) / inc) * inc;
}

export function replenish(f: ReplenishmentFacts): ReplenishmentPlan {
  if (!(f.serviceLevel >= 0.5 && f.serviceLevel <= 0.999))
    throw new RangeError(`serviceLevel must be within 0.5..0.999, got ${f.serviceLevel}`);
  if (f.leadTimeDays < 0 || f.coverDays < 0) throw new RangeError('lead time and cover must not be negative');
  const mu = Math.max(0, f.demand.mean);
  const sigma = Math.max(0, f.demand.sd);
  const L = f.leadTimeDays;
  // Whole units: stock is counted in units, and rounding safety up errs towards not running out.
  const safetyStock = ceil(normalQuantile(f.serviceLevel) * sigma * Math.sqrt(L));
  const reorderPoint = ceil(mu * L + safetyStock);
  const available = f.onHand - f.reserved;
  const need = reorderPoint + mu * f.coverDays - available;
  const suggestedQuantity = roundUpToOrderRules(need, f.minOrderQuantity, f.orderIncrement);
  const daysOfCover = mu > 0 ? Math.max(0, available) / mu : null;
  return {
    onHand: f.onHand,
    reserved: f.reserved,
    expectedDemand: mu * (L + f.coverDays),
    safetyStock,
    reorderPoint,
    suggestedQuantity,
    daysOfCover,
    reason: reasonFor(mu, available, daysOfCover, L, reorderPoint),
    slackDays: daysOfCover === null ? null : daysOfCover - L,
  };
}

function quantity(v: number): string {
  if (v >= 10 || Number.isInteger(v)) return String(Math.round(v));
  return v.toFixed(1);
}

function reasonFor(mu: number, available: number, daysOfCover: number | null, L: number, reorderPoint: number): string {
  const lead = `${L} day${L === 1 ? '' : 's'} lead time`;
  if (daysOfCover === null) return `no demand expected, ${available} available, ${lead}`;
  const parts = [`sells ${quantity(mu * 7)} a week`];
  if (available <= 0) parts.push(available < 0 ? `out of stock with ${-available} reserved beyond it` : 'out of stock');
  else parts.push(`${Math.floor(daysOfCover)} day${Math.floor(daysOfCover) === 1 ? '' : 's'} of cover left`);
  parts.push(lead);
  if (available > 0 && available <= reorderPoint) parts.push(`below the reorder point of ${reorderPoint}`);
  return parts.join(', ');
}

/**
 * Most urgent first: least slack (an empty shelf before the lead time is
 * over comes first), then the larger suggestion; plans without demand last.
 * Stable for equal keys, so a caller's order (e.g. by sku) breaks ties.
 */
export function byUrgency(a: ReplenishmentPlan, b: ReplenishmentPlan): number {
  if (a.slackDays === null || b.slackDays === null) {
    if (a.slackDays === b.slackDays) return b.suggestedQuantity - a.suggestedQuantity;
    return a.slackDays === null ? 1 : -1;
  }
  return a.slackDays - b.slackDays || b.suggestedQuantity - a.suggestedQuantity;
}
