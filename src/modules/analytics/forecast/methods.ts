import { fitHoltDamped, fitHoltWinters, fitSes } from './smoothing.js';
import type { Candidate, FittedModel, ForecastMethod } from './types.js';

/** Tomorrow looks like today: the last value, repeated. */
export function fitNaive(y: readonly number[]): FittedModel {
  const last = y[y.length - 1];
  return { method: 'NAIVE', parameters: {}, forecast: (h) => new Array<number>(h).fill(last) };
}

/** Next season looks like the last one: the value one season back, repeated season by season. */
export function fitSeasonalNaive(y: readonly number[], m: number): FittedModel {
  const lastSeason = y.slice(y.length - m);
  return {
    method: 'SEASONAL_NAIVE',
    parameters: {},
    forecast: (h) => Array.from({ length: h }, (_, k) => lastSeason[k % m]),
  };
}

export const CANDIDATES: Record<ForecastMethod, Candidate> = {
  SEASONAL_NAIVE: { method: 'SEASONAL_NAIVE', fit: fitSeasonalNaive },
  NAIVE: { method: 'NAIVE', fit: fitNaive },
  SES: { method: 'SES', fit: fitSes },
  HOLT_DAMPED: { method: 'HOLT_DAMPED', fit: fitHoltDamped },
  HOLT_WINTERS: { method: 'HOLT_WINTERS', fit: fitHoltWinters },
};

/** Seasonal competitors first (the baseline leads, so it wins ties), then the rest from simple to rich. */
export const SEASONAL_LINEUP: ForecastMethod[] = ['SEASONAL_NAIVE', 'NAIVE', 'SES', 'HOLT_DAMPED', 'HOLT_WINTERS'];
export const NON_SEASONAL_LINEUP: ForecastMethod[] = ['NAIVE', 'SES', 'HOLT_DAMPED'];
