/**
 * In-sample MAE of the lag-`lag` naive forecast over y[0..n): the MASE scale.
 * lag m is the seasonal-naive error (the contract's scale), lag 1 the naive one.
 */
export function naiveScale(y: readonly number[], lag: number, n = y.length): number {
  if (n <= lag) return Number.NaN;
  let sum = 0;
  for (let i = lag; i < n; i++) sum += Math.abs(y[i] - y[i - lag]);
  return sum / (n - lag);
}

/**
 * Symmetric absolute percentage error of one point, in percent (0..200).
 * 0/0 (nothing sold, nothing forecast) is a perfect 0, not NaN: demand series
 * have many zero periods and a forecast of 0 for them is exactly right.
 */
export function smapeTerm(actual: number, forecast: number): number {
  const denominator = Math.abs(actual) + Math.abs(forecast);
  return denominator === 0 ? 0 : (200 * Math.abs(actual - forecast)) / denominator;
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length ? sum / values.length : Number.NaN;
}
