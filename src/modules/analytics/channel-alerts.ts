/**
 * channelAlerts over the viewer's subtree: one statement per kind of alert
 * (all in parallel), detection by the pure helpers (alerts.ts), the most
 * severe and most recent first. Credit alerts only for accounts whose credit
 * the viewer may see (V5, access.ts).
 */
import { sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import type { Db } from '../../db/client.js';
import { demandForecast } from './forecast/index.js';
import { creditNearLimit, demandSpike, dormantBuyer, lowStock, type AlertSeverity, type Detection } from './alerts.js';
import { replenish } from './replenishment.js';
import { maySeeCredit } from './access.js';
import { hasFinanceRole } from '../../auth/access.js';
import { addDays, shanghaiDay, shanghaiDayStart } from '../../lib/dates.js';
import { SALES_TIME_ZONE } from './rollup.js';
import { ChannelAlertKind } from './types.js';

const MAX_FIRST = 200;
const DAY_MS = 86_400_000;
/** Spikes: the last 7 days against a forecast from the 26 blocks of 7 days before them. */
const SPIKE_HISTORY_BLOCKS = 26;
const SPIKE_MIN_UNITS = 10;
/** A pair needs this many blocks of history behind it: a first order has no forecast to be far above. */
const SPIKE_MIN_HISTORY_BLOCKS = 8;
const FLAGGED_DAYS = 30;
const SLA_DAYS = 30;
const RHYTHM_DAYS = 365;
/** Low stock: cover against the usual replenishment lead time, demand from the last four weeks. */
const LEAD_TIME_DAYS = 7;
const STOCK_DEMAND_DAYS = 28;

export interface AlertValue {
  kind: ChannelAlertKind;
  severity: AlertSeverity;
  accountId: number;
  variantId: number | null;
  message: string;
  detectedAt: Date;
}

interface Scope {
  db: Db;
  viewerId: number;
  today: string;
  now: Date;
}

const alert = (
  kind: ChannelAlertKind,
  d: Detection,
  accountId: number,
  variantId: number | null,
  detectedAt: Date,
): AlertValue => ({ kind, ...d, accountId, variantId, detectedAt });

/**
 * Buyer × variant: units of the last 7 days far above what the buyer's own
 * recent weeks let a forecast expect. SQL keeps only the pairs well above
 * their own average, so few series are forecast.
 */
async function demandSpikes(s: Scope): Promise<AlertValue[]> {
  const start = addDays(s.today, -7 * (SPIKE_HISTORY_BLOCKS + 1) + 1);
  const rows = await s.db.execute<{ buyer_id: number; variant_id: number; blocks: number[] }>(sql`
    with b as (
      select buyer_id, variant_id, ((${s.today}::date - day) / 7)::int as block, sum(units)::int as units
      from sales_daily
      where buyer_path @> ARRAY[${s.viewerId}]::integer[] and buyer_id <> ${s.viewerId} and day >= ${start}::date and day <= ${s.today}::date
      group by 1, 2, 3)
    select buyer_id, variant_id, array_agg(units order by block desc) filter (where block > 0) as history_units,
      array_agg(block order by block desc) filter (where block > 0) as history_blocks,
      coalesce(sum(units) filter (where block = 0), 0)::int as last
    from b group by 1, 2
    having max(block) >= ${SPIKE_MIN_HISTORY_BLOCKS}
      and coalesce(sum(units) filter (where block = 0), 0) >= ${SPIKE_MIN_UNITS}
      and coalesce(sum(units) filter (where block = 0), 0) > 1.5 * coalesce(sum(units) filter (where block > 0), 0) / ${SPIKE_HISTORY_BLOCKS}`);
  const out: AlertValue[] = [];
  for (const r of rows as unknown as {
    buyer_id: number;
    variant_id: number;
    history_units: number[] | null;
    history_blocks: number[] | null;
    last: number;
  }[]) {
    const series = new Array<number>(SPIKE_HISTORY_BLOCKS).fill(0);
    (r.history_blocks ?? []).forEach((block, i) => (series[SPIKE_HISTORY_BLOCKS - block] = r.history_units![i]));
    const f = demandForecast(series, { seasonLength: 1, horizon: 1, maxOrigins: 4 });
    const d = demandSpike(r.last, f.points[0]);
    if (d)
      out.push(
        alert(
          ChannelAlertKind.DEMAND_SPIKE,
          { ...d, message: `last 7 days: ${d.message}` },
          r.buyer_id,
          r.variant_id,
          s.now,
        ),
      );
  }
  return out;
}

async function outOfTerritory(s: Scope): Promise<AlertValue[]> {
  const rows = await s.db.execute<{
    buyer_id: number;
    number: string;
    flag_reason: string | null;
    created_at: string;
  }>(sql`
    select buyer_id, number, flag_reason, created_at from orders
    where flagged and buyer_path @> ARRAY[${s.viewerId}]::integer[] and buyer_id <> ${s.viewerId} and status <> 'CANCELLED'
      and created_at >= ${new Date(s.now.getTime() - FLAGGED_DAYS * DAY_MS).toISOString()}::timestamptz
    order by created_at desc limit ${MAX_FIRST}`);
  return rows.map((r) =>
    alert(
      ChannelAlertKind.OUT_OF_TERRITORY,
      {
        severity: 'WARNING',
        message: `${r.number} ships outside the seller's territory${r.flag_reason ? `: ${r.flag_reason}` : ''}`,
      },
      r.buyer_id,
      null,
      new Date(r.created_at),
    ),
  );
}

async function dormantBuyers(s: Scope): Promise<AlertValue[]> {
  const rows = await s.db.execute<{ buyer_id: number; orders: number; first_day: string; last_day: string }>(sql`
    select buyer_id, sum(orders)::int as orders, to_char(min(day), 'YYYY-MM-DD') as first_day, to_char(max(day), 'YYYY-MM-DD') as last_day
    from sales_orders_daily
    where buyer_path @> ARRAY[${s.viewerId}]::integer[] and buyer_id <> ${s.viewerId} and day > ${addDays(s.today, -RHYTHM_DAYS)}::date and day <= ${s.today}::date
    group by buyer_id having sum(orders) >= 3`);
  const out: AlertValue[] = [];
  for (const r of rows) {
    const span = (shanghaiDayStart(r.last_day).getTime() - shanghaiDayStart(r.first_day).getTime()) / DAY_MS;
    const d = dormantBuyer({
      lastOrderAt: shanghaiDayStart(r.last_day),
      averageDaysBetweenOrders: span / (r.orders - 1),
      now: s.now,
    });
    if (d) out.push(alert(ChannelAlertKind.DORMANT_BUYER, d, r.buyer_id, null, s.now));
  }
  return out;
}

async function creditAlerts(ctx: SignedInContext, s: Scope): Promise<AlertValue[]> {
  // V5: only ADMIN and FINANCE see credit; an ANALYST's alerts skip the query.
  if (!hasFinanceRole(ctx.viewer)) return [];
  const rows = await s.db.execute<{ id: number; path: number[]; used: string; lim: string }>(sql`
    select id, path, credit_used::text as used, credit_limit::text as lim from accounts
    where path @> ARRAY[${s.viewerId}]::integer[] and credit_limit > 0 and credit_used >= credit_limit * 0.9`);
  return rows.flatMap((r) => {
    if (!maySeeCredit(ctx.viewer, r)) return [];
    const d = creditNearLimit(Number(r.used), Number(r.lim));
    return d ? [alert(ChannelAlertKind.CREDIT_NEAR_LIMIT, d, r.id, null, s.now)] : [];
  });
}

async function slaBreaches(s: Scope): Promise<AlertValue[]> {
  const rows = await s.db.execute<{ assignee_id: number; n: number; numbers: string[]; latest: string }>(sql`
    with t as (
      select assignee_id, number, coalesce(least(first_response_breached_at, resolution_breached_at), resolve_due_at) as breached_at
      from tickets where sla_breached and assignee_path @> ARRAY[${s.viewerId}]::integer[])
    select assignee_id, count(*)::int as n, (array_agg(number order by breached_at desc))[1:3] as numbers, max(breached_at) as latest
    from t where breached_at >= ${new Date(s.now.getTime() - SLA_DAYS * DAY_MS).toISOString()}::timestamptz
    group by assignee_id`);
  return rows.map((r) =>
    alert(
      ChannelAlertKind.SLA_BREACHES,
      {
        severity: r.n >= 3 ? 'CRITICAL' : 'WARNING',
        message: `${r.n} ticket${r.n === 1 ? '' : 's'} breached the SLA in the last ${SLA_DAYS} days (${r.numbers.join(', ')}${r.n > 3 ? ', …' : ''})`,
      },
      r.assignee_id,
      null,
      new Date(r.latest),
    ),
  );
}

/** Stock of the subtree's warehouses whose cover, at the last four weeks' pace, is shorter than the lead time. */
async function lowStockAlerts(s: Scope): Promise<AlertValue[]> {
  const from = shanghaiDayStart(addDays(s.today, -STOCK_DEMAND_DAYS + 1)).toISOString();
  const rows = await s.db.execute<{
    owner_id: number;
    name: string;
    variant_id: number;
    on_hand: number;
    reserved: number;
    moq: number;
    inc: number;
    weeks: number[];
  }>(sql`
    with d as (
      select f.warehouse_id, fl.variant_id, ((${s.today}::date - (o.created_at at time zone ${sql.raw(`'${SALES_TIME_ZONE}'`)})::date) / 7)::int as week, sum(fl.quantity)::int as units
      from fulfillments f join fulfillment_lines fl on fl.fulfillment_id = f.id join orders o on o.id = f.order_id
      join warehouses w on w.id = f.warehouse_id join accounts a on a.id = w.owner_id
      where a.path @> ARRAY[${s.viewerId}]::integer[] and f.status <> 'CANCELLED' and o.status <> 'CANCELLED' and o.created_at >= ${from}::timestamptz
      group by 1, 2, 3),
    w as (select warehouse_id, variant_id, array[
        coalesce(sum(units) filter (where week = 0), 0), coalesce(sum(units) filter (where week = 1), 0),
        coalesce(sum(units) filter (where week = 2), 0), coalesce(sum(units) filter (where week = 3), 0)]::int[] as weeks
      from d group by 1, 2)
    select wh.owner_id, wh.name, s.variant_id, s.on_hand, s.reserved, v.min_order_quantity as moq, v.order_increment as inc, w.weeks
    from w join stock_levels s on s.warehouse_id = w.warehouse_id and s.variant_id = w.variant_id
    join warehouses wh on wh.id = w.warehouse_id join variants v on v.id = w.variant_id`);
  const out: AlertValue[] = [];
  for (const r of rows) {
    const mean = r.weeks.reduce((a, b) => a + b, 0) / STOCK_DEMAND_DAYS;
    const weekMean = mean * 7;
    const sdWeek = Math.sqrt(r.weeks.reduce((a, u) => a + (u - weekMean) ** 2, 0) / (r.weeks.length - 1));
    const plan = replenish({
      onHand: r.on_hand,
      reserved: r.reserved,
      demand: { mean, sd: sdWeek / Math.sqrt(7) },
      leadTimeDays: LEAD_TIME_DAYS,
      coverDays: 30,
      serviceLevel: 0.95,
      minOrderQuantity: r.moq,
      orderIncrement: r.inc,
    });
    const d = lowStock(plan, LEAD_TIME_DAYS);
    if (d)
      out.push(
        alert(
          ChannelAlertKind.LOW_STOCK,
          { ...d, message: `${r.name}: ${d.message}` },
          r.owner_id,
          r.variant_id,
          s.now,
        ),
      );
  }
  return out;
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { CRITICAL: 0, WARNING: 1, INFO: 2 };

export async function channelAlerts(
  ctx: SignedInContext,
  first: number | null | undefined,
  kinds: ChannelAlertKind[] | null | undefined,
): Promise<AlertValue[]> {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 1 || n > MAX_FIRST) throw badInput(`first must be between 1 and ${MAX_FIRST}`);
  const wanted = new Set(kinds?.length ? kinds : Object.values(ChannelAlertKind));
  const now = ctx.now();
  const s: Scope = { db: ctx.db, viewerId: ctx.viewer.accountId, today: shanghaiDay(now), now };
  const detectors: [ChannelAlertKind, () => Promise<AlertValue[]>][] = [
    [ChannelAlertKind.DEMAND_SPIKE, () => demandSpikes(s)],
    [ChannelAlertKind.OUT_OF_TERRITORY, () => outOfTerritory(s)],
    [ChannelAlertKind.DORMANT_BUYER, () => dormantBuyers(s)],
    [ChannelAlertKind.CREDIT_NEAR_LIMIT, () => creditAlerts(ctx, s)],
    [ChannelAlertKind.SLA_BREACHES, () => slaBreaches(s)],
    [ChannelAlertKind.LOW_STOCK, () => lowStockAlerts(s)],
  ];
  const found = (await Promise.all(detectors.filter(([k]) => wanted.has(k)).map(([, run]) => run()))).flat();
  return found
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        b.detectedAt.getTime() - a.detectedAt.getTime() ||
        a.accountId - b.accountId,
    )
    .slice(0, n);
}
