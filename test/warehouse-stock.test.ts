import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, type OrdersWorld } from './support/orders-world.js';
import { PlaceOrderDocument } from './generated/graphql.js';
import type { Role } from '../src/modules/users/tables.js';

/**
 * Warehouse.stockLevels (the contract's wave 2): a warehouse's stock, variant
 * by variant, for its owner's chain (V1 on the owner's path), paged by
 * variant; null for a buyer that reaches the warehouse as where its order
 * ships from. One page of stock for every warehouse of a list costs the same
 * statements as for one.
 */
let app: TestApp;
let w: World;
let ow: OrdersWorld;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
});
afterAll(() => app?.close());

const STOCK = `query($id: ID!, $first: Int, $after: String) {
  node(id: $id) { ... on Warehouse { name stockLevels(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { onHand reserved available variant { sku } warehouse { name } } } } }
}`;
const stockAs = async (as: [WorldKey, Role], id: string, first?: number, after?: string) =>
  app.raw(STOCK, { id, first, after }, await w.token(...as));

describe('Warehouse.stockLevels', () => {
  it("answers the owner's chain with each variant's stock, paged by variant", async () => {
    for (const as of [
      ['D1', 'ADMIN'],
      ['S', 'ADMIN'],
      ['BRAND', 'ADMIN'],
    ] as [WorldKey, Role][]) {
      const res = await stockAs(as, ow.warehouse.D1);
      expect(res.errors, as.join(' ')).toBeUndefined();
      const levels = res.data.node.stockLevels;
      // D1's partner warehouse holds A1 5 and B1 60 (test/support/orders-world.ts).
      expect(levels.nodes.map((n: { variant: { sku: string }; onHand: number }) => [n.variant.sku, n.onHand])).toEqual([
        ['A1', 5],
        ['B1', 60],
      ]);
      expect(levels.totalCount).toBe(2);
      expect(levels.nodes[0]).toMatchObject({ reserved: 0, available: 5, warehouse: { name: res.data.node.name } });
    }
    const first = (await stockAs(['D1', 'ADMIN'], ow.warehouse.D1, 1)).data.node.stockLevels;
    expect(first.nodes.map((n: { variant: { sku: string } }) => n.variant.sku)).toEqual(['A1']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await stockAs(['D1', 'ADMIN'], ow.warehouse.D1, 1, first.pageInfo.endCursor)).data.node.stockLevels;
    expect(second.nodes.map((n: { variant: { sku: string } }) => n.variant.sku)).toEqual(['B1']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('is not there for a sibling (the warehouse is null) nor for a buyer whose order ships from it (the stock is null)', async () => {
    const sibling = await stockAs(['D2', 'ADMIN'], ow.warehouse.D1);
    expect(sibling.errors).toBeUndefined();
    expect(sibling.data.node).toBeNull();

    const placed = await app.gql(
      PlaceOrderDocument,
      { input: { idempotencyKey: 'ws-1', lines: [{ sku: 'A1', quantity: 1 }] } },
      await w.token('R1a', 'BUYER'),
    );
    expect(placed.data!.placeOrder.userErrors).toEqual([]);
    const res = await app.raw(
      `query($id: ID!) { node(id: $id) { ... on Order { fulfillments { warehouse { name stockLevels { totalCount nodes { onHand } } } } } } }`,
      { id: placed.data!.placeOrder.order!.id },
      await w.token('R1a', 'BUYER'),
    );
    expect(res.errors).toBeUndefined();
    const [f] = res.data.node.fulfillments;
    expect(f.warehouse.name).toBeTruthy();
    expect(f.warehouse.stockLevels).toBeNull();
  });

  it('costs the same statements for every warehouse of a list as for one', async () => {
    const list = `{ warehouses { name stockLevels(first: 5) { totalCount nodes { onHand variant { sku } } } } }`;
    const brand = await app.raw(list, {}, await w.token('BRAND', 'ADMIN'));
    const d1 = await app.raw(list, {}, await w.token('D1', 'ADMIN'));
    expect(brand.errors).toBeUndefined();
    expect(brand.data.warehouses.length).toBeGreaterThan(d1.data.warehouses.length);
    expect(brand.data.warehouses.every((x: { stockLevels: unknown }) => x.stockLevels !== null)).toBe(true);
    expect(brand.statements).toBe(d1.statements);
  });
});
