import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';

/**
 * Every invariant of the stored state, each a query that lists what breaks
 * it (empty: it holds). The fuzz, crash and scale-out tests end with them;
 * they read only committed state, so they hold after a crash as well.
 */
export const INVARIANTS: Record<string, ReturnType<typeof sql>> = {
  // Stock: on hand ≥ reserved ≥ 0.
  'stock on_hand >= reserved >= 0': sql`select warehouse_id, variant_id, on_hand, reserved from stock_levels where on_hand < 0 or reserved < 0 or reserved > on_hand`,
  // Reserved is exactly what open orders' pending fulfillments hold.
  'reserved = open order lines': sql`
    select s.warehouse_id, s.variant_id, s.reserved, x.expected from stock_levels s
    cross join lateral (select coalesce(sum(fl.quantity), 0)::int as expected from fulfillment_lines fl
      join fulfillments f on f.id = fl.fulfillment_id join orders o on o.id = f.order_id
      where f.warehouse_id = s.warehouse_id and fl.variant_id = s.variant_id and f.status = 'PENDING'
        and o.status in ('SUBMITTED', 'CONFIRMED', 'ALLOCATED')) x
    where s.reserved <> x.expected`,
  // Credit used = the ledger balance + what open orders hold that is not charged yet; never above the limit.
  'credit used = ledger definition, within the limit': sql`
    select a.id, a.credit_used::text as used, x.expected::text as expected, a.credit_limit::text as limit from accounts a
    cross join lateral (select
      coalesce((select sum(l.amount) from ledger_entries l where l.buyer_id = a.id), 0)
      + coalesce((select sum(o.total - coalesce((select sum(c.amount) from ledger_entries c where c.order_id = o.id and c.kind = 'ORDER_CHARGE'), 0))
                  from orders o where o.buyer_id = a.id and o.status <> 'CANCELLED'), 0) as expected) x
    where a.credit_used <> x.expected or (a.credit_limit is not null and a.credit_used > a.credit_limit)`,
  // No partial order: lines, totals that add up, every line routed to fulfillments, its first event and its outbox message.
  'every order has lines': sql`select o.id from orders o where not exists (select 1 from order_lines l where l.order_id = o.id)`,
  'order totals add up': sql`
    select o.id from orders o join lateral (select sum(l.line_total) as total, sum(l.list_price * l.quantity) as subtotal from order_lines l where l.order_id = o.id) x on true
    where o.total <> x.total or o.subtotal <> x.subtotal or o.discount_total <> o.subtotal - o.total or o.total < 0`,
  'open order lines are routed in full': sql`
    select l.order_id, l.id, l.quantity, x.routed from order_lines l join orders o on o.id = l.order_id
    cross join lateral (select coalesce(sum(fl.quantity), 0)::int as routed from fulfillment_lines fl join fulfillments f on f.id = fl.fulfillment_id
      where fl.order_line_id = l.id and f.status <> 'CANCELLED') x
    where o.status <> 'CANCELLED' and x.routed <> l.quantity`,
  'every order has its SUBMITTED event and outbox message': sql`
    select o.id from orders o
    where not exists (select 1 from order_events e where e.order_id = o.id and e.kind = 'SUBMITTED')
       or not exists (select 1 from outbox m where m.aggregate_type = 'Order' and m.aggregate_id = o.id and m.topic = 'order.submitted')`,
  'no duplicate idempotency key': sql`select buyer_id, idempotency_key, count(*)::int as n from orders group by 1, 2 having count(*) > 1`,
  'no duplicate payment reference': sql`select buyer_id, reference, count(*)::int as n from ledger_entries where kind = 'PAYMENT' group by 1, 2 having count(*) > 1`,
  // The ledger: no order charged more than its total; every statement ties out (closing = opening + its entries).
  'no order charged above its total': sql`
    select o.id, o.total::text, sum(l.amount)::text as charged from orders o join ledger_entries l on l.order_id = o.id and l.kind = 'ORDER_CHARGE'
    group by o.id having sum(l.amount) > o.total`,
  'statements tie out': sql`
    select s.id from statements s
    where s.closing_balance <> s.opening_balance + coalesce((select sum(l.amount) from ledger_entries l where l.id = any(s.entry_ids)), 0)`,
};

/** The invariants that do not hold, each with the rows that break it. */
export async function brokenInvariants(db: Db): Promise<Record<string, unknown[]>> {
  const broken: Record<string, unknown[]> = {};
  for (const [name, query] of Object.entries(INVARIANTS)) {
    const rows = await db.execute(query);
    if (rows.length) broken[name] = [...rows].slice(0, 10);
  }
  return broken;
}

export async function expectEveryInvariant(db: Db, context = ''): Promise<void> {
  expect(await brokenInvariants(db), context).toEqual({});
}
