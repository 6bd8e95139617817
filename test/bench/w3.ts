import 'reflect-metadata';
/**
 * W3, the analytics workload: its large dataset, its requests and its
 * sequential driver (see README.md in this folder).
 *
 * The large channel is written with SQL (generate_series), never through the
 * graph: 1 brand, 5 general agents, 100 distributors (one city each), 3,000
 * retailers (30 per distributor), and N orders over the last two years —
 * 90 % by retailers, 8 % by distributors, 2 % by agents, more of them each
 * month (the channel grows), 60 % online — written straight into the
 * order-level rollups (daily and monthly) as placeOrder would have. One
 * distributor's depot also gets a real order history: 300 skus, 6,240
 * orders of 5 lines over 104 weeks, shipped from that depot, so
 * replenishmentSuggestions has a 300-sku warehouse where every sku sells and
 * is forecast (the worst case), and demandForecast a two-year weekly series.
 */
import type postgres from 'postgres';
import { readFileSync } from 'node:fs';
import { connect } from '../../src/db/client.js';
import { rebuildSalesRollup } from '../../src/modules/analytics/rollup.js';

const AGENTS = 5;
const DISTRIBUTORS = 100;
const RETAILERS_PER_DISTRIBUTOR = 30;
export const W3_SKUS = 300;
const DEPOT_WEEKS = 104;
const DEPOT_ORDERS_PER_WEEK = 60;
const DEPOT_LINES = 5;

export const W3_BRAND = 1;
const agentId = (a: number) => 2 + a;
const distributorId = (d: number) => 2 + AGENTS + d;
const retailerId = (d: number, r: number) => 2 + AGENTS + DISTRIBUTORS + d * RETAILERS_PER_DISTRIBUTOR + r;
const RETAILERS = DISTRIBUTORS * RETAILERS_PER_DISTRIBUTOR;

/** 100 prefecture-level cities of GB/T 2260, spread over the provinces. */
function cities(): string[] {
  const names: Record<string, string> = JSON.parse(
    readFileSync(new URL('../../src/modules/regions/gbt2260.json', import.meta.url), 'utf8'),
  ).regions;
  const all = Object.keys(names)
    .filter((c) => c.endsWith('00') && !c.endsWith('0000'))
    .sort();
  return Array.from({ length: DISTRIBUTORS }, (_, i) => all[Math.floor((i * all.length) / DISTRIBUTORS)]);
}

export interface LargeChannel {
  orders: number;
  accounts: number;
  rollupRows: Record<string, number>;
  depotOrders: number;
  analystUserId: number;
  depotWarehouseId: number;
  depotSku: string;
  /** A retailer of the depot whose insights are timed (its orders are real, its channel rollups generated). */
  insightsAccountId: number;
  loadSeconds: number;
}

/** Writes the large channel into an empty, migrated database. */
export async function loadLargeChannel(url: string, orders: number, today: string): Promise<LargeChannel> {
  const started = Date.now();
  const database = connect(url, { max: 1 });
  const sql = database.sql;
  const city = cities();
  const start = new Date(Date.parse(`${today}T00:00:00Z`) - 730 * 86_400_000).toISOString().slice(0, 10);
  try {
    await sql.begin(async (t) => {
      const tx = t as unknown as postgres.Sql;
      // Accounts: paths built from the ids, regions from the city list.
      await tx`insert into accounts (id, parent_id, path, root_id, name, tier, territory, address_line1, address_region_code)
        values (${W3_BRAND}, null, ${[W3_BRAND]}, ${W3_BRAND}, 'W3 brand', 'BRAND', ${['110000']}, 'HQ 1', '110105')`;
      await tx`insert into accounts (id, parent_id, path, root_id, name, tier, territory, address_line1, address_region_code)
        select ${agentId(0)} + a, ${W3_BRAND}, array[${W3_BRAND}, ${agentId(0)} + a], ${W3_BRAND}, 'W3 agent ' || a, 'GENERAL_AGENT', '{}', 'Agent road 1', (${city}::text[])[a * 20 + 1]
        from generate_series(0, ${AGENTS - 1}) a`;
      await tx`insert into accounts (id, parent_id, path, root_id, name, tier, territory, address_line1, address_region_code)
        select ${distributorId(0)} + d, ${agentId(0)} + d / 20, array[${W3_BRAND}, ${agentId(0)} + d / 20, ${distributorId(0)} + d], ${W3_BRAND},
          'W3 distributor ' || d, 'DISTRIBUTOR', array[(${city}::text[])[d + 1]], 'Depot road 1', (${city}::text[])[d + 1]
        from generate_series(0, ${DISTRIBUTORS - 1}) d`;
      await tx`insert into accounts (id, parent_id, path, root_id, name, tier, territory, address_line1, address_region_code)
        select ${retailerId(0, 0)} + i, ${distributorId(0)} + i / ${RETAILERS_PER_DISTRIBUTOR},
          array[${W3_BRAND}, ${agentId(0)} + i / ${RETAILERS_PER_DISTRIBUTOR} / 20, ${distributorId(0)} + i / ${RETAILERS_PER_DISTRIBUTOR}, ${retailerId(0, 0)} + i], ${W3_BRAND},
          'W3 retailer ' || i, 'RETAILER', '{}', 'Shop 1', (${city}::text[])[i / ${RETAILERS_PER_DISTRIBUTOR} + 1]
        from generate_series(0, ${RETAILERS - 1}) i`;
      await tx.unsafe(
        `update accounts a set territory = (select array_agg(distinct left(c.address_region_code, 2) || '0000') from accounts c where c.parent_id = a.id) where a.tier = 'GENERAL_AGENT'`,
      );
      await tx.unsafe(`select setval(pg_get_serial_sequence('accounts', 'id'), (select max(id) from accounts))`);
      await tx`insert into users (account_id, email, name, password_hash, roles) values (${W3_BRAND}, 'analyst@w3.example', 'W3 analyst', 'bench: no password', '{ANALYST}')`;

      // The depot's catalog, stock and two years of weekly orders.
      const depot = distributorId(0);
      await tx`insert into categories (id, parent_id, name) select c, null, 'W3 category ' || c from generate_series(1, 5) c`;
      await tx`insert into products (id, code, name, category_id) select p, 'W3-P' || p, 'W3 product ' || p, 1 + p % 5 from generate_series(1, ${W3_SKUS / 2}) p`;
      await tx`insert into variants (id, product_id, sku, name) select v, (v + 1) / 2, 'W3-' || lpad(v::text, 4, '0'), case when v % 2 = 1 then 'White' else 'Black' end from generate_series(1, ${W3_SKUS}) v`;
      for (const table of ['categories', 'products', 'variants'])
        await tx.unsafe(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
      const [{ id: warehouseId }] = await tx<
        { id: number }[]
      >`insert into warehouses (owner_id, name, kind, address_line1, address_region_code, coverage)
        values (${depot}, 'W3 depot', 'PARTNER', 'Depot road 1', ${city[0]}, ${[city[0]]}) returning id`;
      await tx`insert into stock_levels (warehouse_id, variant_id, on_hand, reserved) select ${warehouseId}, v, 20 + (v * 37) % 400, 0 from generate_series(1, ${W3_SKUS}) v`;
      const depotOrders = DEPOT_WEEKS * DEPOT_ORDERS_PER_WEEK;
      await tx`insert into orders (id, number, buyer_id, buyer_path, root_id, seller_id, service_provider_id, status, channel, subtotal, discount_total, total,
          ship_to_line1, ship_to_region_code, idempotency_key, request_hash, created_at, updated_at)
        select o + 1, 'W3-' || o, ${retailerId(0, 0)} + o % ${RETAILERS_PER_DISTRIBUTOR},
          array[${W3_BRAND}, ${agentId(0)}, ${depot}, ${retailerId(0, 0)} + o % ${RETAILERS_PER_DISTRIBUTOR}], ${W3_BRAND}, ${depot}, ${depot}, 'COMPLETED', 'ONLINE', 0, 0, 0,
          'Shop 1', ${city[0]}, 'w3-' || o, 'w3',
          ${start}::date + (o / ${DEPOT_ORDERS_PER_WEEK}) * 7 + interval '2 hours' * (o % ${DEPOT_ORDERS_PER_WEEK}), now()
        from generate_series(0, ${depotOrders - 1}) o`;
      // Units follow a yearly season; each sku comes up about once a week.
      await tx`insert into order_lines (order_id, line_no, variant_id, sku, quantity, list_price, unit_price, line_total)
        select o + 1, k + 1, v, 'W3-' || lpad(v::text, 4, '0'), q, 10000, 10000, 10000 * q
        from generate_series(0, ${depotOrders - 1}) o, generate_series(0, ${DEPOT_LINES - 1}) k,
          lateral (select 1 + (o * 7 + k * 61) % ${W3_SKUS} as v) vv,
          lateral (select greatest(1, round(3 + 2 * sin(2 * pi() * (o / ${DEPOT_ORDERS_PER_WEEK}) / 52.0) + (abs(hashint4(o * 5 + k)) % 4)))::int as q) qq`;
      await tx.unsafe(
        `update orders o set subtotal = s.t, total = s.t from (select order_id, sum(line_total) t from order_lines group by 1) s where s.order_id = o.id`,
      );
      await tx`insert into fulfillments (id, order_id, warehouse_id, status, routing_reason) select o + 1, o + 1, ${warehouseId}, 'DELIVERED', 'W3 history' from generate_series(0, ${depotOrders - 1}) o`;
      await tx.unsafe(
        `insert into fulfillment_lines (fulfillment_id, order_line_id, variant_id, sku, quantity) select l.order_id, l.id, l.variant_id, l.sku, l.quantity from order_lines l`,
      );
      for (const table of ['orders', 'fulfillments'])
        await tx.unsafe(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
    });
    await rebuildSalesRollup(database.db);

    // The channel's orders, straight into the order-level rollups: order i's buyer, day, channel and size are functions of i.
    await sql.begin(async (t) => {
      const tx = t as unknown as postgres.Sql;
      await tx.unsafe(`create temporary table w3_orders on commit drop as
        select b.id as buyer_id, b.path as buyer_path, b.tier as buyer_tier, b.parent_id as seller_id, b.address_region_code as region_code,
          ('${start}'::date + floor(729 * sqrt((abs(hashint4(i)) % 1000000) / 1000000.0))::int) as day,
          (case when abs(hashint4(i + 7)) % 100 < 60 then 'ONLINE' when abs(hashint4(i + 7)) % 100 < 85 then 'OFFLINE' when abs(hashint4(i + 7)) % 100 < 95 then 'PHONE' else 'ERP' end)::order_channel as channel,
          1 + abs(hashint4(i + 13)) % 5 as lines, 2 + abs(hashint4(i + 17)) % 20 as units, (20000 + abs(hashint4(i + 19)) % 500000)::bigint as revenue
        from generate_series(1, ${orders}) i
        join accounts b on b.id = case
          when i % 50 = 0 then ${agentId(0)} + abs(hashint4(i + 3)) % ${AGENTS}
          when i % 12 = 0 then ${distributorId(0)} + abs(hashint4(i + 3)) % ${DISTRIBUTORS}
          else ${retailerId(0, 0)} + abs(hashint4(i + 3)) % ${RETAILERS} end`);
      await tx.unsafe(`insert into sales_orders_daily (day, root_id, buyer_id, buyer_path, buyer_tier, seller_id, channel, region_code, orders, lines, units, revenue)
        select day, ${W3_BRAND}, buyer_id, buyer_path, buyer_tier, seller_id, channel, region_code, count(*), sum(lines), sum(units), sum(revenue)
        from w3_orders group by day, buyer_id, buyer_path, buyer_tier, seller_id, channel, region_code
        on conflict (buyer_id, day, seller_id, channel, region_code, buyer_path) do update set
          orders = sales_orders_daily.orders + excluded.orders, lines = sales_orders_daily.lines + excluded.lines,
          units = sales_orders_daily.units + excluded.units, revenue = sales_orders_daily.revenue + excluded.revenue`);
      await tx.unsafe(`insert into sales_orders_monthly (day, root_id, buyer_id, buyer_path, buyer_tier, seller_id, region_code, orders, lines, units, revenue, online_revenue)
        select date_trunc('month', day)::date, ${W3_BRAND}, buyer_id, buyer_path, buyer_tier, seller_id, region_code, count(*), sum(lines), sum(units), sum(revenue),
          coalesce(sum(revenue) filter (where channel = 'ONLINE'), 0)
        from w3_orders group by 1, buyer_id, buyer_path, buyer_tier, seller_id, region_code
        on conflict (buyer_id, day, seller_id, region_code, buyer_path) do update set
          orders = sales_orders_monthly.orders + excluded.orders, lines = sales_orders_monthly.lines + excluded.lines,
          units = sales_orders_monthly.units + excluded.units, revenue = sales_orders_monthly.revenue + excluded.revenue,
          online_revenue = sales_orders_monthly.online_revenue + excluded.online_revenue`);
    });
    await sql.unsafe('vacuum analyze');
    const counts = await sql<{ table: string; n: number }[]>`
      select 'sales_orders_daily' as table, count(*)::int as n from sales_orders_daily union all select 'sales_orders_monthly', count(*)::int from sales_orders_monthly
      union all select 'sales_daily', count(*)::int from sales_daily union all select 'sales_monthly', count(*)::int from sales_monthly`;
    const [{ id: analyst }] = await sql<{ id: number }[]>`select id from users where email = 'analyst@w3.example'`;
    const [{ id: warehouse }] = await sql<{ id: number }[]>`select id from warehouses where name = 'W3 depot'`;
    return {
      orders,
      accounts: 1 + AGENTS + DISTRIBUTORS + RETAILERS,
      rollupRows: Object.fromEntries(counts.map((c) => [c.table, c.n])),
      depotOrders: DEPOT_WEEKS * DEPOT_ORDERS_PER_WEEK,
      analystUserId: analyst,
      depotWarehouseId: warehouse,
      depotSku: 'W3-0001',
      insightsAccountId: retailerId(0, 0),
      loadSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await database.close();
  }
}

/** The requests W3 times, as the brand's analyst. */
export function w3Requests(today: string, ids: { warehouseId: string; accountId: string; sku: string }) {
  const year = Number(today.slice(0, 4));
  const month = today.slice(5, 7);
  // The last twelve whole months, against the twelve before (SAME_PERIOD_LAST_YEAR on whole months).
  const from = `${year - 1}-${month}-01`;
  const to = new Date(Date.UTC(year, Number(month) - 1, 0)).toISOString().slice(0, 10);
  return {
    salesReport: {
      query: `query W3($from: Date!, $to: Date!) { salesReport(input: { from: $from, to: $to, buyerTier: RETAILER, groupBy: [MONTH, PARTNER], compareTo: SAME_PERIOD_LAST_YEAR, first: 1000 }) {
        totals { revenue { amount } orders buyers onlineShare } previousTotals { revenue { amount } orders }
        rows { keys { value label } metrics { revenue { amount } orders buyers averageOrderValue { amount } onlineShare } previous { revenue { amount } orders } growth } } }`,
      variables: { from, to },
    },
    insights: {
      query: `query W3Insights($id: ID!) { account(id: $id) { insights {
        monthly { month revenue { amount } orders } revenueYearToDate { amount } revenuePreviousYearToDate { amount } lastOrderAt averageDaysBetweenOrders
        topVariants { variant { sku } units revenue { amount } } openOrders openTickets slaBreachesLast90Days creditUtilization } } }`,
      variables: { id: ids.accountId },
    },
    forecast: {
      query: `query W3Forecast($sku: String!) { demandForecast(input: { sku: $sku, buyerTier: RETAILER, granularity: WEEK, horizon: 13 }) {
        method historyStatus history { periodStart units } points { periodStart units lower upper } backtest { origins mase baselineMase candidates { method mase smape } } } }`,
      variables: { sku: ids.sku },
    },
    replenishment: {
      query: `query W3Replenish($id: ID!) { replenishmentSuggestions(input: { warehouseId: $id }) { variant { sku } onHand reserved expectedDemand safetyStock reorderPoint suggestedQuantity daysOfCover reason } }`,
      variables: { id: ids.warehouseId },
    },
    alerts: {
      query:
        'query W3Alerts { channelAlerts(first: 50) { kind severity account { id } variant { sku } message detectedAt } }',
      variables: {},
    },
  };
}

export type W3Name = keyof ReturnType<typeof w3Requests>;

/**
 * One request at a time, for `seconds` and at least `minRequests` (after a
 * warm-up): the latency of the query itself, which is what the budgets are
 * about. Every answer is checked (200, no errors) and its SQL statement count kept.
 */
export async function sequential(
  url: string,
  token: string,
  request: { query: string; variables: unknown },
  seconds: number,
  warmupSeconds: number,
  minRequests = 5,
) {
  const body = JSON.stringify(request);
  const send = async () => {
    const t0 = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200 || text.includes('"errors"'))
      throw new Error(`W3: a bad answer: ${res.status} ${text.slice(0, 300)}`);
    return { ms, statements: Number(res.headers.get('x-sql-statements')) };
  };
  const warmUntil = performance.now() + warmupSeconds * 1000;
  // The first answer is the cold one: nothing remembered yet (forecasts, plans, statements), JIT not warm.
  const first = (await send()).ms;
  while (performance.now() < warmUntil) await send();
  const times: number[] = [];
  const statements = new Map<number, number>();
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until || times.length < minRequests) {
    const r = await send();
    times.push(r.ms);
    statements.set(r.statements, (statements.get(r.statements) ?? 0) + 1);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] * 10) / 10;
  return {
    requests: times.length,
    first: Math.round(first * 10) / 10,
    latency: { p50: at(0.5), p99: at(0.99), mean: times.reduce((a, b) => a + b, 0) / times.length },
    sqlStatements: Object.fromEntries(statements),
  };
}

// ---------------------------------------------------------------------------
// The run: datasets, a server per dataset, the timed requests.

export interface W3Harness {
  quick: boolean;
  seconds: number;
  warmupSeconds: number;
  /** URL of a new, migrated, empty database of the run's PostgreSQL. */
  createDatabase: (name: string) => Promise<string>;
  /** Starts the server (as production runs it) on a database; resolves with its /graphql URL and a stop. */
  startServer: (name: string, databaseUrl: string) => Promise<{ url: string; stop: () => Promise<void> }>;
  issueToken: (userId: number) => Promise<string>;
  step: (what: string) => void;
}

export interface W3Figures {
  dataset: Record<string, unknown>;
  workloads: Partial<
    Record<
      W3Name,
      {
        p50: number;
        p99: number;
        mean: number;
        /** The first request on a fresh server (before the warm-up): nothing remembered yet. */
        first: number;
        requests: number;
        sqlStatements: Record<string, number>;
        note: string;
      }
    >
  >;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

async function timeAll(
  h: W3Harness,
  url: string,
  token: string,
  requests: ReturnType<typeof w3Requests>,
  names: W3Name[],
  notes: Partial<Record<W3Name, string>>,
) {
  const out: W3Figures['workloads'] = {};
  for (const name of names) {
    h.step(`W3: ${name}, one request at a time for ${h.seconds} s`);
    const r = await sequential(url, token, requests[name], h.seconds, h.warmupSeconds, h.quick ? 3 : 20);
    out[name] = {
      p50: r.latency.p50,
      p99: r.latency.p99,
      first: r.first,
      mean: round(r.latency.mean, 2),
      requests: r.requests,
      sqlStatements: r.sqlStatements,
      note: notes[name] ?? '',
    };
  }
  return out;
}

/** W3 on the generated large channel (and, unless quick, on the seeded 20,000-order demo). */
export async function runW3(
  h: W3Harness,
  largeOrders: number,
  demoOrders: number | null,
): Promise<{ calibrationMs: number; large: W3Figures; demo: W3Figures | null }> {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const toId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

  h.step(`W3: generating the large channel (${largeOrders.toLocaleString('en')} orders) with SQL`);
  const largeUrl = await h.createDatabase('w3large');
  const large = await loadLargeChannel(largeUrl, largeOrders, today);
  const calibration = connect(largeUrl, { max: 1 });
  // How busy the machine is right now: the same count takes a few tens of milliseconds on an idle core.
  const t0 = performance.now();
  await calibration.sql`select count(*) from generate_series(1, 1000000)`;
  const calibrationMs = round(performance.now() - t0);
  await calibration.close();

  const server = await h.startServer('w3-large', largeUrl);
  let largeFigures: W3Figures;
  try {
    const token = await h.issueToken(large.analystUserId);
    const requests = w3Requests(today, {
      warehouseId: toId('Warehouse', large.depotWarehouseId),
      accountId: toId('Account', large.insightsAccountId),
      sku: large.depotSku,
    });
    largeFigures = {
      dataset: { ...large, analystUserId: undefined, depotWarehouseId: undefined, insightsAccountId: undefined },
      workloads: await timeAll(
        h,
        server.url,
        token,
        requests,
        ['salesReport', 'insights', 'forecast', 'replenishment'],
        {
          salesReport: `last 12 whole months of the ${large.orders.toLocaleString('en')}-order channel, retailers, MONTH × PARTNER, SAME_PERIOD_LAST_YEAR`,
          insights: 'a retailer of the depot',
          forecast: `${large.depotSku}, weekly, two years of history, horizon 13`,
          replenishment: `the depot: ${W3_SKUS} skus, every one selling (all forecast)`,
        },
      ),
    };
  } finally {
    await server.stop();
  }

  let demoFigures: W3Figures | null = null;
  if (demoOrders !== null) {
    h.step(`W3: seeding the demo (${demoOrders.toLocaleString('en')} orders)`);
    const demoUrl = await h.createDatabase('w3demo');
    const db = connect(demoUrl, { max: 2 });
    const started = Date.now();
    try {
      const { seed } = await import('../../src/seed/demo.js');
      await seed(db.db, {
        adminEmail: 'admin@qingyuan.example',
        adminPassword: 'channel-demo-2026',
        scryptLogN: 10,
        demo: true,
        orders: demoOrders,
      });
      await db.sql.unsafe('vacuum analyze');
    } catch (e) {
      await db.close();
      throw e;
    }
    const [{ id: analyst }] = await db.sql<
      { id: number }[]
    >`select id from users where email = 'analyst@qingyuan.example'`;
    const [{ id: shenzhen }] = await db.sql<
      { id: number }[]
    >`select id from accounts where code is not null and name like '%鹏泉%' and tier = 'DISTRIBUTOR' limit 1`;
    const [{ id: central }] = await db.sql<
      { id: number }[]
    >`select id from warehouses where kind = 'CENTRAL' order by id limit 1`;
    const [{ sku }] = await db.sql<
      { sku: string }[]
    >`select v.sku from sales_daily s join variants v on v.id = s.variant_id where s.buyer_tier = 'RETAILER' group by v.sku order by sum(s.units) desc limit 1`;
    const [{ skus }] = await db.sql<
      { skus: number }[]
    >`select count(*)::int as skus from stock_levels where warehouse_id = ${central}`;
    await db.close();
    const seeded = round((Date.now() - started) / 1000);
    const demoServer = await h.startServer('w3-demo', demoUrl);
    try {
      const token = await h.issueToken(analyst);
      const requests = w3Requests(today, {
        warehouseId: toId('Warehouse', central),
        accountId: toId('Account', shenzhen),
        sku,
      });
      demoFigures = {
        dataset: { orders: demoOrders, seedSeconds: seeded },
        workloads: await timeAll(
          h,
          demoServer.url,
          token,
          requests,
          ['salesReport', 'insights', 'forecast', 'replenishment', 'alerts'],
          {
            salesReport: 'last 12 whole months of the demo, retailers, MONTH × PARTNER, SAME_PERIOD_LAST_YEAR',
            insights: 'the Shenzhen distributor',
            forecast: `${sku} (the best seller), weekly, the demo's two years, horizon 13`,
            replenishment: `the brand's central DC: ${skus} skus (most sell now and then: intermittent)`,
            alerts: "the brand's whole channel",
          },
        ),
      };
    } finally {
      await demoServer.stop();
    }
  }
  return { calibrationMs, large: largeFigures, demo: demoFigures };
}
