import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, WORLD_KEYS, WORLD_USERS, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { VariantBySkuDocument } from './generated/graphql.js';
import { permissionMap } from '../src/permissions/map.js';
import { channelSettings } from '../src/modules/accounts/tables.js';
import type { Role } from '../src/modules/users/tables.js';
import type { Tier } from '../src/modules/accounts/tables.js';

/**
 * The V3 matrix: for every tier × role × price-bearing field, the expectation
 * comes from the permission map (the rule's `decides`, which is what the
 * README table documents), and is checked over real HTTP through a direct
 * lookup, node(id:), and a list with aliases and a fragment.
 */
const FIELDS = ['price', 'priceFor', 'priceFloor', 'priceListEntries', 'suggestedRetailPrice'] as const;
type PriceField = (typeof FIELDS)[number];

let app: TestApp;
let w: World;
let variantId: string;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  variantId = (await app.gql(VariantBySkuDocument, { sku: 'A1' }, await w.token('BRAND', 'ADMIN'))).data!.variant!.id;
});
afterAll(() => app?.close());

function expected(field: PriceField, viewer: { tier: Tier; roles: Role[] } | null): boolean {
  const rule = permissionMap.Variant[field] ?? permissionMap.Variant['*'];
  if (rule.name === 'public') return true;
  if (!viewer) return false;
  expect(rule.decides, `${field}'s rule ${rule.name} must say whom it admits`).toBeDefined();
  return rule.decides!(viewer);
}

function selection(accountId: string, prefix = ''): string {
  return `
    ${prefix}price: price { amount { amount } }
    ${prefix}priceFor: priceFor(accountId: "${accountId}") { amount { amount } }
    ${prefix}priceFloor: priceFloor { amount }
    ${prefix}priceListEntries: priceListEntries { minQuantity }
    ${prefix}suggestedRetailPrice: suggestedRetailPrice { amount }`;
}

async function check(token: string | null, accountId: string, viewer: { tier: Tier; roles: Role[] } | null, label: string) {
  const query = `
    query Matrix($id: ID!) {
      direct: variant(sku: "A1") { ${selection(accountId)} }
      viaNode: node(id: $id) { ... on Variant { ${selection(accountId)} } }
      viaList: products(filter: { skus: ["A1"] }) { nodes { variants { ...V } } }
    }
    fragment V on Variant { sku ${selection(accountId, 'aliased_')} }`;
  const res = await app.raw(query, { id: variantId }, token);
  const errorAt = (path: string) => (res.errors ?? []).filter((e) => e.path?.join('.') === path).map((e) => e.extensions?.code);
  const deniedCode = viewer ? 'FORBIDDEN' : 'UNAUTHENTICATED';
  const a1 = res.data.viaList.nodes.flatMap((n: { variants: { sku: string }[] }, i: number) => n.variants.map((v, j) => ({ v, path: `viaList.nodes.${i}.variants.${j}` }))).find((x: { v: { sku: string } }) => x.v.sku === 'A1');
  expect(a1, label).toBeDefined();
  for (const field of FIELDS) {
    const allowed = expected(field, viewer);
    const places: [string, Record<string, unknown>][] = [
      [`direct.${field}`, res.data.direct],
      [`viaNode.${field}`, res.data.viaNode],
      [`${a1.path}.aliased_${field}`, a1.v],
    ];
    for (const [path, parent] of places) {
      const key = path.split('.').at(-1)!;
      if (allowed) {
        expect(errorAt(path), `${label}: ${path} should be allowed`).toEqual([]);
      } else {
        expect(parent[key], `${label}: ${path} should be null`).toBeNull();
        expect(errorAt(path), `${label}: ${path} should be denied`).toEqual([deniedCode]);
      }
    }
  }
  // Allowed prices are real prices, not just the absence of an error.
  if (viewer && expected('price', viewer)) expect((res.data.direct.price as { amount: { amount: string } }).amount.amount, label).toMatch(/^\d+\.\d\d$/);
}

describe('V3 price visibility matrix', () => {
  it.each(WORLD_USERS)('%s %s', async (key, role) => {
    const account = w.account(key);
    await check(await w.token(key, role), w.id(key), { tier: account.tier, roles: [role] }, `${key}/${role}`);
  });

  it('anonymous (with a public catalog)', async () => {
    await app.database.db.insert(channelSettings).values({ rootId: w.account('BRAND').id, publicCatalog: true });
    try {
      await check(null, w.id('R1a'), null, 'anonymous');
    } finally {
      await app.database.db.delete(channelSettings);
    }
  });

  it('covers every tier and every role', () => {
    expect(new Set(WORLD_KEYS.map((k) => w.account(k).tier))).toEqual(new Set(['BRAND', 'GENERAL_AGENT', 'DISTRIBUTOR', 'RETAILER']));
    expect(new Set(WORLD_USERS.map(([, role]) => role))).toEqual(new Set(['ADMIN', 'BUYER', 'FINANCE', 'SERVICE', 'ANALYST']));
  });
});
