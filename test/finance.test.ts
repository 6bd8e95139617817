import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, deliveredOrder, expectInvariants, type OrdersWorld } from './support/orders-world.js';
import {
  AccountMoneyDocument,
  DecideInvoiceDocument,
  DecideStatementDocument,
  GenerateStatementDocument,
  RecordAdjustmentDocument,
  RecordPaymentDocument,
  RequestInvoiceDocument,
  SaveRebatePolicyDocument,
  SettleRebatesDocument,
} from './generated/graphql.js';

let app: TestApp;
let w: World;
let ow: OrdersWorld;
const at = (iso: string) => app.clock.set(new Date(iso));

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
});
afterAll(() => app?.close());

/** Places, confirms, ships and delivers an order of R1a at the clock's time. */
const completedOrder = (key: string, lines: { sku: string; quantity: number }[]) =>
  deliveredOrder({ app, w, ow }, key, lines);

const money = async (viewer: Parameters<World['token']>[0] = 'D1', role: Parameters<World['token']>[1] = 'FINANCE') =>
  app.gql(AccountMoneyDocument, { id: w.id('R1a') }, await w.token(viewer, role));

describe('the money flow of one buyer through October', () => {
  let statementId = '';
  let october1 = '';

  it('a rebate policy, orders charged when they ship, and payments idempotent on their reference', async () => {
    at('2026-10-01T09:00:00+08:00');
    const policy = await app.gql(
      SaveRebatePolicyDocument,
      {
        input: {
          ownerId: w.id('D1'),
          name: 'Online monthly',
          period: 'MONTH',
          onlineOnly: true,
          tiers: [
            { minVolume: '0', percent: '1' },
            { minVolume: '5000', percent: '2' },
          ],
        },
      },
      await w.token('D1', 'FINANCE'),
    );
    expect(policy.data!.saveRebatePolicy.userErrors).toEqual([]);

    at('2026-10-10T10:00:00+08:00');
    october1 = (await completedOrder('oct-1', [{ sku: 'A1', quantity: 2 }])).id; // 2 × 1,950.00
    at('2026-10-20T10:00:00+08:00');
    const d1 = await w.token('D1', 'FINANCE');
    const pay = { buyerId: w.id('R1a'), amount: '1000.00', method: 'BANK_TRANSFER', reference: 'TX-1' };
    const first = await app.gql(RecordPaymentDocument, { input: pay }, d1);
    expect(first.data!.recordPayment.entry).toMatchObject({
      kind: 'PAYMENT',
      amount: { amount: '-1000.00' },
      reference: 'TX-1',
    });
    expect((await app.gql(RecordPaymentDocument, { input: pay }, d1)).data!.recordPayment.entry!.id).toBe(
      first.data!.recordPayment.entry!.id,
    );
    expect(
      (await app.gql(RecordPaymentDocument, { input: { ...pay, amount: '999.00' } }, d1)).data!.recordPayment
        .userErrors[0].code,
    ).toBe('IDEMPOTENCY_CONFLICT');
    at('2026-10-25T10:00:00+08:00');
    await completedOrder('oct-2', [{ sku: 'B1', quantity: 6 }]); // 6 × 72.00 (10% off 80)

    const m = (await money()).data!.account!;
    expect(m.ledger!.nodes.map((e) => [e.kind, e.amount.amount])).toEqual([
      ['ORDER_CHARGE', '432.00'],
      ['PAYMENT', '-1000.00'],
      ['ORDER_CHARGE', '3900.00'],
    ]);
    expect(m.balance!.amount).toBe('3332.00');
    expect(m.credit!.used.amount).toBe('3332.00');
    // The rebate accrued as the orders completed, pending: 1% of 4,332.00.
    expect(m.rebateAccruals).toEqual([
      expect.objectContaining({
        periodStart: '2026-10-01',
        status: 'PENDING',
        volume: { amount: '4332.00' },
        percent: '1',
        amount: { amount: '43.32' },
      }),
    ]);
    expect(m.rebateAccruals![0].orderIds).toHaveLength(2);
    await expectInvariants(app);
  });

  it.each([
    ['a zero amount', { amount: '0' }, 'INVALID_INPUT', ['amount']],
    ['a negative amount', { amount: '-5' }, 'INVALID_INPUT', ['amount']],
    ['another currency', { currencyCode: 'USD' }, 'INVALID_INPUT', ['currencyCode']],
    ['a date in the future', { receivedAt: '2027-01-01T00:00:00Z' }, 'INVALID_INPUT', ['receivedAt']],
  ])('a payment with %s is refused', async (_why, overrides, code, field) => {
    const res = await app.gql(
      RecordPaymentDocument,
      { input: { buyerId: w.id('R1a'), amount: '10', method: 'CASH', reference: `bad-${_why}`, ...overrides } },
      await w.token('D1', 'FINANCE'),
    );
    expect(res.data!.recordPayment.userErrors).toEqual([expect.objectContaining({ code, field })]);
  });

  it("only the buyer's seller (FINANCE or ADMIN) records money", async () => {
    const input = { buyerId: w.id('R1a'), amount: '10', method: 'CASH', reference: 'nope' };
    for (const [k, r] of [
      ['R1a', 'FINANCE'],
      ['D2', 'FINANCE'],
      ['S', 'FINANCE'],
      ['D1', 'BUYER'],
    ] as const) {
      expect(codes(await app.gql(RecordPaymentDocument, { input }, await w.token(k, r))), `${k} ${r}`).toEqual([
        'FORBIDDEN',
      ]);
    }
  });

  it('对账: the seller issues October; the buyer disputes; the seller adjusts and reissues; the buyer confirms; it is final', async () => {
    at('2026-11-05T10:00:00+08:00');
    const d1 = await w.token('D1', 'FINANCE');
    const r1a = await w.token('R1a', 'FINANCE');
    expect(
      (await app.gql(GenerateStatementDocument, { input: { buyerId: w.id('R1a'), month: '2026-12' } }, d1)).data!
        .generateStatement.userErrors[0],
    ).toMatchObject({ code: 'INVALID_INPUT' });
    const issued = (await app.gql(GenerateStatementDocument, { input: { buyerId: w.id('R1a'), month: '2026-10' } }, d1))
      .data!.generateStatement.statement!;
    expect(issued).toMatchObject({
      status: 'ISSUED',
      version: 1,
      periodStart: '2026-10-01',
      periodEnd: '2026-11-01',
      openingBalance: { amount: '0.00' },
      closingBalance: { amount: '3332.00' },
      orderCount: 2,
      paymentCount: 1,
    });
    expect(issued.csv.trim().split('\n')).toEqual([
      'date,kind,reference,description,amount,balance',
      '2026-10-01,OPENING,,,,0.00',
      expect.stringMatching(/^2026-10-10,ORDER_CHARGE,SO-2026-\d{7},,3900\.00,3900\.00$/),
      '2026-10-20,PAYMENT,TX-1,BANK_TRANSFER,-1000.00,2900.00',
      expect.stringMatching(/^2026-10-25,ORDER_CHARGE,SO-2026-\d{7},,432\.00,3332\.00$/),
      '2026-11-01,CLOSING,,,,3332.00',
    ]);
    expect(
      codes(
        await app.gql(DecideStatementDocument, { id: issued.id, decision: 'CONFIRM' }, await w.token('R1a', 'BUYER')),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await app.gql(DecideStatementDocument, { id: issued.id, decision: 'CONFIRM' }, await w.token('R1b', 'BUYER')),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      (await app.gql(DecideStatementDocument, { id: issued.id, decision: 'DISPUTE' }, r1a)).data!.decideStatement
        .userErrors[0].field,
    ).toEqual(['reason']);
    expect(
      (await app.gql(DecideStatementDocument, { id: issued.id, decision: 'DISPUTE', reason: 'We paid 1,032.00' }, r1a))
        .data!.decideStatement.statement!.status,
    ).toBe('DISPUTED');
    // A payment may not be dated inside a statement that is out (issue the period again afterwards).
    expect(
      (
        await app.gql(
          RecordPaymentDocument,
          {
            input: {
              buyerId: w.id('R1a'),
              amount: '5',
              method: 'CASH',
              reference: 'inside',
              receivedAt: '2026-10-05T10:00:00+08:00',
            },
          },
          d1,
        )
      ).data!.recordPayment.userErrors[0].field,
    ).toEqual(['receivedAt']);
    // Only the buyer's own statements block a date: R1a's disputed October says nothing about its sibling R1b.
    const sibling = await app.gql(
      RecordPaymentDocument,
      {
        input: {
          buyerId: w.id('R1b'),
          amount: '5',
          method: 'CASH',
          reference: 'sibling-october',
          receivedAt: '2026-10-05T10:00:00+08:00',
        },
      },
      d1,
    );
    expect(sibling.data!.recordPayment.userErrors).toEqual([]);
    const adj = await app.gql(
      RecordAdjustmentDocument,
      {
        input: {
          buyerId: w.id('R1a'),
          amount: '-32.00',
          reason: 'Bank fee absorbed, agreed on the phone',
          effectiveOn: '2026-10-31',
        },
      },
      d1,
    );
    expect(adj.data!.recordAdjustment.entry).toMatchObject({ kind: 'ADJUSTMENT', amount: { amount: '-32.00' } });
    expect(
      (
        await app.gql(
          RecordAdjustmentDocument,
          { input: { buyerId: w.id('R1a'), amount: '1', reason: 'x', effectiveOn: '2026-02-30' } },
          d1,
        )
      ).data!.recordAdjustment.userErrors[0].field,
    ).toEqual(['effectiveOn']);
    const reissued = (
      await app.gql(GenerateStatementDocument, { input: { buyerId: w.id('R1a'), month: '2026-10' } }, d1)
    ).data!.generateStatement.statement!;
    expect(reissued).toMatchObject({ status: 'ISSUED', version: 2, closingBalance: { amount: '3300.00' } });
    expect(
      (await app.gql(DecideStatementDocument, { id: reissued.id, decision: 'CONFIRM' }, r1a)).data!.decideStatement
        .statement!.status,
    ).toBe('CONFIRMED');
    expect(
      (await app.gql(DecideStatementDocument, { id: reissued.id, decision: 'DISPUTE', reason: 'late' }, r1a)).data!
        .decideStatement.userErrors[0].code,
    ).toBe('INVALID_TRANSITION');
    expect(
      (await app.gql(GenerateStatementDocument, { input: { buyerId: w.id('R1a'), month: '2026-10' } }, d1)).data!
        .generateStatement.userErrors[0].message,
    ).toMatch(/confirmed/);
    for (const when of ['2026-10-15T10:00:00+08:00', '2026-09-15T10:00:00+08:00']) {
      const late = await app.gql(
        RecordPaymentDocument,
        { input: { buyerId: w.id('R1a'), amount: '5', method: 'CASH', reference: `late-${when}`, receivedAt: when } },
        d1,
      );
      expect(late.data!.recordPayment.userErrors[0], when).toMatchObject({
        code: 'INVALID_INPUT',
        field: ['receivedAt'],
      });
    }
    expect(
      (
        await app.gql(
          GenerateStatementDocument,
          { input: { buyerId: w.id('R1a'), from: '2026-02-01', to: '2026-02-30' } },
          d1,
        )
      ).data!.generateStatement.userErrors[0].code,
    ).toBe('INVALID_INPUT');
    expect(
      (
        await app.gql(
          GenerateStatementDocument,
          { input: { buyerId: w.id('R1a'), from: '2026-10-20', to: '2026-10-25' } },
          d1,
        )
      ).data!.generateStatement.userErrors[0].message,
    ).toMatch(/confirmed/);
    const statements = (await money('R1a', 'FINANCE')).data!.account!.statements!;
    expect(statements.map((s) => [s.version, s.status])).toEqual([
      [2, 'CONFIRMED'],
      [1, 'SUPERSEDED'],
    ]);
    statementId = reissued.id;
  });

  it('开票: invoices up to what was charged and not yet invoiced, never twice; the seller issues or rejects', async () => {
    const r1a = await w.token('R1a', 'FINANCE');
    const d1 = await w.token('D1', 'FINANCE');
    const base = { statementId, title: '深圳福田清泉居', taxId: '91440300MA5FAKE123', type: 'SPECIAL_VAT' as const };
    expect(
      (await app.gql(RequestInvoiceDocument, { input: { ...base, amount: '4332.01' } }, r1a)).data!.requestInvoice
        .userErrors[0],
    ).toMatchObject({ code: 'INVALID_INPUT', field: ['amount'] });
    expect(
      (await app.gql(DecideInvoiceDocument, { input: { id: 'x', decision: 'ISSUE' } }, d1)).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const first = (await app.gql(RequestInvoiceDocument, { input: { ...base, amount: '4000.00' } }, r1a)).data!
      .requestInvoice.invoice!;
    expect(first.status).toBe('REQUESTED');
    expect(
      (await app.gql(RequestInvoiceDocument, { input: { ...base, amount: '400.00' } }, r1a)).data!.requestInvoice
        .userErrors[0].message,
    ).toMatch(/332\.00/);
    const second = (await app.gql(RequestInvoiceDocument, { input: { ...base, amount: '332.00' } }, r1a)).data!
      .requestInvoice.invoice!;
    expect(
      codes(
        await app.gql(
          DecideInvoiceDocument,
          { input: { id: first.id, decision: 'ISSUE', invoiceNumber: '44031234', issuedOn: '2026-11-06' } },
          r1a,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const issued = await app.gql(
      DecideInvoiceDocument,
      { input: { id: first.id, decision: 'ISSUE', invoiceNumber: '44031234', issuedOn: '2026-11-06' } },
      d1,
    );
    expect(issued.data!.decideInvoice.invoice).toMatchObject({
      status: 'ISSUED',
      invoiceNumber: '44031234',
      issuedOn: '2026-11-06',
    });
    expect(
      (await app.gql(DecideInvoiceDocument, { input: { id: first.id, decision: 'REJECT', reason: 'x' } }, d1)).data!
        .decideInvoice.userErrors[0].code,
    ).toBe('INVALID_TRANSITION');
    await app.gql(DecideInvoiceDocument, { input: { id: second.id, decision: 'REJECT', reason: 'Wrong title' } }, d1);
    // A rejection frees its amount.
    expect(
      (await app.gql(RequestInvoiceDocument, { input: { ...base, amount: '332.00' } }, r1a)).data!.requestInvoice
        .userErrors,
    ).toEqual([]);
    expect(
      (await app.gql(RequestInvoiceDocument, { input: { ...base, taxId: 'bad', amount: '1' } }, r1a)).data!
        .requestInvoice.userErrors[0].field,
    ).toEqual(['taxId']);
  });

  it('rebate policies: a seller sets its own, changes them in place, and only finance staff list them', async () => {
    const brand = await app.gql(
      SaveRebatePolicyDocument,
      { input: { ownerId: w.id('D1'), name: 'x', period: 'MONTH', tiers: [{ minVolume: '0', percent: '10' }] } },
      await w.token('BRAND', 'FINANCE'),
    );
    expect(codes(brand)).toEqual(['FORBIDDEN']);
    expect((await app.raw('{ rebatePolicies { id } }', {}, await w.token('D1', 'BUYER'))).data.rebatePolicies).toEqual(
      [],
    );
    const listed = await app.raw('{ rebatePolicies { id name } }', {}, await w.token('D1', 'FINANCE'));
    expect(listed.data.rebatePolicies).toHaveLength(1);
    const badDay = await app.gql(
      SettleRebatesDocument,
      { buyerId: w.id('R1a'), periodDay: '2026-13-45' },
      await w.token('D1', 'FINANCE'),
    );
    expect(badDay.data!.settleRebates.userErrors[0].field).toEqual(['periodDay']);
  });

  it('返利: closing October settles the accrual as a REBATE entry that lowers the balance; November only accrues', async () => {
    const d1 = await w.token('D1', 'FINANCE');
    at('2026-11-10T10:00:00+08:00');
    await completedOrder('nov-1', [{ sku: 'B1', quantity: 6 }]);
    const oct = await app.gql(SettleRebatesDocument, { buyerId: w.id('R1a'), periodDay: '2026-10-15' }, d1);
    expect(oct.data!.settleRebates.accruals).toEqual([
      expect.objectContaining({ status: 'SETTLED', amount: { amount: '43.32' } }),
    ]);
    const again = await app.gql(SettleRebatesDocument, { buyerId: w.id('R1a'), periodDay: '2026-10-15' }, d1);
    expect(again.data!.settleRebates.accruals).toEqual([]);
    const nov = await app.gql(SettleRebatesDocument, { buyerId: w.id('R1a'), periodDay: '2026-11-15' }, d1);
    expect(nov.data!.settleRebates.accruals).toEqual([
      expect.objectContaining({ status: 'PENDING', amount: { amount: '4.32' } }),
    ]);
    const m = (await money('R1a', 'ADMIN')).data!.account!;
    expect(m.ledger!.nodes.find((e) => e.kind === 'REBATE')!.amount.amount).toBe('-43.32');
    // The balance is the sum of the entries.
    const sum = m.ledger!.nodes.reduce((s, e) => s + Math.round(Number(e.amount.amount) * 100), 0);
    expect(Math.round(Number(m.balance!.amount) * 100)).toBe(sum);
    await expectInvariants(app);
  });

  it('a return after the rebate was settled: a credit note, and the rebate on it comes back', async () => {
    at('2026-11-12T10:00:00+08:00');
    const { OpenTicketDocument, ApproveReturnDocument, ReceiveReturnDocument } = await import('./generated/graphql.js');
    const t = (
      await app.gql(
        OpenTicketDocument,
        {
          input: {
            kind: 'RETURN',
            subject: 'One back',
            body: 'Wrong room',
            orderId: october1,
            lines: [{ sku: 'A1', quantity: 1 }],
          },
        },
        await w.token('R1a', 'BUYER'),
      )
    ).data!.openTicket.ticket!;
    const service = await w.token('D1', 'SERVICE');
    await app.gql(ApproveReturnDocument, { ticketId: t.id }, service);
    expect(
      (await app.gql(ReceiveReturnDocument, { input: { ticketId: t.id, warehouseId: ow.warehouse.D1 } }, service)).data!
        .receiveReturn.userErrors,
    ).toEqual([]);
    const entries = (await money()).data!.account!.ledger!.nodes;
    expect(entries.slice(0, 2).map((e) => [e.kind, e.amount.amount])).toEqual([
      ['ADJUSTMENT', '19.50'],
      ['CREDIT_NOTE', '-1950.00'],
    ]);
    await expectInvariants(app);
    app.clock.set(null);
  });
});

describe('V5 and integrity', () => {
  it('the ledger is for ADMIN and FINANCE users of the account and its ancestors (V5)', async () => {
    for (const [k, r] of [
      ['R1a', 'BUYER'],
      ['D1', 'BUYER'],
      ['BRAND', 'ANALYST'],
    ] as const) {
      const denied = await money(k, r);
      expect(denied.data!.account!.ledger, k).toBeNull();
      expect(denied.data!.account!.balance, k).toBeNull();
      expect(new Set(codes(denied))).toEqual(new Set(['FORBIDDEN']));
    }
    for (const [k, r] of [
      ['R1a', 'FINANCE'],
      ['D1', 'FINANCE'],
      ['S', 'ADMIN'],
      ['BRAND', 'FINANCE'],
    ] as const) {
      const up = await money(k, r);
      expect(up.errors, k).toBeUndefined();
      expect(up.data!.account!.ledger!.totalCount).toBeGreaterThan(0);
    }
    expect((await money('D2', 'FINANCE')).data!.account).toBeNull();
  });

  it('finance fields of a list of accounts cost the same at 7 and at 10 accounts', async () => {
    const q = (first: number) =>
      app.raw(
        `{ accounts(first: ${first}) { nodes { balance { amount } statements { id } invoiceRequests { id } rebateAccruals { id policy { name } } } } }`,
        {},
        token,
      );
    const token = await w.token('BRAND', 'ADMIN');
    const small = await q(7);
    const large = await q(10);
    expect(large.errors).toBeUndefined();
    expect(large.data.accounts.nodes.some((n: { rebateAccruals: unknown[] }) => n.rebateAccruals.length > 0)).toBe(
      true,
    );
    expect(large.statements).toBe(small.statements);
  });

  it('ledger entries cannot be edited or deleted', async () => {
    const upd = await app.database.db.execute(sql`update ledger_entries set amount = 1`).catch((e: Error) => e);
    expect(String((upd as Error).cause ?? upd)).toMatch(/append-only/);
    const del = await app.database.db.execute(sql`delete from ledger_entries`).catch((e: Error) => e);
    expect(String((del as Error).cause ?? del)).toMatch(/append-only/);
  });
});
