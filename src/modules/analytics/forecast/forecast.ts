/**
 * demandForecast: the per-series method choice the contract describes.
 * Candidates compete in a rolling-origin backtest, the lowest MASE wins, the
 * baseline's scores are reported beside it, and the winner refitted on the
 * whole history gives the forecast with 80% intervals from its own backtest
 * errors. Pure: numbers in, numbers out; the service maps periods to dates.
 */
import { runBacktest, planBacktest, type BacktestPlan, type CandidateBacktest } from './backtest.js';
import { stepSpread } from './intervals.js';
import { CANDIDATES, NON_SEASONAL_LINEUP, SEASONAL_LINEUP, fitNaive } from './methods.js';
import { mean } from './metrics.js';
import { Z80 } from '../stats.js';
import type {
  BacktestSummary,
  CandidateScore,
  DemandForecastOptions,
  DemandForecastResult,
  ForecastMethod,
  ForecastStep,
} from './types.js';

/** Below this many points nothing is backtested: the answer is a flat forecast, flagged. */
export const VERY_SHORT_BELOW = 4;
const DEFAULT_MAX_ORIGINS = 8;
/** Shortest training window without seasons: the naive scale needs 2 points, the damped trend's line 3. */
const MIN_TRAIN_NON_SEASONAL = 3;

export function demandForecast(series: readonly number[], options: DemandForecastOptions): DemandForecastResult {
  const m = options.seasonLength;
  const h = options.horizon;
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`seasonLength must be a positive integer, got ${m}`);
  if (!Number.isInteger(h) || h < 1) throw new RangeError(`horizon must be a positive integer, got ${h}`);
  for (const v of series)
    if (!Number.isFinite(v) || v < 0) throw new RangeError('demand must be finite and non-negative');

  const n = series.length;
  if (n < VERY_SHORT_BELOW) return flatForecast(series, h);

  const seasonal = isSeasonal(n, m);
  const lineup = seasonal ? SEASONAL_LINEUP : NON_SEASONAL_LINEUP;
  const baselineMethod: ForecastMethod = seasonal ? 'SEASONAL_NAIVE' : 'NAIVE';
  const plan = backtestPlanFor(n, options);
  if (!plan) return flatForecast(series, h); // unreachable for n ≥ VERY_SHORT_BELOW, kept as a guard

  const results = lineup.map((method) => runBacktest(series, plan, CANDIDATES[method], m));
  const chosen = choose(results);
  const baseline = results.find((r) => r.score.method === baselineMethod)!.score;

  const model = CANDIDATES[chosen.score.method].fit(series, m);
  const spread = stepSpread(chosen.errors, h);
  const points = toSteps(model.forecast(h), spread);

  const notes: string[] = [];
  if (!seasonal && m > 1) {
    notes.push(
      `Only ${n} periods of history, under two seasons (${2 * m}): seasonal methods stepped aside and NAIVE is the baseline.`,
    );
  }
  if (plan.horizon < h) {
    notes.push(
      `Backtested ${plan.horizon} periods ahead (the history holds no more); intervals further out widen with the square root of the step.`,
    );
  }
  const backtest: BacktestSummary = {
    origins: plan.origins.length,
    horizon: plan.horizon,
    scale: plan.scaleLag === 1 ? 'NAIVE' : 'SEASONAL_NAIVE',
    mase: chosen.score.mase,
    smape: chosen.score.smape,
    baselineMethod,
    baselineMase: baseline.mase,
    baselineSmape: baseline.smape,
    candidates: results.map((r) => r.score),
  };
  return {
    method: chosen.score.method,
    history: seasonal || m === 1 ? 'FULL' : 'SHORT',
    note: notes.length ? notes.join(' ') : null,
    points,
    stepSd: spread,
    backtest,
    parameters: model.parameters,
  };
}

/** Seasonal candidates compete only with two whole seasons of history: one to learn the pattern, one to see it repeat. */
function isSeasonal(n: number, m: number): boolean {
  return m > 1 && n >= 2 * m;
}

/**
 * The origins and horizon demandForecast backtests a series of n points on
 * (exported so tests can score other forecasters at the very same origins).
 * Seasonal origins keep a season plus a quarter of one, so Holt–Winters'
 * start-up estimate has something to stand on.
 */
export function backtestPlanFor(n: number, options: DemandForecastOptions): BacktestPlan | null {
  if (n < VERY_SHORT_BELOW) return null;
  const m = options.seasonLength;
  const minTrain = isSeasonal(n, m) ? m + Math.max(2, Math.ceil(m / 4)) : MIN_TRAIN_NON_SEASONAL;
  return planBacktest(n, {
    seasonLength: m,
    horizon: options.horizon,
    minTrain,
    maxOrigins: options.maxOrigins ?? DEFAULT_MAX_ORIGINS,
  });
}

/**
 * Lowest MASE wins; ties go to the earlier candidate in the lineup (the
 * baseline leads it), so a richer method must be strictly better. When no
 * candidate has a MASE (every training window was flat), MAE decides.
 */
function choose(results: CandidateBacktest[]): CandidateBacktest {
  const key = (s: CandidateScore): number => s.mase ?? Number.POSITIVE_INFINITY;
  const anyMase = results.some((r) => r.score.mase !== null);
  let best = results[0];
  for (const r of results.slice(1)) {
    const better = anyMase ? key(r.score) < key(best.score) : (r.score.mae ?? Infinity) < (best.score.mae ?? Infinity);
    if (better) best = r;
  }
  return best;
}

function toSteps(forecast: number[], spread: number[]): ForecastStep[] {
  return forecast.map((raw, k) => {
    const units = Math.max(0, raw);
    return {
      step: k + 1,
      units,
      lower: Math.max(0, units - Z80 * spread[k]),
      upper: units + Z80 * spread[k],
    };
  });
}

/**
 * Too little history to test anything: the last value carried forward
 * (NAIVE), with an interval as wide as the level itself per √step — or the
 * points' own spread if larger — and no scores. Wide on purpose: nothing
 * about this series has been checked.
 */
function flatForecast(series: readonly number[], h: number): DemandForecastResult {
  const n = series.length;
  const last = n ? fitNaive(series).forecast(1)[0] : 0;
  const avg = n ? mean(series) : 0;
  const sd = n > 1 ? Math.sqrt(series.reduce((s, v) => s + (v - avg) ** 2, 0) / (n - 1)) : 0;
  const base = Math.max(sd, avg);
  const spread = Array.from({ length: h }, (_, k) => base * Math.sqrt(k + 1));
  return {
    method: 'NAIVE',
    history: 'VERY_SHORT',
    note: `Only ${n} period${n === 1 ? '' : 's'} of history: too few to backtest, so a flat forecast of the last value with wide intervals.`,
    points: toSteps(new Array<number>(h).fill(last), spread),
    stepSd: spread,
    backtest: {
      origins: 0,
      horizon: 0,
      scale: null,
      mase: null,
      smape: null,
      baselineMethod: 'NAIVE',
      baselineMase: null,
      baselineSmape: null,
      candidates: [],
    },
    parameters: {},
  };
}
