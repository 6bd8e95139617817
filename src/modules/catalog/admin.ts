import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { userError, type UserError } from '../../graphql/errors.js';
import { mutate, refuse } from '../../graphql/mutate.js';
import { visibleOrForbidden } from '../../auth/access.js';
import type { Tx } from '../../db/client.js';
import { parseAmount } from '../../lib/money.js';
import { findVisible } from '../accounts/service.js';
import { isSellingTier } from '../accounts/tiers.js';
import {
  assortmentItems,
  assortments,
  categories,
  productMedia,
  products,
  variants,
  type CategoryRow,
  type VariantRow,
} from './tables.js';
import { buyerScope, variantVisible } from './scope.js';
import type { SetAssortmentInput, UpsertProductInput } from './types.js';
import { findVisibleProducts, type ProductRecord } from './service.js';
import { recordAudit } from '../audit/record.js';
import { changed } from '../audit/changes.js';

const MAX_ROWS = 1000;
const MAX_VARIANTS = 100;
const MAX_ASSORTMENT = 50_000;
const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An optional amount ≥ 0: null when absent, 'bad' when given but not an amount. */
function decimalMinor(value: string | null | undefined): bigint | null | 'bad' {
  return value == null ? null : (parseAmount(value, 'nonNegative') ?? 'bad');
}

/** Row-level checks; every error names the row (its index and code) and the field. */
function validateRows(input: UpsertProductInput[]): UserError[] {
  const errors: UserError[] = [];
  if (input.length > MAX_ROWS) return [userError('INVALID_INPUT', `At most ${MAX_ROWS} products per call`, [])];
  const codes = new Map<string, number>();
  const skus = new Map<string, number>();
  input.forEach((p, i) => {
    const row = `Row ${i} (${p.code})`;
    const err = (msg: string, ...field: (string | number)[]) =>
      errors.push(userError('INVALID_INPUT', `${row}: ${msg}`, [i, ...field]));
    if (!p.code.trim() || p.code.length > 64) err('code must be 1–64 characters', 'code');
    if (codes.has(p.code)) err(`code repeats row ${codes.get(p.code)}`, 'code');
    codes.set(p.code, i);
    if (!p.name.trim() || p.name.length > 300) err('name must be 1–300 characters', 'name');
    if (p.description && p.description.length > 10_000)
      err('description is longer than 10000 characters', 'description');
    if (p.variants.length === 0) err('a product needs at least one variant', 'variants');
    if (p.variants.length > MAX_VARIANTS) err(`at most ${MAX_VARIANTS} variants per product`, 'variants');
    if (
      p.categoryName &&
      (p.categoryName.length > 300 || p.categoryName.split('/').some((part) => part.trim().length > 100))
    ) {
      err('category names are at most 100 characters (300 for a path)', 'categoryName');
    }
    if ((p.attributes?.length ?? 0) > 100) err('at most 100 attributes', 'attributes');
    if ((p.media?.length ?? 0) > 50) err('at most 50 media', 'media');
    p.attributes?.forEach((a, j) => {
      if (!a.name.trim() || a.name.length > 200 || a.value.length > 2000)
        err('attribute name 1–200 characters, value at most 2000', 'attributes', j, 'name');
    });
    p.media?.forEach((m, j) => {
      if (!/^(https:\/\/|\/)/.test(m.url) || m.url.length > 2000)
        err('media url must be https:// or a path, at most 2000 characters', 'media', j, 'url');
    });
    p.variants.forEach((v, j) => {
      if (!/^[\w.\-/]{1,64}$/.test(v.sku))
        err(`sku "${v.sku}" must be 1–64 letters, digits, . - _ /`, 'variants', j, 'sku');
      if (skus.has(v.sku)) err(`sku ${v.sku} repeats row ${skus.get(v.sku)}`, 'variants', j, 'sku');
      skus.set(v.sku, i);
      if (!v.name.trim() || v.name.length > 300) err('variant name must be 1–300 characters', 'variants', j, 'name');
      if (v.unit != null && v.unit.length > 20) err('unit is at most 20 characters', 'variants', j, 'unit');
      if (v.minOrderQuantity != null && v.minOrderQuantity < 1)
        err('minOrderQuantity must be at least 1', 'variants', j, 'minOrderQuantity');
      if (v.orderIncrement != null && v.orderIncrement < 1)
        err('orderIncrement must be at least 1', 'variants', j, 'orderIncrement');
      if (decimalMinor(v.suggestedRetailPrice) === 'bad')
        err('suggestedRetailPrice must be ≥ 0 with at most 2 decimals', 'variants', j, 'suggestedRetailPrice');
    });
  });
  return errors;
}

/** "Water purifiers/RO" → the id of RO under Water purifiers, creating what is missing. */
async function resolveCategories(tx: Tx, names: string[]): Promise<Map<string, number>> {
  const all: CategoryRow[] = await tx.select().from(categories);
  const key = (parentId: number | null, name: string) => `${parentId ?? 0}/${name}`;
  const byKey = new Map(all.map((c) => [key(c.parentId, c.name), c.id]));
  const result = new Map<string, number>();
  for (const path of names) {
    let parentId: number | null = null;
    for (const part of path
      .split('/')
      .map((s) => s.trim())
      .filter(Boolean)) {
      let id: number | undefined = byKey.get(key(parentId, part));
      if (id === undefined) {
        // A bare leaf name that exists elsewhere in the tree means that category.
        const existing: CategoryRow | undefined =
          parentId === null && !path.includes('/') ? all.find((c) => c.name === part) : undefined;
        if (existing) id = existing.id;
        else {
          const [row]: CategoryRow[] = await tx.insert(categories).values({ parentId, name: part }).returning();
          all.push(row);
          id = row.id;
        }
        byKey.set(key(parentId, part), id);
      }
      parentId = id!;
    }
    if (parentId !== null) result.set(path, parentId);
  }
  return result;
}

/**
 * ERP-friendly bulk upsert keyed on product `code` and variant `sku`, in one
 * transaction: all rows are checked first, and any error writes nothing.
 * Variants missing from a row are kept (orders refer to them).
 */
export async function upsertProducts(
  ctx: SignedInContext,
  input: UpsertProductInput[],
): Promise<{ products: ProductRecord[]; userErrors: UserError[] }> {
  const errors = validateRows(input);
  if (errors.length) return { products: [], userErrors: errors };
  const saved = await mutate(ctx, 'ids', async (tx) => {
    // Bulk catalog loads are rare and large: one at a time keeps sku ownership and category creation race-free.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('channelgraph.upsertProducts'))`);
    const allSkus = input.flatMap((p) => p.variants.map((v) => v.sku));
    const owners = new Map<string, string>();
    for (const part of chunks(allSkus, 5000)) {
      const rows = await tx
        .select({ sku: variants.sku, code: products.code })
        .from(variants)
        .innerJoin(products, eq(products.id, variants.productId))
        .where(inArray(variants.sku, part));
      for (const r of rows) owners.set(r.sku, r.code);
    }
    const clashes: UserError[] = [];
    input.forEach((p, i) =>
      p.variants.forEach((v, j) => {
        const owner = owners.get(v.sku);
        if (owner && owner !== p.code)
          clashes.push(
            userError('INVALID_INPUT', `Row ${i} (${p.code}): sku ${v.sku} belongs to product ${owner}`, [
              i,
              'variants',
              j,
              'sku',
            ]),
          );
      }),
    );
    if (clashes.length) refuse(...clashes);

    const categoryIds = await resolveCategories(tx, [
      ...new Set(input.flatMap((p) => (p.categoryName?.trim() ? [p.categoryName.trim()] : []))),
    ]);
    const productIds = new Map<string, number>();
    for (const part of chunks(input)) {
      const rows = await tx
        .insert(products)
        .values(
          part.map((p) => ({
            code: p.code,
            name: p.name.trim(),
            description: p.description ?? null,
            categoryId: p.categoryName?.trim() ? categoryIds.get(p.categoryName.trim())! : null,
            attributes: (p.attributes ?? []).map((a) => ({ name: a.name.trim(), value: a.value })),
          })),
        )
        .onConflictDoUpdate({
          target: products.code,
          set: {
            name: sql`excluded.name`,
            description: sql`excluded.description`,
            categoryId: sql`excluded.category_id`,
            attributes: sql`excluded.attributes`,
            updatedAt: sql`now()`,
          },
        })
        .returning({ id: products.id, code: products.code });
      for (const r of rows) productIds.set(r.code, r.id);
    }
    const variantRows = input.flatMap((p) =>
      p.variants.map((v, position) => ({
        productId: productIds.get(p.code)!,
        sku: v.sku,
        name: v.name.trim(),
        unit: v.unit?.trim() || '台',
        minOrderQuantity: v.minOrderQuantity ?? 1,
        orderIncrement: v.orderIncrement ?? 1,
        suggestedRetailPrice: decimalMinor(v.suggestedRetailPrice) as bigint | null,
        position,
      })),
    );
    for (const part of chunks(variantRows)) {
      await tx
        .insert(variants)
        .values(part)
        .onConflictDoUpdate({
          target: variants.sku,
          set: {
            name: sql`excluded.name`,
            unit: sql`excluded.unit`,
            minOrderQuantity: sql`excluded.min_order_quantity`,
            orderIncrement: sql`excluded.order_increment`,
            suggestedRetailPrice: sql`excluded.suggested_retail_price`,
            position: sql`excluded.position`,
          },
        });
    }
    const withMedia = input.filter((p) => p.media);
    if (withMedia.length) {
      await tx.delete(productMedia).where(
        inArray(
          productMedia.productId,
          withMedia.map((p) => productIds.get(p.code)!),
        ),
      );
      const mediaRows = withMedia.flatMap((p) =>
        p.media!.map((m, position) => ({
          productId: productIds.get(p.code)!,
          url: m.url,
          kind: m.kind,
          title: m.title ?? null,
          position,
        })),
      );
      for (const part of chunks(mediaRows)) if (part.length) await tx.insert(productMedia).values(part);
    }
    return input.map((p) => productIds.get(p.code)!);
  });
  return { products: saved.ids ? await findVisibleProducts(ctx, saved.ids) : [], userErrors: saved.userErrors };
}

/** How many variants a seller offers after its assortment (its own chain included). */
async function offeredCount(tx: Tx, sellerPath: number[]): Promise<number> {
  const [{ n }] = await tx.select({ n: count() }).from(variants).where(variantVisible(variants.id, sellerPath));
  return n;
}

/** A seller's assortment for the audit log: everything, or its skus (the first 1,000 of them, and how many there are). */
async function assortmentOf(
  tx: Tx,
  sellerId: number,
): Promise<{ includeAll: boolean | null; skus: string[]; count: number }> {
  const [head] = await tx.select().from(assortments).where(eq(assortments.sellerId, sellerId));
  const skus = await tx
    .select({ sku: variants.sku })
    .from(assortmentItems)
    .innerJoin(variants, eq(variants.id, assortmentItems.variantId))
    .where(eq(assortmentItems.sellerId, sellerId))
    .orderBy(variants.sku);
  return { includeAll: head?.includeAll ?? null, skus: skus.slice(0, 1000).map((r) => r.sku), count: skus.length };
}

/** V2: a seller offers everything it can buy, or a list of skus it can buy. */
export async function setAssortment(
  ctx: SignedInContext,
  input: SetAssortmentInput,
): Promise<{ count: number; userErrors: UserError[] }> {
  const seller = await visibleOrForbidden(
    ctx,
    input.sellerId,
    'Account',
    findVisible,
    'You cannot set the assortment of that account',
  );
  if (!isSellingTier(seller.tier))
    return {
      count: 0,
      userErrors: [userError('INVALID_INPUT', 'A retailer sells nothing: it has no assortment', ['sellerId'])],
    };
  if (!input.includeAll && input.skus == null)
    return { count: 0, userErrors: [userError('INVALID_INPUT', 'Give skus, or includeAll: true', ['skus'])] };
  if (input.includeAll && input.skus?.length)
    return {
      count: 0,
      userErrors: [userError('INVALID_INPUT', 'includeAll: true offers everything: give no skus with it', ['skus'])],
    };
  if ((input.skus?.length ?? 0) > MAX_ASSORTMENT)
    return { count: 0, userErrors: [userError('INVALID_INPUT', `At most ${MAX_ASSORTMENT} skus`, ['skus'])] };
  const skus = input.includeAll ? [] : [...new Set(input.skus)];
  const found: VariantRow[] = [];
  // What the seller can buy: what its own sellers offer it.
  for (const part of chunks(skus, 5000)) {
    found.push(
      ...(await ctx.db
        .select()
        .from(variants)
        .where(and(inArray(variants.sku, part), variantVisible(variants.id, buyerScope(seller.path))))),
    );
  }
  const known = new Set(found.map((v) => v.sku));
  const errors = (input.skus ?? []).flatMap((sku, i) =>
    input.includeAll || known.has(sku)
      ? []
      : [userError('INVALID_INPUT', `${sku} is not a sku this seller can buy`, ['skus', i])],
  );
  if (errors.length) return { count: 0, userErrors: errors };
  const n = await ctx.db.transaction(async (tx) => {
    const before = await assortmentOf(tx, seller.id);
    await tx
      .insert(assortments)
      .values({ sellerId: seller.id, includeAll: input.includeAll })
      .onConflictDoUpdate({
        target: assortments.sellerId,
        set: { includeAll: input.includeAll, updatedAt: sql`now()` },
      });
    await tx.delete(assortmentItems).where(eq(assortmentItems.sellerId, seller.id));
    for (const part of chunks(found))
      await tx.insert(assortmentItems).values(part.map((v) => ({ sellerId: seller.id, variantId: v.id })));
    const change = changed(before, await assortmentOf(tx, seller.id));
    if (change)
      await recordAudit(tx, ctx.viewer, {
        account: seller,
        action: 'assortment.set',
        subject: { type: 'Account', id: seller.id },
        ...change,
      });
    return offeredCount(tx, seller.path);
  });
  return { count: n, userErrors: [] };
}
