import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, PASSWORD, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, expectInvariants, type OrdersWorld } from './support/orders-world.js';
import { post, startServerProcess, type ServerProcess } from './support/server-process.js';
import { pgBouncerTests, startPgBouncer, type PgBouncer } from './support/pgbouncer.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import {
  CatalogPageDocument,
  LoginDocument,
  OrdersDocument,
  PlaceOrderDocument,
  SetStockLevelsDocument,
} from './generated/graphql.js';

/**
 * The server behind Debian's PgBouncer in transaction mode (README
 * "Scaling"): DATABASE_URL names PgBouncer, DATABASE_PREPARE=false, the
 * timeouts set on the role. Ten client connections share three server
 * connections transaction by transaction, and the server does real work
 * through them: sign-in, a catalog page with prices, concurrent orders for
 * the last units, an idempotent retry, reads, the health check, and its
 * webhook dispatcher and SLA clock (FOR UPDATE SKIP LOCKED).
 */
const run = pgBouncerTests('test/pgbouncer.test.ts');

let app: TestApp;
let w: World;
let ow: OrdersWorld;
let bouncer: PgBouncer;
let server: ServerProcess;
let rx: Receiver;

describe.skipIf(!run)('the server behind PgBouncer in transaction mode', () => {
  beforeAll(async () => {
    rx = await startReceiver();
    app = await startTestApp();
    w = await buildWorld(app);
    await buildCatalog(app, w);
    ow = await buildWarehouses(app, w);
    // PgBouncer passes on no statement_timeout or lock_timeout from the client: they are the role's, in this database.
    const role = decodeURIComponent(new URL(app.databaseUrl).username);
    await app.database.db.execute(
      sql.raw(`alter role "${role}" in database ${app.dbName} set statement_timeout = '10s'`),
    );
    await app.database.db.execute(sql.raw(`alter role "${role}" in database ${app.dbName} set lock_timeout = '5s'`));
    bouncer = await startPgBouncer(app.databaseUrl, { serverConnections: 3 });
    server = await startServerProcess({
      name: 'behind pgbouncer',
      databaseUrl: bouncer.urlFor(app.databaseUrl),
      jwtSecret: app.config.jwtSecret!,
      env: { DATABASE_PREPARE: 'false', DB_POOL_SIZE: '10', WEBHOOK_POLL_MS: '100', SLA_CHECK_SECONDS: '1' },
    });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await bouncer?.stop();
    await rx?.close();
    await app?.close();
  });

  it('gives its connections the role’s timeouts', async () => {
    const client = postgres(bouncer.urlFor(app.databaseUrl), { max: 1, prepare: false, onnotice: () => {} });
    try {
      const [{ statement_timeout }] = await client`show statement_timeout`;
      const [{ lock_timeout }] = await client`show lock_timeout`;
      expect({ statement_timeout, lock_timeout }).toEqual({ statement_timeout: '10s', lock_timeout: '5s' });
    } finally {
      await client.end();
    }
  });

  it('signs in, answers the health check and serves a catalog page with the same prices as a direct connection', async () => {
    const login = await post(server.url, print(LoginDocument), {
      input: { email: w.email('R1a', 'BUYER'), password: PASSWORD },
    });
    expect(login.body.errors).toBeUndefined();
    const token = login.body.data.login.token as string;
    expect(token).toBeTruthy();
    expect((await fetch(server.url.replace('/graphql', '/healthz'))).status).toBe(200);
    // Six pages of 20 at once and one direct: 5,723 points requested each, within the default bucket of 60,000 shared by both servers.
    const page = await Promise.all(
      Array.from({ length: 6 }, () => post(server.url, print(CatalogPageDocument), { first: 20 }, token)),
    );
    const direct = await app.gql(CatalogPageDocument, { first: 20 }, token);
    expect(direct.errors).toBeUndefined();
    for (const p of page) {
      expect(p.body.errors).toBeUndefined();
      expect(p.body.data).toEqual(direct.data);
    }
    expect(
      direct.data!.products.nodes.flatMap((n) => n.variants.map((v) => v.price?.amount)).filter(Boolean).length,
    ).toBeGreaterThan(0);
  });

  it('sells the last 8 units once to 30 concurrent orders, places one order per idempotency key, and reads them back', async () => {
    for (const [key, onHand] of [
      ['BRAND', 0],
      ['S', 8],
    ] as const) {
      const set = await app.gql(
        SetStockLevelsDocument,
        { input: [{ warehouseId: ow.warehouse[key], sku: 'A2', onHand }] },
        await w.token(key, 'ADMIN'),
      );
      expect(set.data!.setStockLevels.userErrors).toEqual([]);
    }
    const token = await w.token('R1a', 'BUYER');
    const place = print(PlaceOrderDocument);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(server.url, place, { input: { idempotencyKey: `pgb-${i}`, lines: [{ sku: 'A2', quantity: 1 }] } }, token),
      ),
    );
    expect(answers.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    const placed = answers.filter((r) => r.body.data.placeOrder.order);
    expect(placed).toHaveLength(8);
    expect(
      new Set(
        answers.filter((r) => !r.body.data.placeOrder.order).map((r) => r.body.data.placeOrder.userErrors[0].code),
      ),
    ).toEqual(new Set(['OUT_OF_STOCK']));

    const same = { idempotencyKey: 'pgb-same', lines: [{ sku: 'B1', quantity: 6 }] };
    const retries = await Promise.all(Array.from({ length: 6 }, () => post(server.url, place, { input: same }, token)));
    expect(retries.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    expect(new Set(retries.map((r) => r.body.data.placeOrder.order?.id)).size).toBe(1);

    const listed = await post(server.url, print(OrdersDocument), { first: 50 }, token);
    expect(listed.body.errors).toBeUndefined();
    const ids = new Set(listed.body.data.orders.nodes.map((n: { id: string }) => n.id));
    for (const r of [...placed, retries[0]]) expect(ids.has(r.body.data.placeOrder.order.id)).toBe(true);
    const [{ n }] = await app.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from orders where buyer_id = ${w.account('R1a').id}`,
    );
    expect(listed.body.data.orders.totalCount).toBe(n);
    await expectInvariants(app);
  });

  it('runs the webhook dispatcher through it: an order placed through PgBouncer reaches the receiver once', async () => {
    const created = await post(
      server.url,
      'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret userErrors { code } } }',
      { input: { accountId: w.id('D1'), url: rx.url('/pgb'), events: ['ORDER_SUBMITTED'] } },
      await w.token('D1', 'ADMIN'),
    );
    expect(created.body.data.createWebhookEndpoint.userErrors).toEqual([]);
    rx.secrets('/pgb', created.body.data.createWebhookEndpoint.secret);
    const order = await post(
      server.url,
      print(PlaceOrderDocument),
      { input: { idempotencyKey: 'pgb-hook', lines: [{ sku: 'B1', quantity: 6 }] } },
      await w.token('R1a', 'BUYER'),
    );
    const id = order.body.data.placeOrder.order.id as string;
    const until = Date.now() + 20_000;
    while (!rx.at('/pgb').some((r) => r.json.data?.id === id) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    const got = rx.at('/pgb').filter((r) => r.json.data?.id === id);
    expect(got).toHaveLength(1);
    expect(got[0].verifiedWith).toHaveLength(1);
    expect(server.output()).not.toMatch(/prepared statement|failed/i);
  }, 60_000);
});
