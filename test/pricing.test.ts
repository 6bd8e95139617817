import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog, type CatalogWorld } from './support/catalog-world.js';
import {
  CreateAccountDocument,
  EndPromotionDocument,
  PriceForDocument,
  PriceListsDocument,
  PromotionsDocument,
  SavePriceListDocument,
  SavePromotionDocument,
  SetPriceFloorsDocument,
  SetPriceListEntriesDocument,
  VariantBySkuDocument,
  VariantPricingDocument,
} from './generated/graphql.js';
import { priceListEntries, priceLists } from '../src/modules/pricing/tables.js';

let app: TestApp;
let w: World;
let cw: CatalogWorld;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  cw = await buildCatalog(app, w);
});
afterAll(() => app?.close());

async function price(key: Parameters<World['token']>[0], sku: string, quantity?: number) {
  const res = await app.gql(VariantBySkuDocument, { sku, quantity }, await w.token(key, w.roles(key)[0]));
  return res;
}

const steps = (p: { steps: { kind: string; amount: { amount: string } }[] }) =>
  p.steps.map((s) => [s.kind, s.amount.amount]);

describe('the price a buyer pays (V3), resolved on the server', () => {
  it('an account-specific list beats the tier list, and a stackable regional promotion applies', async () => {
    const p = (await price('R1a', 'A1')).data!.variant!.price!;
    expect(p.amount.amount).toBe('1950.00');
    expect(p.listPrice.amount).toBe('2000.00');
    expect(steps(p)).toEqual([
      ['LIST', '2000.00'],
      ['PROMOTION', '-50.00'],
    ]);
    expect(p.floorApplied).toBe(false);
  });

  it('a region list beats the tier list', async () => {
    const p = (await price('R1b', 'A1')).data!.variant!.price!;
    expect(steps(p)).toEqual([['LIST', '2150.00']]);
  });

  it('the tier list applies otherwise, with quantity breaks', async () => {
    const created = await app.gql(
      CreateAccountDocument,
      {
        input: {
          parentId: w.id('D1'),
          name: 'Luohu shop',
          tier: 'RETAILER',
          address: { line1: '1 Road', regionCode: '440303' },
        },
      },
      await w.token('D1', 'ADMIN'),
    );
    const id = created.data!.createAccount.account!.id;
    const one = await app.gql(PriceForDocument, { sku: 'A1', accountId: id }, await w.token('D1', 'ADMIN'));
    expect(steps(one.data!.variant!.priceFor!)).toEqual([['LIST', '2200.00']]);
    const ten = await app.gql(
      PriceForDocument,
      { sku: 'A1', accountId: id, quantity: 10 },
      await w.token('D1', 'ADMIN'),
    );
    expect(ten.data!.variant!.priceFor).toMatchObject({
      amount: { amount: '2100.00' },
      listPrice: { amount: '2100.00' },
      quantity: 10,
    });
    expect(steps(ten.data!.variant!.priceFor!)).toEqual([
      ['LIST', '2200.00'],
      ['QUANTITY_BREAK', '-100.00'],
    ]);
  });

  it('the best promotion applies, and the floor is never undercut', async () => {
    const p = (await price('R1a', 'B1')).data!.variant!.price!;
    expect(steps(p)).toEqual([
      ['LIST', '80.00'],
      ['PROMOTION', '-8.00'],
    ]);
    const brand = await w.token('BRAND', 'ADMIN');
    await app.gql(SetPriceFloorsDocument, { input: [{ sku: 'B1', tier: 'RETAILER', amount: '75.00' }] }, brand);
    try {
      const clamped = (await price('R1a', 'B1')).data!.variant!.price!;
      expect(clamped.amount.amount).toBe('75.00');
      expect(clamped.floorApplied).toBe(true);
      expect(steps(clamped)).toEqual([
        ['LIST', '80.00'],
        ['PROMOTION', '-8.00'],
        ['FLOOR', '3.00'],
      ]);
    } finally {
      await app.gql(SetPriceFloorsDocument, { input: [{ sku: 'B1', tier: 'RETAILER', amount: '60.00' }] }, brand);
    }
  });

  it('distributors and agents pay their own sellers; the brand has no price', async () => {
    expect(steps((await price('D1', 'A1')).data!.variant!.price!)).toEqual([['LIST', '1600.00']]);
    expect(steps((await price('D3', 'A1')).data!.variant!.price!)).toEqual([['LIST', '1650.00']]);
    expect(steps((await price('S', 'C1')).data!.variant!.price!)).toEqual([['LIST', '800.00']]);
    const brand = await price('BRAND', 'A1');
    expect(brand.data!.variant!.price).toBeNull();
    expect(codes(brand)).toEqual(['FORBIDDEN']);
  });

  it('quantity must be a positive integer', async () => {
    expect(codes(await price('R1a', 'A1', 0))).toEqual(['BAD_USER_INPUT']);
  });

  it('expired and future lists never apply', async () => {
    const d1 = await w.token('D1', 'ADMIN');
    for (const [from, to] of [
      ['2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z'],
      ['2099-01-01T00:00:00Z', null],
    ] as const) {
      const saved = await app.gql(
        SavePriceListDocument,
        {
          input: {
            ownerId: w.id('D1'),
            name: `window ${from}`,
            validFrom: from,
            validTo: to,
            assignments: [{ accountId: w.id('R1b') }],
          },
        },
        d1,
      );
      expect(saved.data!.savePriceList.userErrors).toEqual([]);
      await app.gql(
        SetPriceListEntriesDocument,
        { input: { priceListId: saved.data!.savePriceList.priceList!.id, entries: [{ sku: 'A1', price: '1900' }] } },
        d1,
      );
    }
    expect(steps((await price('R1b', 'A1')).data!.variant!.price!)).toEqual([['LIST', '2150.00']]);
  });
});

describe('priceFor (V1, V3)', () => {
  it('answers for accounts in the viewer subtree only', async () => {
    const d1 = await w.token('D1', 'BUYER');
    expect(
      (await app.gql(PriceForDocument, { sku: 'A1', accountId: w.id('R1a') }, d1)).data!.variant!.priceFor!.amount
        .amount,
    ).toBe('1950.00');
    expect(
      (await app.gql(PriceForDocument, { sku: 'A1', accountId: w.id('R1a') }, await w.token('BRAND', 'ANALYST'))).data!
        .variant!.priceFor!.amount.amount,
    ).toBe('1950.00');
    for (const outside of ['R2', 'D2', 'S'] as const) {
      const res = await app.gql(PriceForDocument, { sku: 'A1', accountId: w.id(outside) }, d1);
      expect(res.errors).toBeUndefined();
      expect(res.data!.variant!.priceFor).toBeNull();
    }
    expect(
      (await app.gql(PriceForDocument, { sku: 'A1', accountId: 'garbage' }, d1)).data!.variant!.priceFor,
    ).toBeNull();
  });

  it("is null when the account's seller does not offer the variant (V2)", async () => {
    const res = await app.gql(PriceForDocument, { sku: 'C1', accountId: w.id('R1a') }, await w.token('S', 'ADMIN'));
    expect(res.data!.variant!.priceFor).toBeNull();
  });
});

describe('price lists and entries', () => {
  it('are listed for the owner and its ancestors only (V3)', async () => {
    const names = async (key: Parameters<World['token']>[0]) =>
      (await app.gql(PriceListsDocument, {}, await w.token(key, w.roles(key)[0])))
        .data!.priceLists.map((l) => l.name)
        .filter((n) => !n.startsWith('window'))
        .sort();
    expect(await names('D1')).toEqual(['d1-nanshan', 'd1-r1a', 'd1-retail']);
    expect(await names('S')).toEqual(['d1-nanshan', 'd1-r1a', 'd1-retail', 'd2-default', 's-distributors']);
    expect(await names('D2')).toEqual(['d2-default']);
    expect(await names('R1a')).toEqual([]);
    expect((await names('BRAND')).length).toBe(8);
  });

  it("an entry below the floor of the list's buyers is refused, naming it, and the call writes nothing", async () => {
    const d1 = await w.token('D1', 'ADMIN');
    const before = await app.database.db.select({ n: count() }).from(priceListEntries);
    const res = await app.gql(
      SetPriceListEntriesDocument,
      {
        input: {
          priceListId: cw.listIds['d1-retail'],
          entries: [
            { sku: 'A2', price: '2550' },
            { sku: 'A1', minQuantity: 50, price: '1700.00' },
          ],
        },
      },
      d1,
    );
    expect(res.data!.setPriceListEntries.priceList).toBeNull();
    expect(res.data!.setPriceListEntries.userErrors).toEqual([
      {
        code: 'BELOW_PRICE_FLOOR',
        field: ['entries', '1', 'price'],
        message: expect.stringMatching(/A1 at 1700\.00 \(from 50\) is below the RETAILER floor of 1800\.00/),
      },
    ]);
    expect(await app.database.db.select({ n: count() }).from(priceListEntries)).toEqual(before);
    const a2 = await app.gql(PriceForDocument, { sku: 'A2', accountId: w.id('R1a') }, d1);
    expect(a2.data!.variant!.priceFor!.amount.amount).toBe('2600.00');
  });

  it('the floor of the tier a list is assigned to protects it (DISTRIBUTOR for an agent list)', async () => {
    const res = await app.gql(
      SetPriceListEntriesDocument,
      { input: { priceListId: cw.listIds['s-distributors'], entries: [{ sku: 'A1', price: '1499.99' }] } },
      await w.token('S', 'ADMIN'),
    );
    expect(res.data!.setPriceListEntries.userErrors.map((e) => e.code)).toEqual(['BELOW_PRICE_FLOOR']);
  });

  it.each([
    ['an unknown sku', [{ sku: 'NOPE', price: '10' }], 'INVALID_INPUT', ['entries', '0', 'sku']],
    ['a zero price', [{ sku: 'A1', price: '0' }], 'INVALID_INPUT', ['entries', '0', 'price']],
    ['a negative price', [{ sku: 'A1', price: '-1' }], 'INVALID_INPUT', ['entries', '0', 'price']],
    ['fractions of a fen', [{ sku: 'A1', price: '2500.001' }], 'INVALID_INPUT', ['entries', '0', 'price']],
    ['minQuantity 0', [{ sku: 'A1', minQuantity: 0, price: '2500' }], 'INVALID_INPUT', ['entries', '0', 'minQuantity']],
    [
      'a duplicate (sku, minQuantity)',
      [
        { sku: 'A2', price: '2600' },
        { sku: 'A2', minQuantity: 1, price: '2700' },
      ],
      'INVALID_INPUT',
      ['entries', '1'],
    ],
    ['a sku the owner does not offer', [{ sku: 'C1', price: '2500' }], 'INVALID_INPUT', ['entries', '0', 'sku']],
  ])('refuses %s', async (_why, entries, code, field) => {
    const res = await app.gql(
      SetPriceListEntriesDocument,
      { input: { priceListId: cw.listIds['d1-retail'], entries } },
      await w.token('D1', 'ADMIN'),
    );
    expect(res.data!.setPriceListEntries.userErrors).toContainEqual(expect.objectContaining({ code, field }));
  });

  it('a non-decimal price is refused by the Decimal scalar before anything runs', async () => {
    const res = await app.gql(
      SetPriceListEntriesDocument,
      { input: { priceListId: cw.listIds['d1-retail'], entries: [{ sku: 'A1', price: 'abc' }] } },
      await w.token('D1', 'ADMIN'),
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('replace: true leaves exactly the given entries', async () => {
    const d2 = await w.token('D2', 'ADMIN');
    const res = await app.gql(
      SetPriceListEntriesDocument,
      {
        input: {
          priceListId: cw.listIds['d2-default'],
          replace: true,
          entries: [
            { sku: 'A1', price: '2350' },
            { sku: 'B1', price: '86' },
          ],
        },
      },
      d2,
    );
    expect(res.data!.setPriceListEntries.priceList!.entries.map((e) => [e.variant.sku, e.price.amount])).toEqual([
      ['A1', '2350.00'],
      ['B1', '86.00'],
    ]);
  });

  it('pricing for accounts outside the subtree is FORBIDDEN with nothing written', async () => {
    const d1 = await w.token('D1', 'ADMIN');
    const [{ n: before }] = await app.database.db.select({ n: count() }).from(priceLists);
    expect(
      codes(
        await app.gql(
          SavePriceListDocument,
          { input: { ownerId: w.id('D1'), name: 'x', assignments: [{ accountId: w.id('R2') }] } },
          d1,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(await app.gql(SavePriceListDocument, { input: { ownerId: w.id('D2'), name: 'x', assignments: [] } }, d1)),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await app.gql(
          SetPriceListEntriesDocument,
          { input: { priceListId: cw.listIds['d2-default'], entries: [{ sku: 'A1', price: '3000' }] } },
          d1,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await app.gql(
          SavePriceListDocument,
          { input: { ownerId: w.id('D1'), name: 'x', assignments: [] } },
          await w.token('D1', 'BUYER'),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const [{ n: after }] = await app.database.db.select({ n: count() }).from(priceLists);
    expect(after).toBe(before);
  });

  it.each([
    ['another currency', () => ({ currencyCode: 'USD' }), ['currencyCode']],
    [
      'an account that does not buy from the owner',
      () => ({ assignments: [{ accountId: w.id('R1a') }] }),
      ['assignments', '0', 'accountId'],
    ],
    [
      'a tier the owner does not sell to',
      () => ({ assignments: [{ tier: 'GENERAL_AGENT' as const }] }),
      ['assignments', '0', 'tier'],
    ],
    ['an unknown region', () => ({ assignments: [{ regionCode: '999999' }] }), ['assignments', '0', 'regionCode']],
    ['an empty window', () => ({ validFrom: '2026-02-01T00:00:00Z', validTo: '2026-01-01T00:00:00Z' }), ['validTo']],
  ])('savePriceList refuses %s', async (_why, overrides, field) => {
    const res = await app.gql(
      SavePriceListDocument,
      { input: { ownerId: w.id('S'), name: 'bad', assignments: [], ...overrides() } },
      await w.token('S', 'ADMIN'),
    );
    expect(res.data!.savePriceList.priceList).toBeNull();
    expect(res.data!.savePriceList.userErrors).toContainEqual(
      expect.objectContaining({ code: 'INVALID_INPUT', field }),
    );
  });

  it('setPriceFloors is for the brand only, and names unknown skus', async () => {
    expect(
      codes(
        await app.gql(
          SetPriceFloorsDocument,
          { input: [{ sku: 'A1', tier: 'RETAILER', amount: '1' }] },
          await w.token('S', 'ADMIN'),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const res = await app.gql(
      SetPriceFloorsDocument,
      {
        input: [
          { sku: 'NOPE', tier: 'RETAILER', amount: '1' },
          { sku: 'A1', tier: 'BRAND', amount: '1' },
        ],
      },
      await w.token('BRAND', 'ADMIN'),
    );
    expect(res.data!.setPriceFloors.userErrors.map((e) => e.field)).toEqual([
      ['0', 'sku'],
      ['1', 'tier'],
    ]);
  });
});

describe('promotions', () => {
  it('are visible to the owner and its ancestors, not to siblings or buyers', async () => {
    const names = async (key: Parameters<World['token']>[0]) =>
      (await app.gql(PromotionsDocument, {}, await w.token(key, w.roles(key)[0])))
        .data!.promotions.map((p) => p.name)
        .sort();
    expect(await names('D1')).toEqual(['Filter week', 'Futian bonus']);
    expect(await names('S')).toEqual(['Filter week', 'Futian bonus']);
    expect(await names('D2')).toEqual([]);
    expect(await names('R1a')).toEqual([]);
  });

  it('refuses bad values', async () => {
    const d1 = await w.token('D1', 'ADMIN');
    const bad = await app.gql(
      SavePromotionDocument,
      { input: { ownerId: w.id('D1'), name: 'x', kind: 'PERCENT_OFF', value: '150', skus: ['NOPE'] } },
      d1,
    );
    expect(bad.data!.savePromotion.userErrors.map((e) => e.field)).toEqual([['value'], ['skus', '0']]);
  });

  it('ending a promotion takes it out of prices at once', async () => {
    const d1 = await w.token('D1', 'ADMIN');
    const ended = await app.gql(EndPromotionDocument, { id: cw.promotionIds['futian-50'] }, d1);
    expect(ended.data!.endPromotion.userErrors).toEqual([]);
    expect(steps((await price('R1a', 'A1')).data!.variant!.price!)).toEqual([['LIST', '2000.00']]);
    const again = await app.gql(EndPromotionDocument, { id: cw.promotionIds['futian-50'] }, d1);
    expect(again.data!.endPromotion.userErrors[0].code).toBe('INVALID_TRANSITION');
    expect(
      codes(await app.gql(EndPromotionDocument, { id: cw.promotionIds['b1-10'] }, await w.token('D2', 'ADMIN'))),
    ).toEqual(['FORBIDDEN']);
  });
});

describe('floors and entries as seen by sellers', () => {
  it("priceFloor defaults to the floor for the viewer's buyers; priceListEntries are those of the subtree", async () => {
    const d1 = await app.gql(VariantPricingDocument, { sku: 'A1' }, await w.token('D1', 'ADMIN'));
    expect(d1.data!.variant!.priceFloor!.amount).toBe('1800.00');
    expect(
      d1.data!.variant!.priceListEntries!.every(
        (e) => e.priceList.name.startsWith('d1-') || e.priceList.name.startsWith('window'),
      ),
    ).toBe(true);
    const s = await app.gql(VariantPricingDocument, { sku: 'A1' }, await w.token('S', 'ADMIN'));
    expect(s.data!.variant!.priceFloor!.amount).toBe('1500.00');
    expect(
      new Set(s.data!.variant!.priceListEntries!.map((e) => /^(s|d1|d2|window)\b/.exec(e.priceList.name)![1])),
    ).toEqual(new Set(['s', 'd1', 'd2', 'window']));
    const custom = await app.raw(
      '{ variant(sku: "A1") { priceFloor(tier: RETAILER) { amount } } }',
      {},
      await w.token('S', 'ADMIN'),
    );
    expect(custom.data.variant.priceFloor.amount).toBe('1800.00');
  });
});
