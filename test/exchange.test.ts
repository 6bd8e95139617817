import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, expectInvariants, type OrdersWorld } from './support/orders-world.js';
import {
  ApproveReturnDocument,
  ConfirmDeliveryDocument,
  ConfirmOrderDocument,
  OpenTicketDocument,
  PlaceOrderDocument,
  ReceiveReturnDocument,
  SetStockLevelsDocument,
  ShipFulfillmentDocument,
} from './generated/graphql.js';

let app: TestApp;
let w: World;
let ow: OrdersWorld;
let delivered: { id: string; number: string };

const REPLACEMENT = `{ id number kind status seller { id } total { amount } lines { sku quantity unitPrice { amount } } fulfillments { id status routingReason warehouse { id } lines { sku quantity } } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) { id status events { kind note } returnAuthorization { number status replacementOrder ${REPLACEMENT} } } }`;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
  const placed = await app.gql(
    PlaceOrderDocument,
    {
      input: {
        idempotencyKey: 'ex-1',
        lines: [
          { sku: 'A1', quantity: 2 },
          { sku: 'B1', quantity: 6 },
        ],
      },
    },
    await w.token('R1a', 'BUYER'),
  );
  const o = placed.data!.placeOrder.order!;
  await app.gql(ConfirmOrderDocument, { id: o.id }, await w.token('D1', 'ADMIN'));
  for (const f of o.fulfillments) {
    expect(f.warehouse.id).toBe(ow.warehouse.D1);
    expect(
      (await app.gql(ShipFulfillmentDocument, { input: { fulfillmentId: f.id } }, await w.token('D1', 'ADMIN'))).data!
        .shipFulfillment.userErrors,
    ).toEqual([]);
  }
  await app.gql(ConfirmDeliveryDocument, { id: o.id }, await w.token('R1a', 'BUYER'));
  delivered = { id: o.id, number: o.number };
});
afterAll(() => app?.close());

const stock = async (warehouse: string, sku: string) => {
  const key = Number(Buffer.from(warehouse, 'base64url').toString().split(':')[1]);
  const [row] = await app.database.db.execute<{ on_hand: number; reserved: number }>(sql`
    select s.on_hand, s.reserved from stock_levels s join variants v on v.id = s.variant_id where s.warehouse_id = ${key} and v.sku = ${sku}`);
  return { onHand: row.on_hand, reserved: row.reserved };
};
const money = async () => {
  const [row] = await app.database.db.execute<{ used: string; balance: string; units: number }>(sql`
    select a.credit_used::text as used,
      (select coalesce(sum(amount), 0)::text from ledger_entries where buyer_id = a.id) as balance,
      (select coalesce(sum(units), 0)::int from sales_daily where buyer_id = a.id) as units
    from accounts a where a.id = ${w.account('R1a').id}`);
  return row;
};
const openExchange = async (lines: { sku: string; quantity: number }[]) =>
  (
    await app.gql(
      OpenTicketDocument,
      { input: { kind: 'EXCHANGE', subject: 'Leaking unit', body: 'Please replace', orderId: delivered.id, lines } },
      await w.token('R1a', 'BUYER'),
    )
  ).data!.openTicket.ticket!;

describe('the replacement shipment of an EXCHANGE', () => {
  it('is an order routed like any other, reserved on approval, at no charge', async () => {
    const ticket = await openExchange([{ sku: 'A1', quantity: 1 }]);
    const before = { stock: await stock(ow.warehouse.D1, 'A1'), money: await money() };
    const approved = await app.gql(ApproveReturnDocument, { ticketId: ticket.id }, await w.token('D1', 'SERVICE'));
    expect(approved.data!.approveReturn.userErrors).toEqual([]);
    const t = (await app.raw(TICKET, { id: ticket.id }, await w.token('R1a', 'BUYER'))).data.ticket;
    const replacement = t.returnAuthorization.replacementOrder;
    expect(replacement).toMatchObject({
      kind: 'REPLACEMENT',
      status: 'ALLOCATED',
      seller: { id: w.id('D1') },
      total: { amount: '0.00' },
      lines: [{ sku: 'A1', quantity: 1, unitPrice: { amount: '0.00' } }],
    });
    expect(replacement.fulfillments).toHaveLength(1);
    expect(replacement.fulfillments[0]).toMatchObject({
      status: 'PENDING',
      warehouse: { id: ow.warehouse.D1 },
      lines: [{ sku: 'A1', quantity: 1 }],
    });
    expect(replacement.fulfillments[0].routingReason).toMatch(
      /^Whole order from Futian partner \(the seller's own warehouse/,
    );
    expect(t.events.find((e: { kind: string }) => e.kind === 'RETURN_AUTHORIZED').note).toBe(
      `Replacement ${replacement.number}`,
    );
    // Reserved, not taken; no credit, no charge, no sale.
    expect(await stock(ow.warehouse.D1, 'A1')).toEqual({
      onHand: before.stock.onHand,
      reserved: before.stock.reserved + 1,
    });
    expect(await money()).toEqual(before.money);
    await expectInvariants(app);

    // Shipped and delivered through the same lifecycle: the unit leaves the warehouse, still nothing is charged.
    const shipped = await app.gql(
      ShipFulfillmentDocument,
      { input: { fulfillmentId: replacement.fulfillments[0].id, trackingNumber: 'SF-REPL-1' } },
      await w.token('D1', 'SERVICE'),
    );
    expect(shipped.data!.shipFulfillment.userErrors).toEqual([]);
    expect(shipped.data!.shipFulfillment.order!.status).toBe('SHIPPED');
    expect(await stock(ow.warehouse.D1, 'A1')).toEqual({
      onHand: before.stock.onHand - 1,
      reserved: before.stock.reserved,
    });
    const done = await app.gql(ConfirmDeliveryDocument, { id: replacement.id }, await w.token('R1a', 'BUYER'));
    expect(done.data!.confirmDelivery.order!.status).toBe('COMPLETED');
    expect(await money()).toEqual(before.money);
    // The faulty unit comes back into the depot (no credit for an exchange).
    const received = await app.gql(
      ReceiveReturnDocument,
      { input: { ticketId: ticket.id, warehouseId: ow.warehouse.D1 } },
      await w.token('D1', 'SERVICE'),
    );
    expect(received.data!.receiveReturn.ticket!.returnAuthorization!.creditAmount).toBeNull();
    expect(await stock(ow.warehouse.D1, 'A1')).toEqual({
      onHand: before.stock.onHand,
      reserved: before.stock.reserved,
    });
    expect(await money()).toEqual(before.money);
    await expectInvariants(app);
  });

  it('is visible to the buyer and the seller side, not to other chains', async () => {
    const [row] = await app.database.db.execute<{ id: number }>(
      sql`select id from orders where kind = 'REPLACEMENT' limit 1`,
    );
    const id = Buffer.from(`Order:${row.id}`).toString('base64url');
    for (const key of ['R1a', 'D1', 'S', 'BRAND'] as const) {
      expect((await app.raw(`{ order(id: "${id}") { id } }`, {}, await w.token(key, 'ADMIN'))).data.order, key).toEqual(
        { id },
      );
    }
    for (const key of ['D2', 'E', 'R1b'] as const) {
      expect(
        (await app.raw(`{ order(id: "${id}") { id } }`, {}, await w.token(key, w.roles(key)[0]))).data.order,
        key,
      ).toBeNull();
    }
  });

  it('refuses the approval when nothing can ship the replacement, and writes nothing', async () => {
    const ticket = await openExchange([{ sku: 'B1', quantity: 6 }]);
    for (const key of ['D1', 'BRAND'] as const) {
      const r = await app.gql(
        SetStockLevelsDocument,
        { input: [{ warehouseId: ow.warehouse[key], sku: 'B1', onHand: 0 }] },
        await w.token(key, 'ADMIN'),
      );
      expect(r.data!.setStockLevels.userErrors).toEqual([]);
    }
    const refused = await app.gql(ApproveReturnDocument, { ticketId: ticket.id }, await w.token('D1', 'SERVICE'));
    expect(refused.data!.approveReturn.userErrors).toEqual([
      expect.objectContaining({ code: 'OUT_OF_STOCK', field: ['ticketId'] }),
    ]);
    const t = (await app.raw(TICKET, { id: ticket.id }, await w.token('R1a', 'BUYER'))).data.ticket;
    expect(t.returnAuthorization).toBeNull();
    const [{ n }] = await app.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from orders where kind = 'REPLACEMENT'`,
    );
    expect(n).toBe(1);
    await expectInvariants(app);
  });
});
