import type { Tx } from '../db/client.js';
import { toMinor } from '../lib/money.js';
import { channelSettings } from '../modules/accounts/tables.js';
import {
  assortmentItems,
  assortments,
  categories,
  productMedia,
  products,
  variants,
} from '../modules/catalog/tables.js';
import {
  priceFloors,
  priceListAssignments,
  priceListEntries,
  priceLists,
  promotions,
} from '../modules/pricing/tables.js';
import { demoAccounts } from './demo-data.js';
import {
  demoAssortments,
  demoCategories,
  demoFloors,
  demoPriceLists,
  demoProducts,
  demoPromotions,
} from './demo-catalog.js';

async function insertChunks<T>(rows: T[], insert: (part: T[]) => Promise<unknown>, size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** factor × suggested retail price, in fen. */
function scaled(srp: bigint, factor: number): bigint {
  return BigInt(Math.round(Number(srp) * factor));
}

/**
 * The demo catalog: categories, products, variants and media; assortments;
 * price lists (per tier, per region, per account, with quantity breaks);
 * floors; promotions. Prices are derived from each sku's suggested retail price.
 */
export async function seedCatalog(
  tx: Tx,
  accountIds: Map<string, number>,
): Promise<{ products: number; variants: number; priceEntries: number }> {
  const categoryIds = new Map<string, number>();
  for (const c of demoCategories) {
    const [row] = await tx
      .insert(categories)
      .values({ name: c.name, parentId: c.parentKey ? categoryIds.get(c.parentKey)! : null })
      .returning();
    categoryIds.set(c.key, row.id);
  }
  const productIds = new Map<string, number>();
  await insertChunks(demoProducts, async (part) => {
    const rows = await tx
      .insert(products)
      .values(
        part.map((p) => ({
          code: p.code,
          name: p.name,
          description: p.description,
          categoryId: categoryIds.get(p.categoryKey)!,
          attributes: p.attributes,
        })),
      )
      .returning({ id: products.id, code: products.code });
    for (const r of rows) productIds.set(r.code, r.id);
  });
  const srp = new Map<string, bigint>();
  const variantIds = new Map<string, number>();
  const variantRows = demoProducts.flatMap((p) =>
    p.variants.map((v, position) => {
      srp.set(v.sku, toMinor(v.suggestedRetailPrice));
      return {
        productId: productIds.get(p.code)!,
        sku: v.sku,
        name: v.name,
        unit: v.unit,
        minOrderQuantity: v.minOrderQuantity,
        orderIncrement: v.orderIncrement,
        suggestedRetailPrice: toMinor(v.suggestedRetailPrice),
        position,
      };
    }),
  );
  await insertChunks(variantRows, async (part) => {
    for (const r of await tx.insert(variants).values(part).returning({ id: variants.id, sku: variants.sku }))
      variantIds.set(r.sku, r.id);
  });
  await insertChunks(
    demoProducts.flatMap((p) =>
      p.media.map((m, position) => ({
        productId: productIds.get(p.code)!,
        url: m.url,
        kind: m.kind,
        title: m.title,
        position,
      })),
    ),
    (part) => tx.insert(productMedia).values(part),
  );

  // What each seller offers: its assortment within what its own seller offers.
  const allSkus = [...variantIds.keys()];
  const parentOf = new Map(demoAccounts.map((a) => [a.key, a.parentKey]));
  const assortmentOf = new Map(demoAssortments.map((a) => [a.sellerKey, a]));
  const offered = new Map<string, Set<string>>();
  const offerOf = (key: string): Set<string> => {
    if (!offered.has(key)) {
      const parent = parentOf.get(key);
      const upstream = parent ? offerOf(parent) : new Set(allSkus);
      const a = assortmentOf.get(key);
      offered.set(key, !a || a.includeAll ? upstream : new Set((a.skus ?? []).filter((s) => upstream.has(s))));
    }
    return offered.get(key)!;
  };
  for (const a of demoAssortments) {
    await tx.insert(assortments).values({ sellerId: accountIds.get(a.sellerKey)!, includeAll: a.includeAll });
    if (!a.includeAll)
      await insertChunks(a.skus ?? [], (part) =>
        tx
          .insert(assortmentItems)
          .values(part.map((sku) => ({ sellerId: accountIds.get(a.sellerKey)!, variantId: variantIds.get(sku)! }))),
      );
  }

  let entries = 0;
  for (const l of demoPriceLists) {
    const [list] = await tx
      .insert(priceLists)
      .values({
        ownerId: accountIds.get(l.ownerKey)!,
        name: l.name,
        priority: l.priority,
        validFrom: l.validFrom ? new Date(l.validFrom) : null,
        validTo: l.validTo ? new Date(l.validTo) : null,
      })
      .returning();
    if (l.assignments.length) {
      await tx.insert(priceListAssignments).values(
        l.assignments.map((a) => ({
          priceListId: list.id,
          tier: a.tier ?? null,
          regionCode: a.regionCode ?? null,
          accountId: a.accountKey ? accountIds.get(a.accountKey)! : null,
        })),
      );
    }
    const skus = l.pricing.skus ?? [...offerOf(l.ownerKey)];
    const rows = skus.flatMap((sku) => [
      {
        priceListId: list.id,
        variantId: variantIds.get(sku)!,
        minQuantity: 1,
        price: scaled(srp.get(sku)!, l.pricing.factor),
      },
      ...(l.pricing.breaks ?? []).map((b) => ({
        priceListId: list.id,
        variantId: variantIds.get(sku)!,
        minQuantity: b.minQuantity,
        price: scaled(srp.get(sku)!, b.factor),
      })),
    ]);
    entries += rows.length;
    await insertChunks(rows, (part) => tx.insert(priceListEntries).values(part));
  }
  await insertChunks(
    demoFloors.flatMap((f) =>
      allSkus.map((sku) => ({
        variantId: variantIds.get(sku)!,
        tier: f.tier,
        amount: scaled(srp.get(sku)!, f.factor),
      })),
    ),
    (part) => tx.insert(priceFloors).values(part),
  );
  for (const p of demoPromotions) {
    await tx.insert(promotions).values({
      ownerId: accountIds.get(p.ownerKey)!,
      name: p.name,
      kind: p.kind,
      value: p.kind === 'PERCENT_OFF' ? BigInt(Math.round(Number(p.value) * 100)) : toMinor(p.value),
      stackable: p.stackable,
      validFrom: p.validFrom ? new Date(p.validFrom) : null,
      validTo: p.validTo ? new Date(p.validTo) : null,
      tiers: p.tiers,
      regionCodes: p.regionCodes,
      accountIds: p.accountKeys.map((k) => accountIds.get(k)!),
      variantIds: p.skus.map((s) => variantIds.get(s)!),
      categoryIds: p.categoryKeys.map((k) => categoryIds.get(k)!),
    });
  }
  // The demo lets anonymous visitors browse the catalog (never prices).
  await tx
    .insert(channelSettings)
    .values({ rootId: accountIds.get(demoAccounts[0].key)!, publicCatalog: true })
    .onConflictDoNothing();
  return { products: demoProducts.length, variants: variantRows.length, priceEntries: entries };
}
