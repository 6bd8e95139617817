import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { codes, startTestApp, type GqlResult, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import {
  AccountChildrenDocument,
  AccountPageDocument,
  AccountsDocument,
  CreateAccountDocument,
  CreateUserDocument,
  LoginDocument,
  PortalDocument,
  type AccountsQuery,
  type CreateAccountInput,
} from './generated/graphql.js';
import { accounts, portals } from '../src/modules/accounts/tables.js';
import { users } from '../src/modules/users/tables.js';

let app: TestApp;
let w: World;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
});
afterAll(() => app?.close());

async function rowCounts() {
  const db = app.database.db;
  const [[a], [p], [u]] = await Promise.all([
    db.select({ n: count() }).from(accounts),
    db.select({ n: count() }).from(portals),
    db.select({ n: count() }).from(users),
  ]);
  return { accounts: a.n, portals: p.n, users: u.n };
}

function retailer(parentId: string, overrides: Partial<CreateAccountInput> = {}): CreateAccountInput {
  return {
    parentId,
    name: 'Futian Water Shop',
    tier: 'RETAILER',
    code: `R-${Math.random().toString(36).slice(2, 8)}`,
    address: { line1: '1 Fuhua Road', city: 'Shenzhen', regionCode: '440304', latitude: 22.54, longitude: 114.06 },
    contact: { name: 'Ms. Li', phone: '+86 138 0000 0000', email: 'li@shop.example' },
    creditLimit: '50000.00',
    ...overrides,
  };
}

describe('createAccount', () => {
  it('creates a retailer under the viewer, visible in its subtree with the parent as seller', async () => {
    const token = await w.token('D1', 'ADMIN');
    const res = await app.gql(CreateAccountDocument, { input: retailer(w.id('D1')) }, token);
    expect(res.errors).toBeUndefined();
    const { account, userErrors } = res.data!.createAccount;
    expect(userErrors).toEqual([]);
    expect(account).toMatchObject({
      name: 'Futian Water Shop',
      tier: 'RETAILER',
      seller: { id: w.id('D1') },
      credit: { limit: { amount: '50000.00' } },
    });
    const children = await app.gql(AccountChildrenDocument, { id: w.id('D1'), first: 100 }, token);
    expect(children.data!.account!.children.nodes.map((n) => n.id)).toContain(account!.id);
    // An ancestor (the brand) sees it too; a sibling distributor does not.
    const brand = await app.gql(
      AccountsDocument,
      { first: 100, filter: { search: 'Futian Water' } },
      await w.token('BRAND', 'ADMIN'),
    );
    expect(brand.data!.accounts.nodes.map((n) => n.id)).toContain(account!.id);
    const sibling = await app.gql(
      AccountsDocument,
      { first: 100, filter: { search: 'Futian Water' } },
      await w.token('D2', 'ADMIN'),
    );
    expect(sibling.data!.accounts.nodes).toEqual([]);
  });

  it('an ancestor creates deeper in its subtree (an agent under its distributor), with a portal for a selling tier', async () => {
    const res = await app.gql(
      CreateAccountDocument,
      {
        input: {
          parentId: w.id('S'),
          name: 'Foshan Distributor',
          tier: 'DISTRIBUTOR',
          territory: ['440600'],
          servicePhone: '+86 757 0000 0000',
          portal: { slug: 'foshan-water', displayName: 'Foshan Water', primaryColor: '#112233' },
        },
      },
      await w.token('BRAND', 'ADMIN'),
    );
    expect(res.data!.createAccount.userErrors).toEqual([]);
    expect(res.data!.createAccount.account).toMatchObject({
      seller: { id: w.id('S') },
      territory: [{ code: '440600', name: '佛山市' }],
      portal: { slug: 'foshan-water' },
    });
    const portal = await app.gql(PortalDocument, { slug: 'foshan-water' });
    expect(portal.data!.portal).toMatchObject({
      displayName: 'Foshan Water',
      seller: { name: 'Foshan Distributor', tier: 'DISTRIBUTOR', servicePhone: '+86 757 0000 0000' },
    });
  });

  it('under a parent outside the viewer subtree: null + FORBIDDEN, nothing written', async () => {
    const before = await rowCounts();
    for (const parent of ['D2', 'S', 'BRAND'] as const) {
      const res = await app.gql(CreateAccountDocument, { input: retailer(w.id(parent)) }, await w.token('D1', 'ADMIN'));
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect(res.data).toBeNull();
    }
    const bogus = await app.gql(CreateAccountDocument, { input: retailer('bogus') }, await w.token('D1', 'ADMIN'));
    expect(codes(bogus)).toEqual(['FORBIDDEN']);
    expect(await rowCounts()).toEqual(before);
  });

  it('needs the ADMIN role', async () => {
    const before = await rowCounts();
    for (const role of ['BUYER', 'FINANCE', 'SERVICE', 'ANALYST'] as const) {
      const res = await app.gql(CreateAccountDocument, { input: retailer(w.id('D1')) }, await w.token('D1', role));
      expect(codes(res), role).toEqual(['FORBIDDEN']);
    }
    const anon = await app.gql(CreateAccountDocument, { input: retailer(w.id('D1')) });
    expect(codes(anon)).toEqual(['UNAUTHENTICATED']);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['a tier not below the parent', { tier: 'DISTRIBUTOR' as const, territory: ['440304'] }, 'INVALID_INPUT', ['tier']],
    [
      'a territory outside the parent',
      { tier: 'DISTRIBUTOR' as const, territory: ['440100'] },
      'INVALID_INPUT',
      ['territory', '0'],
    ],
    [
      'an unknown region code',
      { tier: 'DISTRIBUTOR' as const, territory: ['999999'] },
      'INVALID_INPUT',
      ['territory', '0'],
    ],
    ['a retailer with a territory', { territory: ['440304'] }, 'INVALID_INPUT', ['territory']],
    [
      'an address outside the seller territory (V6)',
      { address: { line1: 'x', regionCode: '440106' } },
      'OUTSIDE_TERRITORY',
      ['address', 'regionCode'],
    ],
    ['a negative credit limit', { creditLimit: '-1.00' }, 'INVALID_INPUT', ['creditLimit']],
    ['a credit limit with fractions of a fen', { creditLimit: '10.001' }, 'INVALID_INPUT', ['creditLimit']],
    ['a blank name', { name: '   ' }, 'INVALID_INPUT', ['name']],
    ['a retailer with a portal', { portal: { slug: 'shop-portal', displayName: 'Shop' } }, 'INVALID_INPUT', ['portal']],
  ])('refuses %s with a userError naming the field, writing nothing', async (_why, overrides, code, field) => {
    const before = await rowCounts();
    const input = { ...retailer(w.id('D1')), ...overrides };
    const res = await app.gql(CreateAccountDocument, { input }, await w.token('S', 'ADMIN'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.createAccount.account).toBeNull();
    expect(res.data!.createAccount.userErrors).toContainEqual(expect.objectContaining({ code, field }));
    expect(await rowCounts()).toEqual(before);
  });

  it('a distributor territory must lie inside its parent agent (440000 contains 440300 contains 440304)', async () => {
    const token = await w.token('BRAND', 'ADMIN');
    const ok = await app.gql(
      CreateAccountDocument,
      { input: { parentId: w.id('S'), name: 'Futian sub', tier: 'DISTRIBUTOR', territory: ['440304'] } },
      token,
    );
    expect(ok.data!.createAccount.userErrors).toEqual([]);
    const bad = await app.gql(
      CreateAccountDocument,
      { input: { parentId: w.id('E'), name: 'Bad', tier: 'DISTRIBUTOR', territory: ['310104', '440304'] } },
      token,
    );
    expect(bad.data!.createAccount.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['territory', '1'] }),
    ]);
  });

  it('a taken portal slug or ERP code is a userError and writes nothing', async () => {
    const token = await w.token('BRAND', 'ADMIN');
    const before = await rowCounts();
    const slug = await app.gql(
      CreateAccountDocument,
      {
        input: {
          parentId: w.id('S'),
          name: 'Dup',
          tier: 'DISTRIBUTOR',
          territory: ['440300'],
          portal: { slug: 'portal-d1', displayName: 'Dup' },
        },
      },
      token,
    );
    expect(slug.data!.createAccount.userErrors).toEqual([
      expect.objectContaining({ code: 'SLUG_TAKEN', field: ['portal', 'slug'] }),
    ]);
    const code = await app.gql(CreateAccountDocument, { input: retailer(w.id('D1'), { code: 'W-R1a' }) }, token);
    expect(code.data!.createAccount.userErrors).toEqual([
      expect.objectContaining({ code: 'CODE_TAKEN', field: ['code'] }),
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('rejects a float for a Decimal', async () => {
    const res = await app.raw(
      'mutation($p: ID!) { createAccount(input: { parentId: $p, name: "F", tier: RETAILER, creditLimit: 12.5 }) { userErrors { code } } }',
      { p: w.id('D1') },
      await w.token('D1', 'ADMIN'),
    );
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('createUser', () => {
  const input = (accountId: string, email: string, password = 'river-stone-2026') => ({
    accountId,
    email,
    name: 'New Buyer',
    password,
    roles: ['BUYER' as const],
  });

  it('an ADMIN creates a user in its subtree, who can then sign in', async () => {
    const res = await app.gql(
      CreateUserDocument,
      { input: input(w.id('R1a'), 'New.Buyer@R1a.example') },
      await w.token('D1', 'ADMIN'),
    );
    expect(res.data!.createUser.userErrors).toEqual([]);
    expect(res.data!.createUser.user).toMatchObject({
      email: 'new.buyer@r1a.example',
      roles: ['BUYER'],
      account: { id: w.id('R1a') },
    });
    const login = await app.gql(LoginDocument, {
      input: { email: 'new.buyer@r1a.example', password: 'river-stone-2026' },
    });
    expect(login.data!.login.viewer!.account.id).toBe(w.id('R1a'));
  });

  it('EMAIL_TAKEN, WEAK_PASSWORD and INVALID_INPUT write nothing', async () => {
    const token = await w.token('D1', 'ADMIN');
    const before = await rowCounts();
    const taken = await app.gql(CreateUserDocument, { input: input(w.id('D1'), w.email('R1a', 'BUYER')) }, token);
    expect(taken.data!.createUser.userErrors).toEqual([
      expect.objectContaining({ code: 'EMAIL_TAKEN', field: ['email'] }),
    ]);
    const weak = await app.gql(CreateUserDocument, { input: input(w.id('D1'), 'weak@d1.example', 'short') }, token);
    expect(weak.data!.createUser.userErrors).toEqual([
      expect.objectContaining({ code: 'WEAK_PASSWORD', field: ['password'] }),
    ]);
    const bad = await app.gql(
      CreateUserDocument,
      { input: { ...input(w.id('D1'), 'not-an-email'), roles: [] } },
      token,
    );
    expect(bad.data!.createUser.userErrors.map((e) => e.field)).toEqual([['email'], ['roles']]);
    expect(await rowCounts()).toEqual(before);
  });

  it('outside the viewer subtree: null + FORBIDDEN', async () => {
    const before = await rowCounts();
    const res = await app.gql(
      CreateUserDocument,
      { input: input(w.id('D2'), 'intruder@d2.example') },
      await w.token('D1', 'ADMIN'),
    );
    expect(codes(res)).toEqual(['FORBIDDEN']);
    const notAdmin = await app.gql(
      CreateUserDocument,
      { input: input(w.id('D1'), 'x@d1.example') },
      await w.token('D1', 'BUYER'),
    );
    expect(codes(notAdmin)).toEqual(['FORBIDDEN']);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('accounts connection', () => {
  it('pages with opaque cursors, totalCount and page info', async () => {
    const token = await w.token('BRAND', 'ADMIN');
    const all = await app.gql(AccountsDocument, { first: 100 }, token);
    const total = all.data!.accounts.totalCount;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: GqlResult<AccountsQuery> = await app.gql(AccountsDocument, { first: 3, after }, token);
      const c = res.data!.accounts;
      expect(c.totalCount).toBe(total);
      expect(c.edges.length).toBeLessThanOrEqual(3);
      expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(c.pageInfo.endCursor).toBe(c.edges.at(-1)?.cursor ?? null);
      seen.push(...c.edges.map((e) => e.node.id));
      after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(seen).toEqual(all.data!.accounts.nodes.map((n) => n.id));
    expect(pages).toBe(Math.ceil(total / 3));
  });

  it('defaults to 20 and refuses first outside 1..100 or a foreign cursor', async () => {
    const token = await w.token('BRAND', 'ADMIN');
    for (const first of [0, -1, 101])
      expect(codes(await app.gql(AccountsDocument, { first }, token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(AccountsDocument, { after: 'garbage' }, token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(AccountsDocument, { after: w.id('D1') }, token))).toEqual(['BAD_USER_INPUT']);
  });

  it('filters by tier, region (a code covers its subdivisions) and search', async () => {
    const token = await w.token('BRAND', 'ADMIN');
    const ids = async (filter: object) =>
      (await app.gql(AccountsDocument, { first: 100, filter }, token)).data!.accounts.nodes.map((n) => n.id).sort();
    expect(await ids({ tier: 'DISTRIBUTOR' })).toEqual(expect.arrayContaining([w.id('D1'), w.id('D2'), w.id('D3')]));
    expect(await ids({ tier: 'GENERAL_AGENT' })).toEqual([w.id('S'), w.id('E')].sort());
    const guangdong = await ids({ regionCode: '440000', tier: 'RETAILER' });
    expect(guangdong).toEqual(expect.arrayContaining([w.id('R1a'), w.id('R1b'), w.id('R2')]));
    expect(guangdong).not.toContain(w.id('R3'));
    expect(await ids({ regionCode: '440305' })).toEqual([w.id('R1b')]);
    expect(await ids({ search: 'w-d3' })).toEqual([w.id('D3')]);
    expect(await ids({ search: '%' })).toEqual([]);
  });

  it('a page costs the same number of SQL statements at 5 and at 50 rows (DataLoaders, no N+1)', async () => {
    const token = await w.token('BRAND', 'ADMIN');
    // Enough accounts for a 50-row page.
    const brand = w.account('BRAND');
    const parent = w.account('D1');
    for (let i = 0; i < 45; i++) {
      await app.database.db.insert(accounts).values({
        id: 10_000 + i,
        parentId: parent.id,
        path: [...parent.path, 10_000 + i],
        rootId: brand.id,
        name: `Bulk ${i}`,
        tier: 'RETAILER',
      });
    }
    const small = await app.gql(AccountPageDocument, { first: 5 }, token);
    const large = await app.gql(AccountPageDocument, { first: 50 }, token);
    expect(small.errors).toBeUndefined();
    expect(large.data!.accounts.nodes).toHaveLength(50);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBeLessThanOrEqual(6);
  });
});

describe('portal(slug)', () => {
  it('is public: branding and the seller profile, no sign-in', async () => {
    const res = await app.gql(PortalDocument, { slug: 'portal-d1' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.portal).toMatchObject({
      slug: 'portal-d1',
      displayName: 'D1 portal',
      seller: { id: w.id('D1'), tier: 'DISTRIBUTOR', portal: { slug: 'portal-d1' } },
    });
  });
  it('is null for an unknown slug', async () => {
    expect((await app.gql(PortalDocument, { slug: 'nope' })).data!.portal).toBeNull();
  });
});
