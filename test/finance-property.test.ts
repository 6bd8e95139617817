import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, expectInvariants } from './support/orders-world.js';
import {
  AccountMoneyDocument,
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
 * payments and adjustments, the balance is the sum of the entries, credit
 * used is the balance plus what open orders hold, and every statement ties
 * out (closing = opening + its entries; opening = everything before).
 */
let app: TestApp;
let w: World;
let run = 0;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  await buildWarehouses(app, w);
});
afterAll(() => app?.close());

const cents = (amount: string) => BigInt(Math.round(Number(amount) * 100));

type Op = { kind: 'order'; ship: boolean } | { kind: 'payment'; fen: number } | { kind: 'adjustment'; fen: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('order' as const), ship: fc.boolean() }),
  fc.record({ kind: fc.constant('payment' as const), fen: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({ kind: fc.constant('adjustment' as const), fen: fc.integer({ min: -10_000, max: 10_000 }).filter((n) => n !== 0) }),
);

async function apply(o: Op, n: number) {
  const d1 = await w.token('D1', 'FINANCE');
  if (o.kind === 'payment') {
    const r = await app.gql(RecordPaymentDocument, { input: { buyerId: w.id('R1b'), amount: (o.fen / 100).toFixed(2), method: 'BANK_TRANSFER', reference: `p-${run}-${n}` } }, d1);
    expect(r.data!.recordPayment.userErrors).toEqual([]);
  } else if (o.kind === 'adjustment') {
    const r = await app.gql(RecordAdjustmentDocument, { input: { buyerId: w.id('R1b'), amount: (o.fen / 100).toFixed(2), reason: `property ${run}-${n}` } }, d1);
    expect(r.data!.recordAdjustment.userErrors).toEqual([]);
  } else {
    const placed = await app.gql(PlaceOrderDocument, { input: { idempotencyKey: `prop-${run}-${n}`, lines: [{ sku: 'B1', quantity: 6 }] } }, await w.token('R1b', 'BUYER'));
    const order = placed.data!.placeOrder.order;
    if (!order) return; // e.g. the credit limit: a refusal writes nothing, the invariants below still hold
    if (!o.ship) return;
    await app.gql(ConfirmOrderDocument, { id: order.id }, await w.token('D1', 'ADMIN'));
    await app.gql(ShipFulfillmentDocument, { input: { fulfillmentId: order.fulfillments[0].id } }, await w.token('D1', 'ADMIN'));
    await app.gql(ConfirmDeliveryDocument, { id: order.id }, await w.token('R1b', 'BUYER'));
  }
}

describe('money is exact', () => {
  it('balance = sum of entries; statements tie out; credit used follows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        run++;
        // Each run lives in its own two days of 2025, so its statement covers exactly its entries.
        const start = new Date(Date.UTC(2025, 0, 1) + (run - 1) * 2 * 86_400_000 - 8 * 3600_000);
        for (const [n, o] of ops.entries()) {
          app.clock.set(new Date(start.getTime() + (n + 1) * 3600_000));
          await apply(o, n);
        }
        app.clock.set(new Date(start.getTime() + 3 * 86_400_000));
        const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
        const from = day(start);
        const to = day(new Date(start.getTime() + 86_400_000));
        const s = (await app.gql(GenerateStatementDocument, { input: { buyerId: w.id('R1b'), from, to } }, await w.token('D1', 'FINANCE'))).data!.generateStatement.statement!;
        const listed = s.entries.reduce((sum, e) => sum + cents(e.amount.amount), 0n);
        expect(cents(s.closingBalance.amount)).toBe(cents(s.openingBalance.amount) + listed);

        const m = (await app.gql(AccountMoneyDocument, { id: w.id('R1b') }, await w.token('D1', 'FINANCE'))).data!.account!;
        const all = m.ledger!.nodes.reduce((sum, e) => sum + cents(e.amount.amount), 0n);
        expect(m.ledger!.totalCount).toBe(m.ledger!.nodes.length);
        expect(cents(m.balance!.amount)).toBe(all);
        // Runs follow each other in time: the statement of this run closes on everything so far,
        // and opens on everything before it.
        expect(cents(s.closingBalance.amount)).toBe(all);
        expect(cents(s.openingBalance.amount)).toBe(all - listed);
        await expectInvariants(app);
      }),
      { numRuns: 12 },
    );
    app.clock.set(null);
  }, 240_000);
});
