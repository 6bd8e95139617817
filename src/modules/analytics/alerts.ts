/**
 * Alert detection, pure: each helper says whether a fact is alarming, how
 * much, and in words. The service supplies the facts from the viewer's
 * subtree and adds the account, variant and detectedAt of ChannelAlert.
 */

export type AlertSeverity = 'INFO' | 'WARNING' | 'CRITICAL';

export interface Detection {
  severity: AlertSeverity;
  message: string;
}

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------
// Demand spike: far above what the forecast allowed for (a 窜货 risk).

export interface SpikeOptions {
  /** Spike when actual > ratio × the forecast's upper bound (default 1.5). */
  ratio?: number;
  /** …and exceeds the upper bound by at least this many units, so 3 against 1 is no alarm (default 10). */
  minExcess?: number;
  /** CRITICAL from this multiple of the upper bound (default 3). */
  criticalRatio?: number;
}

/**
 * `forecast` is the period's point forecast and its 80% upper bound, made
 * before the period (so the spike cannot have shaped it). The upper bound,
 * not the point, is the yardstick: a noisy series is allowed its noise.
 */
export function demandSpike(
  actual: number,
  forecast: { units: number; upper: number },
  o: SpikeOptions = {},
): Detection | null {
  const ratio = o.ratio ?? 1.5;
  const minExcess = o.minExcess ?? 10;
  const criticalRatio = o.criticalRatio ?? 3;
  const upper = Math.max(0, forecast.upper);
  if (actual <= upper * ratio || actual - upper < minExcess) return null;
  const times = forecast.units > 0 ? ` (${(actual / forecast.units).toFixed(1)}× the forecast)` : '';
  return {
    severity: actual >= upper * criticalRatio ? 'CRITICAL' : 'WARNING',
    message: `ordered ${round(actual)} against a forecast of ${round(forecast.units)}, at most ${round(upper)} expected${times}: check for parallel goods`,
  };
}

// ---------------------------------------------------------------------------
// Dormant buyer: quiet for longer than its own rhythm allows.

/** Mean days between consecutive orders, or null with fewer than `minOrders` (default 3: two intervals). */
export function averageInterval(orderTimes: readonly Date[], minOrders = 3): number | null {
  if (orderTimes.length < Math.max(2, minOrders)) return null;
  const ms = orderTimes.map((t) => t.getTime()).sort((a, b) => a - b);
  return (ms[ms.length - 1] - ms[0]) / (ms.length - 1) / DAY_MS;
}

export interface DormantOptions {
  /** Dormant past k × the usual interval (default 2). */
  k?: number;
  /** CRITICAL past this multiple of the interval (default 4). */
  criticalK?: number;
  /** Intervals shorter than this are floored to it, so a daily buyer is not "dormant" after a weekend (default 7). */
  minIntervalDays?: number;
}

/**
 * Dormant when days since the last order > k × the buyer's own average
 * interval (AccountInsights.averageDaysBetweenOrders). Without a rhythm
 * (null interval) nothing can be said: no alert.
 */
export function dormantBuyer(
  facts: { lastOrderAt: Date | null; averageDaysBetweenOrders: number | null; now: Date },
  o: DormantOptions = {},
): Detection | null {
  if (!facts.lastOrderAt || facts.averageDaysBetweenOrders === null) return null;
  const k = o.k ?? 2;
  const criticalK = o.criticalK ?? 4;
  const interval = Math.max(facts.averageDaysBetweenOrders, o.minIntervalDays ?? 7);
  const since = (facts.now.getTime() - facts.lastOrderAt.getTime()) / DAY_MS;
  if (since <= k * interval) return null;
  return {
    severity: since > criticalK * interval ? 'CRITICAL' : 'WARNING',
    message: `no order for ${days(since)}; usually orders every ${days(Math.max(1, Math.round(facts.averageDaysBetweenOrders)))}`,
  };
}

// ---------------------------------------------------------------------------
// Credit near its limit (the service shows it only to viewers who may see credit, V5).

export function creditNearLimit(
  used: number,
  limit: number | null,
  o: { warnAt?: number; criticalAt?: number } = {},
): Detection | null {
  if (limit === null || limit <= 0) return null;
  const share = used / limit;
  const warnAt = o.warnAt ?? 0.9;
  if (share < warnAt) return null;
  return {
    severity: share >= (o.criticalAt ?? 1) ? 'CRITICAL' : 'WARNING',
    message: `credit ${Math.round(share * 100)}% used`,
  };
}

// ---------------------------------------------------------------------------
// Low stock: cover shorter than the lead time (from a replenishment plan).

export function lowStock(
  plan: { daysOfCover: number | null; suggestedQuantity: number },
  leadTimeDays: number,
): Detection | null {
  if (plan.daysOfCover === null || plan.daysOfCover >= leadTimeDays) return null;
  return {
    severity: plan.daysOfCover < leadTimeDays / 2 ? 'CRITICAL' : 'WARNING',
    message: `${days(plan.daysOfCover)} of cover left, ${days(leadTimeDays)} lead time; order ${plan.suggestedQuantity}`,
  };
}

/** Whole days in words: "1 day", "5 days" (fractions dropped: a day not yet over has not passed). */
function days(v: number): string {
  const n = Math.floor(v);
  return `${n} day${n === 1 ? '' : 's'}`;
}

function round(v: number): string {
  return Number.isInteger(v) || v >= 10 ? String(Math.round(v)) : v.toFixed(1);
}
