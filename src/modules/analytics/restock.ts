/**
 * replenishmentSuggestions: per variant stocked in a warehouse, demand is
 * what orders routed to that warehouse asked of it (fulfillment lines of
 * orders not cancelled), weekly; the pure core forecasts it and applies the
 * DESIGN.md formula (replenishment.ts). Most urgent first.
 */
import { sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import type { DbOrTx } from '../../db/client.js';
import type { VariantRow } from '../catalog/tables.js';
import { findVisibleWarehouse } from '../inventory/service.js';
import { rememberedForecast } from './forecast/memo.js';
import { addPeriods, periodStartOf, SEASON_LENGTH } from './periods.js';
import {
  byUrgency,
  dailyDemandFromForecast,
  replenish,
  type DailyDemand,
  type ReplenishmentPlan,
} from './replenishment.js';
import { SALES_TIME_ZONE } from './rollup.js';
import { shanghaiDay, shanghaiDayStart } from '../../lib/dates.js';
import type { ReplenishmentInput } from './types.js';
import { visibleOrNull } from '../../auth/access.js';

/** Two years of weeks: enough for the seasonal candidates to compete. */
const HISTORY_WEEKS = 104;
/**
 * Fewer backtest origins than demandForecast's 8: a warehouse has hundreds of
 * skus and the answer is wanted in well under a second (test/bench W3). Four
 * origins still choose between the candidates and give the one-step error
 * that becomes σ.
 */
const ORIGINS = 4;
const MAX_DAYS = 365;
/** Fewer weeks with orders than this in the history: intermittent demand (see dailyDemand). */
const MIN_SELLING_WEEKS = 13;

export interface StockDemand {
  variantId: number;
  onHand: number;
  reserved: number;
  /** Units per week, oldest first, from the first week it was asked for to the last whole week. */
  weekly: number[];
}

/** Stock rows of the warehouse with their weekly demand, in two statements; weeks are counted in SQL. */
export async function warehouseDemand(db: DbOrTx, warehouseId: number, today: string): Promise<StockDemand[]> {
  const current = periodStartOf(today, 'WEEK');
  const first = addPeriods(current, 'WEEK', -HISTORY_WEEKS);
  const [stock, demand] = await Promise.all([
    db.execute<{ variant_id: number; on_hand: number; reserved: number }>(sql`
      select variant_id, on_hand, reserved from stock_levels where warehouse_id = ${warehouseId} order by variant_id`),
    db.execute<{ variant_id: number; week: number; units: number }>(sql`
      select fl.variant_id, ((o.created_at at time zone ${sql.raw(`'${SALES_TIME_ZONE}'`)})::date - ${first}::date) / 7 as week, sum(fl.quantity)::int as units
      from fulfillments f
      join fulfillment_lines fl on fl.fulfillment_id = f.id
      join orders o on o.id = f.order_id
      where f.warehouse_id = ${warehouseId} and f.status <> 'CANCELLED' and o.status <> 'CANCELLED'
        and o.created_at >= ${shanghaiDayStart(first).toISOString()}::timestamptz and o.created_at < ${shanghaiDayStart(current).toISOString()}::timestamptz
      group by 1, 2`),
  ]);
  const series = new Map<number, number[]>();
  for (const r of demand) {
    let weeks = series.get(r.variant_id);
    if (!weeks) series.set(r.variant_id, (weeks = new Array<number>(HISTORY_WEEKS).fill(0)));
    weeks[r.week] += r.units;
  }
  return stock.map((s) => {
    const weeks = series.get(s.variant_id) ?? [];
    // From the first week it was asked for: weeks before a sku was stocked are not zero demand.
    const start = weeks.findIndex((u) => u > 0);
    return {
      variantId: s.variant_id,
      onHand: s.on_hand,
      reserved: s.reserved,
      weekly: start < 0 ? [] : weeks.slice(start),
    };
  });
}

export interface RestockOptions {
  leadTimeDays: number;
  coverDays: number;
  serviceLevel: number;
}

/** The plan of one variant: its weekly demand forecast over lead time plus cover, then the formula. */
export function planFor(
  d: StockDemand,
  variant: Pick<VariantRow, 'minOrderQuantity' | 'orderIncrement'>,
  o: RestockOptions,
): ReplenishmentPlan {
  const days = o.leadTimeDays + o.coverDays;
  const horizon = Math.max(1, Math.ceil(days / 7));
  return replenish({
    onHand: d.onHand,
    reserved: d.reserved,
    demand: dailyDemand(d.weekly, horizon, days),
    leadTimeDays: o.leadTimeDays,
    coverDays: o.coverDays,
    serviceLevel: o.serviceLevel,
    minOrderQuantity: variant.minOrderQuantity,
    orderIncrement: variant.orderIncrement,
  });
}

/**
 * μ and σ of daily demand. A sku asked for in fewer than MIN_SELLING_WEEKS
 * weeks is intermittent: smoothing and seasons have nothing to find in a few
 * scattered orders, so its weekly mean and spread stand for it. Others are
 * forecast (the backtest's choice) over lead time plus cover.
 */
export function dailyDemand(weekly: readonly number[], horizon: number, days: number): DailyDemand {
  const selling = weekly.filter((u) => u > 0).length;
  if (selling === 0) return { mean: 0, sd: 0 };
  if (selling < MIN_SELLING_WEEKS) {
    const mean = weekly.reduce((a, b) => a + b, 0) / weekly.length;
    const sd =
      weekly.length > 1 ? Math.sqrt(weekly.reduce((a, u) => a + (u - mean) ** 2, 0) / (weekly.length - 1)) : mean;
    return { mean: mean / 7, sd: sd / Math.sqrt(7) };
  }
  return dailyDemandFromForecast(
    rememberedForecast(weekly, { seasonLength: SEASON_LENGTH.WEEK, horizon, maxOrigins: ORIGINS }),
    7,
    Math.max(days, 1),
  );
}

export function restockOptions(
  input: Pick<ReplenishmentInput, 'leadTimeDays' | 'coverDays' | 'serviceLevel'>,
): RestockOptions {
  const leadTimeDays = input.leadTimeDays ?? 7;
  const coverDays = input.coverDays ?? 30;
  const serviceLevel = input.serviceLevel ?? 0.95;
  if (!Number.isInteger(leadTimeDays) || leadTimeDays < 0 || leadTimeDays > MAX_DAYS)
    throw badInput(`leadTimeDays must be between 0 and ${MAX_DAYS}`);
  if (!Number.isInteger(coverDays) || coverDays < 0 || coverDays > MAX_DAYS)
    throw badInput(`coverDays must be between 0 and ${MAX_DAYS}`);
  if (!(serviceLevel >= 0.5 && serviceLevel <= 0.999)) throw badInput('serviceLevel must be between 0.5 and 0.999');
  return { leadTimeDays, coverDays, serviceLevel };
}

export type SuggestionValue = Omit<ReplenishmentPlan, 'slackDays'> & { variant: VariantRow };

export async function replenishmentSuggestions(
  ctx: SignedInContext,
  input: ReplenishmentInput,
): Promise<SuggestionValue[]> {
  const options = restockOptions(input);
  // V1: a warehouse of the viewer's account or its subtree; any other is as if it did not exist.
  const warehouse = await visibleOrNull(ctx, input.warehouseId, 'Warehouse', findVisibleWarehouse);
  if (!warehouse) return [];
  const demand = await warehouseDemand(ctx.reportDb, warehouse.id, shanghaiDay(ctx.now()));
  const variants = await ctx.loaders.catalog.variantById.loadMany(demand.map((d) => d.variantId));
  const plans = demand.flatMap((d, i) => {
    const variant = variants[i];
    return variant && !(variant instanceof Error) ? [{ variant, plan: planFor(d, variant, options) }] : [];
  });
  // Stable sort on rows already in variant order: ties stay by variant.
  plans.sort((a, b) => byUrgency(a.plan, b.plan));
  return plans.map(({ variant, plan: { slackDays: _slack, ...p } }) => ({ variant, ...p }));
}
