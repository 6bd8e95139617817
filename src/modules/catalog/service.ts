import { and, asc, count, eq, exists, getTableColumns, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Context } from '../../graphql/context.js';
import { keyOf } from '../../graphql/ids.js';
import { badInput } from '../../graphql/errors.js';
import { pageRequest, toConnection } from '../../graphql/connection.js';
import { containsPattern, inInts, inTexts } from '../../db/sql.js';
import { money } from '../../lib/money.js';
import { categories, products, variants, type CategoryRow, type ProductRow, type VariantRow } from './tables.js';
import { catalogScope, productVisible, variantVisible, type CatalogScope } from './scope.js';
import { accounts, channelSettings, portals } from '../accounts/tables.js';
import type { ProductFilter } from './types.js';
import { visibleOrNull } from '../../auth/access.js';

export interface MediaValue {
  url: string;
  kind: 'IMAGE' | 'DOCUMENT' | 'VIDEO';
  title: string | null;
}

const MAX_SKU_FILTER = 500;

/** A product row with its category and media, read in the same statement (a catalog page stays a few statements). */
export type ProductRecord = ProductRow & { categoryRow: CategoryRow | null; mediaList: MediaValue[] };

const productColumns = {
  ...getTableColumns(products),
  categoryRow: categories,
  mediaList: sql<
    MediaValue[]
  >`coalesce((select json_agg(json_build_object('url', m.url, 'kind', m.kind, 'title', m.title) order by m.position, m.id)
    from product_media m where m.product_id = ${products.id}), '[]'::json)`.as('media_list'),
};

function productQuery(ctx: Context) {
  return ctx.db.select(productColumns).from(products).leftJoin(categories, eq(categories.id, products.categoryId));
}

async function descendantCategoryIds(ctx: Context, rootId: number): Promise<number[]> {
  const rows = await ctx.db.execute<{ id: number }>(sql`
    with recursive sub as (select id from categories where id = ${rootId}
      union all select c.id from categories c join sub on c.parent_id = sub.id)
    select id from sub`);
  return rows.map((r) => r.id);
}

async function filterSql(ctx: Context, filter: ProductFilter | null | undefined): Promise<SQL[]> {
  const where: SQL[] = [];
  const search = filter?.search?.trim();
  if (search && search.length > 200) throw badInput('search is at most 200 characters');
  if (search) {
    const p = containsPattern(search);
    const scope = await catalogScope(ctx);
    where.push(
      or(
        ilike(products.name, p),
        ilike(products.code, p),
        // Only variants the viewer may see can make a product match (V2).
        exists(
          ctx.db
            .select({ one: sql`1` })
            .from(variants)
            .where(
              and(
                eq(variants.productId, products.id),
                or(ilike(variants.sku, p), ilike(variants.name, p)),
                variantVisible(variants.id, scope),
              ),
            ),
        ),
      )!,
    );
  }
  if (filter?.categoryId != null) {
    const key = keyOf(filter.categoryId, 'Category');
    where.push(key === null ? sql`false` : inInts(products.categoryId, await descendantCategoryIds(ctx, key)));
  }
  if (filter?.skus) {
    if (filter.skus.length > MAX_SKU_FILTER) throw badInput(`filter.skus takes at most ${MAX_SKU_FILTER} skus`);
    const scope = await catalogScope(ctx);
    where.push(
      filter.skus.length === 0
        ? sql`false`
        : exists(
            ctx.db
              .select({ one: sql`1` })
              .from(variants)
              .where(
                and(
                  eq(variants.productId, products.id),
                  inTexts(variants.sku, filter.skus),
                  variantVisible(variants.id, scope),
                ),
              ),
          ),
    );
  }
  return where;
}

/**
 * ProductFilter.sellerId: the seller's chain (itself and the sellers above
 * it) as a catalog scope, i.e. what it offers its buyers (it can offer only
 * what it can buy). Signed in, the seller must be the viewer's account, one
 * above it or one in its subtree; anonymous (a public catalog), a seller with
 * a portal in a channel whose catalog is public. Otherwise null: nothing.
 */
async function sellerOffering(ctx: Context, sellerId: string): Promise<number[] | null> {
  const key = keyOf(sellerId, 'Account');
  if (key === null) return null;
  const [seller] = await ctx.db
    .select({ id: accounts.id, path: accounts.path, rootId: accounts.rootId, tier: accounts.tier })
    .from(accounts)
    .where(eq(accounts.id, key));
  if (!seller || seller.tier === 'RETAILER') return null;
  const v = ctx.viewer;
  if (v) return v.accountPath.includes(seller.id) || seller.path.includes(v.accountId) ? seller.path : null;
  const [open] = await ctx.db
    .select({ one: sql`1` })
    .from(portals)
    .innerJoin(channelSettings, eq(channelSettings.rootId, seller.rootId))
    .where(and(eq(portals.accountId, seller.id), eq(channelSettings.publicCatalog, true)));
  return open ? seller.path : null;
}

/** A product listed for one seller's offering carries it, so its variants are narrowed the same way. */
type Listed = ProductRecord & { sellerScope?: CatalogScope };

/** V2: only products with a variant the viewer's seller chain offers, in every path (lists, totalCount, lookups). */
export async function list(ctx: Context, first?: number | null, after?: string | null, filter?: ProductFilter | null) {
  const req = pageRequest(first, after);
  let scope = await catalogScope(ctx);
  let sellerScope: CatalogScope | undefined;
  if (filter?.sellerId != null) {
    const offering = await sellerOffering(ctx, filter.sellerId);
    // Still V2: what the seller offers, within what the viewer may see (every seller of both chains must offer it).
    sellerScope =
      offering === null || scope === 'none'
        ? 'none'
        : scope === 'all'
          ? offering
          : [...new Set([...scope, ...offering])];
    scope = sellerScope;
  }
  const where = and(productVisible(products.id, scope), ...(await filterSql(ctx, filter)));
  const found = await productQuery(ctx)
    .where(req.afterKey === null ? where : and(where, gt(products.id, req.afterKey)))
    .orderBy(asc(products.id))
    .limit(req.limit);
  const rows: Listed[] = sellerScope ? found.map((r) => ({ ...r, sellerScope })) : found;
  return toConnection<Listed>(
    rows,
    req,
    (r) => r.id,
    async () => {
      const [{ n }] = await ctx.db.select({ n: count() }).from(products).where(where);
      return n;
    },
  );
}

export async function findVisibleProduct(ctx: Context, id: number): Promise<ProductRecord | null> {
  const [row] = await productQuery(ctx).where(
    and(eq(products.id, id), productVisible(products.id, await catalogScope(ctx))),
  );
  return row ?? null;
}

/** Several products by id, scoped, in the order asked. */
export async function findVisibleProducts(ctx: Context, ids: number[]): Promise<ProductRecord[]> {
  if (!ids.length) return [];
  const rows = await productQuery(ctx).where(
    and(inInts(products.id, ids), productVisible(products.id, await catalogScope(ctx))),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export const productByGlobalId = (ctx: Context, id: string) => visibleOrNull(ctx, id, 'Product', findVisibleProduct);

export async function findVisibleVariant(ctx: Context, id: number): Promise<VariantRow | null> {
  const [row] = await ctx.db
    .select()
    .from(variants)
    .where(and(eq(variants.id, id), variantVisible(variants.id, await catalogScope(ctx))));
  return row ?? null;
}

export async function variantBySku(ctx: Context, sku: string): Promise<VariantRow | null> {
  const [row] = await ctx.db
    .select()
    .from(variants)
    .where(and(eq(variants.sku, sku), variantVisible(variants.id, await catalogScope(ctx))));
  return row ?? null;
}

/** Categories are not priced or assorted: every viewer who may see a catalog sees the tree. */
export async function listCategories(ctx: Context): Promise<CategoryRow[]> {
  if ((await catalogScope(ctx)) === 'none') return [];
  return ctx.db.select().from(categories).orderBy(asc(categories.id));
}

export async function findCategory(ctx: Context, id: number): Promise<CategoryRow | null> {
  if ((await catalogScope(ctx)) === 'none') return null;
  return ctx.loaders.catalog.categoryById.load(id);
}

export function categoryParent(ctx: Context, c: CategoryRow): Promise<CategoryRow | null> {
  return c.parentId === null ? Promise.resolve(null) : ctx.loaders.catalog.categoryById.load(c.parentId);
}

export function productCategory(
  ctx: Context,
  p: ProductRecord | ProductRow,
): Promise<CategoryRow | null> | CategoryRow | null {
  if ('categoryRow' in p) return p.categoryRow;
  return p.categoryId === null ? null : ctx.loaders.catalog.categoryById.load(p.categoryId);
}

export async function productVariants(ctx: Context, p: ProductRow | Listed): Promise<VariantRow[]> {
  const visible = await ctx.loaders.catalog.visibleVariantsByProduct.load(p.id);
  const scope = 'sellerScope' in p ? p.sellerScope : undefined;
  if (!scope) return visible;
  const offered = await Promise.all(visible.map((v) => ctx.loaders.catalog.offered.load({ scope, variantId: v.id })));
  return visible.filter((_, i) => offered[i]);
}

export function productMediaOf(ctx: Context, p: ProductRecord | ProductRow): MediaValue[] | Promise<MediaValue[]> {
  return 'mediaList' in p ? p.mediaList : ctx.loaders.catalog.mediaByProduct.load(p.id);
}

export async function variantProduct(ctx: Context, v: VariantRow): Promise<ProductRow> {
  const row = await ctx.loaders.catalog.productById.load(v.productId);
  if (!row) throw new Error(`variant ${v.sku} has no product`);
  return row;
}

export function suggestedRetailPrice(v: VariantRow) {
  return v.suggestedRetailPrice === null ? null : money(v.suggestedRetailPrice);
}
