import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestApp } from './app.js';
import type { World, WorldKey } from './world.js';
import {
  ConfirmDeliveryDocument,
  ConfirmOrderDocument,
  CreateWarehouseDocument,
  PlaceOrderDocument,
  SetStockLevelsDocument,
  ShipFulfillmentDocument,
  type CreateWarehouseInput,
} from '../generated/graphql.js';

/**
 * Warehouses and stock on top of the catalog world:
 *   BRAND  central, Foshan (22.84, 113.25)   covers 440000 310000   A1 100, A2 100, B1 1000, C1 50
 *   S      regional, Guangzhou (23.13, 113.26) covers 440000        A1 20, A2 10
 *   D1     partner, Futian (22.54, 114.05)     covers 440300        A1 5, B1 60
 *   D3     partner, Xuhui (31.19, 121.44)      covers 310104        A1 3
 */
export interface OrdersWorld {
  warehouse: Record<'BRAND' | 'S' | 'D1' | 'D3', string>;
}

export async function buildWarehouses(app: TestApp, w: World): Promise<OrdersWorld> {
  const specs: [keyof OrdersWorld['warehouse'], CreateWarehouseInput, [string, number][]][] = [
    [
      'BRAND',
      {
        ownerId: w.id('BRAND'),
        name: 'Foshan central',
        kind: 'CENTRAL',
        address: { line1: 'Shunde 1', regionCode: '440606', latitude: 22.84, longitude: 113.25 },
        coverage: ['440000', '310000'],
      },
      [
        ['A1', 100],
        ['A2', 100],
        ['B1', 1000],
        ['C1', 50],
      ],
    ],
    [
      'S',
      {
        ownerId: w.id('S'),
        name: 'Guangzhou regional',
        kind: 'REGIONAL',
        address: { line1: 'Tianhe 1', regionCode: '440106', latitude: 23.13, longitude: 113.26 },
        coverage: ['440000'],
      },
      [
        ['A1', 20],
        ['A2', 10],
      ],
    ],
    [
      'D1',
      {
        ownerId: w.id('D1'),
        name: 'Futian partner',
        kind: 'PARTNER',
        address: { line1: 'Futian 1', regionCode: '440304', latitude: 22.54, longitude: 114.05 },
        coverage: ['440300'],
      },
      [
        ['A1', 5],
        ['B1', 60],
      ],
    ],
    [
      'D3',
      {
        ownerId: w.id('D3'),
        name: 'Xuhui partner',
        kind: 'PARTNER',
        address: { line1: 'Xuhui 1', regionCode: '310104', latitude: 31.19, longitude: 121.44 },
        coverage: ['310104'],
      },
      [['A1', 3]],
    ],
  ];
  const warehouse = {} as OrdersWorld['warehouse'];
  for (const [key, input, stock] of specs) {
    const token = await w.token(key, 'ADMIN');
    const created = await app.gql(CreateWarehouseDocument, { input }, token);
    expect(created.data!.createWarehouse.userErrors, key).toEqual([]);
    warehouse[key] = created.data!.createWarehouse.warehouse!.id;
    const set = await app.gql(
      SetStockLevelsDocument,
      { input: stock.map(([sku, onHand]) => ({ warehouseId: warehouse[key], sku, onHand })) },
      token,
    );
    expect(set.data!.setStockLevels.userErrors, key).toEqual([]);
  }
  return { warehouse };
}

/** The owner of a warehouse of the orders world, by its global id. */
export function warehouseOwner(ow: OrdersWorld, warehouseId: string): keyof OrdersWorld['warehouse'] {
  return Object.entries(ow.warehouse).find(([, id]) => id === warehouseId)![0] as keyof OrdersWorld['warehouse'];
}

export interface OrderFlow {
  app: TestApp;
  w: World;
  ow: OrdersWorld;
}

type Lines = { sku: string; quantity: number }[];

/**
 * An order placed by the buyer's BUYER (R1a unless told), confirmed by its
 * seller's ADMIN and shipped by the ADMIN of every warehouse it was routed to;
 * each step must succeed. `owners` are those warehouses' owners.
 */
export async function shippedOrder(f: OrderFlow, key: string, lines: Lines, buyer: WorldKey = 'R1a') {
  const { app, w, ow } = f;
  const placed = await app.gql(
    PlaceOrderDocument,
    { input: { idempotencyKey: key, lines } },
    await w.token(buyer, 'BUYER'),
  );
  expect(placed.data!.placeOrder.userErrors, key).toEqual([]);
  const order = placed.data!.placeOrder.order!;
  const seller = w.parent(buyer)!;
  expect(
    (await app.gql(ConfirmOrderDocument, { id: order.id }, await w.token(seller, 'ADMIN'))).data!.confirmOrder
      .userErrors,
    key,
  ).toEqual([]);
  const owners: string[] = [];
  for (const fulfillment of order.fulfillments) {
    const owner = warehouseOwner(ow, fulfillment.warehouse.id);
    owners.push(owner);
    expect(
      (
        await app.gql(
          ShipFulfillmentDocument,
          { input: { fulfillmentId: fulfillment.id } },
          await w.token(owner, 'ADMIN'),
        )
      ).data!.shipFulfillment.userErrors,
      key,
    ).toEqual([]);
  }
  return { id: order.id, order, owners };
}

/** `shippedOrder`, then delivered (confirmed by the buyer's BUYER): the order is COMPLETED. */
export async function deliveredOrder(f: OrderFlow, key: string, lines: Lines, buyer: WorldKey = 'R1a') {
  const shipped = await shippedOrder(f, key, lines, buyer);
  const done = await f.app.gql(ConfirmDeliveryDocument, { id: shipped.id }, await f.w.token(buyer, 'BUYER'));
  expect(done.data!.confirmDelivery.userErrors, key).toEqual([]);
  return shipped;
}

/**
 * The invariants every order test ends with: reserved stock is exactly what
 * open orders' pending fulfillments hold; credit used is exactly the ledger
 * balance plus what open orders hold uncharged; nothing is negative.
 */
export async function expectInvariants(app: TestApp): Promise<void> {
  const db = app.database.db;
  const reserved = await db.execute<{
    warehouse_id: number;
    variant_id: number;
    reserved: number;
    expected: number;
  }>(sql`
    select s.warehouse_id, s.variant_id, s.reserved,
      coalesce((select sum(fl.quantity)::int from fulfillment_lines fl
        join fulfillments f on f.id = fl.fulfillment_id join orders o on o.id = f.order_id
        where f.warehouse_id = s.warehouse_id and fl.variant_id = s.variant_id and f.status = 'PENDING'
          and o.status in ('SUBMITTED', 'CONFIRMED', 'ALLOCATED')), 0) as expected
    from stock_levels s`);
  expect(reserved.filter((r) => r.reserved !== r.expected)).toEqual([]);
  // Credit used = what the ledger says is owed + what open orders hold that is not charged yet.
  const credit = await db.execute<{ id: number; used: string; expected: string; over: boolean }>(sql`
    select a.id, a.credit_used::text as used,
      (coalesce((select sum(l.amount) from ledger_entries l where l.buyer_id = a.id), 0)
       + coalesce((select sum(o.total - coalesce((select sum(c.amount) from ledger_entries c where c.order_id = o.id and c.kind = 'ORDER_CHARGE'), 0))
                   from orders o where o.buyer_id = a.id and o.status <> 'CANCELLED'), 0))::text as expected,
      (a.credit_limit is not null and a.credit_used > a.credit_limit) as over
    from accounts a`);
  expect(credit.filter((c) => c.used !== c.expected || c.over)).toEqual([]);
  const [{ bad }] = await db.execute<{ bad: number }>(
    sql`select count(*)::int as bad from stock_levels where on_hand < 0 or reserved < 0 or reserved > on_hand`,
  );
  expect(bad).toBe(0);
}
