/**
 * Forecast-error spread per step ahead, from the chosen method's backtest errors.
 *
 * Why a normal approximation (±z·RMSE per step) rather than the 10%/90%
 * quantiles of the errors: with at most 8 origins there are at most 8 errors
 * per step, and the 10% quantile of 8 numbers is little more than their
 * minimum. RMSE uses every error and includes any bias of the method.
 * Two corrections keep it honest with few origins:
 * - the spread never shrinks with the step (a running maximum): uncertainty
 *   does not fall further out, whatever noise the few errors carry;
 * - steps beyond the backtest horizon (when the history could not hold the
 *   whole horizon) grow from the last measured step like √(step), the random
 *   walk rate, rather than stay flat.
 */
export function stepSpread(errors: readonly (readonly number[])[], horizon: number): number[] {
  const measured = errors.length;
  const out = new Array<number>(horizon);
  let running = 0;
  for (let k = 0; k < horizon; k++) {
    if (k < measured) {
      const e = errors[k];
      let sum = 0;
      for (const v of e) sum += v * v;
      running = Math.max(running, e.length ? Math.sqrt(sum / e.length) : 0);
      out[k] = running;
    } else {
      out[k] = out[measured - 1] * Math.sqrt((k + 1) / measured);
    }
  }
  return out;
}
