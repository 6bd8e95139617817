import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, deliveredOrder, type OrdersWorld } from './support/orders-world.js';
import {
  AccountMoneyDocument,
  ApproveReturnDocument,
  CreateAccountDocument,
  CreateUserDocument,
  GenerateStatementDocument,
  LoginDocument,
  OpenTicketDocument,
  PlaceOrderDocument,
  ReceiveReturnDocument,
  SaveRebatePolicyDocument,
} from './generated/graphql.js';
import type { Role } from '../src/modules/users/tables.js';

/** Issue 11, items 4 (V4 ship-to and users), 5 (who manages whose users) and 7 (V5 by role). */
let app: TestApp;
let w: World;
let ow: OrdersWorld;
const at = (iso: string) => app.clock.set(new Date(iso));

/** Every user of the world: (account, role). */
const VIEWERS: [WorldKey, Role][] = [
  ['R1a', 'ADMIN'],
  ['R1a', 'FINANCE'],
  ['R1a', 'BUYER'],
  ['D1', 'ADMIN'],
  ['D1', 'FINANCE'],
  ['D1', 'BUYER'],
  ['D1', 'SERVICE'],
  ['D1', 'ANALYST'],
  ['S', 'ADMIN'],
  ['S', 'FINANCE'],
  ['S', 'BUYER'],
  ['BRAND', 'ADMIN'],
  ['BRAND', 'FINANCE'],
  ['BRAND', 'BUYER'],
  ['BRAND', 'ANALYST'],
];
const financeRole = (role: Role) => role === 'ADMIN' || role === 'FINANCE';

let nearOrder: { id: string; owners: string[] }; // B1 × 6: shipped from D1's warehouse only
let farOrder: { id: string; owners: string[] }; // A1 × 12: more than D1 holds, shipped from S's or the brand's
let statementId: string;
let ticketId: string;

async function completed(key: string, lines: { sku: string; quantity: number }[]) {
  const { id, owners } = await deliveredOrder({ app, w, ow }, key, lines);
  return { id, owners };
}

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
  at('2026-10-01T09:00:00+08:00');
  const policy = await app.gql(
    SaveRebatePolicyDocument,
    {
      input: {
        ownerId: w.id('D1'),
        name: 'Secret tiers',
        period: 'MONTH',
        tiers: [
          { minVolume: '0', percent: '1' },
          { minVolume: '5000', percent: '2' },
        ],
      },
    },
    await w.token('D1', 'FINANCE'),
  );
  expect(policy.data!.saveRebatePolicy.userErrors).toEqual([]);
  at('2026-10-10T10:00:00+08:00');
  nearOrder = await completed('near', [{ sku: 'B1', quantity: 6 }]);
  farOrder = await completed('far', [{ sku: 'A1', quantity: 12 }]);
  const ticket = await app.gql(
    OpenTicketDocument,
    {
      input: {
        kind: 'RETURN',
        subject: 'Too many',
        body: 'Two filters back, please',
        orderId: nearOrder.id,
        lines: [{ sku: 'B1', quantity: 2 }],
      },
    },
    await w.token('R1a', 'BUYER'),
  );
  ticketId = ticket.data!.openTicket.ticket!.id;
  await app.gql(ApproveReturnDocument, { ticketId }, await w.token('D1', 'SERVICE'));
  expect(
    (
      await app.gql(
        ReceiveReturnDocument,
        { input: { ticketId, warehouseId: ow.warehouse.D1 } },
        await w.token('D1', 'SERVICE'),
      )
    ).data!.receiveReturn.userErrors,
  ).toEqual([]);
  at('2026-11-05T10:00:00+08:00');
  const st = await app.gql(
    GenerateStatementDocument,
    { input: { buyerId: w.id('R1a'), month: '2026-10' } },
    await w.token('D1', 'FINANCE'),
  );
  statementId = st.data!.generateStatement.statement!.id;
  app.clock.set(null);
});
afterAll(() => app?.close());

describe("V4: an order's ship-to address", () => {
  const shipTo = async (id: string, viewer: WorldKey) =>
    (
      await app.raw(
        'query($id: ID!) { order(id: $id) { shipTo { line1 city regionCode postalCode latitude longitude } } }',
        { id },
        await w.token(viewer, w.roles(viewer)[0]),
      )
    ).data.order.shipTo;

  it('the near order (shipped by D1): street, postal code and coordinates for the buyer and D1; region and city for S and the brand', async () => {
    expect(nearOrder.owners).toEqual(['D1']);
    for (const viewer of ['R1a', 'D1'] as WorldKey[]) {
      expect(await shipTo(nearOrder.id, viewer), viewer).toEqual({
        line1: 'R1a street 1',
        city: 'City',
        regionCode: '440304',
        postalCode: '518000',
        latitude: 22.5,
        longitude: 114.05,
      });
    }
    for (const viewer of ['S', 'BRAND'] as WorldKey[]) {
      expect(await shipTo(nearOrder.id, viewer), viewer).toEqual({
        line1: 'City',
        city: 'City',
        regionCode: '440304',
        postalCode: null,
        latitude: null,
        longitude: null,
      });
    }
  });

  it('the far order: the owner of the shipping warehouse sees the street too; the ancestor that does not ship does not', async () => {
    expect(farOrder.owners.length).toBe(1);
    const shipper = farOrder.owners[0] as WorldKey;
    expect(['S', 'BRAND']).toContain(shipper);
    const other = shipper === 'S' ? 'BRAND' : 'S';
    expect((await shipTo(farOrder.id, shipper)).line1).toBe('R1a street 1');
    expect(await shipTo(farOrder.id, other)).toMatchObject({
      line1: 'City',
      postalCode: null,
      latitude: null,
      longitude: null,
    });
  });

  it('is masked in lists the same way, without extra statements per order', async () => {
    const q = (first: number) =>
      app.raw(`{ orders(first: ${first}) { nodes { shipTo { line1 postalCode } } } }`, {}, token);
    const token = await w.token('BRAND', 'ADMIN');
    const one = await q(1);
    const all = await q(10);
    expect(all.data.orders.nodes.length).toBe(2);
    expect(
      all.data.orders.nodes.filter((n: { shipTo: { postalCode: string | null } }) => n.shipTo.postalCode === null)
        .length,
    ).toBe(farOrder.owners[0] === 'BRAND' ? 1 : 2);
    expect(all.statements).toBe(one.statements);
  });
});

describe("V4: the names and e-mails of an account's users", () => {
  const usersOf = async (target: WorldKey, viewer: WorldKey) => {
    const res = await app.raw(
      'query($id: ID!) { account(id: $id) { users { name email } } }',
      { id: w.id(target) },
      await w.token(viewer, 'ADMIN'),
    );
    expect(res.errors).toBeUndefined();
    return res.data.account.users.map((u: { email: string }) => u.email).sort();
  };

  it.each([
    ['R1a', 'R1a', true],
    ['R1a', 'D1', true],
    ['R1a', 'S', false],
    ['R1a', 'BRAND', false],
    ['D1', 'S', true],
    ['D1', 'BRAND', false],
  ] as [WorldKey, WorldKey, boolean][])('users of %s as seen by %s: listed %s', async (target, viewer, listed) => {
    expect(await usersOf(target, viewer)).toEqual(
      listed
        ? w
            .roles(target)
            .map((r) => w.email(target, r))
            .sort()
        : [],
    );
  });
});

describe('V4: who did something, on orders and tickets', () => {
  it.each([
    ['R1a', 'R1a BUYER (R1a retailer)'],
    ['D1', 'R1a BUYER (R1a retailer)'],
    ['S', 'R1a retailer'],
    ['BRAND', 'R1a retailer'],
  ] as [WorldKey, string][])('%s reads the buyer\'s events and comments as "%s"', async (viewer, expected) => {
    const token = await w.token(viewer, w.roles(viewer)[0]);
    const order = await app.raw(
      'query($id: ID!) { order(id: $id) { events { kind actor } } }',
      { id: nearOrder.id },
      token,
    );
    expect(order.data.order.events.find((e: { kind: string }) => e.kind === 'SUBMITTED').actor).toBe(expected);
    const ticket = await app.raw(
      'query($id: ID!) { ticket(id: $id) { comments { author } } }',
      { id: ticketId },
      token,
    );
    expect(ticket.data.ticket.comments[0].author).toBe(expected);
  });

  it("a retailer reads the names of its seller's staff on its own order", async () => {
    const order = await app.raw(
      'query($id: ID!) { order(id: $id) { events { kind actor } } }',
      { id: nearOrder.id },
      await w.token('R1a', 'BUYER'),
    );
    expect(order.data.order.events.find((e: { kind: string }) => e.kind === 'CONFIRMED').actor).toBe(
      'D1 ADMIN (D1 distributor)',
    );
  });
});

describe('V5: finance data only for ADMIN and FINANCE users of the account and its ancestors', () => {
  it.each(VIEWERS)(
    "%s %s reading R1a's credit, balance, ledger, statements (CSV), invoices and rebates",
    async (viewer, role) => {
      const res = await app.gql(AccountMoneyDocument, { id: w.id('R1a') }, await w.token(viewer, role));
      const a = res.data!.account!;
      const fields = ['credit', 'balance', 'ledger', 'statements', 'invoiceRequests', 'rebateAccruals'] as const;
      if (financeRole(role)) {
        expect(res.errors, `${viewer} ${role}`).toBeUndefined();
        for (const f of fields) expect(a[f], f).not.toBeNull();
        expect(a.statements![0].csv).toMatch(/^date,kind,reference/);
        expect(a.rebateAccruals!.length).toBeGreaterThan(0);
      } else {
        for (const f of fields) expect(a[f], f).toBeNull();
        expect(new Set(codes(res))).toEqual(new Set(['FORBIDDEN']));
      }
    },
  );

  it.each(VIEWERS)(
    "%s %s: node(id:) of R1a's statement and the rebate tiers behind its accruals",
    async (viewer, role) => {
      const token = await w.token(viewer, role);
      const node = await app.raw(
        'query($id: ID!) { node(id: $id) { ... on Statement { number csv } } }',
        { id: statementId },
        token,
      );
      expect(node.errors).toBeUndefined();
      expect(node.data.node === null, `${viewer} ${role}`).toBe(!financeRole(role));
      const tiers = await app.raw(
        'query($id: ID!) { account(id: $id) { rebateAccruals { policy { tiers { percent } } } } }',
        { id: w.id('R1a') },
        token,
      );
      expect(tiers.data.account.rebateAccruals === null).toBe(!financeRole(role));
    },
  );

  it.each(VIEWERS)('%s %s: rebatePolicies', async (viewer, role) => {
    const res = await app.raw('{ rebatePolicies { name } }', {}, await w.token(viewer, role));
    expect(res.errors).toBeUndefined();
    // D1 owns the policy: its finance staff and those above it list it; R1a is below it.
    const lists = financeRole(role) && viewer !== 'R1a';
    expect(res.data.rebatePolicies.map((p: { name: string }) => p.name)).toEqual(lists ? ['Secret tiers'] : []);
  });

  it.each(VIEWERS)('%s %s: ReturnAuthorization.creditAmount', async (viewer, role) => {
    const res = await app.raw(
      'query($id: ID!) { ticket(id: $id) { returnAuthorization { number creditAmount { amount } } } }',
      { id: ticketId },
      await w.token(viewer, role),
    );
    const ra = res.data.ticket.returnAuthorization;
    expect(ra.number).toMatch(/^RA-/);
    if (financeRole(role)) {
      expect(res.errors).toBeUndefined();
      expect(ra.creditAmount.amount).toMatch(/^\d+\.\d\d$/);
    } else {
      expect(ra.creditAmount).toBeNull();
      expect(codes(res)).toEqual(['FORBIDDEN']);
    }
  });

  it('a CREDIT_LIMIT_EXCEEDED message names the available credit only to whom V5 allows', async () => {
    const big = [{ sku: 'B1', quantity: 990 }];
    // R1b: limit 30,000.00; B1 costs it about 72.00: 990 of them is over.
    const asBuyer = await app.gql(
      PlaceOrderDocument,
      { input: { idempotencyKey: 'over-1', lines: big } },
      await w.token('R1b', 'BUYER'),
    );
    expect(asBuyer.data!.placeOrder.userErrors[0].code).toBe('CREDIT_LIMIT_EXCEEDED');
    expect(asBuyer.data!.placeOrder.userErrors[0].message).not.toMatch(/available credit \d/);
    const onBehalf = await app.gql(
      PlaceOrderDocument,
      { input: { idempotencyKey: 'over-2', buyerId: w.id('R1b'), lines: big } },
      await w.token('D1', 'BUYER'),
    );
    expect(onBehalf.data!.placeOrder.userErrors[0].code).toBe('CREDIT_LIMIT_EXCEEDED');
    expect(onBehalf.data!.placeOrder.userErrors[0].message).not.toMatch(/available credit \d/);
    const asAdmin = await app.gql(
      PlaceOrderDocument,
      { input: { idempotencyKey: 'over-3', buyerId: w.id('R1b'), lines: big } },
      await w.token('D1', 'ADMIN'),
    );
    expect(asAdmin.data!.placeOrder.userErrors[0].message).toMatch(/available credit \d/);
  });
});

describe('who manages whose users (createUser)', () => {
  const input = (accountId: string, email: string, roles: Role[] = ['ADMIN']) => ({
    accountId,
    email,
    name: 'New person',
    password: 'lantern-river-42',
    roles,
  });
  const create = async (as: WorldKey, accountId: string, email: string, roles?: Role[]) =>
    app.gql(CreateUserDocument, { input: input(accountId, email, roles) }, await w.token(as, 'ADMIN'));
  const ok = (res: Awaited<ReturnType<typeof create>>) => {
    expect(res.errors).toBeUndefined();
    expect(res.data!.createUser.userErrors).toEqual([]);
  };

  it("an account's own ADMIN manages its users, at every tier", async () => {
    for (const k of ['BRAND', 'S', 'D1', 'R1a'] as WorldKey[])
      ok(await create(k, w.id(k), `own-${k.toLowerCase()}@own.example`, ['BUYER']));
  });

  it("a parent manages its retailers' users, existing ones included", async () => {
    ok(await create('D1', w.id('R1a'), 'more@r1a.example', ['BUYER']));
    ok(await create('D1', w.id('R1b'), 'more@r1b.example', ['FINANCE']));
  });

  it('a parent never adds users to a selling child that has its own (the one-hop bypass)', async () => {
    expect(codes(await create('S', w.id('D1'), 'sneaky@d1.example'))).toEqual(['FORBIDDEN']);
    expect(codes(await create('BRAND', w.id('S'), 'sneaky@s.example'))).toEqual(['FORBIDDEN']);
    expect(codes(await create('BRAND', w.id('E'), 'sneaky@e.example', ['FINANCE']))).toEqual(['FORBIDDEN']);
    // Nor to accounts further down.
    expect(codes(await create('S', w.id('R1a'), 'sneaky@r1a.example'))).toEqual(['FORBIDDEN']);
    expect(codes(await create('BRAND', w.id('D1'), 'sneaky2@d1.example'))).toEqual(['FORBIDDEN']);
    const signIn = await app.gql(LoginDocument, {
      input: { email: 'sneaky@d1.example', password: 'lantern-river-42' },
    });
    expect(signIn.data!.login.token).toBeNull();
  });

  it('onboarding: a parent creates the first ADMIN of a selling child it created, and nothing after that', async () => {
    const created = await app.gql(
      CreateAccountDocument,
      {
        input: {
          parentId: w.id('S'),
          name: 'Dongguan distributor',
          tier: 'DISTRIBUTOR',
          territory: ['441900'],
          address: { line1: 'Nancheng 1', regionCode: '441900' },
        },
      },
      await w.token('S', 'ADMIN'),
    );
    const child = created.data!.createAccount.account!.id;
    expect(codes(await create('S', child, 'buyer-first@dg.example', ['BUYER']))).toEqual(['FORBIDDEN']);
    // Two at once: only one is the first.
    const both = await Promise.all([
      create('S', child, 'first-a@dg.example'),
      create('S', child, 'first-b@dg.example'),
    ]);
    expect(both.filter((r) => r.data?.createUser.user).length).toBe(1);
    expect(both.flatMap(codes)).toEqual(['FORBIDDEN']);
    expect(codes(await create('S', child, 'second@dg.example'))).toEqual(['FORBIDDEN']);
    // The new admin manages its own account from now on.
    const admin = both.find((r) => r.data?.createUser.user)!.data!.createUser.user!.email;
    const token = (await app.gql(LoginDocument, { input: { email: admin, password: 'lantern-river-42' } })).data!.login
      .token!;
    const own = await app.gql(CreateUserDocument, { input: input(child, 'buyer@dg.example', ['BUYER']) }, token);
    expect(own.data!.createUser.userErrors).toEqual([]);
  });
});
