import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { forbidden, userError, type UserError } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/ids.js';
import { mutate, refuse } from '../../graphql/mutate.js';
import { hasAnyRole, visibleOrForbidden } from '../../auth/access.js';
import type { Tx } from '../../db/client.js';
import { publishEvent } from '../integration/outbox.js';
import { actorOf } from '../orders/history.js';
import { findVisible as findVisibleOrder } from '../orders/service.js';
import { fulfillmentLines, fulfillments, orderLines, orders, type OrderRow } from '../orders/tables.js';
import { notify } from '../notifications/service.js';
import { addMinutes, effectiveSla } from './sla.js';
import { findVisible, isRequester, isServiceSide } from './service.js';
import { ticketComments, ticketEvents, ticketLines, tickets, type TicketRow, type TicketStatus } from './tables.js';
import type { CommentTicketInput, OpenTicketInput, RateTicketInput } from './types.js';
import { lockRows, nextId } from '../../db/sql.js';

type Result = { ticket: TicketRow | null; userErrors: UserError[] };

const MAX_TEXT = 10_000;
export const REOPEN_WINDOW_DAYS = 7;

export async function ticketEvent(
  tx: Tx,
  t: Pick<TicketRow, 'id'>,
  kind: string,
  status: TicketStatus | null,
  actor: string | null,
  note: string | null,
  at: Date,
) {
  await tx.insert(ticketEvents).values({ ticketId: t.id, kind, status, actor, note, at });
}

/** Outbox events of tickets never carry comment bodies: an internal note must not reach any requester-side hook (V7). */
async function publish(tx: Tx, topic: string, t: TicketRow, extra: Record<string, unknown> = {}) {
  await publishEvent(tx, {
    topic,
    rootId: t.rootId,
    aggregateType: 'Ticket',
    aggregateId: t.id,
    payload: {
      ticketId: toGlobalId('Ticket', t.id),
      number: t.number,
      status: t.status,
      kind: t.kind,
      requesterId: toGlobalId('Account', t.requesterId),
      assigneeId: toGlobalId('Account', t.assigneeId),
      ...extra,
    },
  });
}

function textErrors(subject: string | null, body: string, errors: UserError[]) {
  if (subject !== null && (!subject.trim() || subject.length > 200))
    errors.push(userError('INVALID_INPUT', 'Subject must be 1–200 characters', ['subject']));
  if (!body.trim() || body.length > MAX_TEXT)
    errors.push(userError('INVALID_INPUT', `Text must be 1–${MAX_TEXT} characters`, ['body']));
}

/** Units of an order line that were delivered and are not yet claimed by another return or exchange. */
async function returnable(tx: Tx, orderLineIds: number[], exceptTicket: number | null): Promise<Map<number, number>> {
  if (!orderLineIds.length) return new Map();
  const delivered = await tx
    .select({ id: fulfillmentLines.orderLineId, q: sql<number>`sum(${fulfillmentLines.quantity})::int` })
    .from(fulfillmentLines)
    .innerJoin(fulfillments, eq(fulfillments.id, fulfillmentLines.fulfillmentId))
    .where(and(inArray(fulfillmentLines.orderLineId, orderLineIds), eq(fulfillments.status, 'DELIVERED')))
    .groupBy(fulfillmentLines.orderLineId);
  const claimed = await tx
    .select({ id: ticketLines.orderLineId, q: sql<number>`sum(${ticketLines.quantity})::int` })
    .from(ticketLines)
    .innerJoin(tickets, eq(tickets.id, ticketLines.ticketId))
    .where(
      and(
        inArray(ticketLines.orderLineId, orderLineIds),
        exceptTicket === null ? undefined : ne(tickets.id, exceptTicket),
        // A closed ticket that never got a return authorization claims nothing.
        or(
          ne(tickets.status, 'CLOSED'),
          sql`exists (select 1 from return_authorizations r where r.ticket_id = ${tickets.id})`,
        ),
      ),
    )
    .groupBy(ticketLines.orderLineId);
  const left = new Map(delivered.map((d) => [d.id, d.q]));
  for (const c of claimed) left.set(c.id, (left.get(c.id) ?? 0) - c.q);
  return left;
}

/**
 * A buyer opens a ticket, optionally on one of its own orders (and, for a
 * return or exchange, on lines of it). The assignee is the order's service
 * provider, else the requester's seller; the SLA in force sets the due times.
 */
export async function openTicket(ctx: SignedInContext, input: OpenTicketInput): Promise<Result> {
  const v = ctx.viewer;
  const requester = v.account;
  const order: OrderRow | null =
    input.orderId == null
      ? null
      : await visibleOrForbidden(
          ctx,
          input.orderId,
          'Order',
          findVisibleOrder,
          'You open tickets on your own orders only',
          (o) => o.buyerId === requester.id,
        );
  const errors: UserError[] = [];
  if (requester.parentId === null)
    errors.push(userError('INVALID_INPUT', 'The brand has no seller to ask for service', []));
  textErrors(input.subject, input.body, errors);
  const lines = input.lines ?? [];
  const isReturn = input.kind === 'RETURN' || input.kind === 'EXCHANGE';
  if (lines.length && !isReturn)
    errors.push(userError('INVALID_INPUT', 'Only RETURN and EXCHANGE tickets name order lines', ['lines']));
  if (isReturn && !order)
    errors.push(userError('INVALID_INPUT', 'A return or exchange is about an order', ['orderId']));
  if (isReturn && order && !lines.length)
    errors.push(userError('INVALID_INPUT', 'Name the lines and quantities to return or exchange', ['lines']));
  if (lines.length > 200) errors.push(userError('INVALID_INPUT', 'At most 200 lines', ['lines']));
  if (errors.length) return { ticket: null, userErrors: errors };
  const priority = input.priority ?? 'NORMAL';
  const assigneeId = order ? order.serviceProviderId : requester.parentId!;
  const assignee = (await ctx.loaders.accounts.byId.load(assigneeId))!;
  const now = ctx.now();
  return mutate(ctx, 'ticket', async (tx) => {
    const lineRows: { orderLineId: number; variantId: number; sku: string; quantity: number }[] = [];
    if (order && lines.length) {
      // Lock the order: two returns on it are checked one after the other.
      await lockRows(tx, orders, order.id);
      const ols = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id));
      const left = await returnable(
        tx,
        ols.map((l) => l.id),
        null,
      );
      const lineErrors: UserError[] = [];
      const seen = new Set<string>();
      lines.forEach((l, i) => {
        const ol = ols.find((o) => o.sku === l.sku);
        if (!ol)
          return void lineErrors.push(userError('INVALID_INPUT', `${l.sku} is not on this order`, ['lines', i, 'sku']));
        if (seen.has(l.sku))
          return void lineErrors.push(userError('INVALID_INPUT', `${l.sku} is named twice`, ['lines', i, 'sku']));
        seen.add(l.sku);
        const can = left.get(ol.id) ?? 0;
        if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > can) {
          return void lineErrors.push(
            userError('INVALID_INPUT', `${l.sku}: ${can} delivered and not yet returned`, ['lines', i, 'quantity']),
          );
        }
        lineRows.push({ orderLineId: ol.id, variantId: ol.variantId, sku: ol.sku, quantity: l.quantity });
      });
      if (lineErrors.length) refuse(...lineErrors);
    }
    const sla = await effectiveSla(tx, assignee.path, input.kind, priority);
    const id = await nextId(tx, tickets);
    const [t] = await tx
      .insert(tickets)
      .values({
        id,
        number: `TK-${now.getUTCFullYear()}-${String(id).padStart(7, '0')}`,
        requesterId: requester.id,
        requesterPath: requester.path,
        assigneeId: assignee.id,
        assigneePath: assignee.path,
        rootId: requester.rootId,
        orderId: order?.id ?? null,
        openedByUserId: v.userId,
        kind: input.kind,
        priority,
        subject: input.subject.trim(),
        firstResponseDueAt: addMinutes(now, sla.firstResponseMinutes),
        resolveDueAt: addMinutes(now, sla.resolveMinutes),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (lineRows.length) await tx.insert(ticketLines).values(lineRows.map((l) => ({ ...l, ticketId: t.id })));
    await tx.insert(ticketComments).values({
      ticketId: t.id,
      authorUserId: v.userId,
      authorAccountId: v.accountId,
      author: actorOf(v),
      body: input.body.trim(),
      internal: false,
      createdAt: now,
    });
    await ticketEvent(
      tx,
      t,
      'OPENED',
      'OPEN',
      actorOf(v),
      `SLA: first response within ${sla.firstResponseMinutes} min, resolution within ${sla.resolveMinutes} min`,
      now,
    );
    await notify(tx, {
      accountIds: [assignee.id],
      roles: ['SERVICE'],
      kind: 'TICKET_OPENED',
      title: `${t.number} ${input.kind}: ${t.subject}`,
      body: `From ${requester.name}`,
      ticketId: t.id,
      at: now,
    });
    await publish(tx, 'ticket.opened', t);
    return t;
  });
}

const visibleTicket = (ctx: SignedInContext, id: string) =>
  visibleOrForbidden(ctx, id, 'Ticket', findVisible, 'You cannot act on that ticket');

/** Runs a change on the ticket row locked FOR UPDATE; a refusal rolls back everything. */
function onTicket(
  ctx: SignedInContext,
  t: TicketRow,
  apply: (tx: Tx, locked: TicketRow) => Promise<TicketRow>,
): Promise<Result> {
  return mutate(
    ctx,
    'ticket',
    async (tx) => {
      const [locked] = await tx.select().from(tickets).where(eq(tickets.id, t.id)).for('update');
      return apply(tx, locked);
    },
    t,
  );
}

/** Refuses a change the ticket's state does not allow. */
function invalid(message: string): never {
  refuse(userError('INVALID_TRANSITION', message, []));
}

/** Leaving WAITING_CUSTOMER: the time spent waiting is added to the resolution due time. */
function resume(t: TicketRow, at: Date) {
  return t.pausedAt
    ? { pausedAt: null, resolveDueAt: new Date(t.resolveDueAt.getTime() + (at.getTime() - t.pausedAt.getTime())) }
    : {};
}

export async function commentTicket(ctx: SignedInContext, input: CommentTicketInput): Promise<Result> {
  const v = ctx.viewer;
  const t = await visibleTicket(ctx, input.ticketId);
  const service = isServiceSide(v, t) && hasAnyRole(v, 'SERVICE');
  const requester = isRequester(v, t);
  if (!service && !requester) throw forbidden('Only the requester and the service staff (SERVICE or ADMIN) comment');
  const internal = input.internal ?? false;
  const errors: UserError[] = [];
  if (internal && !service)
    errors.push(userError('INVALID_INPUT', 'Only the service side writes internal notes', ['internal']));
  textErrors(null, input.body, errors);
  if (errors.length) return { ticket: t, userErrors: errors };
  return onTicket(ctx, t, async (tx, locked) => {
    if (locked.status === 'CLOSED') invalid('The ticket is closed: reopen it to comment');
    const at = ctx.now();
    await tx.insert(ticketComments).values({
      ticketId: locked.id,
      authorUserId: v.userId,
      authorAccountId: v.accountId,
      author: actorOf(v),
      body: input.body.trim(),
      internal,
      createdAt: at,
    });
    const set: Partial<TicketRow> = { updatedAt: at };
    if (service && !internal && !locked.firstRespondedAt) set.firstRespondedAt = at;
    // The customer answering a question puts the work back in progress and restarts the clock.
    if (requester && locked.status === 'WAITING_CUSTOMER')
      Object.assign(set, { status: 'IN_PROGRESS' as const }, resume(locked, at));
    const [row] = await tx.update(tickets).set(set).where(eq(tickets.id, locked.id)).returning();
    if (set.status) await ticketEvent(tx, row, 'STATUS', set.status, actorOf(v), 'The customer replied', at);
    if (internal) {
      await notify(tx, {
        accountIds: [locked.assigneeId],
        roles: ['SERVICE'],
        kind: 'TICKET_INTERNAL_NOTE',
        title: `${locked.number}: internal note`,
        body: null,
        ticketId: locked.id,
        at,
      });
    } else {
      const to = requester ? locked.assigneeId : locked.requesterId;
      await notify(tx, {
        accountIds: [to],
        roles: requester ? ['SERVICE'] : ['BUYER', 'SERVICE'],
        kind: 'TICKET_REPLY',
        title: `${locked.number}: new reply`,
        body: input.body.trim().slice(0, 200),
        ticketId: locked.id,
        at,
      });
    }
    await publish(tx, internal ? 'ticket.internal_note' : 'ticket.commented', row, { internal });
    return row;
  });
}

const SERVICE_MOVES: Partial<Record<TicketStatus, TicketStatus[]>> = {
  OPEN: ['IN_PROGRESS', 'WAITING_CUSTOMER', 'RESOLVED'],
  IN_PROGRESS: ['WAITING_CUSTOMER', 'RESOLVED'],
  WAITING_CUSTOMER: ['IN_PROGRESS', 'RESOLVED'],
};
const REQUESTER_MOVES: Partial<Record<TicketStatus, TicketStatus[]>> = {
  OPEN: ['CLOSED'],
  IN_PROGRESS: ['CLOSED'],
  WAITING_CUSTOMER: ['CLOSED'],
  RESOLVED: ['CLOSED', 'OPEN'],
  CLOSED: ['OPEN'],
};

/**
 * The service side moves work forward (OPEN → IN_PROGRESS ⇄ WAITING_CUSTOMER
 * → RESOLVED); the requester closes, or reopens within a window.
 */
export async function setTicketStatus(ctx: SignedInContext, id: string, status: TicketStatus): Promise<Result> {
  const v = ctx.viewer;
  const t = await visibleTicket(ctx, id);
  const service = isServiceSide(v, t) && hasAnyRole(v, 'SERVICE');
  const requester = isRequester(v, t);
  if (!service && !requester) throw forbidden('Only the requester and the service side change a ticket');
  return onTicket(ctx, t, async (tx, locked) => {
    const allowed = [
      ...(service ? (SERVICE_MOVES[locked.status] ?? []) : []),
      ...(requester ? (REQUESTER_MOVES[locked.status] ?? []) : []),
    ];
    if (!allowed.includes(status)) invalid(`${locked.status} → ${status} is not allowed for you`);
    const at = ctx.now();
    if (status === 'OPEN') {
      const since = locked.resolvedAt ?? locked.closedAt ?? locked.updatedAt;
      if (at.getTime() - since.getTime() > REOPEN_WINDOW_DAYS * 86_400_000)
        invalid(`Tickets reopen within ${REOPEN_WINDOW_DAYS} days`);
    }
    const set: Partial<TicketRow> = { status, updatedAt: at };
    if (locked.status === 'WAITING_CUSTOMER') Object.assign(set, resume(locked, at));
    if (status === 'WAITING_CUSTOMER') set.pausedAt = at;
    if (status === 'RESOLVED') set.resolvedAt = at;
    if (status === 'CLOSED') set.closedAt = at;
    if (status === 'OPEN') {
      // A reopened ticket gets a fresh resolution clock of the same length, and may breach (and escalate) again.
      const window = locked.resolveDueAt.getTime() - locked.createdAt.getTime();
      Object.assign(set, {
        resolvedAt: null,
        closedAt: null,
        resolveDueAt: new Date(at.getTime() + window),
        slaBreached: locked.firstResponseBreachedAt !== null,
        resolutionBreachedAt: null,
        resolutionWarnedAt: null,
      });
    }
    const [row] = await tx.update(tickets).set(set).where(eq(tickets.id, locked.id)).returning();
    await ticketEvent(tx, row, status === 'OPEN' ? 'REOPENED' : 'STATUS', status, actorOf(v), null, at);
    const to = service ? locked.requesterId : locked.assigneeId;
    await notify(tx, {
      accountIds: [to],
      roles: service ? ['BUYER', 'SERVICE'] : ['SERVICE'],
      kind: 'TICKET_STATUS',
      title: `${locked.number} is ${status}`,
      ticketId: locked.id,
      at,
    });
    await publish(tx, 'ticket.status_changed', row);
    return row;
  });
}

export async function rateTicket(ctx: SignedInContext, input: RateTicketInput): Promise<Result> {
  const t = await visibleTicket(ctx, input.ticketId);
  if (!isRequester(ctx.viewer, t)) throw forbidden('Only the requester rates a ticket');
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
    return { ticket: t, userErrors: [userError('INVALID_INPUT', 'Rating is 1 to 5', ['rating'])] };
  if (input.comment && input.comment.length > 2000)
    return { ticket: t, userErrors: [userError('INVALID_INPUT', 'Comment is at most 2000 characters', ['comment'])] };
  return onTicket(ctx, t, async (tx, locked) => {
    if ((locked.status !== 'RESOLVED' && locked.status !== 'CLOSED') || !locked.resolvedAt)
      invalid('Rate a ticket once it is resolved');
    if (locked.rating !== null) invalid('This ticket is already rated');
    const at = ctx.now();
    const [row] = await tx
      .update(tickets)
      .set({ rating: input.rating, ratingComment: input.comment?.trim() || null, updatedAt: at })
      .where(eq(tickets.id, locked.id))
      .returning();
    await ticketEvent(tx, row, 'RATED', null, actorOf(ctx.viewer), `${input.rating}/5`, at);
    return row;
  });
}

export { visibleTicket, onTicket, invalid, actorOf, publish as publishTicket, returnable };
