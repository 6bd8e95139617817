import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, expectInvariants, type OrdersWorld } from './support/orders-world.js';
import { recomputedRows, rollupRows } from './support/analytics.js';
import { CancelOrderDocument, PlaceOrderDocument, SetStockLevelsDocument } from './generated/graphql.js';
import { rebuildSalesRollup } from '../src/modules/analytics/rollup.js';
import { MIGRATIONS_DIR } from '../src/db/migrate.js';
import { seed } from '../src/seed/demo.js';

/**
 * The rollups are exact: after any sequence of placements (by buyers and on
 * their behalf, on any channel, at any hour — Shanghai midnight included)
 * and cancellations (by either side), sent through the graph, some of them
 * concurrently and some refused, the rollup tables equal a recomputation
 * from the order tables.
 */
let app: TestApp;
let w: World;
let ow: OrdersWorld;
let seq = 0;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
  const stock = async (key: 'BRAND' | 'S' | 'D1' | 'D3', lines: [string, number][]) => {
    const r = await app.gql(
      SetStockLevelsDocument,
      { input: lines.map(([sku, onHand]) => ({ warehouseId: ow.warehouse[key], sku, onHand })) },
      await w.token(key, 'ADMIN'),
    );
    expect(r.data!.setStockLevels.userErrors).toEqual([]);
  };
  await stock('BRAND', [
    ['A1', 500],
    ['A2', 500],
    ['B1', 50_000],
    ['C1', 500],
  ]);
  await stock('D1', [
    ['A1', 200],
    ['B1', 10_000],
  ]);
  await stock('D3', [['A1', 100]]);
});
afterAll(() => app?.close());

/** Buyers and the skus their chain offers (E and D1 narrow their assortments). */
const BUYERS: { key: WorldKey; seller: WorldKey; skus: string[] }[] = [
  { key: 'R1a', seller: 'D1', skus: ['A1', 'A2', 'B1'] },
  { key: 'R1b', seller: 'D1', skus: ['A1', 'B1'] },
  { key: 'R2', seller: 'D2', skus: ['A1', 'A2', 'B1'] },
  { key: 'R3', seller: 'D3', skus: ['A1', 'B1'] },
  { key: 'D1', seller: 'S', skus: ['A1', 'A2', 'B1', 'C1'] },
  { key: 'D2', seller: 'S', skus: ['A1', 'B1', 'C1'] },
];

type Op =
  | {
      kind: 'place';
      buyer: number;
      lines: { sku: number; quantity: number }[];
      onBehalf: boolean;
      channel: 'ONLINE' | 'OFFLINE' | 'PHONE' | 'ERP';
      at: number;
    }
  | { kind: 'cancel'; pick: number; bySeller: boolean };

// Hours around Shanghai midnight (16:00 UTC) and the month's turn, so days and months split where they should.
const instants = [
  '2026-03-31T15:59:59Z',
  '2026-03-31T16:00:00Z',
  '2026-04-01T03:00:00Z',
  '2026-04-30T16:30:00Z',
  '2026-05-02T09:00:00Z',
].map((s) => Date.parse(s));

const place = fc.record({
  kind: fc.constant('place' as const),
  buyer: fc.nat(BUYERS.length - 1),
  lines: fc.uniqueArray(fc.record({ sku: fc.nat(3), quantity: fc.integer({ min: 1, max: 3 }) }), {
    minLength: 1,
    maxLength: 3,
    selector: (l) => l.sku,
  }),
  onBehalf: fc.boolean(),
  channel: fc.constantFrom('ONLINE' as const, 'OFFLINE' as const, 'PHONE' as const, 'ERP' as const),
  at: fc.nat(instants.length - 1),
});
const cancel = fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(1000), bySeller: fc.boolean() });
const op: fc.Arbitrary<Op> = fc.oneof({ arbitrary: place, weight: 3 }, { arbitrary: cancel, weight: 1 });

const placed: { id: string; buyer: WorldKey; seller: WorldKey }[] = [];

async function apply(o: Op): Promise<void> {
  if (o.kind === 'place') {
    const b = BUYERS[o.buyer];
    const lines = o.lines.map((l) => {
      const sku = b.skus[l.sku % b.skus.length];
      return { sku, quantity: sku === 'B1' ? 6 * l.quantity : l.quantity };
    });
    const unique = [...new Map(lines.map((l) => [l.sku, l])).values()];
    const onBehalf = o.onBehalf || o.channel !== 'ONLINE';
    const token = await w.token(
      onBehalf ? b.seller : b.key,
      onBehalf ? 'ADMIN' : w.roles(b.key).includes('BUYER') ? 'BUYER' : 'ADMIN',
    );
    const input = {
      idempotencyKey: `p-${++seq}`,
      lines: unique,
      ...(onBehalf ? { buyerId: w.id(b.key), channel: o.channel } : {}),
    };
    const res = await app.gql(PlaceOrderDocument, { input }, token);
    expect(res.errors).toBeUndefined();
    const order = res.data!.placeOrder.order;
    if (order) placed.push({ id: order.id, buyer: b.key, seller: b.seller });
  } else if (placed.length) {
    const target = placed[o.pick % placed.length];
    const token = await w.token(
      o.bySeller ? target.seller : target.buyer,
      o.bySeller ? 'ADMIN' : w.roles(target.buyer).includes('BUYER') ? 'BUYER' : 'ADMIN',
    );
    const res = await app.gql(CancelOrderDocument, { id: target.id, reason: 'property test' }, token);
    expect(res.errors).toBeUndefined();
  }
}

async function expectRollupExact(): Promise<void> {
  const db = app.database.db;
  const [kept, recomputed] = await Promise.all([rollupRows(db), recomputedRows(db)]);
  expect(kept).toEqual(recomputed);
}

describe('the daily sales rollups', () => {
  it('equal a recomputation from the order tables after random placements and cancellations through the graph', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 8 }),
        fc.array(place, { maxLength: 3 }),
        async (ops, concurrent) => {
          for (const o of ops) {
            app.clock.set(new Date(o.kind === 'place' ? instants[o.at] : instants[instants.length - 1]));
            await apply(o);
          }
          // Several buyers at once: the same rollup rows are upserted by concurrent transactions.
          app.clock.set(new Date(instants[2]));
          await Promise.all(concurrent.map(apply));
          await expectRollupExact();
        },
      ),
      { numRuns: 12 },
    );
    const [{ n }] = await app.database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders`);
    const [{ c }] = await app.database.db.execute<{ c: number }>(
      sql`select count(*)::int as c from orders where status = 'CANCELLED'`,
    );
    expect(n).toBeGreaterThan(20);
    expect(c).toBeGreaterThan(0);
    await expectInvariants(app);
  }, 240_000);

  it('are rebuilt to the same rows by rebuildSalesRollup, and by the backfill migration', async () => {
    const db = app.database.db;
    const before = await rollupRows(db);
    expect(before.daily.variant.length).toBeGreaterThanOrEqual(before.monthly.variant.length);
    expect(before.monthly.variant.length).toBeGreaterThan(0);
    expect(before.monthly.order.length).toBeGreaterThan(0);
    await db.execute(sql`truncate sales_daily, sales_orders_daily, sales_monthly, sales_orders_monthly`);
    const rebuilt = await rebuildSalesRollup(db);
    expect(rebuilt).toEqual({
      sales_daily: before.daily.variant.length,
      sales_orders_daily: before.daily.order.length,
      sales_monthly: before.monthly.variant.length,
      sales_orders_monthly: before.monthly.order.length,
    });
    expect(await rollupRows(db)).toEqual(before);

    await db.execute(sql`truncate sales_daily, sales_orders_daily, sales_monthly, sales_orders_monthly`);
    await db.execute(sql.raw(readFileSync(join(MIGRATIONS_DIR, '0011_sales_rollup_backfill.sql'), 'utf8')));
    expect(await rollupRows(db)).toEqual(before);
  });

  it('write nothing for a refused order, and leave no empty rows behind a cancellation', async () => {
    const db = app.database.db;
    app.clock.set(new Date('2026-06-10T02:00:00Z'));
    const before = await rollupRows(db);
    const refused = await app.gql(
      PlaceOrderDocument,
      { input: { idempotencyKey: `p-${++seq}`, lines: [{ sku: 'A1', quantity: 100_000 }] } },
      await w.token('R1a', 'BUYER'),
    );
    expect(refused.data!.placeOrder.userErrors.map((e) => e.code)).toEqual(['OUT_OF_STOCK']);
    expect(await rollupRows(db)).toEqual(before);

    const res = await app.gql(
      PlaceOrderDocument,
      { input: { idempotencyKey: `p-${++seq}`, lines: [{ sku: 'C1', quantity: 1 }] } },
      await w.token('D2', 'BUYER'),
    );
    const order = res.data!.placeOrder.order!;
    const [{ n: during }] = await db.execute<{ n: number }>(
      sql`select (select count(*) from sales_daily where day = '2026-06-10') + (select count(*) from sales_monthly where day = '2026-06-01')::int as n`,
    );
    expect(Number(during)).toBe(2);
    await app.gql(CancelOrderDocument, { id: order.id }, await w.token('D2', 'BUYER'));
    expect(await rollupRows(db)).toEqual(before);
    const [{ n }] = await db.execute<{
      n: number;
    }>(sql`select (select count(*) from sales_daily where lines <= 0) + (select count(*) from sales_orders_daily where orders <= 0)
      + (select count(*) from sales_monthly where lines <= 0) + (select count(*) from sales_orders_monthly where orders <= 0) as n`);
    expect(Number(n)).toBe(0);
  });
});

describe('the demo seed', () => {
  it('leaves the rollups equal to its order history (it writes the history in bulk, then rebuilds them)', async () => {
    const demo = await startTestApp();
    try {
      await seed(demo.database.db, {
        adminEmail: 'admin@qingyuan.example',
        adminPassword: 'channel-demo-2026',
        scryptLogN: 10,
        demo: true,
        orders: 400,
      });
      const kept = await rollupRows(demo.database.db);
      expect(kept.daily.order.length).toBeGreaterThan(100);
      expect(kept).toEqual(await recomputedRows(demo.database.db));
    } finally {
      await demo.close();
    }
  }, 120_000);
});
