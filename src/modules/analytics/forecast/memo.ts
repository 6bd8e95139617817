/**
 * demandForecast remembered by its inputs. The forecast is a pure function of
 * the series and the options, and a series only changes when a whole period
 * ends or an order of a past period is cancelled, so the same warehouse or
 * sku asked again the same day fits the same models again: ~2 ms of CPU per
 * sku, 300 skus for a warehouse's replenishment (test/bench W3).
 *
 * Keyed by the numbers themselves, not by a warehouse and a day: nothing to
 * invalidate, a changed history is another key and can never read a stale
 * answer. Least recently used entries go first beyond MAX_REMEMBERED (per
 * process; under 1 kB an entry for three years weekly, 4 MB at most). Each
 * hit is a deep copy, so no caller can alter what the next one reads.
 */
import { demandForecast } from './forecast.js';
import type { DemandForecastOptions, DemandForecastResult } from './types.js';

export const MAX_REMEMBERED = 5_000;
const entries = new Map<string, DemandForecastResult>();

function keyOf(series: readonly number[], o: DemandForecastOptions): string {
  return `${o.seasonLength}|${o.horizon}|${o.maxOrigins ?? ''}|${series.join(',')}`;
}

export function rememberedForecast(series: readonly number[], options: DemandForecastOptions): DemandForecastResult {
  const key = keyOf(series, options);
  const hit = entries.get(key);
  if (hit) {
    // Most recently used moves to the end of the Map's insertion order.
    entries.delete(key);
    entries.set(key, hit);
    return structuredClone(hit);
  }
  const result = demandForecast(series, options);
  entries.set(key, structuredClone(result));
  if (entries.size > MAX_REMEMBERED) entries.delete(entries.keys().next().value!);
  return result;
}

/** How many forecasts are remembered (tests). */
export function rememberedForecasts(): number {
  return entries.size;
}

/** Forgets every forecast (tests). */
export function forgetForecasts(): void {
  entries.clear();
}
