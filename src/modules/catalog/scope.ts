import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Context } from '../../graphql/context.js';
import { intArray } from '../../db/sql.js';
import { channelSettings } from '../accounts/tables.js';

/**
 * Which sellers' assortments bound what a viewer sees of the catalog (V2):
 * - 'all': the brand, which owns the catalog;
 * - number[]: the viewer's ancestors, from the brand down to its seller; a
 *   variant is visible when every one of them offers it (a seller can only
 *   offer what it can buy);
 * - 'none': anonymous, unless the brand turned on a public catalog.
 */
export type CatalogScope = 'all' | 'none' | number[];

const scopes = new WeakMap<Context, Promise<CatalogScope>>();

export function catalogScope(ctx: Context): Promise<CatalogScope> {
  let scope = scopes.get(ctx);
  if (!scope) {
    scope = resolveScope(ctx);
    scopes.set(ctx, scope);
  }
  return scope;
}

async function resolveScope(ctx: Context): Promise<CatalogScope> {
  if (ctx.viewer) return ctx.viewer.account.parentId === null ? 'all' : ctx.viewer.accountPath.slice(0, -1);
  const [row] = await ctx.db
    .select({ rootId: channelSettings.rootId })
    .from(channelSettings)
    .where(eq(channelSettings.publicCatalog, true))
    .limit(1);
  return row ? [row.rootId] : 'none';
}

/** The scope of an account as a buyer: its ancestors (the brand buys from no one: everything). */
export function buyerScope(path: readonly number[]): CatalogScope {
  return path.length <= 1 ? 'all' : path.slice(0, -1);
}

/** SQL: the variant in `variantId` is offered all the way down the chain. */
export function variantVisible(variantId: PgColumn | SQL, scope: CatalogScope): SQL {
  if (scope === 'all') return sql`true`;
  if (scope === 'none') return sql`false`;
  return sql`not exists (
    select 1 from assortments a
    where a.seller_id = any(${intArray(scope)}) and not a.include_all
      and not exists (select 1 from assortment_items i where i.seller_id = a.seller_id and i.variant_id = ${variantId}))`;
}

/** SQL: the product has at least one visible variant. */
export function productVisible(productId: PgColumn, scope: CatalogScope): SQL {
  if (scope === 'all') return sql`exists (select 1 from variants v where v.product_id = ${productId})`;
  if (scope === 'none') return sql`false`;
  return sql`exists (select 1 from variants v where v.product_id = ${productId} and ${variantVisible(sql`v.id`, scope)})`;
}
