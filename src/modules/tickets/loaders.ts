import DataLoader from 'dataloader';
import { and, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../auth/viewer.js';
import { perParentPages } from '../../graphql/per-parent.js';
import { byKey, groupByKey } from '../../lib/batch.js';
import { orders, type OrderRow } from '../orders/tables.js';
import { filterSql, ticketScope } from './service.js';
import {
  returnAuthorizations,
  ticketComments,
  ticketEvents,
  ticketLines,
  tickets,
  type ReturnRow,
  type TicketCommentRow,
  type TicketEventRow,
  type TicketLineRow,
} from './tables.js';
import type { TicketFilter } from './types.js';

/** Per-request loaders of the ticket fields; they serve tickets the viewer already reached through a scoped read. */
export function ticketLoaders(db: Db, viewer: () => Viewer | null) {
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
      groupByKey(
        ids,
        await db
          .select()
          .from(ticketComments)
          .where(inArray(ticketComments.ticketId, [...ids]))
          .orderBy(ticketComments.id),
        (r) => r.ticketId,
      ),
    ),
    eventsByTicket: new DataLoader<number, TicketEventRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db
          .select()
          .from(ticketEvents)
          .where(inArray(ticketEvents.ticketId, [...ids]))
          .orderBy(ticketEvents.id),
        (r) => r.ticketId,
      ),
    ),
    linesByTicket: new DataLoader<number, TicketLineRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db
          .select()
          .from(ticketLines)
          .where(inArray(ticketLines.ticketId, [...ids]))
          .orderBy(ticketLines.id),
        (r) => r.ticketId,
      ),
    ),
    returnByTicket: new DataLoader<number, ReturnRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(returnAuthorizations)
          .where(inArray(returnAuthorizations.ticketId, [...ids])),
        (r) => r.ticketId,
      ),
    ),
    // A ticket's order: the requester bought it, so whoever sees the ticket sees the order's buyer chain.
    orderById: new DataLoader<number, OrderRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(orders)
          .where(inArray(orders.id, [...ids])),
        (r) => r.id,
      ),
    ),
  };
}
