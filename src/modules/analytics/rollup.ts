/**
 * Keeps the sales rollups (tables.ts) exact with the orders: an order
 * is added in the transaction that places it and taken out in the one that
 * cancels it, through the caller's transaction handle. Both run after the
 * buyer's account row is locked (credit), so two transactions of one buyer —
 * the only ones that can touch the same rollup rows — never interleave here.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';

/** The channel's calendar: days are Asia/Shanghai days. */
export const SALES_TIME_ZONE = 'Asia/Shanghai';

/** One row per order line of the orders `where` selects (on `o`), with the rollup keys. */
function lineSource(where: SQL): SQL {
  return sql`
    select (o.created_at at time zone ${sql.raw(`'${SALES_TIME_ZONE}'`)})::date as day, o.root_id, o.buyer_id, o.buyer_path,
      a.tier as buyer_tier, o.seller_id, ol.variant_id, o.channel, o.ship_to_region_code as region_code, o.id as order_id,
      ol.quantity, ol.line_total
    from orders o
    join order_lines ol on ol.order_id = o.id
    join accounts a on a.id = o.buyer_id
    where o.kind = 'SALE' and (${where})`;
}

/** Every rollup table: its grain (the `day` it keys on) and level. Monthly tables have no channel, only the online revenue. */
export const ROLLUP_TABLES = [
  { table: 'sales_daily', grain: 'day', level: 'variant' },
  { table: 'sales_orders_daily', grain: 'day', level: 'order' },
  { table: 'sales_monthly', grain: 'month', level: 'variant' },
  { table: 'sales_orders_monthly', grain: 'month', level: 'order' },
] as const;

type RollupTable = (typeof ROLLUP_TABLES)[number];

/** The key columns of a table, in its unique index's order. */
function keyColumns(t: RollupTable): string[] {
  return [
    'buyer_id',
    'day',
    ...(t.level === 'variant' ? ['variant_id'] : []),
    'seller_id',
    ...(t.grain === 'day' ? ['channel'] : []),
    'region_code',
    'buyer_path',
  ];
}

function insertInto(t: RollupTable, s: SQL): SQL {
  const name = sql.raw(t.table);
  const keys = keyColumns(t).filter((c) => c !== 'day');
  const measures: [string, string][] = [
    ...(t.level === 'order' ? ([['orders', 'count(distinct order_id)']] as [string, string][]) : []),
    ['lines', 'count(*)'],
    ['units', 'sum(quantity)'],
    ['revenue', 'sum(line_total)'],
    ...(t.grain === 'month'
      ? ([['online_revenue', "coalesce(sum(line_total) filter (where channel = 'ONLINE'), 0)"]] as [string, string][])
      : []),
  ];
  const columns = ['day', 'root_id', 'buyer_tier', ...keys, ...measures.map(([c]) => c)].join(', ');
  const values = sql.join(
    measures.map(([, agg]) => sql`${s} * ${sql.raw(agg)}`),
    sql`, `,
  );
  const groupBy = sql.raw(['1', 'root_id', 'buyer_tier', ...keys].join(', '));
  return sql`insert into ${name} (${sql.raw(columns)})
    select ${sql.raw(t.grain === 'day' ? 'day' : "date_trunc('month', day)::date")}, root_id, buyer_tier, ${sql.raw(keys.join(', '))}, ${values}
    from l group by ${groupBy}
    order by ${sql.raw(
      keyColumns(t)
        .map((c) => (c === 'day' ? '1' : c))
        .join(', '),
    )}
    on conflict (${sql.raw(keyColumns(t).join(', '))}) do update set
      ${sql.join(
        measures.map(([c]) => sql`${sql.raw(c)} = ${name}.${sql.raw(c)} + excluded.${sql.raw(c)}`),
        sql`, `,
      )}
    returning 1`;
}

/**
 * Adds (sign 1) or takes out (sign −1) the lines of `where`'s orders, in one
 * statement for every rollup table. Rows are upserted in key order.
 */
function upsert(where: SQL, sign: 1 | -1): SQL {
  const s = sql.raw(String(sign));
  const ctes = ROLLUP_TABLES.map((t, i) => sql`${sql.raw(`t${i}`)} as (${insertInto(t, s)})`);
  return sql`
    with l as (${lineSource(where)}), ${sql.join(ctes, sql`, `)}
    select ${sql.join(
      ROLLUP_TABLES.map((_, i) => sql`(select count(*) from ${sql.raw(`t${i}`)})::int as ${sql.raw(`t${i}`)}`),
      sql`, `,
    )}`;
}

/** In placeOrder's transaction, after its lines are written. */
export async function recordOrderSales(tx: Tx, orderId: number): Promise<void> {
  await tx.execute(upsert(sql`o.id = ${orderId}`, 1));
}

/**
 * In cancelOrder's transaction, before or after the status changes (the
 * lines are what counts): the order's lines come out of every rollup.
 */
export async function withdrawOrderSales(tx: Tx, orderId: number): Promise<void> {
  await tx.execute(upsert(sql`o.id = ${orderId}`, -1));
  // Rows left with nothing are removed, so the rollups hold only what was sold.
  const deletes = ROLLUP_TABLES.map(
    (t, i) =>
      sql`${sql.raw(`d${i}`)} as (delete from ${sql.raw(t.table)} s using k where s.buyer_id = k.buyer_id and s.day = ${sql.raw(t.grain === 'day' ? 'k.day' : "date_trunc('month', k.day)::date")} and s.${sql.raw(t.level === 'variant' ? 'lines' : 'orders')} = 0 returning 1)`,
  );
  await tx.execute(sql`
    with k as (select buyer_id, (created_at at time zone ${sql.raw(`'${SALES_TIME_ZONE}'`)})::date as day from orders where id = ${orderId}), ${sql.join(deletes, sql`, `)}
    select 1`);
}

/**
 * Recomputes every rollup from the order tables (every order not cancelled):
 * for the demo seed, which writes its history in bulk, and for repairs. The
 * migration that created the tables ran the same statement for the orders
 * that existed then.
 */
export async function rebuildSalesRollup(db: DbOrTx): Promise<Record<(typeof ROLLUP_TABLES)[number]['table'], number>> {
  // A transaction (a savepoint inside the seed's): readers wait for the new figures instead of seeing empty tables.
  return (db as Db).transaction(async (tx) => {
    await tx.execute(sql`truncate ${sql.raw(ROLLUP_TABLES.map((t) => t.table).join(', '))}`);
    const [r] = await tx.execute<Record<string, number>>(upsert(sql`o.status <> 'CANCELLED'`, 1));
    const counts = Object.values(r);
    return Object.fromEntries(ROLLUP_TABLES.map((t, i) => [t.table, counts[i]])) as Record<
      (typeof ROLLUP_TABLES)[number]['table'],
      number
    >;
  });
}
