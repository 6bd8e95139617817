import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';

/**
 * The sales rollups as they are, and as they should be: recomputed here from
 * the order tables with SQL of the test's own, so a test compares the
 * incrementally kept tables with an independent definition.
 */
export async function rollupRows(db: Db) {
  const variant = (table: string, daily: boolean) =>
    db.execute<Record<string, unknown>>(sql`
      select buyer_id, to_char(day, 'YYYY-MM-DD') as day, variant_id, seller_id, ${sql.raw(daily ? 'channel::text' : "'-' as channel")}, region_code, buyer_path::text, buyer_tier::text, root_id,
        units, revenue::text, ${sql.raw(daily ? "'-'" : 'online_revenue::text')} as online_revenue, lines
      from ${sql.raw(table)} order by 1, 2, 3, 4, 5, 6, 7`);
  const order = (table: string, daily: boolean) =>
    db.execute<Record<string, unknown>>(sql`
      select buyer_id, to_char(day, 'YYYY-MM-DD') as day, seller_id, ${sql.raw(daily ? 'channel::text' : "'-' as channel")}, region_code, buyer_path::text, buyer_tier::text, root_id,
        orders, lines, units, revenue::text, ${sql.raw(daily ? "'-'" : 'online_revenue::text')} as online_revenue
      from ${sql.raw(table)} order by 1, 2, 3, 4, 5, 6`);
  const [vd, od, vm, om] = await Promise.all([
    variant('sales_daily', true),
    order('sales_orders_daily', true),
    variant('sales_monthly', false),
    order('sales_orders_monthly', false),
  ]);
  return { daily: { variant: [...vd], order: [...od] }, monthly: { variant: [...vm], order: [...om] } };
}

/** Monthly rows have no channel: their channel reads '-', and daily rows' online revenue '-'. */
export async function recomputedRows(db: Db) {
  const local = sql`timezone('Asia/Shanghai', o.created_at)`;
  const variant = (period: string) => {
    const daily = period === 'day';
    return db.execute<Record<string, unknown>>(sql`
      select o.buyer_id, to_char(date_trunc(${period}, ${local}), 'YYYY-MM-DD') as day, l.variant_id, o.seller_id, ${sql.raw(daily ? 'o.channel::text' : "'-'")} as channel,
        o.ship_to_region_code as region_code, o.buyer_path::text, a.tier::text as buyer_tier, o.root_id,
        sum(l.quantity)::int as units, sum(l.line_total)::text as revenue,
        ${sql.raw(daily ? "'-'" : "coalesce(sum(l.line_total) filter (where o.channel = 'ONLINE'), 0)::text")} as online_revenue, count(*)::int as lines
      from orders o join order_lines l on l.order_id = o.id join accounts a on a.id = o.buyer_id
      where o.status <> 'CANCELLED'
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9 order by 1, 2, 3, 4, 5, 6, 7`);
  };
  const order = (period: string) => {
    const daily = period === 'day';
    return db.execute<Record<string, unknown>>(sql`
      select o.buyer_id, to_char(date_trunc(${period}, ${local}), 'YYYY-MM-DD') as day, o.seller_id, ${sql.raw(daily ? 'o.channel::text' : "'-'")} as channel,
        o.ship_to_region_code as region_code, o.buyer_path::text, a.tier::text as buyer_tier, o.root_id,
        count(*)::int as orders, sum((select count(*) from order_lines l where l.order_id = o.id))::int as lines,
        sum((select sum(l.quantity) from order_lines l where l.order_id = o.id))::int as units, sum(o.total)::text as revenue,
        ${sql.raw(daily ? "'-'" : "coalesce(sum(o.total) filter (where o.channel = 'ONLINE'), 0)::text")} as online_revenue
      from orders o join accounts a on a.id = o.buyer_id
      where o.status <> 'CANCELLED'
      group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5, 6`);
  };
  const [vd, od, vm, om] = await Promise.all([variant('day'), order('day'), variant('month'), order('month')]);
  return { daily: { variant: [...vd], order: [...od] }, monthly: { variant: [...vm], order: [...om] } };
}
