import { constants as perf, PerformanceObserver } from 'node:perf_hooks';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { count, eq } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { buildCatalog, type CatalogWorld } from './support/catalog-world.js';
import { buildWarehouses } from './support/orders-world.js';
import { createLogger } from '../src/logger.js';
import { importCsv, type ImportOptions } from '../src/cli/csv-import.js';
import { cliViewer } from '../src/cli/actor.js';
import { keyOf } from '../src/graphql/ids.js';
import { priceListEntries } from '../src/modules/pricing/tables.js';
import { accounts } from '../src/modules/accounts/tables.js';
import type { Role } from '../src/modules/users/tables.js';

/** Issue 13: `npm run import` and `npm run export`, through the graph's own rules. */
const run = promisify(execFile);
let app: TestApp;
let w: World;
let cw: CatalogWorld;
let dir: string;

async function csv(name: string, lines: string[]): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

async function load(
  as: [WorldKey, Role],
  o: Omit<ImportOptions, 'dryRun' | 'partial'> & { dryRun?: boolean; partial?: boolean },
) {
  const viewer = await cliViewer(app.database.db, { as: w.email(...as) });
  return importCsv(
    { db: app.database.db, config: app.config, log: createLogger('silent'), viewer },
    { dryRun: false, partial: false, ...o },
  );
}

async function report(file: string) {
  return parse<{ line: string; code: string; field: string; message: string }>(
    await readFile(`${file}.errors.csv`, 'utf8'),
    { columns: true },
  );
}

async function entries(list: string) {
  const id = keyOf(cw.listIds[list], 'PriceList')!;
  const rows = await app.database.db.select().from(priceListEntries).where(eq(priceListEntries.priceListId, id));
  return rows.map((r) => `${r.variantId}/${r.minQuantity}/${r.price}`).sort();
}

/** The CLI itself, as a user runs it, against this test's database. */
function cli(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: app.database.url, LOG_LEVEL: 'warn', ...env },
    maxBuffer: 50 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'channelgraph-csv-'));
  app = await startTestApp();
  w = await buildWorld(app);
  cw = await buildCatalog(app, w);
  await buildWarehouses(app, w);
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('prices', () => {
  it('writes a good file through setPriceListEntries, and re-importing it changes nothing', async () => {
    const file = await csv('prices-ok.csv', [
      'price_list,sku,min_quantity,price',
      'd1-retail,A1,,2250.00',
      'd1-retail,A1,20,2050',
      'd1-retail,B1,12,78.50',
    ]);
    const r = await load(['D1', 'ADMIN'], { kind: 'prices', file });
    expect(r).toMatchObject({ rows: 3, written: 3, failed: 0, committed: true });
    const after = await entries('d1-retail');
    const again = await load(['D1', 'ADMIN'], { kind: 'prices', file });
    expect(again).toMatchObject({ rows: 3, written: 3, failed: 0, committed: true });
    expect(await entries('d1-retail')).toEqual(after);
    const res = await app.raw(
      `query($id: ID!) { node(id: $id) { ... on PriceList { entries { variant { sku } minQuantity price { amount } } } } }`,
      { id: cw.listIds['d1-retail'] },
      await w.token('D1', 'ADMIN'),
    );
    expect(res.data.node.entries).toEqual(
      expect.arrayContaining([
        { variant: { sku: 'A1' }, minQuantity: 1, price: { amount: '2250.00' } },
        { variant: { sku: 'A1' }, minQuantity: 20, price: { amount: '2050.00' } },
        { variant: { sku: 'B1' }, minQuantity: 12, price: { amount: '78.50' } },
      ]),
    );
  });

  it('a file with bad rows writes nothing, and reports each with its line: a price below the floor is refused as in the graph', async () => {
    const before = await entries('d1-retail');
    const file = await csv('prices-bad.csv', [
      'price_list,sku,min_quantity,price',
      'd1-retail,A2,,2590',
      'd1-retail,A1,,100.00',
      'd1-retail,NOPE,,10',
      'no-such-list,B1,,90',
      'd1-retail,B1,,abc',
    ]);
    const r = await load(['D1', 'ADMIN'], { kind: 'prices', file });
    expect(r).toMatchObject({ rows: 5, committed: false });
    expect(await entries('d1-retail')).toEqual(before);
    const lines = (await report(file)).map((e) => [e.line, e.code, e.field]);
    expect(lines).toEqual(
      expect.arrayContaining([
        ['5', 'INVALID_INPUT', 'price_list'],
        ['6', 'INVALID_INPUT', 'price'],
      ]),
    );
    // Fix the pre-checked rows: the graph refuses the rest, each with its line.
    const second = await csv('prices-bad2.csv', [
      'price_list,sku,min_quantity,price',
      'd1-retail,A2,,2590',
      'd1-retail,A1,,100.00',
      'd1-retail,NOPE,,10',
    ]);
    const r2 = await load(['D1', 'ADMIN'], { kind: 'prices', file: second });
    expect(r2).toMatchObject({ rows: 3, written: 0, committed: false });
    // As in the graph: the input's own errors first; the floors are checked once the input is sound.
    expect((await report(second)).map((e) => [e.line, e.code, e.field])).toEqual([['4', 'INVALID_INPUT', 'sku']]);
    const third = await csv('prices-bad3.csv', [
      'price_list,sku,min_quantity,price',
      'd1-retail,A2,,2590',
      'd1-retail,A1,,100.00',
    ]);
    expect(await load(['D1', 'ADMIN'], { kind: 'prices', file: third })).toMatchObject({
      rows: 2,
      written: 0,
      committed: false,
    });
    expect((await report(third)).map((e) => [e.line, e.code, e.field])).toEqual([['3', 'BELOW_PRICE_FLOOR', 'price']]);
    expect(await entries('d1-retail')).toEqual(before);
  });

  it('--partial writes the good rows and reports the bad; --dry-run writes nothing', async () => {
    const before = await entries('d1-retail');
    const file = await csv('prices-partial.csv', [
      'price_list,sku,min_quantity,price',
      'd1-retail,A2,5,2580',
      'd1-retail,A1,,100.00',
    ]);
    const dry = await load(['D1', 'ADMIN'], { kind: 'prices', file, dryRun: true, partial: true });
    expect(dry.committed).toBe(false);
    expect(await entries('d1-retail')).toEqual(before);
    const r = await load(['D1', 'ADMIN'], { kind: 'prices', file, partial: true });
    expect(r).toMatchObject({ rows: 2, written: 1, failed: 1, committed: true });
    expect((await report(file)).map((e) => [e.line, e.code])).toEqual([['3', 'BELOW_PRICE_FLOOR']]);
    expect((await entries('d1-retail')).length).toBe(before.length + 1);
  });

  it('follows the viewer: a list of another account is not found, a BUYER may not write prices', async () => {
    const file = await csv('prices-other.csv', [
      'price_list,sku,min_quantity,price',
      `${cw.listIds['d2-default']},A1,,2300`,
    ]);
    const r = await load(['D1', 'ADMIN'], { kind: 'prices', file });
    expect(r.committed).toBe(false);
    expect((await report(file))[0]).toMatchObject({ line: '2', field: 'price_list' });
    const asBuyer = await csv('prices-buyer.csv', [
      'price_list,sku,min_quantity,price',
      `${cw.listIds['d1-retail']},A1,,2300`,
    ]);
    const b = await load(['D1', 'BUYER'], { kind: 'prices', file: asBuyer });
    expect(b.committed).toBe(false);
    expect((await report(asBuyer)).map((e) => e.code)).toContain('FORBIDDEN');
  });

  it('streams a 100,000-row file in batches, in bounded memory', async () => {
    const file = join(dir, 'prices-100k.csv');
    const out = createWriteStream(file);
    out.write('price_list,sku,min_quantity,price\n');
    for (let q = 1; q <= 25_000; q++) {
      for (const [sku, price] of [
        ['A1', 2400],
        ['A2', 2800],
        ['B1', 90],
        ['C1', 1900],
      ] as const)
        out.write(`d1-retail,${sku},${q + 1000},${price}.00\n`);
    }
    out.end();
    await once(out, 'finish');
    // What the run holds at once is the heap right after each full (mark-compact) collection, the live set; a
    // peak of heapUsed between collections measures how lazily the collector ran on a busy machine, not the importer.
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    let collections = 0;
    const gcs = new PerformanceObserver((list) => {
      if (
        !list
          .getEntries()
          .some((e) => (e as unknown as { detail?: { kind?: number } }).detail?.kind === perf.NODE_PERFORMANCE_GC_MAJOR)
      )
        return;
      collections++;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    });
    gcs.observe({ entryTypes: ['gc'] });
    const started = Date.now();
    // C1 is not in D1's assortment: --partial writes the 75,000 others and reports 25,000 lines.
    const r = await load(['D1', 'ADMIN'], { kind: 'prices', file, partial: true });
    gcs.disconnect();
    expect(collections).toBeGreaterThan(0);
    expect(r).toMatchObject({ rows: 100_000, written: 75_000, failed: 25_000, committed: true });
    const id = keyOf(cw.listIds['d1-retail'], 'PriceList')!;
    const [{ n }] = await app.database.db
      .select({ n: count() })
      .from(priceListEntries)
      .where(eq(priceListEntries.priceListId, id));
    expect(n).toBeGreaterThanOrEqual(75_000);
    expect((await report(file)).length).toBe(25_000);
    // The whole file is 3.4 MB; what the run holds at once stays far below what 100,000 parsed rows and their mutation inputs would need.
    expect(peak - base).toBeLessThan(150 * 1024 * 1024);
    console.log(
      `100,000 price rows in ${Date.now() - started} ms, live heap after ${collections} full collections at most +${Math.round((peak - base) / 1024 / 1024)} MB`,
    );
  }, 300_000);
});

describe('stock, products and accounts', () => {
  it('stock: by warehouse name; a count below what open orders reserve is refused with its line', async () => {
    const ok = await csv('stock.csv', ['warehouse,sku,on_hand', 'Futian partner,B1,70', 'Futian partner,A1,9']);
    expect(await load(['D1', 'ADMIN'], { kind: 'stock', file: ok })).toMatchObject({
      written: 2,
      failed: 0,
      committed: true,
    });
    const bad = await csv('stock-bad.csv', [
      'warehouse,sku,on_hand',
      'Futian partner,B1,71',
      'Futian partner,A1,-1',
      'Foshan central,A1,5',
    ]);
    const r = await load(['D1', 'ADMIN'], { kind: 'stock', file: bad });
    expect(r.committed).toBe(false);
    expect((await report(bad)).map((e) => [e.line, e.field])).toEqual(expect.arrayContaining([['4', 'warehouse']]));
    const levels = await app.raw(
      '{ variant(sku: "B1") { stockLevels { onHand warehouse { name } } } }',
      {},
      await w.token('D1', 'ADMIN'),
    );
    expect(
      levels.data.variant.stockLevels.find(
        (l: { warehouse: { name: string } }) => l.warehouse.name === 'Futian partner',
      ).onHand,
    ).toBe(70);
  });

  it('products: one row per variant, the rows of a product together; the brand only; idempotent', async () => {
    const file = await csv('products.csv', [
      'code,name,category,sku,variant_name,unit,min_order_quantity,order_increment,suggested_retail_price',
      'P-TAP,Smart tap,Kitchen,T1,Chrome,pcs,1,1,499.00',
      'P-TAP,Smart tap,Kitchen,T2,Black,pcs,1,1,529.00',
      'P-SOFT,Water softener,Softeners,S1,20L,pcs,,,3999',
    ]);
    expect(await load(['BRAND', 'ADMIN'], { kind: 'products', file })).toMatchObject({
      rows: 3,
      written: 3,
      committed: true,
    });
    expect(await load(['BRAND', 'ADMIN'], { kind: 'products', file })).toMatchObject({
      rows: 3,
      written: 3,
      committed: true,
    });
    const res = await app.raw(
      '{ products(first: 50, filter: { search: "P-TAP" }) { nodes { code variants { sku } } } }',
      {},
      await w.token('BRAND', 'ADMIN'),
    );
    expect(res.data.products.nodes).toEqual([{ code: 'P-TAP', variants: [{ sku: 'T1' }, { sku: 'T2' }] }]);
    const bad = await csv('products-bad.csv', ['code,name,sku,variant_name', 'P-X,X,X1,One', 'P-X,X,bad sku!,Two']);
    const r = await load(['BRAND', 'ADMIN'], { kind: 'products', file: bad });
    expect(r.committed).toBe(false);
    expect((await report(bad)).map((e) => [e.line, e.code])).toEqual([['3', 'INVALID_INPUT']]);
    const asDistributor = await load(['D1', 'ADMIN'], { kind: 'products', file });
    expect(asDistributor.committed).toBe(false);
  });

  it('accounts: created through createAccount (V6 included), each refusal on its line; a second run creates nothing', async () => {
    const file = await csv('accounts.csv', [
      'parent_code,code,name,tier,address_line1,city,region_code,contact_name,contact_phone',
      'W-D1,R-CSV-1,CSV shop one,RETAILER,Shop 1,Shenzhen,440304,Mr Wu,+86 755 1111 1111',
      'W-D1,R-CSV-2,CSV shop two,RETAILER,Shop 2,Shenzhen,440305,Ms Ma,+86 755 2222 2222',
    ]);
    expect(await load(['D1', 'ADMIN'], { kind: 'accounts', file })).toMatchObject({
      rows: 2,
      written: 2,
      committed: true,
    });
    expect(await load(['D1', 'ADMIN'], { kind: 'accounts', file })).toMatchObject({
      rows: 2,
      written: 0,
      failed: 0,
      committed: true,
    });
    const [{ n }] = await app.database.db
      .select({ n: count() })
      .from(accounts)
      .where(eq(accounts.name, 'CSV shop one'));
    expect(n).toBe(1);
    const bad = await csv('accounts-bad.csv', [
      'parent_code,code,name,tier,address_line1,region_code',
      'W-D1,R-CSV-3,Three,RETAILER,Shop 3,440304',
      'W-D1,R-CSV-4,Far away,RETAILER,Shop 4,310104',
      'W-D2,R-CSV-5,Not mine,RETAILER,Shop 5,440106',
    ]);
    const r = await load(['D1', 'ADMIN'], { kind: 'accounts', file: bad });
    expect(r).toMatchObject({ rows: 3, committed: false });
    expect((await report(bad)).map((e) => [e.line, e.code])).toEqual([
      ['3', 'OUTSIDE_TERRITORY'],
      ['4', 'INVALID_INPUT'],
    ]);
    const [{ three }] = await app.database.db
      .select({ three: count() })
      .from(accounts)
      .where(eq(accounts.name, 'Three'));
    expect(three).toBe(0);
  });
});

describe('the commands', () => {
  it('npm run import: as an API key from CHANNELGRAPH_API_KEY, exit 0 for a good file, 1 with a report for a bad one; a missing column is said', async () => {
    const key = await w.apiKey('D1', 'ADMIN');
    const good = await csv('cli-ok.csv', ['price_list,sku,price', 'd1-retail,A2,2650']);
    const ok = await cli(['import', 'prices', good, '--dry-run'], { CHANNELGRAPH_API_KEY: key });
    expect(ok.stdout).toMatch(/prices: 1 rows, all rows pass; nothing written \(dry run\), 0 refused/);
    expect(ok.code).toBe(0);
    const bad = await csv('cli-bad.csv', ['price_list,sku,price', 'd1-retail,A1,1.00']);
    const refused = await cli(['import', 'prices', bad], { CHANNELGRAPH_API_KEY: key });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/nothing written, 1 refused \(see .*cli-bad\.csv\.errors\.csv\)/);
    const columns = await csv('cli-columns.csv', ['list,sku,price', 'x,A1,1']);
    const missing = await cli(['import', 'prices', columns], { CHANNELGRAPH_API_KEY: key });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/the header lacks price_list/);
    const revoked = await cli(['import', 'prices', good], { CHANNELGRAPH_API_KEY: `${key.slice(0, -1)}x` });
    expect(revoked.code).toBe(1);
    expect(revoked.stderr).toMatch(/CHANNELGRAPH_API_KEY is not valid/);
  }, 120_000);

  it('npm run export -- orders --since: CSV of the orders the user can list (V1), one row per line', async () => {
    const place = async (as: [WorldKey, Role], key: string, sku: string, quantity: number, externalRef?: string) => {
      const res = await app.raw(
        'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number } userErrors { code } } }',
        { input: { idempotencyKey: key, lines: [{ sku, quantity }], externalRef } },
        await w.token(...as),
      );
      expect(res.data.placeOrder.userErrors).toEqual([]);
      return res.data.placeOrder.order as { id: string; number: string };
    };
    const since = new Date(Date.now() - 1000).toISOString();
    const mine = await place(['R1a', 'BUYER'], 'exp-1', 'A1', 1, 'ERP-EXP-1');
    const sibling = await place(['R2', 'BUYER'], 'exp-2', 'A1', 1);
    const out = join(dir, 'orders.csv');
    const res = await cli(['export', 'orders', '--since', since, '--out', out, '--as', w.email('D1', 'ADMIN')]);
    expect(res.code).toBe(0);
    const rows = parse<Record<string, string>>(await readFile(out, 'utf8'), { columns: true });
    expect(rows.map((r) => r.number)).toEqual([mine.number]);
    expect(rows[0]).toMatchObject({
      order_id: mine.id,
      external_ref: 'ERP-EXP-1',
      buyer_code: 'W-R1a',
      sku: 'A1',
      quantity: '1',
      ship_to_region: '440304',
    });
    expect(rows.some((r) => r.number === sibling.number)).toBe(false);
    const brand = await cli(['export', 'orders', '--since', since, '--as', w.email('BRAND', 'ADMIN')]);
    const all = parse<Record<string, string>>(brand.stdout, { columns: true });
    expect(all.map((r) => r.number).sort()).toEqual([mine.number, sibling.number].sort());
  }, 120_000);
});
