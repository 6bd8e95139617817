import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, type OrdersWorld } from './support/orders-world.js';
import {
  AccountInsightsDocument,
  AccountsInsightsDocument,
  CancelOrderDocument,
  ConfirmDeliveryDocument,
  ConfirmOrderDocument,
  OpenTicketDocument,
  PlaceOrderDocument,
  SetStockLevelsDocument,
  ShipFulfillmentDocument,
} from './generated/graphql.js';
import { runSlaCheck } from '../src/modules/tickets/sla-worker.js';

/**
 * Account.insights for R1a, a Futian retailer, on 15 June 2026 (Shanghai):
 * its orders of the last two years were placed through the graph with the
 * server's clock moved, one of them completed, one cancelled; it opened two
 * tickets with D1, one of them breached.
 */
let app: TestApp;
let w: World;
let ow: OrdersWorld;
const NOW = new Date('2026-06-15T04:00:00Z');

interface Placed {
  at: string;
  id: string;
  total: number;
  lines: { sku: string; quantity: number; lineTotal: number }[];
}
const r1a: Placed[] = [];
const fen = (amount: string) => Math.round(Number(amount) * 100);
const yuan = (f: number) => (f / 100).toFixed(2);

const ORDERS: [string, [string, number][]][] = [
  ['2025-05-10T02:00:00Z', [['A1', 1]]], // before the 13 months; in the previous YTD
  ['2025-06-10T02:00:00Z', [['B1', 6]]], // previous YTD (up to 15 June 2025)
  ['2025-06-20T02:00:00Z', [['A2', 1]]], // after the same day last year; first of the last 365 days
  [
    '2025-09-01T02:00:00Z',
    [
      ['A1', 2],
      ['B1', 12],
    ],
  ],
  ['2026-01-15T02:00:00Z', [['B1', 6]]],
  [
    '2026-03-10T02:00:00Z',
    [
      ['A1', 1],
      ['B1', 6],
    ],
  ],
  ['2026-06-14T02:00:00Z', [['B1', 18]]],
];

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
  const stock = await app.gql(
    SetStockLevelsDocument,
    {
      input: [
        { warehouseId: ow.warehouse.D1, sku: 'A1', onHand: 100 },
        { warehouseId: ow.warehouse.D1, sku: 'B1', onHand: 1000 },
      ],
    },
    await w.token('D1', 'ADMIN'),
  );
  expect(stock.data!.setStockLevels.userErrors).toEqual([]);
  const token = await w.token('R1a', 'BUYER');
  let n = 0;
  for (const [at, lines] of ORDERS) {
    app.clock.set(new Date(at));
    const res = await app.gql(
      PlaceOrderDocument,
      { input: { idempotencyKey: `i-${++n}`, lines: lines.map(([sku, quantity]) => ({ sku, quantity })) } },
      token,
    );
    expect(res.data!.placeOrder.userErrors).toEqual([]);
    const o = res.data!.placeOrder.order!;
    r1a.push({
      at,
      id: o.id,
      total: fen(o.total.amount),
      lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, lineTotal: fen(l.lineTotal.amount) })),
    });
  }
  // A cancelled order counts nowhere.
  app.clock.set(new Date('2026-05-01T02:00:00Z'));
  const cancelled = await app.gql(
    PlaceOrderDocument,
    { input: { idempotencyKey: 'i-x', lines: [{ sku: 'A1', quantity: 3 }] } },
    token,
  );
  await app.gql(CancelOrderDocument, { id: cancelled.data!.placeOrder.order!.id }, token);
  // The March order goes all the way to COMPLETED: no longer open.
  app.clock.set(new Date('2026-03-11T02:00:00Z'));
  const march = r1a[5];
  await app.gql(ConfirmOrderDocument, { id: march.id }, await w.token('D1', 'ADMIN'));
  const order = await app.raw(
    'query($id: ID!) { order(id: $id) { fulfillments { id warehouse { id } } } }',
    { id: march.id },
    await w.token('D1', 'ADMIN'),
  );
  for (const f of order.data.order.fulfillments) {
    const owner = f.warehouse.id === ow.warehouse.D1 ? 'D1' : f.warehouse.id === ow.warehouse.S ? 'S' : 'BRAND';
    const shipped = await app.gql(
      ShipFulfillmentDocument,
      { input: { fulfillmentId: f.id } },
      await w.token(owner, 'ADMIN'),
    );
    expect(shipped.data!.shipFulfillment.userErrors).toEqual([]);
  }
  const delivered = await app.gql(ConfirmDeliveryDocument, { id: march.id }, token);
  expect(delivered.data!.confirmDelivery.order!.status).toBe('COMPLETED');
  // Two tickets opened 10 days ago; the SLA check a week later breaches one clock of each.
  app.clock.set(new Date('2026-06-05T04:00:00Z'));
  for (const subject of ['Leaking filter', 'Noisy pump']) {
    const t = await app.gql(
      OpenTicketDocument,
      { input: { kind: 'REPAIR', subject, body: 'Please help', priority: 'URGENT' } },
      token,
    );
    expect(t.data!.openTicket.userErrors).toEqual([]);
  }
  await runSlaCheck(app.database.db, new Date('2026-06-12T04:00:00Z'));
  app.clock.set(NOW);
}, 120_000);
afterAll(() => app?.close());

async function insightsOf(viewer: Parameters<World['token']>[0], role: Parameters<World['token']>[1], top?: number) {
  const res = await app.gql(AccountInsightsDocument, { id: w.id('R1a'), top }, await w.token(viewer, role));
  return res;
}

describe('Account.insights', () => {
  it('has the last 12 whole months and the current one, its purchases at the prices it paid', async () => {
    const res = await insightsOf('D1', 'ANALYST');
    expect(res.errors).toBeUndefined();
    const i = res.data!.account!.insights!;
    const months = [
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ];
    expect(i.monthly.map((m) => m.month)).toEqual(months.map((m) => `${m}-01`));
    for (const m of i.monthly) {
      const os = r1a.filter((o) => o.at.startsWith(m.month.slice(0, 7)));
      expect({ month: m.month, revenue: m.revenue.amount, orders: m.orders }).toEqual({
        month: m.month,
        revenue: yuan(os.reduce((s, o) => s + o.total, 0)),
        orders: os.length,
      });
    }
  });

  it('compares this year to date with the same days of last year', async () => {
    const i = (await insightsOf('D1', 'ANALYST')).data!.account!.insights!;
    const sum = (from: string, to: string) =>
      yuan(r1a.filter((o) => o.at >= from && o.at <= to).reduce((s, o) => s + o.total, 0));
    expect(i.revenueYearToDate.amount).toBe(sum('2026-01-01', '2026-06-16'));
    expect(i.revenuePreviousYearToDate.amount).toBe(sum('2025-01-01', '2025-06-16'));
    expect(i.revenuePreviousYearToDate.amount).not.toBe(sum('2025-01-01', '2025-06-30'));
  });

  it('knows its last order, its rhythm over the last 12 months, and its top variants', async () => {
    const i = (await insightsOf('D1', 'ANALYST', 2)).data!.account!.insights!;
    expect(i.lastOrderAt).toBe('2026-06-14T02:00:00.000Z');
    const recent = r1a.filter((o) => o.at >= '2025-06-15').map((o) => Date.parse(o.at));
    expect(i.averageDaysBetweenOrders).toBeCloseTo(
      (Math.max(...recent) - Math.min(...recent)) / (recent.length - 1) / 86_400_000,
      6,
    );
    const bySku = new Map<string, { units: number; revenue: number }>();
    for (const o of r1a.filter((x) => x.at >= '2025-06-16')) {
      for (const l of o.lines)
        bySku.set(l.sku, {
          units: (bySku.get(l.sku)?.units ?? 0) + l.quantity,
          revenue: (bySku.get(l.sku)?.revenue ?? 0) + l.lineTotal,
        });
    }
    const expected = [...bySku]
      .sort((a, b) => b[1].revenue - a[1].revenue)
      .slice(0, 2)
      .map(([sku, v]) => ({ variant: { sku }, units: v.units, revenue: { amount: yuan(v.revenue) } }));
    expect(i.topVariants).toEqual(expected);
  });

  it('counts open orders, open tickets and SLA breaches in the last 90 days; D1 sees the tickets it handles too', async () => {
    const i = (await insightsOf('D1', 'ANALYST')).data!.account!.insights!;
    expect(i.openOrders).toBe(r1a.length - 1);
    expect(i.openTickets).toBe(2);
    expect(i.slaBreachesLast90Days).toBe(2);
    const d1 = await app.gql(AccountInsightsDocument, { id: w.id('D1') }, await w.token('D1', 'ADMIN'));
    expect(d1.data!.account!.insights).toMatchObject({ openTickets: 2, slaBreachesLast90Days: 2, openOrders: 0 });
    // Ninety days on, the breaches are history.
    app.clock.set(new Date('2026-09-30T04:00:00Z'));
    try {
      expect((await insightsOf('D1', 'ANALYST')).data!.account!.insights!.slaBreachesLast90Days).toBe(0);
    } finally {
      app.clock.set(NOW);
    }
  });

  it('shows credit utilisation only where Account.credit is visible (V5)', async () => {
    for (const [viewer, role] of [
      ['R1a', 'ADMIN'],
      ['D1', 'ADMIN'],
      ['D1', 'ANALYST'],
      ['BRAND', 'ANALYST'],
      ['S', 'ADMIN'],
    ] as const) {
      const res = await app.raw(
        'query($id: ID!) { account(id: $id) { credit { used { amount } limit { amount } } insights { creditUtilization } } }',
        { id: w.id('R1a') },
        await w.token(viewer, role),
      );
      const credit = res.data.account.credit;
      const utilization = res.data.account.insights.creditUtilization;
      if (credit)
        expect(utilization, `${viewer} ${role}`).toBeCloseTo(fen(credit.used.amount) / fen(credit.limit.amount), 10);
      else expect(utilization, `${viewer} ${role}`).toBeNull();
    }
  });

  it('is for ADMIN and ANALYST users: others get FORBIDDEN on the field, and the account still answers', async () => {
    for (const [viewer, role] of [
      ['D1', 'BUYER'],
      ['D1', 'FINANCE'],
      ['D1', 'SERVICE'],
      ['R1a', 'BUYER'],
    ] as const) {
      const res = await insightsOf(viewer, role);
      expect(codes(res), `${viewer} ${role}`).toEqual(['FORBIDDEN']);
      expect(res.data!.account).toMatchObject({ id: w.id('R1a'), insights: null });
    }
    // Outside the subtree there is no account to ask (V1).
    const sibling = await app.gql(AccountInsightsDocument, { id: w.id('R1a') }, await w.token('D2', 'ADMIN'));
    expect(sibling.errors).toBeUndefined();
    expect(sibling.data!.account).toBeNull();
  });

  it('is batched across a list of accounts: the statements do not grow with the list', async () => {
    const token = await w.token('BRAND', 'ANALYST');
    // Accounts come in id order: R1a, the only buyer here with variants to name, is the seventh.
    const some = await app.gql(AccountsInsightsDocument, { first: 7 }, token);
    const all = await app.gql(AccountsInsightsDocument, { first: 10 }, token);
    expect(all.errors).toBeUndefined();
    expect(all.data!.accounts.nodes).toHaveLength(10);
    expect(some.data!.accounts.nodes.at(-1)!.id).toBe(w.id('R1a'));
    expect(all.statements).toBe(some.statements);
    const r1aRow = all.data!.accounts.nodes.find((n) => n.id === w.id('R1a'))!;
    expect(r1aRow.insights!.revenueYearToDate.amount).toBe(
      (await insightsOf('D1', 'ANALYST')).data!.account!.insights!.revenueYearToDate.amount,
    );
  });
});
