/**
 * demandForecast: a sku's demand history from the daily rollup (the viewer's
 * subtree only, V1), made into a weekly or monthly series, forecast by the
 * pure core (forecast/), mapped onto DemandForecast.
 */
import { sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import type { DbOrTx } from '../../db/client.js';
import { isRegionCode, regionPrefix } from '../regions/regions.js';
import type { AccountRow, Tier } from '../accounts/tables.js';
import type { VariantRow } from '../catalog/tables.js';
import { variantBySku } from '../catalog/service.js';
import type { DemandForecastResult } from './forecast/index.js';
import { rememberedForecast as forecast } from './forecast/memo.js';
import { addPeriods, denseSeries, periodStartOf, SEASON_LENGTH, type DayUnits, type Granularity } from './periods.js';
import { shanghaiDay } from '../../lib/dates.js';
import { ForecastGranularity, ForecastHistory, type DemandForecastInput } from './types.js';
import { visibleOrNull } from '../../auth/access.js';
import { findVisibleBatched } from '../accounts/service.js';

const MAX_HORIZON: Record<Granularity, number> = { WEEK: 26, MONTH: 12 };
/** Three years at most: older demand says little about the next weeks, and the fit stays fast. */
const MAX_HISTORY: Record<Granularity, number> = { WEEK: 156, MONTH: 36 };
const NEXT_TIER: Record<Tier, Tier | null> = {
  BRAND: 'GENERAL_AGENT',
  GENERAL_AGENT: 'DISTRIBUTOR',
  DISTRIBUTOR: 'RETAILER',
  RETAILER: null,
};

/** Whose orders are an account's demand: its direct buyers' tier; a retailer's own purchases. */
export function demandTier(account: Pick<AccountRow, 'tier'>): Tier {
  return NEXT_TIER[account.tier] ?? account.tier;
}

export interface DemandScope {
  variantId: number;
  /** Orders placed inside this subtree… */
  accountId: number;
  /** …by buyers of this tier… */
  tier: Tier;
  /** …shipped into this region (a code covers its subdivisions). */
  regionCode: string | null;
}

/**
 * Periods of history that end before the current (unfinished) one: from the
 * first period with a sale (at most MAX_HISTORY back) to the last whole one.
 */
export async function demandHistory(db: DbOrTx, scope: DemandScope, granularity: Granularity, today: string) {
  const current = periodStartOf(today, granularity);
  const earliest = addPeriods(current, granularity, -MAX_HISTORY[granularity]);
  const rows = await db.execute<{ day: string; units: number }>(sql`
    select to_char(day, 'YYYY-MM-DD') as day, sum(units)::int as units
    from sales_daily
    where variant_id = ${scope.variantId} and buyer_path @> ARRAY[${scope.accountId}]::integer[] and buyer_tier = ${scope.tier}::channel_tier
      and day >= ${earliest}::date and day < ${current}::date
      ${scope.regionCode ? sql`and region_code like ${`${regionPrefix(scope.regionCode)}%`}` : sql``}
    group by day order by day`);
  const days: DayUnits[] = rows.map((r) => ({ day: r.day, units: r.units }));
  if (!days.length) return { current, history: [] };
  const first = periodStartOf(days[0].day, granularity);
  let periods = 0;
  while (addPeriods(first, granularity, periods) < current) periods++;
  return { current, history: denseSeries(days, first, periods, granularity) };
}

export interface DemandForecastValue {
  variant: VariantRow;
  granularity: ForecastGranularity;
  method: string;
  history: { periodStart: string; units: number }[];
  points: { periodStart: string; units: number; lower: number; upper: number }[];
  backtest: DemandForecastResult['backtest'];
  historyStatus: ForecastHistory;
  note: string | null;
}

export async function demandForecast(
  ctx: SignedInContext,
  input: DemandForecastInput,
): Promise<DemandForecastValue | null> {
  const granularity = (input.granularity ?? ForecastGranularity.WEEK) as Granularity;
  const max = MAX_HORIZON[granularity];
  if (!Number.isInteger(input.horizon) || input.horizon < 1 || input.horizon > max)
    throw badInput(`horizon must be between 1 and ${max} for ${granularity}`);
  if (input.sku.length > 64) throw badInput('A sku is at most 64 characters');
  if (input.regionCode != null && !isRegionCode(input.regionCode))
    throw badInput(`${input.regionCode.slice(0, 20)} is not a GB/T 2260 region code`);
  const variant = await variantBySku(ctx, input.sku);
  const account =
    input.accountId == null
      ? ctx.viewer.account
      : await visibleOrNull(ctx, input.accountId, 'Account', findVisibleBatched);
  // Outside the catalog scope (V2) or the subtree (V1): nothing to say, as for node(id:).
  if (!variant || !account) return null;

  const scope: DemandScope = {
    variantId: variant.id,
    accountId: account.id,
    tier: (input.buyerTier as Tier | null) ?? demandTier(account),
    regionCode: input.regionCode ?? null,
  };
  const { current, history } = await demandHistory(ctx.reportDb, scope, granularity, shanghaiDay(ctx.now()));
  const result = forecast(
    history.map((p) => p.units),
    { seasonLength: SEASON_LENGTH[granularity], horizon: input.horizon },
  );
  return {
    variant,
    granularity: granularity as ForecastGranularity,
    method: result.method,
    history,
    points: result.points.map((p) => ({
      periodStart: addPeriods(current, granularity, p.step - 1),
      units: p.units,
      lower: p.lower,
      upper: p.upper,
    })),
    backtest: result.backtest,
    historyStatus: result.history as ForecastHistory,
    note: result.note,
  };
}
