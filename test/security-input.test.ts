import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, isInputObjectType, isObjectType, isScalarType } from 'graphql';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, type OrdersWorld } from './support/orders-world.js';
import {
  AccountDocument,
  CreateWarehouseDocument,
  LoginDocument,
  NodeDocument,
  PlaceOrderDocument,
  RecordPaymentDocument,
  SetAssortmentDocument,
  SetStockLevelsDocument,
} from './generated/graphql.js';
import { buildBaseSchema } from '../src/graphql/schema.js';
import { STRING_BOUNDS } from '../src/graphql/limits/input-bounds.js';
import { normalizeReference } from '../src/modules/finance/reference.js';
import { toGlobalId } from '../src/graphql/ids.js';

/** Issue 11, items 8–12 that are about input: existence leaks, bounds, references, NUL bytes, ids. */
let app: TestApp;
let w: World;
let ow: OrdersWorld;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
});
afterAll(() => app?.close());

describe('every String input has a bound (item 9)', () => {
  it('the bounds table names exactly the String inputs of the schema', () => {
    const schema = buildBaseSchema();
    const inputs: string[] = [];
    for (const t of Object.values(schema.getTypeMap())) {
      if (t.name.startsWith('__')) continue;
      if (isInputObjectType(t)) {
        for (const f of Object.values(t.getFields()))
          if (getNamedType(f.type).name === 'String') inputs.push(`${t.name}.${f.name}`);
      }
      if (isObjectType(t)) {
        for (const f of Object.values(t.getFields()))
          for (const a of f.args)
            if (isScalarType(getNamedType(a.type)) && getNamedType(a.type).name === 'String')
              inputs.push(`${t.name}.${f.name}(${a.name})`);
      }
    }
    expect(inputs.length).toBeGreaterThan(50);
    expect(
      inputs.filter((k) => !(k in STRING_BOUNDS)),
      'String inputs without a bound',
    ).toEqual([]);
    expect(
      Object.keys(STRING_BOUNDS).filter((k) => !inputs.includes(k)),
      'bounds of inputs that no longer exist',
    ).toEqual([]);
  });

  it('placeOrder: a 2,000,000-character shipTo.line1 (and 1M city) is refused before anything is written', async () => {
    const res = await app.gql(
      PlaceOrderDocument,
      {
        input: {
          idempotencyKey: 'huge',
          lines: [{ sku: 'B1', quantity: 6 }],
          shipTo: { line1: 'x'.repeat(2_000_000), city: 'y'.repeat(1_000_000), regionCode: '440304' },
        },
      },
      await w.token('R1a', 'BUYER'),
    );
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toMatch(/shipTo\.line1: at most 300 characters/);
    const [{ n }] = await app.database.sql`select count(*)::int as n from orders where idempotency_key = 'huge'`;
    expect(n).toBe(0);
  });

  it('placeOrder: a ship-to line at its bound is fine', async () => {
    const res = await app.gql(
      PlaceOrderDocument,
      {
        input: {
          idempotencyKey: 'long-ok',
          lines: [{ sku: 'B1', quantity: 6 }],
          shipTo: { line1: 'L'.repeat(300), city: 'Shenzhen', regionCode: '440304' },
        },
      },
      await w.token('R1a', 'BUYER'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.placeOrder.userErrors).toEqual([]);
  });

  it('createWarehouse: an unbounded address is refused; also as a literal in the query text', async () => {
    const input = {
      ownerId: w.id('D1'),
      name: 'Huge',
      kind: 'PARTNER' as const,
      address: { line1: 'x'.repeat(5000), regionCode: '440304' },
      coverage: ['440300'],
    };
    expect(codes(await app.gql(CreateWarehouseDocument, { input }, await w.token('D1', 'ADMIN')))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const literal = await app.raw(
      `mutation { createWarehouse(input: { ownerId: "${w.id('D1')}", name: "Huge", kind: PARTNER, address: { line1: "ok", postalCode: "${'9'.repeat(21)}", regionCode: "440304" }, coverage: ["440300"] }) { warehouse { id } } }`,
      {},
      await w.token('D1', 'ADMIN'),
    );
    expect(codes(literal)).toEqual(['BAD_USER_INPUT']);
    expect(literal.errors![0].message).toMatch(/address\.postalCode: at most 20 characters/);
    // Elements of a list of strings are bounded one by one.
    const codesList = await app.gql(
      CreateWarehouseDocument,
      { input: { ...input, address: { line1: 'ok', regionCode: '440304' }, coverage: ['440300', '4'.repeat(13)] } },
      await w.token('D1', 'ADMIN'),
    );
    expect(codes(codesList)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('a NUL byte in a string input is bad input, never a 500 (item 11)', () => {
  it.each([
    [
      'accounts(filter: { search })',
      'query($s: String) { accounts(filter: { search: $s }) { totalCount } }',
      { s: 'Fu\u0000tian' },
    ],
    [
      'commentTicket body',
      'mutation($b: String!) { commentTicket(input: { ticketId: "x", body: $b }) { userErrors { code } } }',
      { b: 'hello\u0000' },
    ],
    [
      'a login e-mail',
      'mutation($e: String!) { login(input: { email: $e, password: "whatever-123" }) { token } }',
      { e: 'a\u0000@b.example' },
    ],
    ['an id', 'query($id: ID!) { node(id: $id) { id } }', { id: 'QWNjb3VudDox\u0000' }],
    ['a literal in the query text', 'query { accounts(filter: { search: "a\\u0000b" }) { totalCount } }', {}],
  ])('%s', async (_what, query, variables) => {
    const res = await app.raw(query, variables, await w.token('D1', 'ADMIN'));
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toMatch(/NUL/);
    expect(JSON.stringify(res)).not.toMatch(/select|insert|postgres|invalid byte sequence/i);
    expect(res.statements).toBe(1); // the viewer only
  });
});

describe('existence does not leak (item 8)', () => {
  it('placeOrder answers the same for a sku hidden from the buyer and for one that does not exist', async () => {
    // E offers A1 and B1 only: C1 exists but is hidden from D3's retailers.
    const token = await w.token('R3', 'BUYER');
    const order = async (sku: string) =>
      (
        await app.gql(
          PlaceOrderDocument,
          { input: { idempotencyKey: `leak-${sku}`, lines: [{ sku, quantity: 1 }] } },
          token,
        )
      ).data!.placeOrder.userErrors;
    const hidden = await order('C1');
    const missing = await order('NOPE-1');
    expect(hidden).toEqual([
      {
        code: 'NOT_IN_ASSORTMENT',
        message: expect.stringContaining('C1 is not offered to'),
        field: ['lines', '0', 'sku'],
      },
    ]);
    expect(missing).toEqual([
      {
        code: 'NOT_IN_ASSORTMENT',
        message: expect.stringContaining('NOPE-1 is not offered to'),
        field: ['lines', '0', 'sku'],
      },
    ]);
    expect(hidden[0].message.replace('C1', 'X')).toBe(missing[0].message.replace('NOPE-1', 'X'));
  });

  it('setStockLevels refuses a sku the warehouse owner cannot buy, as if it did not exist', async () => {
    const admin = await w.token('D3', 'ADMIN');
    const stock = async (sku: string) =>
      (await app.gql(SetStockLevelsDocument, { input: [{ warehouseId: ow.warehouse.D3, sku, onHand: 5 }] }, admin))
        .data!.setStockLevels;
    const hidden = await stock('C1');
    const missing = await stock('NOPE-1');
    expect(hidden.count).toBe(0);
    expect(hidden.userErrors).toEqual([{ code: 'INVALID_INPUT', message: 'Unknown sku C1', field: ['0', 'sku'] }]);
    expect(missing.userErrors).toEqual([{ code: 'INVALID_INPUT', message: 'Unknown sku NOPE-1', field: ['0', 'sku'] }]);
    const [{ n }] = await app.database
      .sql`select count(*)::int as n from stock_levels s join variants v on v.id = s.variant_id where v.sku = 'C1' and s.warehouse_id = (select id from warehouses where name = 'Xuhui partner')`;
    expect(n).toBe(0);
    expect((await stock('B1')).userErrors).toEqual([]);
    // The brand may set stock in its own warehouse of anything; an agent narrowing its assortment narrows its downstream's stock.
    expect(
      (
        await app.gql(
          SetStockLevelsDocument,
          { input: [{ warehouseId: ow.warehouse.BRAND, sku: 'C1', onHand: 60 }] },
          await w.token('BRAND', 'ADMIN'),
        )
      ).data!.setStockLevels.userErrors,
    ).toEqual([]);
    await app.gql(
      SetAssortmentDocument,
      { input: { sellerId: w.id('E'), includeAll: false, skus: ['A1'] } },
      await w.token('E', 'ADMIN'),
    );
    expect((await stock('B1')).userErrors[0].message).toBe('Unknown sku B1');
    await app.gql(
      SetAssortmentDocument,
      { input: { sellerId: w.id('E'), includeAll: false, skus: ['A1', 'B1'] } },
      await w.token('E', 'ADMIN'),
    );
  });
});

describe('payment references are normalised before the idempotency check (item 10)', () => {
  it('normalizeReference folds case, width, dashes, invisible characters and spaces', () => {
    const canonical = normalizeReference('TX-2026-001');
    for (const variant of [
      'tx-2026-001',
      ' TX-2026-001 ',
      'TX\u20102026\u2013001',
      'TX-2026\u200B-001',
      'ＴＸ－２０２６－００１',
      'Tx\u22122026-001\uFEFF',
      'TX-2026-\u00AD001',
    ]) {
      expect(normalizeReference(variant), JSON.stringify(variant)).toBe(canonical);
    }
    expect(normalizeReference('TX-2026-002')).not.toBe(canonical);
    expect(normalizeReference('a  b')).toBe('A B');
  });

  it('recordPayment records the same reference once however it is typed', async () => {
    const d1 = await w.token('D1', 'FINANCE');
    const pay = (reference: string) =>
      app.gql(
        RecordPaymentDocument,
        { input: { buyerId: w.id('R1a'), amount: '100.00', method: 'BANK_TRANSFER', reference } },
        d1,
      );
    const first = await pay('bank-ref-77');
    expect(first.data!.recordPayment.userErrors).toEqual([]);
    const id = first.data!.recordPayment.entry!.id;
    expect(first.data!.recordPayment.entry!.reference).toBe('BANK-REF-77');
    for (const again of ['BANK-REF-77', 'Bank\u2011Ref\u201177', 'bank-\u200Bref-77', ' ｂａｎｋ－ｒｅｆ－７７ ']) {
      const res = await pay(again);
      expect(res.data!.recordPayment.userErrors, again).toEqual([]);
      expect(res.data!.recordPayment.entry!.id).toBe(id);
    }
    const [{ n }] = await app.database
      .sql`select count(*)::int as n from ledger_entries where kind = 'PAYMENT' and reference = 'BANK-REF-77'`;
    expect(n).toBe(1);
  });
});

describe('ids are canonical (item 12)', () => {
  it('"Account:024" and other spellings of a real id do not resolve', async () => {
    const token = await w.token('BRAND', 'ADMIN');
    const key = w.account('D1').id;
    expect((await app.gql(AccountDocument, { id: toGlobalId('Account', key) }, token)).data!.account).not.toBeNull();
    const spellings = [
      Buffer.from(`Account:0${key}`).toString('base64url'),
      Buffer.from(`Account:00${key}`).toString('base64url'),
      Buffer.from(`Account:+${key}`).toString('base64url'),
      `${toGlobalId('Account', key)}=`,
    ];
    for (const id of spellings) {
      const a = await app.gql(AccountDocument, { id }, token);
      const n = await app.gql(NodeDocument, { id }, token);
      expect(a.errors, id).toBeUndefined();
      expect(a.data!.account, id).toBeNull();
      expect(n.data!.node, id).toBeNull();
    }
  });

  it('a login e-mail with a NUL byte is refused before the throttle counts it', async () => {
    const res = await app.gql(LoginDocument, {
      input: { email: `${w.email('D1', 'BUYER')}\u0000`, password: 'x-whatever-1' },
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    const [{ n }] = await app.database.sql`select count(*)::int as n from login_failures`;
    expect(n).toBe(0);
  });
});
