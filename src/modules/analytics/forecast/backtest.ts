/**
 * Rolling-origin evaluation: every candidate is fitted on the history up to
 * an origin and scored on the `horizon` periods after it, at several origins,
 * all candidates at the same origins so the comparison is like for like.
 */
import { mean, naiveScale, smapeTerm } from './metrics.js';
import type { Candidate, CandidateScore } from './types.js';

export interface BacktestPlan {
  /** Training lengths (origin t: fit on y[0..t), score y[t..t+horizon)), ascending. */
  origins: number[];
  horizon: number;
  /** Lag of the naive forecast whose in-sample MAE scales MASE: m (seasonal naive) or 1 (naive). */
  scaleLag: number;
}

export interface PlanOptions {
  seasonLength: number;
  horizon: number;
  /** Shortest training window any origin may have. */
  minTrain: number;
  maxOrigins: number;
}

/** Fewer origins than this and the backtest horizon is shortened to make room for them. */
const MIN_ORIGINS = 4;

/**
 * Where to put the origins. Each keeps its full backtest horizon after it.
 * Horizon: the requested one, shortened when the history cannot hold it with
 * at least MIN_ORIGINS origins (a monthly series of two years forecasting 12
 * months is scored 6 months ahead at 4 origins rather than 11 months at one).
 * Origins: up to maxOrigins, the last one at n − horizon, spread back through
 * the history but no further apart than half the horizon, so they stay close
 * to the end, where the final model is fitted.
 * Scale: seasonal naive when every training window has a season and one more
 * point to measure it on; otherwise naive (documented fall-back).
 */
export function planBacktest(n: number, o: PlanOptions): BacktestPlan | null {
  const room = n - o.minTrain;
  if (room < 1) return null;
  let horizon = Math.min(o.horizon, room - (MIN_ORIGINS - 1));
  if (horizon < 1) horizon = 1;
  const available = room - horizon + 1;
  const count = Math.min(o.maxOrigins, available);
  const spacing =
    count > 1 ? Math.max(1, Math.min(Math.floor((available - 1) / (count - 1)), Math.ceil(horizon / 2))) : 1;
  const origins = Array.from({ length: count }, (_, i) => n - horizon - (count - 1 - i) * spacing);
  const m = o.seasonLength;
  const scaleLag = m > 1 && origins[0] >= m + 1 ? m : 1;
  return { origins, horizon, scaleLag };
}

export interface CandidateBacktest {
  score: CandidateScore;
  /** errors[k][i]: actual − forecast at step k+1 from origin i. */
  errors: number[][];
}

export function runBacktest(
  y: readonly number[],
  plan: BacktestPlan,
  candidate: Candidate,
  seasonLength: number,
): CandidateBacktest {
  const h = plan.horizon;
  const errors: number[][] = Array.from({ length: h }, () => []);
  const scaled: number[] = [];
  const smapes: number[] = [];
  const absolute: number[] = [];
  for (const t of plan.origins) {
    const train = y.slice(0, t);
    // Forecasts are clamped at 0 before scoring: that is what the answer shows.
    const forecast = candidate
      .fit(train, seasonLength)
      .forecast(h)
      .map((v) => Math.max(0, v));
    let originAbs = 0;
    for (let k = 0; k < h; k++) {
      const actual = y[t + k];
      const e = actual - forecast[k];
      errors[k].push(e);
      originAbs += Math.abs(e);
      absolute.push(Math.abs(e));
      smapes.push(smapeTerm(actual, forecast[k]));
    }
    const scale = naiveScale(y, plan.scaleLag, t);
    // A flat training window has no scale (0): its origin cannot be scaled, so it drops out of MASE.
    if (scale > 0) scaled.push(originAbs / h / scale);
  }
  return {
    score: {
      method: candidate.method,
      mase: scaled.length ? mean(scaled) : null,
      smape: mean(smapes),
      mae: mean(absolute),
    },
    errors,
  };
}
