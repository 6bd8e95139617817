import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Viewer } from './viewer.js';
import { hasFinanceRole } from './access.js';

/**
 * The one predicate every tenant read goes through: rows whose account path
 * contains the viewer's account (the viewer's subtree, V1). Anonymous viewers
 * match nothing.
 */
export function inSubtree(pathColumn: PgColumn, viewer: Viewer | null): SQL {
  if (!viewer) return sql`false`;
  return sql`${pathColumn} @> ARRAY[${viewer.accountId}]::integer[]`;
}

/**
 * V5 in SQL: finance rows (ledger, statements, invoices, rebates) of the
 * viewer's subtree, for its ADMIN and FINANCE users only; nothing for other
 * roles. The SQL form of `seesFinanceOf` (./access.ts).
 */
export function inFinanceScope(pathColumn: PgColumn, viewer: Viewer | null): SQL {
  return viewer && hasFinanceRole(viewer) ? inSubtree(pathColumn, viewer) : sql`false`;
}
