/**
 * `npx tsx test/bench/forecast.ts` — times demandForecast (backtest included)
 * on a two-year weekly series, the 100 ms budget. A console timing,
 * not a test: timings belong to the bench, never to assertions.
 */
import { performance } from 'node:perf_hooks';
import { demandForecast } from '../../src/modules/analytics/forecast/index.js';
import { demandSeries } from '../support/series.js';

const RUNS = 100;
const WARMUP = 10;
const series = (seed: number) =>
  demandSeries({ length: 104, seasonLength: 52, level: 120, trend: 0.4, seasonAmplitude: 40, noiseSd: 12, seed });

const first = performance.now();
const cold = demandForecast(series(0), { seasonLength: 52, horizon: 13 });
const coldMs = performance.now() - first;

// Warm-up: what a running server has done after its first few forecasts.
for (let i = 1; i <= WARMUP; i++) demandForecast(series(1000 + i), { seasonLength: 52, horizon: 13 });

const times: number[] = [];
for (let i = 1; i <= RUNS; i++) {
  const y = series(i);
  const t0 = performance.now();
  demandForecast(y, { seasonLength: 52, horizon: i % 2 ? 13 : 26 });
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
console.log(
  `demandForecast, weekly, 104 points, horizon 13/26, ${cold.backtest.origins} origins × ${cold.backtest.candidates.length} candidates`,
);
console.log(`cold (first call, JIT warming): ${coldMs.toFixed(1)} ms`);
console.log(
  `warm (after ${WARMUP}) over ${RUNS} series: p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms (budget 100 ms)`,
);
console.log(
  `chosen ${cold.method}; MASE ${cold.backtest.mase?.toFixed(3)} vs ${cold.backtest.baselineMethod} ${cold.backtest.baselineMase?.toFixed(3)}`,
);
