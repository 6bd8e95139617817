/**
 * GB/T 2260 containment, pure (no code table): usable by the pricing engine.
 * 440000 -> "44", 440300 -> "4403", 440304 -> "440304"; a code contains
 * every code that starts with its prefix.
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
