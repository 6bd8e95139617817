import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog, type CatalogWorld } from './support/catalog-world.js';
import { buildWarehouses, type OrdersWorld } from './support/orders-world.js';
import { variantIds, warehouseKey, writeHistory, type PastOrder } from './support/history.js';
import {
  RecommendationsDocument,
  SetAssortmentDocument,
  SetPriceListEntriesDocument,
  UpsertProductsDocument,
} from './generated/graphql.js';
import { accounts, type AccountRow } from '../src/modules/accounts/tables.js';

/**
 * Recommendations for R1a, a Futian retailer of D1, on 17 June 2026. Its
 * history: A1 every 30 days. Its Shenzhen neighbours (R1b, and R1c, R1d
 * added here) buy A1 with B1, and A2; D1 itself buys C1 (which D1 does not
 * offer its retailers); R1b was the first to buy N1, launched ten days ago.
 */
let app: TestApp;
let w: World;
let cw: CatalogWorld;
let ow: OrdersWorld;
let extra: AccountRow[] = [];
const NOW = new Date('2026-06-17T04:00:00Z');
const DAY = 86_400_000;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  cw = await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
  const db = app.database.db;
  const d1 = w.account('D1');
  for (const [name, region] of [
    ['R1c retailer', '440306'],
    ['R1d retailer', '440303'],
  ]) {
    const [row] = await db
      .insert(accounts)
      .values({
        path: [],
        rootId: d1.rootId,
        parentId: d1.id,
        name,
        tier: 'RETAILER',
        addressLine1: 'street 2',
        addressRegionCode: region,
      })
      .returning();
    const [updated] = await db
      .update(accounts)
      .set({ path: [...d1.path, row.id] })
      .where(eq(accounts.id, row.id))
      .returning();
    extra.push(updated);
  }
  const brand = await w.token('BRAND', 'ADMIN');
  const up = await app.gql(
    UpsertProductsDocument,
    {
      input: [
        {
          code: 'P-NEW',
          name: 'New Filter Pro',
          categoryName: 'Filters',
          variants: [{ sku: 'N1', name: 'Pro', suggestedRetailPrice: '150.00' }],
        },
      ],
    },
    brand,
  );
  expect(up.data!.upsertProducts.userErrors).toEqual([]);
  expect(
    (
      await app.gql(
        SetAssortmentDocument,
        { input: { sellerId: w.id('D1'), includeAll: false, skus: ['A1', 'A2', 'B1', 'N1'] } },
        brand,
      )
    ).data!.setAssortment.userErrors,
  ).toEqual([]);
  const priced = await app.gql(
    SetPriceListEntriesDocument,
    { input: { priceListId: cw.listIds['d1-retail'], entries: [{ sku: 'N1', price: '120' }] } },
    await w.token('D1', 'ADMIN'),
  );
  expect(priced.data!.setPriceListEntries.userErrors).toEqual([]);

  const v = await variantIds(db);
  const depot = warehouseKey(ow.warehouse.D1);
  const line = (sku: string, quantity = 1, price = 10_000n) => ({ variantId: v[sku], sku, quantity, unitPrice: price });
  const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY);
  const history: PastOrder[] = [];
  for (let k = 0; k < 12; k++)
    history.push({ at: at(28 + 30 * k), buyerId: w.account('R1a').id, warehouseId: depot, lines: [line('A1')] });
  for (const buyer of [w.account('R1b'), ...extra]) {
    for (let k = 0; k < 6; k++)
      history.push({ at: at(5 + 20 * k), buyerId: buyer.id, warehouseId: depot, lines: [line('A1'), line('B1', 6)] });
  }
  for (const buyer of extra) history.push({ at: at(12), buyerId: buyer.id, warehouseId: depot, lines: [line('A2')] });
  for (let k = 0; k < 4; k++)
    history.push({
      at: at(15 + 30 * k),
      buyerId: d1.id,
      warehouseId: warehouseKey(ow.warehouse.S),
      lines: [line('A1', 5), line('C1', 2)],
    });
  history.push({ at: at(10), buyerId: w.account('R1b').id, warehouseId: depot, lines: [line('N1', 1)] });
  await writeHistory(db, history);
  app.clock.set(NOW);
}, 120_000);
afterAll(() => app?.close());

async function recs(
  viewer: Parameters<World['token']>[0],
  role: Parameters<World['token']>[1],
  accountId?: string,
  first?: number,
) {
  return app.gql(RecommendationsDocument, { accountId, first }, await w.token(viewer, role));
}

describe('recommendations', () => {
  it('gives each kind for R1a: its reorder, what goes with it, what its neighbours buy, what is new', async () => {
    const res = await recs('R1a', 'BUYER');
    expect(res.errors).toBeUndefined();
    const list = res.data!.recommendations;
    expect(list.map((r) => [r.kind, r.variant.sku])).toEqual([
      ['REORDER_DUE', 'A1'],
      ['BOUGHT_TOGETHER', 'B1'],
      ['POPULAR_NEARBY', 'A2'],
      ['NEW_IN_ASSORTMENT', 'N1'],
    ]);
    expect(list[0].reason).toMatch(/^you order A1 about every 30 days; last 28 days ago$/);
    expect(list[1].reason).toMatch(/^often ordered with A1 \(\d+ orders, [\d.]+× more than by chance\)$/);
    expect(list[2].reason).toBe('bought by 2 of 3 retailers in 深圳市');
    expect(list[3].reason).toBe('new in your assortment 10 days ago');
    expect(list.every((r) => r.score > 0)).toBe(true);
  });

  it('never names another buyer', async () => {
    const names = [
      ...['R1b', 'R1c', 'R1d', 'R2', 'D1', 'D2'].map((k) => k),
      ...extra.map((a) => a.name),
      w.account('R1b').name,
    ];
    for (const [viewer, role, account] of [
      ['R1a', 'BUYER', undefined],
      ['D1', 'ANALYST', w.id('R1a')],
      ['D1', 'ADMIN', w.id('R1b')],
    ] as const) {
      const res = await recs(viewer, role, account);
      for (const r of res.data!.recommendations) for (const n of names) expect(r.reason).not.toContain(n);
    }
  });

  it('only ever recommends variants the buyer may order at a price (V2), whatever its seller offers', async () => {
    const brand = await w.token('BRAND', 'ADMIN');
    await fc.assert(
      fc.asyncProperty(fc.subarray(['A1', 'A2', 'B1', 'N1'], { minLength: 1 }), async (offered) => {
        expect(
          (
            await app.gql(
              SetAssortmentDocument,
              { input: { sellerId: w.id('D1'), includeAll: false, skus: offered } },
              brand,
            )
          ).data!.setAssortment.userErrors,
        ).toEqual([]);
        for (const buyer of ['R1a', 'R1b'] as const) {
          const list = (await recs(buyer, 'BUYER')).data!.recommendations;
          for (const r of list) {
            expect(offered).toContain(r.variant.sku);
            // The same buyer reads a price for it: orderable, not just visible.
            const price = await app.raw(
              'query($sku: String!) { variant(sku: $sku) { price { amount { amount } } } }',
              { sku: r.variant.sku },
              await w.token(buyer, 'BUYER'),
            );
            expect(price.data.variant.price, `${buyer} ${r.variant.sku}`).not.toBeNull();
          }
          // C1 is bought in D1's subtree but D1 never offers it to its retailers.
          expect(list.map((r) => r.variant.sku)).not.toContain('C1');
        }
      }),
      { numRuns: 8 },
    );
    await app.gql(
      SetAssortmentDocument,
      { input: { sellerId: w.id('D1'), includeAll: false, skus: ['A1', 'A2', 'B1', 'N1'] } },
      brand,
    );
  });

  it('sellers ask for a buyer below them (ADMIN, ANALYST); a buyer for itself (BUYER, ADMIN)', async () => {
    const own = (await recs('R1a', 'BUYER')).data!.recommendations;
    expect((await recs('D1', 'ANALYST', w.id('R1a'))).data!.recommendations).toEqual(own);
    expect((await recs('S', 'ADMIN', w.id('R1a'))).data!.recommendations).toEqual(own);
    expect((await recs('R1a', 'ADMIN')).data!.recommendations).toEqual(own);
    expect(codes(await recs('D1', 'BUYER', w.id('R1a')))).toEqual(['FORBIDDEN']);
    expect(codes(await recs('D1', 'ANALYST'))).toEqual(['FORBIDDEN']);
    expect(codes(await recs('D1', 'SERVICE', w.id('R1a')))).toEqual(['FORBIDDEN']);
    expect(codes(await recs('R1a', 'FINANCE'))).toEqual(['FORBIDDEN']);
  });

  it('is empty outside the subtree (V1) and for the brand, which buys from no one', async () => {
    for (const [viewer, account] of [
      ['D2', w.id('R1a')],
      ['R1b', w.id('R1a')],
      ['D1', 'not-an-id'],
    ] as const) {
      const res = await recs(viewer, viewer === 'R1b' ? 'BUYER' : 'ADMIN', account);
      expect(res.errors, viewer).toBeUndefined();
      expect(res.data!.recommendations).toEqual([]);
    }
    expect((await recs('BRAND', 'ADMIN')).data!.recommendations).toEqual([]);
  });

  it('keeps to first (1..50)', async () => {
    expect((await recs('R1a', 'BUYER', undefined, 2)).data!.recommendations.map((r) => r.kind)).toEqual([
      'REORDER_DUE',
      'BOUGHT_TOGETHER',
    ]);
    expect(codes(await recs('R1a', 'BUYER', undefined, 0))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await recs('R1a', 'BUYER', undefined, 51))).toEqual(['BAD_USER_INPUT']);
  });
});
