import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { toGlobalId } from '../../graphql/ids.js';
import type { OutboxRow } from '../integration/tables.js';
import type { WebhookEventType } from './tables.js';

/** What an outbox row means to webhooks: the event type, the subject to render and who may see it. */
export interface WebhookEvent {
  type: WebhookEventType;
  /** The subject's kind, which picks the fixed operation that renders `data`. */
  subject: 'Order' | 'Ticket' | 'Statement' | 'Payment' | 'Account' | 'Stock';
  /** Variables of that operation (global ids). */
  variables: Record<string, string>;
}

/**
 * The outbox topics written today and the event type each one is. Topics
 * without a type (e.g. `order.delivered`, a partial delivery) are marked
 * processed and sent nowhere.
 */
export const TOPIC_TYPES: Record<string, WebhookEventType> = {
  'order.submitted': 'ORDER_SUBMITTED',
  'order.confirmed': 'ORDER_CONFIRMED',
  'order.shipped': 'ORDER_SHIPPED',
  'order.completed': 'ORDER_COMPLETED',
  'order.cancelled': 'ORDER_CANCELLED',
  'ticket.opened': 'TICKET_OPENED',
  'ticket.commented': 'TICKET_UPDATED',
  'ticket.status_changed': 'TICKET_UPDATED',
  // An internal note is news to the service side only (V7): see audience().
  'ticket.internal_note': 'TICKET_UPDATED',
  'ticket.sla_breached': 'TICKET_SLA_BREACHED',
  'stock.low': 'STOCK_LOW',
  'statement.issued': 'STATEMENT_ISSUED',
  'payment.recorded': 'PAYMENT_RECORDED',
  'account.created': 'ACCOUNT_CREATED',
  'account.updated': 'ACCOUNT_UPDATED',
};

/** `ORDER_SUBMITTED` → `order.submitted`: the `type` of a payload. */
export function wireType(type: WebhookEventType): string {
  return type.toLowerCase().replace('_', '.');
}

const gid = toGlobalId;

export function eventOf(row: OutboxRow): WebhookEvent | null {
  const type = TOPIC_TYPES[row.topic];
  if (!type) return null;
  const p = row.payload as Record<string, string>;
  switch (row.aggregateType) {
    case 'Order':
      return { type, subject: 'Order', variables: { id: gid('Order', row.aggregateId) } };
    case 'Ticket':
      return { type, subject: 'Ticket', variables: { id: gid('Ticket', row.aggregateId) } };
    case 'Statement':
      return { type, subject: 'Statement', variables: { id: gid('Statement', row.aggregateId), buyerId: p.buyerId } };
    case 'LedgerEntry':
      return {
        type,
        subject: 'Payment',
        variables: { entryId: gid('LedgerEntry', row.aggregateId), buyerId: p.buyerId },
      };
    case 'Account':
      return { type, subject: 'Account', variables: { id: gid('Account', row.aggregateId) } };
    case 'StockLevel':
      return { type, subject: 'Stock', variables: { warehouseId: p.warehouseId, variantId: p.variantId } };
    default:
      return null;
  }
}

/**
 * The accounts whose endpoints may hear of an event (V1): the subject's
 * account and its ancestors; for tickets both chains (requester and
 * assignee), except that an internal note is the service side's only (V7).
 * The render then runs as each endpoint's account, so the graph decides again.
 */
export async function audience(db: DbOrTx, row: OutboxRow): Promise<number[]> {
  const one = async (q: ReturnType<typeof sql>) => (await db.execute<{ ids: number[] | null }>(q))[0]?.ids ?? [];
  switch (row.aggregateType) {
    case 'Order':
      return one(sql`select buyer_path as ids from orders where id = ${row.aggregateId}`);
    case 'Ticket':
      return row.topic === 'ticket.internal_note'
        ? one(sql`select assignee_path as ids from tickets where id = ${row.aggregateId}`)
        : one(
            sql`select array(select distinct unnest(requester_path || assignee_path)) as ids from tickets where id = ${row.aggregateId}`,
          );
    case 'Statement':
      return one(sql`select buyer_path as ids from statements where id = ${row.aggregateId}`);
    case 'LedgerEntry':
      return one(sql`select buyer_path as ids from ledger_entries where id = ${row.aggregateId}`);
    case 'Account':
      return one(sql`select path as ids from accounts where id = ${row.aggregateId}`);
    case 'StockLevel':
      return one(
        sql`select a.path as ids from warehouses w join accounts a on a.id = w.owner_id where w.id = ${row.aggregateId}`,
      );
    default:
      return [];
  }
}
