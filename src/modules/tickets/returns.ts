import { eq } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { forbidden, userError, type UserError } from '../../graphql/errors.js';
import { refuse } from '../../graphql/mutate.js';
import { hasAnyRole } from '../../auth/access.js';
import { keyOf } from '../../graphql/ids.js';
import { fromMinor } from '../../lib/money.js';
import { notify } from '../notifications/service.js';
import { orderLines, orders } from '../orders/tables.js';
import { accountIn } from '../accounts/service.js';
import { stockLevels, warehouses } from '../inventory/tables.js';
import { changeStock, lockStock } from '../inventory/stock.js';
import { isServiceSide } from './service.js';
import { returnAuthorizations, ticketLines, tickets, type TicketRow } from './tables.js';
import * as ledger from '../finance/ledger.js';
import { clawBack } from '../finance/rebates.js';
import { actorOf, invalid, onTicket, publishTicket, returnable, ticketEvent, visibleTicket } from './lifecycle.js';
import { lockRows, nextId } from '../../db/sql.js';
import type { Tx } from '../../db/client.js';
import { placeReplacement } from '../orders/replacement.js';

type Result = { ticket: TicketRow | null; userErrors: UserError[] };

function serviceActor(ctx: SignedInContext, t: TicketRow) {
  if (!isServiceSide(ctx.viewer, t) || !hasAnyRole(ctx.viewer, 'SERVICE'))
    throw forbidden('Only the service side handles returns');
}

/** The replacement order of an exchange: the ticket's lines, from the original order's chain. */
async function replaceExchanged(tx: Tx, ctx: SignedInContext, t: TicketRow & { orderId: number }, at: Date) {
  const lines = await tx
    .select({ variantId: ticketLines.variantId, sku: ticketLines.sku, quantity: ticketLines.quantity })
    .from(ticketLines)
    .where(eq(ticketLines.ticketId, t.id));
  return lines.length ? placeReplacement(tx, ctx.viewer, t, lines, at, ctx.config.lowStockThreshold) : null;
}

/** The service side approves a RETURN or EXCHANGE: a return authorization for the ticket's lines. */
export async function approveReturn(ctx: SignedInContext, ticketId: string): Promise<Result> {
  const t = await visibleTicket(ctx, ticketId);
  serviceActor(ctx, t);
  return onTicket(ctx, t, async (tx, locked) => {
    if (locked.kind !== 'RETURN' && locked.kind !== 'EXCHANGE')
      invalid('Only RETURN and EXCHANGE tickets are approved as returns');
    if (locked.status === 'CLOSED' || locked.status === 'RESOLVED')
      invalid(`A ${locked.status} ticket cannot be approved`);
    const [existing] = await tx.select().from(returnAuthorizations).where(eq(returnAuthorizations.ticketId, locked.id));
    if (existing) invalid('This return is already authorized');
    // Other returns may have claimed the units since this ticket was opened (or while it was closed): check again.
    if (locked.orderId !== null) {
      await lockRows(tx, orders, locked.orderId);
      const lines = await tx.select().from(ticketLines).where(eq(ticketLines.ticketId, locked.id));
      const left = await returnable(
        tx,
        lines.map((l) => l.orderLineId),
        locked.id,
      );
      const over = lines.filter((l) => l.quantity > (left.get(l.orderLineId) ?? 0));
      if (over.length)
        refuse(
          ...over.map((l) =>
            userError(
              'INVALID_INPUT',
              `${l.sku}: only ${left.get(l.orderLineId) ?? 0} delivered and not claimed by another return`,
              ['ticketId'],
            ),
          ),
        );
    }
    const at = ctx.now();
    // An exchange ships its replacement: routed and reserved now (OUT_OF_STOCK refuses the approval), shipped like an order.
    const replacement =
      locked.kind === 'EXCHANGE' && locked.orderId !== null
        ? await replaceExchanged(tx, ctx, { ...locked, orderId: locked.orderId }, at)
        : null;
    const id = await nextId(tx, returnAuthorizations);
    await tx.insert(returnAuthorizations).values({
      id,
      number: `RA-${at.getUTCFullYear()}-${String(id).padStart(7, '0')}`,
      ticketId: locked.id,
      replacementOrderId: replacement?.id ?? null,
      createdAt: at,
    });
    const [row] = await tx
      .update(tickets)
      .set({
        status: locked.status === 'OPEN' ? 'IN_PROGRESS' : locked.status,
        updatedAt: at,
        firstRespondedAt: locked.firstRespondedAt ?? at,
      })
      .where(eq(tickets.id, locked.id))
      .returning();
    await ticketEvent(
      tx,
      row,
      'RETURN_AUTHORIZED',
      row.status,
      actorOf(ctx.viewer),
      replacement ? `Replacement ${replacement.number}` : null,
      at,
    );
    await notify(tx, {
      accountIds: [locked.requesterId],
      roles: ['BUYER'],
      kind: 'RETURN_AUTHORIZED',
      title: `${locked.number}: return authorized`,
      ticketId: locked.id,
      at,
    });
    await publishTicket(tx, 'ticket.return_authorized', row);
    return row;
  });
}

/**
 * The goods arrive back in a warehouse of the assignee: on-hand stock rises
 * (recorded as a RETURN movement) and, for a RETURN, the buyer's credit amount
 * is recorded on the authorization (the ledger entry comes with finance).
 */
export async function receiveReturn(ctx: SignedInContext, ticketId: string, warehouseId: string): Promise<Result> {
  const t = await visibleTicket(ctx, ticketId);
  serviceActor(ctx, t);
  const wKey = keyOf(warehouseId, 'Warehouse');
  const [w] = wKey === null ? [] : await ctx.db.select().from(warehouses).where(eq(warehouses.id, wKey));
  if (!w || w.ownerId !== t.assigneeId) {
    return {
      ticket: t,
      userErrors: [userError('INVALID_INPUT', 'Returns go back into a warehouse of the assignee', ['warehouseId'])],
    };
  }
  return onTicket(ctx, t, async (tx, locked) => {
    const [ra] = await tx
      .select()
      .from(returnAuthorizations)
      .where(eq(returnAuthorizations.ticketId, locked.id))
      .for('update');
    if (!ra) invalid('Approve the return first');
    if (ra.status !== 'AUTHORIZED') invalid('The goods were already received');
    const lines = await tx
      .select({ variantId: ticketLines.variantId, quantity: ticketLines.quantity, unitPrice: orderLines.unitPrice })
      .from(ticketLines)
      .innerJoin(orderLines, eq(orderLines.id, ticketLines.orderLineId))
      .where(eq(ticketLines.ticketId, locked.id));
    const variantIds = [...new Set(lines.map((l) => l.variantId))].sort((a, b) => a - b);
    await tx
      .insert(stockLevels)
      .values(variantIds.map((variantId) => ({ warehouseId: w.id, variantId })))
      .onConflictDoNothing();
    await lockStock(tx, [w.id], variantIds);
    await changeStock(
      tx,
      lines.map((l) => ({ warehouseId: w.id, variantId: l.variantId, onHandDelta: l.quantity, reservedDelta: 0 })),
      'RETURN',
      locked.orderId,
    );
    const at = ctx.now();
    const credit = locked.kind === 'RETURN' ? lines.reduce((s, l) => s + l.unitPrice * BigInt(l.quantity), 0n) : null;
    await tx
      .update(returnAuthorizations)
      .set({ status: 'RECEIVED', warehouseId: w.id, creditAmount: credit, receivedAt: at })
      .where(eq(returnAuthorizations.id, ra.id));
    if (credit !== null && credit > 0n) {
      const buyer = await accountIn(tx, locked.requesterId);
      await ledger.post(tx, {
        buyer,
        kind: 'CREDIT_NOTE',
        amount: -credit,
        at,
        orderId: locked.orderId,
        reference: ra.number,
        reason: `Return ${locked.number}`,
        sourceId: ra.id,
        userId: ctx.viewer.userId,
      });
      if (locked.orderId !== null) await clawBack(tx, buyer, locked.orderId, credit, at, ctx.viewer.userId);
    }
    const [row] = await tx.update(tickets).set({ updatedAt: at }).where(eq(tickets.id, locked.id)).returning();
    await ticketEvent(tx, row, 'RETURN_RECEIVED', null, actorOf(ctx.viewer), `Into ${w.name}`, at);
    // The credit amount is finance data (V5): only the buyer's FINANCE (and ADMIN) hear it.
    await notify(tx, {
      accountIds: [locked.requesterId],
      roles: ['FINANCE'],
      kind: 'RETURN_RECEIVED',
      title: `${locked.number}: goods received`,
      body: credit !== null ? `Credit ${fromMinor(credit)}` : null,
      ticketId: locked.id,
      at,
    });
    await notify(tx, {
      accountIds: [locked.requesterId],
      roles: ['BUYER'],
      kind: 'RETURN_RECEIVED',
      title: `${locked.number}: goods received`,
      body: null,
      ticketId: locked.id,
      at,
    });
    await publishTicket(tx, 'ticket.return_received', row, { creditAmount: credit?.toString() ?? null });
    return row;
  });
}
