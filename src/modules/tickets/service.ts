import { and, count, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { parentPage } from '../../graphql/per-parent.js';
import type { Context } from '../../graphql/context.js';
import type { Viewer } from '../../auth/viewer.js';
import { inSubtree } from '../../auth/scope.js';
import { visibleOrNull } from '../../auth/access.js';
import { keyOf } from '../../graphql/ids.js';
import { pageRequest, toConnection, type Connection } from '../../graphql/connection.js';
import type { AccountRow } from '../accounts/tables.js';
import { actorFor } from '../accounts/service.js';
import { tickets, type TicketCommentRow, type TicketRow } from './tables.js';
import type { TicketFilter } from './types.js';

/** V1 from both sides: the requester's chain and the assignee's chain. */
export function ticketScope(viewer: Viewer | null): SQL {
  return or(inSubtree(tickets.requesterPath, viewer), inSubtree(tickets.assigneePath, viewer))!;
}

/** The assignee and every account above it: they see internal notes (V7) and move work forward. */
export const isServiceSide = (viewer: Viewer | null, t: TicketRow) =>
  !!viewer && t.assigneePath.includes(viewer.accountId);
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

export async function list(
  ctx: Context,
  first: number | null | undefined,
  after: string | null | undefined,
  filter: TicketFilter | null | undefined,
  extra: SQL[] = [],
): Promise<Connection<TicketRow>> {
  const req = pageRequest(first, after);
  const where = and(ticketScope(ctx.viewer), ...filterSql(filter), ...extra);
  const rows = await ctx.db
    .select()
    .from(tickets)
    .where(req.afterKey === null ? where : and(where, lt(tickets.id, req.afterKey)))
    .orderBy(desc(tickets.id))
    .limit(req.limit);
  // Newest first: the keyset runs down the ids.
  return toConnection(
    rows,
    req,
    (r) => r.id,
    async () => (await ctx.db.select({ n: count() }).from(tickets).where(where))[0].n,
  );
}

/** Account.tickets: opened by the account or assigned to it; batched across a list of accounts. */
export async function ofAccount(
  ctx: Context,
  account: AccountRow,
  first: number | null | undefined,
  after: string | null | undefined,
  filter: TicketFilter | null | undefined,
) {
  const l = ctx.loaders.tickets.byAccount;
  return parentPage(l, account.id, first, after, l.filterKey(filter ?? null));
}

export async function findVisible(ctx: Context, id: number): Promise<TicketRow | null> {
  const [row] = await ctx.db
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, id), ticketScope(ctx.viewer)));
  return row ?? null;
}

export const byGlobalId = (ctx: Context, id: string) => visibleOrNull(ctx, id, 'Ticket', findVisible);

/** V7: the requester side never receives internal notes, whatever path it takes. */
export async function comments(ctx: Context, t: TicketRow): Promise<TicketCommentRow[]> {
  const all = await ctx.loaders.tickets.commentsByTicket.load(t.id);
  return isServiceSide(ctx.viewer, t) ? all : all.filter((c) => !c.internal);
}

export async function ticketOrder(ctx: Context, t: TicketRow) {
  if (t.orderId === null) return null;
  return ctx.loaders.tickets.orderById.load(t.orderId);
}

/** The comment's author, or only its account's name for viewers above that account's parent (V4). */
export async function commentAuthor(ctx: Context, c: TicketCommentRow): Promise<string> {
  return (await actorFor(ctx, c.authorAccountId, c.author)) ?? '';
}
