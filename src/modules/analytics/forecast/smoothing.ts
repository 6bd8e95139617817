/**
 * Exponential smoothing in error-correction form (Hyndman et al., ETS(A,Ad,A)
 * and its sub-models): one filter serves SES (no trend, no season), damped
 * Holt (no season) and damped additive Holt–Winters.
 *
 *   ŷ  = l + φ·b + s[t mod m]          e = y − ŷ
 *   l' = l + φ·b + α·e                 b' = φ·b + β·e          s[t mod m] += γ·e
 *
 * Parameters are fitted by minimising the in-sample one-step SSE with
 * Nelder–Mead over transformed parameters that keep them in the usual
 * admissible region: 0 < α < 1, 0 < β < α, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98
 * (φ bounded as in forecast::ets, so a trend never runs away undamped).
 */
import { levelAndTrend, seasonalIndices } from './init.js';
import { minimise, toInterval, toReal } from './optimise.js';
import type { FittedModel, ForecastMethod } from './types.js';

interface Params {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

interface State {
  level: number;
  trend: number;
  /** Ring of seasonal indices by absolute time mod m; empty without a season. */
  season: number[];
}

const EPS = 1e-4;
const PHI_MIN = 0.8;
const PHI_MAX = 0.98;

/** Runs the filter over y from `initial`; returns the one-step SSE and the final state. */
function filter(y: readonly number[], p: Params, initial: State): { sse: number; state: State } {
  let l = initial.level;
  let b = initial.trend;
  const s = initial.season.slice();
  const m = s.length;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const si = m > 0 ? s[t % m] : 0;
    const e = y[t] - (l + p.phi * b + si);
    sse += e * e;
    l = l + p.phi * b + p.alpha * e;
    b = p.phi * b + p.beta * e;
    if (m > 0) s[t % m] = si + p.gamma * e;
  }
  return { sse, state: { level: l, trend: b, season: s } };
}

function project(state: State, p: Params, n: number, h: number): number[] {
  const m = state.season.length;
  const out = new Array<number>(h);
  let damp = 0;
  let phiK = 1;
  for (let k = 1; k <= h; k++) {
    phiK *= p.phi;
    damp += phiK;
    out[k - 1] = state.level + damp * state.trend + (m > 0 ? state.season[(n - 1 + k) % m] : 0);
  }
  return out;
}

function model(
  method: ForecastMethod,
  y: readonly number[],
  p: Params,
  initial: State,
  parameters: Record<string, number>,
): FittedModel {
  const { state } = filter(y, p, initial);
  return { method, parameters, forecast: (h) => project(state, p, y.length, h) };
}

/** Simple exponential smoothing: α and the initial level are both fitted (two parameters are cheap). */
export function fitSes(y: readonly number[]): FittedModel {
  const spread = Math.max(1, Math.abs(y[0]));
  const decode = (u: number[]): { p: Params; level: number } => ({
    p: { alpha: toInterval(u[0], EPS, 1 - EPS), beta: 0, gamma: 0, phi: 1 },
    level: y[0] + u[1] * spread,
  });
  const best = minimise(
    (u) => {
      const { p, level } = decode(u);
      return filter(y, p, { level, trend: 0, season: [] }).sse;
    },
    [toReal(0.3, EPS, 1 - EPS), 0],
    { maxEvaluations: 200 },
  );
  const { p, level } = decode(best.x);
  return model('SES', y, p, { level, trend: 0, season: [] }, { alpha: p.alpha });
}

function decodeTrend(u: number[]): Params {
  const alpha = toInterval(u[0], EPS, 1 - EPS);
  return {
    alpha,
    beta: toInterval(u[1], EPS, 1 - EPS) * alpha,
    gamma: u.length > 3 ? toInterval(u[3], EPS, 1 - EPS) * (1 - alpha) : 0,
    phi: toInterval(u[2], PHI_MIN, PHI_MAX),
  };
}

/** Start: α 0.3, β 0.1·α, φ 0.9 (, γ 0.1·(1 − α)) — mid-range values that converge from most series. */
const START_TREND = [toReal(0.3, EPS, 1 - EPS), toReal(0.1, EPS, 1 - EPS), toReal(0.9, PHI_MIN, PHI_MAX)];
const START_SEASON = [...START_TREND, toReal(0.1, EPS, 1 - EPS)];

/** Damped additive trend (Holt): α, β, φ fitted; level and trend initialised from a line through the start. */
export function fitHoltDamped(y: readonly number[]): FittedModel {
  const initial: State = { ...levelAndTrend(y, null), season: [] };
  const best = minimise((u) => filter(y, decodeTrend(u), initial).sse, START_TREND, { maxEvaluations: 300 });
  const p = decodeTrend(best.x);
  return model('HOLT_DAMPED', y, p, initial, { alpha: p.alpha, beta: p.beta, phi: p.phi });
}

/** Damped additive Holt–Winters with additive seasonality; needs at least one season (m points) of history. */
export function fitHoltWinters(y: readonly number[], m: number): FittedModel {
  const season = seasonalIndices(y, m);
  const initial: State = { ...levelAndTrend(y, season), season };
  const best = minimise((u) => filter(y, decodeTrend(u), initial).sse, START_SEASON, { maxEvaluations: 400 });
  const p = decodeTrend(best.x);
  return model('HOLT_WINTERS', y, p, initial, { alpha: p.alpha, beta: p.beta, gamma: p.gamma, phi: p.phi });
}
