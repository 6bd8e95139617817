import type { Tx } from '../../db/client.js';
import type { Viewer } from '../../auth/viewer.js';
import { toGlobalId } from '../../graphql/ids.js';
import { publishEvent } from '../integration/outbox.js';
import { notify } from '../notifications/service.js';
import { orderEvents, type OrderRow, type OrderStatus } from './tables.js';

export function actorOf(viewer: Viewer): string {
  return `${viewer.user.name} (${viewer.account.name})`;
}

/** Every change of an order appends an event, with who and when. */
export async function appendEvent(
  tx: Tx,
  order: Pick<OrderRow, 'id'>,
  viewer: Viewer | null,
  kind: string,
  status: OrderStatus | null,
  note: string | null,
  at: Date,
): Promise<void> {
  await tx.insert(orderEvents).values({
    orderId: order.id,
    kind,
    status,
    actorUserId: viewer?.userId ?? null,
    actor: viewer ? actorOf(viewer) : 'system',
    note,
    at,
  });
}

/** Written in the same transaction as the change, for webhooks and integrations. */
export async function publish(
  tx: Tx,
  topic: string,
  order: OrderRow,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await publishEvent(tx, {
    topic,
    rootId: order.rootId,
    aggregateType: 'Order',
    aggregateId: order.id,
    payload: {
      orderId: toGlobalId('Order', order.id),
      number: order.number,
      status: order.status,
      buyerId: toGlobalId('Account', order.buyerId),
      sellerId: toGlobalId('Account', order.sellerId),
      total: order.total.toString(),
      ...extra,
    },
  });
}

/** Order status changes reach the other party's users: the seller hears of new orders, the buyer of progress. */
export async function noticeOrder(
  tx: Tx,
  order: OrderRow,
  to: 'buyer' | 'seller',
  kind: string,
  title: string,
  at: Date,
): Promise<void> {
  await notify(tx, {
    accountIds: [to === 'buyer' ? order.buyerId : order.sellerId],
    roles: to === 'buyer' ? ['BUYER'] : ['SERVICE'],
    kind,
    title: `${order.number}: ${title}`,
    orderId: order.id,
    at,
  });
}
