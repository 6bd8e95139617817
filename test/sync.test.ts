import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, type OrdersWorld } from './support/orders-world.js';
import { orders } from '../src/modules/orders/tables.js';
import type { Role } from '../src/modules/users/tables.js';

/** Issue 13, sync: Order.externalRef and updatedAt, the OrderFilter additions, ProductFilter.sellerId. */
let app: TestApp;
let w: World;
let ow: OrdersWorld;

const PLACE = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) { order { id number externalRef updatedAt fulfillments { id warehouse { id } } } userErrors { code field message } }
}`;
const ORDERS = `query($filter: OrderFilter) { orders(first: 100, filter: $filter) { totalCount nodes { id number externalRef updatedAt } } }`;

async function place(as: [WorldKey, Role], input: Record<string, unknown>) {
  return app.raw(PLACE, { input }, await w.token(...as));
}
async function listed(as: [WorldKey, Role], filter: Record<string, unknown>) {
  const res = await app.raw(ORDERS, { filter }, await w.token(...as));
  expect(res.errors).toBeUndefined();
  return res.data.orders.nodes as { id: string; number: string; externalRef: string | null; updatedAt: string }[];
}
const at = (iso: string) => app.clock.set(new Date(iso));

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
});
afterAll(() => app?.close());

describe('Order.externalRef', () => {
  it('is set by placeOrder, unique per buyer: a second order with it is EXTERNAL_REF_TAKEN and writes nothing', async () => {
    const first = await place(['R1a', 'BUYER'], {
      idempotencyKey: 'ref-1',
      externalRef: ' ERP-1001 ',
      lines: [{ sku: 'A1', quantity: 1 }],
    });
    expect(first.data.placeOrder.userErrors).toEqual([]);
    expect(first.data.placeOrder.order.externalRef).toBe('ERP-1001');
    const before = (await app.database.db.select({ n: count() }).from(orders))[0].n;
    const again = await place(['R1a', 'BUYER'], {
      idempotencyKey: 'ref-2',
      externalRef: 'ERP-1001',
      lines: [{ sku: 'A1', quantity: 1 }],
    });
    expect(again.data.placeOrder.order).toBeNull();
    expect(again.data.placeOrder.userErrors).toEqual([
      expect.objectContaining({ code: 'EXTERNAL_REF_TAKEN', field: ['externalRef'] }),
    ]);
    expect((await app.database.db.select({ n: count() }).from(orders))[0].n).toBe(before);
    // A retry of the first request is the first order, not a conflict.
    const retry = await place(['R1a', 'BUYER'], {
      idempotencyKey: 'ref-1',
      externalRef: 'ERP-1001',
      lines: [{ sku: 'A1', quantity: 1 }],
    });
    expect(retry.data.placeOrder.order.id).toBe(first.data.placeOrder.order.id);
    // Another buyer may use the same reference.
    const other = await place(['R1b', 'BUYER'], {
      idempotencyKey: 'ref-1',
      externalRef: 'ERP-1001',
      lines: [{ sku: 'B1', quantity: 6 }],
    });
    expect(other.data.placeOrder.userErrors).toEqual([]);
  });

  it('two orders racing with one reference: one wins, the other is EXTERNAL_REF_TAKEN (never an internal error)', async () => {
    const [a, b] = await Promise.all([
      place(['R1a', 'BUYER'], {
        idempotencyKey: 'race-a',
        externalRef: 'ERP-RACE',
        lines: [{ sku: 'B1', quantity: 6 }],
      }),
      place(['R1a', 'BUYER'], {
        idempotencyKey: 'race-b',
        externalRef: 'ERP-RACE',
        lines: [{ sku: 'B1', quantity: 6 }],
      }),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const results = [a, b].map((r) => r.data.placeOrder);
    expect(results.filter((r) => r.order).length).toBe(1);
    expect(results.flatMap((r) => r.userErrors.map((e: { code: string }) => e.code))).toEqual(['EXTERNAL_REF_TAKEN']);
  });

  it('is bounded like every string input', async () => {
    const res = await place(['R1a', 'BUYER'], {
      idempotencyKey: 'ref-long',
      externalRef: 'x'.repeat(101),
      lines: [{ sku: 'A1', quantity: 1 }],
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('incremental sync: updatedAt and OrderFilter', () => {
  it('updatedAt moves with every change of the order, its fulfillments and its status; updatedSince finds exactly what changed', async () => {
    at('2027-03-02T09:00:00Z');
    const o1 = (await place(['R1a', 'BUYER'], { idempotencyKey: 'sync-1', lines: [{ sku: 'B1', quantity: 6 }] })).data
      .placeOrder.order;
    at('2027-03-02T10:00:00Z');
    const o2 = (await place(['R1b', 'BUYER'], { idempotencyKey: 'sync-2', lines: [{ sku: 'B1', quantity: 12 }] })).data
      .placeOrder.order;
    expect(o1.updatedAt).toBe('2027-03-02T09:00:00.000Z');
    const since = async (iso: string) => (await listed(['D1', 'ADMIN'], { updatedSince: iso })).map((o) => o.id).sort();
    expect(await since('2027-03-02T09:30:00Z')).toEqual([o2.id]);
    expect(await since('2027-03-02T09:00:00Z')).toEqual([o1.id, o2.id].sort());

    at('2027-03-02T11:00:00Z');
    expect(
      (
        await app.raw(
          'mutation($id: ID!) { confirmOrder(id: $id) { userErrors { code } } }',
          { id: o1.id },
          await w.token('D1', 'ADMIN'),
        )
      ).data.confirmOrder.userErrors,
    ).toEqual([]);
    expect(await since('2027-03-02T10:30:00Z')).toEqual([o1.id]);
    const stamp = async () => (await listed(['D1', 'ADMIN'], { number: o1.number }))[0].updatedAt;
    expect(await stamp()).toBe('2027-03-02T11:00:00.000Z');

    at('2027-03-02T12:00:00Z');
    for (const f of o1.fulfillments) {
      const owner = Object.entries(ow.warehouse).find(([, id]) => id === f.warehouse.id)![0] as WorldKey;
      const shipped = await app.raw(
        'mutation($input: ShipFulfillmentInput!) { shipFulfillment(input: $input) { userErrors { code } } }',
        { input: { fulfillmentId: f.id } },
        await w.token(owner, 'ADMIN'),
      );
      expect(shipped.data.shipFulfillment.userErrors).toEqual([]);
    }
    expect(await stamp()).toBe('2027-03-02T12:00:00.000Z');
    at('2027-03-02T13:00:00Z');
    await app.raw(
      'mutation($id: ID!) { confirmDelivery(id: $id) { userErrors { code } } }',
      { id: o1.id },
      await w.token('R1a', 'BUYER'),
    );
    expect(await stamp()).toBe('2027-03-02T13:00:00.000Z');
    at('2027-03-02T14:00:00Z');
    await app.raw(
      'mutation($id: ID!) { cancelOrder(id: $id) { userErrors { code } } }',
      { id: o2.id },
      await w.token('R1b', 'BUYER'),
    );
    expect(await since('2027-03-02T13:30:00Z')).toEqual([o2.id]);
    app.clock.set(null);
  });

  it('finds orders by number, externalRef, sku and ship-to region (a code covers its subdivisions), within V1', async () => {
    const ref = (
      await place(['R1a', 'BUYER'], {
        idempotencyKey: 'find-1',
        externalRef: 'ERP-FIND',
        lines: [{ sku: 'A2', quantity: 1 }],
      })
    ).data.placeOrder.order;
    expect((await listed(['D1', 'ADMIN'], { externalRef: 'ERP-FIND' })).map((o) => o.id)).toEqual([ref.id]);
    expect((await listed(['S', 'BUYER'], { number: ref.number })).map((o) => o.id)).toEqual([ref.id]);
    expect(await listed(['D2', 'ADMIN'], { externalRef: 'ERP-FIND' })).toEqual([]);
    expect(await listed(['D2', 'ADMIN'], { number: ref.number })).toEqual([]);
    expect(await listed(['R1b', 'BUYER'], { number: ref.number })).toEqual([]);

    const withA2 = await listed(['D1', 'ADMIN'], { sku: 'A2' });
    expect(withA2.map((o) => o.id)).toContain(ref.id);
    const all = await listed(['D1', 'ADMIN'], {});
    const linesOf = await app.raw(
      '{ orders(first: 100) { nodes { id lines { sku } shipTo { regionCode } } } }',
      {},
      await w.token('D1', 'ADMIN'),
    );
    const nodes = linesOf.data.orders.nodes as {
      id: string;
      lines: { sku: string }[];
      shipTo: { regionCode: string };
    }[];
    expect(withA2.map((o) => o.id).sort()).toEqual(
      nodes
        .filter((n) => n.lines.some((l) => l.sku === 'A2'))
        .map((n) => n.id)
        .sort(),
    );
    expect(await listed(['D1', 'ADMIN'], { sku: 'NOPE' })).toEqual([]);

    const futian = await listed(['D1', 'ADMIN'], { regionCode: '440304' });
    expect(futian.map((o) => o.id).sort()).toEqual(
      nodes
        .filter((n) => n.shipTo.regionCode === '440304')
        .map((n) => n.id)
        .sort(),
    );
    expect(futian.length).toBeGreaterThan(0);
    expect(futian.length).toBeLessThan(all.length);
    expect((await listed(['D1', 'ADMIN'], { regionCode: '440300' })).length).toBe(all.length);
    expect((await listed(['D1', 'ADMIN'], { regionCode: '440000' })).length).toBe(all.length);
    expect(await listed(['D1', 'ADMIN'], { regionCode: '310000' })).toEqual([]);
    expect(await listed(['D1', 'ADMIN'], { regionCode: 'nope' })).toEqual([]);
    // The same filter on Account.orders.
    const nested = await app.raw(
      `{ account(id: "${w.id('R1a')}") { orders(first: 50, filter: { externalRef: "ERP-FIND" }) { nodes { id } } } }`,
      {},
      await w.token('D1', 'ADMIN'),
    );
    expect(nested.data.account.orders.nodes).toEqual([{ id: ref.id }]);
  });

  it('uses the sync indexes', async () => {
    // One transaction: the setting and the plans on the same connection of the pool.
    await app.database.sql.begin(async (tx) => {
      const plan = async (q: string) => (await tx.unsafe(`explain ${q}`)).map((r) => r['QUERY PLAN']).join('\n');
      await tx.unsafe('set local enable_seqscan = off');
      expect(await plan("select id from orders where external_ref = 'x'")).toMatch(/orders_external_ref_uq/);
      expect(await plan('select id from orders where updated_at >= now()')).toMatch(/orders_updated_idx/);
      expect(await plan("select id from orders where ship_to_region_code like '4403%'")).toMatch(
        /orders_ship_to_region_idx/,
      );
      expect(await plan("select order_id from order_lines where sku = 'A1'")).toMatch(/order_lines_sku_idx/);
    });
  });
});

describe('ProductFilter.sellerId', () => {
  const PRODUCTS = `query($filter: ProductFilter) { products(first: 50, filter: $filter) { totalCount nodes { code variants { sku } } } }`;
  const shelf = async (token: string | null, sellerId?: string) => {
    const res = await app.raw(PRODUCTS, { filter: sellerId ? { sellerId } : null }, token);
    expect(res.errors).toBeUndefined();
    return Object.fromEntries(
      (res.data.products.nodes as { code: string; variants: { sku: string }[] }[]).map((p) => [
        p.code,
        p.variants.map((v) => v.sku),
      ]),
    );
  };

  it('lists only what that seller offers, within what the viewer may see (V2)', async () => {
    const brand = await w.token('BRAND', 'ADMIN');
    expect(await shelf(brand)).toEqual({ 'P-RO': ['A1', 'A2'], 'P-PP': ['B1'], 'P-HEAT': ['C1'] });
    // E offers A1 and B1 only: its shelf, variants included.
    expect(await shelf(brand, w.id('E'))).toEqual({ 'P-RO': ['A1'], 'P-PP': ['B1'] });
    expect(await shelf(brand, w.id('D3'))).toEqual({ 'P-RO': ['A1'], 'P-PP': ['B1'] });
    expect(await shelf(brand, w.id('D1'))).toEqual({ 'P-RO': ['A1', 'A2'], 'P-PP': ['B1'] });
    // A retailer reads its own seller's offer; a sibling's or a stranger's is nothing.
    expect(await shelf(await w.token('R1a', 'BUYER'), w.id('D1'))).toEqual({ 'P-RO': ['A1', 'A2'], 'P-PP': ['B1'] });
    expect(await shelf(await w.token('D2', 'ADMIN'), w.id('D1'))).toEqual({});
    expect(await shelf(await w.token('R2', 'BUYER'), w.id('E'))).toEqual({});
    expect(await shelf(brand, w.id('R1a'))).toEqual({});
    expect(await shelf(brand, 'not-an-id')).toEqual({});
  });

  it("anonymous, on a public catalog: a portal's distributor's assortment, without prices", async () => {
    expect(await shelf(null, w.id('D1'))).toEqual({});
    const on = await app.raw(
      'mutation { updateChannelSettings(input: { publicCatalog: true }) { userErrors { code } } }',
      {},
      await w.token('BRAND', 'ADMIN'),
    );
    expect(on.data.updateChannelSettings.userErrors).toEqual([]);
    expect(await shelf(null)).toEqual({ 'P-RO': ['A1', 'A2'], 'P-PP': ['B1'], 'P-HEAT': ['C1'] });
    expect(await shelf(null, w.id('D1'))).toEqual({ 'P-RO': ['A1', 'A2'], 'P-PP': ['B1'] });
    expect(await shelf(null, w.id('E'))).toEqual({ 'P-RO': ['A1'], 'P-PP': ['B1'] });
    // Retailers have no portal and offer nothing.
    expect(await shelf(null, w.id('R1a'))).toEqual({});
    const priced = await app.raw(
      `{ products(first: 5, filter: { sellerId: "${w.id('D1')}" }) { nodes { variants { price { amount { amount } } } } } }`,
      {},
    );
    expect(codes(priced)).toContain('UNAUTHENTICATED');
  });
});

it('the order count is untouched by refused placements (sanity of the counting above)', async () => {
  const [{ n }] = await app.database.db.select({ n: count() }).from(orders).where(eq(orders.externalRef, 'ERP-RACE'));
  expect(n).toBe(1);
});
