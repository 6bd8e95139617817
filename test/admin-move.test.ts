import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, expectInvariants } from './support/orders-world.js';
import {
  CancelOrderDocument,
  ConfirmDeliveryDocument,
  ConfirmOrderDocument,
  CreateAccountDocument,
  MoveAccountDocument,
  PlaceOrderDocument,
  RecordPaymentDocument,
  ShipFulfillmentDocument,
  UpdateAccountDocument,
} from './generated/graphql.js';
import { toGlobalId } from '../src/graphql/ids.js';
import { accounts } from '../src/modules/accounts/tables.js';
import { orders } from '../src/modules/orders/tables.js';
import { auditEntries } from '../src/modules/audit/tables.js';
import type { Role } from '../src/modules/users/tables.js';

let app: TestApp;
let w: World;
let run = 0;
/** A second general agent in South China, created through the graph by the brand. */
let s2: string;

beforeAll(async () => {
  app = await startTestApp({}, { poolSize: 12 });
  w = await buildWorld(app);
  await buildCatalog(app, w);
  await buildWarehouses(app, w);
  const created = await app.gql(
    CreateAccountDocument,
    {
      input: {
        parentId: w.id('BRAND'),
        name: 'S2 agent',
        tier: 'GENERAL_AGENT',
        territory: ['440000'],
        address: { line1: 'Tianhe 2', regionCode: '440106' },
      },
    },
    await w.token('BRAND', 'ADMIN'),
  );
  expect(created.data!.createAccount.userErrors).toEqual([]);
  s2 = created.data!.createAccount.account!.id;
});
afterAll(() => app?.close());

const move = async (as: [WorldKey, Role], id: string, newParentId: string, reason = 'reorganisation') =>
  app.gql(MoveAccountDocument, { input: { id, newParentId, reason } }, await w.token(...as));
const place = async (as: [WorldKey, Role], lines: { sku: string; quantity: number }[]) =>
  app.gql(PlaceOrderDocument, { input: { idempotencyKey: `mv-${++run}`, lines } }, await w.token(...as));
const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const pathOf = async (key: WorldKey) =>
  (
    await app.database.db
      .select({ path: accounts.path })
      .from(accounts)
      .where(eq(accounts.id, w.account(key).id))
  )[0].path;
const q = async (key: WorldKey, role: Role, query: string, variables: Record<string, unknown> = {}) => {
  const r = await app.raw(query, variables, await w.token(key, role));
  expect(r.errors, query).toBeUndefined();
  return r.data;
};

describe('moveAccount: who may move what where', () => {
  it('refuses moves outside the viewer’s subtree (V1), by non-ADMINs, to another tier and outside the new seller’s territory (V6)', async () => {
    expect(codeOf(await move(['S', 'ADMIN'], w.id('R3'), w.id('D1')))).toBe('FORBIDDEN'); // R3 is E's
    expect(codeOf(await move(['S', 'ADMIN'], w.id('R1a'), w.id('D3')))).toBe('FORBIDDEN'); // D3 is outside S
    expect(codeOf(await move(['D1', 'ADMIN'], w.id('R1a'), w.id('D2')))).toBe('FORBIDDEN'); // D2 is D1's sibling
    expect(codeOf(await move(['S', 'FINANCE'], w.id('R1a'), w.id('D2')))).toBe('FORBIDDEN');
    expect(codeOf(await move(['S', 'ADMIN'], w.id('S'), w.id('E')))).toBe('FORBIDDEN'); // not below itself
    const tier = await move(['S', 'ADMIN'], w.id('R1a'), w.id('S'));
    expect(tier.data!.moveAccount.userErrors.map((e) => e.code)).toEqual(['INVALID_INPUT']);
    const outside = await move(['S', 'ADMIN'], w.id('R1a'), w.id('D2')); // Futian is outside Guangzhou
    expect(outside.data!.moveAccount.userErrors.map((e) => e.code)).toEqual(['OUTSIDE_TERRITORY']);
    expect(await pathOf('R1a')).toEqual([
      w.account('BRAND').id,
      w.account('S').id,
      w.account('D1').id,
      w.account('R1a').id,
    ]);
  });
});

describe('moving a retailer to another distributor', () => {
  let pastOrder: string;

  it('waits for open orders and open money with the old seller', async () => {
    // D2 now also sells in Shenzhen (its seller's ADMIN widens its territory).
    const widened = await app.gql(
      UpdateAccountDocument,
      { input: { id: w.id('D2'), territory: ['440100', '440300'] } },
      await w.token('S', 'ADMIN'),
    );
    expect(widened.data!.updateAccount.userErrors).toEqual([]);

    const placed = await place(['R1a', 'BUYER'], [{ sku: 'A1', quantity: 1 }]);
    const order = placed.data!.placeOrder.order!;
    pastOrder = order.id;
    expect(order.seller.id).toBe(w.id('D1'));
    expect(
      (await move(['S', 'ADMIN'], w.id('R1a'), w.id('D2'))).data!.moveAccount.userErrors.map((e) => e.code),
    ).toEqual(['HAS_OPEN_ORDERS']);

    await app.gql(ConfirmOrderDocument, { id: order.id }, await w.token('D1', 'ADMIN'));
    expect(order.fulfillments.map((f) => f.warehouse.name)).toEqual(['Futian partner']);
    const shipped = await app.gql(
      ShipFulfillmentDocument,
      { input: { fulfillmentId: order.fulfillments[0].id } },
      await w.token('D1', 'ADMIN'),
    );
    expect(shipped.data!.shipFulfillment.userErrors).toEqual([]);
    expect(
      (await app.gql(ConfirmDeliveryDocument, { id: order.id }, await w.token('R1a', 'BUYER'))).data!.confirmDelivery
        .order!.status,
    ).toBe('COMPLETED');
    // Delivered and charged: it still owes D1.
    expect(
      (await move(['S', 'ADMIN'], w.id('R1a'), w.id('D2'))).data!.moveAccount.userErrors.map((e) => e.code),
    ).toEqual(['HAS_OPEN_BALANCE']);
    const paid = await app.gql(
      RecordPaymentDocument,
      {
        input: {
          buyerId: w.id('R1a'),
          amount: order.total.amount,
          method: 'BANK_TRANSFER',
          reference: 'MOVE-SETTLE-1',
        },
      },
      await w.token('D1', 'FINANCE'),
    );
    expect(paid.data!.recordPayment.userErrors).toEqual([]);
  });

  it('moves it in one go: its new seller’s prices and assortment at once, gone from every list of the old seller, past orders kept', async () => {
    const before = await q(
      'R1a',
      'BUYER',
      '{ a1: variant(sku: "A1") { price { amount { amount } } } c1: variant(sku: "C1") { sku } }',
    );
    expect(before.a1.price.amount.amount).toBe('1950.00'); // D1's key-account list, with D1's Futian promotion
    expect(before.c1).toBeNull(); // D1 does not offer C1

    const moved = await move(['S', 'ADMIN'], w.id('R1a'), w.id('D2'), 'Customer asked to be served from Guangzhou');
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.moveAccount.userErrors).toEqual([]);
    expect(moved.data!.moveAccount.account!.seller!.id).toBe(w.id('D2'));
    expect(await pathOf('R1a')).toEqual([
      w.account('BRAND').id,
      w.account('S').id,
      w.account('D2').id,
      w.account('R1a').id,
    ]);

    // The retailer: D2's price (its default list) and D2's assortment, in the very next request.
    const after = await q(
      'R1a',
      'BUYER',
      '{ a1: variant(sku: "A1") { price { amount { amount } } } c1: variant(sku: "C1") { sku price { amount { amount } } } }',
    );
    expect(after.a1.price.amount.amount).toBe('2300.00');
    expect(after.c1).toEqual({ sku: 'C1', price: { amount: { amount: '1500.00' } } });

    // The old seller: not in its accounts, children, node, users, price lists' assignments.
    const r1a = w.id('R1a');
    const old = await q(
      'D1',
      'ADMIN',
      `query($id: ID!, $user: ID!) {
      account(id: $id) { id } node(id: $id) { id } user: node(id: $user) { id }
      accounts(first: 100) { nodes { id } }
      me: account(id: "${w.id('D1')}") { children { nodes { id } } }
      priceLists { name validTo assignments { account { id } } }
    }`,
      { id: r1a, user: toGlobalId('User', w.user('R1a', 'BUYER').id) },
    );
    expect(old.account).toBeNull();
    expect(old.node).toBeNull();
    expect(old.user).toBeNull();
    expect(old.accounts.nodes.map((n: { id: string }) => n.id)).not.toContain(r1a);
    expect(old.me.children.nodes.map((n: { id: string }) => n.id)).toEqual([w.id('R1b')]);
    const keyList = old.priceLists.find((l: { name: string }) => l.name === 'd1-r1a');
    // The key-account list lost its only account: it ended instead of becoming D1's default list.
    expect(keyList.assignments).toEqual([]);
    expect(keyList.validTo).not.toBeNull();
    expect(JSON.stringify(old.priceLists)).not.toContain(r1a);
    // R1b, still D1's, does not get the ended list's price.
    const r1b = await q('R1b', 'BUYER', '{ variant(sku: "A1") { price { amount { amount } } } }');
    expect(r1b.variant.price.amount.amount).toBe('2150.00');

    // Past orders keep their seller: D1 still lists its sale, D2 never sees D1's price for it.
    const d1Orders = await q('D1', 'ADMIN', '{ orders(first: 100) { nodes { id seller { id } } } }');
    expect(d1Orders.orders.nodes).toContainEqual({ id: pastOrder, seller: { id: w.id('D1') } });
    const d2Orders = await q('D2', 'ADMIN', '{ orders(first: 100) { nodes { id } } }');
    expect(d2Orders.orders.nodes.map((n: { id: string }) => n.id)).not.toContain(pastOrder);
    const own = await q('R1a', 'BUYER', '{ orders(first: 100) { nodes { id } } }');
    expect(own.orders.nodes.map((n: { id: string }) => n.id)).toContain(pastOrder);
    // Nor its ledger with D1 (V3: the charge shows D1's price).
    const ledger = await q(
      'D2',
      'FINANCE',
      `{ account(id: "${r1a}") { contact { name } ledger { totalCount } balance { amount } } }`,
    );
    expect(ledger.account).toEqual({
      contact: { name: 'R1a contact' },
      ledger: { totalCount: 0 },
      balance: { amount: '0.00' },
    });
    expect(
      (await q('R1a', 'FINANCE', `{ account(id: "${r1a}") { ledger { totalCount } } }`)).account.ledger.totalCount,
    ).toBe(2);

    // New orders go to D2.
    const next = await place(['R1a', 'BUYER'], [{ sku: 'C1', quantity: 1 }]);
    expect(next.data!.placeOrder.userErrors).toEqual([]);
    expect(next.data!.placeOrder.order!.seller.id).toBe(w.id('D2'));
    await app.gql(CancelOrderDocument, { id: next.data!.placeOrder.order!.id }, await w.token('R1a', 'BUYER'));

    // The audit log: the move on the account (for the new chain), and the loss on the old seller.
    const [entry] = await app.database.db.select().from(auditEntries).where(eq(auditEntries.action, 'account.move'));
    expect(entry).toMatchObject({
      accountId: w.account('R1a').id,
      actorUserId: w.user('S', 'ADMIN').id,
      changes: {
        before: { sellerId: w.account('D1').id },
        after: { sellerId: w.account('D2').id, reason: 'Customer asked to be served from Guangzhou' },
      },
    });
    const [out] = await app.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'account.moveOut'), eq(auditEntries.accountId, w.account('D1').id)));
    expect(out).toBeTruthy();
    await expectInvariants(app);
  });
});

describe('moving a distributor with its retailers', () => {
  it('refuses while an order below it still ships from a warehouse of the old chain', async () => {
    // A2 is not in D1's depot: it ships from S's regional warehouse, which would lose sight of it.
    const placed = await place(['R1b', 'BUYER'], [{ sku: 'A2', quantity: 1 }]);
    expect(placed.data!.placeOrder.userErrors).toEqual([]);
    const refused = await move(['BRAND', 'ADMIN'], w.id('D1'), s2);
    expect(refused.data!.moveAccount.userErrors.map((e) => e.code)).toEqual(['HAS_OPEN_ORDERS']);
    expect(refused.data!.moveAccount.userErrors[0].message).toMatch(/ships from a warehouse above/);
    await app.gql(CancelOrderDocument, { id: placed.data!.placeOrder.order!.id }, await w.token('R1b', 'BUYER'));
  });

  it('rewrites the paths of the subtree and of everything that keeps a copy (orders, rollups); the old agent loses them, the new one sees them', async () => {
    const inside = await place(['R1b', 'BUYER'], [{ sku: 'B1', quantity: 6 }]); // from D1's own depot
    expect(inside.data!.placeOrder.userErrors).toEqual([]);
    const orderId = inside.data!.placeOrder.order!.id;
    // D1's API key and webhook endpoint: managed from its ancestors, so they must follow it.
    const keyAndHook = await q(
      'D1',
      'ADMIN',
      `mutation ($a: ID!) {
        createApiKey(input: { accountId: $a, name: "erp", roles: [BUYER] }) { apiKey { id } userErrors { code } }
        createWebhookEndpoint(input: { accountId: $a, url: "http://127.0.0.1:9/hook", events: [ORDER_CANCELLED] }) { endpoint { id } userErrors { code } }
      }`,
      { a: w.id('D1') },
    );
    const keyId = keyAndHook.createApiKey.apiKey.id;
    const hookId = keyAndHook.createWebhookEndpoint.endpoint.id;
    const managedBy = async (token: string) =>
      (await app.raw(`{ k: node(id: "${keyId}") { id } h: node(id: "${hookId}") { id } }`, {}, token)).data;
    expect(await managedBy(await w.token('S', 'ADMIN'))).toEqual({ k: { id: keyId }, h: { id: hookId } });
    const moved = await move(['BRAND', 'ADMIN'], w.id('D1'), s2);
    expect(moved.data!.moveAccount.userErrors).toEqual([]);
    const s2Id = Number(Buffer.from(s2, 'base64url').toString().split(':')[1]);
    const newPath = [w.account('BRAND').id, s2Id, w.account('D1').id, w.account('R1b').id];
    expect(await pathOf('R1b')).toEqual(newPath);
    const paths = await app.database.db.execute<{ path: number[] }>(sql`
      select buyer_path as path from orders where buyer_id = ${w.account('R1b').id}
      union all select buyer_path from sales_daily where buyer_id = ${w.account('R1b').id}
      union all select buyer_path from sales_orders_monthly where buyer_id = ${w.account('R1b').id}`);
    expect(paths.length).toBeGreaterThan(2);
    expect(paths.every((p) => JSON.stringify(p.path) === JSON.stringify(newPath))).toBe(true);

    expect((await q('S', 'ADMIN', `{ order(id: "${orderId}") { id } }`)).order).toBeNull();
    expect((await q('S', 'ADMIN', `{ account(id: "${w.id('R1b')}") { id } }`)).account).toBeNull();
    const s2Sees = await app.raw(
      `{ order(id: "${orderId}") { id seller { id } } }`,
      {},
      (await app.tokens.issue(await s2AdminId())).token,
    );
    expect(s2Sees.data.order).toEqual({ id: orderId, seller: { id: w.id('D1') } });
    expect(await managedBy(await w.token('S', 'ADMIN'))).toEqual({ k: null, h: null });
    expect(await managedBy((await app.tokens.issue(await s2AdminId())).token)).toEqual({
      k: { id: keyId },
      h: { id: hookId },
    });
    // The distributor is still served: its retailer's order ships from its own depot.
    const ship = await app.gql(ConfirmOrderDocument, { id: orderId }, await w.token('D1', 'ADMIN'));
    expect(ship.data!.confirmOrder.userErrors).toEqual([]);
    await app.gql(CancelOrderDocument, { id: orderId }, await w.token('D1', 'ADMIN'));
    await expectInvariants(app);
  });
});

let s2Admin: number | null = null;
/** S2's first ADMIN, onboarded by the brand. */
async function s2AdminId(): Promise<number> {
  if (s2Admin) return s2Admin;
  const created = await app.raw(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } userErrors { code } } }',
    {
      input: {
        accountId: s2,
        email: 'admin@s2.example',
        name: 'S2 admin',
        password: 'onboard-s2-2027',
        roles: ['ADMIN'],
      },
    },
    await w.token('BRAND', 'ADMIN'),
  );
  s2Admin = Number(Buffer.from(created.data.createUser.user.id, 'base64url').toString().split(':')[1]);
  return s2Admin;
}

describe('orders placed while a move runs', () => {
  it('end up consistent: each commits before the move (and moves with it, or stops it) or after it (in the new tree)', async () => {
    const d1 = w.account('D1').id;
    const r1b = w.account('R1b').id;
    const agents = [toGlobalId('Account', w.account('S').id), s2];
    const outcomes = new Set<string>();
    for (let round = 0; round < 6; round++) {
      const [current] = await app.database.db
        .select({ parentId: accounts.parentId })
        .from(accounts)
        .where(eq(accounts.id, d1));
      const target = toGlobalId('Account', current.parentId!) === agents[0] ? agents[1] : agents[0];
      const [moved, ...placed] = await Promise.all([
        move(['BRAND', 'ADMIN'], w.id('D1'), target),
        ...Array.from({ length: 4 }, () => place(['R1b', 'BUYER'], [{ sku: 'B1', quantity: 6 }])),
        ...Array.from({ length: 2 }, () => place(['D1', 'BUYER'], [{ sku: 'A1', quantity: 1 }])),
      ]);
      expect(moved.errors).toBeUndefined();
      for (const p of placed) expect(p.errors).toBeUndefined();
      const moveCode = moved.data!.moveAccount.userErrors[0]?.code ?? 'MOVED';
      outcomes.add(moveCode);
      expect(['MOVED', 'HAS_OPEN_ORDERS']).toContain(moveCode);
      for (const p of placed.slice(4)) outcomes.add(`D1:${p.data!.placeOrder.userErrors[0]?.code ?? 'PLACED'}`);
      // The retailer's orders are always in the tree as it is now.
      const [{ path }] = await app.database.db
        .select({ path: accounts.path })
        .from(accounts)
        .where(eq(accounts.id, r1b));
      const r1bOrders = await app.database.db
        .select({ path: orders.buyerPath, status: orders.status })
        .from(orders)
        .where(eq(orders.buyerId, r1b));
      expect(r1bOrders.filter((o) => JSON.stringify(o.path) !== JSON.stringify(path))).toEqual([]);
      expect(placed.slice(0, 4).every((p) => p.data!.placeOrder.userErrors.length === 0)).toBe(true);
      // The distributor's own open orders are all with its current seller.
      const [{ parentId }] = await app.database.db
        .select({ parentId: accounts.parentId })
        .from(accounts)
        .where(eq(accounts.id, d1));
      const open = await app.database.db.execute<{ id: number; seller_id: number }>(
        sql`select id, seller_id from orders where buyer_id = ${d1} and status not in ('COMPLETED', 'CANCELLED')`,
      );
      expect(open.filter((o) => o.seller_id !== parentId)).toEqual([]);
      if (moveCode === 'MOVED') expect(toGlobalId('Account', parentId!)).toBe(target);
      else expect(open.length).toBeGreaterThan(0);
      // Clear the round: cancel what is open, check stock and credit.
      const toCancel = await app.database.db.execute<{ id: number; buyer_id: number }>(
        sql`select id, buyer_id from orders where buyer_id in (${d1}, ${r1b}) and status not in ('COMPLETED', 'CANCELLED')`,
      );
      for (const o of toCancel) {
        const c = await app.gql(
          CancelOrderDocument,
          { id: toGlobalId('Order', o.id) },
          await w.token(o.buyer_id === d1 ? 'D1' : 'R1b', 'BUYER'),
        );
        expect(c.data!.cancelOrder.userErrors).toEqual([]);
      }
      await expectInvariants(app);
    }
    // Over the rounds the race went both ways at least once for the move.
    expect(outcomes.has('MOVED')).toBe(true);
  }, 120_000);
});
