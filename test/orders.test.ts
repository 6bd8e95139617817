import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, expectInvariants, type OrdersWorld } from './support/orders-world.js';
import {
  AccountOrdersDocument,
  CancelOrderDocument,
  ConfirmDeliveryDocument,
  ConfirmOrderDocument,
  NodeDocument,
  OrderDocument,
  OrdersDocument,
  PlaceOrderDocument,
  ShipFulfillmentDocument,
  StockDocument,
  TraceBatchDocument,
  UpdateChannelSettingsDocument,
  type PlaceOrderInput,
} from './generated/graphql.js';
import { orders } from '../src/modules/orders/tables.js';
import { outbox } from '../src/modules/integration/tables.js';
import { accounts } from '../src/modules/accounts/tables.js';
import { stockLevels } from '../src/modules/inventory/tables.js';

let app: TestApp;
let w: World;
let ow: OrdersWorld;
let seq = 0;
const key = () => `k-${++seq}`;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
});
afterAll(() => app?.close());

async function snapshot() {
  const db = app.database.db;
  const [[o], [x], s, a] = await Promise.all([
    db.select({ n: count() }).from(orders),
    db.select({ n: count() }).from(outbox),
    db.select().from(stockLevels).orderBy(stockLevels.warehouseId, stockLevels.variantId),
    db.select({ id: accounts.id, used: accounts.creditUsed }).from(accounts).orderBy(accounts.id),
  ]);
  return {
    orders: o.n,
    outbox: x.n,
    stock: s.map((r) => [r.warehouseId, r.variantId, r.onHand, r.reserved]),
    credit: a.map((r) => [r.id, String(r.used)]),
  };
}

async function place(
  viewer: Parameters<World['token']>[0],
  role: Parameters<World['token']>[1],
  input: Omit<PlaceOrderInput, 'idempotencyKey'> & { idempotencyKey?: string },
) {
  return app.gql(PlaceOrderDocument, { input: { idempotencyKey: key(), ...input } }, await w.token(viewer, role));
}

describe('placeOrder', () => {
  it("prices on the server, reserves stock in the seller's own warehouse, takes credit and attributes to the seller", async () => {
    const before = await snapshot();
    const res = await place('R1a', 'BUYER', { lines: [{ sku: 'A1', quantity: 2 }] });
    expect(res.errors).toBeUndefined();
    const { order, userErrors } = res.data!.placeOrder;
    expect(userErrors).toEqual([]);
    expect(order).toMatchObject({
      status: 'SUBMITTED',
      channel: 'ONLINE',
      flagged: false,
      buyer: { id: w.id('R1a') },
      seller: { id: w.id('D1') },
      serviceProvider: { id: w.id('D1') },
      lines: [
        {
          sku: 'A1',
          quantity: 2,
          listPrice: { amount: '2000.00' },
          unitPrice: { amount: '1950.00' },
          lineTotal: { amount: '3900.00' },
        },
      ],
      subtotal: { amount: '4000.00' },
      discountTotal: { amount: '100.00' },
      total: { amount: '3900.00' },
      shipTo: { regionCode: '440304' },
    });
    expect(order!.number).toMatch(/^SO-\d{4}-\d{7}$/);
    expect(order!.fulfillments).toHaveLength(1);
    expect(order!.fulfillments[0]).toMatchObject({
      status: 'PENDING',
      warehouse: { id: ow.warehouse.D1 },
      lines: [{ sku: 'A1', quantity: 2 }],
    });
    expect(order!.fulfillments[0].routingReason).toMatch(
      /^Whole order from Futian partner \(the seller's own warehouse, \d+ km away\)/,
    );
    expect(order!.events).toEqual([
      expect.objectContaining({ kind: 'SUBMITTED', status: 'SUBMITTED', actor: 'R1a BUYER (R1a retailer)' }),
    ]);
    const after = await snapshot();
    expect(after.orders).toBe(before.orders + 1);
    expect(after.outbox).toBe(before.outbox + 1);
    const [event] = await app.database.db
      .select()
      .from(outbox)
      .orderBy(sql`id desc`)
      .limit(1);
    expect(event).toMatchObject({
      topic: 'order.submitted',
      aggregateType: 'Order',
      payload: expect.objectContaining({ number: order!.number, total: '390000' }),
    });
    await expectInvariants(app);
  });

  it('is visible to the buyer and its ancestors only (V1), in lists, lookups, node and Account.orders', async () => {
    const res = await place('R1b', 'BUYER', { lines: [{ sku: 'B1', quantity: 6 }] });
    const id = res.data!.placeOrder.order!.id;
    for (const [viewer, visible] of [
      ['R1b', true],
      ['D1', true],
      ['S', true],
      ['BRAND', true],
      ['R1a', false],
      ['D2', false],
      ['E', false],
    ] as const) {
      const token = await w.token(viewer, w.roles(viewer)[0]);
      expect((await app.gql(OrderDocument, { id }, token)).data!.order?.id ?? null, viewer).toBe(visible ? id : null);
      expect((await app.gql(NodeDocument, { id }, token)).data!.node?.id ?? null).toBe(visible ? id : null);
      const listed = (await app.gql(OrdersDocument, { first: 100 }, token)).data!.orders.nodes.map((n) => n.id);
      expect(listed.includes(id), viewer).toBe(visible);
    }
    const mine = await app.gql(AccountOrdersDocument, { id: w.id('R1b') }, await w.token('D1', 'ADMIN'));
    expect(mine.data!.account!.orders.nodes.map((n) => n.id)).toContain(id);
  });

  it('splits across the fewest warehouses when no single one can serve, saying why', async () => {
    // D1 has 3 A1 left; S has 20 A1 and 10 A2: A1×4 + A2×2 fits in S alone. A1×110 fits nowhere alone:
    // the fewest warehouses are S (16 left) and the brand (100).
    const whole = await place('R1a', 'BUYER', {
      lines: [
        { sku: 'A1', quantity: 4 },
        { sku: 'A2', quantity: 2 },
      ],
    });
    expect(whole.data!.placeOrder.order!.fulfillments.map((f) => f.warehouse.id)).toEqual([ow.warehouse.S]);
    expect(whole.data!.placeOrder.order!.fulfillments[0].routingReason).toContain("its seller's warehouse");
    const split = await place('R1a', 'BUYER', { lines: [{ sku: 'A1', quantity: 110 }] });
    const fs = split.data!.placeOrder.order!.fulfillments;
    expect(fs.map((f) => [f.warehouse.id, f.lines[0].quantity])).toEqual([
      [ow.warehouse.S, 16],
      [ow.warehouse.BRAND, 94],
    ]);
    expect(fs[0].routingReason).toMatch(/^Split across 2 warehouses/);
    await expectInvariants(app);
    await app.gql(CancelOrderDocument, { id: split.data!.placeOrder.order!.id }, await w.token('R1a', 'BUYER'));
    await expectInvariants(app);
  });

  it('refuses an order that cannot be served with OUT_OF_STOCK, writing nothing', async () => {
    const before = await snapshot();
    const res = await place('R1a', 'BUYER', {
      lines: [
        { sku: 'B1', quantity: 6 },
        { sku: 'A2', quantity: 600 },
      ],
    });
    expect(res.data!.placeOrder.order).toBeNull();
    expect(res.data!.placeOrder.userErrors).toEqual([
      expect.objectContaining({ code: 'OUT_OF_STOCK', field: ['lines', '1', 'quantity'] }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('is idempotent on (buyer, idempotencyKey); another request under a used key is IDEMPOTENCY_CONFLICT', async () => {
    const input = { idempotencyKey: 'retry-me', lines: [{ sku: 'B1', quantity: 12 }] };
    const first = await place('R1a', 'BUYER', input);
    const before = await snapshot();
    const again = await place('R1a', 'BUYER', input);
    expect(again.data!.placeOrder.order!.id).toBe(first.data!.placeOrder.order!.id);
    expect(await snapshot()).toEqual(before);
    const other = await place('R1a', 'BUYER', { idempotencyKey: 'retry-me', lines: [{ sku: 'B1', quantity: 18 }] });
    expect(other.data!.placeOrder).toEqual({
      order: null,
      userErrors: [expect.objectContaining({ code: 'IDEMPOTENCY_CONFLICT', field: ['idempotencyKey'] })],
    });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['a zero quantity', [{ sku: 'A1', quantity: 0 }], 'INVALID_INPUT', ['lines', '0', 'quantity']],
    ['a negative quantity', [{ sku: 'A1', quantity: -3 }], 'INVALID_INPUT', ['lines', '0', 'quantity']],
    [
      'an unknown sku (answered as one outside the assortment, V2)',
      [{ sku: 'NOPE', quantity: 1 }],
      'NOT_IN_ASSORTMENT',
      ['lines', '0', 'sku'],
    ],
    [
      'a duplicate line',
      [
        { sku: 'A1', quantity: 1 },
        { sku: 'A1', quantity: 2 },
      ],
      'INVALID_INPUT',
      ['lines', '1', 'sku'],
    ],
    ['no lines', [], 'INVALID_INPUT', ['lines']],
    [
      'more than 200 lines',
      Array.from({ length: 201 }, (_, i) => ({ sku: `S${i}`, quantity: 1 })),
      'INVALID_INPUT',
      ['lines'],
    ],
    ['a quantity below the minimum', [{ sku: 'B1', quantity: 5 }], 'QUANTITY_RULE', ['lines', '0', 'quantity']],
    ['a quantity off the increment', [{ sku: 'B1', quantity: 8 }], 'QUANTITY_RULE', ['lines', '0', 'quantity']],
    ['a sku outside the assortment', [{ sku: 'C1', quantity: 1 }], 'NOT_IN_ASSORTMENT', ['lines', '0', 'sku']],
  ])('refuses %s, writing nothing', async (_why, lines, code, field) => {
    const before = await snapshot();
    const res = await place('R1a', 'BUYER', { lines });
    expect(res.data!.placeOrder.order).toBeNull();
    expect(res.data!.placeOrder.userErrors).toContainEqual(expect.objectContaining({ code, field }));
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a ship-to region that does not exist', async () => {
    const res = await place('R1a', 'BUYER', {
      lines: [{ sku: 'A1', quantity: 1 }],
      shipTo: { line1: 'x', regionCode: '999999' },
    });
    expect(res.data!.placeOrder.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['shipTo', 'regionCode'] }),
    ]);
  });

  it('refuses an order over the credit limit with CREDIT_LIMIT_EXCEEDED, writing nothing', async () => {
    const before = await snapshot();
    // R1b's limit is 30,000.00; A1 costs it 2,150.00.
    const res = await place('R1b', 'BUYER', { lines: [{ sku: 'A1', quantity: 14 }] });
    expect(res.data!.placeOrder.userErrors).toEqual([expect.objectContaining({ code: 'CREDIT_LIMIT_EXCEEDED' })]);
    expect(await snapshot()).toEqual(before);
  });

  it('who may order for whom: the buyer (BUYER or ADMIN), or an ancestor on its behalf; outside the subtree is FORBIDDEN', async () => {
    expect(codes(await place('R1a', 'FINANCE', { lines: [{ sku: 'A1', quantity: 1 }] }))).toEqual(['FORBIDDEN']);
    const onBehalf = await place('D1', 'BUYER', {
      buyerId: w.id('R1a'),
      channel: 'PHONE',
      lines: [{ sku: 'B1', quantity: 6 }],
    });
    expect(onBehalf.data!.placeOrder.order).toMatchObject({
      channel: 'PHONE',
      buyer: { id: w.id('R1a') },
      seller: { id: w.id('D1') },
    });
    expect(onBehalf.data!.placeOrder.order!.events[0].note).toMatch(/on behalf of R1a/);
    const offline = await place('R1a', 'BUYER', { channel: 'OFFLINE', lines: [{ sku: 'B1', quantity: 6 }] });
    expect(offline.data!.placeOrder.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['channel'] }),
    ]);
    const before = await snapshot();
    expect(codes(await place('D2', 'BUYER', { buyerId: w.id('R1a'), lines: [{ sku: 'B1', quantity: 6 }] }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await place('R1a', 'BUYER', { buyerId: w.id('R1b'), lines: [{ sku: 'B1', quantity: 6 }] }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await snapshot()).toEqual(before);
    await expectInvariants(app);
  });
});

describe('territory protection (V6)', () => {
  const outside = { line1: 'Tianhe Road 1', regionCode: '440106', latitude: 23.13, longitude: 113.32 };

  it('BLOCK (the default) refuses a ship-to outside the seller territory', async () => {
    const before = await snapshot();
    const res = await place('R1a', 'BUYER', { lines: [{ sku: 'A1', quantity: 1 }], shipTo: outside });
    expect(res.data!.placeOrder.userErrors).toEqual([
      expect.objectContaining({ code: 'OUTSIDE_TERRITORY', field: ['shipTo', 'regionCode'] }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('FLAG accepts it, flags the order and lists it for the brand', async () => {
    const brand = await w.token('BRAND', 'ADMIN');
    await app.gql(UpdateChannelSettingsDocument, { input: { territoryPolicy: 'FLAG' } }, brand);
    try {
      const res = await place('R1a', 'BUYER', { lines: [{ sku: 'A1', quantity: 1 }], shipTo: outside });
      const order = res.data!.placeOrder.order!;
      expect(order.flagged).toBe(true);
      expect(order.flagReason).toMatch(/440106.*outside/);
      expect(order.events.map((e) => e.kind)).toEqual(['SUBMITTED', 'FLAGGED']);
      // Shipped from a warehouse that covers Guangzhou: not the Shenzhen partner.
      expect(order.fulfillments[0].warehouse.id).not.toBe(ow.warehouse.D1);
      const flagged = await app.gql(OrdersDocument, { first: 100, filter: { flagged: true } }, brand);
      expect(flagged.data!.orders.nodes.map((n) => n.id)).toEqual([order.id]);
    } finally {
      await app.gql(UpdateChannelSettingsDocument, { input: { territoryPolicy: 'BLOCK' } }, brand);
    }
  });
});

describe('lifecycle', () => {
  it('SUBMITTED → ALLOCATED → SHIPPED → COMPLETED, by the party that owns each step, with events', async () => {
    const placed = await place('R1a', 'BUYER', { lines: [{ sku: 'B1', quantity: 12 }] });
    const order = placed.data!.placeOrder.order!;
    expect(codes(await app.gql(ConfirmOrderDocument, { id: order.id }, await w.token('R1a', 'ADMIN')))).toEqual([
      'FORBIDDEN',
    ]);
    const confirmed = await app.gql(ConfirmOrderDocument, { id: order.id }, await w.token('D1', 'ADMIN'));
    expect(confirmed.data!.confirmOrder.order!.status).toBe('ALLOCATED');
    expect(confirmed.data!.confirmOrder.order!.events.map((e) => e.status)).toEqual([
      'SUBMITTED',
      'CONFIRMED',
      'ALLOCATED',
    ]);
    const twice = await app.gql(ConfirmOrderDocument, { id: order.id }, await w.token('D1', 'ADMIN'));
    expect(twice.data!.confirmOrder.userErrors[0].code).toBe('INVALID_TRANSITION');
    expect(
      (await app.gql(CancelOrderDocument, { id: order.id }, await w.token('R1a', 'BUYER'))).data!.cancelOrder
        .userErrors[0].code,
    ).toBe('INVALID_TRANSITION');

    const stockBefore = (
      await app.gql(StockDocument, { sku: 'B1' }, await w.token('D1', 'ADMIN'))
    ).data!.variant!.stockLevels.find((s) => s.warehouse.id === ow.warehouse.D1)!;
    const f = order.fulfillments[0];
    expect(
      codes(await app.gql(ShipFulfillmentDocument, { input: { fulfillmentId: f.id } }, await w.token('R1a', 'ADMIN'))),
    ).toEqual(['FORBIDDEN']);
    const shipped = await app.gql(
      ShipFulfillmentDocument,
      { input: { fulfillmentId: f.id, trackingNumber: 'SF123', batchCodes: ['QY2026B0412', 'QY2026B0413'] } },
      await w.token('D1', 'SERVICE'),
    );
    expect(shipped.data!.shipFulfillment.order).toMatchObject({
      status: 'SHIPPED',
      fulfillments: [{ status: 'SHIPPED', trackingNumber: 'SF123', batchCodes: ['QY2026B0412', 'QY2026B0413'] }],
    });
    const stockAfter = (
      await app.gql(StockDocument, { sku: 'B1' }, await w.token('D1', 'ADMIN'))
    ).data!.variant!.stockLevels.find((s) => s.warehouse.id === ow.warehouse.D1)!;
    expect([stockAfter.onHand, stockAfter.reserved]).toEqual([stockBefore.onHand - 12, stockBefore.reserved - 12]);
    const again = await app.gql(
      ShipFulfillmentDocument,
      { input: { fulfillmentId: f.id } },
      await w.token('D1', 'SERVICE'),
    );
    expect(again.data!.shipFulfillment.userErrors[0].code).toBe('INVALID_TRANSITION');
    expect(
      (await app.gql(CancelOrderDocument, { id: order.id }, await w.token('D1', 'ADMIN'))).data!.cancelOrder
        .userErrors[0].code,
    ).toBe('INVALID_TRANSITION');

    expect(codes(await app.gql(ConfirmDeliveryDocument, { id: order.id }, await w.token('D1', 'ADMIN')))).toEqual([
      'FORBIDDEN',
    ]);
    const done = await app.gql(ConfirmDeliveryDocument, { id: order.id }, await w.token('R1a', 'BUYER'));
    expect(done.data!.confirmDelivery.order).toMatchObject({
      status: 'COMPLETED',
      fulfillments: [{ status: 'DELIVERED' }],
    });
    expect(done.data!.confirmDelivery.order!.events.map((e) => e.kind)).toEqual([
      'SUBMITTED',
      'CONFIRMED',
      'ALLOCATED',
      'FULFILLMENT_SHIPPED',
      'SHIPPED',
      'DELIVERED',
      'COMPLETED',
    ]);
    await expectInvariants(app);
  });

  it('the buyer cancels before confirmation; the seller until shipment; both release exactly', async () => {
    const before = await snapshot();
    const a = (
      await place('R1a', 'BUYER', {
        lines: [
          { sku: 'A1', quantity: 1 },
          { sku: 'B1', quantity: 6 },
        ],
      })
    ).data!.placeOrder.order!;
    const cancelled = await app.gql(
      CancelOrderDocument,
      { id: a.id, reason: 'ordered twice' },
      await w.token('R1a', 'BUYER'),
    );
    expect(cancelled.data!.cancelOrder.order).toMatchObject({
      status: 'CANCELLED',
      fulfillments: [{ status: 'CANCELLED' }],
    });
    const b = (await place('R1a', 'BUYER', { lines: [{ sku: 'A1', quantity: 25 }] })).data!.placeOrder.order!;
    await app.gql(ConfirmOrderDocument, { id: b.id }, await w.token('S', 'ADMIN'));
    expect(
      (await app.gql(CancelOrderDocument, { id: b.id }, await w.token('D1', 'ADMIN'))).data!.cancelOrder.order!.status,
    ).toBe('CANCELLED');
    const after = await snapshot();
    expect(after.stock).toEqual(before.stock);
    expect(after.credit).toEqual(before.credit);
    expect(
      (await app.gql(CancelOrderDocument, { id: b.id }, await w.token('D1', 'ADMIN'))).data!.cancelOrder.userErrors[0]
        .code,
    ).toBe('INVALID_TRANSITION');
    expect(codes(await app.gql(CancelOrderDocument, { id: b.id }, await w.token('D2', 'ADMIN')))).toEqual([
      'FORBIDDEN',
    ]);
    await expectInvariants(app);
  });
});

describe('traceBatch', () => {
  it('shows the shipments of a batch to the sellers above them, not to others', async () => {
    const placed = (await place('R1b', 'BUYER', { lines: [{ sku: 'B1', quantity: 6 }] })).data!.placeOrder.order!;
    await app.gql(ConfirmOrderDocument, { id: placed.id }, await w.token('D1', 'ADMIN'));
    await app.gql(
      ShipFulfillmentDocument,
      { input: { fulfillmentId: placed.fulfillments[0].id, batchCodes: ['LOT-77'] } },
      await w.token('D1', 'ADMIN'),
    );
    for (const viewer of ['D1', 'S', 'BRAND'] as const) {
      const res = await app.gql(TraceBatchDocument, { code: 'LOT-77' }, await w.token(viewer, 'ADMIN'));
      expect(res.data!.traceBatch, viewer).toEqual([
        expect.objectContaining({
          batchCode: 'LOT-77',
          order: { id: placed.id, number: placed.number },
          buyer: { id: w.id('R1b') },
          seller: { id: w.id('D1') },
          shipToRegion: { code: '440305' },
        }),
      ]);
    }
    expect(
      (await app.gql(TraceBatchDocument, { code: 'LOT-77' }, await w.token('D2', 'ADMIN'))).data!.traceBatch,
    ).toEqual([]);
    expect(codes(await app.gql(TraceBatchDocument, { code: 'LOT-77' }, await w.token('R1b', 'BUYER')))).toEqual([
      'FORBIDDEN',
    ]);
  });
});

describe('inventory', () => {
  it('availability is what the seller chain can deliver to the buyer region; stockLevels are V1-scoped', async () => {
    const r3 = await app.gql(StockDocument, { sku: 'A1' }, await w.token('R3', 'BUYER'));
    // R3 (Xuhui) is served by D3's partner warehouse (covers 310104) and the brand central (covers 310000); not by S.
    const [{ d3 }] = await app.database.db.execute<{ d3: number }>(sql`
      select coalesce(sum(on_hand - reserved), 0)::int as d3 from stock_levels s join warehouses w on w.id = s.warehouse_id
      join variants v on v.id = s.variant_id where v.sku = 'A1' and w.name in ('Xuhui partner', 'Foshan central')`);
    expect(r3.data!.variant!.availability).toEqual({
      status: d3 > 10 ? 'IN_STOCK' : d3 > 0 ? 'LOW_STOCK' : 'OUT_OF_STOCK',
      availableQuantity: d3,
    });
    expect(r3.data!.variant!.stockLevels).toEqual([]);
    const d1 = await app.gql(StockDocument, { sku: 'A1' }, await w.token('D1', 'ADMIN'));
    expect(d1.data!.variant!.stockLevels.map((s) => s.warehouse.id)).toEqual([ow.warehouse.D1]);
    const brand = await app.gql(StockDocument, { sku: 'A1' }, await w.token('BRAND', 'ADMIN'));
    expect(brand.data!.variant!.stockLevels.map((s) => s.warehouse.id).sort()).toEqual(
      Object.values(ow.warehouse).sort(),
    );
  });

  it('stock can never go below what is reserved, nor negative', async () => {
    const held = (await place('R1a', 'BUYER', { lines: [{ sku: 'B1', quantity: 6 }] })).data!.placeOrder.order!;
    const [{ reserved }] = await app.database.db.execute<{ reserved: number }>(sql`
      select s.reserved from stock_levels s join variants v on v.id = s.variant_id join warehouses w on w.id = s.warehouse_id
      where v.sku = 'B1' and w.name = 'Futian partner'`);
    expect(reserved).toBeGreaterThan(0);
    const { SetStockLevelsDocument } = await import('./generated/graphql.js');
    const res = await app.gql(
      SetStockLevelsDocument,
      {
        input: [
          { warehouseId: ow.warehouse.D1, sku: 'B1', onHand: reserved - 1 },
          { warehouseId: ow.warehouse.D1, sku: 'A1', onHand: -1 },
        ],
      },
      await w.token('D1', 'ADMIN'),
    );
    expect(res.data!.setStockLevels.userErrors.map((e) => e.field)).toEqual([['1', 'onHand']]);
    const below = await app.gql(
      SetStockLevelsDocument,
      { input: [{ warehouseId: ow.warehouse.D1, sku: 'B1', onHand: reserved - 1 }] },
      await w.token('D1', 'ADMIN'),
    );
    expect(below.data!.setStockLevels.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['0', 'onHand'] }),
    ]);
    const direct = await app.database.db
      .update(stockLevels)
      .set({ onHand: -1 })
      .where(eq(stockLevels.warehouseId, 1))
      .catch((e: Error) => e);
    expect(String((direct as Error).cause)).toMatch(/violates check constraint "stock_levels_nonnegative"/);
    await app.gql(CancelOrderDocument, { id: held.id }, await w.token('R1a', 'BUYER'));
    await expectInvariants(app);
  });
});

describe('review findings', () => {
  it('a BUYER-only user is not told the credit available (V5); ADMIN is', async () => {
    const buyer = await place('R1b', 'BUYER', { lines: [{ sku: 'A1', quantity: 14 }] });
    expect(buyer.data!.placeOrder.userErrors[0].message).toMatch(/exceeds the available credit$/);
    const seller = await place('D1', 'ADMIN', { buyerId: w.id('R1b'), lines: [{ sku: 'A1', quantity: 14 }] });
    expect(seller.data!.placeOrder.userErrors[0].message).toMatch(/exceeds the available credit \d+\.\d\d$/);
  });

  it('a buyer sees where its order ships from only as a city, not the upstream warehouse address (V1)', async () => {
    const o = (await place('R1a', 'BUYER', { lines: [{ sku: 'A2', quantity: 1 }] })).data!.placeOrder.order!;
    const q =
      '{ order(id: "ID") { fulfillments { warehouse { id name address { line1 latitude longitude } } } } }'.replace(
        'ID',
        o.id,
      );
    const asBuyer = await app.raw(q, {}, await w.token('R1a', 'BUYER'));
    const wh = asBuyer.data.order.fulfillments[0].warehouse;
    expect(wh.id).toBe(ow.warehouse.S);
    expect(wh.address).toEqual({ line1: expect.not.stringContaining('Tianhe 1'), latitude: null, longitude: null });
    const asOwner = await app.raw(q, {}, await w.token('S', 'ADMIN'));
    expect(asOwner.data.order.fulfillments[0].warehouse.address).toEqual({
      line1: 'Tianhe 1',
      latitude: 23.13,
      longitude: 113.26,
    });
    expect((await app.gql(NodeDocument, { id: ow.warehouse.S }, await w.token('R1a', 'BUYER'))).data!.node).toBeNull();
    await app.gql(CancelOrderDocument, { id: o.id }, await w.token('R1a', 'BUYER'));
  });

  it('only the warehouse owner ships; an order split in two completes when both are delivered', async () => {
    const { SetStockLevelsDocument } = await import('./generated/graphql.js');
    // Leave exactly 3 available in S and 3 in the brand's warehouse.
    const levels = (await app.gql(StockDocument, { sku: 'A2' }, await w.token('BRAND', 'ADMIN'))).data!.variant!
      .stockLevels;
    const reservedIn = (id: string) => levels.find((l) => l.warehouse.id === id)?.reserved ?? 0;
    await app.gql(
      SetStockLevelsDocument,
      { input: [{ warehouseId: ow.warehouse.S, sku: 'A2', onHand: reservedIn(ow.warehouse.S) + 3 }] },
      await w.token('S', 'ADMIN'),
    );
    await app.gql(
      SetStockLevelsDocument,
      { input: [{ warehouseId: ow.warehouse.BRAND, sku: 'A2', onHand: reservedIn(ow.warehouse.BRAND) + 3 }] },
      await w.token('BRAND', 'ADMIN'),
    );
    const split = (await place('R1a', 'BUYER', { lines: [{ sku: 'A2', quantity: 5 }] })).data!.placeOrder.order!;
    expect(split.fulfillments.map((f) => [f.warehouse.id, f.lines[0].quantity])).toEqual([
      [ow.warehouse.S, 3],
      [ow.warehouse.BRAND, 2],
    ]);
    await app.gql(ConfirmOrderDocument, { id: split.id }, await w.token('D1', 'ADMIN'));
    const [fromS, fromBrand] = split.fulfillments;
    // The brand is above S, but it does not run S's warehouse.
    expect(
      codes(
        await app.gql(ShipFulfillmentDocument, { input: { fulfillmentId: fromS.id } }, await w.token('BRAND', 'ADMIN')),
      ),
    ).toEqual(['FORBIDDEN']);
    await app.gql(ShipFulfillmentDocument, { input: { fulfillmentId: fromS.id } }, await w.token('S', 'ADMIN'));
    const partial = await app.gql(ConfirmDeliveryDocument, { id: split.id }, await w.token('R1a', 'BUYER'));
    expect(partial.data!.confirmDelivery.order).toMatchObject({
      status: 'ALLOCATED',
      fulfillments: [{ status: 'DELIVERED' }, { status: 'PENDING' }],
    });
    await app.gql(ShipFulfillmentDocument, { input: { fulfillmentId: fromBrand.id } }, await w.token('BRAND', 'ADMIN'));
    const done = await app.gql(ConfirmDeliveryDocument, { id: split.id }, await w.token('R1a', 'BUYER'));
    expect(done.data!.confirmDelivery.order!.status).toBe('COMPLETED');
    await expectInvariants(app);
  });

  it('the seller side confirms delivery of an order it recorded offline', async () => {
    const o = (
      await place('D1', 'ADMIN', { buyerId: w.id('R1b'), channel: 'OFFLINE', lines: [{ sku: 'B1', quantity: 6 }] })
    ).data!.placeOrder.order!;
    await app.gql(ConfirmOrderDocument, { id: o.id }, await w.token('D1', 'ADMIN'));
    await app.gql(
      ShipFulfillmentDocument,
      { input: { fulfillmentId: o.fulfillments[0].id } },
      await w.token('D1', 'SERVICE'),
    );
    const done = await app.gql(ConfirmDeliveryDocument, { id: o.id }, await w.token('D1', 'ADMIN'));
    expect(done.data!.confirmDelivery.order!.status).toBe('COMPLETED');
    await expectInvariants(app);
  });

  it('an empty setStockLevels is a no-op; a retry with an equivalent address is the same request', async () => {
    const { SetStockLevelsDocument } = await import('./generated/graphql.js');
    expect(
      (await app.gql(SetStockLevelsDocument, { input: [] }, await w.token('D1', 'ADMIN'))).data!.setStockLevels,
    ).toEqual({ count: 0, userErrors: [] });
    const a = await place('R1a', 'BUYER', {
      idempotencyKey: 'addr-1',
      lines: [{ sku: 'B1', quantity: 6 }],
      shipTo: { line1: 'Futian 9', regionCode: '440304' },
    });
    const b = await place('R1a', 'BUYER', {
      idempotencyKey: 'addr-1',
      lines: [{ sku: 'B1', quantity: 6 }],
      shipTo: { line1: 'Futian 9', regionCode: '440304', city: null, postalCode: null },
    });
    expect(b.data!.placeOrder.order!.id).toBe(a.data!.placeOrder.order!.id);
    await app.gql(CancelOrderDocument, { id: a.data!.placeOrder.order!.id }, await w.token('R1a', 'BUYER'));
    await expectInvariants(app);
  });
});
