import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog, type CatalogWorld } from './support/catalog-world.js';
import { buildWarehouses } from './support/orders-world.js';
import {
  CatalogPageDocument,
  SetPriceListEntriesDocument,
  SetStockLevelsDocument,
  UpsertProductsDocument,
} from './generated/graphql.js';

/**
 * No N+1: the catalog page (products with category, media and variants, each
 * with the viewer's own price and its steps, and availability) costs the same number of SQL
 * statements at 5 and at 50 products, and at most 6.
 */
let app: TestApp;
let w: World;
let cw: CatalogWorld;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  cw = await buildCatalog(app, w);
  const ow = await buildWarehouses(app, w);
  const brand = await w.token('BRAND', 'ADMIN');
  const input = Array.from({ length: 60 }, (_, i) => ({
    code: `PAGE-${i}`,
    name: `Page product ${i}`,
    categoryName: i % 2 ? 'Purifiers/RO' : `Page category ${i % 5}`,
    media: [
      { url: `/assets/page-${i}.jpg`, kind: 'IMAGE' as const },
      { url: `/assets/page-${i}.pdf`, kind: 'DOCUMENT' as const, title: 'Spec' },
    ],
    variants: [
      { sku: `PAGE-${i}-A`, name: 'A', suggestedRetailPrice: '1000' },
      { sku: `PAGE-${i}-B`, name: 'B', suggestedRetailPrice: '1200' },
    ],
  }));
  expect((await app.gql(UpsertProductsDocument, { input }, brand)).data!.upsertProducts.userErrors).toEqual([]);
  const entries = input.flatMap((p) =>
    p.variants.flatMap((v) => [
      { sku: v.sku, price: '900' },
      { sku: v.sku, minQuantity: 5, price: '850' },
    ]),
  );
  const set = await app.gql(
    SetPriceListEntriesDocument,
    { input: { priceListId: cw.listIds['d2-default'], entries } },
    await w.token('D2', 'ADMIN'),
  );
  expect(set.data!.setPriceListEntries.userErrors).toEqual([]);
  // Stock for the page in the brand's central warehouse, which covers R2's Guangzhou.
  const stock = input.flatMap((p, i) =>
    p.variants.map((v) => ({
      warehouseId: ow.warehouse.BRAND,
      sku: v.sku,
      onHand: i % 7 === 0 ? 0 : i % 5 === 0 ? 4 : 50,
    })),
  );
  expect(
    (await app.gql(SetStockLevelsDocument, { input: stock }, await w.token('BRAND', 'ADMIN'))).data!.setStockLevels
      .userErrors,
  ).toEqual([]);
});
afterAll(() => app?.close());

describe('catalog page SQL statements', () => {
  it('are the same at 5 and at 50 products, and at most 6', async () => {
    const token = await w.token('R2', 'BUYER');
    const small = await app.gql(CatalogPageDocument, { first: 5, filter: { search: 'Page product' } }, token);
    const large = await app.gql(CatalogPageDocument, { first: 50, filter: { search: 'Page product' } }, token);
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    const nodes = large.data!.products.nodes;
    expect(nodes).toHaveLength(50);
    // The page really carries what it claims: categories, media, variants, priced with steps.
    expect(nodes.every((p) => p.category && p.media.length > 0 && p.variants.length > 0)).toBe(true);
    expect(nodes.flatMap((p) => p.variants).every((v) => v.price && v.price.steps.length > 0)).toBe(true);
    expect(new Set(nodes.flatMap((p) => p.variants.map((v) => v.availability.status)))).toEqual(
      new Set(['IN_STOCK', 'LOW_STOCK', 'OUT_OF_STOCK']),
    );
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(6);
  });

  it('stay flat for a seller pricing its downstream too', async () => {
    const token = await w.token('D2', 'ADMIN');
    const q = (first: number) =>
      app.raw(
        `query($first: Int, $r: ID!) { products(first: $first) { nodes { variants { sku price { amount { amount } } priceFloor { amount } priceListEntries { minQuantity } priceFor(accountId: $r) { amount { amount } } } } } }`,
        { first, r: w.id('R2') },
        token,
      );
    const small = await q(5);
    const large = await q(50);
    expect(large.errors).toBeUndefined();
    expect(
      large.data.products.nodes
        .flatMap((n: { variants: { priceFor: unknown }[] }) => n.variants)
        .every((v: { priceFor: unknown }) => v.priceFor),
    ).toBe(true);
    expect({ statements: large.statements }).toEqual({ statements: small.statements });
  });
});
