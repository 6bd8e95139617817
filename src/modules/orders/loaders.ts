import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { groupByKey } from '../../lib/batch.js';
import { fulfillmentLines, fulfillments, orderEvents, orderLines, type FulfillmentLineRow, type FulfillmentRow, type OrderEventRow, type OrderLineRow } from './tables.js';

/** Children of orders the viewer already reached through a scoped read. */
export function orderLoaders(db: Db) {
  return {
    linesByOrder: new DataLoader<number, OrderLineRow[]>(async (ids) =>
      groupByKey(ids, await db.select().from(orderLines).where(inArray(orderLines.orderId, [...ids])).orderBy(asc(orderLines.orderId), asc(orderLines.lineNo)), (r) => r.orderId),
    ),
    fulfillmentsByOrder: new DataLoader<number, FulfillmentRow[]>(async (ids) =>
      groupByKey(ids, await db.select().from(fulfillments).where(inArray(fulfillments.orderId, [...ids])).orderBy(asc(fulfillments.id)), (r) => r.orderId),
    ),
    linesByFulfillment: new DataLoader<number, FulfillmentLineRow[]>(async (ids) =>
      groupByKey(ids, await db.select().from(fulfillmentLines).where(inArray(fulfillmentLines.fulfillmentId, [...ids])).orderBy(asc(fulfillmentLines.id)), (r) => r.fulfillmentId),
    ),
    eventsByOrder: new DataLoader<number, OrderEventRow[]>(async (ids) =>
      groupByKey(ids, await db.select().from(orderEvents).where(inArray(orderEvents.orderId, [...ids])).orderBy(asc(orderEvents.orderId), asc(orderEvents.id)), (r) => r.orderId),
    ),
  };
}
