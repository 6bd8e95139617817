import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, expectInvariants, shippedOrder, type OrdersWorld } from './support/orders-world.js';
import {
  ApproveReturnDocument,
  ConfirmDeliveryDocument,
  OpenTicketDocument,
  ReceiveReturnDocument,
} from './generated/graphql.js';
import { connect, DatabaseBusyError, PoolInsideTransactionError } from '../src/db/client.js';
import { accounts } from '../src/modules/accounts/tables.js';

/**
 * Issue 11, critical 2: a pool that cannot deadlock. The server runs here
 * with a pool of 2 connections (one transaction at a time), so any code that
 * needs a second connection while its transaction holds the first would hang
 * (before this issue, ten parallel confirmDelivery froze a 10-connection pool).
 */
let app: TestApp;
let w: World;
let ow: OrdersWorld;

beforeAll(async () => {
  app = await startTestApp({}, { poolSize: 2 });
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
});
afterAll(() => app?.close());

/** An order of R1a, confirmed and shipped from every warehouse it was routed to. */
async function shipped(key: string): Promise<string> {
  return (
    await shippedOrder({ app, w, ow }, key, [
      { sku: 'A1', quantity: 3 },
      { sku: 'B1', quantity: 6 },
    ])
  ).id;
}

/** drizzle wraps what a query threw: the error underneath. */
const rootCause = (e: unknown): unknown =>
  (e as { cause?: unknown })?.cause ? rootCause((e as { cause: unknown }).cause) : e;

/** Fires `n` requests at once while polling /healthz; every request and every health check must answer. */
async function storm<T>(n: number, send: () => Promise<T>) {
  const healthUrl = app.url.replace(/\/graphql$/, '/healthz');
  let done = false;
  const health: number[] = [];
  const poll = (async () => {
    while (!done) {
      const started = performance.now();
      const res = await fetch(healthUrl);
      health.push(res.status === 200 ? performance.now() - started : -1);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: n }, send));
  const seconds = (performance.now() - started) / 1000;
  done = true;
  await poll;
  return { results, seconds, health };
}

describe('50 parallel transitions on one row, on a pool of 2', () => {
  it('confirmDelivery: one completes the order, the others are told there is nothing left to deliver; /healthz stays up', async () => {
    const id = await shipped('pool-delivery');
    const token = await w.token('R1a', 'BUYER');
    const { results, seconds, health } = await storm(50, () => app.gql(ConfirmDeliveryDocument, { id }, token));
    expect(seconds).toBeLessThan(20);
    // No request failed outright: each one completed the order, or was told why not (or, if the
    // database was too busy to take it in time, TIMEOUT), never an internal error.
    for (const r of results) {
      expect(r.status).toBe(200);
      for (const e of r.errors ?? []) expect(e.extensions?.code).toBe('TIMEOUT');
    }
    const completed = results.filter((r) => r.data?.confirmDelivery.userErrors.length === 0);
    expect(completed).toHaveLength(1);
    expect(completed[0].data!.confirmDelivery.order!.status).toBe('COMPLETED');
    const refused = results.filter((r) => r.data?.confirmDelivery.userErrors.length);
    for (const r of refused) expect(r.data!.confirmDelivery.userErrors[0].code).toBe('INVALID_TRANSITION');
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((ms) => ms >= 0)).toBe(true);
    await expectInvariants(app);
  });

  it('receiveReturn: the goods come back once; the others are told they already did', async () => {
    const id = await shipped('pool-return');
    expect(
      (await app.gql(ConfirmDeliveryDocument, { id }, await w.token('R1a', 'BUYER'))).data!.confirmDelivery.userErrors,
    ).toEqual([]);
    const opened = await app.gql(
      OpenTicketDocument,
      {
        input: {
          kind: 'RETURN',
          subject: 'Wrong model',
          body: 'Please take them back',
          orderId: id,
          lines: [{ sku: 'B1', quantity: 2 }],
        },
      },
      await w.token('R1a', 'BUYER'),
    );
    const ticket = opened.data!.openTicket.ticket!;
    const service = await w.token('D1', 'SERVICE');
    expect(
      (await app.gql(ApproveReturnDocument, { ticketId: ticket.id }, service)).data!.approveReturn.userErrors,
    ).toEqual([]);
    const { results, seconds, health } = await storm(50, () =>
      app.gql(ReceiveReturnDocument, { input: { ticketId: ticket.id, warehouseId: ow.warehouse.D1 } }, service),
    );
    expect(seconds).toBeLessThan(20);
    for (const r of results) {
      expect(r.status).toBe(200);
      // The credit amount is V5 data, which a SERVICE user does not see.
      const others = (r.errors ?? []).filter(
        (e) => !(e.path?.at(-1) === 'creditAmount' && e.extensions?.code === 'FORBIDDEN'),
      );
      for (const e of others) expect(e.extensions?.code, JSON.stringify(r.errors)).toBe('TIMEOUT');
    }
    expect(results.filter((r) => r.data?.receiveReturn.userErrors.length === 0)).toHaveLength(1);
    for (const r of results.filter((x) => x.data?.receiveReturn.userErrors.length))
      expect(r.data!.receiveReturn.userErrors[0].code).toBe('INVALID_TRANSITION');
    expect(health.every((ms) => ms >= 0)).toBe(true);
    // One credit note, not fifty.
    const [{ n }] = await app.database.sql`select count(*)::int as n from ledger_entries where kind = 'CREDIT_NOTE'`;
    expect(n).toBe(1);
    await expectInvariants(app);
  });
});

describe('nothing inside a transaction takes a second pool connection', () => {
  it('a pool query from inside a transaction is refused at once (the rule the tests catch)', async () => {
    const { db } = app.database;
    const err = await db
      .transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await db.select().from(accounts).limit(1);
      })
      .catch((e: unknown) => e);
    expect(rootCause(err)).toBeInstanceOf(PoolInsideTransactionError);
    // Through a loader too: loaders hold the pool.
    const viaLoader = await db
      .transaction(async () => {
        const DataLoader = (await import('dataloader')).default;
        const byId = new DataLoader<number, unknown>(async (ids) =>
          Promise.all(ids.map(() => db.select().from(accounts).limit(1))),
        );
        await byId.load(1);
      })
      .catch((e: unknown) => e);
    expect(rootCause(viaLoader)).toBeInstanceOf(PoolInsideTransactionError);
    // Outside a transaction the pool is fine.
    expect((await db.select().from(accounts).limit(1)).length).toBe(1);
  });

  it('a transaction that cannot get a connection within the acquire timeout fails instead of queueing forever', async () => {
    const pool = connect(app.database.url, { max: 2, acquireTimeoutMs: 200 });
    let release!: () => void;
    const held = pool.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await new Promise<void>((r) => (release = r));
    });
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    const second = await pool.db.transaction(async (tx) => tx.execute(sql`select 1`)).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(DatabaseBusyError);
    expect(performance.now() - started).toBeLessThan(2000);
    // Plain queries still find the connection left outside the transactions.
    expect((await pool.db.execute(sql`select 1 as one`))[0]).toEqual({ one: 1 });
    release();
    await held;
    expect(await pool.db.transaction(async (tx) => (await tx.execute(sql`select 2 as two`))[0])).toEqual({ two: 2 });
    await pool.close();
  });
});
