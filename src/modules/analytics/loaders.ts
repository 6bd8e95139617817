import DataLoader from 'dataloader';
import { and, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { intArray, inInts } from '../../db/sql.js';
import { byKey } from '../../lib/batch.js';
import {
  categories,
  products,
  variants,
  type CategoryRow,
  type ProductRow,
  type VariantRow,
} from '../catalog/tables.js';
import { productVisible, variantVisible, type CatalogScope } from '../catalog/scope.js';
import { addDays, addMonths, firstOfMonth, shanghaiDay, shanghaiDayStart } from '../../lib/dates.js';

export interface MonthFigures {
  month: string;
  revenue: bigint;
  orders: number;
}

export interface PurchaseFacts {
  /** The last 12 whole months and the current one, oldest first, zeros included. */
  monthly: MonthFigures[];
  yearToDate: bigint;
  previousYearToDate: bigint;
}

export interface OrderFacts {
  lastOrderAt: Date | null;
  averageDaysBetweenOrders: number | null;
  openOrders: number;
}

export interface TicketFacts {
  openTickets: number;
  slaBreachesLast90Days: number;
}

export interface TopVariant {
  variantId: number;
  units: number;
  revenue: bigint;
}

const DAY_MS = 86_400_000;
/** A rhythm needs two intervals (alerts.ts averageInterval). */
const MIN_ORDERS_FOR_RHYTHM = 3;

/**
 * Per request, keyed by account id: Account.insights for a whole list of
 * accounts costs one statement per kind of figure, never one per account.
 * Callers pass only accounts the viewer already reached through a scoped
 * read; the catalog loaders apply the viewer's catalog scope (V2).
 */
export function analyticsLoaders(db: Db, at: Date, scope: () => Promise<CatalogScope>) {
  const today = shanghaiDay(at);
  const firstMonth = addMonths(firstOfMonth(today), -12);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const previousYearStart = addMonths(yearStart, -12);
  const sameDayLastYear = addMonths(today, -12);
  const yearAgo = addDays(today, -365);

  return {
    purchases: new DataLoader<number, PurchaseFacts>(async (ids) => {
      const rows = await db.execute<{
        buyer_id: number;
        month: string;
        revenue: string;
        orders: number;
        ytd: string;
        prev_ytd: string;
      }>(sql`
        select buyer_id, to_char(date_trunc('month', day), 'YYYY-MM-DD') as month,
          coalesce(sum(revenue) filter (where day >= ${firstMonth}::date), 0)::text as revenue,
          coalesce(sum(orders) filter (where day >= ${firstMonth}::date), 0)::int as orders,
          coalesce(sum(revenue) filter (where day >= ${yearStart}::date), 0)::text as ytd,
          coalesce(sum(revenue) filter (where day between ${previousYearStart}::date and ${sameDayLastYear}::date), 0)::text as prev_ytd
        from sales_orders_daily
        where buyer_id = any(${intArray(ids)}) and day >= least(${firstMonth}::date, ${previousYearStart}::date) and day <= ${today}::date
        group by 1, 2`);
      const months = Array.from({ length: 13 }, (_, k) => addMonths(firstMonth, k));
      return ids.map((id) => {
        const mine = rows.filter((r) => r.buyer_id === id);
        const byMonth = new Map(mine.map((r) => [r.month, r]));
        return {
          monthly: months.map((month) => ({
            month,
            revenue: BigInt(byMonth.get(month)?.revenue ?? '0'),
            orders: byMonth.get(month)?.orders ?? 0,
          })),
          yearToDate: mine.reduce((s, r) => s + BigInt(r.ytd), 0n),
          previousYearToDate: mine.reduce((s, r) => s + BigInt(r.prev_ytd), 0n),
        };
      });
    }),

    orders: new DataLoader<number, OrderFacts>(async (ids) => {
      const since = shanghaiDayStart(yearAgo).toISOString();
      const rows = await db.execute<{
        buyer_id: number;
        last: string | null;
        n: number;
        first_recent: string | null;
        last_recent: string | null;
        open: number;
      }>(sql`
        select buyer_id,
          max(created_at) filter (where status <> 'CANCELLED') as last,
          count(*) filter (where status <> 'CANCELLED' and created_at >= ${since}::timestamptz)::int as n,
          min(created_at) filter (where status <> 'CANCELLED' and created_at >= ${since}::timestamptz) as first_recent,
          max(created_at) filter (where status <> 'CANCELLED' and created_at >= ${since}::timestamptz) as last_recent,
          count(*) filter (where status not in ('COMPLETED', 'CANCELLED'))::int as open
        from orders where buyer_id = any(${intArray(ids)}) group by buyer_id`);
      const byId = new Map(rows.map((r) => [r.buyer_id, r]));
      return ids.map((id) => {
        const r = byId.get(id);
        if (!r) return { lastOrderAt: null, averageDaysBetweenOrders: null, openOrders: 0 };
        const rhythm =
          r.n >= MIN_ORDERS_FOR_RHYTHM
            ? (new Date(r.last_recent!).getTime() - new Date(r.first_recent!).getTime()) / (r.n - 1) / DAY_MS
            : null;
        return { lastOrderAt: r.last ? new Date(r.last) : null, averageDaysBetweenOrders: rhythm, openOrders: r.open };
      });
    }),

    tickets: new DataLoader<number, TicketFacts>(async (ids) => {
      const since = new Date(at.getTime() - 90 * DAY_MS).toISOString();
      const rows = await db.execute<{ id: number; open: number; breaches: number }>(sql`
        with mine as (
          select a.id as account_id, t.status, t.sla_breached, t.first_response_breached_at, t.resolution_breached_at, t.resolve_due_at
          from unnest(${intArray(ids)}) a(id) join tickets t on t.requester_id = a.id
          union all
          select a.id, t.status, t.sla_breached, t.first_response_breached_at, t.resolution_breached_at, t.resolve_due_at
          from unnest(${intArray(ids)}) a(id) join tickets t on t.assignee_id = a.id and t.requester_id <> a.id)
        select account_id as id,
          count(*) filter (where status not in ('RESOLVED', 'CLOSED'))::int as open,
          count(*) filter (where sla_breached and coalesce(least(first_response_breached_at, resolution_breached_at), resolve_due_at) >= ${since}::timestamptz)::int as breaches
        from mine group by account_id`);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => ({
        openTickets: byId.get(id)?.open ?? 0,
        slaBreachesLast90Days: byId.get(id)?.breaches ?? 0,
      }));
    }),

    /** Keys are `accountId|first`; one statement per distinct `first` in the batch. */
    topVariants: new DataLoader<string, TopVariant[]>(async (keys) => {
      const parsed = keys.map((k) => k.split('|').map(Number) as [number, number]);
      const out = new Map<string, TopVariant[]>();
      for (const first of new Set(parsed.map(([, f]) => f))) {
        const ids = parsed.filter(([, f]) => f === first).map(([id]) => id);
        const rows = await db.execute<{ buyer_id: number; variant_id: number; units: number; revenue: string }>(sql`
          select buyer_id, variant_id, units, revenue::text from (
            select buyer_id, variant_id, sum(units)::int as units, sum(revenue) as revenue,
              row_number() over (partition by buyer_id order by sum(revenue) desc, variant_id) as rn
            from sales_daily where buyer_id = any(${intArray(ids)}) and day > ${yearAgo}::date and day <= ${today}::date
            group by buyer_id, variant_id) ranked
          where rn <= ${first} order by buyer_id, rn`);
        for (const id of ids) {
          out.set(
            `${id}|${first}`,
            rows
              .filter((r) => r.buyer_id === id)
              .map((r) => ({ variantId: r.variant_id, units: r.units, revenue: BigInt(r.revenue) })),
          );
        }
      }
      return keys.map((k) => out.get(k) ?? []);
    }),

    /** SalesKey.node: scoped (V2) like node(id:). */
    visibleVariant: new DataLoader<number, VariantRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(variants)
          .where(and(inInts(variants.id, ids), variantVisible(variants.id, await scope()))),
        (r) => r.id,
      ),
    ),
    visibleProduct: new DataLoader<number, ProductRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(products)
          .where(and(inInts(products.id, ids), productVisible(products.id, await scope()))),
        (r) => r.id,
      ),
    ),
    visibleCategory: new DataLoader<number, CategoryRow | null>(async (ids) =>
      (await scope()) === 'none'
        ? ids.map(() => null)
        : byKey(ids, await db.select().from(categories).where(inInts(categories.id, ids)), (r) => r.id),
    ),
  };
}

export type AnalyticsLoaders = ReturnType<typeof analyticsLoaders>;
