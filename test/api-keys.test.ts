import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { apiKeys } from '../src/modules/apikeys/tables.js';
import { auditEntries } from '../src/modules/audit/tables.js';
import { users } from '../src/modules/users/tables.js';
import { notifications } from '../src/modules/notifications/tables.js';
import { toGlobalId } from '../src/graphql/ids.js';
import type { Role } from '../src/modules/users/tables.js';

/** Issue 13: API keys (DESIGN.md "Credentials: API keys"). */
let app: TestApp;
let w: World;

const CREATE = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name prefix roles expiresAt revokedAt account { id } createdBy { email } } userErrors { code field message } }
}`;
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt } userErrors { code } } }';
const WHO = '{ viewer { roles account { id } user { email } apiKey { id name prefix } } }';

async function create(as: [WorldKey, Role], accountKey: WorldKey, roles: Role[], extra: Record<string, unknown> = {}) {
  return app.raw(
    CREATE,
    { input: { accountId: w.id(accountKey), name: `${accountKey} integration`, roles, ...extra } },
    await w.userToken(...as),
  );
}

async function newKey(as: [WorldKey, Role], accountKey: WorldKey, roles: Role[], extra: Record<string, unknown> = {}) {
  const res = await create(as, accountKey, roles, extra);
  expect(res.errors).toBeUndefined();
  expect(res.data.createApiKey.userErrors).toEqual([]);
  return {
    secret: res.data.createApiKey.secret as string,
    key: res.data.createApiKey.apiKey as { id: string; prefix: string; name: string },
  };
}

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app, { credentials: 'token' });
});
afterAll(() => app?.close());

describe('creating a key', () => {
  it('answers the whole key once, stores only its id and a SHA-256 of it, and the key acts as its account with its roles', async () => {
    const { secret, key } = await newKey(['D1', 'ADMIN'], 'D1', ['BUYER', 'FINANCE']);
    expect(secret).toMatch(/^cg_live_[0-9A-Za-z]{12}_[0-9A-Za-z]{40}$/);
    expect(key.prefix).toBe(secret.slice(0, 'cg_live_'.length + 12));
    const [row] = await app.database.db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.publicId, key.prefix.slice('cg_live_'.length)));
    expect(row.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    // Nothing in the table holds the secret itself.
    const [dump] = await app.database.db.execute<{ t: string }>(
      sql`select row_to_json(k)::text as t from api_keys k where id = ${row.id}`,
    );
    expect(dump.t).not.toContain(secret.slice(-40));

    const who = await app.raw(WHO, {}, secret);
    expect(who.errors).toBeUndefined();
    expect(who.data.viewer).toEqual({
      roles: ['BUYER', 'FINANCE'],
      account: { id: w.id('D1') },
      user: { email: w.email('D1', 'ADMIN') },
      apiKey: { id: key.id, name: 'D1 integration', prefix: key.prefix },
    });
  });

  it("a retailer's key made by its seller's ADMIN reads none of that ADMIN's own notifications, not even by id", async () => {
    const admin = w.user('D1', 'ADMIN');
    const [own] = await app.database.db
      .insert(notifications)
      .values({ userId: admin.id, accountId: w.account('D1').id, kind: 'ORDER_SUBMITTED', title: 'for D1 only' })
      .returning({ id: notifications.id });
    const id = toGlobalId('Notification', own.id);
    const lookup = `{ node(id: "${id}") { id } }`;
    expect((await app.raw(lookup, {}, await w.userToken('D1', 'ADMIN'))).data.node).toEqual({ id });
    const retailer = await newKey(['D1', 'ADMIN'], 'R1a', ['BUYER']);
    expect((await app.raw(lookup, {}, retailer.secret)).data.node).toBeNull();
  });

  it('follows "who manages whose users": its own account or a retailer it sells to directly, never a selling child, a sibling or further down', async () => {
    const retailer = await newKey(['D1', 'ADMIN'], 'R1a', ['BUYER']);
    expect((await app.raw(WHO, {}, retailer.secret)).data.viewer.account.id).toBe(w.id('R1a'));
    expect(codes(await create(['S', 'ADMIN'], 'D1', ['BUYER']))).toEqual(['FORBIDDEN']);
    expect(codes(await create(['BRAND', 'ADMIN'], 'S', ['ADMIN']))).toEqual(['FORBIDDEN']);
    expect(codes(await create(['BRAND', 'ADMIN'], 'R1a', ['BUYER']))).toEqual(['FORBIDDEN']);
    expect(codes(await create(['D1', 'ADMIN'], 'D2', ['BUYER']))).toEqual(['FORBIDDEN']);
    expect(codes(await create(['D2', 'ADMIN'], 'R1a', ['BUYER']))).toEqual(['FORBIDDEN']);
  });

  it('is for ADMINs, validates its input, and a key never makes another key', async () => {
    expect(codes(await create(['D1', 'BUYER'], 'D1', ['BUYER']))).toEqual(['FORBIDDEN']);
    const empty = await create(['D1', 'ADMIN'], 'D1', []);
    expect(empty.data.createApiKey.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_INPUT']);
    const past = await create(['D1', 'ADMIN'], 'D1', ['BUYER'], { expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.data.createApiKey.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['expiresAt'] });
    expect(past.data.createApiKey.secret).toBeNull();
    const admin = await newKey(['D1', 'ADMIN'], 'D1', ['ADMIN']);
    const byKey = await app.raw(
      CREATE,
      { input: { accountId: w.id('D1'), name: 'child', roles: ['BUYER'] } },
      admin.secret,
    );
    expect(codes(byKey)).toEqual(['FORBIDDEN']);
  });

  it('writes an audit entry in the same transaction, without the secret', async () => {
    const { secret, key } = await newKey(['R1a', 'ADMIN'], 'R1a', ['BUYER']);
    const rows = await app.database.db.select().from(auditEntries).where(eq(auditEntries.action, 'apiKey.create'));
    const mine = rows.find((r) => (r.changes as { after: { prefix: string } }).after.prefix === key.prefix)!;
    expect(mine).toMatchObject({
      actorUserId: w.user('R1a', 'ADMIN').id,
      actorApiKeyId: null,
      accountId: w.account('R1a').id,
      subjectType: 'ApiKey',
    });
    expect(JSON.stringify(mine.changes)).not.toContain(secret.slice(-40));
  });
});

describe('a key that is refused is UNAUTHENTICATED on every operation, public fields included', () => {
  const expectRefused = async (credential: string) => {
    for (const query of [WHO, '{ products(first: 1) { totalCount } }', '{ orders { totalCount } }']) {
      const res = await app.raw(query, {}, credential);
      expect(codes(res), `${credential} ${query}`).toContain('UNAUTHENTICATED');
    }
  };

  it("revoked (by its account's ADMIN or an ancestor's), at once", async () => {
    const { secret, key } = await newKey(['D1', 'ADMIN'], 'D1', ['BUYER']);
    expect((await app.raw(WHO, {}, secret)).errors).toBeUndefined();
    const revoked = await app.raw(REVOKE, { id: key.id }, await w.userToken('S', 'ADMIN'));
    expect(revoked.data.revokeApiKey.userErrors).toEqual([]);
    expect(revoked.data.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    await expectRefused(secret);
    const again = await app.raw(REVOKE, { id: key.id }, await w.userToken('D1', 'ADMIN'));
    expect(again.data.revokeApiKey.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_TRANSITION']);
  });

  it('expired', async () => {
    const { secret } = await newKey(['D1', 'ADMIN'], 'D1', ['BUYER'], {
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect((await app.raw(WHO, {}, secret)).errors).toBeUndefined();
    app.clock.set(new Date(Date.now() + 2 * 3600_000));
    try {
      await expectRefused(secret);
    } finally {
      app.clock.set(null);
    }
  });

  it('wrong prefix, unknown id, tampered secret, truncated', async () => {
    const { secret } = await newKey(['D1', 'ADMIN'], 'D1', ['BUYER']);
    const last = secret.at(-1) === 'a' ? 'b' : 'a';
    await expectRefused(secret.replace('cg_live_', 'cg_test_'));
    await expectRefused(`cg_live_${'Z'.repeat(12)}${secret.slice('cg_live_'.length + 12)}`);
    await expectRefused(secret.slice(0, -1) + last);
    await expectRefused(secret.slice(0, -10));
  });

  it('a key whose creator no longer holds its roles acts with what the creator still holds', async () => {
    const creator = w.user('D1', 'ADMIN');
    const [second] = await app.database.db
      .insert(users)
      .values({
        accountId: creator.accountId,
        email: 'second-admin@d1.example',
        name: 'Second admin',
        passwordHash: creator.passwordHash,
        roles: ['ADMIN'],
      })
      .returning();
    const token = (await app.tokens.issue(second.id)).token;
    const res = await app.raw(
      CREATE,
      { input: { accountId: w.id('D1'), name: 'will shrink', roles: ['ADMIN'] } },
      token,
    );
    const secret = res.data.createApiKey.secret as string;
    expect((await app.raw(WHO, {}, secret)).data.viewer.roles).toEqual(['ADMIN']);
    await app.database.db
      .update(users)
      .set({ roles: ['BUYER'] })
      .where(eq(users.id, second.id));
    expect((await app.raw(WHO, {}, secret)).data.viewer.roles).toEqual([]);
    expect(
      codes(
        await app.raw(
          'mutation { createUser(input: { accountId: "x", email: "a@b.cd", name: "n", password: "p", roles: [BUYER] }) { user { id } } }',
          {},
          secret,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });
});

describe('roles', () => {
  it('a key with BUYER only cannot call ADMIN mutations; it can do what a BUYER can', async () => {
    const { secret } = await newKey(['D1', 'ADMIN'], 'D1', ['BUYER']);
    const admin = [
      `mutation { createUser(input: { accountId: "${w.id('D1')}", email: "k@d1.example", name: "K", password: "lantern-river-42", roles: [BUYER] }) { user { id } } }`,
      `mutation { createAccount(input: { parentId: "${w.id('D1')}", name: "R", tier: RETAILER }) { account { id } } }`,
      `mutation { revokeApiKey(id: "x") { apiKey { id } } }`,
      `mutation { confirmOrder(id: "x") { order { id } } }`,
      `mutation { generateStatement(input: { buyerId: "${w.id('R1a')}", month: "2026-10" }) { statement { id } } }`,
    ];
    for (const m of admin) expect(codes(await app.raw(m, {}, secret)), m).toEqual(['FORBIDDEN']);
    const orders = await app.raw('{ orders { totalCount } }', {}, secret);
    expect(orders.errors).toBeUndefined();
    // V5 follows the key's roles: a BUYER key reads no credit, a FINANCE key does.
    const credit = `{ account(id: "${w.id('R1a')}") { credit { limit { amount } } } }`;
    expect(codes(await app.raw(credit, {}, secret))).toEqual(['FORBIDDEN']);
    const finance = await newKey(['D1', 'ADMIN'], 'D1', ['FINANCE']);
    expect((await app.raw(credit, {}, finance.secret)).data.account.credit.limit.amount).toBe('500000.00');
  });
});

describe('listing and looking up keys', () => {
  it('Account.apiKeys is for ADMINs of the account and its ancestors; the creator reads as a contact only to the account and its direct parent (V4)', async () => {
    const { key } = await newKey(['D1', 'ADMIN'], 'D1', ['ANALYST']);
    const list = async (as: [WorldKey, Role]) =>
      (
        await app.raw(
          `{ account(id: "${w.id('D1')}") { apiKeys { id createdBy { email } } } }`,
          {},
          await w.userToken(...as),
        )
      ).data.account;
    const mine = (l: { apiKeys: { id: string; createdBy: { email: string } | null }[] } | null) =>
      l?.apiKeys.find((k) => k.id === key.id) ?? null;
    expect(mine(await list(['D1', 'ADMIN']))?.createdBy?.email).toBe(w.email('D1', 'ADMIN'));
    expect(mine(await list(['S', 'ADMIN']))?.createdBy?.email).toBe(w.email('D1', 'ADMIN'));
    expect(mine(await list(['BRAND', 'ADMIN']))).toEqual({ id: key.id, createdBy: null });
    expect((await list(['D1', 'BUYER']))!.apiKeys).toEqual([]);
    expect((await list(['S', 'BUYER']))!.apiKeys).toEqual([]);
    expect(await list(['D2', 'ADMIN'])).toBeNull();
    const node = async (as: [WorldKey, Role]) =>
      (await app.raw(`{ node(id: "${key.id}") { id } }`, {}, await w.userToken(...as))).data.node;
    expect(await node(['BRAND', 'ADMIN'])).toEqual({ id: key.id });
    expect(await node(['D2', 'ADMIN'])).toBeNull();
    expect(await node(['D1', 'FINANCE'])).toBeNull();
    expect(codes(await app.raw(REVOKE, { id: key.id }, await w.userToken('D2', 'ADMIN')))).toEqual(['FORBIDDEN']);
  });
});

describe('lastUsedAt', () => {
  it('is written at most once a minute, not on every request', async () => {
    const { secret, key } = await newKey(['D1', 'ADMIN'], 'D1', ['BUYER']);
    const stored = async () =>
      (
        await app.database.db
          .select()
          .from(apiKeys)
          .where(eq(apiKeys.publicId, key.prefix.slice('cg_live_'.length)))
      )[0].lastUsedAt;
    const t0 = new Date('2026-12-01T10:00:00Z');
    try {
      app.clock.set(t0);
      const first = await app.raw(WHO, {}, secret);
      expect(await stored()).toEqual(t0);
      app.clock.set(new Date(t0.getTime() + 30_000));
      const second = await app.raw(WHO, {}, secret);
      expect(await stored()).toEqual(t0);
      // The request inside the minute wrote nothing: one statement fewer than the one that did.
      expect(second.statements).toBe(first.statements - 1);
      app.clock.set(new Date(t0.getTime() + 61_000));
      await app.raw(WHO, {}, secret);
      expect(await stored()).toEqual(new Date(t0.getTime() + 61_000));
      const listed = await app.raw(
        `{ node(id: "${key.id}") { ... on ApiKey { lastUsedAt } } }`,
        {},
        await w.userToken('D1', 'ADMIN'),
      );
      expect(listed.data.node.lastUsedAt).toBe(new Date(t0.getTime() + 61_000).toISOString());
    } finally {
      app.clock.set(null);
    }
  });
});
