import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { print } from 'graphql';
import postgres from 'postgres';
import { inject } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses } from './support/orders-world.js';
import { post, startServerProcess, type ServerProcess } from './support/server-process.js';
import { PlaceOrderDocument, SalesReportDocument, SetStockLevelsDocument } from './generated/graphql.js';
import { ROLLUP_TABLES } from '../src/modules/analytics/rollup.js';

/**
 * DATABASE_READ_URL (README "Scaling"): a server process whose DATABASE_URL
 * is the primary and whose DATABASE_READ_URL is another database standing in
 * for a replica. The "replica" is refreshed by hand, the way replication
 * would, so its lag can be seen: salesReport answers from it (an order just
 * placed is missing there until the next refresh, though the primary has it),
 * every write goes to the primary (the replica's orders table stays empty),
 * the report pool's sessions (application_name channelgraph-reports) are on
 * the replica alone, and `npm run export` reads its orders there.
 */
let app: TestApp;
let w: World;
let server: ServerProcess;
let replica: postgres.Sql;
let replicaName: string;
let replicaUrl: string;
const admin = () => postgres(inject('pgAdminUrl'), { max: 1, onnotice: () => {} });

const shanghaiToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
const input = () => ({ from: '2026-01-01', to: shanghaiToday() });
const report = async (url: string, token: string) => {
  const res = await post(url, print(SalesReportDocument), { input: input() }, token);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data.salesReport.totals as { revenue: { amount: string }; orders: number };
};

/** What replication does: the replica's rollups become the primary's. */
async function replicate(): Promise<void> {
  for (const { table } of ROLLUP_TABLES) {
    const rows = await app.database.sql.unsafe(`select * from ${table}`);
    await replica.begin(async (tx) => {
      await tx.unsafe(`delete from ${table}`);
      if (rows.length) await tx`insert into ${tx(table)} ${tx(rows as unknown as Record<string, unknown>[])}`;
    });
  }
}

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  const { warehouse } = await buildWarehouses(app, w);
  const set = await app.gql(
    SetStockLevelsDocument,
    { input: [{ warehouseId: warehouse.D1, sku: 'B1', onHand: 10_000 }] },
    await w.token('D1', 'ADMIN'),
  );
  expect(set.data!.setStockLevels.userErrors).toEqual([]);
  for (let i = 0; i < 3; i++) {
    const res = await app.gql(
      PlaceOrderDocument,
      { input: { idempotencyKey: `before-${i}`, lines: [{ sku: 'B1', quantity: 6 * (i + 1) }] } },
      await w.token('R1a', 'BUYER'),
    );
    expect(res.data!.placeOrder.userErrors).toEqual([]);
  }
  // The replica: the same schema (a clone of the migrated template), filled by replicate().
  replicaName = `r_${randomBytes(6).toString('hex')}`;
  const a = admin();
  await a.unsafe(`create database ${replicaName} template ${inject('templateDb')}`);
  await a.end();
  const url = new URL(app.databaseUrl);
  url.pathname = `/${replicaName}`;
  replicaUrl = url.toString();
  replica = postgres(replicaUrl, { max: 2, onnotice: () => {} });
  await replicate();
  server = await startServerProcess({
    name: 'with a read replica',
    databaseUrl: app.databaseUrl,
    jwtSecret: app.config.jwtSecret!,
    env: { DATABASE_READ_URL: url.toString(), WEBHOOK_POLL_MS: '0', SLA_CHECK_SECONDS: '0' },
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await replica?.end();
  if (replicaName) {
    const a = admin();
    await a.unsafe(`drop database if exists ${replicaName} with (force)`);
    await a.end();
  }
  await app?.close();
});

describe('DATABASE_READ_URL', () => {
  it('sends salesReport to the replica and writes to the primary', async () => {
    const analyst = await w.token('D1', 'ANALYST');
    const direct = await report(app.url, analyst); // the in-process app has no read URL: the primary
    expect(direct.orders).toBe(3);
    expect(await report(server.url, analyst)).toEqual(direct);

    // A write through the process lands on the primary, and only there.
    const placed = await post(
      server.url,
      print(PlaceOrderDocument),
      { input: { idempotencyKey: 'after', lines: [{ sku: 'B1', quantity: 60 }] } },
      await w.token('R1a', 'BUYER'),
    );
    expect(placed.body.errors).toBeUndefined();
    expect(placed.body.data.placeOrder.userErrors).toEqual([]);
    const [{ n: onReplica }] = await replica`select count(*)::int as n from orders`;
    expect(onReplica).toBe(0);
    const onPrimary = await report(app.url, analyst);
    expect(onPrimary.orders).toBe(4);

    // The replica has not caught up: the process still reports what it holds.
    expect(await report(server.url, analyst)).toEqual(direct);
    await replicate();
    expect(await report(server.url, analyst)).toEqual(onPrimary);
  });

  it('keeps the report pool (channelgraph-reports) on the replica alone', async () => {
    await report(server.url, await w.token('D1', 'ANALYST')); // its connections open on first use
    const a = admin();
    try {
      const sessions = await a<{ datname: string; n: number }[]>`
        select datname, count(*)::int as n from pg_stat_activity where application_name = 'channelgraph-reports' group by datname`;
      expect(sessions.map((s) => s.datname)).toEqual([replicaName]);
    } finally {
      await a.end();
    }
  });

  it('sends `npm run export` to the replica: the acting user from the primary, the orders from the replica', async () => {
    const exportOrders = async (env: Record<string, string>) => {
      const { stderr } = await promisify(execFile)(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/main.ts',
          'export',
          'orders',
          '--since',
          '2020-01-01',
          '--as',
          w.email('D1', 'ADMIN'),
          '--out',
          '/dev/null',
        ],
        {
          env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: app.databaseUrl, ...env },
        },
      );
      return stderr.match(/orders: (\d+) changed/)?.[1];
    };
    // The replica holds the rollups replicate() copied and no orders yet; the primary holds all four.
    expect(await exportOrders({})).toBe('4');
    expect(await exportOrders({ DATABASE_READ_URL: replicaUrl })).toBe('0');
  }, 120_000);
});
