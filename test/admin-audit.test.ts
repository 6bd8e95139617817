import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import {
  AuditLogDocument,
  CreateAccountDocument,
  CreateUserDocument,
  DeleteFeatureFlagDocument,
  FeatureFlagsDocument,
  SaveFeatureFlagDocument,
  UpdateAccountDocument,
  ViewerDocument,
  type AuditFilter,
} from './generated/graphql.js';
import { toGlobalId } from '../src/graphql/ids.js';
import { auditEntries } from '../src/modules/audit/tables.js';
import { intArray } from '../src/db/sql.js';
import type { Role } from '../src/modules/users/tables.js';

let app: TestApp;
let w: World;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
});
afterAll(() => app?.close());

const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const log = async (as: [WorldKey, Role], filter: AuditFilter = {}, first = 100) =>
  app.gql(AuditLogDocument, { first, filter }, await w.token(...as));
const actions = async (as: [WorldKey, Role], filter: AuditFilter = {}) =>
  (await log(as, filter)).data!.auditLog.nodes.map((n) => n.action);

describe('audit entries are written with each change', () => {
  it('for price lists, their entries, floors and assortments (the catalog world was built through the graph)', async () => {
    const rows = await app.database.db.select().from(auditEntries).orderBy(auditEntries.id);
    const of = (action: string, key: WorldKey) =>
      rows.filter((r) => r.action === action && r.accountId === w.account(key).id);
    expect(of('assortment.set', 'D1')).toHaveLength(1);
    expect(of('assortment.set', 'D1')[0]).toMatchObject({
      actorUserId: w.user('BRAND', 'ADMIN').id,
      changes: {
        before: { includeAll: null, skus: [] },
        after: { includeAll: false, skus: ['A1', 'A2', 'B1'], count: 3 },
      },
    });
    // Before: none of them (null), after: the floors set.
    expect(of('priceFloors.set', 'BRAND')[0].changes).toEqual({
      before: { 'A1/RETAILER': null, 'B1/RETAILER': null, 'A1/DISTRIBUTOR': null },
      after: { 'A1/RETAILER': '1800.00', 'B1/RETAILER': '60.00', 'A1/DISTRIBUTOR': '1500.00' },
    });
    expect(of('priceList.create', 'D1').map((r) => (r.changes as { after: { name: string } }).after.name)).toEqual([
      'd1-retail',
      'd1-nanshan',
      'd1-r1a',
    ]);
    const entries = of('priceList.entries', 'D1').find(
      (r) => (r.changes as { after: Record<string, string> }).after['A1@10'],
    )!;
    expect(entries).toMatchObject({
      actorUserId: w.user('D1', 'ADMIN').id,
      changes: {
        before: { 'A1@1': null, 'A1@10': null },
        after: { 'A1@1': '2200.00', 'A1@10': '2100.00', 'A2@1': '2600.00', 'B1@1': '80.00' },
      },
    });
  });

  it('for created accounts and users, without the password', async () => {
    const acc = await app.gql(
      CreateAccountDocument,
      {
        input: {
          parentId: w.id('D2'),
          name: 'R2b',
          tier: 'RETAILER',
          address: { line1: 'Tianhe 5', regionCode: '440106' },
          creditLimit: '5000.00',
        },
      },
      await w.token('D2', 'ADMIN'),
    );
    const id = acc.data!.createAccount.account!.id;
    const user = await app.gql(
      CreateUserDocument,
      {
        input: {
          accountId: id,
          email: 'buyer@r2b.example',
          name: 'R2b buyer',
          password: 'secret-onboard-2027',
          roles: ['BUYER'],
        },
      },
      await w.token('D2', 'ADMIN'),
    );
    expect(user.data!.createUser.userErrors).toEqual([]);
    const names = await actions(['D2', 'ADMIN'], { accountId: id });
    expect(names).toEqual(['user.create', 'account.create']);
    const [created] = await app.database.db.select().from(auditEntries).where(eq(auditEntries.action, 'user.create'));
    expect(JSON.stringify(created.changes)).not.toMatch(/secret-onboard|scrypt/);
    expect(created.changes).toMatchObject({ after: { email: 'buyer@r2b.example', roles: ['BUYER'] } });
  });
});

describe('auditLog', () => {
  it('is for ADMIN users only', async () => {
    expect(codeOf(await log(['D1', 'FINANCE']))).toBe('FORBIDDEN');
    expect(codeOf(await log(['R1b', 'BUYER']))).toBe('FORBIDDEN');
  });

  it('holds what happened in the viewer’s subtree only (V1), newest first, filtered and paged', async () => {
    await app.gql(
      UpdateAccountDocument,
      { input: { id: w.id('D3'), creditLimit: '700000.00' } },
      await w.token('E', 'FINANCE'),
    );
    const d1 = await actions(['D1', 'ADMIN']);
    expect(d1.length).toBeGreaterThan(0);
    expect(new Set(d1)).toEqual(new Set(['assortment.set', 'priceList.create', 'priceList.entries']));
    const s = (await log(['S', 'ADMIN'])).data!.auditLog.nodes;
    expect(s.some((n) => n.account.id === w.id('D3'))).toBe(false);
    expect(s.some((n) => n.account.id === w.id('D1'))).toBe(true);
    const e = await actions(['E', 'ADMIN'], { action: 'account.creditLimit' });
    expect(e).toEqual(['account.creditLimit']);
    // The brand sees both agents' channels; an account id outside the viewer's subtree filters to nothing.
    const brandAll = (await log(['BRAND', 'ADMIN'])).data!.auditLog;
    expect(brandAll.totalCount).toBe((await app.database.db.select().from(auditEntries)).length);
    expect((await log(['S', 'ADMIN'], { accountId: w.id('D3') })).data!.auditLog.totalCount).toBe(0);
    const ids = brandAll.nodes.map((n) => Number(Buffer.from(n.id, 'base64url').toString().split(':')[1]));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const page1 = (await log(['BRAND', 'ADMIN'], {}, 2)).data!.auditLog;
    const page2 = await app.gql(
      AuditLogDocument,
      { first: 2, after: page1.pageInfo.endCursor },
      await w.token('BRAND', 'ADMIN'),
    );
    expect([...page1.nodes, ...page2.data!.auditLog.nodes].map((n) => n.id)).toEqual(
      brandAll.nodes.slice(0, 4).map((n) => n.id),
    );
    const future = (await log(['BRAND', 'ADMIN'], { since: new Date(Date.now() + 86_400_000).toISOString() })).data!
      .auditLog;
    expect(future.totalCount).toBe(0);
  });

  it('names the actor and the subject only to those who may see them, and hides contact details above the direct parent (V4)', async () => {
    await app.gql(
      UpdateAccountDocument,
      { input: { id: w.id('D1'), contact: { name: 'Ms Li', phone: '+86 755 2', email: 'li@d1.example' } } },
      await w.token('D1', 'ADMIN'),
    );
    const entryFor = async (as: [WorldKey, Role]) =>
      (await log(as, { accountId: w.id('D1'), action: 'account.update' })).data!.auditLog.nodes[0];
    const bySeller = await entryFor(['S', 'ADMIN']);
    expect(bySeller.actor).toEqual({ id: toGlobalId('User', w.user('D1', 'ADMIN').id), email: 'admin@d1.example' });
    expect(bySeller.subject).toEqual({ id: w.id('D1'), __typename: 'Account' });
    expect(JSON.parse(bySeller.changes).after).toMatchObject({ contactName: 'Ms Li', contactEmail: 'li@d1.example' });
    const byBrand = await entryFor(['BRAND', 'ADMIN']);
    expect(byBrand.actor).toBeNull(); // a distributor's people are contact details for the brand
    expect(byBrand.subject).toEqual({ id: w.id('D1'), __typename: 'Account' });
    expect(JSON.parse(byBrand.changes).after).toEqual({
      contactName: '[hidden]',
      contactPhone: '[hidden]',
      contactEmail: '[hidden]',
    });
    expect(byBrand.changes).not.toMatch(/Ms Li|li@d1/);
  });

  it('costs a fixed number of statements for a page, whatever its subjects and actors', async () => {
    const small = await app.raw(
      '{ auditLog(first: 3) { nodes { actor { id } account { id } subject { id } changes } } }',
      {},
      await w.token('BRAND', 'ADMIN'),
    );
    const large = await app.raw(
      '{ auditLog(first: 40) { nodes { actor { id } account { id } subject { id } changes } } }',
      {},
      await w.token('BRAND', 'ADMIN'),
    );
    expect(large.data.auditLog.nodes.length).toBeGreaterThan(small.data.auditLog.nodes.length);
    expect(large.statements).toBeLessThanOrEqual(small.statements + 2);
  });
});

describe('feature flags', () => {
  it('are listed to the brand’s users only; the others read their own in viewer.features', async () => {
    const created = await app.gql(
      SaveFeatureFlagDocument,
      {
        input: {
          key: 'shenzhen-pilot',
          description: 'Pilot in Shenzhen',
          regionCodes: ['440300'],
          accountIds: [w.id('E')],
          tiers: ['GENERAL_AGENT'],
        },
      },
      await w.token('BRAND', 'ADMIN'),
    );
    expect(created.data!.saveFeatureFlag.userErrors).toEqual([]);
    expect(created.data!.saveFeatureFlag.flag).toMatchObject({
      key: 'shenzhen-pilot',
      everyone: false,
      tiers: ['GENERAL_AGENT'],
      regions: [{ code: '440300' }],
      accounts: [{ id: w.id('E') }],
    });
    for (const role of ['ADMIN', 'ANALYST'] as Role[]) {
      expect(
        (await app.gql(FeatureFlagsDocument, {}, await w.token('BRAND', role))).data!.featureFlags.map((f) => f.key),
        role,
      ).toEqual(['shenzhen-pilot']);
    }
    expect((await app.gql(FeatureFlagsDocument, {}, await w.token('D1', 'ADMIN'))).data!.featureFlags).toEqual([]);
    const flagId = created.data!.saveFeatureFlag.flag!.id;
    expect((await app.raw(`{ node(id: "${flagId}") { id } }`, {}, await w.token('BRAND', 'ADMIN'))).data.node).toEqual({
      id: flagId,
    });
    expect((await app.raw(`{ node(id: "${flagId}") { id } }`, {}, await w.token('S', 'ADMIN'))).data.node).toBeNull();

    // Evaluated as before: by region (R1a in Futian), subtree (E and D3 below it), tier (S); not for D2 (Guangzhou).
    const features = async (key: WorldKey, role: Role) =>
      (await app.gql(ViewerDocument, {}, await w.token(key, role))).data!.viewer!.features;
    expect(await features('R1a', 'BUYER')).toContain('shenzhen-pilot');
    expect(await features('D3', 'ADMIN')).toContain('shenzhen-pilot');
    expect(await features('S', 'ADMIN')).toContain('shenzhen-pilot');
    expect(await features('D2', 'ADMIN')).not.toContain('shenzhen-pilot');

    // Saving again changes only what is given.
    const widened = await app.gql(
      SaveFeatureFlagDocument,
      { input: { key: 'shenzhen-pilot', regionCodes: ['440300', '440100'] } },
      await w.token('BRAND', 'ADMIN'),
    );
    expect(widened.data!.saveFeatureFlag.flag).toMatchObject({
      description: 'Pilot in Shenzhen',
      tiers: ['GENERAL_AGENT'],
      regions: [{ code: '440300' }, { code: '440100' }],
    });
    expect(await features('D2', 'ADMIN')).toContain('shenzhen-pilot');
    const deleted = await app.gql(
      DeleteFeatureFlagDocument,
      { key: 'shenzhen-pilot' },
      await w.token('BRAND', 'ADMIN'),
    );
    expect(deleted.data!.deleteFeatureFlag.flag!.key).toBe('shenzhen-pilot');
    expect(await features('D2', 'ADMIN')).not.toContain('shenzhen-pilot');
    expect(await actions(['BRAND', 'ADMIN'], { accountId: w.id('BRAND') })).toEqual(
      expect.arrayContaining(['featureFlag.create', 'featureFlag.update', 'featureFlag.delete']),
    );
  });

  it('are saved and deleted by the brand’s ADMIN only, with checked input', async () => {
    for (const as of [
      ['BRAND', 'FINANCE'],
      ['S', 'ADMIN'],
      ['D1', 'ADMIN'],
    ] as [WorldKey, Role][]) {
      expect(
        codeOf(await app.gql(SaveFeatureFlagDocument, { input: { key: 'x', everyone: true } }, await w.token(...as))),
        as.join(' '),
      ).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(DeleteFeatureFlagDocument, { key: 'x' }, await w.token(...as))), as.join(' ')).toBe(
        'FORBIDDEN',
      );
    }
    const bad = await app.gql(
      SaveFeatureFlagDocument,
      { input: { key: 'Bad Key!', regionCodes: ['999999'], accountIds: ['nope', w.id('D1')] } },
      await w.token('BRAND', 'ADMIN'),
    );
    expect(bad.data!.saveFeatureFlag.userErrors.map((e) => e.field)).toEqual([
      ['key'],
      ['regionCodes', '0'],
      ['accountIds', '0'],
    ]);
    const missing = await app.gql(DeleteFeatureFlagDocument, { key: 'never-was' }, await w.token('BRAND', 'ADMIN'));
    expect(missing.data!.deleteFeatureFlag.userErrors.map((e) => e.code)).toEqual(['INVALID_INPUT']);
  });
});

describe('append-only tables', () => {
  it('refuse to rewrite an audit entry, and a ledger entry beyond its path copy', async () => {
    const refusal = (q: ReturnType<typeof sql>) =>
      app.database.db.execute(q).then(
        () => 'accepted',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(sql`update audit_entries set changes = '{}'::jsonb`)).toMatch(/append-only/);
    await app.database.db.execute(sql`
      insert into ledger_entries (buyer_id, seller_id, buyer_path, root_id, kind, amount, at)
      values (${w.account('R1b').id}, ${w.account('D1').id}, ${intArray(w.account('R1b').path)}, ${w.account('BRAND').id}, 'ADJUSTMENT', 100, now())`);
    expect(await refusal(sql`update ledger_entries set amount = 200`)).toMatch(/append-only/);
    expect(await refusal(sql`update ledger_entries set buyer_path = buyer_path, amount = amount + 1`)).toMatch(
      /append-only/,
    );
    expect(await refusal(sql`delete from ledger_entries`)).toMatch(/append-only/);
    expect(await refusal(sql`update ledger_entries set buyer_path = array[1, 2, 3]`)).toBe('accepted');
  });
});

describe('AuditEntry.actorApiKey', () => {
  const ENTRIES = `query { auditLog(first: 20, filter: { action: "account.update" }) { nodes { action account { id } actor { email } actorApiKey { id name } } } }`;

  it('names the API key that made a change, to those who may see the key (its account’s ADMINs and those above)', async () => {
    const key = await w.apiKey('D1', 'ADMIN');
    const changed = await app.gql(
      UpdateAccountDocument,
      { input: { id: w.id('D1'), name: 'D1 renamed by its ERP' } },
      key,
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateAccount.userErrors).toEqual([]);

    for (const as of [
      ['D1', 'ADMIN'],
      ['S', 'ADMIN'],
      ['BRAND', 'ADMIN'],
    ] as [WorldKey, Role][]) {
      const res = await app.raw(ENTRIES, {}, await w.userToken(...as));
      expect(res.errors, as.join(' ')).toBeUndefined();
      const entry = res.data.auditLog.nodes.find((n: { account: { id: string } }) => n.account.id === w.id('D1'));
      expect(entry, as.join(' ')).toMatchObject({ actor: null, actorApiKey: { name: 'D1 ADMIN key' } });
    }
    // A change a person made names no key.
    await app.gql(
      UpdateAccountDocument,
      { input: { id: w.id('D1'), name: 'D1 again' } },
      await w.userToken('D1', 'ADMIN'),
    );
    const latest = (await app.raw(ENTRIES, {}, await w.userToken('D1', 'ADMIN'))).data.auditLog.nodes[0];
    expect(latest).toMatchObject({ actor: { email: w.email('D1', 'ADMIN') }, actorApiKey: null });
    // A sibling's ADMIN never reaches the entry at all (V1).
    const sibling = (await app.raw(ENTRIES, {}, await w.userToken('D2', 'ADMIN'))).data.auditLog.nodes;
    expect(sibling.some((n: { account: { id: string } }) => n.account.id === w.id('D1'))).toBe(false);
  });
});
