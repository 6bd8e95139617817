import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import {
  CatalogPageDocument,
  CategoriesDocument,
  NodeDocument,
  ProductDocument,
  ProductIdsDocument,
  SetAssortmentDocument,
  UpdateChannelSettingsDocument,
  UpsertProductsDocument,
  VariantBySkuDocument,
  type UpsertProductInput,
} from './generated/graphql.js';
import { assortmentItems, products, variants } from '../src/modules/catalog/tables.js';

let app: TestApp;
let w: World;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
});
afterAll(() => app?.close());

/** What each viewer's seller chain offers (V2), by hand from the catalog world. */
const OFFER: Record<WorldKey, string[]> = {
  BRAND: ['A1', 'A2', 'B1', 'C1'],
  S: ['A1', 'A2', 'B1', 'C1'],
  E: ['A1', 'A2', 'B1', 'C1'],
  D1: ['A1', 'A2', 'B1', 'C1'],
  D2: ['A1', 'A2', 'B1', 'C1'],
  D3: ['A1', 'B1'],
  R1a: ['A1', 'A2', 'B1'],
  R1b: ['A1', 'A2', 'B1'],
  R2: ['A1', 'A2', 'B1', 'C1'],
  R3: ['A1', 'B1'],
};
const PRODUCT_OF: Record<string, string> = { A1: 'P-RO', A2: 'P-RO', B1: 'P-PP', C1: 'P-HEAT' };
const KEYS = Object.keys(OFFER) as WorldKey[];

describe("V2 assortment: every catalog path shows a buyer only its seller chain's offer", () => {
  it.each(KEYS)('%s: products, variants and totalCount', async (key) => {
    const token = await w.token(key, w.roles(key)[0]);
    const res = await app.gql(ProductIdsDocument, { first: 100 }, token);
    expect(res.errors).toBeUndefined();
    const expectedProducts = [...new Set(OFFER[key].map((s) => PRODUCT_OF[s]))].sort();
    expect(res.data!.products.nodes.map((p) => p.code).sort()).toEqual(expectedProducts);
    expect(res.data!.products.totalCount).toBe(expectedProducts.length);
    expect(res.data!.products.nodes.flatMap((p) => p.variants.map((v) => v.sku)).sort()).toEqual(
      [...OFFER[key]].sort(),
    );
  });

  it.each(KEYS)('%s: lookups by sku, by id and node(id:) answer null outside the offer', async (key) => {
    const token = await w.token(key, w.roles(key)[0]);
    const brand = await w.token('BRAND', 'ADMIN');
    const all = await app.gql(ProductIdsDocument, { first: 100 }, brand);
    for (const sku of ['A1', 'A2', 'B1', 'C1']) {
      const visible = OFFER[key].includes(sku);
      const v = await app.gql(VariantBySkuDocument, { sku }, token);
      expect(v.data!.variant?.sku ?? null, `${key} ${sku}`).toBe(visible ? sku : null);
      const brandView = await app.gql(VariantBySkuDocument, { sku }, brand);
      const node = await app.gql(NodeDocument, { id: brandView.data!.variant!.id }, token);
      expect(node.errors).toBeUndefined();
      expect(node.data!.node?.id ?? null).toBe(visible ? brandView.data!.variant!.id : null);
    }
    for (const p of all.data!.products.nodes) {
      const visible = OFFER[key].some((s) => PRODUCT_OF[s] === p.code);
      const byId = await app.gql(ProductDocument, { id: p.id }, token);
      expect(byId.data!.product?.code ?? null).toBe(visible ? p.code : null);
    }
  });

  it('search, category and sku filters stay inside the offer', async () => {
    const r3 = await w.token('R3', 'BUYER');
    const codesOf = async (filter: object, token: string) =>
      (await app.gql(ProductIdsDocument, { first: 100, filter }, token)).data!.products.nodes.map((p) => p.code).sort();
    expect(await codesOf({ search: 'heater' }, r3)).toEqual([]);
    expect(await codesOf({ search: 'heater' }, await w.token('R2', 'BUYER'))).toEqual(['P-HEAT']);
    expect(await codesOf({ search: 'a2' }, r3)).toEqual([]); // A2 is not offered to R3: its product is found by A1 only
    expect(await codesOf({ skus: ['C1', 'A2'] }, r3)).toEqual([]);
    expect(await codesOf({ skus: ['B1', 'C1'] }, r3)).toEqual(['P-PP']);
    const cats = await app.gql(CategoriesDocument, {}, r3);
    const purifiers = cats.data!.categories.find((c) => c.name === 'Purifiers')!;
    expect(cats.data!.categories.find((c) => c.name === 'RO')!.parent!.id).toBe(purifiers.id);
    expect(await codesOf({ categoryId: purifiers.id }, r3)).toEqual(['P-RO']); // subcategories included
    expect(await codesOf({ categoryId: 'garbage' }, r3)).toEqual([]);
  });

  it('anonymous viewers see no catalog unless the brand makes it public, and never prices', async () => {
    const none = await app.gql(CatalogPageDocument, { first: 10 });
    expect(none.errors).toBeUndefined();
    expect(none.data!.products.totalCount).toBe(0);
    expect((await app.gql(VariantBySkuDocument, { sku: 'A1' })).data!.variant).toBeNull();
    expect((await app.gql(CategoriesDocument, {})).data!.categories).toEqual([]);

    expect(
      codes(
        await app.gql(UpdateChannelSettingsDocument, { input: { publicCatalog: true } }, await w.token('S', 'ADMIN')),
      ),
    ).toEqual(['FORBIDDEN']);
    const on = await app.gql(
      UpdateChannelSettingsDocument,
      { input: { publicCatalog: true } },
      await w.token('BRAND', 'ADMIN'),
    );
    expect(on.data!.updateChannelSettings.settings).toEqual({ publicCatalog: true });
    try {
      const open = await app.gql(CatalogPageDocument, { first: 10 });
      expect(open.data!.products.totalCount).toBe(3);
      // Prices are denied to anonymous viewers: null with UNAUTHENTICATED on each.
      expect(open.data!.products.nodes.flatMap((p) => p.variants.map((v) => v.price))).toEqual([
        null,
        null,
        null,
        null,
      ]);
      expect(new Set(codes(open))).toEqual(new Set(['UNAUTHENTICATED']));
      const srp = await app.raw('{ variant(sku: "A1") { sku suggestedRetailPrice { amount } } }');
      expect(srp.data.variant.sku).toBe('A1');
      expect(srp.data.variant.suggestedRetailPrice).toBeNull();
      expect(codes(srp)).toEqual(['UNAUTHENTICATED']);
    } finally {
      await app.gql(
        UpdateChannelSettingsDocument,
        { input: { publicCatalog: false } },
        await w.token('BRAND', 'ADMIN'),
      );
    }
    expect((await app.gql(CatalogPageDocument, { first: 10 })).data!.products.totalCount).toBe(0);
  });
});

describe('setAssortment', () => {
  it('refuses skus the seller cannot buy, naming each, and writes nothing', async () => {
    const before = await app.database.db.select({ n: count() }).from(assortmentItems);
    const res = await app.gql(
      SetAssortmentDocument,
      { input: { sellerId: w.id('D3'), includeAll: false, skus: ['A1', 'A2', 'NOPE'] } },
      await w.token('E', 'ADMIN'),
    );
    expect(res.data!.setAssortment.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['skus', '1'], message: expect.stringContaining('A2') }),
      expect.objectContaining({
        code: 'INVALID_INPUT',
        field: ['skus', '2'],
        message: expect.stringContaining('NOPE'),
      }),
    ]);
    expect(await app.database.db.select({ n: count() }).from(assortmentItems)).toEqual(before);
  });

  it('outside the viewer subtree is FORBIDDEN; a retailer has no assortment; ADMIN only', async () => {
    expect(
      codes(
        await app.gql(
          SetAssortmentDocument,
          { input: { sellerId: w.id('D2'), includeAll: true } },
          await w.token('D1', 'ADMIN'),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await app.gql(
          SetAssortmentDocument,
          { input: { sellerId: w.id('D1'), includeAll: true } },
          await w.token('D1', 'BUYER'),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const retailer = await app.gql(
      SetAssortmentDocument,
      { input: { sellerId: w.id('R1a'), includeAll: true } },
      await w.token('D1', 'ADMIN'),
    );
    expect(retailer.data!.setAssortment.userErrors[0].code).toBe('INVALID_INPUT');
  });

  it('narrowing a seller narrows everything below it; includeAll restores it', async () => {
    const d2 = await w.token('D2', 'ADMIN');
    const narrowed = await app.gql(
      SetAssortmentDocument,
      { input: { sellerId: w.id('D2'), includeAll: false, skus: ['B1'] } },
      d2,
    );
    expect(narrowed.data!.setAssortment).toEqual({ count: 1, userErrors: [] });
    const r2 = await w.token('R2', 'BUYER');
    expect((await app.gql(ProductIdsDocument, { first: 10 }, r2)).data!.products.nodes.map((p) => p.code)).toEqual([
      'P-PP',
    ]);
    const restored = await app.gql(SetAssortmentDocument, { input: { sellerId: w.id('D2'), includeAll: true } }, d2);
    expect(restored.data!.setAssortment).toEqual({ count: 4, userErrors: [] });
    expect((await app.gql(ProductIdsDocument, { first: 10 }, r2)).data!.products.totalCount).toBe(3);
  });
});

describe('upsertProducts', () => {
  const product = (i: number): UpsertProductInput => ({
    code: `BULK-${i}`,
    name: `Bulk product ${i}`,
    categoryName: 'Bulk/Things',
    attributes: [{ name: 'n', value: String(i) }],
    variants: [{ sku: `BULK-${i}-A`, name: 'A', suggestedRetailPrice: `${100 + i}.50` }],
  });

  it('upserts 1,000 products in one call, idempotently on code and sku', async () => {
    const brand = await w.token('BRAND', 'ADMIN');
    const input = Array.from({ length: 1000 }, (_, i) => product(i));
    const first = await app.gql(UpsertProductsDocument, { input }, brand);
    expect(first.data!.upsertProducts.userErrors).toEqual([]);
    expect(first.data!.upsertProducts.products).toHaveLength(1000);
    const again = await app.gql(
      UpsertProductsDocument,
      { input: input.map((p, i) => (i === 7 ? { ...p, name: 'Renamed' } : p)) },
      brand,
    );
    expect(again.data!.upsertProducts.products.map((p) => p.id)).toEqual(
      first.data!.upsertProducts.products.map((p) => p.id),
    );
    const [{ n }] = await app.database.db.select({ n: count() }).from(products);
    expect(n).toBe(1003);
    const [renamed] = await app.database.db.select().from(products).where(eq(products.code, 'BULK-7'));
    expect(renamed.name).toBe('Renamed');
    expect(again.statements).toBeLessThan(40);
  }, 60_000);

  it('reports per-row errors naming the row, and writes nothing when any row fails', async () => {
    const brand = await w.token('BRAND', 'ADMIN');
    const [{ n: before }] = await app.database.db.select({ n: count() }).from(variants);
    const res = await app.gql(
      UpsertProductsDocument,
      {
        input: [
          { code: 'NEW-OK', name: 'Fine', variants: [{ sku: 'NEW-OK-1', name: 'x' }] },
          { code: 'NEW-BAD', name: '', variants: [{ sku: 'NEW-BAD-1', name: 'x', minOrderQuantity: 0 }] },
          { code: 'NEW-DUP', name: 'Dup', variants: [{ sku: 'NEW-OK-1', name: 'x' }] },
          { code: 'NEW-EMPTY', name: 'Empty', variants: [] },
          { code: 'NEW-SRP', name: 'Srp', variants: [{ sku: 'NEW-SRP-1', name: 'x', suggestedRetailPrice: '-5' }] },
        ],
      },
      brand,
    );
    const errors = res.data!.upsertProducts.userErrors;
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_INPUT', ['1', 'name']],
      ['INVALID_INPUT', ['1', 'variants', '0', 'minOrderQuantity']],
      ['INVALID_INPUT', ['2', 'variants', '0', 'sku']],
      ['INVALID_INPUT', ['3', 'variants']],
      ['INVALID_INPUT', ['4', 'variants', '0', 'suggestedRetailPrice']],
    ]);
    expect(errors[0].message).toMatch(/^Row 1 \(NEW-BAD\)/);
    expect(res.data!.upsertProducts.products).toEqual([]);
    const [{ n: after }] = await app.database.db.select({ n: count() }).from(variants);
    expect(after).toBe(before);
  });

  it('a sku of another product is refused with nothing written', async () => {
    const res = await app.gql(
      UpsertProductsDocument,
      { input: [{ code: 'THIEF', name: 'Thief', variants: [{ sku: 'A1', name: 'stolen' }] }] },
      await w.token('BRAND', 'ADMIN'),
    );
    expect(res.data!.upsertProducts.userErrors).toEqual([
      expect.objectContaining({
        code: 'INVALID_INPUT',
        field: ['0', 'variants', '0', 'sku'],
        message: expect.stringContaining('P-RO'),
      }),
    ]);
    expect(await app.database.db.select().from(products).where(eq(products.code, 'THIEF'))).toEqual([]);
  });

  it('is for the brand ADMIN only', async () => {
    for (const [key, role] of [
      ['D1', 'ADMIN'],
      ['BRAND', 'FINANCE'],
      ['S', 'ADMIN'],
    ] as const) {
      expect(
        codes(await app.gql(UpsertProductsDocument, { input: [product(5000)] }, await w.token(key, role))),
      ).toEqual(['FORBIDDEN']);
    }
  });
});
