import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { fromMinor } from '../lib/money.js';
import { accounts } from '../modules/accounts/tables.js';
import { users } from '../modules/users/tables.js';
import { warehouses } from '../modules/inventory/tables.js';
import { resolvePrice } from '../modules/pricing/engine.js';
import type {
  BuyerFacts,
  PriceListFacts,
  PricingData,
  PriceResult,
  PromotionFacts,
  Tier,
  VariantFacts,
} from '../modules/pricing/engine-types.js';
import { regionContains } from '../modules/regions/containment.js';
import { distanceKm } from '../modules/orders/routing.js';
import { demoCategories, demoProducts } from './demo-catalog.js';
import { demoWarehouses } from './demo-warehouses.js';
import { DAY, calendar, categorySeason, dayStart, dayWeight, localDay, seasonNote } from './demand.js';

/**
 * Demo warehouses, stock and a two-year order history, seeded inside the demo
 * transaction after the catalog. Deterministic for a given `now` (seeded
 * PRNG), priced with the real engine at each order's date, and consistent:
 *
 * - stock_levels.reserved = the quantities of PENDING fulfillments of open
 *   (SUBMITTED/ALLOCATED) orders; on_hand = base stock + reserved;
 * - accounts.credit_used = the totals of the buyer's open orders
 *   (SUBMITTED/ALLOCATED/SHIPPED), never above credit_limit;
 * - statuses and events follow the order lifecycle (modules/orders):
 *   SUBMITTED → CONFIRMED+ALLOCATED → FULFILLMENT_SHIPPED+SHIPPED →
 *   DELIVERED+COMPLETED, or CANCELLED before anything ships.
 *
 * Everything is written with a handful of bulk statements (json_to_recordset),
 * with ids assigned here and the serial sequences moved past them.
 */

// ---------------------------------------------------------------------------
// Deterministic randomness.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
const intBetween = (rng: Rng, lo: number, hi: number) => Math.floor(between(rng, lo, hi + 1));

function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Index into `cumulative` (running sums of weights) for a uniform draw. */
function pickIndex(cumulative: Float64Array | number[], rng: Rng): number {
  const total = cumulative[cumulative.length - 1];
  const x = rng() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulate(weights: number[]): number[] {
  let s = 0;
  return weights.map((w) => (s += Math.max(0, w)));
}

// ---------------------------------------------------------------------------
// Time (the demand model, its calendar and seasons, is in demand.ts).

const HOUR = 3_600_000;
const CST = 8 * HOUR;

const GENERAL_NOTES = [
  '请工作日送货 Deliver on weekdays, please',
  '收货前请电话联系 Call before delivery',
  '门店展示用机 Display units for the shop',
  '安装工程项目用 For an installation project',
  '请随货附发票 Invoice with the goods, please',
  '上午送货 Morning delivery preferred',
];

// ---------------------------------------------------------------------------
// Bulk writes: one statement per chunk, rows passed as one JSON parameter.

type Column = [name: string, type: string];

/**
 * Inserts queued on the transaction's connection without waiting for each:
 * PostgreSQL works through them while this process builds the next rows (the
 * two share a 2-core machine, so overlapping them is most of the speed).
 * Statements run in the order queued; `done` waits for all and throws the
 * first failure.
 */
function streamWriter(tx: Tx) {
  const pending: Promise<unknown>[] = [];
  const queue = (q: PromiseLike<unknown>) => {
    const p = Promise.resolve(q);
    p.catch(() => undefined); // awaited in done(); not an unhandled rejection meanwhile
    pending.push(p);
  };
  return {
    insert(table: string, columns: Column[], rows: Record<string, unknown>[], chunk = 5000) {
      const names = columns.map(([n]) => n).join(', ');
      const defs = columns.map(([n, t]) => `${n} ${t}`).join(', ');
      for (let i = 0; i < rows.length; i += chunk) {
        const json = JSON.stringify(rows.slice(i, i + chunk));
        queue(
          tx.execute(
            sql`insert into ${sql.raw(table)} (${sql.raw(names)}) select ${sql.raw(names)} from json_to_recordset(${json}::json) as r(${sql.raw(defs)})`,
          ),
        );
      }
    },
    execute(statement: ReturnType<typeof sql>) {
      queue(tx.execute(statement));
    },
    done: () => Promise.all(pending),
  };
}

const ORDER_COLUMNS: Column[] = [
  ['id', 'int'],
  ['number', 'text'],
  ['buyer_id', 'int'],
  ['buyer_path', 'int[]'],
  ['root_id', 'int'],
  ['seller_id', 'int'],
  ['service_provider_id', 'int'],
  ['placed_by_user_id', 'int'],
  ['status', 'order_status'],
  ['channel', 'order_channel'],
  ['subtotal', 'bigint'],
  ['discount_total', 'bigint'],
  ['total', 'bigint'],
  ['ship_to_line1', 'text'],
  ['ship_to_city', 'text'],
  ['ship_to_region_code', 'text'],
  ['ship_to_postal_code', 'text'],
  ['ship_to_latitude', 'float8'],
  ['ship_to_longitude', 'float8'],
  ['note', 'text'],
  ['flagged', 'boolean'],
  ['idempotency_key', 'text'],
  ['request_hash', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const LINE_COLUMNS: Column[] = [
  ['id', 'int'],
  ['order_id', 'int'],
  ['line_no', 'int'],
  ['variant_id', 'int'],
  ['sku', 'text'],
  ['quantity', 'int'],
  ['list_price', 'bigint'],
  ['unit_price', 'bigint'],
  ['line_total', 'bigint'],
  ['price_steps', 'jsonb'],
];
const FULFILLMENT_COLUMNS: Column[] = [
  ['id', 'int'],
  ['order_id', 'int'],
  ['warehouse_id', 'int'],
  ['status', 'fulfillment_status'],
  ['routing_reason', 'text'],
  ['tracking_number', 'text'],
  ['batch_codes', 'text[]'],
  ['shipped_at', 'timestamptz'],
  ['delivered_at', 'timestamptz'],
];
const FULFILLMENT_LINE_COLUMNS: Column[] = [
  ['id', 'int'],
  ['fulfillment_id', 'int'],
  ['order_line_id', 'int'],
  ['variant_id', 'int'],
  ['sku', 'text'],
  ['quantity', 'int'],
];
const EVENT_COLUMNS: Column[] = [
  ['id', 'int'],
  ['order_id', 'int'],
  ['at', 'timestamptz'],
  ['kind', 'text'],
  ['status', 'order_status'],
  ['actor_user_id', 'int'],
  ['actor', 'text'],
  ['note', 'text'],
];
const MOVEMENT_COLUMNS: Column[] = [
  ['id', 'bigint'],
  ['warehouse_id', 'int'],
  ['variant_id', 'int'],
  ['on_hand_delta', 'int'],
  ['reserved_delta', 'int'],
  ['reason', 'text'],
  ['order_id', 'int'],
  ['at', 'timestamptz'],
];
const STOCK_COLUMNS: Column[] = [
  ['warehouse_id', 'int'],
  ['variant_id', 'int'],
  ['on_hand', 'int'],
  ['reserved', 'int'],
  ['updated_at', 'timestamptz'],
];

/** Orders are written in chunks of this many while the rest are still being drafted. */
const EMIT_EVERY = 2000;

/** A timestamptz as epoch milliseconds (a plain number, whatever the session's type parsers). */
const epochMs = (column: ReturnType<typeof sql>) => sql`(extract(epoch from ${column}) * 1000)::float8`;

async function maxId(tx: Tx, table: string): Promise<number> {
  const [row] = await tx.execute<{ m: number }>(
    sql`select coalesce(max(id), 0)::bigint::float8 as m from ${sql.raw(table)}`,
  );
  return Number(row.m);
}

function fixSequenceStatement(table: string) {
  return sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest((select max(id) from ${sql.raw(table)}), 1), (select max(id) is not null from ${sql.raw(table)}))`;
}

// ---------------------------------------------------------------------------
// Loaded facts.

interface Account {
  id: number;
  parentId: number | null;
  path: number[];
  rootId: number;
  name: string;
  tier: Tier;
  territory: string[];
  line1: string | null;
  city: string | null;
  regionCode: string | null;
  postalCode: string | null;
  lat: number | null;
  lon: number | null;
  creditLimit: bigint | null;
}

interface User {
  id: number;
  name: string;
  roles: string[];
}

interface Variant {
  id: number;
  sku: string;
  moq: number;
  inc: number;
  srp: number;
  categoryId: number | null;
  /** Top-level demo category key, for popularity and seasons. */
  top: string;
}

interface Warehouse {
  id: number;
  ownerId: number;
  name: string;
  kind: 'CENTRAL' | 'REGIONAL' | 'PARTNER';
  lat: number;
  lon: number;
  coverage: string[];
}

interface Candidate {
  warehouse: Warehouse;
  /** 0: the seller's own; 1: its seller's; ... */
  level: number;
  km: number;
}

type Status = 'SUBMITTED' | 'ALLOCATED' | 'SHIPPED' | 'COMPLETED' | 'CANCELLED';
type Channel = 'ONLINE' | 'OFFLINE' | 'PHONE' | 'ERP';

interface Line {
  variant: Variant;
  quantity: number;
  price: PriceResult;
}

interface Draft {
  at: number;
  buyer: Account;
  seller: Account;
  channel: Channel;
  note: string | null;
  lines: Line[];
  status: Status;
  confirmAt: number | null;
  shipAt: number | null;
  deliverAt: number | null;
  cancelAt: number | null;
  cancelledBy: 'buyer' | 'seller' | null;
  cancelReason: string | null;
  candidate: Candidate;
  tracking: string | null;
  batchCodes: string[];
}

const OPEN: ReadonlySet<Status> = new Set(['SUBMITTED', 'ALLOCATED', 'SHIPPED']);
const PENDING: ReadonlySet<Status> = new Set(['SUBMITTED', 'ALLOCATED']);

// Order shape per buyer tier.
const BUYER_TIERS = ['RETAILER', 'DISTRIBUTOR', 'GENERAL_AGENT'] as const;
type BuyerTier = (typeof BUYER_TIERS)[number];
const TIER_SHARE: Record<BuyerTier, number> = { RETAILER: 0.85, DISTRIBUTOR: 0.12, GENERAL_AGENT: 0.03 };
const LINE_COUNT_WEIGHTS: Record<BuyerTier, number[]> = {
  RETAILER: [34, 28, 20, 11, 7],
  DISTRIBUTOR: [12, 18, 26, 24, 20],
  GENERAL_AGENT: [8, 14, 24, 26, 28],
};
/** Median list value of a line in CNY, and the usual fraction of the suggested retail price the tier pays. */
const LINE_TARGET: Record<BuyerTier, number> = { RETAILER: 2200, DISTRIBUTOR: 18000, GENERAL_AGENT: 110000 };
const PRICE_FACTOR: Record<BuyerTier, number> = { RETAILER: 0.78, DISTRIBUTOR: 0.55, GENERAL_AGENT: 0.45 };
const MAX_PACKS: Record<BuyerTier, number> = { RETAILER: 24, DISTRIBUTOR: 200, GENERAL_AGENT: 1500 };

const CATEGORY_WEIGHT: Record<string, number> = {
  purifiers: 3,
  filters: 4,
  dispensers: 1.5,
  'whole-house': 0.8,
  kitchen: 1.2,
  accessories: 1.5,
};
/** Regional momentum, by general agent: East China grows fastest. */
const REGION_TREND: Record<string, [number, number]> = {
  'agent-south': [1.0, 1.15],
  'agent-east': [0.75, 1.45],
  'agent-north': [0.9, 1.15],
};

// ---------------------------------------------------------------------------

export async function seedWarehousesAndOrders(
  tx: Tx,
  accountIds: Map<string, number>,
  options: { orders?: number; now?: Date } = {},
): Promise<{ warehouses: number; orders: number; lines: number }> {
  const now = (options.now ?? new Date()).getTime();
  const wanted = Math.max(0, Math.floor(options.orders ?? 20_000));
  const keyOfId = new Map([...accountIds].map(([k, v]) => [v, k]));

  // ----- Accounts and users ---------------------------------------------------
  const accountRows = accountIds.size
    ? await tx
        .select()
        .from(accounts)
        .where(inArray(accounts.id, [...accountIds.values()]))
    : [];
  const byId = new Map<number, Account>(
    accountRows.map((a) => [
      a.id,
      {
        id: a.id,
        parentId: a.parentId,
        path: a.path,
        rootId: a.rootId,
        name: a.name,
        tier: a.tier,
        territory: a.territory,
        line1: a.addressLine1,
        city: a.addressCity,
        regionCode: a.addressRegionCode,
        postalCode: a.addressPostalCode,
        lat: a.latitude,
        lon: a.longitude,
        creditLimit: a.creditLimit,
      },
    ]),
  );
  const userRows = byId.size
    ? await tx
        .select({ id: users.id, accountId: users.accountId, name: users.name, roles: users.roles })
        .from(users)
        .where(inArray(users.accountId, [...byId.keys()]))
    : [];
  const usersOf = new Map<number, User[]>();
  for (const u of userRows.sort((a, b) => a.id - b.id))
    usersOf.set(u.accountId, [...(usersOf.get(u.accountId) ?? []), u]);
  const userWith = (accountId: number, ...roles: string[]): User | null => {
    const list = usersOf.get(accountId) ?? [];
    for (const r of roles) {
      const u = list.find((x) => x.roles.includes(r));
      if (u) return u;
    }
    return list[0] ?? null;
  };
  const actor = (u: User | null, accountId: number) =>
    u ? { id: u.id, name: `${u.name} (${byId.get(accountId)!.name})` } : { id: null, name: 'system' };

  // ----- Catalog and assortments ---------------------------------------------
  const topOfSku = new Map<string, string>();
  const parentOfCategory = new Map(demoCategories.map((c) => [c.key, c.parentKey ?? c.key]));
  for (const p of demoProducts)
    for (const v of p.variants) topOfSku.set(v.sku, parentOfCategory.get(p.categoryKey) ?? 'accessories');
  const variantRows = await tx.execute<{
    id: number;
    sku: string;
    moq: number;
    inc: number;
    srp: string | null;
    category_id: number | null;
  }>(sql`
    select v.id, v.sku, v.min_order_quantity as moq, v.order_increment as inc, v.suggested_retail_price::text as srp, p.category_id
    from variants v join products p on p.id = v.product_id order by v.id`);
  const allVariants: Variant[] = variantRows.map((v) => ({
    id: v.id,
    sku: v.sku,
    moq: v.moq,
    inc: v.inc,
    srp: v.srp === null ? 100 : Number(v.srp) / 100,
    categoryId: v.category_id,
    top: topOfSku.get(v.sku) ?? 'accessories',
  }));

  const assortmentRows = await tx.execute<{ seller_id: number; include_all: boolean }>(
    sql`select seller_id, include_all from assortments`,
  );
  const itemRows = await tx.execute<{ seller_id: number; variant_id: number }>(
    sql`select seller_id, variant_id from assortment_items`,
  );
  const restricted = new Map<number, Set<number>>();
  for (const a of assortmentRows) if (!a.include_all) restricted.set(a.seller_id, new Set());
  for (const i of itemRows) restricted.get(i.seller_id)?.add(i.variant_id);
  /** What an account offers its buyers: a variant every account on its path (itself included) carries (catalog/scope.ts). */
  const offers = new Map<number, Variant[]>();
  const offerOf = (accountId: number): Variant[] => {
    let o = offers.get(accountId);
    if (!o) {
      const sets = byId
        .get(accountId)!
        .path.map((id) => restricted.get(id))
        .filter((s): s is Set<number> => s !== undefined);
      o = allVariants.filter((v) => sets.every((s) => s.has(v.id)));
      offers.set(accountId, o);
    }
    return o;
  };

  // ----- Warehouses -------------------------------------------------------------
  const warehouseValues = demoWarehouses
    .filter((w) => accountIds.has(w.ownerKey) && byId.has(accountIds.get(w.ownerKey)!))
    .map((w) => {
      const owner = byId.get(accountIds.get(w.ownerKey)!)!;
      const coverage = (w.coverage ?? owner.territory).filter((c) => owner.territory.some((t) => regionContains(t, c)));
      return {
        ownerId: owner.id,
        name: w.name,
        kind: w.kind,
        addressLine1: w.address.line1,
        addressCity: w.address.city,
        addressRegionCode: w.address.regionCode,
        addressPostalCode: w.address.postalCode,
        latitude: w.address.latitude,
        longitude: w.address.longitude,
        coverage: coverage.length ? coverage : owner.territory,
        createdAt: new Date(now - 760 * DAY),
      };
    })
    .filter((w) => w.coverage.length > 0);
  const insertedWarehouses = warehouseValues.length
    ? await tx
        .insert(warehouses)
        .values(warehouseValues)
        .returning({ id: warehouses.id, name: warehouses.name, ownerId: warehouses.ownerId })
    : [];
  const idOfWarehouse = new Map(insertedWarehouses.map((w) => [`${w.ownerId}|${w.name}`, w.id]));
  const allWarehouses: Warehouse[] = warehouseValues.map((w) => ({
    id: idOfWarehouse.get(`${w.ownerId}|${w.name}`)!,
    ownerId: w.ownerId,
    name: w.name,
    kind: w.kind,
    lat: w.latitude,
    lon: w.longitude,
    coverage: w.coverage,
  }));

  // ----- Base stock (before the open orders' reservations) ----------------------
  const stockRng = mulberry32(0x5eed_57c0);
  const stockClass = new Map<number, 'OUT' | 'LOW' | 'NORMAL'>();
  for (const v of allVariants) {
    const r = stockRng();
    stockClass.set(v.id, r < 0.02 ? 'OUT' : r < 0.05 ? 'LOW' : 'NORMAL');
  }
  const RANGE: Record<string, [number, number]> = { CENTRAL: [200, 2000], REGIONAL: [50, 500], PARTNER: [5, 80] };
  const LOW_MAX: Record<string, number> = { CENTRAL: 3, REGIONAL: 2, PARTNER: 1 };
  const base = new Map<string, number>(); // `${warehouseId}|${variantId}`
  const stockedVariants = new Map<number, Variant[]>(); // warehouse id -> variants with a row
  for (const w of allWarehouses) {
    const offered = offerOf(w.ownerId);
    stockedVariants.set(w.id, offered);
    for (const v of offered) {
      const cls = stockClass.get(v.id)!;
      let units: number;
      if (cls === 'OUT') units = 0;
      else if (cls === 'LOW') units = intBetween(stockRng, 0, LOW_MAX[w.kind]);
      else if (w.kind === 'PARTNER' && stockRng() < 0.05)
        units = 0; // sold out locally: served from upstream
      else {
        const [lo, hi] = RANGE[w.kind];
        const cheap = Math.min(12, Math.max(1, 400 / Math.max(v.srp, 1)));
        units = Math.round(between(stockRng, lo, hi) * cheap);
        units = Math.ceil(units / v.inc) * v.inc;
      }
      base.set(`${w.id}|${v.id}`, units);
    }
  }

  // ----- Pricing facts: per seller, for every variant, loaded once ------------------
  const sellerIds = [
    ...new Set([...byId.values()].filter((a) => a.parentId !== null && byId.has(a.parentId)).map((a) => a.parentId!)),
  ];
  const floorsByTier = new Map<Tier, Map<number, bigint>>();
  const sellerLists = new Map<
    number,
    (Omit<PriceListFacts, 'entries'> & { byVariant: Map<number, PriceListFacts['entries']> })[]
  >();
  const sellerPromotions = new Map<number, PromotionFacts[]>();
  if (sellerIds.length) {
    const ids = sql`ARRAY[${sql.join(
      sellerIds.map((id) => sql`${id}`),
      sql`, `,
    )}]::int[]`;
    const lists = await tx.execute<{
      id: number;
      owner_id: number;
      name: string;
      priority: number;
      valid_from: number | null;
      valid_to: number | null;
    }>(
      sql`select id, owner_id, name, priority, ${epochMs(sql`valid_from`)} as valid_from, ${epochMs(sql`valid_to`)} as valid_to from price_lists where owner_id = any(${ids}) order by id`,
    );
    const assignments = await tx.execute<{
      price_list_id: number;
      account_id: number | null;
      region_code: string | null;
      tier: Tier | null;
    }>(
      sql`select a.price_list_id, a.account_id, a.region_code, a.tier from price_list_assignments a join price_lists l on l.id = a.price_list_id where l.owner_id = any(${ids}) order by a.id`,
    );
    const entries = await tx.execute<{
      price_list_id: number;
      variant_id: number;
      min_quantity: number;
      price: string;
    }>(
      sql`select e.price_list_id, e.variant_id, e.min_quantity, e.price::text from price_list_entries e join price_lists l on l.id = e.price_list_id where l.owner_id = any(${ids})`,
    );
    const promos = await tx.execute<{
      id: number;
      owner_id: number;
      name: string;
      kind: 'PERCENT_OFF' | 'AMOUNT_OFF';
      value: string;
      valid_from: number | null;
      valid_to: number | null;
      stackable: boolean;
      tiers: string;
      region_codes: string[];
      account_ids: number[];
      variant_ids: number[];
      category_ids: number[];
    }>(sql`select id, owner_id, name, kind, value::text, ${epochMs(sql`valid_from`)} as valid_from, ${epochMs(sql`valid_to`)} as valid_to, stackable, tiers::text[] as tiers, region_codes, account_ids, variant_ids, category_ids
           from promotions where owner_id = any(${ids}) order by id`);
    const floors = await tx.execute<{ variant_id: number; tier: Tier; amount: string }>(
      sql`select variant_id, tier, amount::text from price_floors`,
    );

    const date = (ms: number | null) => (ms === null ? null : new Date(ms));
    const assignmentsOf = new Map<number, PriceListFacts['assignments']>();
    for (const a of assignments)
      assignmentsOf.set(a.price_list_id, [
        ...(assignmentsOf.get(a.price_list_id) ?? []),
        { accountId: a.account_id, regionCode: a.region_code, tier: a.tier },
      ]);
    const entriesOf = new Map<number, Map<number, PriceListFacts['entries']>>();
    for (const e of entries) {
      let m = entriesOf.get(e.price_list_id);
      if (!m) entriesOf.set(e.price_list_id, (m = new Map()));
      m.set(e.variant_id, [
        ...(m.get(e.variant_id) ?? []),
        { variantId: e.variant_id, minQuantity: e.min_quantity, price: BigInt(e.price) },
      ]);
    }
    for (const l of lists) {
      sellerLists.set(l.owner_id, [
        ...(sellerLists.get(l.owner_id) ?? []),
        {
          id: l.id,
          name: l.name,
          priority: l.priority,
          validFrom: date(l.valid_from),
          validTo: date(l.valid_to),
          assignments: assignmentsOf.get(l.id) ?? [],
          byVariant: entriesOf.get(l.id) ?? new Map(),
        },
      ]);
    }
    for (const p of promos) {
      sellerPromotions.set(p.owner_id, [
        ...(sellerPromotions.get(p.owner_id) ?? []),
        {
          id: p.id,
          name: p.name,
          kind: p.kind,
          value: BigInt(p.value),
          validFrom: date(p.valid_from),
          validTo: date(p.valid_to),
          stackable: p.stackable,
          tiers: (Array.isArray(p.tiers) ? p.tiers : []) as Tier[],
          regionCodes: p.region_codes,
          accountIds: p.account_ids,
          variantIds: p.variant_ids,
          categoryIds: p.category_ids,
        },
      ]);
    }
    for (const f of floors) {
      let m = floorsByTier.get(f.tier);
      if (!m) floorsByTier.set(f.tier, (m = new Map()));
      m.set(f.variant_id, BigInt(f.amount));
    }
  }
  /** The engine's input for one seller, buyer tier and variant (lists trimmed to that variant's entries). */
  const pricingCache = new Map<string, PricingData>();
  const pricingFor = (sellerId: number, tier: Tier, variantId: number): PricingData => {
    const key = `${sellerId}|${tier}|${variantId}`;
    let data = pricingCache.get(key);
    if (!data) {
      data = {
        lists: (sellerLists.get(sellerId) ?? []).map(({ byVariant, ...l }) => ({
          ...l,
          entries: byVariant.get(variantId) ?? [],
        })),
        promotions: sellerPromotions.get(sellerId) ?? [],
        floors: floorsByTier.get(tier) ?? new Map(),
      };
      pricingCache.set(key, data);
    }
    return data;
  };
  const price = (buyer: Account, v: Variant, quantity: number, at: number): PriceResult | null => {
    const facts: BuyerFacts = { accountId: buyer.id, tier: buyer.tier, regionCode: buyer.regionCode };
    const variant: VariantFacts = { variantId: v.id, sku: v.sku, categoryId: v.categoryId };
    return resolvePrice(facts, variant, quantity, new Date(at), pricingFor(buyer.parentId!, buyer.tier, v.id));
  };

  // ----- Buyers, their candidates and what they can buy ---------------------------
  const agentKeyOf = (a: Account): string => {
    const agentId = a.path[1];
    return agentId === undefined ? 'brand' : (keyOfId.get(agentId) ?? 'brand');
  };
  const buyersByTier = new Map<BuyerTier, Account[]>(BUYER_TIERS.map((t) => [t, []]));
  const candidatesOf = new Map<number, Candidate[]>();
  for (const a of [...byId.values()].sort((x, y) => x.id - y.id)) {
    if (a.parentId === null || !byId.has(a.parentId) || !a.regionCode || a.tier === 'BRAND') continue;
    const chain = a.path.slice(0, -1).reverse(); // seller first
    const cands: Candidate[] = allWarehouses
      .filter((w) => chain.includes(w.ownerId) && w.coverage.some((c) => regionContains(c, a.regionCode!)))
      .map((w) => ({
        warehouse: w,
        level: chain.indexOf(w.ownerId),
        km: a.lat != null && a.lon != null ? distanceKm({ lat: w.lat, lon: w.lon }, { lat: a.lat, lon: a.lon }) : 0,
      }))
      .sort((x, y) => x.level - y.level || x.km - y.km || x.warehouse.id - y.warehouse.id);
    if (!cands.length || !offerOf(a.parentId).length) continue;
    candidatesOf.set(a.id, cands);
    buyersByTier.get(a.tier)!.push(a);
  }

  // Popularity of each variant, and per seller and week of the year the cumulative weights of its offer (the categories' seasons).
  const orderRng = mulberry32(0x0bde_2026);
  const popularity = new Map(
    allVariants.map((v) => [v.id, (CATEGORY_WEIGHT[v.top] ?? 1) * (0.15 + 2.5 * orderRng() ** 3)]),
  );
  const offerWeights = new Map<string, number[]>();
  const offerCumulative = (sellerId: number, week: number): number[] => {
    const key = `${sellerId}|${week}`;
    let c = offerWeights.get(key);
    if (!c)
      offerWeights.set(
        key,
        (c = cumulate(offerOf(sellerId).map((v) => popularity.get(v.id)! * categorySeason(v.top, week * 7 + 3)))),
      );
    return c;
  };

  // ----- Order times -------------------------------------------------------------
  const startDay = localDay(now - 730 * DAY);
  const endDay = localDay(now);
  const OPEN_HOUR = 8.5;
  const BUSINESS_HOURS = 13;
  const days: number[] = [];
  const weights: number[] = [];
  const usable: number[] = []; // fraction of the business day usable (the last day ends now)
  for (let d = startDay; d <= endDay; d++) {
    const first = dayStart(d) + OPEN_HOUR * HOUR;
    const f = Math.min(1, Math.max(0, (now - 60_000 - first) / (BUSINESS_HOURS * HOUR)));
    if (f <= 0) continue;
    days.push(d);
    usable.push(f);
    // Day-to-day noise on top of the model (lognormal, about ±15%), as real order books have.
    weights.push(dayWeight(d, (d - startDay) / 365.25) * Math.exp(0.15 * normal(orderRng)) * f);
  }
  // Systematic sampling: each day gets its share of the orders to within one, so the pattern
  // holds for a small history (tests seed 3,000 orders) as well as for the full one.
  const dayCumulative = cumulate(weights);
  const total = dayCumulative.at(-1) ?? 0;
  const times: number[] = [];
  const offset = orderRng();
  let k = 0;
  for (let i = 0; i < wanted && total > 0; i++) {
    const x = ((i + offset) / wanted) * total;
    while (dayCumulative[k] <= x && k < days.length - 1) k++;
    const u = ((orderRng() + orderRng() + orderRng()) / 3) * usable[k]; // busiest around midday
    times.push(Math.floor(dayStart(days[k]) + OPEN_HOUR * HOUR + u * BUSINESS_HOURS * HOUR));
  }
  times.sort((a, b) => a - b);

  // ----- Drafting orders -------------------------------------------------------------
  const totalOf = (lines: Line[]) => lines.reduce((s, l) => s + l.price.amount * BigInt(l.quantity), 0n);
  const creditUsed = new Map<number, bigint>();
  const virtualReserved = new Map<string, number>();
  const pickBuyer = (tier: BuyerTier, progress: number): Account | null => {
    const list = buyersByTier.get(tier)!;
    if (!list.length) return null;
    const w = list.map((a) => {
      const [from, to] = REGION_TREND[agentKeyOf(a)] ?? [1, 1];
      const credit = a.creditLimit === null ? 1_000_000 : Number(a.creditLimit) / 100;
      return Math.sqrt(Math.max(credit, 1)) * (from + (to - from) * progress);
    });
    return list[pickIndex(cumulate(w), orderRng)];
  };
  const tierCumulative = cumulate(BUYER_TIERS.map((t) => (buyersByTier.get(t)!.length ? TIER_SHARE[t] : 0)));

  function draftLines(buyer: Account, at: number, week: number): Line[] {
    const tier = buyer.tier as BuyerTier;
    const offer = offerOf(buyer.parentId!);
    const cumulative = offerCumulative(buyer.parentId!, week);
    const n = Math.min(offer.length, pickIndex(cumulate(LINE_COUNT_WEIGHTS[tier]), orderRng) + 1);
    const chosen = new Set<number>();
    const lines: Line[] = [];
    for (let tries = 0; lines.length < n && tries < n * 4; tries++) {
      const v = offer[pickIndex(cumulative, orderRng)];
      if (chosen.has(v.id)) continue;
      chosen.add(v.id);
      const unitEstimate = v.srp * PRICE_FACTOR[tier] * v.inc;
      const target = LINE_TARGET[tier] * Math.exp(0.7 * normal(orderRng));
      const minPacks = Math.ceil(v.moq / v.inc);
      let packs = Math.max(minPacks, Math.round(target / Math.max(unitEstimate, 1)));
      packs = Math.min(packs, Math.max(minPacks, MAX_PACKS[tier]));
      if (tier === 'RETAILER' && v.srp > 3000) packs = Math.min(packs, Math.max(minPacks, 3));
      const quantity = packs * v.inc;
      const p = price(buyer, v, quantity, at);
      if (p) lines.push({ variant: v, quantity, price: p });
    }
    return lines;
  }

  /** Shrinks an order (smaller quantities, then fewer lines) until it fits `room`; false if it cannot. */
  function shrinkToFit(buyer: Account, lines: Line[], at: number, room: bigint): boolean {
    for (let guard = 0; guard < 200; guard++) {
      if (lines.length === 0) return false;
      if (totalOf(lines) <= room) return true;
      const byValue = [...lines].sort((a, b) =>
        b.price.amount * BigInt(b.quantity) > a.price.amount * BigInt(a.quantity) ? 1 : -1,
      );
      const shrinkable = byValue.find((l) => l.quantity > Math.ceil(l.variant.moq / l.variant.inc) * l.variant.inc);
      if (shrinkable) {
        const v = shrinkable.variant;
        const minPacks = Math.ceil(v.moq / v.inc);
        const packs = Math.max(minPacks, Math.floor(shrinkable.quantity / v.inc / 2));
        const p = price(buyer, v, packs * v.inc, at);
        if (p) {
          shrinkable.quantity = packs * v.inc;
          shrinkable.price = p;
        } else lines.splice(lines.indexOf(shrinkable), 1);
      } else if (lines.length > 1) lines.splice(lines.indexOf(byValue[0]), 1);
      else return false;
    }
    return false;
  }

  const canServe = (w: Warehouse, lines: Line[], pending: boolean) =>
    lines.every(
      (l) =>
        (base.get(`${w.id}|${l.variant.id}`) ?? -1) -
          (pending ? (virtualReserved.get(`${w.id}|${l.variant.id}`) ?? 0) : 0) >=
        l.quantity,
    );

  // ----- Rows, written as the drafts come ---------------------------------------------------
  const writer = streamWriter(tx);
  const orderBase = await maxId(tx, 'orders');
  let lineId = await maxId(tx, 'order_lines');
  let fulfillmentId = await maxId(tx, 'fulfillments');
  let fulfillmentLineId = await maxId(tx, 'fulfillment_lines');
  let eventId = await maxId(tx, 'order_events');
  let movementId = await maxId(tx, 'stock_movements');
  const iso = (t: number) => new Date(t).toISOString();
  const movementRows: Record<string, unknown>[] = [];
  const reserved = new Map<string, number>();
  let firstReservation = now;
  let lineCount = 0;
  let emitted = 0;

  const drafts: Draft[] = [];
  for (const at of times) {
    const dayNo = localDay(at);
    const progress = (dayNo - startDay) / Math.max(1, endDay - startDay);
    const week = Math.min(52, Math.floor(calendar(dayNo).dayOfYear / 7));
    const tier = BUYER_TIERS[pickIndex(tierCumulative, orderRng)];
    let placed: Draft | null = null;
    for (let attempt = 0; attempt < 6 && !placed; attempt++) {
      const buyer = pickBuyer(tier, progress);
      if (!buyer) break;
      const seller = byId.get(buyer.parentId!)!;
      const lines = draftLines(buyer, at, week);
      if (!lines.length) continue;

      // Channel: online grows over the two years.
      const r = orderRng();
      let channel: Channel;
      if (tier === 'RETAILER')
        channel =
          r < 0.42 + 0.38 * progress
            ? 'ONLINE'
            : (['OFFLINE', 'PHONE', 'ERP'] as const)[pickIndex([45, 90, 100], orderRng)];
      else if (tier === 'DISTRIBUTOR')
        channel =
          r < 0.35 + 0.35 * progress
            ? 'ONLINE'
            : (['ERP', 'PHONE', 'OFFLINE'] as const)[pickIndex([50, 80, 100], orderRng)];
      else
        channel =
          r < 0.2 + 0.2 * progress
            ? 'ONLINE'
            : (['ERP', 'PHONE', 'OFFLINE'] as const)[pickIndex([75, 90, 100], orderRng)];
      const noteRoll = orderRng();
      const season = seasonNote(dayNo);
      const note =
        noteRoll < 0.05 && season
          ? season
          : noteRoll < 0.09
            ? GENERAL_NOTES[Math.floor(orderRng() * GENERAL_NOTES.length)]
            : null;

      // Timeline: confirmation (with allocation), shipping, delivery (the buyer's receipt completes it).
      const fast = channel === 'ERP' || tier !== 'RETAILER';
      const confirmAt = at + Math.round((fast ? between(orderRng, 0.3, 8) : between(orderRng, 0.5, 26)) * HOUR);
      const shipAt = confirmAt + Math.round(between(orderRng, 3, 60) * HOUR);
      const km =
        buyer.lat != null && seller.lat != null
          ? distanceKm({ lat: buyer.lat, lon: buyer.lon! }, { lat: seller.lat, lon: seller.lon! })
          : 50;
      const transitDays = 0.4 + km / 700 + between(orderRng, 0, 1.2);
      const receiptLag = -Math.log(1 - orderRng()) * (tier === 'RETAILER' ? 1.2 : 2);
      const deliverAt = shipAt + Math.round(Math.min(10, transitDays + receiptLag) * DAY);
      let cancelAt: number | null = null;
      let cancelledBy: Draft['cancelledBy'] = null;
      if (orderRng() < 0.03) {
        cancelledBy = orderRng() < 0.6 ? 'buyer' : 'seller';
        cancelAt =
          cancelledBy === 'buyer'
            ? at + Math.round(between(orderRng, 0.2, 0.9) * (confirmAt - at))
            : confirmAt + Math.round(between(orderRng, 0.1, 0.9) * (shipAt - confirmAt));
      }
      let status: Status;
      if (cancelAt !== null)
        status =
          cancelAt <= now ? 'CANCELLED' : cancelledBy === 'seller' && confirmAt <= now ? 'ALLOCATED' : 'SUBMITTED';
      else
        status =
          deliverAt <= now ? 'COMPLETED' : shipAt <= now ? 'SHIPPED' : confirmAt <= now ? 'ALLOCATED' : 'SUBMITTED';
      if (cancelAt !== null && status !== 'CANCELLED') cancelAt = null;

      // Credit: the open orders of a buyer never exceed its limit.
      if (OPEN.has(status) && buyer.creditLimit !== null) {
        const room = buyer.creditLimit - (creditUsed.get(buyer.id) ?? 0n);
        if (!shrinkToFit(buyer, lines, at, room)) continue;
      }

      // Routing: one warehouse serving the whole order, the seller's own first, nearest first.
      const pending = PENDING.has(status);
      const cands = candidatesOf.get(buyer.id)!;
      const candidate = cands.find((c) => canServe(c.warehouse, lines, pending)) ?? cands[0];
      if (pending) {
        for (const l of lines) {
          const k = `${candidate.warehouse.id}|${l.variant.id}`;
          virtualReserved.set(k, (virtualReserved.get(k) ?? 0) + l.quantity);
        }
      }
      if (OPEN.has(status)) creditUsed.set(buyer.id, (creditUsed.get(buyer.id) ?? 0n) + totalOf(lines));

      const shipped = status === 'SHIPPED' || status === 'COMPLETED';
      const tracking =
        shipped && orderRng() < 0.75
          ? `SF${String(1_000_000_000_000 + Math.floor(orderRng() * 8_999_999_999_999)).slice(0, 13)}`
          : null;
      const batchCodes: string[] = [];
      if (shipped && orderRng() < 0.45) {
        const count = orderRng() < 0.7 ? 1 : 2;
        for (let i = 0; i < count; i++) {
          const made = new Date(shipAt + CST - Math.round(between(orderRng, 7, 90)) * DAY);
          const code = `QY${made.getUTCFullYear()}B${String(made.getUTCMonth() + 1).padStart(2, '0')}${String(made.getUTCDate()).padStart(2, '0')}`;
          if (!batchCodes.includes(code)) batchCodes.push(code);
        }
      }
      const reasons =
        cancelledBy === 'buyer'
          ? [
              '买家取消：重复下单 Duplicate order',
              '买家取消：客户退订 Customer cancelled',
              '买家取消：改订其他型号 Changed model',
            ]
          : [
              '卖方取消：地址无法送达 Address not serviceable',
              "卖方取消：买家要求取消 Cancelled at the buyer's request",
              '卖方取消：价格调整后重新下单 Re-placed after a price change',
            ];
      placed = {
        at,
        buyer,
        seller,
        channel,
        note,
        lines,
        status,
        confirmAt: status === 'SUBMITTED' || (status === 'CANCELLED' && cancelledBy === 'buyer') ? null : confirmAt,
        shipAt: shipped ? shipAt : null,
        deliverAt: status === 'COMPLETED' ? deliverAt : null,
        cancelAt,
        cancelledBy: status === 'CANCELLED' ? cancelledBy : null,
        cancelReason: status === 'CANCELLED' ? reasons[Math.floor(orderRng() * reasons.length)] : null,
        candidate,
        tracking,
        batchCodes,
      };
    }
    if (placed) drafts.push(placed);
    if (drafts.length - emitted >= EMIT_EVERY) emit();
  }
  emit();
  /** The rows of the drafts not written yet, queued for insert. */
  function emit(): void {
    const orderRows: Record<string, unknown>[] = [];
    const lineRows: Record<string, unknown>[] = [];
    const fulfillmentRows: Record<string, unknown>[] = [];
    const fulfillmentLineRows: Record<string, unknown>[] = [];
    const eventRows: Record<string, unknown>[] = [];
    for (let i = emitted; i < drafts.length; i++) {
      const d = drafts[i];
      const id = orderBase + i + 1;
      const subtotal = d.lines.reduce((s, l) => s + l.price.listPrice * BigInt(l.quantity), 0n);
      const total = totalOf(d.lines);
      const buyerUser = userWith(d.buyer.id, 'BUYER', 'ADMIN');
      const sellerAdmin = userWith(d.seller.id, 'ADMIN');
      const onBehalf = d.channel !== 'ONLINE';
      const placer = onBehalf ? sellerAdmin : buyerUser;
      const w = d.candidate.warehouse;
      const events: [
        number,
        string,
        Status | 'CONFIRMED' | 'DELIVERED' | null,
        { id: number | null; name: string },
        string | null,
      ][] = [];
      events.push([
        d.at,
        'SUBMITTED',
        'SUBMITTED',
        actor(placer, onBehalf ? d.seller.id : d.buyer.id),
        onBehalf ? `Placed on behalf of ${d.buyer.name} (${d.channel})` : d.note,
      ]);
      if (d.confirmAt !== null) {
        const a = actor(sellerAdmin, d.seller.id);
        events.push([d.confirmAt, 'CONFIRMED', 'CONFIRMED', a, null]);
        events.push([d.confirmAt, 'ALLOCATED', 'ALLOCATED', a, 'Stock reserved in 1 warehouse']);
      }
      if (d.shipAt !== null) {
        const a = actor(userWith(w.ownerId, 'SERVICE', 'ADMIN'), w.ownerId);
        events.push([
          d.shipAt,
          'FULFILLMENT_SHIPPED',
          null,
          a,
          `From ${w.name}${d.tracking ? `, tracking ${d.tracking}` : ''}`,
        ]);
        events.push([d.shipAt, 'SHIPPED', 'SHIPPED', a, null]);
      }
      if (d.deliverAt !== null) {
        const a = actor(buyerUser, d.buyer.id);
        events.push([d.deliverAt, 'DELIVERED', 'DELIVERED', a, null]);
        events.push([d.deliverAt, 'COMPLETED', 'COMPLETED', a, 'Every fulfillment delivered']);
      }
      if (d.status === 'CANCELLED') {
        const a = d.cancelledBy === 'buyer' ? actor(buyerUser, d.buyer.id) : actor(sellerAdmin, d.seller.id);
        events.push([d.cancelAt!, 'CANCELLED', 'CANCELLED', a, d.cancelReason]);
      }
      const updatedAt = Math.max(...events.map((e) => e[0]));

      orderRows.push({
        id,
        number: `SO-${new Date(d.at).getUTCFullYear()}-${String(id).padStart(7, '0')}`,
        buyer_id: d.buyer.id,
        buyer_path: d.buyer.path,
        root_id: d.buyer.rootId,
        seller_id: d.seller.id,
        service_provider_id: d.seller.id,
        placed_by_user_id: placer?.id ?? null,
        status: d.status,
        channel: d.channel,
        subtotal: subtotal.toString(),
        discount_total: (subtotal - total).toString(),
        total: total.toString(),
        ship_to_line1: d.buyer.line1 ?? '',
        ship_to_city: d.buyer.city,
        ship_to_region_code: d.buyer.regionCode,
        ship_to_postal_code: d.buyer.postalCode,
        ship_to_latitude: d.buyer.lat,
        ship_to_longitude: d.buyer.lon,
        note: d.note,
        flagged: false,
        idempotency_key: `seed-${id}`,
        request_hash: 'seed',
        created_at: iso(d.at),
        updated_at: iso(updatedAt),
      });
      const fid = ++fulfillmentId;
      const whose =
        ["the seller's own warehouse", "its seller's warehouse"][d.candidate.level] ?? 'an upstream warehouse';
      const fStatus =
        d.status === 'COMPLETED'
          ? 'DELIVERED'
          : d.status === 'SHIPPED'
            ? 'SHIPPED'
            : d.status === 'CANCELLED'
              ? 'CANCELLED'
              : 'PENDING';
      fulfillmentRows.push({
        id: fid,
        order_id: id,
        warehouse_id: w.id,
        status: fStatus,
        routing_reason: `Whole order from ${w.name} (${whose}, ${Math.round(d.candidate.km)} km away)`,
        tracking_number: d.tracking,
        batch_codes: d.batchCodes,
        shipped_at: d.shipAt === null ? null : iso(d.shipAt),
        delivered_at: d.deliverAt === null ? null : iso(d.deliverAt),
      });
      d.lines.forEach((l, n) => {
        const lid = ++lineId;
        lineRows.push({
          id: lid,
          order_id: id,
          line_no: n + 1,
          variant_id: l.variant.id,
          sku: l.variant.sku,
          quantity: l.quantity,
          list_price: l.price.listPrice.toString(),
          unit_price: l.price.amount.toString(),
          line_total: (l.price.amount * BigInt(l.quantity)).toString(),
          price_steps: l.price.steps.map((s) => ({
            kind: s.kind,
            description: s.description,
            amount: fromMinor(s.amount),
          })),
        });
        fulfillmentLineRows.push({
          id: ++fulfillmentLineId,
          fulfillment_id: fid,
          order_line_id: lid,
          variant_id: l.variant.id,
          sku: l.variant.sku,
          quantity: l.quantity,
        });
        if (fStatus === 'PENDING') {
          const k = `${w.id}|${l.variant.id}`;
          reserved.set(k, (reserved.get(k) ?? 0) + l.quantity);
          movementRows.push({
            id: ++movementId,
            warehouse_id: w.id,
            variant_id: l.variant.id,
            on_hand_delta: 0,
            reserved_delta: l.quantity,
            reason: 'RESERVE',
            order_id: id,
            at: iso(d.at),
          });
          firstReservation = Math.min(firstReservation, d.at);
        }
      });
      for (const [at, kind, status, who, note] of events) {
        eventRows.push({
          id: ++eventId,
          order_id: id,
          at: iso(at),
          kind,
          status,
          actor_user_id: who.id,
          actor: who.name,
          note,
        });
      }
    }
    emitted = drafts.length;
    lineCount += lineRows.length;
    writer.insert('orders', ORDER_COLUMNS, orderRows);
    writer.insert('order_lines', LINE_COLUMNS, lineRows);
    writer.insert('fulfillments', FULFILLMENT_COLUMNS, fulfillmentRows);
    writer.insert('fulfillment_lines', FULFILLMENT_LINE_COLUMNS, fulfillmentLineRows);
    writer.insert('order_events', EVENT_COLUMNS, eventRows, 10_000);
  }

  // Stock: on hand = base + what open orders hold; the opening count comes before any reservation.
  const stockRows: Record<string, unknown>[] = [];
  const countRows: Record<string, unknown>[] = [];
  const countAt = iso(firstReservation - DAY);
  for (const w of allWarehouses) {
    for (const v of stockedVariants.get(w.id)!) {
      const k = `${w.id}|${v.id}`;
      const held = reserved.get(k) ?? 0;
      const onHand = base.get(k)! + held;
      stockRows.push({ warehouse_id: w.id, variant_id: v.id, on_hand: onHand, reserved: held, updated_at: iso(now) });
      if (onHand > 0)
        countRows.push({
          warehouse_id: w.id,
          variant_id: v.id,
          on_hand_delta: onHand,
          reserved_delta: 0,
          reason: 'COUNT',
          order_id: null,
          at: countAt,
        });
    }
  }
  for (const [k, q] of reserved) {
    const [wid, vid] = k.split('|');
    if (!base.has(k)) throw new Error(`seed: warehouse ${wid} holds variant ${vid} it does not stock (${q} reserved)`);
  }
  const movements = [...countRows.map((r) => ({ id: ++movementId, ...r })), ...movementRows];

  // ----- The rest --------------------------------------------------------------------------
  writer.insert('stock_levels', STOCK_COLUMNS, stockRows);
  writer.insert('stock_movements', MOVEMENT_COLUMNS, movements);
  const credit = [...creditUsed].filter(([, used]) => used > 0n).map(([id, used]) => ({ id, used: used.toString() }));
  if (credit.length) {
    writer.execute(
      sql`update accounts a set credit_used = r.used from json_to_recordset(${JSON.stringify(credit)}::json) as r(id int, used bigint) where a.id = r.id`,
    );
  }
  for (const t of [
    'warehouses',
    'orders',
    'order_lines',
    'fulfillments',
    'fulfillment_lines',
    'order_events',
    'stock_movements',
  ])
    writer.execute(fixSequenceStatement(t));
  await writer.done();

  return { warehouses: allWarehouses.length, orders: drafts.length, lines: lineCount };
}
