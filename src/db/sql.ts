import { getTableName, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './client.js';

/**
 * An int[] as ONE parameter (drizzle would expand a bare JS array into a row
 * of parameters): a statement's text then does not depend on how many ids it
 * is given, so it is prepared once per connection and reused (src/db/client.ts).
 */
export function intArray(ids: readonly number[]): SQL {
  return sql`${sql.param([...ids])}::int[]`;
}

export function textArray(values: readonly string[]): SQL {
  return sql`${sql.param([...values])}::text[]`;
}

/** `column = any($1::text[])`: inArray with one parameter. */
export function inTexts(column: SQLWrapper, values: readonly string[]): SQL {
  return sql`${column} = any(${textArray(values)})`;
}

/** `column = any($1::int[])`: inArray with one parameter, whatever the number of ids (an empty list matches nothing). */
export function inInts(column: SQLWrapper, ids: readonly number[]): SQL {
  return sql`${column} = any(${intArray(ids)})`;
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

/**
 * Locks rows by id FOR UPDATE, in id order, so transactions locking several
 * rows of a table queue behind each other instead of deadlocking. The usual
 * lock of a money or order workflow: one buyer's account, an order's row.
 */
export async function lockRows(tx: Tx, table: PgTable, ids: number | readonly number[]): Promise<void> {
  const list = typeof ids === 'number' ? [ids] : [...new Set(ids)].sort((a, b) => a - b);
  if (!list.length) return;
  await tx.execute(sql`select id from ${table} where ${inInts(sql`id`, list)} order by id for update`);
}

/** The next id of a table with a serial `id`, taken before the insert so the row's number can contain it. */
export async function nextId(tx: Tx, table: PgTable): Promise<number> {
  const [{ id }] = await tx.execute<{ id: number }>(
    sql`select nextval(pg_get_serial_sequence(${getTableName(table)}, 'id'))::int as id`,
  );
  return id;
}
