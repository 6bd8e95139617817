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
 * The V3 matrix: for every tier × role × price-bearing field, the
 * expectation comes from a table written by hand from DESIGN.md's V3 (not from
 * the permission map), checked over real HTTP through a direct lookup,
 * node(id:), and a list with aliases and a fragment. A wrong map entry fails
 * here; a last test holds the map's documented rules to the same table.
 */
const FIELDS = ['price', 'priceFor', 'priceFloor', 'priceListEntries', 'suggestedRetailPrice'] as const;
type PriceField = (typeof FIELDS)[number];

/**
 * V3 by hand: the field is readable (true) or denied (false). No role changes
 * it; what a readable field holds (its own price, only subtree accounts in
 * priceFor, only subtree lists in priceListEntries) is scoped inside and
 * tested in pricing.test.ts.
 */
const V3: Record<Tier, Record<PriceField, boolean>> = {
  // The brand buys from no one: no price of its own.
  BRAND: { price: false, priceFor: true, priceFloor: true, priceListEntries: true, suggestedRetailPrice: true },
  GENERAL_AGENT: { price: true, priceFor: true, priceFloor: true, priceListEntries: true, suggestedRetailPrice: true },
  DISTRIBUTOR: { price: true, priceFor: true, priceFloor: true, priceListEntries: true, suggestedRetailPrice: true },
  // Retailers see no floors and no price lists.
  RETAILER: { price: true, priceFor: true, priceFloor: false, priceListEntries: false, suggestedRetailPrice: true },
};
/** Anonymous visitors of a public catalog: no price of any kind. */
const ANONYMOUS: Record<PriceField, boolean> = {
  price: false,
  priceFor: false,
  priceFloor: false,
  priceListEntries: false,
  suggestedRetailPrice: false,
};

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
  return viewer ? V3[viewer.tier][field] : ANONYMOUS[field];
}

function selection(accountId: string, prefix = ''): string {
  return `
    ${prefix}price: price { amount { amount } }
    ${prefix}priceFor: priceFor(accountId: "${accountId}") { amount { amount } }
    ${prefix}priceFloor: priceFloor { amount }
    ${prefix}priceListEntries: priceListEntries { minQuantity }
    ${prefix}suggestedRetailPrice: suggestedRetailPrice { amount }`;
}

async function check(
  token: string | null,
  accountId: string,
  viewer: { tier: Tier; roles: Role[] } | null,
  label: string,
) {
  const query = `
    query Matrix($id: ID!) {
      direct: variant(sku: "A1") { ${selection(accountId)} }
      viaNode: node(id: $id) { ... on Variant { ${selection(accountId)} } }
      viaList: products(filter: { skus: ["A1"] }) { nodes { variants { ...V } } }
    }
    fragment V on Variant { sku ${selection(accountId, 'aliased_')} }`;
  const res = await app.raw(query, { id: variantId }, token);
  const errorAt = (path: string) =>
    (res.errors ?? []).filter((e) => e.path?.join('.') === path).map((e) => e.extensions?.code);
  const deniedCode = viewer ? 'FORBIDDEN' : 'UNAUTHENTICATED';
  const a1 = res.data.viaList.nodes
    .flatMap((n: { variants: { sku: string }[] }, i: number) =>
      n.variants.map((v, j) => ({ v, path: `viaList.nodes.${i}.variants.${j}` })),
    )
    .find((x: { v: { sku: string } }) => x.v.sku === 'A1');
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
  if (viewer && expected('price', viewer))
    expect((res.data.direct.price as { amount: { amount: string } }).amount.amount, label).toMatch(/^\d+\.\d\d$/);
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

  it("the permission map's rules admit exactly whom the table admits (the README documents the map)", () => {
    for (const [, role] of WORLD_USERS) {
      for (const tier of Object.keys(V3) as Tier[]) {
        for (const field of FIELDS) {
          const rule = permissionMap.Variant[field] ?? permissionMap.Variant['*'];
          const admits = rule.name === 'public' || (rule.decides?.({ tier, roles: [role] }) ?? Number.NaN);
          expect(admits, `${field} for ${tier} ${role} (${rule.name})`).toBe(V3[tier][field]);
        }
      }
    }
  });

  it('covers every tier and every role', () => {
    expect(new Set(WORLD_KEYS.map((k) => w.account(k).tier))).toEqual(
      new Set(['BRAND', 'GENERAL_AGENT', 'DISTRIBUTOR', 'RETAILER']),
    );
    expect(new Set(WORLD_USERS.map(([, role]) => role))).toEqual(
      new Set(['ADMIN', 'BUYER', 'FINANCE', 'SERVICE', 'ANALYST']),
    );
  });
});
