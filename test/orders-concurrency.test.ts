import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, expectInvariants, type OrdersWorld } from './support/orders-world.js';
import { CancelOrderDocument, PlaceOrderDocument, SetStockLevelsDocument } from './generated/graphql.js';
import { accounts } from '../src/modules/accounts/tables.js';

/**
 * Races against the real database: many requests at once through the real
 * server, each in its own transaction and connection.
 */
let app: TestApp;
let w: World;
let ow: OrdersWorld;
let run = 0;

beforeAll(async () => {
  app = await startTestApp({}, { poolSize: 20 });
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
});
afterAll(() => app?.close());
beforeEach(() => {
  run++;
});

async function setStock(key: 'BRAND' | 'S' | 'D1', sku: string, onHand: number) {
  const res = await app.gql(
    SetStockLevelsDocument,
    { input: [{ warehouseId: ow.warehouse[key], sku, onHand }] },
    await w.token(key, 'ADMIN'),
  );
  expect(res.data!.setStockLevels.userErrors).toEqual([]);
}

describe('concurrency', () => {
  it('30 concurrent orders for the last 8 units: exactly 8 succeed, the rest OUT_OF_STOCK', async () => {
    // A2 reaches Futian only from S and the brand: leave 8 units in all.
    await setStock('BRAND', 'A2', 0);
    await setStock('S', 'A2', 8);
    const token = await w.token('R1a', 'BUYER');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        app.gql(
          PlaceOrderDocument,
          { input: { idempotencyKey: `last-${run}-${i}`, lines: [{ sku: 'A2', quantity: 1 }] } },
          token,
        ),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const placed = results.filter((r) => r.data!.placeOrder.order);
    const refused = results.filter((r) => !r.data!.placeOrder.order);
    expect(placed).toHaveLength(8);
    expect(new Set(refused.map((r) => r.data!.placeOrder.userErrors[0].code))).toEqual(new Set(['OUT_OF_STOCK']));
    await expectInvariants(app);
    for (const r of placed) await app.gql(CancelOrderDocument, { id: r.data!.placeOrder.order!.id }, token);
    await expectInvariants(app);
  });

  it('6 concurrent retries with one idempotency key place one order', async () => {
    const token = await w.token('R1a', 'BUYER');
    const input = { idempotencyKey: `same-${run}`, lines: [{ sku: 'B1', quantity: 6 }] };
    const results = await Promise.all(Array.from({ length: 6 }, () => app.gql(PlaceOrderDocument, { input }, token)));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const ids = new Set(results.map((r) => r.data!.placeOrder.order?.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeTruthy();
    const [{ n }] = await app.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from orders where idempotency_key = ${input.idempotencyKey}`,
    );
    expect(n).toBe(1);
    await expectInvariants(app);
  });

  it('concurrent orders never take credit beyond the limit', async () => {
    // R1b: limit 30,000.00; each order is A1×3 at 2,150.00 = 6,450.00: at most 4 fit.
    await setStock('BRAND', 'A1', 500);
    const token = await w.token('R1b', 'BUYER');
    const [{ used: before }] = await app.database.db
      .select({ used: accounts.creditUsed })
      .from(accounts)
      .where(eq(accounts.id, w.account('R1b').id));
    const room = Math.floor((3_000_000 - Number(before)) / 645_000);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        app.gql(
          PlaceOrderDocument,
          { input: { idempotencyKey: `credit-${run}-${i}`, lines: [{ sku: 'A1', quantity: 3 }] } },
          token,
        ),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const placed = results.filter((r) => r.data!.placeOrder.order);
    expect(placed).toHaveLength(room);
    expect(
      new Set(results.filter((r) => !r.data!.placeOrder.order).map((r) => r.data!.placeOrder.userErrors[0].code)),
    ).toEqual(new Set(['CREDIT_LIMIT_EXCEEDED']));
    const [{ used, limit }] = await app.database.db
      .select({ used: accounts.creditUsed, limit: accounts.creditLimit })
      .from(accounts)
      .where(eq(accounts.id, w.account('R1b').id));
    expect(used <= limit!).toBe(true);
    await expectInvariants(app);
    for (const r of placed) await app.gql(CancelOrderDocument, { id: r.data!.placeOrder.order!.id }, token);
  });

  it('20 concurrent multi-line orders with opposite line orders finish without deadlocks', async () => {
    await setStock('BRAND', 'A1', 500);
    await setStock('BRAND', 'B1', 5000);
    await setStock('S', 'A1', 40);
    const token = await w.token('R1a', 'BUYER');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.gql(
          PlaceOrderDocument,
          {
            input: {
              idempotencyKey: `multi-${run}-${i}`,
              lines:
                i % 2
                  ? [
                      { sku: 'A1', quantity: 2 },
                      { sku: 'B1', quantity: 6 },
                      { sku: 'A2', quantity: 1 },
                    ]
                  : [
                      { sku: 'A2', quantity: 1 },
                      { sku: 'B1', quantity: 6 },
                      { sku: 'A1', quantity: 2 },
                    ],
            },
          },
          token,
        ),
      ),
    );
    // No INTERNAL_SERVER_ERROR (a deadlock would surface as one); every order either placed or refused for a business reason.
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    for (const r of results) {
      const p = r.data!.placeOrder;
      if (!p.order) expect(['OUT_OF_STOCK']).toContain(p.userErrors[0].code);
    }
    expect(results.filter((r) => r.data!.placeOrder.order).length).toBeGreaterThan(0);
    await expectInvariants(app);
    // Cancel them all at once, seller and buyer side mixed: releases exactly.
    const d1 = await w.token('D1', 'ADMIN');
    await Promise.all(
      results
        .filter((r) => r.data!.placeOrder.order)
        .map((r, i) => app.gql(CancelOrderDocument, { id: r.data!.placeOrder.order!.id }, i % 2 ? d1 : token)),
    );
    await expectInvariants(app);
    const [{ open }] = await app.database.db.execute<{ open: number }>(
      sql`select count(*)::int as open from orders where idempotency_key like ${`multi-${run}-%`} and status <> 'CANCELLED'`,
    );
    expect(open).toBe(0);
  });
});
