/**
 * Initial states for the smoothing models, estimated from the first part of
 * the series (as forecast::ets does) rather than optimised: it keeps the
 * optimiser to the 2–4 smoothing parameters, which is what makes fitting fast.
 */

/** Least-squares line through (i, y[i]) for i in [0, n): intercept at i = 0 and slope. */
export function linearFit(y: readonly number[], n = y.length): { intercept: number; slope: number } {
  if (n <= 0) return { intercept: 0, slope: 0 };
  if (n === 1) return { intercept: y[0], slope: 0 };
  const xMean = (n - 1) / 2;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i];
  yMean /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - xMean) * (y[i] - yMean);
    sxx += (i - xMean) * (i - xMean);
  }
  const slope = sxy / sxx;
  return { intercept: yMean - slope * xMean, slope };
}

/**
 * Additive seasonal indices (summing to 0), one per position in the season.
 *
 * With two seasons or more: classical decomposition of the first (up to three)
 * seasons — a centred moving average of order m (2×m for even m) takes the
 * trend out, and each position's index is the mean of its detrended values.
 * With one season and a bit (backtest origins of a two-year weekly series):
 * deviations of the first season from its mean, corrected by the trend seen
 * in the part after it — cruder, but it lets the backtest compare like with like.
 */
export function seasonalIndices(y: readonly number[], m: number): number[] {
  const n = y.length;
  if (n < m) throw new RangeError(`seasonal indices need a whole season (${m} points), got ${n}`);
  const season = new Array<number>(m).fill(0);
  if (n >= 2 * m) {
    const k = Math.min(Math.floor(n / m), 3) * m;
    const half = Math.floor(m / 2);
    const prefix = new Array<number>(k + 1).fill(0);
    for (let i = 0; i < k; i++) prefix[i + 1] = prefix[i] + y[i];
    const sums = new Array<number>(m).fill(0);
    const counts = new Array<number>(m).fill(0);
    for (let t = half; t + half < k; t++) {
      // Even m: the 2×m average (half weight on both ends) centres the window on t.
      const trend =
        m % 2 === 0
          ? (prefix[t + half] - prefix[t - half] + prefix[t + half + 1] - prefix[t - half + 1]) / (2 * m)
          : (prefix[t + half + 1] - prefix[t - half]) / m;
      sums[t % m] += y[t] - trend;
      counts[t % m]++;
    }
    for (let j = 0; j < m; j++) season[j] = counts[j] > 0 ? sums[j] / counts[j] : 0;
  } else {
    // A line fitted to a single season would soak up the seasonal shape itself
    // (a sine over one period has a steep OLS slope), so the slope comes from
    // same-position differences y[i] − y[i−m], in which the season cancels.
    let slope = 0;
    for (let i = m; i < n; i++) slope += (y[i] - y[i - m]) / m;
    slope = n > m ? slope / (n - m) : 0;
    let mean = 0;
    for (let j = 0; j < m; j++) mean += y[j] / m;
    for (let j = 0; j < m; j++) season[j] = y[j] - (mean + slope * (j - (m - 1) / 2));
  }
  const mean = season.reduce((a, b) => a + b, 0) / m;
  return season.map((s) => s - mean);
}

/**
 * Level and trend before the first observation, from a line through the first
 * max(10, 2m) (deseasonalised) points: the state at time −1, so that the
 * model's first one-step prediction lands on the line at time 0.
 */
export function levelAndTrend(
  y: readonly number[],
  season: readonly number[] | null,
): { level: number; trend: number } {
  const m = season?.length ?? 0;
  const n = Math.min(y.length, Math.max(10, 2 * m));
  const adjusted = season ? y.slice(0, n).map((v, i) => v - season[i % m]) : y.slice(0, n);
  const { intercept, slope } = linearFit(adjusted);
  return { level: intercept - slope, trend: slope };
}
