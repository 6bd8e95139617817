/**
 * The SQL of salesReport: one statement over a rollup table that aggregates
 * the period (and the compared one) with the V1 predicate on the buyer path,
 * groups by the asked dimensions, and keeps only the top rows (and their
 * compared figures) and the totals. Its cost is the rollup rows in the two
 * periods, whatever the number of orders behind them.
 *
 * Keys stay in their own types (dates, integers, enums) while rows are
 * grouped — hashing an integer is cheaper than building a string per row —
 * and are turned into text only for the rows that are answered.
 */
import { sql, type SQL } from 'drizzle-orm';
import { intArray, textArray } from '../../db/sql.js';
import { regionPrefix } from '../regions/regions.js';
import { flagOnFor, type FlagRow } from './pilot.js';
import { SalesDimension } from './types.js';

export type RollupTable = 'orders' | 'lines';
/** Days, or months when the periods are whole months and no DAY, WEEK or CHANNEL key (or channel filter) is asked. */
export type RollupGrain = 'day' | 'month';

const TABLE: Record<RollupGrain, Record<RollupTable, string>> = {
  day: { orders: 'sales_orders_daily', lines: 'sales_daily' },
  month: { orders: 'sales_orders_monthly', lines: 'sales_monthly' },
};

/** Dimensions that need the variant-level rollup. */
export const PRODUCT_DIMENSIONS = new Set([SalesDimension.CATEGORY, SalesDimension.PRODUCT, SalesDimension.VARIANT]);

export interface Period {
  from: string;
  to: string;
}

export interface SalesQuery {
  table: RollupTable;
  grain: RollupGrain;
  viewerAccountId: number;
  /** The viewer's account path: its direct buyers sit at the next position of every path below it. */
  viewerPath: number[];
  buyerTier: string;
  dims: SalesDimension[];
  current: Period;
  /** The compared period and how one of its days maps onto the current period's calendar. */
  previous: { period: Period; shift: (day: SQL) => SQL } | null;
  channels: string[] | null;
  regionCodes: string[] | null;
  accountIds: number[] | null;
  /** Variants of the product filters (skus, categories), already resolved; empty matches nothing. */
  variantIds: number[] | null;
  /** The pilot's flag: splits buyers with the PILOT dimension, else keeps only those in it. */
  pilot: FlagRow | null;
  limit: number;
}

export interface AggregateRow {
  prev: boolean;
  is_total: boolean;
  /** Keys as text: dates 'YYYY-MM-DD', region codes, ids, enum values, IN/OUT; '' for no category. */
  keys: string[];
  revenue: string;
  online: string;
  orders: number;
  units: number;
  buyers: number;
  groups: number;
}

/** The grouping expression of a dimension (typed), and how the answered rows print it. */
function key(dim: SalesDimension, day: SQL, q: SalesQuery): { expr: SQL; text: (col: SQL) => SQL } {
  const plain = (expr: SQL) => ({ expr, text: (c: SQL) => sql`${c}::text` });
  const date = (expr: SQL) => ({ expr, text: (c: SQL) => sql`to_char(${c}, 'YYYY-MM-DD')` });
  switch (dim) {
    case SalesDimension.DAY:
      return date(day);
    case SalesDimension.WEEK:
      return date(sql`date_trunc('week', ${day})::date`);
    case SalesDimension.MONTH:
      // On the monthly grain `day` is already the month's first day.
      return date(q.grain === 'month' ? day : sql`date_trunc('month', ${day})::date`);
    case SalesDimension.PROVINCE:
      return { expr: sql`left(r.region_code, 2)`, text: (c) => sql`${c} || '0000'` };
    case SalesDimension.CITY:
      return { expr: sql`left(r.region_code, 4)`, text: (c) => sql`${c} || '00'` };
    case SalesDimension.PARTNER:
      // The viewer's direct buyer on the path (the position after the viewer's); the viewer itself for its own purchases.
      return plain(sql`coalesce(r.buyer_path[${q.viewerPath.length + 1}], ${q.viewerAccountId})`);
    case SalesDimension.SELLER:
      return plain(sql`r.seller_id`);
    case SalesDimension.BUYER:
      return plain(sql`r.buyer_id`);
    case SalesDimension.BUYER_TIER:
      return plain(sql`r.buyer_tier`);
    case SalesDimension.CHANNEL:
      return plain(sql`r.channel`);
    case SalesDimension.CATEGORY:
      return { expr: sql`coalesce(p.category_id, 0)`, text: (c) => sql`nullif(${c}, 0)::text` };
    case SalesDimension.PRODUCT:
      return plain(sql`v.product_id`);
    case SalesDimension.VARIANT:
      return plain(sql`r.variant_id`);
    case SalesDimension.PILOT:
      return { expr: flagOnFor(q.pilot!, 'b'), text: (c) => sql`case when ${c} then 'IN' else 'OUT' end` };
  }
}

function joins(q: SalesQuery): SQL {
  const parts: SQL[] = [];
  const needsProduct = q.dims.includes(SalesDimension.CATEGORY) || q.dims.includes(SalesDimension.PRODUCT);
  if (needsProduct) parts.push(sql`join variants v on v.id = r.variant_id`);
  if (q.dims.includes(SalesDimension.CATEGORY)) parts.push(sql`join products p on p.id = v.product_id`);
  if (q.pilot) parts.push(sql`join accounts b on b.id = r.buyer_id`);
  return sql.join(parts, sql` `);
}

function where(q: SalesQuery, period: Period): SQL {
  const parts: SQL[] = [
    // V1. For the root, "in its subtree" is its whole channel: the same rows, without an array test per row.
    q.viewerPath.length === 1
      ? sql`r.root_id = ${q.viewerAccountId}`
      : sql`r.buyer_path @> ARRAY[${q.viewerAccountId}]::integer[]`,
    sql`r.buyer_tier = ${q.buyerTier}::channel_tier`,
    // On the monthly grain `day` is the month's first day, and the periods are whole months.
    sql`r.day between ${period.from}::date and ${period.to}::date`,
  ];
  if (q.channels) parts.push(sql`r.channel::text = any(${textArray(q.channels)})`);
  if (q.regionCodes)
    parts.push(
      sql`(${sql.join(
        q.regionCodes.map((c) => sql`r.region_code like ${`${regionPrefix(c)}%`}`),
        sql` or `,
      )})`,
    );
  if (q.accountIds) parts.push(sql`r.buyer_path && ${intArray(q.accountIds)}`);
  if (q.variantIds) parts.push(sql`r.variant_id = any(${intArray(q.variantIds)})`);
  if (q.pilot && !q.dims.includes(SalesDimension.PILOT)) parts.push(flagOnFor(q.pilot, 'b'));
  return sql.join(parts, sql` and `);
}

function periodSelect(q: SalesQuery, period: Period, prev: boolean, day: SQL): SQL {
  const table = sql.raw(TABLE[q.grain][q.table]);
  const orders = sql.raw(q.table === 'lines' ? 'r.lines' : 'r.orders');
  const keys = q.dims.map((d, i) => sql`${key(d, day, q).expr} as ${sql.raw(`k${i}`)}`);
  // The monthly grain keeps the online revenue in a column; the daily one has a row per channel.
  const online =
    q.grain === 'month' ? sql`r.online_revenue` : sql`case when r.channel = 'ONLINE' then r.revenue else 0 end`;
  return sql`select ${prev}::boolean as prev, ${sql.join([...keys, sql`r.buyer_id, ${online} as online, r.revenue, r.units, ${orders} as orders`], sql`, `)}
    from ${table} r ${joins(q)}
    where ${where(q, period)}`;
}

/**
 * Rows (the top `limit` by revenue, with their compared figures), the totals
 * of both periods, and the number of groups. Distinct buyers are counted in
 * two hashed passes — per key and buyer, then per key — instead of a sorted
 * count(distinct): a year of rollup rows is hashed, never sorted.
 */
export function salesStatement(q: SalesQuery): SQL {
  const k = q.dims.map((_, i) => sql.raw(`k${i}`));
  const base = [periodSelect(q, q.current, false, sql`r.day`)];
  if (q.previous) base.push(periodSelect(q, q.previous.period, true, q.previous.shift(sql`r.day`)));
  const withKeys = (list: SQL[]) => (list.length ? sql`${sql.join(list, sql`, `)}, ` : sql``);
  const sums = sql`sum(revenue) as revenue, coalesce(sum(online), 0) as online, sum(orders) as orders, sum(units) as units`;
  // Per buyer the sums fit a bigint, and summing bigints again stays in machine integers (numeric would not).
  const bigSums = sql`sum(revenue)::bigint as revenue, sum(online)::bigint as online, sum(orders)::bigint as orders, sum(units)::bigint as units`;
  const out = (rows: string) =>
    sql`prev, revenue::text as revenue, online::text as online, orders::float8 as orders, units::float8 as units, buyers::int as buyers from ${sql.raw(rows)}`;
  const totals = sql`select true as is_total, array[]::text[] as keys, ${out('tot')}`;
  if (!k.length) {
    return sql`
      with base as (${sql.join(base, sql` union all `)}),
      tb as (select prev, buyer_id, ${bigSums} from base group by prev, buyer_id),
      tot as (select prev, ${sums}, count(*) as buyers from tb group by prev)
      select *, 0 as groups from (${totals}) x`;
  }
  const texts = q.dims.map((d, i) => key(d, sql``, q).text(sql`g.${k[i]}`));
  return sql`
    with base as (${sql.join(base, sql` union all `)}),
    b as (
      select prev, ${withKeys(k)}buyer_id, ${bigSums}
      from base group by prev, ${withKeys(k)}buyer_id),
    g as (select prev, ${withKeys(k)}${sums}, count(*) as buyers from b group by prev, ${sql.join(k, sql`, `)}),
    tb as (select prev, buyer_id, ${bigSums} from b group by prev, buyer_id),
    tot as (select prev, ${sums}, count(*) as buyers from tb group by prev),
    t as materialized (select ${sql.join(k, sql`, `)} from g where not prev order by revenue desc, ${sql.join(k, sql`, `)} limit ${q.limit}),
    n as (select count(*)::int as groups from g where not prev)
    select x.*, n.groups from (
      select false as is_total, array[${sql.join(texts, sql`, `)}] as keys, ${out('g')}
      where (${sql.join(
        k.map((c) => sql`g.${c}`),
        sql`, `,
      )}) in (select * from t)
      union all ${totals}) x cross join n`;
}
