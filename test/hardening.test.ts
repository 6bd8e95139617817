import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog, type CatalogWorld } from './support/catalog-world.js';
import {
  AccountsDocument,
  CreateUserDocument,
  LoginDocument,
  PriceListsDocument,
  SetAssortmentDocument,
  VariantBySkuDocument,
} from './generated/graphql.js';
import { PASSWORD } from './support/world.js';

/** Findings of a review, each pinned by a test. */
let app: TestApp;
let w: World;
let cw: CatalogWorld;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  cw = await buildCatalog(app, w);
});
afterAll(() => app?.close());

describe('V2 reaches prices and list entries', () => {
  it("a variant dropped upstream vanishes from the buyer's own lists and loses its price", async () => {
    const d1 = await w.token('D1', 'ADMIN');
    const query = `query($id: ID!) { node(id: $id) { ... on PriceList { entries { variant { sku price { amount { amount } } } } } } }`;
    const before = await app.raw(query, { id: cw.listIds['d1-retail'] }, d1);
    expect(before.data.node.entries.map((e: { variant: { sku: string } }) => e.variant.sku)).toContain('A2');
    // S (D1's seller) stops offering A2.
    const narrowed = await app.gql(
      SetAssortmentDocument,
      { input: { sellerId: w.id('S'), includeAll: false, skus: ['A1', 'B1', 'C1'] } },
      await w.token('S', 'ADMIN'),
    );
    expect(narrowed.data!.setAssortment.userErrors).toEqual([]);
    try {
      const after = await app.raw(query, { id: cw.listIds['d1-retail'] }, d1);
      expect(after.errors).toBeUndefined();
      expect(after.data.node.entries.map((e: { variant: { sku: string } }) => e.variant.sku)).not.toContain('A2');
      expect(
        (await app.gql(VariantBySkuDocument, { sku: 'A2' }, await w.token('R1a', 'BUYER'))).data!.variant,
      ).toBeNull();
      const priceFor = await app.raw(
        'query($r: ID!) { variant(sku: "A2") { priceFor(accountId: $r) { amount { amount } } } }',
        { r: w.id('R1a') },
        await w.token('BRAND', 'ADMIN'),
      );
      expect(priceFor.data.variant.priceFor).toBeNull();
    } finally {
      await app.gql(
        SetAssortmentDocument,
        { input: { sellerId: w.id('S'), includeAll: true } },
        await w.token('S', 'ADMIN'),
      );
    }
  });

  it('priceFloor(tier:) answers only for tiers below the viewer', async () => {
    const res = await app.raw(
      '{ variant(sku: "A1") { own: priceFloor(tier: RETAILER) { amount } up: priceFloor(tier: DISTRIBUTOR) { amount } } }',
      {},
      await w.token('D1', 'ADMIN'),
    );
    expect(res.data.variant.own.amount).toBe('1800.00');
    expect(res.data.variant.up).toBeNull();
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  it('price lists of the subtree are listed whatever the assortment', async () => {
    expect((await app.gql(PriceListsDocument, {}, await w.token('D1', 'ADMIN'))).data!.priceLists.length).toBe(3);
  });
});

describe('accounts and users', () => {
  it('createUser: own account, never deeper than a direct buyer (V4)', async () => {
    const input = (accountId: string, email: string) => ({
      accountId,
      email,
      name: 'X',
      password: 'lantern-river-42',
      roles: ['ADMIN' as const],
    });
    expect(
      codes(
        await app.gql(
          CreateUserDocument,
          { input: input(w.id('R1a'), 'deep@r1a.example') },
          await w.token('BRAND', 'ADMIN'),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await app.gql(
          CreateUserDocument,
          { input: input(w.id('D1'), 'deep@d1.example') },
          await w.token('BRAND', 'ADMIN'),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    // S is a selling child that already has its users: its own ADMINs manage them (test/security-users.test.ts has the rest).
    expect(
      codes(
        await app.gql(
          CreateUserDocument,
          { input: input(w.id('S'), 'direct@s.example') },
          await w.token('BRAND', 'ADMIN'),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const ok = await app.gql(
      CreateUserDocument,
      { input: input(w.id('BRAND'), 'own@brand.example') },
      await w.token('BRAND', 'ADMIN'),
    );
    expect(ok.data!.createUser.userErrors).toEqual([]);
  });

  it('Account.children in a list costs the same at 5 and at 50 accounts', async () => {
    const token = await w.token('BRAND', 'ADMIN');
    const small = await app.raw(
      'query { accounts(first: 2) { nodes { id children(first: 3) { totalCount nodes { id } } } } }',
      {},
      token,
    );
    const large = await app.raw(
      'query { accounts(first: 10) { nodes { id children(first: 3) { totalCount nodes { id } } } } }',
      {},
      token,
    );
    expect(large.errors).toBeUndefined();
    const brand = large.data.accounts.nodes.find((n: { id: string }) => n.id === w.id('BRAND'));
    expect(brand.children.totalCount).toBe(2);
    expect(large.statements).toBe(small.statements);
  });
});

describe('plain bad input never becomes an internal error', () => {
  it('a cursor beyond int4 is BAD_USER_INPUT', async () => {
    const after = Buffer.from('c1:9999999999').toString('base64url');
    expect(codes(await app.gql(AccountsDocument, { after }, await w.token('BRAND', 'ADMIN')))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('an absurd email at login is refused as bad input before anything runs', async () => {
    const res = await app.gql(LoginDocument, { input: { email: `${'x'.repeat(4000)}@a.example`, password: PASSWORD } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.statements).toBe(0);
  });

  it('too many skus in a filter is BAD_USER_INPUT', async () => {
    const skus = Array.from({ length: 70_000 }, (_, i) => `S${i}`);
    const res = await app.raw(
      'query($s: [String!]) { products(filter: { skus: $s }) { totalCount } }',
      { s: skus },
      await w.token('BRAND', 'ADMIN'),
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('login', () => {
  it('must be alone in its operation, so nothing else runs as the signed-in user', async () => {
    const res = await app.raw(
      `mutation { a: login(input: { email: "${w.email('BRAND', 'FINANCE')}", password: "${PASSWORD}" }) { token userErrors { code } } b: setPriceFloors(input: [{ sku: "A1", tier: RETAILER, amount: "1.00" }]) { count } }`,
      {},
      await w.token('D1', 'ADMIN'),
    );
    // setPriceFloors is denied to the D1 admin (its payload is non-null, so data is null), and the floor is untouched.
    expect(codes(res)).toEqual(['FORBIDDEN']);
    const floor = await app.raw(
      '{ variant(sku: "A1") { priceFloor(tier: RETAILER) { amount } } }',
      {},
      await w.token('BRAND', 'ADMIN'),
    );
    expect(floor.data.variant.priceFloor.amount).toBe('1800.00');
    const alone = await app.raw(
      `mutation { a: login(input: { email: "${w.email('BRAND', 'FINANCE')}", password: "${PASSWORD}" }) { token userErrors { code } } b: login(input: { email: "x@y.example", password: "z" }) { token } }`,
    );
    expect(alone.data.a).toEqual({ token: null, userErrors: [{ code: 'INVALID_INPUT' }] });
  });

  it('parallel guesses cannot exceed the failure limit', async () => {
    const email = w.email('D2', 'FINANCE');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => app.gql(LoginDocument, { input: { email, password: `guess-${i}-abc` } })),
    );
    const answered = results.map((r) => r.data!.login.userErrors[0].code);
    expect(answered.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(
      app.config.loginThrottle.freeFailures,
    );
    expect(answered.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(
      20 - app.config.loginThrottle.freeFailures,
    );
  });
});
