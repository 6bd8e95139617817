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

/**
 * The significant prefix of a code: 440000 -> "44", 440300 -> "4403",
 * 440304 -> "440304". A code contains every code that starts with its prefix.
 */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** 440000 ⊃ 440300 ⊃ 440304; a code contains itself. */
export function regionContains(outer: string, inner: string): boolean {
  return inner.startsWith(regionPrefix(outer));
}

export function withinTerritory(code: string, territory: readonly string[]): boolean {
  return territory.some((t) => regionContains(t, code));
}
