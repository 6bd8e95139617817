import { readFileSync } from 'node:fs';

/** GB/T 2260 division codes and names (provinces, prefectures, counties). */
const NAMES: Record<string, string> = JSON.parse(
  readFileSync(new URL('./gbt2260.json', import.meta.url), 'utf8'),
).regions;

export function isRegionCode(code: string): boolean {
  return Object.hasOwn(NAMES, code);
}

export function regionName(code: string): string | null {
  return NAMES[code] ?? null;
}

export { regionContains, regionPrefix, withinTerritory } from './containment.js';
