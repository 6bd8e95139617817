import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, expectInvariants } from './support/orders-world.js';
import {
  AccountMoneyDocument,
  ApproveReturnDocument,
  OpenTicketDocument,
  ReceiveReturnDocument,
  SaveRebatePolicyDocument,
  SetStockLevelsDocument,
  SettleRebatesDocument,
  ConfirmDeliveryDocument,
  ConfirmOrderDocument,
  GenerateStatementDocument,
  PlaceOrderDocument,
  RecordAdjustmentDocument,
  RecordPaymentDocument,
  ShipFulfillmentDocument,
} from './generated/graphql.js';

/**
 * Money is exact: for random sequences of orders (charged as they ship),
 * payments, adjustments, returns (credit notes) and rebate settlements, the balance is the sum of the entries, credit
 * used is the balance plus what open orders hold, and every statement ties
 * out (closing = opening + its entries; opening = everything before).
 */
let app: TestApp;
let w: World;
let run = 0;

let warehouseD1 = '';

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  warehouseD1 = (await buildWarehouses(app, w)).warehouse.D1;
  // Plenty of filters, and a rebate on R1b's orders.
  await app.gql(
    SetStockLevelsDocument,
    { input: [{ warehouseId: warehouseD1, sku: 'B1', onHand: 100_000 }] },
    await w.token('D1', 'ADMIN'),
  );
  app.clock.set(new Date('2024-12-01T00:00:00Z'));
  const policy = await app.gql(
    SaveRebatePolicyDocument,
    { input: { ownerId: w.id('D1'), name: 'Monthly', period: 'MONTH', tiers: [{ minVolume: '0', percent: '1.5' }] } },
    await w.token('D1', 'FINANCE'),
  );
  expect(policy.data!.saveRebatePolicy.userErrors).toEqual([]);
});
afterAll(() => app?.close());

const cents = (amount: string) => BigInt(Math.round(Number(amount) * 100));

type Op =
  | { kind: 'order'; ship: boolean }
  | { kind: 'payment'; fen: number }
  | { kind: 'adjustment'; fen: number }
  | { kind: 'return' }
  | { kind: 'rebate' };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('order' as const), ship: fc.boolean() }),
  fc.record({ kind: fc.constant('return' as const) }),
  fc.record({ kind: fc.constant('rebate' as const) }),
  fc.record({ kind: fc.constant('payment' as const), fen: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({
    kind: fc.constant('adjustment' as const),
    fen: fc.integer({ min: -10_000, max: 10_000 }).filter((n) => n !== 0),
  }),
);

/** Orders delivered in this run, that a return may take units back from. */
let delivered: string[] = [];

async function apply(o: Op, n: number, now: Date) {
  const d1 = await w.token('D1', 'FINANCE');
  if (o.kind === 'return') {
    const orderId = delivered.pop();
    if (!orderId) return;
    const r1b = await w.token('R1b', 'BUYER');
    const t = (
      await app.gql(
        OpenTicketDocument,
        {
          input: {
            kind: 'RETURN',
            subject: 'Return',
            body: 'One box back',
            orderId,
            lines: [{ sku: 'B1', quantity: 6 }],
          },
        },
        r1b,
      )
    ).data!.openTicket.ticket!;
    const service = await w.token('D1', 'SERVICE');
    await app.gql(ApproveReturnDocument, { ticketId: t.id }, service);
    const received = await app.gql(
      ReceiveReturnDocument,
      { input: { ticketId: t.id, warehouseId: warehouseD1 } },
      service,
    );
    expect(received.data!.receiveReturn.userErrors).toEqual([]);
  } else if (o.kind === 'rebate') {
    // Close the month before this run's: its accrual (if any) settles as a REBATE entry.
    const prev = new Date(now.getTime() - 32 * 86_400_000).toISOString().slice(0, 10);
    const r = await app.gql(SettleRebatesDocument, { buyerId: w.id('R1b'), periodDay: prev }, d1);
    expect(r.data!.settleRebates.userErrors).toEqual([]);
  } else if (o.kind === 'payment') {
    const r = await app.gql(
      RecordPaymentDocument,
      {
        input: {
          buyerId: w.id('R1b'),
          amount: (o.fen / 100).toFixed(2),
          method: 'BANK_TRANSFER',
          reference: `p-${run}-${n}`,
        },
      },
      d1,
    );
    expect(r.data!.recordPayment.userErrors).toEqual([]);
  } else if (o.kind === 'adjustment') {
    const r = await app.gql(
      RecordAdjustmentDocument,
      { input: { buyerId: w.id('R1b'), amount: (o.fen / 100).toFixed(2), reason: `property ${run}-${n}` } },
      d1,
    );
    expect(r.data!.recordAdjustment.userErrors).toEqual([]);
  } else {
    const placed = await app.gql(
      PlaceOrderDocument,
      { input: { idempotencyKey: `prop-${run}-${n}`, lines: [{ sku: 'B1', quantity: 6 }] } },
      await w.token('R1b', 'BUYER'),
    );
    const order = placed.data!.placeOrder.order;
    if (!order) return; // e.g. the credit limit: a refusal writes nothing, the invariants below still hold
    if (!o.ship) return;
    await app.gql(ConfirmOrderDocument, { id: order.id }, await w.token('D1', 'ADMIN'));
    await app.gql(
      ShipFulfillmentDocument,
      { input: { fulfillmentId: order.fulfillments[0].id } },
      await w.token('D1', 'ADMIN'),
    );
    await app.gql(ConfirmDeliveryDocument, { id: order.id }, await w.token('R1b', 'BUYER'));
    delivered.push(order.id);
  }
}

describe('money is exact', () => {
  it('balance = sum of entries; statements tie out; credit used follows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        run++;
        // Each run lives in its own four days of 2025, so its statement covers exactly its entries.
        const start = new Date(Date.UTC(2025, 0, 1) + (run - 1) * 4 * 86_400_000 - 8 * 3600_000);
        delivered = [];
        for (const [n, o] of ops.entries()) {
          const now = new Date(start.getTime() + (n + 1) * 3600_000);
          app.clock.set(now);
          await apply(o, n, now);
        }
        app.clock.set(new Date(start.getTime() + 3 * 86_400_000));
        const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
        const from = day(start);
        const to = day(new Date(start.getTime() + 2 * 86_400_000));
        const s = (
          await app.gql(
            GenerateStatementDocument,
            { input: { buyerId: w.id('R1b'), from, to } },
            await w.token('D1', 'FINANCE'),
          )
        ).data!.generateStatement.statement!;
        const listed = s.entries.reduce((sum, e) => sum + cents(e.amount.amount), 0n);
        expect(cents(s.closingBalance.amount)).toBe(cents(s.openingBalance.amount) + listed);

        const m = (await app.gql(AccountMoneyDocument, { id: w.id('R1b') }, await w.token('D1', 'FINANCE'))).data!
          .account!;
        const [{ sum, n }] = await app.database.db.execute<{ sum: string; n: number }>(
          sql`select coalesce(sum(amount), 0)::text as sum, count(*)::int as n from ledger_entries where buyer_id = ${w.account('R1b').id}`,
        );
        const all = BigInt(sum);
        expect(m.ledger!.totalCount).toBe(n);
        expect(cents(m.balance!.amount)).toBe(all);
        // Runs follow each other in time: the statement of this run closes on everything so far,
        // and opens on everything before it.
        expect(cents(s.closingBalance.amount)).toBe(all);
        expect(cents(s.openingBalance.amount)).toBe(all - listed);
        await expectInvariants(app);
      }),
      // The first run is this fixed sequence, so every kind of entry is exercised at least once.
      {
        numRuns: 14,
        examples: [
          [
            [
              { kind: 'order', ship: true },
              { kind: 'payment', fen: 12_345 },
              { kind: 'return' },
              { kind: 'adjustment', fen: -678 },
              { kind: 'rebate' },
            ],
          ],
        ],
      },
    );
    app.clock.set(null);
    const kinds = (
      await app.database.db.execute<{ kind: string }>(
        sql`select distinct kind::text from ledger_entries where buyer_id = ${w.account('R1b').id}`,
      )
    ).map((r) => r.kind);
    for (const k of ['ORDER_CHARGE', 'PAYMENT', 'CREDIT_NOTE', 'ADJUSTMENT'] as const) expect(kinds).toContain(k);
  }, 240_000);
});
