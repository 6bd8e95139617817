/**
 * The benchmark's fixed dataset, the same rows in the same order on every run
 * (no randomness, no clock), written with one bulk statement per table
 * (json_populate_recordset) so a run loads it in a couple of seconds:
 *
 *   1 brand ── 3 general agents ── 10 distributors ── 100 retailers (10 each)
 *   20 categories (4 top-level, 16 leaves), 1,000 products × 2 variants, 2 media each
 *   assortments: the Shenzhen distributor offers every variant but 1 in 20 (V2 is exercised)
 *   price lists per tier: brand → agents, each agent → its distributors, each
 *     distributor → its retailers (with a quantity break), plus an account
 *     list per distributor for two of its retailers (two quantity breaks)
 *   floors for the RETAILER, DISTRIBUTOR and GENERAL_AGENT tiers on every variant
 *   3 live promotions (two of the Shenzhen distributor, one of the Shanghai one)
 *   14 warehouses (brand central, one per agent, one per distributor) with stock
 *     for every variant: 1 in 13 out of stock everywhere, 1 in 9 low, the rest plentiful
 *
 * Money is in fen (minor units), as the tables store it.
 */
import type postgres from 'postgres';
import { hashPassword } from '../../src/auth/password.js';

export const PRODUCTS = 1000;
export const VARIANTS_PER_PRODUCT = 2;
export const RETAILERS_PER_DISTRIBUTOR = 10;
export const BENCH_PASSWORD = 'bench-pass-2026';
/** Credit lines large enough that W2 never runs out (1e9 CNY). */
const CREDIT_LIMIT = 100_000_000_000;

interface City {
  key: string;
  name: string;
  code: string;
  districts: string[];
  lat: number;
  lon: number;
}

const AGENTS = [
  {
    key: 'agent-south',
    name: 'South China agent',
    territory: ['440000', '450000'],
    region: '440106',
    lat: 23.13,
    lon: 113.26,
  },
  {
    key: 'agent-east',
    name: 'East China agent',
    territory: ['310000', '320000', '330000'],
    region: '310104',
    lat: 31.19,
    lon: 121.44,
  },
  {
    key: 'agent-north',
    name: 'North China agent',
    territory: ['110000', '120000', '130000'],
    region: '110105',
    lat: 39.92,
    lon: 116.44,
  },
] as const;

/** Distributors: agent index, city, districts for their retailers (GB/T 2260 codes). */
const CITIES: (City & { agent: number })[] = [
  {
    agent: 0,
    key: 'shenzhen',
    name: 'Shenzhen',
    code: '440300',
    districts: ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311'],
    lat: 22.54,
    lon: 114.05,
  },
  {
    agent: 0,
    key: 'guangzhou',
    name: 'Guangzhou',
    code: '440100',
    districts: ['440103', '440104', '440105', '440106', '440111', '440112', '440113', '440114', '440115', '440117'],
    lat: 23.13,
    lon: 113.26,
  },
  {
    agent: 0,
    key: 'foshan',
    name: 'Foshan',
    code: '440600',
    districts: ['440604', '440605', '440606', '440607', '440608'],
    lat: 23.02,
    lon: 113.12,
  },
  {
    agent: 0,
    key: 'nanning',
    name: 'Nanning',
    code: '450100',
    districts: ['450102', '450103', '450105', '450107', '450108', '450109', '450110'],
    lat: 22.82,
    lon: 108.37,
  },
  {
    agent: 1,
    key: 'shanghai',
    name: 'Shanghai',
    code: '310100',
    districts: ['310101', '310104', '310105', '310106', '310107', '310109', '310110', '310112', '310113', '310114'],
    lat: 31.23,
    lon: 121.47,
  },
  {
    agent: 1,
    key: 'nanjing',
    name: 'Nanjing',
    code: '320100',
    districts: ['320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115', '320116', '320117'],
    lat: 32.06,
    lon: 118.8,
  },
  {
    agent: 1,
    key: 'hangzhou',
    name: 'Hangzhou',
    code: '330100',
    districts: ['330102', '330105', '330106', '330108', '330109', '330110', '330111', '330112', '330113', '330114'],
    lat: 30.27,
    lon: 120.16,
  },
  {
    agent: 2,
    key: 'beijing',
    name: 'Beijing',
    code: '110100',
    districts: ['110101', '110102', '110105', '110106', '110107', '110108', '110109', '110111', '110112', '110113'],
    lat: 39.9,
    lon: 116.41,
  },
  {
    agent: 2,
    key: 'tianjin',
    name: 'Tianjin',
    code: '120100',
    districts: ['120101', '120102', '120103', '120104', '120105', '120106', '120110', '120111', '120112', '120113'],
    lat: 39.13,
    lon: 117.2,
  },
  {
    agent: 2,
    key: 'shijiazhuang',
    name: 'Shijiazhuang',
    code: '130100',
    districts: ['130102', '130104', '130105', '130107', '130108', '130109', '130110', '130111'],
    lat: 38.04,
    lon: 114.51,
  },
];

const TOP_CATEGORIES = ['Purifiers', 'Filters', 'Dispensers', 'Softeners'];
const LEAF_CATEGORIES = ['RO', 'UF', 'Faucet', 'Whole-house'];

export const BRAND_ID = 1;
const agentId = (a: number) => 2 + a;
const distributorId = (d: number) => 2 + AGENTS.length + d;
export const retailerId = (d: number, r: number) =>
  2 + AGENTS.length + CITIES.length + d * RETAILERS_PER_DISTRIBUTOR + r;
export const DISTRIBUTORS = CITIES.length;
/** The retailer W1 reads the catalog as: Shenzhen's first, with an account list, under a narrowed assortment. */
export const W1_RETAILER = retailerId(0, 0);

/** Variant ids are 1..2000; product p (1-based) has variants 2p-1 and 2p. */
const variantCount = PRODUCTS * VARIANTS_PER_PRODUCT;
/** The Shenzhen distributor does not offer these (V2). */
export const hiddenFromShenzhen = (variantId: number) => variantId % 20 === 0;
const outOfStock = (variantId: number) => variantId % 13 === 0;
const lowStock = (variantId: number) => !outOfStock(variantId) && variantId % 9 === 0;
/** Variants W2 may order: in stock everywhere with room to spare, offered to every retailer. */
export function orderableVariant(variantId: number): boolean {
  return !outOfStock(variantId) && !lowStock(variantId) && !hiddenFromShenzhen(variantId);
}
export const skuOf = (variantId: number) =>
  `BP-${String(Math.ceil(variantId / 2)).padStart(4, '0')}-${variantId % 2 ? 'WH' : 'BK'}`;

/** Suggested retail price of a variant in fen: 500.00 to 5,400.00 CNY, black 10% dearer. */
function srp(variantId: number): number {
  const p = Math.ceil(variantId / 2);
  const base = 50_000 + ((p * 37) % 50) * 10_000;
  return variantId % 2 ? base : Math.round(base * 1.1);
}
const scaled = (fen: number, factor: number) => Math.round(fen * factor);

type Row = Record<string, unknown>;

async function bulk(sql: postgres.Sql, table: string, rows: Row[], chunk = 20_000): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const list = columns.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += chunk) {
    await sql.unsafe(
      `insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, $1::json)`,
      [JSON.stringify(rows.slice(i, i + chunk))],
    );
  }
}

export interface DatasetSummary {
  accounts: number;
  users: number;
  categories: number;
  products: number;
  variants: number;
  media: number;
  priceLists: number;
  priceListEntries: number;
  floors: number;
  promotions: number;
  warehouses: number;
  stockLevels: number;
}

export interface DatasetIds {
  /** The user id of an account's BUYER (every distributor and retailer has one). */
  buyerUserOf: (accountId: number) => number;
}

/** Loads the dataset into an empty, migrated database. */
export async function loadDataset(sql: postgres.Sql): Promise<DatasetSummary & DatasetIds> {
  const hash = await hashPassword(BENCH_PASSWORD, 10);

  // ---- accounts and users
  const accounts: Row[] = [];
  const users: Row[] = [];
  const account = (id: number, parent: Row | null, fields: Row): Row => {
    const row: Row = {
      id,
      parent_id: parent ? parent.id : null,
      path: [...((parent?.path as number[]) ?? []), id],
      root_id: BRAND_ID,
      credit_limit: parent ? CREDIT_LIMIT : null,
      credit_used: 0,
      ...fields,
    };
    accounts.push(row);
    return row;
  };
  const user = (accountId: number, role: string, key: string) => {
    const id = users.length + 1;
    users.push({
      id,
      account_id: accountId,
      email: `${role.toLowerCase()}@${key}.example`,
      name: `${key} ${role.toLowerCase()}`,
      password_hash: hash,
      roles: [role],
    });
    return id;
  };
  const brand = account(BRAND_ID, null, {
    name: 'Bench Brand',
    tier: 'BRAND',
    code: 'brand',
    territory: AGENTS.flatMap((a) => a.territory),
    address_line1: 'Brand road 1',
    address_city: 'Foshan',
    address_region_code: '440606',
    latitude: 22.84,
    longitude: 113.25,
    contact_name: 'Brand office',
    contact_phone: '+86 757 0000 0000',
    contact_email: 'office@brand.example',
    service_phone: '+86 400 000 0000',
  });
  user(BRAND_ID, 'ADMIN', 'brand');
  const agents = AGENTS.map((a, i) => {
    const row = account(agentId(i), brand, {
      name: a.name,
      tier: 'GENERAL_AGENT',
      code: a.key,
      territory: [...a.territory],
      address_line1: `${a.name} road 1`,
      address_region_code: a.region,
      latitude: a.lat,
      longitude: a.lon,
      contact_name: a.name,
      contact_phone: '+86 20 0000 0000',
      contact_email: `office@${a.key}.example`,
      service_phone: '+86 400 000 0001',
    });
    user(row.id as number, 'ADMIN', a.key);
    return row;
  });
  const buyers = new Map<number, number>();
  const distributors = CITIES.map((c, d) => {
    const row = account(distributorId(d), agents[c.agent], {
      name: `${c.name} distributor`,
      tier: 'DISTRIBUTOR',
      code: `dist-${c.key}`,
      territory: [c.code],
      address_line1: `${c.name} depot road 1`,
      address_city: c.name,
      address_region_code: c.districts[0],
      latitude: c.lat,
      longitude: c.lon,
      contact_name: `${c.name} office`,
      contact_phone: '+86 0000 0000',
      contact_email: `office@dist-${c.key}.example`,
      service_phone: '+86 400 000 0002',
    });
    user(row.id as number, 'ADMIN', `dist-${c.key}`);
    buyers.set(row.id as number, user(row.id as number, 'BUYER', `dist-${c.key}`));
    return row;
  });
  CITIES.forEach((c, d) => {
    for (let r = 0; r < RETAILERS_PER_DISTRIBUTOR; r++) {
      const key = `ret-${c.key}-${r + 1}`;
      const district = c.districts[r % c.districts.length];
      const row = account(retailerId(d, r), distributors[d], {
        name: `${c.name} store ${r + 1}`,
        tier: 'RETAILER',
        code: key,
        territory: [],
        address_line1: `Store street ${r + 1}`,
        address_city: c.name,
        address_region_code: district,
        address_postal_code: '100000',
        latitude: c.lat + r * 0.01,
        longitude: c.lon + r * 0.01,
        contact_name: `${c.name} store ${r + 1}`,
        contact_phone: '+86 138 0000 0000',
        contact_email: `owner@${key}.example`,
      });
      buyers.set(row.id as number, user(row.id as number, 'BUYER', key));
    }
  });

  // ---- catalog
  const categories: Row[] = [];
  TOP_CATEGORIES.forEach((name) => categories.push({ id: categories.length + 1, parent_id: null, name }));
  TOP_CATEGORIES.forEach((top, t) =>
    LEAF_CATEGORIES.forEach((leaf) =>
      categories.push({ id: categories.length + 1, parent_id: t + 1, name: `${top}/${leaf}` }),
    ),
  );
  const leafIds = categories.filter((c) => c.parent_id !== null).map((c) => c.id as number);
  const products: Row[] = [];
  const media: Row[] = [];
  const variants: Row[] = [];
  for (let p = 1; p <= PRODUCTS; p++) {
    const code = `BP-${String(p).padStart(4, '0')}`;
    const categoryId = leafIds[p % leafIds.length];
    products.push({
      id: p,
      code,
      name: `Bench product ${String(p).padStart(4, '0')}`,
      description: `Product ${p} of the bench catalog`,
      category_id: categoryId,
      attributes: [
        { name: 'Flow', value: `${400 + (p % 8) * 100}G` },
        { name: 'Stages', value: String(3 + (p % 4)) },
      ],
    });
    media.push({
      id: media.length + 1,
      product_id: p,
      url: `/assets/${code.toLowerCase()}.jpg`,
      kind: 'IMAGE',
      title: 'Front',
      position: 0,
    });
    media.push({
      id: media.length + 1,
      product_id: p,
      url: `/assets/${code.toLowerCase()}-spec.pdf`,
      kind: 'DOCUMENT',
      title: 'Specification',
      position: 1,
    });
    for (let k = 0; k < VARIANTS_PER_PRODUCT; k++) {
      const id = (p - 1) * VARIANTS_PER_PRODUCT + k + 1;
      variants.push({
        id,
        product_id: p,
        sku: skuOf(id),
        name: k ? 'Black' : 'White',
        unit: '台',
        min_order_quantity: 1,
        order_increment: 1,
        suggested_retail_price: srp(id),
        position: k,
      });
    }
  }
  const allVariants = Array.from({ length: variantCount }, (_, i) => i + 1);

  // ---- assortments (V2): Shenzhen narrows its offer; everyone else offers everything (no row).
  const assortments: Row[] = [{ seller_id: distributorId(0), include_all: false }];
  const assortmentItems: Row[] = allVariants
    .filter((v) => !hiddenFromShenzhen(v))
    .map((v) => ({ seller_id: distributorId(0), variant_id: v }));

  // ---- price lists
  const lists: Row[] = [];
  const assignments: Row[] = [];
  const entries: Row[] = [];
  const list = (
    ownerId: number,
    name: string,
    assigned: Row[],
    priced: number[],
    factor: number,
    breaks: [number, number][] = [],
    priority = 0,
  ) => {
    const id = lists.length + 1;
    lists.push({ id, owner_id: ownerId, name, priority, valid_from: '2020-01-01T00:00:00Z', valid_to: null });
    for (const a of assigned)
      assignments.push({
        id: assignments.length + 1,
        price_list_id: id,
        account_id: null,
        region_code: null,
        tier: null,
        ...a,
      });
    for (const v of priced) {
      entries.push({ price_list_id: id, variant_id: v, min_quantity: 1, price: scaled(srp(v), factor) });
      for (const [minQuantity, f] of breaks)
        entries.push({ price_list_id: id, variant_id: v, min_quantity: minQuantity, price: scaled(srp(v), f) });
    }
  };
  list(BRAND_ID, 'Brand agent price', [{ tier: 'GENERAL_AGENT' }], allVariants, 0.45, [[100, 0.43]]);
  agents.forEach((a, i) =>
    list(a.id as number, `${AGENTS[i].name} distributor price`, [{ tier: 'DISTRIBUTOR' }], allVariants, 0.55, [
      [50, 0.53],
    ]),
  );
  distributors.forEach((d, i) => {
    const offered = i === 0 ? allVariants.filter((v) => !hiddenFromShenzhen(v)) : allVariants;
    list(d.id as number, `${CITIES[i].name} retail price`, [{ tier: 'RETAILER' }], offered, 0.8, [[10, 0.76]]);
    // Key accounts: the first two retailers get a lower price on two thirds of the first 1,200 variants.
    list(
      d.id as number,
      `${CITIES[i].name} key accounts`,
      [{ account_id: retailerId(i, 0) }, { account_id: retailerId(i, 1) }],
      offered.filter((v) => v <= 1200 && v % 3 !== 0),
      0.72,
      [
        [10, 0.69],
        [50, 0.66],
      ],
      10,
    );
  });

  const floors: Row[] = allVariants.flatMap((v) => [
    { variant_id: v, tier: 'RETAILER', amount: scaled(srp(v), 0.68) },
    { variant_id: v, tier: 'DISTRIBUTOR', amount: scaled(srp(v), 0.5) },
    { variant_id: v, tier: 'GENERAL_AGENT', amount: scaled(srp(v), 0.4) },
  ]);

  const promotion = (fields: Row): Row => ({
    valid_from: '2020-01-01T00:00:00Z',
    valid_to: null,
    stackable: false,
    tiers: [],
    region_codes: [],
    account_ids: [],
    variant_ids: [],
    category_ids: [],
    ...fields,
  });
  const promotions: Row[] = [
    // 8% off RO purifiers for retailers: with the key-account price this goes below the floor, which clamps it.
    promotion({
      id: 1,
      owner_id: distributorId(0),
      name: 'Shenzhen RO week',
      kind: 'PERCENT_OFF',
      value: 800,
      tiers: ['RETAILER'],
      category_ids: leafIds.filter((_, i) => i % 4 === 0),
    }),
    // 20.00 off a set of skus in Shenzhen, on top of anything else.
    promotion({
      id: 2,
      owner_id: distributorId(0),
      name: 'Shenzhen store bonus',
      kind: 'AMOUNT_OFF',
      value: 2000,
      stackable: true,
      region_codes: ['440300'],
      variant_ids: allVariants.filter((v) => v <= 400 && v % 4 === 1 && !hiddenFromShenzhen(v)),
    }),
    // 5% off everything for Shanghai's retailers until 2099.
    promotion({
      id: 3,
      owner_id: distributorId(4),
      name: 'Shanghai spring',
      kind: 'PERCENT_OFF',
      value: 500,
      tiers: ['RETAILER'],
      valid_to: '2099-01-01T00:00:00Z',
    }),
  ];

  // ---- warehouses and stock
  const warehouses: Row[] = [];
  const stock: Row[] = [];
  const warehouse = (
    owner: Row,
    name: string,
    kind: string,
    region: string,
    lat: number,
    lon: number,
    coverage: string[],
    units: (v: number) => number,
  ) => {
    const id = warehouses.length + 1;
    warehouses.push({
      id,
      owner_id: owner.id,
      name,
      kind,
      address_line1: `${name} 1`,
      address_region_code: region,
      latitude: lat,
      longitude: lon,
      coverage,
    });
    for (const v of allVariants) stock.push({ warehouse_id: id, variant_id: v, on_hand: units(v), reserved: 0 });
  };
  const units = (plenty: number, low: number) => (v: number) => (outOfStock(v) ? 0 : lowStock(v) ? low : plenty);
  warehouse(
    brand,
    'Brand central DC',
    'CENTRAL',
    '440606',
    22.84,
    113.25,
    brand.territory as string[],
    units(20_000, 0),
  );
  agents.forEach((a, i) =>
    warehouse(
      a,
      `${AGENTS[i].name} DC`,
      'REGIONAL',
      AGENTS[i].region,
      AGENTS[i].lat,
      AGENTS[i].lon,
      [...AGENTS[i].territory],
      units(5_000, 3),
    ),
  );
  distributors.forEach((d, i) =>
    warehouse(
      d,
      `${CITIES[i].name} depot`,
      'PARTNER',
      CITIES[i].districts[0],
      CITIES[i].lat,
      CITIES[i].lon,
      [CITIES[i].code],
      units(1_000, 2),
    ),
  );

  await sql.begin(async (tx) => {
    const t = tx as unknown as postgres.Sql;
    await bulk(t, 'accounts', accounts);
    await bulk(t, 'users', users);
    await bulk(t, 'channel_settings', [{ root_id: BRAND_ID, public_catalog: false, territory_policy: 'BLOCK' }]);
    await bulk(t, 'categories', categories);
    await bulk(t, 'products', products);
    await bulk(t, 'product_media', media);
    await bulk(t, 'variants', variants);
    await bulk(t, 'assortments', assortments);
    await bulk(t, 'assortment_items', assortmentItems);
    await bulk(t, 'price_lists', lists);
    await bulk(t, 'price_list_assignments', assignments);
    await bulk(t, 'price_list_entries', entries);
    await bulk(t, 'price_floors', floors);
    await bulk(t, 'promotions', promotions);
    await bulk(t, 'warehouses', warehouses);
    await bulk(t, 'stock_levels', stock);
    // Explicit ids were used: move every serial past them.
    for (const table of [
      'accounts',
      'users',
      'categories',
      'products',
      'product_media',
      'variants',
      'price_lists',
      'price_list_assignments',
      'promotions',
      'warehouses',
    ]) {
      await t.unsafe(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
    }
  });
  await sql.unsafe('vacuum analyze');

  return {
    accounts: accounts.length,
    users: users.length,
    categories: categories.length,
    products: products.length,
    variants: variants.length,
    media: media.length,
    priceLists: lists.length,
    priceListEntries: entries.length,
    floors: floors.length,
    promotions: promotions.length,
    warehouses: warehouses.length,
    stockLevels: stock.length,
    buyerUserOf: (accountId) => {
      const id = buyers.get(accountId);
      if (id === undefined) throw new Error(`account ${accountId} has no buyer`);
      return id;
    },
  };
}
