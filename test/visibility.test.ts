import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, WORLD_KEYS, type World, type WorldKey } from './support/world.js';
import {
  AccountDocument,
  AccountPrivateDocument,
  AccountsDocument,
  AccountChildrenDocument,
  NodeDocument,
} from './generated/graphql.js';
import { toGlobalId } from '../src/graphql/ids.js';

let app: TestApp;
let w: World;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
});
afterAll(() => app?.close());

/** The subtree of each account, by hand: what V1 says each viewer sees. */
const SUBTREE: Record<WorldKey, WorldKey[]> = {
  BRAND: [...WORLD_KEYS],
  S: ['S', 'D1', 'D2', 'R1a', 'R1b', 'R2'],
  E: ['E', 'D3', 'R3'],
  D1: ['D1', 'R1a', 'R1b'],
  D2: ['D2', 'R2'],
  D3: ['D3', 'R3'],
  R1a: ['R1a'],
  R1b: ['R1b'],
  R2: ['R2'],
  R3: ['R3'],
};

const PARENT: Partial<Record<WorldKey, WorldKey>> = {
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

it('the world signs in as it says: a user token, or an API key of the same account and role (test/visibility-as-api-key.test.ts)', async () => {
  const res = await app.raw(
    '{ viewer { roles account { id } apiKey { name roles } } }',
    {},
    await w.token('D1', 'SERVICE'),
  );
  expect(res.data.viewer.account.id).toBe(w.id('D1'));
  expect(res.data.viewer.roles).toEqual(['SERVICE']);
  expect(res.data.viewer.apiKey).toEqual(
    w.credentials === 'apiKey' ? { name: 'D1 SERVICE key', roles: ['SERVICE'] } : null,
  );
});

describe('V1 subtree scope', () => {
  it.each(WORLD_KEYS)('%s lists exactly its own subtree', async (viewer) => {
    const token = await w.token(viewer, w.roles(viewer)[0]);
    const res = await app.gql(AccountsDocument, { first: 100 }, token);
    expect(res.errors).toBeUndefined();
    const ids = res.data!.accounts.nodes.map((n) => n.id).sort();
    expect(ids).toEqual(SUBTREE[viewer].map((k) => w.id(k)).sort());
    expect(res.data!.accounts.totalCount).toBe(SUBTREE[viewer].length);
  });

  it.each(WORLD_KEYS)(
    '%s looks up by id and node(id:) only inside its subtree; outside is null with no error',
    async (viewer) => {
      const token = await w.token(viewer, w.roles(viewer)[0]);
      for (const target of WORLD_KEYS) {
        const visible = SUBTREE[viewer].includes(target);
        const byId = await app.gql(AccountDocument, { id: w.id(target) }, token);
        const byNode = await app.gql(NodeDocument, { id: w.id(target) }, token);
        expect(byId.errors, `${viewer} -> ${target}`).toBeUndefined();
        expect(byNode.errors).toBeUndefined();
        expect(byId.data!.account?.id ?? null).toBe(visible ? w.id(target) : null);
        expect(byNode.data!.node?.id ?? null).toBe(visible ? w.id(target) : null);
      }
    },
  );

  it('children lists direct downstream accounts only', async () => {
    const res = await app.gql(AccountChildrenDocument, { id: w.id('S') }, await w.token('BRAND', 'ADMIN'));
    expect(res.data!.account!.children.nodes.map((n) => n.id).sort()).toEqual([w.id('D1'), w.id('D2')].sort());
    expect(res.data!.account!.children.totalCount).toBe(2);
  });

  it('users of an account are visible to it and its direct parent (V4: names and e-mails are contacts), never to siblings', async () => {
    const user = w.user('D1', 'BUYER');
    const userId = toGlobalId('User', user.id);
    for (const viewer of ['D1', 'S', 'BRAND', 'D2', 'R1a', 'E'] as WorldKey[]) {
      const res = await app.gql(NodeDocument, { id: userId }, await w.token(viewer, w.roles(viewer)[0]));
      const expected = ['D1', 'S'].includes(viewer);
      expect(res.data!.node ? (res.data!.node as { email: string }).email : null, viewer).toBe(
        expected ? user.email : null,
      );
    }
    const list = await app.gql(AccountChildrenDocument, { id: w.id('D1') }, await w.token('S', 'ADMIN'));
    expect(list.data!.account!.users.map((u) => u.email).sort()).toEqual(
      w
        .roles('D1')
        .map((r) => w.email('D1', r))
        .sort(),
    );
    const above = await app.gql(AccountChildrenDocument, { id: w.id('D1') }, await w.token('BRAND', 'ADMIN'));
    expect(above.errors).toBeUndefined();
    expect(above.data!.account!.users).toEqual([]);
  });

  it('anonymous viewers get UNAUTHENTICATED for accounts and null for node(id:)', async () => {
    const list = await app.gql(AccountsDocument, {});
    expect(codes(list)).toEqual(['UNAUTHENTICATED']);
    const node = await app.gql(NodeDocument, { id: w.id('BRAND') });
    expect(node.errors).toBeUndefined();
    expect(node.data!.node).toBeNull();
  });

  it.each([
    '',
    'not-an-id',
    '!!!',
    toGlobalId('Account', 999999),
    toGlobalId('Nope', 1),
    Buffer.from('Account:abc').toString('base64url'),
    'x'.repeat(500),
  ])('a malformed or unknown id (%s) is null, never an error', async (id) => {
    const token = await w.token('BRAND', 'ADMIN');
    const a = await app.gql(AccountDocument, { id }, token);
    const n = await app.gql(NodeDocument, { id }, token);
    expect(a.status).toBe(200);
    expect(a.errors).toBeUndefined();
    expect(n.errors).toBeUndefined();
    expect(a.data!.account).toBeNull();
    expect(n.data!.node).toBeNull();
  });
});

describe('V4 contact details and addresses: the account itself and its direct parent only', () => {
  it.each(WORLD_KEYS)('as seen by %s', async (viewer) => {
    const token = await w.token(viewer, w.roles(viewer)[0]);
    for (const target of SUBTREE[viewer]) {
      const res = await app.gql(AccountPrivateDocument, { id: w.id(target) }, token);
      const allowed = target === viewer || PARENT[target] === viewer;
      const account = res.data!.account!;
      expect(account.id).toBe(w.id(target));
      if (allowed) {
        expect(account.address?.line1, `${viewer} -> ${target}`).toBe(`${target} street 1`);
        expect(account.contact?.name).toBe(`${target} contact`);
        expect(res.errors?.filter((e) => e.path?.[1] !== 'credit') ?? []).toEqual([]);
      } else {
        expect(account.address, `${viewer} -> ${target}`).toBeNull();
        expect(account.contact).toBeNull();
        const denied = (res.errors ?? []).filter((e) => e.path?.[1] === 'address' || e.path?.[1] === 'contact');
        expect(denied.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      }
    }
  });
});

describe('V5 credit: ADMIN and FINANCE users of the account itself and of its ancestors', () => {
  const cases: [WorldKey, string, WorldKey, boolean][] = [
    ['R1a', 'ADMIN', 'R1a', true],
    ['R1a', 'FINANCE', 'R1a', true],
    ['R1a', 'BUYER', 'R1a', false],
    ['D1', 'BUYER', 'R1a', false],
    ['D1', 'FINANCE', 'R1a', true],
    ['D1', 'SERVICE', 'D1', false],
    ['D1', 'FINANCE', 'D1', true],
    ['S', 'BUYER', 'R1a', false],
    ['S', 'FINANCE', 'R1a', true],
    ['BRAND', 'ANALYST', 'R1a', false],
    ['BRAND', 'ADMIN', 'D3', true],
  ];
  it.each(cases)('%s %s reading %s credit: %s', async (viewer, role, target, allowed) => {
    const res = await app.gql(AccountPrivateDocument, { id: w.id(target) }, await w.token(viewer, role as never));
    const credit = res.data!.account!.credit;
    const creditErrors = (res.errors ?? []).filter((e) => e.path?.[1] === 'credit');
    if (allowed) {
      expect(credit).toEqual({
        limit: { amount: expect.stringMatching(/^\d+\.\d\d$/), currencyCode: 'CNY' },
        used: { amount: '0.00' },
        available: { amount: credit!.limit.amount },
      });
      expect(creditErrors).toEqual([]);
    } else {
      expect(credit).toBeNull();
      expect(creditErrors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('shows the limit in minor-unit exact decimals', async () => {
    const res = await app.gql(AccountPrivateDocument, { id: w.id('D1') }, await w.token('S', 'ADMIN'));
    expect(res.data!.account!.credit!.limit.amount).toBe('1000000.00');
  });
});
