/**
 * Nelder–Mead simplex minimiser over an unconstrained vector.
 *
 * Why this one: the smoothing models have 2–4 parameters and an SSE that is
 * cheap (one pass over ≤ a few hundred points) but not differentiable in
 * closed form. Nelder–Mead needs no gradient, converges in a few hundred
 * evaluations at this size, and keeps the whole backtest inside the 100 ms
 * budget. Box constraints are handled by the callers, which map ℝ onto their
 * intervals (logistic transforms), so the simplex can roam freely.
 */
export interface MinimiseOptions {
  /** Initial simplex edge length along each axis. */
  step?: number;
  maxEvaluations?: number;
  /** Stop when the spread of f over the simplex is below this (relative to |f best| + tiny). */
  tolerance?: number;
}

export interface MinimiseResult {
  x: number[];
  value: number;
  evaluations: number;
}

export function minimise(f: (x: number[]) => number, start: number[], options: MinimiseOptions = {}): MinimiseResult {
  const d = start.length;
  const step = options.step ?? 1;
  const maxEvaluations = options.maxEvaluations ?? 200 * d;
  const tolerance = options.tolerance ?? 1e-8;
  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    // A diverging model (NaN/Infinity) must lose against any finite point.
    return Number.isFinite(v) ? v : Number.MAX_VALUE;
  };

  const points: number[][] = [start.slice()];
  for (let i = 0; i < d; i++) {
    const p = start.slice();
    p[i] += step;
    points.push(p);
  }
  const values = points.map(evaluate);
  const order = points.map((_, i) => i);
  const centroid = new Array<number>(d);
  const along = (from: number[], to: number[], t: number): number[] => from.map((v, i) => v + t * (to[i] - v));

  while (evaluations < maxEvaluations) {
    order.sort((a, b) => values[a] - values[b]);
    const best = order[0];
    const worst = order[d];
    const secondWorst = order[d - 1];
    if (values[worst] - values[best] <= tolerance * (Math.abs(values[best]) + 1e-12)) break;

    centroid.fill(0);
    for (let k = 0; k < d; k++) {
      const p = points[order[k]];
      for (let i = 0; i < d; i++) centroid[i] += p[i] / d;
    }
    // Reflection, expansion and contraction all lie on the line from the worst point through the centroid.
    const reflected = along(points[worst], centroid, 2);
    const fr = evaluate(reflected);
    if (fr < values[best]) {
      const expanded = along(points[worst], centroid, 3);
      const fe = evaluate(expanded);
      if (fe < fr) {
        points[worst] = expanded;
        values[worst] = fe;
      } else {
        points[worst] = reflected;
        values[worst] = fr;
      }
      continue;
    }
    if (fr < values[secondWorst]) {
      points[worst] = reflected;
      values[worst] = fr;
      continue;
    }
    const outside = fr < values[worst];
    const contracted = outside ? along(points[worst], centroid, 1.5) : along(points[worst], centroid, 0.5);
    const fc = evaluate(contracted);
    if (fc < (outside ? fr : values[worst])) {
      points[worst] = contracted;
      values[worst] = fc;
      continue;
    }
    // Shrink everything towards the best point.
    for (const k of order.slice(1)) {
      points[k] = along(points[best], points[k], 0.5);
      values[k] = evaluate(points[k]);
    }
  }
  let bestIndex = 0;
  for (let k = 1; k <= d; k++) if (values[k] < values[bestIndex]) bestIndex = k;
  return { x: points[bestIndex], value: values[bestIndex], evaluations };
}

/** Maps any real number into the open interval (lo, hi); the inverse of {@link toReal}. */
export function toInterval(u: number, lo: number, hi: number): number {
  return lo + (hi - lo) / (1 + Math.exp(-u));
}

/** The real number that {@link toInterval} maps onto v (v inside (lo, hi)). */
export function toReal(v: number, lo: number, hi: number): number {
  const p = (v - lo) / (hi - lo);
  return Math.log(p / (1 - p));
}
