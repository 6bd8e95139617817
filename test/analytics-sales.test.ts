import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, type OrdersWorld } from './support/orders-world.js';
import {
  CancelOrderDocument,
  PlaceOrderDocument,
  SalesReportDocument,
  SetAssortmentDocument,
  SetStockLevelsDocument,
  ViewerDocument,
  type SalesReportInput,
  type SalesReportQuery,
} from './generated/graphql.js';
import { featureFlags } from '../src/modules/accounts/tables.js';

/**
 * salesReport against a reference model: every order the fixture places is
 * recorded here (buyer, seller, tier, channel, ship-to region, Shanghai day,
 * its lines and totals as the API answered them), and the expectations are
 * computed from that record in plain TypeScript.
 */
let app: TestApp;
let w: World;
let ow: OrdersWorld;

const TIER: Record<WorldKey, string> = {
  BRAND: 'BRAND',
  S: 'GENERAL_AGENT',
  E: 'GENERAL_AGENT',
  D1: 'DISTRIBUTOR',
  D2: 'DISTRIBUTOR',
  D3: 'DISTRIBUTOR',
  R1a: 'RETAILER',
  R1b: 'RETAILER',
  R2: 'RETAILER',
  R3: 'RETAILER',
};
const PARENT: Record<WorldKey, WorldKey | null> = {
  BRAND: null,
  S: 'BRAND',
  E: 'BRAND',
  D1: 'S',
  D2: 'S',
  D3: 'E',
  R1a: 'D1',
  R1b: 'D1',
  R2: 'D2',
  R3: 'D3',
};
const REGION: Record<WorldKey, string> = {
  BRAND: '440606',
  S: '440106',
  E: '310101',
  D1: '440304',
  D2: '440106',
  D3: '310104',
  R1a: '440304',
  R1b: '440305',
  R2: '440106',
  R3: '310104',
};
const CATEGORY: Record<string, string> = { A1: 'RO', A2: 'RO', B1: 'Filters', C1: 'Kitchen' };
const ancestors = (k: WorldKey): WorldKey[] => (PARENT[k] ? [PARENT[k], ...ancestors(PARENT[k])] : []);
const inSubtree = (k: WorldKey, viewer: WorldKey) => k === viewer || ancestors(k).includes(viewer);

interface Placed {
  id: string;
  buyer: WorldKey;
  channel: string;
  day: string;
  total: number;
  lines: { sku: string; quantity: number; lineTotal: number }[];
  cancelled: boolean;
}
const placed: Placed[] = [];

/** [instant, buyer, lines, channel]: OFFLINE/PHONE orders are recorded by the seller. */
const FIXTURE: [string, WorldKey, [string, number][], string][] = [
  [
    '2025-03-15T02:00:00Z',
    'R1a',
    [
      ['A1', 1],
      ['A2', 1],
    ],
    'ONLINE',
  ],
  ['2025-03-16T02:00:00Z', 'R2', [['A1', 1]], 'ONLINE'],
  ['2025-04-10T02:00:00Z', 'R1b', [['B1', 6]], 'OFFLINE'],
  ['2025-04-11T02:00:00Z', 'D1', [['A1', 2]], 'ONLINE'],
  [
    '2026-03-05T02:00:00Z',
    'R1a',
    [
      ['A1', 2],
      ['A2', 1],
      ['B1', 6],
    ],
    'ONLINE',
  ],
  ['2026-03-06T02:00:00Z', 'R1b', [['B1', 12]], 'OFFLINE'],
  [
    '2026-03-07T02:00:00Z',
    'R2',
    [
      ['A1', 1],
      ['B1', 6],
    ],
    'PHONE',
  ],
  ['2026-03-08T02:00:00Z', 'R3', [['B1', 12]], 'PHONE'],
  [
    '2026-03-20T02:00:00Z',
    'D1',
    [
      ['A1', 3],
      ['C1', 1],
    ],
    'ONLINE',
  ],
  ['2026-03-21T02:00:00Z', 'D2', [['C1', 2]], 'ONLINE'],
  ['2026-03-22T02:00:00Z', 'D3', [['B1', 6]], 'OFFLINE'],
  ['2026-03-23T02:00:00Z', 'S', [['A1', 1]], 'ONLINE'],
  ['2026-03-24T02:00:00Z', 'E', [['B1', 6]], 'ONLINE'],
  // 00:30 on 1 April in Shanghai: an April sale.
  ['2026-03-31T16:30:00Z', 'R1a', [['B1', 6]], 'ONLINE'],
  ['2026-04-12T02:00:00Z', 'R2', [['A2', 1]], 'ONLINE'],
  ['2026-04-13T02:00:00Z', 'R1b', [['A1', 1]], 'ONLINE'],
];

const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
const fen = (amount: string) => Math.round(Number(amount) * 100);
const yuan = (f: number) => (f / 100).toFixed(2);

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
  for (const [key, lines] of [
    [
      'BRAND',
      [
        ['A1', 500],
        ['A2', 500],
        ['B1', 50_000],
        ['C1', 500],
      ],
    ],
    [
      'D1',
      [
        ['A1', 200],
        ['B1', 10_000],
      ],
    ],
    ['D3', [['A1', 100]]],
  ] as const) {
    const r = await app.gql(
      SetStockLevelsDocument,
      { input: lines.map(([sku, onHand]) => ({ warehouseId: ow.warehouse[key], sku, onHand })) },
      await w.token(key, 'ADMIN'),
    );
    expect(r.data!.setStockLevels.userErrors).toEqual([]);
  }
  let n = 0;
  for (const [at, buyer, lines, channel] of FIXTURE) {
    app.clock.set(new Date(at));
    const onBehalf = channel !== 'ONLINE';
    const token = await w.token(onBehalf ? PARENT[buyer]! : buyer, onBehalf ? 'ADMIN' : 'BUYER');
    const input = {
      idempotencyKey: `s-${++n}`,
      lines: lines.map(([sku, quantity]) => ({ sku, quantity })),
      ...(onBehalf ? { buyerId: w.id(buyer), channel: channel as 'OFFLINE' } : {}),
    };
    const res = await app.gql(PlaceOrderDocument, { input }, token);
    expect(res.data?.placeOrder.userErrors, `${at} ${buyer}`).toEqual([]);
    const o = res.data!.placeOrder.order!;
    placed.push({
      id: o.id,
      buyer,
      channel,
      day: shanghaiDay(at),
      total: fen(o.total.amount),
      lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, lineTotal: fen(l.lineTotal.amount) })),
      cancelled: false,
    });
  }
  // A cancelled order is no sale.
  app.clock.set(new Date('2026-03-25T02:00:00Z'));
  const extra = await app.gql(
    PlaceOrderDocument,
    { input: { idempotencyKey: 's-cancel', lines: [{ sku: 'A1', quantity: 5 }] } },
    await w.token('R1a', 'BUYER'),
  );
  await app.gql(CancelOrderDocument, { id: extra.data!.placeOrder.order!.id }, await w.token('R1a', 'BUYER'));
  app.clock.set(new Date('2026-04-20T04:00:00Z'));
  // Pilots: one by region (Shenzhen), one by subtree (E), one by tier.
  await app.database.db.insert(featureFlags).values([
    { key: 'pilot-sz', regionCodes: ['440300'] },
    { key: 'pilot-east', accountIds: [w.account('E').id] },
    { key: 'pilot-retail', tiers: ['RETAILER'] },
  ]);
}, 120_000);
afterAll(() => app?.close());

async function report(viewer: WorldKey, input: SalesReportInput, role: 'ADMIN' | 'ANALYST' = 'ADMIN') {
  const res = await app.gql(SalesReportDocument, { input }, await w.token(viewer, role));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.salesReport;
}

type Row = SalesReportQuery['salesReport']['rows'][number];
const byLabel = (rows: Row[]) =>
  Object.fromEntries(
    rows.map((r) => [
      r.keys.map((k) => k.label).join(' / '),
      {
        revenue: { amount: r.metrics.revenue.amount },
        orders: r.metrics.orders,
        units: r.metrics.units,
        buyers: r.metrics.buyers,
      },
    ]),
  );

/** The model: orders of `viewer`'s subtree by buyers of `tier` between the days. */
function sales(viewer: WorldKey, tier: string, from: string, to: string, keep: (o: Placed) => boolean = () => true) {
  return placed.filter(
    (o) =>
      !o.cancelled && inSubtree(o.buyer, viewer) && TIER[o.buyer] === tier && o.day >= from && o.day <= to && keep(o),
  );
}
function totals(orders: Placed[]) {
  return {
    revenue: { amount: yuan(orders.reduce((s, o) => s + o.total, 0)) },
    orders: orders.length,
    units: orders.reduce((s, o) => s + o.lines.reduce((u, l) => u + l.quantity, 0), 0),
    buyers: new Set(orders.map((o) => o.buyer)).size,
  };
}

const YEAR = { from: '2025-01-01', to: '2026-12-31' };

describe('salesReport: whose sales (V1 by the buyer path, buyerTier)', () => {
  it.each([
    ['BRAND', 'GENERAL_AGENT'],
    ['S', 'DISTRIBUTOR'],
    ['E', 'DISTRIBUTOR'],
    ['D1', 'RETAILER'],
    ['D2', 'RETAILER'],
  ] as [WorldKey, string][])(
    '%s by default counts its direct buyers (%s), never its own purchases',
    async (viewer, tier) => {
      const r = await report(viewer, { ...YEAR, groupBy: ['BUYER'] });
      expect(r.buyerTier).toBe(tier);
      expect(r.totals).toMatchObject(totals(sales(viewer, tier, YEAR.from, YEAR.to)));
      const expected = [...new Set(sales(viewer, tier, YEAR.from, YEAR.to).map((o) => o.buyer))]
        .map((k) => w.id(k))
        .sort();
      expect(r.rows.map((row) => row.keys[0].value).sort()).toEqual(expected);
      expect(r.rows.map((row) => row.keys[0].value)).not.toContain(w.id(viewer));
    },
  );

  it("a distributor's report never includes a sibling's orders, whatever it asks", async () => {
    const d1 = await report('D1', {
      ...YEAR,
      buyerTier: 'RETAILER',
      groupBy: ['BUYER'],
      filter: { accountIds: [w.id('D2'), w.id('R2'), w.id('R1a')] },
    });
    expect(d1.rows.map((r) => r.keys[0].value)).toEqual([w.id('R1a')]);
    const d2 = await report('D2', { ...YEAR, buyerTier: 'RETAILER', groupBy: ['PARTNER', 'BUYER'] });
    expect(d2.totals).toMatchObject(totals(sales('D2', 'RETAILER', YEAR.from, YEAR.to)));
    expect(d2.rows.flatMap((r) => r.keys.map((k) => k.value))).not.toContain(w.id('R1a'));
  });

  it('the brand counts retailers (sell-through) when asked, grouped by the partner whose subtree placed them', async () => {
    const r = await report('BRAND', { ...YEAR, buyerTier: 'RETAILER', groupBy: ['PARTNER'] });
    expect(r.totals).toMatchObject(totals(sales('BRAND', 'RETAILER', YEAR.from, YEAR.to)));
    expect(byLabel(r.rows)).toEqual({
      'S general_agent': totals(sales('S', 'RETAILER', YEAR.from, YEAR.to)),
      'E general_agent': totals(sales('E', 'RETAILER', YEAR.from, YEAR.to)),
    });
  });

  it("a retailer's report is empty by default, and its own purchases when asked with its tier", async () => {
    const none = await report('R1a', YEAR);
    expect(none.buyerTier).toBeNull();
    expect(none.totals).toMatchObject({ revenue: { amount: '0.00' }, orders: 0, buyers: 0 });
    const own = await report('R1a', { ...YEAR, buyerTier: 'RETAILER', groupBy: ['SELLER'] });
    expect(own.totals).toMatchObject(totals(sales('R1a', 'RETAILER', YEAR.from, YEAR.to)));
    // Its seller is named (a buyer knows who it buys from) but is not a node it may read.
    expect(own.rows).toEqual([
      expect.objectContaining({
        keys: [{ dimension: 'SELLER', value: w.id('D1'), label: 'D1 distributor', node: null }],
      }),
    ]);
    const d1Own = await report('D1', { ...YEAR, buyerTier: 'DISTRIBUTOR' });
    expect(d1Own.totals).toMatchObject(totals(sales('D1', 'DISTRIBUTOR', YEAR.from, YEAR.to)));
    const above = await report('D1', { ...YEAR, buyerTier: 'GENERAL_AGENT' });
    expect(above.totals.orders).toBe(0);
  });

  it('reveals no price the viewer could not read: its revenue is the sum of the totals of orders it lists', async () => {
    for (const [viewer, tier] of [
      ['BRAND', 'RETAILER'],
      ['S', 'RETAILER'],
      ['D1', 'RETAILER'],
      ['E', 'DISTRIBUTOR'],
    ] as [WorldKey, string][]) {
      const listed = await app.raw(
        'query { orders(first: 100) { nodes { status createdAt total { amount } buyer { tier } } } }',
        {},
        await w.token(viewer, 'ADMIN'),
      );
      const sum = (listed.data.orders.nodes as { status: string; total: { amount: string }; buyer: { tier: string } }[])
        .filter((o) => o.status !== 'CANCELLED' && o.buyer.tier === tier)
        .reduce((s, o) => s + fen(o.total.amount), 0);
      const r = await report(viewer, { ...YEAR, buyerTier: tier as 'RETAILER' });
      expect(r.totals.revenue.amount, viewer).toBe(yuan(sum));
    }
  });
});

describe('salesReport: dimensions, labels and nodes', () => {
  it('groups by month and channel, days in Shanghai time (00:30 on 1 April is April)', async () => {
    const r = await report('BRAND', {
      from: '2026-03-01',
      to: '2026-04-30',
      buyerTier: 'RETAILER',
      groupBy: ['MONTH', 'CHANNEL'],
    });
    const expected: Record<string, ReturnType<typeof totals>> = {};
    for (const month of ['2026-03', '2026-04']) {
      for (const channel of ['ONLINE', 'OFFLINE', 'PHONE']) {
        const os = sales('BRAND', 'RETAILER', `${month}-01`, `${month}-31`, (o) => o.channel === channel);
        if (os.length) expected[`${month} / ${channel[0]}${channel.slice(1).toLowerCase()}`] = totals(os);
      }
    }
    expect(byLabel(r.rows)).toEqual(expected);
    expect(r.rows.find((row) => row.keys[0].label === '2026-04')!.keys[0].value).toBe('2026-04-01');
    const april = await report('D1', { from: '2026-04-01', to: '2026-04-01', buyerTier: 'RETAILER', groupBy: ['DAY'] });
    expect(april.rows.map((row) => [row.keys[0].value, row.metrics.orders])).toEqual([['2026-04-01', 1]]);
  });

  it('weeks are ISO weeks starting on Monday', async () => {
    const r = await report('D1', { from: '2026-03-02', to: '2026-03-08', buyerTier: 'RETAILER', groupBy: ['WEEK'] });
    expect(r.rows.map((row) => [row.keys[0].value, row.keys[0].label])).toEqual([['2026-03-02', '2026-W10']]);
  });

  it('labels regions with their GB/T 2260 names: ship-to province and city', async () => {
    const r = await report('BRAND', { ...YEAR, buyerTier: 'RETAILER', groupBy: ['PROVINCE', 'CITY'] });
    const rows = r.rows.map((row) => row.keys.map((k) => `${k.value} ${k.label}`).join(' | ')).sort();
    expect(rows).toEqual([
      '310000 上海市 | 310100 上海市市辖区',
      '440000 广东省 | 440100 广州市',
      '440000 广东省 | 440300 深圳市',
    ]);
    const sz = r.rows.find((row) => row.keys[1].value === '440300')!;
    expect(sz.metrics).toMatchObject(
      totals(sales('BRAND', 'RETAILER', YEAR.from, YEAR.to, (o) => REGION[o.buyer].startsWith('4403'))),
    );
  });

  it("labels accounts, tiers, categories, products and variants, and resolves their nodes through the viewer's scope", async () => {
    const r = await report('S', { ...YEAR, buyerTier: 'RETAILER', groupBy: ['SELLER', 'BUYER_TIER', 'CATEGORY'] });
    const labels = r.rows.map((row) => row.keys.map((k) => k.label).join(' / ')).sort();
    expect(labels).toEqual([
      'D1 distributor / Retailers / Filters',
      'D1 distributor / Retailers / RO',
      'D2 distributor / Retailers / Filters',
      'D2 distributor / Retailers / RO',
    ]);
    for (const row of r.rows) {
      expect(row.keys[0].node).toEqual({ id: row.keys[0].value, __typename: 'Account' });
      expect(row.keys[1].node).toBeNull();
      expect(row.keys[2].node).toEqual({ id: row.keys[2].value, __typename: 'Category' });
    }
    const v = await report('D1', { ...YEAR, buyerTier: 'RETAILER', groupBy: ['PRODUCT', 'VARIANT'] });
    expect(v.rows.map((row) => row.keys.map((k) => k.label).join(' / ')).sort()).toEqual([
      'PP Cotton Filter / B1 PP Cotton Filter Single',
      'RO Purifier 800G / A1 RO Purifier 800G White',
      'RO Purifier 800G / A2 RO Purifier 800G Black',
    ]);
    expect(v.rows.every((row) => row.keys.every((k) => k.node?.id === k.value))).toBe(true);
  });

  it('a variant its chain no longer offers keeps its label but has no node for the viewer (V2)', async () => {
    const brand = await w.token('BRAND', 'ADMIN');
    const narrow = await app.gql(
      SetAssortmentDocument,
      { input: { sellerId: w.id('D1'), includeAll: false, skus: ['A1', 'B1'] } },
      brand,
    );
    expect(narrow.data!.setAssortment.userErrors).toEqual([]);
    try {
      const r = await report('R1a', { ...YEAR, buyerTier: 'RETAILER', groupBy: ['VARIANT'] });
      const rows = Object.fromEntries(r.rows.map((row) => [row.keys[0].label, row.keys[0].node?.id ?? null]));
      expect(Object.keys(rows).sort()).toEqual([
        'A1 RO Purifier 800G White',
        'A2 RO Purifier 800G Black',
        'B1 PP Cotton Filter Single',
      ]);
      expect(rows['A2 RO Purifier 800G Black']).toBeNull();
      expect(rows['A1 RO Purifier 800G White']).not.toBeNull();
      // The brand's view is not narrowed by D1's assortment.
      const b = await report('BRAND', { ...YEAR, buyerTier: 'RETAILER', groupBy: ['VARIANT'] });
      expect(b.rows.every((row) => row.keys[0].node !== null)).toBe(true);
    } finally {
      await app.gql(
        SetAssortmentDocument,
        { input: { sellerId: w.id('D1'), includeAll: false, skus: ['A1', 'A2', 'B1'] } },
        brand,
      );
    }
  });

  it('counts distinct orders, or order lines when grouped by product or category (and says which)', async () => {
    const r = await report('D1', {
      from: '2026-03-05',
      to: '2026-03-05',
      buyerTier: 'RETAILER',
      groupBy: ['CATEGORY'],
    });
    // One order with A1, A2 (both RO) and B1: one order, two RO lines.
    expect(r.totals).toMatchObject({ orders: 1, ordersCountedAs: 'ORDERS' });
    expect(byLabel(r.rows)).toMatchObject({ RO: { orders: 2 }, Filters: { orders: 1 } });
    expect(r.rows.every((row) => row.metrics.ordersCountedAs === 'ORDER_LINES')).toBe(true);
    const byVariant = await report('D1', {
      from: '2026-03-05',
      to: '2026-03-05',
      buyerTier: 'RETAILER',
      groupBy: ['VARIANT'],
    });
    expect(byVariant.rows.map((row) => [row.metrics.orders, row.metrics.ordersCountedAs])).toEqual([
      [1, 'ORDERS'],
      [1, 'ORDERS'],
      [1, 'ORDERS'],
    ]);
    const filtered = await report('D1', {
      from: '2026-03-05',
      to: '2026-03-05',
      buyerTier: 'RETAILER',
      filter: { skus: ['A1', 'A2'] },
    });
    expect(filtered.totals).toMatchObject({ orders: 2, ordersCountedAs: 'ORDER_LINES' });
    const one = await report('D1', {
      from: '2026-03-05',
      to: '2026-03-05',
      buyerTier: 'RETAILER',
      filter: { skus: ['A1'] },
    });
    expect(one.totals).toMatchObject({ orders: 1, ordersCountedAs: 'ORDERS' });
  });

  it('computes average order value and online share', async () => {
    const r = await report('D2', { ...YEAR, buyerTier: 'RETAILER' });
    const os = sales('D2', 'RETAILER', YEAR.from, YEAR.to);
    const revenue = os.reduce((s, o) => s + o.total, 0);
    const online = os.filter((o) => o.channel === 'ONLINE').reduce((s, o) => s + o.total, 0);
    expect(r.totals.averageOrderValue.amount).toBe(yuan(Math.round(revenue / os.length)));
    expect(r.totals.onlineShare).toBeCloseTo(online / revenue, 10);
    expect(r.totals.onlineShare).toBeGreaterThan(0);
    expect(r.totals.onlineShare).toBeLessThan(1);
  });
});

describe('salesReport: grains', () => {
  it('whole months (read from the monthly rollups) agree with the same months summed from the daily ones', async () => {
    for (const groupBy of [
      ['PARTNER'],
      ['MONTH', 'CHANNEL'],
      ['CATEGORY', 'BUYER'],
      ['PROVINCE', 'SELLER'],
    ] as SalesReportInput['groupBy'][]) {
      const input = {
        from: '2025-03-01',
        to: '2026-04-30',
        buyerTier: 'RETAILER' as const,
        compareTo: 'SAME_PERIOD_LAST_YEAR' as const,
        groupBy,
        first: 1000,
      };
      const monthly = await report('BRAND', input);
      const daily = await report('BRAND', { ...input, groupBy: [...groupBy!, 'DAY'] });
      const summed = new Map<string, { revenue: number; units: number }>();
      for (const row of daily.rows) {
        const k = row.keys
          .slice(0, -1)
          .map((x) => x.value)
          .join('|');
        const v = summed.get(k) ?? { revenue: 0, units: 0 };
        summed.set(k, { revenue: v.revenue + fen(row.metrics.revenue.amount), units: v.units + row.metrics.units });
      }
      expect(
        new Map(
          monthly.rows.map((row) => [
            row.keys.map((x) => x.value).join('|'),
            { revenue: fen(row.metrics.revenue.amount), units: row.metrics.units },
          ]),
        ),
      ).toEqual(summed);
      expect(monthly.totals).toEqual(daily.totals);
      expect(monthly.previousTotals).toEqual(daily.previousTotals);
    }
  });
});

describe('salesReport: filters', () => {
  it('by channel, ship-to region (a code covers its subdivisions), account subtree, category (with subcategories) and sku', async () => {
    const all = (keep: (o: Placed) => boolean) => totals(sales('BRAND', 'RETAILER', YEAR.from, YEAR.to, keep));
    const q = (filter: SalesReportInput['filter']) =>
      report('BRAND', { ...YEAR, buyerTier: 'RETAILER', filter }).then((r) => r.totals);
    expect(await q({ channels: ['OFFLINE', 'PHONE'] })).toMatchObject(all((o) => o.channel !== 'ONLINE'));
    expect(await q({ regionCodes: ['440300'] })).toMatchObject(all((o) => REGION[o.buyer].startsWith('4403')));
    expect(await q({ regionCodes: ['440000'] })).toMatchObject(all((o) => REGION[o.buyer].startsWith('44')));
    expect(await q({ accountIds: [w.id('D1')] })).toMatchObject(all((o) => inSubtree(o.buyer, 'D1')));
    expect(await q({ accountIds: ['not-an-id'] })).toMatchObject({ orders: 0 });
    const purifiers = (
      await app.raw('query { categories { id name } }', {}, await w.token('BRAND', 'ADMIN'))
    ).data.categories.find((c: { name: string }) => c.name === 'Purifiers').id;
    const ro = await q({ categoryIds: [purifiers] });
    const roLines = sales('BRAND', 'RETAILER', YEAR.from, YEAR.to).flatMap((o) =>
      o.lines.filter((l) => CATEGORY[l.sku] === 'RO'),
    );
    expect(ro.revenue.amount).toBe(yuan(roLines.reduce((s, l) => s + l.lineTotal, 0)));
    expect(ro.orders).toBe(roLines.length);
    const b1 = await q({ skus: ['B1'], channels: ['ONLINE'] });
    const b1Lines = sales('BRAND', 'RETAILER', YEAR.from, YEAR.to, (o) => o.channel === 'ONLINE').flatMap((o) =>
      o.lines.filter((l) => l.sku === 'B1'),
    );
    expect(b1).toMatchObject({
      revenue: { amount: yuan(b1Lines.reduce((s, l) => s + l.lineTotal, 0)) },
      units: b1Lines.reduce((s, l) => s + l.quantity, 0),
    });
  });
});

describe('salesReport: comparisons', () => {
  it('PREVIOUS_PERIOD of whole months is the months before; growth per row', async () => {
    const r = await report('BRAND', {
      from: '2026-04-01',
      to: '2026-04-30',
      buyerTier: 'RETAILER',
      compareTo: 'PREVIOUS_PERIOD',
      groupBy: ['PARTNER'],
    });
    expect([r.previousFrom, r.previousTo]).toEqual(['2026-03-01', '2026-03-31']);
    const now = totals(sales('BRAND', 'RETAILER', '2026-04-01', '2026-04-30'));
    const before = totals(sales('BRAND', 'RETAILER', '2026-03-01', '2026-03-31'));
    expect(r.totals).toMatchObject(now);
    expect(r.previousTotals).toMatchObject(before);
    const s = r.rows.find((row) => row.keys[0].value === w.id('S'))!;
    const sNow = fen(totals(sales('S', 'RETAILER', '2026-04-01', '2026-04-30')).revenue.amount);
    const sBefore = fen(totals(sales('S', 'RETAILER', '2026-03-01', '2026-03-31')).revenue.amount);
    expect(s.previous!.revenue.amount).toBe(yuan(sBefore));
    expect(s.growth).toBeCloseTo((sNow - sBefore) / sBefore, 10);
  });

  it('PREVIOUS_PERIOD of days is as many days before', async () => {
    const r = await report('D1', {
      from: '2026-03-06',
      to: '2026-03-10',
      buyerTier: 'RETAILER',
      compareTo: 'PREVIOUS_PERIOD',
    });
    expect([r.previousFrom, r.previousTo]).toEqual(['2026-03-01', '2026-03-05']);
    expect(r.previousTotals).toMatchObject(totals(sales('D1', 'RETAILER', '2026-03-01', '2026-03-05')));
  });

  it('SAME_PERIOD_LAST_YEAR lines months up with the year before; rows without a previous revenue have no growth', async () => {
    const r = await report('D1', {
      from: '2026-03-01',
      to: '2026-04-30',
      buyerTier: 'RETAILER',
      compareTo: 'SAME_PERIOD_LAST_YEAR',
      groupBy: ['MONTH'],
    });
    expect([r.previousFrom, r.previousTo]).toEqual(['2025-03-01', '2025-04-30']);
    for (const row of r.rows) {
      const month = row.keys[0].value.slice(0, 7);
      const lastYear = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
      const before = totals(sales('D1', 'RETAILER', `${lastYear}-01`, `${lastYear}-31`));
      expect(row.previous, month).toMatchObject(before);
      expect(row.growth).toBeCloseTo(fen(row.metrics.revenue.amount) / fen(before.revenue.amount) - 1, 10);
    }
    const fresh = await report('D2', {
      from: '2026-04-01',
      to: '2026-04-30',
      buyerTier: 'RETAILER',
      compareTo: 'SAME_PERIOD_LAST_YEAR',
      groupBy: ['VARIANT'],
    });
    expect(fresh.rows.map((row) => [row.keys[0].label, row.previous!.orders, row.growth])).toEqual([
      ['A2 RO Purifier 800G Black', 0, null],
    ]);
  });
});

describe('salesReport: pilots', () => {
  it('PILOT splits buyers in and out of a flag as viewer.features evaluates it', async () => {
    for (const flag of ['pilot-sz', 'pilot-east', 'pilot-retail']) {
      const r = await report('BRAND', { ...YEAR, buyerTier: 'RETAILER', groupBy: ['PILOT', 'BUYER'], pilotFlag: flag });
      for (const row of r.rows) {
        const buyer = (['R1a', 'R1b', 'R2', 'R3'] as WorldKey[]).find((k) => w.id(k) === row.keys[1].value)!;
        const features = (await app.gql(ViewerDocument, {}, await w.token(buyer, 'BUYER'))).data!.viewer!.features;
        expect(row.keys[0].value, `${flag} ${buyer}`).toBe(features.includes(flag) ? 'IN' : 'OUT');
        expect(row.keys[0].label).toBe(features.includes(flag) ? `in pilot ${flag}` : `not in pilot ${flag}`);
      }
    }
    const sz = await report('BRAND', { ...YEAR, buyerTier: 'RETAILER', groupBy: ['PILOT'], pilotFlag: 'pilot-sz' });
    expect(byLabel(sz.rows)).toEqual({
      'in pilot pilot-sz': totals(
        sales('BRAND', 'RETAILER', YEAR.from, YEAR.to, (o) => REGION[o.buyer].startsWith('4403')),
      ),
      'not in pilot pilot-sz': totals(
        sales('BRAND', 'RETAILER', YEAR.from, YEAR.to, (o) => !REGION[o.buyer].startsWith('4403')),
      ),
    });
    const only = await report('BRAND', { ...YEAR, buyerTier: 'RETAILER', pilotFlag: 'pilot-sz' });
    expect(only.totals).toMatchObject(
      totals(sales('BRAND', 'RETAILER', YEAR.from, YEAR.to, (o) => REGION[o.buyer].startsWith('4403'))),
    );
  });
});

describe('salesReport: top-N, cost and bad input', () => {
  it('keeps the first N rows by revenue and says how many groups there were', async () => {
    const all = await report('BRAND', { ...YEAR, buyerTier: 'RETAILER', groupBy: ['DAY'] });
    const top = await report('BRAND', { ...YEAR, buyerTier: 'RETAILER', groupBy: ['DAY'], first: 2 });
    expect(all.groupCount).toBe(new Set(sales('BRAND', 'RETAILER', YEAR.from, YEAR.to).map((o) => o.day)).size);
    expect(top.groupCount).toBe(all.groupCount);
    const revenues = all.rows.map((r) => fen(r.metrics.revenue.amount));
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    expect(top.rows).toEqual(all.rows.slice(0, 2));
    expect(top.totals).toEqual(all.totals);
  });

  it('runs the same number of statements for 1 row or many', async () => {
    const token = await w.token('BRAND', 'ANALYST');
    const one = await app.gql(
      SalesReportDocument,
      { input: { ...YEAR, buyerTier: 'RETAILER', groupBy: ['VARIANT', 'DAY'], first: 1 } },
      token,
    );
    const many = await app.gql(
      SalesReportDocument,
      { input: { ...YEAR, buyerTier: 'RETAILER', groupBy: ['VARIANT', 'DAY'], first: 1000 } },
      token,
    );
    expect(many.data!.salesReport.rows.length).toBeGreaterThan(10);
    expect(many.statements).toBe(one.statements);
    expect(many.statements).toBeLessThanOrEqual(8);
  });

  it.each([
    ['from after to', { from: '2026-02-01', to: '2026-01-01' }],
    ['more than three years', { from: '2022-01-01', to: '2026-01-01' }],
    ['first 0', { ...YEAR, first: 0 }],
    ['first 1001', { ...YEAR, first: 1001 }],
    ['a dimension twice', { ...YEAR, groupBy: ['DAY', 'DAY'] }],
    ['five dimensions', { ...YEAR, groupBy: ['DAY', 'CHANNEL', 'BUYER', 'SELLER', 'PROVINCE'] }],
    ['PILOT without a flag', { ...YEAR, groupBy: ['PILOT'] }],
    ['an unknown flag', { ...YEAR, pilotFlag: 'no-such-flag' }],
    ['a region that is not GB/T 2260', { ...YEAR, filter: { regionCodes: ['999999'] } }],
    ['too many skus', { ...YEAR, filter: { skus: Array.from({ length: 501 }, (_, i) => `S${i}`) } }],
    ['a long sku', { ...YEAR, filter: { skus: ['x'.repeat(65)] } }],
    ['not a date', { from: '2026-02-30', to: '2026-03-01' }],
  ] as [string, SalesReportInput][])('refuses %s with BAD_USER_INPUT', async (_name, input) => {
    const res = await app.gql(SalesReportDocument, { input }, await w.token('BRAND', 'ANALYST'));
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).not.toMatch(/select|sql|postgres/i);
  });
});
