import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { forbidden, userError, type UserError } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import { mutate, refuse } from '../../graphql/mutate.js';
import { hasFinanceRole, visibleOrForbidden } from '../../auth/access.js';
import { fromMinor, parseAmount } from '../../lib/money.js';
import { orders } from '../orders/tables.js';
import { invoiceAllocations, invoiceRequests, ledgerEntries, type InvoiceRequestRow } from './tables.js';
import { viewerAsBuyer } from './parties.js';
import { isDate } from '../../lib/dates.js';
import { findOwn as findOwnStatement } from './statements.js';
import { lockRows, nextId } from '../../db/sql.js';

export interface InvoiceInput {
  orderIds?: string[] | null;
  statementId?: string | null;
  title: string;
  taxId: string;
  type: 'GENERAL_VAT' | 'SPECIAL_VAT';
  amount: string;
}

/**
 * 开票: the buyer asks its seller for a fapiao over orders (or a statement's
 * orders), for at most what was charged (less credit notes) and not yet invoiced. The amount is
 * allocated to those orders, so nothing is invoiced twice.
 */
export async function requestInvoice(
  ctx: SignedInContext,
  input: InvoiceInput,
): Promise<{ invoice: InvoiceRequestRow | null; userErrors: UserError[] }> {
  const buyer = viewerAsBuyer(ctx);
  const errors: UserError[] = [];
  const amount = parseAmount(input.amount, 'positive');
  if (amount === null)
    errors.push(userError('INVALID_INPUT', 'Amount must be above 0 with at most 2 decimals', ['amount']));
  if (!input.title.trim() || input.title.length > 200)
    errors.push(userError('INVALID_INPUT', 'Title (the invoiced company) must be 1–200 characters', ['title']));
  if (!/^[0-9A-Z]{15,20}$/.test(input.taxId))
    errors.push(userError('INVALID_INPUT', 'Tax id: 15–20 digits and capital letters (统一社会信用代码)', ['taxId']));
  if (!input.orderIds?.length === !input.statementId)
    errors.push(userError('INVALID_INPUT', 'Give orderIds or a statementId', ['orderIds']));
  if ((input.orderIds?.length ?? 0) > 500) errors.push(userError('INVALID_INPUT', 'At most 500 orders', ['orderIds']));
  if (errors.length) return { invoice: null, userErrors: errors };

  let orderIds: number[] = [];
  let statementId: number | null = null;
  /** Over a statement: at most what the statement itself charged for each order. */
  let statementEntryIds: number[] | null = null;
  if (input.statementId) {
    const s = await visibleOrForbidden(
      ctx,
      input.statementId,
      'Statement',
      findOwnStatement,
      'You invoice your own statements only',
    );
    if (s.status !== 'CONFIRMED' && s.status !== 'ISSUED')
      return {
        invoice: null,
        userErrors: [userError('INVALID_INPUT', `A ${s.status} statement is not invoiced`, ['statementId'])],
      };
    statementId = s.id;
    statementEntryIds = s.entryIds;
    const charges = s.entryIds.length
      ? await ctx.db
          .select({ orderId: ledgerEntries.orderId })
          .from(ledgerEntries)
          .where(and(inArray(ledgerEntries.id, s.entryIds), eq(ledgerEntries.kind, 'ORDER_CHARGE')))
      : [];
    orderIds = [...new Set(charges.map((c) => c.orderId!))];
  } else {
    const keys = input.orderIds!.map((id) => keyOf(id, 'Order'));
    const own = keys.some((k) => k === null)
      ? []
      : await ctx.db
          .select({ id: orders.id })
          .from(orders)
          .where(and(inArray(orders.id, keys as number[]), eq(orders.buyerId, buyer.id)));
    if (own.length !== new Set(keys).size) throw forbidden('You invoice your own orders only');
    orderIds = own.map((o) => o.id);
  }
  return mutate(ctx, 'invoice', async (tx) => {
    // Orders are locked so two requests over one order are allocated one after the other.
    await lockRows(tx, orders, orderIds);
    const open = orderIds.length
      ? await tx.execute<{ order_id: number; left: string }>(sql`
            select o.id as order_id,
              (coalesce((select sum(l.amount) from ledger_entries l where l.order_id = o.id and l.kind in ('ORDER_CHARGE', 'CREDIT_NOTE')), 0)
               - coalesce((select sum(a.amount) from invoice_allocations a join invoice_requests r on r.id = a.invoice_request_id
                           where a.order_id = o.id and r.status <> 'REJECTED'), 0))::text as left
            from orders o where o.id in (${sql.join(
              orderIds.map((id) => sql`${id}`),
              sql`, `,
            )}) order by o.id`)
      : [];
    if (statementEntryIds?.length) {
      const inStatement = await tx.execute<{ order_id: number; charged: string }>(sql`
          select order_id, sum(amount)::text as charged from ledger_entries
          where id in (${sql.join(
            statementEntryIds.map((id) => sql`${id}`),
            sql`, `,
          )}) and kind in ('ORDER_CHARGE', 'CREDIT_NOTE') and order_id is not null
          group by order_id`);
      const cap = new Map(inStatement.map((r) => [r.order_id, BigInt(r.charged)]));
      for (const o of open) {
        const c = cap.get(o.order_id) ?? 0n;
        if (BigInt(o.left) > c) o.left = c.toString();
      }
    }
    const available = open.reduce((s, o) => s + (BigInt(o.left) > 0n ? BigInt(o.left) : 0n), 0n);
    if (amount! > available)
      refuse(userError('INVALID_INPUT', `At most ${fromMinor(available)} is charged and not yet invoiced`, ['amount']));
    const id = await nextId(tx, invoiceRequests);
    const [row] = await tx
      .insert(invoiceRequests)
      .values({
        id,
        number: `IR-${ctx.now().getUTCFullYear()}-${String(id).padStart(6, '0')}`,
        buyerId: buyer.id,
        sellerId: buyer.parentId!,
        buyerPath: buyer.path,
        statementId,
        title: input.title.trim(),
        taxId: input.taxId,
        type: input.type,
        amount: amount!,
        requestedByUserId: ctx.viewer.userId,
        createdAt: ctx.now(),
      })
      .returning();
    let rest = amount!;
    const allocations: { invoiceRequestId: number; orderId: number; amount: bigint }[] = [];
    for (const o of open) {
      const left = BigInt(o.left) > 0n ? BigInt(o.left) : 0n;
      const take = left < rest ? left : rest;
      if (take > 0n) allocations.push({ invoiceRequestId: row.id, orderId: o.order_id, amount: take });
      rest -= take;
      if (rest === 0n) break;
    }
    await tx.insert(invoiceAllocations).values(allocations);
    return row;
  });
}

/** An invoice request addressed to the viewer's account as the seller. */
async function findSold(ctx: SignedInContext, id: number): Promise<InvoiceRequestRow | null> {
  const [row] = await ctx.db
    .select()
    .from(invoiceRequests)
    .where(and(eq(invoiceRequests.id, id), eq(invoiceRequests.sellerId, ctx.viewer.accountId)));
  return row ?? null;
}

/** The seller issues the fapiao (number, date) or rejects the request with a reason; a rejection frees the amount. */
export async function decideInvoice(
  ctx: SignedInContext,
  input: {
    id: string;
    decision: 'ISSUE' | 'REJECT';
    invoiceNumber?: string | null;
    issuedOn?: string | null;
    reason?: string | null;
  },
): Promise<{ invoice: InvoiceRequestRow | null; userErrors: UserError[] }> {
  const req = await visibleOrForbidden(
    ctx,
    input.id,
    'InvoiceRequest',
    findSold,
    "Only the seller's FINANCE or ADMIN decides its invoice requests",
    () => hasFinanceRole(ctx.viewer),
  );
  const errors: UserError[] = [];
  if (input.decision === 'ISSUE') {
    if (!input.invoiceNumber?.trim() || input.invoiceNumber.length > 50)
      errors.push(userError('INVALID_INPUT', 'The fapiao number is required', ['invoiceNumber']));
    if (!isDate(input.issuedOn)) errors.push(userError('INVALID_INPUT', 'The issue date is YYYY-MM-DD', ['issuedOn']));
  } else if (!input.reason?.trim() || input.reason.length > 1000)
    errors.push(userError('INVALID_INPUT', 'Say why (1–1000 characters)', ['reason']));
  if (errors.length) return { invoice: req, userErrors: errors };
  const [row] = await ctx.db
    .update(invoiceRequests)
    .set(
      input.decision === 'ISSUE'
        ? {
            status: 'ISSUED',
            invoiceNumber: input.invoiceNumber!.trim(),
            issuedOn: input.issuedOn!,
            decidedAt: ctx.now(),
          }
        : { status: 'REJECTED', rejectReason: input.reason!.trim(), decidedAt: ctx.now() },
    )
    .where(and(eq(invoiceRequests.id, req.id), eq(invoiceRequests.status, 'REQUESTED')))
    .returning();
  if (!row)
    return {
      invoice: req,
      userErrors: [userError('INVALID_TRANSITION', `This request is already ${req.status}`, ['id'])],
    };
  return { invoice: row, userErrors: [] };
}
