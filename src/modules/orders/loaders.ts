import DataLoader from 'dataloader';
import { and, asc, sql } from 'drizzle-orm';
import { inInts } from '../../db/sql.js';
import type { Viewer } from '../../auth/viewer.js';
import { inSubtree } from '../../auth/scope.js';
import { perParentPages } from '../../graphql/per-parent.js';
import { filterSql } from './service.js';
import type { OrderFilter } from './types.js';
import type { Db } from '../../db/client.js';
import { byKey, groupByKey } from '../../lib/batch.js';
import {
  fulfillmentLines,
  fulfillments,
  orderEvents,
  orderLines,
  orders,
  type FulfillmentLineRow,
  type FulfillmentRow,
  type OrderEventRow,
  type OrderLineRow,
  type OrderRow,
} from './tables.js';

/** Children of orders the viewer already reached through a scoped read. */
export function orderLoaders(db: Db, viewer: () => Viewer | null) {
  const filters = new Map<string, OrderFilter | null>();
  return {
    /** Scoped (V1): an order by id, null outside the viewer's subtree. */
    visibleById: new DataLoader<number, OrderRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(orders)
          .where(and(inInts(orders.id, ids), inSubtree(orders.buyerPath, viewer()))),
        (r) => r.id,
      ),
    ),
    /** Account.orders for a list of accounts. */
    byBuyer: {
      ...perParentPages({
        db,
        table: orders,
        id: orders.id,
        from: sql`${orders}`,
        owner: sql`${orders.buyerId}`,
        where: (key) => and(inSubtree(orders.buyerPath, viewer()), ...filterSql(filters.get(key)))!,
        rows: (ids) => db.select().from(orders).where(inInts(orders.id, ids)),
      }),
      filterKey: (filter: OrderFilter | null) => {
        const key = JSON.stringify(filter);
        filters.set(key, filter);
        return key;
      },
    },
    linesByOrder: new DataLoader<number, OrderLineRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db
          .select()
          .from(orderLines)
          .where(inInts(orderLines.orderId, ids))
          .orderBy(asc(orderLines.orderId), asc(orderLines.lineNo)),
        (r) => r.orderId,
      ),
    ),
    fulfillmentsByOrder: new DataLoader<number, FulfillmentRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db.select().from(fulfillments).where(inInts(fulfillments.orderId, ids)).orderBy(asc(fulfillments.id)),
        (r) => r.orderId,
      ),
    ),
    linesByFulfillment: new DataLoader<number, FulfillmentLineRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db
          .select()
          .from(fulfillmentLines)
          .where(inInts(fulfillmentLines.fulfillmentId, ids))
          .orderBy(asc(fulfillmentLines.id)),
        (r) => r.fulfillmentId,
      ),
    ),
    eventsByOrder: new DataLoader<number, OrderEventRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db
          .select()
          .from(orderEvents)
          .where(inInts(orderEvents.orderId, ids))
          .orderBy(asc(orderEvents.orderId), asc(orderEvents.id)),
        (r) => r.orderId,
      ),
    ),
  };
}
