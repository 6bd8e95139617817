/** The forecasting methods, named as the contract's `DemandForecast.method` strings. */
export type ForecastMethod = 'SEASONAL_NAIVE' | 'NAIVE' | 'SES' | 'HOLT_DAMPED' | 'HOLT_WINTERS';

/**
 * How much history the series had, and so which candidates competed:
 * FULL — at least two seasons: all five, baseline SEASONAL_NAIVE;
 * SHORT — fewer than two seasons: non-seasonal ones only, baseline NAIVE;
 * VERY_SHORT — too few points to backtest: a flat forecast with wide intervals, no scores.
 */
export type HistoryStatus = 'FULL' | 'SHORT' | 'VERY_SHORT';

/** A fitted model, ready to project the series it was fitted on. */
export interface FittedModel {
  method: ForecastMethod;
  /** Point forecasts for the next `h` periods (unclamped: callers clamp at 0). */
  forecast(h: number): number[];
  /** Fitted smoothing parameters (alpha, beta, gamma, phi), empty for the naive methods. */
  parameters: Record<string, number>;
}

/** One competitor in the backtest: how much training it needs and how it fits. */
export interface Candidate {
  method: ForecastMethod;
  fit(series: readonly number[], seasonLength: number): FittedModel;
}

/** A forecast for one period ahead; maps onto the contract's ForecastPoint (the service adds periodStart). */
export interface ForecastStep {
  /** 1 for the first period after the history. */
  step: number;
  units: number;
  /** 80% prediction interval, clamped at 0; lower ≤ units ≤ upper. */
  lower: number;
  upper: number;
}

/** One candidate's backtest scores; maps onto ForecastCandidate. */
export interface CandidateScore {
  method: ForecastMethod;
  /** Mean over origins of MAE ÷ the in-sample scale; null when every origin had a zero scale. */
  mase: number | null;
  /** Symmetric MAPE in percent (0..200) over all backtest points; 0/0 counts as 0. */
  smape: number | null;
  /** Mean absolute error: the tie-breaker when MASE is undefined. */
  mae: number | null;
}

/** Maps onto ForecastBacktest. */
export interface BacktestSummary {
  origins: number;
  horizon: number;
  /** Which in-sample error scaled MASE: seasonal naive (lag m) or naive (lag 1); null without a backtest. */
  scale: 'SEASONAL_NAIVE' | 'NAIVE' | null;
  mase: number | null;
  smape: number | null;
  baselineMethod: ForecastMethod;
  baselineMase: number | null;
  baselineSmape: number | null;
  candidates: CandidateScore[];
}

/** What {@link demandForecast} returns: DemandForecast less the variant and the history the service already has. */
export interface DemandForecastResult {
  method: ForecastMethod;
  history: HistoryStatus;
  /** Why the answer is limited (short history), in words; null for a full one. */
  note: string | null;
  points: ForecastStep[];
  /**
   * Standard deviation of the forecast error per step (same length as points): what the
   * intervals were built from, and what replenishment turns into σ of daily demand.
   */
  stepSd: number[];
  backtest: BacktestSummary;
  /** The chosen model's parameters fitted on the whole history. */
  parameters: Record<string, number>;
}

export interface DemandForecastOptions {
  /** Periods per season: 52 for weekly, 12 for monthly; 1 disables seasonal candidates. */
  seasonLength: number;
  horizon: number;
  /** Backtest origins at most (default 8). */
  maxOrigins?: number;
}
