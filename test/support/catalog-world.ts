import { expect } from 'vitest';
import type { TestApp } from './app.js';
import type { World } from './world.js';
import {
  SavePriceListDocument,
  SavePromotionDocument,
  SetAssortmentDocument,
  SetPriceFloorsDocument,
  SetPriceListEntriesDocument,
  UpsertProductsDocument,
  type PriceListAssignmentInput,
  type PriceListEntryInput,
  type PromotionInput,
} from '../generated/graphql.js';

/**
 * The catalog the pricing and visibility tests reason about, built through
 * the API as the brand and the sellers would:
 *
 *   P-RO   (Purifiers/RO): A1 (SRP 3000), A2 (SRP 3500)
 *   P-PP   (Filters):      B1 (SRP 100)
 *   P-HEAT (Kitchen):      C1 (SRP 2000)
 *
 * Assortments: E offers A1 and B1 only; D1 offers A1, A2, B1; others offer all.
 * Floors: RETAILER A1 1800, B1 60; DISTRIBUTOR A1 1500.
 * Lists (unit prices):
 *   BRAND default        A1 1200  A2 1400  B1 40  C1 800
 *   S  tier DISTRIBUTOR  A1 1600  A2 1900  B1 50  C1 1000
 *   E  default           A1 1650           B1 55
 *   D1 tier RETAILER     A1 2200 (10+: 2100)  A2 2600  B1 80
 *   D1 region 440305     A1 2150
 *   D1 account R1a       A1 2000
 *   D2 default           A1 2300  A2 2700  B1 85  C1 1500
 *   D3 default           A1 2250           B1 82
 * Promotions of D1: 10% off B1 for RETAILER; stackable 50.00 off A1 in 440304.
 */
export interface CatalogWorld {
  listIds: Record<string, string>;
  promotionIds: Record<string, string>;
}

export async function buildCatalog(app: TestApp, w: World): Promise<CatalogWorld> {
  const brand = await w.token('BRAND', 'ADMIN');
  const up = await app.gql(
    UpsertProductsDocument,
    {
      input: [
        {
          code: 'P-RO',
          name: 'RO Purifier 800G',
          description: 'Reverse osmosis',
          categoryName: 'Purifiers/RO',
          attributes: [{ name: 'Flow', value: '800G' }],
          media: [{ url: '/assets/p-ro.jpg', kind: 'IMAGE', title: 'Front' }],
          variants: [
            { sku: 'A1', name: 'White', suggestedRetailPrice: '3000.00' },
            { sku: 'A2', name: 'Black', suggestedRetailPrice: '3500.00' },
          ],
        },
        {
          code: 'P-PP',
          name: 'PP Cotton Filter',
          categoryName: 'Filters',
          variants: [
            {
              sku: 'B1',
              name: 'Single',
              unit: '支',
              minOrderQuantity: 6,
              orderIncrement: 6,
              suggestedRetailPrice: '100.00',
            },
          ],
        },
        {
          code: 'P-HEAT',
          name: 'Kitchen Water Heater',
          categoryName: 'Kitchen',
          variants: [{ sku: 'C1', name: '6L', suggestedRetailPrice: '2000.00' }],
        },
      ],
    },
    brand,
  );
  expect(up.errors).toBeUndefined();
  expect(up.data!.upsertProducts.userErrors).toEqual([]);

  const assort = async (key: 'E' | 'D1', skus: string[]) => {
    const r = await app.gql(SetAssortmentDocument, { input: { sellerId: w.id(key), includeAll: false, skus } }, brand);
    expect(r.data!.setAssortment.userErrors).toEqual([]);
  };
  await assort('E', ['A1', 'B1']);
  await assort('D1', ['A1', 'A2', 'B1']);

  const floors = await app.gql(
    SetPriceFloorsDocument,
    {
      input: [
        { sku: 'A1', tier: 'RETAILER', amount: '1800.00' },
        { sku: 'B1', tier: 'RETAILER', amount: '60.00' },
        { sku: 'A1', tier: 'DISTRIBUTOR', amount: '1500.00' },
      ],
    },
    brand,
  );
  expect(floors.data!.setPriceFloors.userErrors).toEqual([]);

  const listIds: Record<string, string> = {};
  const list = async (
    key: string,
    owner: 'BRAND' | 'S' | 'E' | 'D1' | 'D2' | 'D3',
    assignments: PriceListAssignmentInput[],
    entries: PriceListEntryInput[],
    priority = 0,
  ) => {
    const token = await w.token(owner, 'ADMIN');
    const saved = await app.gql(
      SavePriceListDocument,
      { input: { ownerId: w.id(owner), name: key, priority, assignments } },
      token,
    );
    expect(saved.data!.savePriceList.userErrors, key).toEqual([]);
    const id = saved.data!.savePriceList.priceList!.id;
    const set = await app.gql(SetPriceListEntriesDocument, { input: { priceListId: id, entries } }, token);
    expect(set.data!.setPriceListEntries.userErrors, key).toEqual([]);
    listIds[key] = id;
  };
  await list(
    'brand-default',
    'BRAND',
    [],
    [
      { sku: 'A1', price: '1200' },
      { sku: 'A2', price: '1400' },
      { sku: 'B1', price: '40' },
      { sku: 'C1', price: '800' },
    ],
  );
  await list(
    's-distributors',
    'S',
    [{ tier: 'DISTRIBUTOR' }],
    [
      { sku: 'A1', price: '1600' },
      { sku: 'A2', price: '1900' },
      { sku: 'B1', price: '50' },
      { sku: 'C1', price: '1000' },
    ],
  );
  await list(
    'e-default',
    'E',
    [],
    [
      { sku: 'A1', price: '1650' },
      { sku: 'B1', price: '55' },
    ],
  );
  await list(
    'd1-retail',
    'D1',
    [{ tier: 'RETAILER' }],
    [
      { sku: 'A1', price: '2200' },
      { sku: 'A1', minQuantity: 10, price: '2100' },
      { sku: 'A2', price: '2600' },
      { sku: 'B1', price: '80' },
    ],
  );
  await list('d1-nanshan', 'D1', [{ regionCode: '440305' }], [{ sku: 'A1', price: '2150' }]);
  await list('d1-r1a', 'D1', [{ accountId: w.id('R1a') }], [{ sku: 'A1', price: '2000' }]);
  await list(
    'd2-default',
    'D2',
    [],
    [
      { sku: 'A1', price: '2300' },
      { sku: 'A2', price: '2700' },
      { sku: 'B1', price: '85' },
      { sku: 'C1', price: '1500' },
    ],
  );
  await list(
    'd3-default',
    'D3',
    [],
    [
      { sku: 'A1', price: '2250' },
      { sku: 'B1', price: '82' },
    ],
  );

  const promotionIds: Record<string, string> = {};
  const d1 = await w.token('D1', 'ADMIN');
  const promos: [string, PromotionInput][] = [
    [
      'b1-10',
      { ownerId: w.id('D1'), name: 'Filter week', kind: 'PERCENT_OFF', value: '10', tiers: ['RETAILER'], skus: ['B1'] },
    ],
    [
      'futian-50',
      {
        ownerId: w.id('D1'),
        name: 'Futian bonus',
        kind: 'AMOUNT_OFF',
        value: '50.00',
        stackable: true,
        regionCodes: ['440304'],
        skus: ['A1'],
      },
    ],
  ];
  for (const [key, input] of promos) {
    const r = await app.gql(SavePromotionDocument, { input }, d1);
    expect(r.data!.savePromotion.userErrors, key).toEqual([]);
    promotionIds[key] = r.data!.savePromotion.promotion!.id;
  }
  return { listIds, promotionIds };
}
