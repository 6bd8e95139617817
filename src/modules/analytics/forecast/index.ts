export { backtestPlanFor, demandForecast, VERY_SHORT_BELOW } from './forecast.js';
export { planBacktest, runBacktest, type BacktestPlan, type CandidateBacktest } from './backtest.js';
export { CANDIDATES } from './methods.js';
export * from './types.js';
