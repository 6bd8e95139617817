import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { startTestApp, type TestApp } from './support/app.js';
import { hasAnyRole, hasFinanceRole, visibleOrForbidden, visibleOrNull } from '../src/auth/access.js';
import { mutate, refuse } from '../src/graphql/mutate.js';
import { userError } from '../src/graphql/errors.js';
import { toGlobalId } from '../src/graphql/ids.js';
import {
  AccountErrorCode,
  AdminErrorCode,
  IntegrationErrorCode,
  CatalogErrorCode,
  FinanceErrorCode,
  InventoryErrorCode,
  OrderErrorCode,
  PricingErrorCode,
  TicketErrorCode,
} from '../src/graphql/error-codes.js';
import { parseAmount } from '../src/lib/money.js';
import { buildBaseSchema } from '../src/graphql/schema.js';
import { accounts } from '../src/modules/accounts/tables.js';
import * as credit from '../src/modules/finance/credit.js';
import type { Context } from '../src/graphql/context.js';

/** The shared helpers every module builds on (README, "Where each rule lives"). */
describe('access helpers', () => {
  it('hasAnyRole: one of the roles, and ADMIN may do what any role may', () => {
    expect(hasAnyRole({ roles: ['BUYER'] }, 'BUYER')).toBe(true);
    expect(hasAnyRole({ roles: ['SERVICE'] }, 'BUYER', 'SERVICE')).toBe(true);
    expect(hasAnyRole({ roles: ['BUYER'] }, 'SERVICE')).toBe(false);
    expect(hasAnyRole({ roles: ['ADMIN'] }, 'FINANCE')).toBe(true);
    // No role named: ADMIN only.
    expect(hasAnyRole({ roles: ['ADMIN'] })).toBe(true);
    expect(hasAnyRole({ roles: ['BUYER', 'FINANCE', 'SERVICE', 'ANALYST'] })).toBe(false);
    expect(hasFinanceRole({ roles: ['FINANCE'] })).toBe(true);
    expect(hasFinanceRole({ roles: ['ANALYST', 'BUYER', 'SERVICE'] })).toBe(false);
  });

  const ctx = {} as Context;
  const rows = new Map([
    [7, { id: 7, mine: true }],
    [8, { id: 8, mine: false }],
  ]);
  const find = async (_ctx: Context, key: number) => rows.get(key) ?? null;

  it('visibleOrNull: the scoped find of a well-formed id of the type, else null', async () => {
    expect(await visibleOrNull(ctx, toGlobalId('Order', 7), 'Order', find)).toEqual({ id: 7, mine: true });
    expect(await visibleOrNull(ctx, toGlobalId('Order', 9), 'Order', find)).toBeNull();
    expect(await visibleOrNull(ctx, toGlobalId('Ticket', 7), 'Order', find)).toBeNull();
    expect(await visibleOrNull(ctx, 'not-an-id', 'Order', find)).toBeNull();
    expect(await visibleOrNull(ctx, null, 'Order', find)).toBeNull();
  });

  it('visibleOrForbidden: malformed, other type, missing, out of scope and not allowed all answer the same FORBIDDEN', async () => {
    const mine = (r: { mine: boolean }) => r.mine;
    expect(await visibleOrForbidden(ctx, toGlobalId('Order', 7), 'Order', find, 'no', mine)).toEqual({
      id: 7,
      mine: true,
    });
    for (const id of ['garbage', toGlobalId('Ticket', 7), toGlobalId('Order', 9), toGlobalId('Order', 8)]) {
      const refusal = await visibleOrForbidden(ctx, id, 'Order', find, 'You cannot act on that order', mine).catch(
        (e: unknown) => e,
      );
      expect(refusal).toBeInstanceOf(GraphQLError);
      expect((refusal as GraphQLError).message).toBe('You cannot act on that order');
      expect((refusal as GraphQLError).extensions.code).toBe('FORBIDDEN');
    }
  });
});

describe('parseAmount', () => {
  it('reads at most 2 decimals and applies the rule', () => {
    expect(parseAmount('12.5', 'positive')).toBe(1250n);
    expect(parseAmount('12.500', 'positive')).toBe(1250n);
    expect(parseAmount('12.505', 'positive')).toBeNull();
    expect(parseAmount('0', 'positive')).toBeNull();
    expect(parseAmount('0', 'nonNegative')).toBe(0n);
    expect(parseAmount('-1', 'nonNegative')).toBeNull();
    expect(parseAmount('-1', 'nonZero')).toBe(-100n);
    expect(parseAmount('0.00', 'nonZero')).toBeNull();
    expect(parseAmount('1e3', 'positive')).toBeNull();
    expect(parseAmount('', 'nonNegative')).toBeNull();
  });
});

describe('error codes', () => {
  const domains: Record<string, Record<string, string>> = {
    // Both answer their own mutations (AccountErrorCode) and the channel administration ones (AdminErrorCode).
    accounts: { ...AccountErrorCode, ...AdminErrorCode },
    users: { ...AccountErrorCode, ...AdminErrorCode },
    flags: AdminErrorCode,
    apikeys: IntegrationErrorCode,
    webhooks: IntegrationErrorCode,
    catalog: CatalogErrorCode,
    pricing: PricingErrorCode,
    inventory: InventoryErrorCode,
    orders: OrderErrorCode,
    tickets: TicketErrorCode,
    finance: FinanceErrorCode,
  };

  it("every code a module's services answer is in its domain's documented enum", () => {
    const root = 'src/modules';
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? sources(join(dir, e.name))
          : e.name.endsWith('.ts')
            ? [readFileSync(join(dir, e.name), 'utf8')]
            : [],
      );
    let checked = 0;
    for (const m of readdirSync(root)) {
      const used = sources(join(root, m)).flatMap((text) =>
        [...text.matchAll(/userError\('([A-Z_]+)'/g)].map((x) => x[1]),
      );
      if (!used.length) continue;
      const domain = domains[m];
      expect(
        domain,
        `src/modules/${m} answers userErrors: give it a domain enum in src/graphql/error-codes.ts`,
      ).toBeDefined();
      for (const code of used) expect(Object.keys(domain), `${code} in src/modules/${m}`).toContain(code);
      checked += used.length;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('the enums are in the schema with a description per value', () => {
    const schema = buildBaseSchema();
    for (const name of [
      'AccountErrorCode',
      'AdminErrorCode',
      'IntegrationErrorCode',
      'CatalogErrorCode',
      'PricingErrorCode',
      'InventoryErrorCode',
      'OrderErrorCode',
      'TicketErrorCode',
      'FinanceErrorCode',
    ]) {
      const type = schema.getType(name);
      expect(type, name).toBeDefined();
      for (const v of (type as import('graphql').GraphQLEnumType).getValues())
        expect(v.description, `${name}.${v.name}`).toBeTruthy();
    }
    expect(String((schema.getType('UserError') as import('graphql').GraphQLObjectType).getFields().code.type)).toBe(
      'String!',
    );
  });
});

describe('mutate and credit (real PostgreSQL)', () => {
  let app: TestApp;
  let accountId: number;
  beforeAll(async () => {
    app = await startTestApp();
    const [row] = await app.database.db.execute<{ id: number }>(sql`
      with n as (select nextval(pg_get_serial_sequence('accounts', 'id'))::int as id)
      insert into accounts (id, name, tier, path, root_id) select id, 'Foundation brand', 'BRAND', array[id], id from n returning id`);
    accountId = row.id;
  });
  afterAll(() => app.close());
  const used = async () =>
    (await app.database.db.select({ used: accounts.creditUsed }).from(accounts).where(eq(accounts.id, accountId)))[0]
      .used;

  it('commits the work and answers it under the field', async () => {
    const before = await used();
    const out = await mutate(app.database, 'moved', async (tx) => {
      await credit.move(tx, accountId, 500n);
      return 'done';
    });
    expect(out).toEqual({ moved: 'done', userErrors: [] });
    expect(await used()).toBe(before + 500n);
  });

  it('a refusal anywhere inside rolls everything back and becomes userErrors', async () => {
    const before = await used();
    const out = await mutate(
      app.database,
      'moved',
      async (tx) => {
        await credit.move(tx, accountId, 700n);
        refuse(userError('INVALID_TRANSITION', 'not now', ['id']));
      },
      async () => 'read after the rollback',
    );
    expect(out).toEqual({
      moved: 'read after the rollback',
      userErrors: [{ code: 'INVALID_TRANSITION', message: 'not now', field: ['id'] }],
    });
    expect(await used()).toBe(before);
  });

  it('anything else propagates, and also writes nothing', async () => {
    const before = await used();
    const failing = mutate(app.database, 'moved', async (tx) => {
      await credit.move(tx, accountId, 900n);
      await tx.execute(sql`select 1/0`);
    });
    await expect(failing).rejects.toThrow(/Failed query: select 1\/0/);
    expect(await used()).toBe(before);
  });

  it('credit.reserve takes credit only within the limit; release gives it back', async () => {
    await app.database.db
      .update(accounts)
      .set({ creditLimit: 10_000n, creditUsed: 9_000n })
      .where(eq(accounts.id, accountId));
    await app.database.db.transaction(async (tx) => {
      expect(await credit.reserve(tx, accountId, 1_001n)).toBe(false);
      expect(await credit.reserve(tx, accountId, 1_000n)).toBe(true);
      expect(await credit.available(tx, accountId)).toBe(0n);
      await credit.release(tx, accountId, 400n);
      expect(await credit.available(tx, accountId)).toBe(400n);
    });
    await app.database.db.update(accounts).set({ creditLimit: null }).where(eq(accounts.id, accountId));
    await app.database.db.transaction(async (tx) => {
      expect(await credit.reserve(tx, accountId, 10n ** 12n)).toBe(true);
      expect(await credit.available(tx, accountId)).toBeNull();
    });
  });
});
