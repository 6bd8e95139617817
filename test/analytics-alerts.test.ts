import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, type OrdersWorld } from './support/orders-world.js';
import { variantIds, warehouseKey, writeHistory, type PastOrder } from './support/history.js';
import {
  ChannelAlertsDocument,
  OpenTicketDocument,
  PlaceOrderDocument,
  SetStockLevelsDocument,
  UpdateChannelSettingsDocument,
  type ChannelAlertsQuery,
} from './generated/graphql.js';
import { accounts } from '../src/modules/accounts/tables.js';
import { runSlaCheck } from '../src/modules/tickets/sla-worker.js';

/**
 * One situation of each kind in S's half of the world, on 17 June 2026:
 * R1b orders ten times its usual filters (spike); R1a ships an order to
 * Guangzhou under the FLAG policy (out of territory); R2 ordered weekly and
 * stopped two months ago (dormant); R1b and D1 near their credit limits;
 * three tickets at D1 past their SLA; D1's depot nearly out of filters.
 */
let app: TestApp;
let w: World;
let ow: OrdersWorld;
const NOW = new Date('2026-06-17T04:00:00Z');
const DAY = 86_400_000;
type Alert = ChannelAlertsQuery['channelAlerts'][number];

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
  const db = app.database.db;
  const v = await variantIds(db);
  const at = (days: number) => new Date(NOW.getTime() - days * DAY);
  const depot = warehouseKey(ow.warehouse.D1);
  const b1 = (quantity: number) => [{ variantId: v.B1, sku: 'B1', quantity, unitPrice: 7_200n }];
  const history: PastOrder[] = [];
  for (let k = 1; k <= 26; k++) {
    history.push({ at: at(7 * k + 3), buyerId: w.account('R1b').id, warehouseId: depot, lines: b1(12) });
    history.push({ at: at(7 * k + 3), buyerId: w.account('R1a').id, warehouseId: depot, lines: b1(24) });
  }
  history.push({ at: at(2), buyerId: w.account('R1b').id, warehouseId: depot, lines: b1(120) });
  history.push({ at: at(3), buyerId: w.account('R1a').id, warehouseId: depot, lines: b1(24) });
  for (let d = 60; d <= 300; d += 7)
    history.push({
      at: at(d),
      buyerId: w.account('R2').id,
      warehouseId: warehouseKey(ow.warehouse.S),
      lines: [{ variantId: v.A1, sku: 'A1', quantity: 1, unitPrice: 230_000n }],
    });
  await writeHistory(db, history);

  app.clock.set(new Date(NOW.getTime() - 5 * DAY));
  expect(
    (
      await app.gql(
        UpdateChannelSettingsDocument,
        { input: { territoryPolicy: 'FLAG' } },
        await w.token('BRAND', 'ADMIN'),
      )
    ).data!.updateChannelSettings.userErrors,
  ).toEqual([]);
  const flagged = await app.gql(
    PlaceOrderDocument,
    {
      input: {
        idempotencyKey: 'a-1',
        lines: [{ sku: 'A1', quantity: 1 }],
        shipTo: { line1: 'Tianhe Road 1', regionCode: '440106' },
      },
    },
    await w.token('R1a', 'BUYER'),
  );
  expect(flagged.data!.placeOrder.order!.flagged).toBe(true);
  // Credit: R1b (limit 30,000.00) takes 93% of it; D1's limit is lowered to 10,000.00 and it takes 96%.
  expect(
    (
      await app.gql(
        PlaceOrderDocument,
        { input: { idempotencyKey: 'a-2', lines: [{ sku: 'A1', quantity: 13 }] } },
        await w.token('R1b', 'BUYER'),
      )
    ).data!.placeOrder.userErrors,
  ).toEqual([]);
  await db
    .update(accounts)
    .set({ creditLimit: 1_000_000n })
    .where(eq(accounts.id, w.account('D1').id));
  expect(
    (
      await app.gql(
        PlaceOrderDocument,
        { input: { idempotencyKey: 'a-3', lines: [{ sku: 'A1', quantity: 6 }] } },
        await w.token('D1', 'BUYER'),
      )
    ).data!.placeOrder.userErrors,
  ).toEqual([]);
  for (const subject of ['No water', 'Leak', 'Noise']) {
    expect(
      (
        await app.gql(
          OpenTicketDocument,
          { input: { kind: 'REPAIR', subject, body: 'Help', priority: 'URGENT' } },
          await w.token('R1a', 'BUYER'),
        )
      ).data!.openTicket.userErrors,
    ).toEqual([]);
  }
  await runSlaCheck(db, new Date(NOW.getTime() - DAY));
  expect(
    (
      await app.gql(
        SetStockLevelsDocument,
        { input: [{ warehouseId: ow.warehouse.D1, sku: 'B1', onHand: 20 }] },
        await w.token('D1', 'ADMIN'),
      )
    ).data!.setStockLevels.userErrors,
  ).toEqual([]);
  app.clock.set(NOW);
}, 120_000);
afterAll(() => app?.close());

async function alerts(
  viewer: WorldKey,
  role: 'ADMIN' | 'ANALYST' = 'ADMIN',
  kinds?: Alert['kind'][],
  first?: number,
): Promise<Alert[]> {
  const res = await app.gql(ChannelAlertsDocument, { kinds, first }, await w.token(viewer, role));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.channelAlerts;
}
const brief = (list: Alert[]) =>
  list.map((a) => `${a.kind} ${a.severity} ${a.account.name}${a.variant ? ` ${a.variant.sku}` : ''}`).sort();

describe('channelAlerts', () => {
  it("finds one situation of each kind in D1's subtree, for D1's ADMIN", async () => {
    expect(brief(await alerts('D1'))).toEqual([
      'CREDIT_NEAR_LIMIT WARNING D1 distributor',
      'CREDIT_NEAR_LIMIT WARNING R1b retailer',
      'DEMAND_SPIKE CRITICAL R1b retailer B1',
      'LOW_STOCK CRITICAL D1 distributor B1',
      'OUT_OF_TERRITORY WARNING R1a retailer',
      'SLA_BREACHES CRITICAL D1 distributor',
    ]);
  });

  it('says what it found in words', async () => {
    const list = await alerts('D1');
    const of = (kind: string) => list.find((a) => a.kind === kind)!.message;
    expect(of('DEMAND_SPIKE')).toMatch(
      /^last 7 days: ordered 120 against a forecast of 12, at most 12 expected \(10\.0× the forecast\): check for parallel goods$/,
    );
    expect(of('OUT_OF_TERRITORY')).toMatch(
      /^SO-2026-\d{7} ships outside the seller's territory: 天河区 \(440106\) lies outside D1 distributor's territory$/,
    );
    expect(of('SLA_BREACHES')).toMatch(
      /^3 tickets breached the SLA in the last 30 days \(TK-2026-\d{7}, TK-2026-\d{7}, TK-2026-\d{7}\)$/,
    );
    expect(of('LOW_STOCK')).toMatch(/^Futian partner: \d+ days? of cover left, 7 days lead time; order \d+$/);
  });

  it('over a larger subtree: S and the brand see these and R2, dormant since two months', async () => {
    const s = brief(await alerts('S'));
    expect(s).toContain('DORMANT_BUYER CRITICAL R2 retailer');
    expect(s).toContain('DEMAND_SPIKE CRITICAL R1b retailer B1');
    expect(s).toContain('SLA_BREACHES CRITICAL D1 distributor');
    expect(brief(await alerts('BRAND'))).toEqual(s);
    const dormant = (await alerts('S')).find((a) => a.kind === 'DORMANT_BUYER')!;
    expect(dormant.message).toBe('no order for 60 days; usually orders every 7 days');
  });

  it('never reaches outside the subtree (V1): D2 sees only its dormant buyer, E nothing', async () => {
    expect(brief(await alerts('D2'))).toEqual(['DORMANT_BUYER CRITICAL R2 retailer']);
    expect(await alerts('E')).toEqual([]);
  });

  it("shows credit only where the viewer may see it (V5): D1's ADMIN sees R1b's; no ANALYST sees credit", async () => {
    expect(brief(await alerts('D1', 'ADMIN', ['CREDIT_NEAR_LIMIT']))).toContain(
      'CREDIT_NEAR_LIMIT WARNING R1b retailer',
    );
    for (const viewer of ['D1', 'BRAND'] as const)
      expect(await alerts(viewer, 'ANALYST', ['CREDIT_NEAR_LIMIT']), viewer).toEqual([]);
    for (const [viewer, role] of [
      ['D1', 'ADMIN'],
      ['S', 'ADMIN'],
      ['BRAND', 'ADMIN'],
    ] as const) {
      for (const a of await alerts(viewer, role, ['CREDIT_NEAR_LIMIT'])) {
        const credit = await app.raw(
          'query($id: ID!) { account(id: $id) { credit { used { amount } } } }',
          { id: a.account.id },
          await w.token(viewer, role),
        );
        expect(credit.data.account.credit, `${viewer} ${role} ${a.account.name}`).not.toBeNull();
      }
    }
  });

  it('most severe first, then most recent; filtered by kind; cut to first', async () => {
    const list = await alerts('BRAND');
    const rank = { CRITICAL: 0, WARNING: 1, INFO: 2 } as const;
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      expect(
        rank[a.severity] < rank[b.severity] || (a.severity === b.severity && a.detectedAt >= b.detectedAt),
        `${i}`,
      ).toBe(true);
    }
    // Two low stocks: D1's depot (filters) and S's regional warehouse, emptied of A1 by the orders it was routed.
    expect(brief(await alerts('BRAND', 'ADMIN', ['SLA_BREACHES', 'LOW_STOCK']))).toEqual([
      'LOW_STOCK CRITICAL D1 distributor B1',
      'LOW_STOCK CRITICAL S general_agent A1',
      'SLA_BREACHES CRITICAL D1 distributor',
    ]);
    expect(await alerts('BRAND', 'ADMIN', undefined, 2)).toEqual(list.slice(0, 2));
    expect(codes(await app.gql(ChannelAlertsDocument, { first: 0 }, await w.token('BRAND', 'ADMIN')))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await app.gql(ChannelAlertsDocument, {}, await w.token('D1', 'SERVICE')))).toEqual(['FORBIDDEN']);
  });
});
