import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

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

/** SQL: some code of the text[] `coverage` contains the region `code` (same rule as regionContains). */
export function coverageContainsSql(coverage: SQLWrapper, code: SQLWrapper | string): SQL {
  return sql`exists (select 1 from unnest(${coverage}) c where ${code} like (case when c like '%0000' then left(c, 2) when c like '%00' then left(c, 4) else c end) || '%')`;
}
