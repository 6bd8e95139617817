import { sql, type SQL } from 'drizzle-orm';

/** An int[] literal built from parameters (drizzle would expand a bare JS array into a row). */
export function intArray(ids: readonly number[]): SQL {
  return ids.length ? sql`ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::int[]` : sql`'{}'::int[]`;
}

export function textArray(values: readonly string[]): SQL {
  return values.length ? sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]` : sql`'{}'::text[]`;
}

/** `%value%` for ILIKE, with the wildcard characters in `value` taken literally. */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Postgres unique violation: the name of the violated constraint, else null. */
export function uniqueViolation(e: unknown): string | null {
  const err = e as { code?: string; constraint_name?: string; cause?: { code?: string; constraint_name?: string } };
  const pg = err.cause ?? err;
  return pg.code === '23505' ? (pg.constraint_name ?? 'unique') : null;
}
