import { and, count, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { perParentPages } from '../../graphql/per-parent.js';
import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context.js';
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../auth/viewer.js';
import { inSubtree } from '../../auth/scope.js';
import { keyOf } from '../../graphql/ids.js';
import { pageRequest, toConnection, type Connection } from '../../graphql/connection.js';
import { groupByKey, byKey } from '../../lib/batch.js';
import type { AccountRow } from '../accounts/tables.js';
import { orders, type OrderRow } from '../orders/tables.js';
import { returnAuthorizations, ticketComments, ticketEvents, ticketLines, tickets, type ReturnRow, type TicketCommentRow, type TicketEventRow, type TicketLineRow, type TicketRow } from './tables.js';
import type { TicketFilter } from './types.js';

/** V1 from both sides: the requester's chain and the assignee's chain. */
export function ticketScope(viewer: Viewer | null): SQL {
  return or(inSubtree(tickets.requesterPath, viewer), inSubtree(tickets.assigneePath, viewer))!;
}

/** The assignee and every account above it: they see internal notes (V7) and move work forward. */
export const isServiceSide = (viewer: Viewer | null, t: TicketRow) => !!viewer && t.assigneePath.includes(viewer.accountId);
export const isRequester = (viewer: Viewer | null, t: TicketRow) => !!viewer && viewer.accountId === t.requesterId;

export function filterSql(filter: TicketFilter | null | undefined): SQL[] {
  const where: SQL[] = [];
  if (filter?.status) where.push(eq(tickets.status, filter.status));
  if (filter?.kind) where.push(eq(tickets.kind, filter.kind));
  if (filter?.slaBreached != null) where.push(eq(tickets.slaBreached, filter.slaBreached));
  if (filter?.assigneeId != null) where.push(eq(tickets.assigneeId, keyOf(filter.assigneeId, 'Account') ?? -1));
  if (filter?.requesterId != null) where.push(eq(tickets.requesterId, keyOf(filter.requesterId, 'Account') ?? -1));
  return where;
}

export async function list(ctx: Context, first: number | null | undefined, after: string | null | undefined, filter: TicketFilter | null | undefined, extra: SQL[] = []): Promise<Connection<TicketRow>> {
  const req = pageRequest(first, after);
  const where = and(ticketScope(ctx.viewer), ...filterSql(filter), ...extra);
  const rows = await ctx.db
    .select()
    .from(tickets)
    .where(req.afterKey === null ? where : and(where, lt(tickets.id, req.afterKey)))
    .orderBy(desc(tickets.id))
    .limit(req.limit);
  // Newest first: the keyset runs down the ids.
  return toConnection(rows, req, (r) => r.id, async () => (await ctx.db.select({ n: count() }).from(tickets).where(where))[0].n);
}

/** Account.tickets: opened by the account or assigned to it; batched across a list of accounts. */
export async function ofAccount(ctx: Context, account: AccountRow, first: number | null | undefined, after: string | null | undefined, filter: TicketFilter | null | undefined) {
  const req = pageRequest(first, after);
  const { pages, counts, filterKey } = ctx.loaders.service.byAccount;
  const key = filterKey(filter ?? null);
  const rows = await pages.load({ parentId: account.id, limit: req.limit, afterKey: req.afterKey, filterKey: key });
  return toConnection(rows, req, (r) => r.id, () => counts.load({ parentId: account.id, filterKey: key }));
}

export async function findVisible(ctx: Context, id: number): Promise<TicketRow | null> {
  const [row] = await ctx.db.select().from(tickets).where(and(eq(tickets.id, id), ticketScope(ctx.viewer)));
  return row ?? null;
}

export function byGlobalId(ctx: Context, id: string) {
  const key = keyOf(id, 'Ticket');
  return key === null ? Promise.resolve(null) : findVisible(ctx, key);
}

/** V7: the requester side never receives internal notes, whatever path it takes. */
export async function comments(ctx: Context, t: TicketRow): Promise<TicketCommentRow[]> {
  const all = await ctx.loaders.service.commentsByTicket.load(t.id);
  return isServiceSide(ctx.viewer, t) ? all : all.filter((c) => !c.internal);
}

export async function ticketOrder(ctx: Context, t: TicketRow) {
  if (t.orderId === null) return null;
  return ctx.loaders.service.orderById.load(t.orderId);
}

export function ticketServiceLoaders(db: Db, viewer: () => Viewer | null) {
  const filters = new Map<string, TicketFilter | null>();
  return {
    /** Account.tickets for a list of accounts: each ticket counts for its requester and its assignee. */
    byAccount: {
      ...perParentPages({
        db,
        table: tickets,
        id: tickets.id,
        from: sql`${tickets} cross join lateral (values (${tickets.requesterId}), (${tickets.assigneeId})) as parent(owner)`,
        owner: sql`parent.owner`,
        where: (key) => and(ticketScope(viewer()), ...filterSql(filters.get(key)))!,
        rows: (ids) => db.select().from(tickets).where(inArray(tickets.id, ids)),
      }),
      filterKey: (filter: TicketFilter | null) => {
        const key = JSON.stringify(filter);
        filters.set(key, filter);
        return key;
      },
    },
    commentsByTicket: new DataLoader<number, TicketCommentRow[]>(async (ids) =>
      groupByKey(ids, await db.select().from(ticketComments).where(inArray(ticketComments.ticketId, [...ids])).orderBy(ticketComments.id), (r) => r.ticketId),
    ),
    eventsByTicket: new DataLoader<number, TicketEventRow[]>(async (ids) =>
      groupByKey(ids, await db.select().from(ticketEvents).where(inArray(ticketEvents.ticketId, [...ids])).orderBy(ticketEvents.id), (r) => r.ticketId),
    ),
    linesByTicket: new DataLoader<number, TicketLineRow[]>(async (ids) =>
      groupByKey(ids, await db.select().from(ticketLines).where(inArray(ticketLines.ticketId, [...ids])).orderBy(ticketLines.id), (r) => r.ticketId),
    ),
    returnByTicket: new DataLoader<number, ReturnRow | null>(async (ids) =>
      byKey(ids, await db.select().from(returnAuthorizations).where(inArray(returnAuthorizations.ticketId, [...ids])), (r) => r.ticketId),
    ),
    // A ticket's order: the requester bought it, so whoever sees the ticket sees the order's buyer chain.
    orderById: new DataLoader<number, OrderRow | null>(async (ids) => byKey(ids, await db.select().from(orders).where(inArray(orders.id, [...ids])), (r) => r.id)),
  };
}
