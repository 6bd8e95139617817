import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, PASSWORD, type World, type WorldKey } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, expectInvariants } from './support/orders-world.js';
import {
  CancelOrderDocument,
  LoginDocument,
  PlaceOrderDocument,
  SetAccountStatusDocument,
  UpdateAccountDocument,
  ViewerDocument,
  type UpdateAccountInput,
} from './generated/graphql.js';
import { auditEntries } from '../src/modules/audit/tables.js';
import type { Role } from '../src/modules/users/tables.js';
import { toGlobalId } from '../src/graphql/ids.js';

let app: TestApp;
let w: World;
let run = 0;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  await buildWarehouses(app, w);
});
afterAll(() => app?.close());

const update = async (as: [WorldKey, Role], input: UpdateAccountInput) =>
  app.gql(UpdateAccountDocument, { input }, await w.token(...as));
const setStatus = async (
  as: [WorldKey, Role],
  key: WorldKey,
  status: 'ACTIVE' | 'SUSPENDED' | 'CLOSED',
  reason = 'test',
) => app.gql(SetAccountStatusDocument, { input: { id: w.id(key), status, reason } }, await w.token(...as));
const place = async (as: [WorldKey, Role], lines: { sku: string; quantity: number }[], buyer?: WorldKey) =>
  app.gql(
    PlaceOrderDocument,
    { input: { idempotencyKey: `adm-${++run}`, lines, ...(buyer ? { buyerId: w.id(buyer) } : {}) } },
    await w.token(...as),
  );
const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const entries = (accountId: number, action: string) =>
  app.database.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.accountId, accountId), eq(auditEntries.action, action)))
    .orderBy(auditEntries.id);

describe('updateAccount: who may change what', () => {
  it("lets an account's own ADMIN describe it, and audits the change (before and after)", async () => {
    const r = await update(['D1', 'ADMIN'], {
      id: w.id('D1'),
      name: 'D1 renamed',
      servicePhone: '+86 400 111 2222',
      contact: { name: 'New contact', phone: '+86 755 1', email: 'NEW@d1.example' },
      address: { line1: 'Nanshan 9', regionCode: '440305' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateAccount.userErrors).toEqual([]);
    expect(r.data!.updateAccount.account!.name).toBe('D1 renamed');
    const [entry] = await entries(w.account('D1').id, 'account.update');
    expect(entry.actorUserId).toBe(w.user('D1', 'ADMIN').id);
    expect(entry.changes).toMatchObject({
      before: { name: 'D1 distributor', contactEmail: 'contact@d1.example' },
      after: { name: 'D1 renamed', contactEmail: 'new@d1.example', addressRegionCode: '440305' },
    });
  });

  it('refuses an address outside the seller territory (V6)', async () => {
    const r = await update(['D1', 'ADMIN'], { id: w.id('D1'), address: { line1: 'Shanghai 1', regionCode: '310104' } });
    expect(r.data!.updateAccount.userErrors.map((e) => e.code)).toEqual(['OUTSIDE_TERRITORY']);
  });

  it('refuses other roles and other accounts the description (FORBIDDEN, nothing written)', async () => {
    expect(codeOf(await update(['D1', 'FINANCE'], { id: w.id('D1'), name: 'nope' }))).toBe('FORBIDDEN');
    // The parent may not rename a selling child (its own ADMIN describes it)...
    expect(codeOf(await update(['S', 'ADMIN'], { id: w.id('D1'), name: 'nope' }))).toBe('FORBIDDEN');
    // ...but may a retailer's (who manages whose users: a retailer's seller acts for it anyway).
    const r = await update(['D1', 'ADMIN'], { id: w.id('R1b'), name: 'R1b renamed' });
    expect(r.data!.updateAccount.userErrors).toEqual([]);
    // Outside the subtree: the same FORBIDDEN as an id that does not exist.
    expect(codeOf(await update(['S', 'ADMIN'], { id: w.id('D3'), name: 'nope' }))).toBe('FORBIDDEN');
    const [row] = await app.database.db.execute<{ name: string }>(
      sql`select name from accounts where id = ${w.account('D3').id}`,
    );
    expect(row.name).toBe('D3 distributor');
  });

  it('never lets an account set its own credit limit; its seller’s ADMIN or FINANCE does', async () => {
    const d1 = w.account('D1').id;
    for (const role of ['ADMIN', 'FINANCE'] as Role[]) {
      const r = await update(['D1', role], { id: w.id('D1'), creditLimit: '99999999.00' });
      expect(codeOf(r), role).toBe('FORBIDDEN');
      expect(r.errors![0].message).toMatch(/own credit limit/);
    }
    // The brand is above D1, but not its seller.
    expect(codeOf(await update(['BRAND', 'ADMIN'], { id: w.id('D1'), creditLimit: '2000000.00' }))).toBe('FORBIDDEN');
    const [before] = await app.database.db.execute<{ limit: string }>(
      sql`select credit_limit::text as limit from accounts where id = ${d1}`,
    );
    expect(before.limit).toBe('100000000');

    const raised = await update(['S', 'FINANCE'], { id: w.id('D1'), creditLimit: '1500000.00' });
    expect(raised.data!.updateAccount.userErrors).toEqual([]);
    expect(raised.data!.updateAccount.account!.credit!.limit.amount).toBe('1500000.00');
    const [entry] = await entries(d1, 'account.creditLimit');
    expect(entry).toMatchObject({
      actorUserId: w.user('S', 'FINANCE').id,
      changes: { before: { creditLimit: '1000000.00' }, after: { creditLimit: '1500000.00' } },
    });

    const both = await update(['S', 'ADMIN'], { id: w.id('D1'), creditLimit: '1.00', clearCreditLimit: true });
    expect(both.data!.updateAccount.userErrors.map((e) => e.code)).toEqual(['INVALID_INPUT']);
    const cleared = await update(['S', 'ADMIN'], { id: w.id('D1'), clearCreditLimit: true });
    expect(cleared.data!.updateAccount.account!.credit).toBeNull();
    const restored = await update(['S', 'ADMIN'], { id: w.id('D1'), creditLimit: '1000000.00' });
    expect(restored.data!.updateAccount.account!.credit!.limit.amount).toBe('1000000.00');
  });

  it("lets only the seller's ADMIN change code and territory, inside its own territory and still covering the children and warehouses (V6)", async () => {
    expect(codeOf(await update(['D1', 'ADMIN'], { id: w.id('D1'), territory: ['440300', '440100'] }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await update(['S', 'FINANCE'], { id: w.id('D1'), code: 'X' }))).toBe('FORBIDDEN');
    const outsideParent = await update(['S', 'ADMIN'], { id: w.id('D1'), territory: ['310000'] });
    expect(outsideParent.data!.updateAccount.userErrors.map((e) => e.code)).toEqual(['OUTSIDE_TERRITORY']);
    // Guangzhou only: R1a and R1b (Shenzhen) and D1's Futian warehouse (covers 440300) would be left outside.
    const leavesChildren = await update(['S', 'ADMIN'], { id: w.id('D1'), territory: ['440100'] });
    const messages = leavesChildren.data!.updateAccount.userErrors.map((e) => `${e.code} ${e.message}`);
    expect(messages.filter((m) => m.startsWith('OUTSIDE_TERRITORY')).length).toBe(3);
    expect(messages.join('\n')).toMatch(/R1a/);
    expect(messages.join('\n')).toMatch(/Warehouse Futian partner/);
    // Two districts still hold both retailers, not the warehouse covering the whole city.
    const districts = await update(['S', 'ADMIN'], { id: w.id('D1'), territory: ['440304', '440305'] });
    expect(districts.data!.updateAccount.userErrors.map((e) => e.message)).toEqual([
      expect.stringMatching(/Warehouse Futian partner delivers to 440300/),
    ]);
    const retailer = await update(['D1', 'ADMIN'], { id: w.id('R1a'), territory: ['440304'] });
    expect(retailer.data!.updateAccount.userErrors.map((e) => e.code)).toEqual(['INVALID_INPUT']);

    const ok = await update(['S', 'ADMIN'], { id: w.id('D1'), territory: ['440300', '440100'], code: 'W-D1-NEW' });
    expect(ok.data!.updateAccount.userErrors).toEqual([]);
    expect(ok.data!.updateAccount.account!.territory.map((t) => t.code)).toEqual(['440300', '440100']);
    const taken = await update(['S', 'ADMIN'], { id: w.id('D1'), code: 'W-D2' });
    expect(taken.data!.updateAccount.userErrors.map((e) => e.code)).toEqual(['CODE_TAKEN']);
    await update(['S', 'ADMIN'], { id: w.id('D1'), territory: ['440300'] });
  });
});

describe('setAccountStatus', () => {
  it('is for an ADMIN above the account only: never its own, its parent, or outside its subtree (V1)', async () => {
    expect(codeOf(await setStatus(['S', 'ADMIN'], 'D3', 'SUSPENDED'))).toBe('FORBIDDEN');
    expect(codeOf(await setStatus(['S', 'ADMIN'], 'S', 'SUSPENDED'))).toBe('FORBIDDEN');
    expect(codeOf(await setStatus(['D1', 'ADMIN'], 'S', 'SUSPENDED'))).toBe('FORBIDDEN');
    expect(codeOf(await setStatus(['D1', 'FINANCE'], 'R1b', 'SUSPENDED'))).toBe('FORBIDDEN');
    const [row] = await app.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from accounts where status <> 'ACTIVE'`,
    );
    expect(row.n).toBe(0);
  });

  it('suspends a retailer: sign-in, its tokens and orders for it are refused; the seller side still cancels its open orders', async () => {
    const open = await place(['R1b', 'BUYER'], [{ sku: 'B1', quantity: 6 }]);
    expect(open.data!.placeOrder.userErrors).toEqual([]);
    const tokenBefore = await w.token('R1b', 'BUYER');

    const r = await setStatus(['D1', 'ADMIN'], 'R1b', 'SUSPENDED', 'Overdue payments');
    expect(r.data!.setAccountStatus.userErrors).toEqual([]);
    expect(r.data!.setAccountStatus.account!.status).toBe('SUSPENDED');
    const [entry] = await entries(w.account('R1b').id, 'account.status');
    expect(entry.changes).toMatchObject({
      before: { status: 'ACTIVE' },
      after: { status: 'SUSPENDED', reason: 'Overdue payments' },
    });

    // Sign-in: the password is right, the account is suspended.
    const login = await app.gql(LoginDocument, { input: { email: w.email('R1b', 'BUYER'), password: PASSWORD } });
    expect(login.data!.login.token).toBeNull();
    expect(login.data!.login.userErrors.map((e) => e.code)).toEqual(['ACCOUNT_SUSPENDED']);
    // A token issued before: UNAUTHENTICATED, saying why, on every operation.
    const viewer = await app.gql(ViewerDocument, {}, tokenBefore);
    expect(codeOf(viewer)).toBe('UNAUTHENTICATED');
    expect(viewer.errors![0].message).toMatch(/suspended/);
    const ordered = await place(['R1b', 'BUYER'], [{ sku: 'B1', quantity: 6 }]);
    expect(codeOf(ordered)).toBe('UNAUTHENTICATED');
    // On its behalf, by its seller and by the agent above.
    for (const as of [
      ['D1', 'ADMIN'],
      ['S', 'ADMIN'],
    ] as [WorldKey, Role][]) {
      const onBehalf = await place(as, [{ sku: 'B1', quantity: 6 }], 'R1b');
      expect(onBehalf.data!.placeOrder.order, as.join(' ')).toBeNull();
      expect(onBehalf.data!.placeOrder.userErrors.map((e) => e.code)).toEqual(['ACCOUNT_SUSPENDED']);
    }
    // Its open order stays, and the seller side may cancel it: stock and credit come back.
    const cancelled = await app.gql(
      CancelOrderDocument,
      { id: open.data!.placeOrder.order!.id, reason: 'account suspended' },
      await w.token('S', 'ADMIN'),
    );
    expect(cancelled.data!.cancelOrder.userErrors).toEqual([]);
    expect(cancelled.data!.cancelOrder.order!.status).toBe('CANCELLED');
    await expectInvariants(app);

    // Active again: sign-in and the old token work again (suspension did not sign anyone out for good).
    await setStatus(['D1', 'ADMIN'], 'R1b', 'ACTIVE', 'Paid');
    expect((await app.gql(ViewerDocument, {}, tokenBefore)).data!.viewer!.account.id).toBe(w.id('R1b'));
    expect((await place(['R1b', 'BUYER'], [{ sku: 'B1', quantity: 6 }])).data!.placeOrder.userErrors).toEqual([]);
  });

  it('suspends a seller: nothing is ordered from it or for it, its users are out, the side above still cancels', async () => {
    const open = await place(['R2', 'BUYER'], [{ sku: 'B1', quantity: 6 }]);
    expect(open.data!.placeOrder.userErrors).toEqual([]);
    expect((await setStatus(['S', 'ADMIN'], 'D2', 'SUSPENDED', '窜货')).data!.setAccountStatus.userErrors).toEqual([]);

    const fromIt = await place(['R2', 'BUYER'], [{ sku: 'B1', quantity: 6 }]);
    expect(fromIt.data!.placeOrder.userErrors.map((e) => e.code)).toEqual(['ACCOUNT_SUSPENDED']);
    expect(fromIt.data!.placeOrder.userErrors[0].message).toMatch(/seller/);
    const forIt = await place(['S', 'ADMIN'], [{ sku: 'B1', quantity: 6 }], 'D2');
    expect(forIt.data!.placeOrder.userErrors.map((e) => e.code)).toEqual(['ACCOUNT_SUSPENDED']);
    expect(codeOf(await app.gql(ViewerDocument, {}, await w.token('D2', 'ADMIN')))).toBe('UNAUTHENTICATED');
    const login = await app.gql(LoginDocument, { input: { email: w.email('D2', 'ADMIN'), password: PASSWORD } });
    expect(login.data!.login.userErrors.map((e) => e.code)).toEqual(['ACCOUNT_SUSPENDED']);

    const cancelled = await app.gql(
      CancelOrderDocument,
      { id: open.data!.placeOrder.order!.id },
      await w.token('S', 'ADMIN'),
    );
    expect(cancelled.data!.cancelOrder.order!.status).toBe('CANCELLED');
    const [{ n }] = await app.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from orders where seller_id = ${w.account('D2').id} and status <> 'CANCELLED'`,
    );
    expect(n).toBe(0);
    await expectInvariants(app);
    await setStatus(['S', 'ADMIN'], 'D2', 'ACTIVE', 'cleared');
  });

  it('closes only an account with nothing open, and CLOSED is final', async () => {
    const open = await place(['R1a', 'BUYER'], [{ sku: 'B1', quantity: 6 }]);
    const refused = await setStatus(['D1', 'ADMIN'], 'R1a', 'CLOSED');
    expect(refused.data!.setAccountStatus.userErrors.map((e) => e.code)).toEqual(['HAS_OPEN_ORDERS']);
    await app.gql(CancelOrderDocument, { id: open.data!.placeOrder.order!.id }, await w.token('D1', 'ADMIN'));
    // R1b: once its open orders are cancelled, it can close.
    const openOfR1b = await app.database.db.execute<{ id: number }>(
      sql`select id from orders where buyer_id = ${w.account('R1b').id} and status not in ('COMPLETED', 'CANCELLED')`,
    );
    for (const o of openOfR1b)
      await app.gql(CancelOrderDocument, { id: toGlobalId('Order', o.id) }, await w.token('D1', 'ADMIN'));
    await expectInvariants(app);
    // A distributor with no open orders but accounts below it: they must go first.
    const parent = await setStatus(['S', 'ADMIN'], 'D1', 'CLOSED');
    expect(parent.data!.setAccountStatus.userErrors.map((e) => e.code)).toEqual(['HAS_ACTIVE_CHILDREN']);

    const closed = await setStatus(['D1', 'ADMIN'], 'R1b', 'CLOSED', 'Shop closed');
    expect(closed.data!.setAccountStatus.userErrors).toEqual([]);
    for (const back of ['ACTIVE', 'SUSPENDED'] as const) {
      const again = await setStatus(['S', 'ADMIN'], 'R1b', back);
      expect(again.data!.setAccountStatus.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    }
    const login = await app.gql(LoginDocument, { input: { email: w.email('R1b', 'BUYER'), password: PASSWORD } });
    expect(login.data!.login.userErrors.map((e) => e.code)).toEqual(['ACCOUNT_SUSPENDED']);
    expect(login.data!.login.userErrors[0].message).toMatch(/closed/);
    // History stays readable to its ancestors.
    const [row] = await app.database.db.execute<{ status: string }>(
      sql`select status::text from accounts where id = ${w.account('R1b').id}`,
    );
    expect(row.status).toBe('CLOSED');
  });
});
