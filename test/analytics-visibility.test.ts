import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, WORLD_KEYS, WORLD_USERS, type World, type WorldKey } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, type OrdersWorld } from './support/orders-world.js';
import { PlaceOrderDocument } from './generated/graphql.js';
import { permissionMap } from '../src/permissions/map.js';
import { maySeeCredit } from '../src/modules/analytics/access.js';
import { viewerOf } from '../src/auth/viewer.js';
import type { Role } from '../src/modules/users/tables.js';
import type { Tier } from '../src/modules/accounts/tables.js';

/**
 * Every analytics entry point by tier and role, over real HTTP: who may call
 * it comes from the permission map (the rule's `decides`, what the README
 * table says); what an allowed call holds is checked against V1 (only the
 * viewer's subtree), V3 (no revenue that is not the sum of orders it can
 * list) and V5 (credit only where Account.credit is visible).
 */
let app: TestApp;
let w: World;
let ow: OrdersWorld;

/** V1: the accounts whose path holds the viewer's (the world's paths are built by hand in support/world.ts). */
const subtree = (key: WorldKey): WorldKey[] => WORLD_KEYS.filter((k) => w.account(k).path.includes(w.account(key).id));
const tierOf = (key: WorldKey): Tier => w.account(key).tier;
const TIERS: Tier[] = ['GENERAL_AGENT', 'DISTRIBUTOR', 'RETAILER'];

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
  let n = 0;
  for (const [buyer, sku] of [
    ['R1a', 'A1'],
    ['R1b', 'B1'],
    ['R2', 'A1'],
    ['R3', 'B1'],
    ['D1', 'A1'],
    ['D2', 'C1'],
    ['D3', 'B1'],
    ['S', 'A1'],
    ['E', 'B1'],
  ] as [WorldKey, string][]) {
    const res = await app.gql(
      PlaceOrderDocument,
      { input: { idempotencyKey: `v-${++n}`, lines: [{ sku, quantity: sku === 'B1' ? 6 : 1 }] } },
      await w.token(buyer, 'BUYER'),
    );
    expect(res.data!.placeOrder.userErrors, buyer).toEqual([]);
  }
}, 120_000);
afterAll(() => app?.close());

const admits = (type: string, field: string, tier: Tier, role: Role) => {
  const rule = permissionMap[type][field];
  expect(rule.decides, `${type}.${field}'s rule must say whom it admits`).toBeDefined();
  return rule.decides!({ tier, roles: [role] });
};
const label = (key: WorldKey, role: Role) => `${key} ${role}`;
const idOf = (id: string) => WORLD_KEYS.find((k) => w.id(k) === id);

describe('analytics by tier and role', () => {
  it.each(WORLD_USERS)(
    'salesReport for %s %s: allowed as the map says; only its subtree (V1); revenue = its listed orders (V3)',
    async (key, role) => {
      const token = await w.token(key, role);
      for (const tier of TIERS) {
        const res = await app.raw(
          'query($tier: ChannelTier) { salesReport(input: { from: "2000-01-01", to: "2002-12-31", buyerTier: $tier }) { totals { orders } } }',
          { tier },
          token,
        );
        // A window with no orders still answers: the check is who may ask.
        if (!admits('Query', 'salesReport', tierOf(key), role)) {
          expect(codes(res), label(key, role)).toEqual(['FORBIDDEN']);
          return;
        }
        expect(res.errors).toBeUndefined();
      }
      const today = new Date().toISOString().slice(0, 10);
      const listed = await app.raw(
        'query { orders(first: 100) { nodes { status total { amount } buyer { id tier } } } }',
        {},
        token,
      );
      for (const tier of TIERS) {
        const r = await app.raw(
          `query($tier: ChannelTier) { salesReport(input: { from: "${today.slice(0, 4)}-01-01", to: "${today.slice(0, 4)}-12-31", buyerTier: $tier, groupBy: [BUYER] }) { totals { revenue { amount } } rows { keys { value } } } }`,
          { tier },
          token,
        );
        const buyers = r.data.salesReport.rows.map((row: { keys: { value: string }[] }) => idOf(row.keys[0].value));
        for (const b of buyers) expect(subtree(key), `${label(key, role)} sees ${b}`).toContain(b);
        if (tier !== tierOf(key)) expect(buyers).not.toContain(key);
        const sum = (
          listed.data.orders.nodes as { status: string; total: { amount: string }; buyer: { tier: string } }[]
        )
          .filter((o) => o.status !== 'CANCELLED' && o.buyer.tier === tier)
          .reduce((s, o) => s + Math.round(Number(o.total.amount) * 100), 0);
        expect(Math.round(Number(r.data.salesReport.totals.revenue.amount) * 100), `${label(key, role)} ${tier}`).toBe(
          sum,
        );
      }
    },
  );

  it.each(WORLD_USERS)(
    'demandForecast for %s %s: allowed as the map says; null outside its subtree',
    async (key, role) => {
      const token = await w.token(key, role);
      for (const target of WORLD_KEYS) {
        const res = await app.raw(
          'query($id: ID) { demandForecast(input: { sku: "A1", horizon: 2, accountId: $id }) { variant { sku } } }',
          { id: w.id(target) },
          token,
        );
        if (!admits('Query', 'demandForecast', tierOf(key), role)) {
          expect(codes(res), label(key, role)).toEqual(['FORBIDDEN']);
          return;
        }
        expect(res.errors).toBeUndefined();
        // A1 is in every chain's assortment: null means the account is outside the subtree.
        expect(res.data.demandForecast !== null, `${label(key, role)} -> ${target}`).toBe(
          subtree(key).includes(target),
        );
      }
    },
  );

  it.each(WORLD_USERS)(
    'replenishmentSuggestions for %s %s: allowed as the map says; only warehouses of its subtree',
    async (key, role) => {
      const token = await w.token(key, role);
      for (const owner of ['BRAND', 'S', 'D1', 'D3'] as const) {
        const res = await app.raw(
          'query($id: ID!) { replenishmentSuggestions(input: { warehouseId: $id }) { variant { sku } } }',
          { id: ow.warehouse[owner] },
          token,
        );
        if (!admits('Query', 'replenishmentSuggestions', tierOf(key), role)) {
          expect(codes(res), label(key, role)).toEqual(['FORBIDDEN']);
          return;
        }
        expect(res.errors).toBeUndefined();
        expect(res.data.replenishmentSuggestions.length > 0, `${label(key, role)} -> ${owner}'s warehouse`).toBe(
          subtree(key).includes(owner),
        );
      }
    },
  );

  it.each(WORLD_USERS)(
    'channelAlerts for %s %s: allowed as the map says; only accounts of its subtree',
    async (key, role) => {
      const res = await app.raw(
        'query { channelAlerts(first: 200) { kind account { id } } }',
        {},
        await w.token(key, role),
      );
      if (!admits('Query', 'channelAlerts', tierOf(key), role)) {
        expect(codes(res), label(key, role)).toEqual(['FORBIDDEN']);
        return;
      }
      expect(res.errors).toBeUndefined();
      for (const a of res.data.channelAlerts) expect(subtree(key)).toContain(idOf(a.account.id));
    },
  );

  it.each(WORLD_USERS)(
    'recommendations for %s %s: its own (BUYER, ADMIN) or a buyer below it (ADMIN, ANALYST); none outside its subtree',
    async (key, role) => {
      const token = await w.token(key, role);
      for (const target of WORLD_KEYS) {
        const res = await app.raw(
          'query($id: ID) { recommendations(accountId: $id) { variant { sku } } }',
          { id: w.id(target) },
          token,
        );
        const inScope = subtree(key).includes(target);
        const own = target === key;
        const allowed =
          admits('Query', 'recommendations', tierOf(key), role) &&
          (!inScope || (own ? ['BUYER', 'ADMIN'] : ['ADMIN', 'ANALYST']).includes(role));
        if (!allowed) {
          expect(codes(res), `${label(key, role)} -> ${target}`).toEqual(['FORBIDDEN']);
          continue;
        }
        expect(res.errors, `${label(key, role)} -> ${target}`).toBeUndefined();
        if (!inScope) expect(res.data.recommendations).toEqual([]);
      }
    },
  );

  it.each(WORLD_USERS)(
    'Account.insights for %s %s: allowed as the map says, on every account it sees; credit as Account.credit (V5)',
    async (key, role) => {
      const token = await w.token(key, role);
      for (const target of subtree(key)) {
        const res = await app.raw(
          'query($id: ID!) { account(id: $id) { credit { used { amount } } insights { openOrders creditUtilization } } }',
          { id: w.id(target) },
          token,
        );
        const insights = res.data.account.insights;
        if (!admits('Account', 'insights', tierOf(key), role)) {
          expect(insights).toBeNull();
          expect(
            (res.errors ?? []).filter((e) => e.path?.at(-1) === 'insights').map((e) => e.extensions?.code),
            label(key, role),
          ).toEqual(['FORBIDDEN']);
          continue;
        }
        expect(insights, `${label(key, role)} -> ${target}`).not.toBeNull();
        const creditVisible = res.data.account.credit !== null || w.account(target).creditLimit === null;
        if (w.account(target).creditLimit !== null)
          expect(insights.creditUtilization !== null, `${label(key, role)} -> ${target}`).toBe(creditVisible);
      }
    },
  );

  it('the one V5 decision of analytics agrees with the permission map on Account.credit for every user and account', async () => {
    for (const [key, role] of WORLD_USERS) {
      const viewer = viewerOf(w.user(key, role), w.account(key));
      for (const target of subtree(key)) {
        const res = await app.raw(
          'query($id: ID!) { account(id: $id) { id credit { used { amount } } } }',
          { id: w.id(target) },
          await w.token(key, role),
        );
        const denied = (res.errors ?? []).some(
          (e) => e.path?.at(-1) === 'credit' && e.extensions?.code === 'FORBIDDEN',
        );
        expect(maySeeCredit(viewer, w.account(target)), `${label(key, role)} -> ${target}`).toBe(!denied);
      }
    }
  });

  it('anonymous callers are UNAUTHENTICATED', async () => {
    for (const q of [
      'query { salesReport(input: { from: "2026-01-01", to: "2026-01-31" }) { groupCount } }',
      'query { demandForecast(input: { sku: "A1", horizon: 1 }) { method } }',
      `query { replenishmentSuggestions(input: { warehouseId: "${ow.warehouse.D1}" }) { onHand } }`,
      'query { recommendations { kind } }',
      'query { channelAlerts { kind } }',
    ]) {
      expect(codes(await app.raw(q)), q).toEqual(['UNAUTHENTICATED']);
    }
  });
});
