/**
 * Deterministic synthetic demand series for the analytics tests and the
 * forecast bench: a seeded PRNG (mulberry32) and Box–Muller normals, so every
 * run sees the same numbers.
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normal(random: () => number): () => number {
  return () => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}

export interface SeriesShape {
  length: number;
  seasonLength: number;
  level: number;
  /** Added per period. */
  trend?: number;
  /** Amplitude of a yearly sine plus a sharper peak (a promotion week/month). */
  seasonAmplitude?: number;
  noiseSd: number;
  seed: number;
}

/** level + trend·t + season(t) + noise, rounded to whole units and never below 0 (as real demand is). */
export function demandSeries(s: SeriesShape): number[] {
  const noise = normal(rng(s.seed));
  const amp = s.seasonAmplitude ?? 0;
  return Array.from({ length: s.length }, (_, t) => {
    const phase = (2 * Math.PI * (t % s.seasonLength)) / s.seasonLength;
    const peak = t % s.seasonLength === Math.floor(s.seasonLength * 0.85) ? amp : 0;
    const mean = s.level + (s.trend ?? 0) * t + amp * Math.sin(phase) + peak;
    return Math.max(0, Math.round(mean + s.noiseSd * noise()));
  });
}
