/**
 * Reads a V8 .cpuprofile (from `node --cpu-prof`) and tells where the time
 * went: self time by package / source area, and the hottest functions.
 * `npx tsx test/bench/profile.ts FILE.cpuprofile` prints the same summary.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

/** node_modules/<pkg>, src/<dir>, node:internal, (program), (garbage collector)… */
export function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native / V8)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const src = /\/(src|test)\/(.+)$/.exec(url);
  if (src) {
    const parts = src[2].split('/');
    return `${src[1]}/${parts.length > 2 ? parts.slice(0, 2).join('/') : parts.join('/')}`;
  }
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  return url;
}

export function summarizeProfile(profile: CpuProfile, top = 25): string {
  const totalSamples = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const msPerSample = totalSamples ? totalMs / totalSamples : 0;
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + hits);
    const key =
      `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*?(node_modules|src|test)\//, '$1/')}:${lineNumber + 1}` : ''}`.trim();
    byFn.set(key, (byFn.get(key) ?? 0) + hits);
  }
  const pct = (h: number) => `${((h / totalSamples) * 100).toFixed(1)}%`.padStart(6);
  const ms = (h: number) => `${Math.round(h * msPerSample)} ms`.padStart(9);
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `${Math.round(totalMs)} ms profiled, ${totalSamples} samples`,
    'self time by area:',
    ...sorted(byArea).map(([k, h]) => `  ${pct(h)} ${ms(h)}  ${k}`),
    'hottest functions (self time):',
    ...sorted(byFn).map(([k, h]) => `  ${pct(h)} ${ms(h)}  ${k}`),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]) && process.argv[2]) {
  console.log(summarizeProfile(JSON.parse(readFileSync(process.argv[2], 'utf8')), 40));
}
