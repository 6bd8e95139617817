import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses } from './support/orders-world.js';
import { post, startServerProcess, type ServerProcess } from './support/server-process.js';
import { brokenInvariants } from './support/invariants.js';
import {
  CancelOrderDocument,
  ConfirmOrderDocument,
  PlaceOrderDocument,
  RecordPaymentDocument,
  SetStockLevelsDocument,
  ShipFulfillmentDocument,
} from './generated/graphql.js';

/**
 * Crash safety: a real server process (`node --import tsx src/main.ts serve`,
 * what `npm start` runs, over this test's database) takes concurrent
 * placeOrder, cancelOrder, confirmOrder + shipFulfillment and recordPayment,
 * and is killed with SIGKILL at a random moment, CRASH_RUNS times (default 3),
 * restarted each time. After each crash every invariant holds on what was
 * committed (no partial order, reservations equal open lines, credit used
 * equals the ledger definition, no duplicate idempotency key); every answer a
 * client got is durable; and the requests cut off by the crash, retried with
 * their idempotency keys and payment references, never write twice.
 */
const ROUNDS = Number(process.env.CRASH_RUNS) || 3;
const WORKERS = 8;
const q = {
  place: print(PlaceOrderDocument),
  cancel: print(CancelOrderDocument),
  confirm: print(ConfirmOrderDocument),
  ship: print(ShipFulfillmentDocument),
  pay: print(RecordPaymentDocument),
};

let app: TestApp;
let w: World;
const tokens: Record<string, string> = {};
/** Orders whose placement a client saw succeed, with their first fulfillment. */
const placed = new Map<string, { key: string; orderId: string; fulfillmentId: string; buyer: 'R1a' | 'R1b' }>();
/** Payments a client saw recorded: reference → amount. */
const paid = new Map<string, string>();
/** Requests cut off by a crash: resent after the restart, as a client would. */
let uncertain: { name: string; query: string; variables: Record<string, unknown>; token: string }[] = [];
let sequence = 0;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  const { warehouse } = await buildWarehouses(app, w);
  // Plenty of filters and purifiers in Futian: stock is never what stops an order here.
  const set = await app.gql(
    SetStockLevelsDocument,
    {
      input: [
        { warehouseId: warehouse.D1, sku: 'B1', onHand: 1_000_000 },
        { warehouseId: warehouse.D1, sku: 'A1', onHand: 100_000 },
      ],
    },
    await w.token('D1', 'ADMIN'),
  );
  expect(set.data!.setStockLevels.userErrors).toEqual([]);
  for (const [name, key, role] of [
    ['R1a', 'R1a', 'BUYER'],
    ['R1b', 'R1b', 'BUYER'],
    ['seller', 'D1', 'ADMIN'],
    ['finance', 'D1', 'FINANCE'],
  ] as const)
    tokens[name] = await w.token(key, role);
}, 120_000);
afterAll(() => app?.close());

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];

/** One client operation against the server; a network error (the crash) marks it uncertain when it may have written. */
async function operate(url: string, alive: () => boolean): Promise<void> {
  const n = ++sequence;
  const roll = Math.random();
  const send = async (
    name: string,
    query: string,
    variables: Record<string, unknown>,
    token: string,
    retry: boolean,
  ) => {
    let res;
    try {
      res = await post(url, query, variables, token);
    } catch (e) {
      if (alive()) throw e;
      if (retry) uncertain.push({ name, query, variables, token });
      return null;
    }
    expect(res.body.errors, `${name}: ${JSON.stringify(res.body.errors)}`).toBeUndefined();
    return res.body.data;
  };
  if (roll < 0.45 || placed.size < 4) {
    const buyer = Math.random() < 0.7 ? 'R1a' : 'R1b';
    const key = `crash-${n}`;
    const lines =
      Math.random() < 0.3
        ? [
            { sku: 'B1', quantity: 6 },
            { sku: 'A1', quantity: 1 },
          ]
        : [{ sku: 'B1', quantity: 6 }];
    const data = await send('placeOrder', q.place, { input: { idempotencyKey: key, lines } }, tokens[buyer], true);
    const order = data?.placeOrder.order;
    if (order) placed.set(order.id, { key, orderId: order.id, fulfillmentId: order.fulfillments[0].id, buyer });
  } else if (roll < 0.6) {
    const o = pick([...placed.values()]);
    await send(
      'cancelOrder',
      q.cancel,
      { id: o.orderId },
      Math.random() < 0.5 ? tokens[o.buyer] : tokens.seller,
      false,
    );
  } else if (roll < 0.8) {
    const o = pick([...placed.values()]);
    const confirmed = await send('confirmOrder', q.confirm, { id: o.orderId }, tokens.seller, false);
    if (confirmed?.confirmOrder.order && !confirmed.confirmOrder.userErrors.length)
      await send(
        'shipFulfillment',
        q.ship,
        { input: { fulfillmentId: o.fulfillmentId, trackingNumber: `T${n}` } },
        tokens.seller,
        false,
      );
  } else {
    const reference = `pay-${n}`;
    const amount = (1 + Math.floor(Math.random() * 50_000) / 100).toFixed(2);
    const data = await send(
      'recordPayment',
      q.pay,
      { input: { buyerId: w.id(Math.random() < 0.5 ? 'R1a' : 'R1b'), amount, method: 'BANK_TRANSFER', reference } },
      tokens.finance,
      true,
    );
    if (data?.recordPayment.entry) paid.set(reference, amount);
  }
}

/** Waits until PostgreSQL has ended the killed server's sessions (their open transactions rolled back). */
async function sessionsGone(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [{ n }] = await app.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and state in ('active', 'idle in transaction', 'idle in transaction (aborted)')`);
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the killed server’s sessions are still open after 10 s');
}

async function durable(): Promise<void> {
  const [{ orders }] = await app.database.db.execute<{ orders: number }>(
    sql`select count(*)::int as orders from orders where idempotency_key like 'crash-%'`,
  );
  expect(orders).toBeGreaterThanOrEqual(placed.size);
  const refs = [...paid.keys()];
  if (refs.length) {
    const rows = await app.database.db.execute<{ reference: string; amount: string }>(
      sql`select reference, (-amount)::text as amount from ledger_entries where kind = 'PAYMENT' and reference like 'PAY-%'`,
    );
    const stored = new Map(rows.map((r) => [r.reference, r.amount]));
    for (const [ref, amount] of paid)
      expect(stored.get(ref.toUpperCase()), ref).toBe(String(Math.round(Number(amount) * 100)));
  }
}

describe(`a server killed with SIGKILL under load, ${ROUNDS} times`, () => {
  it('leaves every invariant holding, keeps every answer it gave, and writes nothing twice when clients retry', async () => {
    const stats: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const server: ServerProcess = await startServerProcess({
        name: `server ${round}`,
        databaseUrl: app.databaseUrl,
        jwtSecret: app.config.jwtSecret!,
        env: { SLA_CHECK_SECONDS: '0' },
      });
      // First the requests the last crash cut off, resent as they were: same idempotency keys, same payment references.
      const retried = uncertain;
      uncertain = [];
      for (const r of retried) {
        const res = await post(server.url, r.query, r.variables, r.token);
        expect(res.body.errors, `${r.name} retried: ${JSON.stringify(res.body.errors)}`).toBeUndefined();
        const order = res.body.data.placeOrder?.order;
        if (order)
          placed.set(order.id, {
            key: String((r.variables.input as { idempotencyKey: string }).idempotencyKey),
            orderId: order.id,
            fulfillmentId: order.fulfillments[0].id,
            buyer: r.token === tokens.R1a ? 'R1a' : 'R1b',
          });
        const entry = res.body.data.recordPayment?.entry;
        if (entry)
          paid.set(
            String((r.variables.input as { reference: string }).reference),
            String((r.variables.input as { amount: string }).amount),
          );
      }
      await expect(brokenInvariants(app.database.db)).resolves.toEqual({});

      let alive = true;
      const sentBefore = sequence;
      const workers = Array.from({ length: WORKERS }, async () => {
        while (alive) await operate(server.url, () => alive);
      });
      const killAfter = 800 + Math.floor(Math.random() * 2700);
      await new Promise((r) => setTimeout(r, killAfter));
      alive = false;
      await server.kill();
      await Promise.all(workers);
      await sessionsGone();
      stats.push(
        `round ${round}: killed after ${killAfter} ms, ${sequence - sentBefore} operations, ${uncertain.length} cut off`,
      );

      const broken = await brokenInvariants(app.database.db);
      expect(broken, `after crash ${round}`).toEqual({});
      await durable();
    }
    // The last crash's cut-off requests, retried on a fresh server, then the final state.
    const last = await startServerProcess({
      name: 'after',
      databaseUrl: app.databaseUrl,
      jwtSecret: app.config.jwtSecret!,
      env: { SLA_CHECK_SECONDS: '0' },
    });
    try {
      for (const r of uncertain) {
        const res = await post(last.url, r.query, r.variables, r.token);
        expect(res.body.errors, `${r.name} retried: ${JSON.stringify(res.body.errors)}`).toBeUndefined();
      }
    } finally {
      await last.stop();
    }
    expect(await brokenInvariants(app.database.db)).toEqual({});
    await durable();
    const [{ keys, orders }] = await app.database.db.execute<{ keys: number; orders: number }>(
      sql`select count(distinct idempotency_key)::int as keys, count(*)::int as orders from orders where idempotency_key like 'crash-%'`,
    );
    expect(orders).toBe(keys);
    expect(orders).toBeGreaterThan(0);
    console.log(`crash: ${stats.join('; ')}; ${orders} orders, ${paid.size} payments in all`);
  }, 600_000);
});
