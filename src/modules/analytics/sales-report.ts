/**
 * salesReport: sales of the orders the viewer can see (V1), from the daily
 * rollups, grouped, compared and labelled. DESIGN.md "Analytics".
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { keyOf, toGlobalId } from '../../graphql/ids.js';
import { intArray, textArray } from '../../db/sql.js';
import { money } from '../../lib/money.js';
import { isRegionCode, regionName } from '../regions/regions.js';
import type { Tier } from '../accounts/tables.js';
import { ChannelTier } from '../accounts/types.js';
import { addDays, addMonths, daysBetween, lastOfMonth, wholeMonths } from '../../lib/dates.js';
import { findFlag, type FlagRow } from './pilot.js';
import {
  PRODUCT_DIMENSIONS,
  salesStatement,
  type AggregateRow,
  type Period,
  type RollupGrain,
  type RollupTable,
  type SalesQuery,
} from './sales-sql.js';
import { ComparePeriod, OrderCounting, SalesDimension, type SalesMetrics, type SalesReportInput } from './types.js';

const MAX_SPAN_DAYS = 3 * 366;
const MAX_DIMENSIONS = 4;
const MAX_LIST = 200;
const MAX_SKUS = 500;
const MAX_FIRST = 1000;
const DEFAULT_FIRST = 100;

const NEXT_TIER: Record<Tier, Tier | null> = {
  BRAND: 'GENERAL_AGENT',
  GENERAL_AGENT: 'DISTRIBUTOR',
  DISTRIBUTOR: 'RETAILER',
  RETAILER: null,
};

/** A key as the service hands it to the SalesKey resolver: `ref` is what `node` resolves, through scoped loaders. */
export interface SalesKeyValue {
  dimension: SalesDimension;
  value: string;
  label: string;
  ref: { type: 'Account' | 'Category' | 'Product' | 'Variant'; id: number } | null;
}

export interface SalesRowValue {
  keys: SalesKeyValue[];
  metrics: SalesMetrics;
  previous: SalesMetrics | null;
  growth: number | null;
}

export interface SalesReportValue {
  from: string;
  to: string;
  previousFrom: string | null;
  previousTo: string | null;
  buyerTier: ChannelTier | null;
  totals: SalesMetrics;
  previousTotals: SalesMetrics | null;
  rows: SalesRowValue[];
  groupCount: number;
  asOf: Date;
}

// ---------------------------------------------------------------------------
// Input

function checkList<T>(list: readonly T[] | null | undefined, name: string, max = MAX_LIST): readonly T[] | null {
  if (list == null) return null;
  if (list.length > max) throw badInput(`filter.${name} takes at most ${max} values`);
  return list;
}

/** The compared period, and how its days map onto the current period's (so DAY, WEEK and MONTH keys line up). */
export function comparedPeriod(
  current: Period,
  compareTo: ComparePeriod,
): { period: Period; shift: (day: SQL) => SQL } {
  const months = wholeMonths(current.from, current.to);
  if (compareTo === ComparePeriod.SAME_PERIOD_LAST_YEAR) {
    const to = addMonths(current.to, -12);
    // Whole months stay whole months: February 2025 compares with all of February 2024.
    return {
      period: { from: addMonths(current.from, -12), to: months === null ? to : lastOfMonth(to) },
      shift: (d) => sql`(${d} + interval '12 months')::date`,
    };
  }
  if (months !== null) {
    const from = addMonths(current.from, -months);
    return {
      period: { from, to: lastOfMonth(addMonths(from, months - 1)) },
      shift: (d) => sql`(${d} + ${sql.raw(`interval '${months} months'`)})::date`,
    };
  }
  const n = daysBetween(current.from, current.to) + 1;
  return {
    period: { from: addDays(current.from, -n), to: addDays(current.from, -1) },
    shift: (d) => sql`(${d} + ${sql.raw(String(n))})`,
  };
}

/** Variant ids of the product filters (skus and categories with their subcategories); null without them. */
async function productFilter(
  ctx: SignedInContext,
  skus: readonly string[] | null,
  categoryIds: readonly string[] | null,
): Promise<number[] | null> {
  if (skus === null && categoryIds === null) return null;
  const parts: SQL[] = [];
  if (skus !== null) {
    for (const s of skus) if (typeof s !== 'string' || s.length > 64) throw badInput('A sku is at most 64 characters');
    parts.push(sql`v.sku = any(${textArray(skus)})`);
  }
  if (categoryIds !== null) {
    const ids = categoryIds.map((id) => keyOf(id, 'Category')).filter((k): k is number => k !== null);
    parts.push(sql`p.category_id in (
      with recursive sub as (select id from categories where id = any(${intArray(ids)})
        union select c.id from categories c join sub on c.parent_id = sub.id)
      select id from sub)`);
  }
  const rows = await ctx.db.execute<{ id: number }>(
    sql`select v.id from variants v join products p on p.id = v.product_id where ${sql.join(parts, sql` and `)}`,
  );
  return rows.map((r) => r.id);
}

interface Plan {
  query: SalesQuery;
  /** Set when the totals must come from the order-level rollup (product dimensions without a product filter). */
  totalsQuery: SalesQuery | null;
  rowCounting: OrderCounting;
  totalCounting: OrderCounting;
  tier: Tier | null;
}

async function plan(ctx: SignedInContext, input: SalesReportInput): Promise<Plan> {
  const { from, to } = input;
  if (from > to) throw badInput('from must not be after to');
  if (daysBetween(from, to) + 1 > MAX_SPAN_DAYS) throw badInput('A report spans at most three years');
  const dims = input.groupBy ?? [];
  if (dims.length > MAX_DIMENSIONS) throw badInput(`groupBy takes at most ${MAX_DIMENSIONS} dimensions`);
  if (new Set(dims).size !== dims.length) throw badInput('groupBy names a dimension twice');
  const first = input.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST)
    throw badInput(`first must be between 1 and ${MAX_FIRST}`);

  let pilot: FlagRow | null = null;
  if (input.pilotFlag != null) {
    if (input.pilotFlag.length > 100) throw badInput('pilotFlag is at most 100 characters');
    pilot = await findFlag(ctx, input.pilotFlag);
    if (!pilot) throw badInput(`There is no feature flag ${input.pilotFlag}`);
  }
  if (dims.includes(SalesDimension.PILOT) && !pilot) throw badInput('The PILOT dimension needs a pilotFlag');

  const f = input.filter ?? {};
  const regionCodes = checkList(f.regionCodes, 'regionCodes');
  for (const c of regionCodes ?? [])
    if (!isRegionCode(c)) throw badInput(`${String(c).slice(0, 20)} is not a GB/T 2260 region code`);
  const accountIds = checkList(f.accountIds, 'accountIds');
  const channels = checkList(f.channels, 'channels');
  const variantIds = await productFilter(
    ctx,
    checkList(f.skus, 'skus', MAX_SKUS),
    checkList(f.categoryIds, 'categoryIds'),
  );

  const tier = input.buyerTier ?? NEXT_TIER[ctx.viewer.tier];
  const current = { from, to };
  const productDims = dims.some((d) => PRODUCT_DIMENSIONS.has(d));
  const table: RollupTable = productDims || variantIds !== null ? 'lines' : 'orders';
  const needsDays =
    [SalesDimension.DAY, SalesDimension.WEEK, SalesDimension.CHANNEL].some((d) => dims.includes(d)) ||
    channels !== null;
  const grain: RollupGrain = wholeMonths(from, to) !== null && !needsDays ? 'month' : 'day';
  const query: SalesQuery = {
    table,
    grain,
    viewerAccountId: ctx.viewer.accountId,
    viewerPath: ctx.viewer.accountPath,
    // No tier (a retailer's default): a tier no row has, so the report is empty.
    buyerTier: tier ?? 'BRAND',
    dims,
    current,
    previous: input.compareTo ? comparedPeriod(current, input.compareTo) : null,
    channels: channels ? [...channels] : null,
    regionCodes: regionCodes ? [...regionCodes] : null,
    // A malformed id or one outside the viewer's subtree matches nothing: the rows are the subtree's already.
    accountIds: accountIds ? accountIds.map((id) => keyOf(id, 'Account') ?? 0) : null,
    variantIds,
    pilot,
    limit: first,
  };
  // An order carries one line per sku: per VARIANT the lines are its orders; coarser product groups count lines.
  const exactRows = table === 'orders' || dims.includes(SalesDimension.VARIANT) || (variantIds?.length ?? 0) === 1;
  const exactTotals = table === 'orders' || variantIds === null || variantIds.length === 1;
  return {
    query,
    totalsQuery: table === 'lines' && variantIds === null ? { ...query, table: 'orders', dims: [], limit: 1 } : null,
    rowCounting: exactRows ? OrderCounting.ORDERS : OrderCounting.ORDER_LINES,
    totalCounting: exactTotals ? OrderCounting.ORDERS : OrderCounting.ORDER_LINES,
    tier,
  };
}

// ---------------------------------------------------------------------------
// Output

function metrics(row: AggregateRow | undefined, counting: OrderCounting): SalesMetrics {
  const revenue = BigInt(row?.revenue ?? '0');
  const orders = row?.orders ?? 0;
  const online = BigInt(row?.online ?? '0');
  // Half up, in fen.
  const aov = orders > 0 ? (revenue * 2n + BigInt(orders)) / (2n * BigInt(orders)) : 0n;
  return {
    revenue: money(revenue),
    orders,
    units: row?.units ?? 0,
    buyers: row?.buyers ?? 0,
    averageOrderValue: money(aov),
    onlineShare: revenue > 0n ? Number(online) / Number(revenue) : 0,
    ordersCountedAs: counting,
  };
}

const TIER_LABEL: Record<string, string> = {
  BRAND: 'Brand',
  GENERAL_AGENT: 'General agents',
  DISTRIBUTOR: 'Distributors',
  RETAILER: 'Retailers',
};
const CHANNEL_LABEL: Record<string, string> = { ONLINE: 'Online', OFFLINE: 'Offline', PHONE: 'Phone', ERP: 'ERP' };

function isoWeek(monday: string): string {
  const d = new Date(`${monday}T00:00:00Z`);
  const thursday = new Date(d.getTime() + 3 * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Labels for every key of the rows, with one batched lookup per kind of entity. */
async function labelKeys(
  ctx: SignedInContext,
  dims: SalesDimension[],
  rows: (string | null)[][],
  pilot: FlagRow | null,
): Promise<SalesKeyValue[][]> {
  const ids = (d: SalesDimension) => [
    ...new Set(
      rows
        .map((r) => r[dims.indexOf(d)])
        .filter((v): v is string => v !== null)
        .map(Number),
    ),
  ];
  const accountIds = [
    ...new Set(
      [SalesDimension.PARTNER, SalesDimension.SELLER, SalesDimension.BUYER]
        .filter((d) => dims.includes(d))
        .flatMap(ids),
    ),
  ];
  const [accounts, categories, products, variants] = await Promise.all([
    ctx.loaders.accounts.byId.loadMany(accountIds),
    dims.includes(SalesDimension.CATEGORY)
      ? ctx.loaders.catalog.categoryById.loadMany(ids(SalesDimension.CATEGORY))
      : [],
    dims.includes(SalesDimension.PRODUCT) ? ctx.loaders.catalog.productById.loadMany(ids(SalesDimension.PRODUCT)) : [],
    dims.includes(SalesDimension.VARIANT) ? ctx.loaders.catalog.variantById.loadMany(ids(SalesDimension.VARIANT)) : [],
  ]);
  const byId = <T extends { id: number }>(list: (T | Error | null)[]) =>
    new Map(list.filter((x): x is T => !!x && !(x instanceof Error)).map((x) => [x.id, x]));
  const accountOf = byId(accounts);
  const categoryOf = byId(categories);
  const productOf = byId(products);
  const variantOf = byId(variants);
  const variantProducts = byId(
    await ctx.loaders.catalog.productById.loadMany([...new Set([...variantOf.values()].map((v) => v.productId))]),
  );

  return rows.map((keys) =>
    dims.map((dimension, i): SalesKeyValue => {
      const raw = keys[i];
      switch (dimension) {
        case SalesDimension.DAY:
          return { dimension, value: raw!, label: raw!, ref: null };
        case SalesDimension.WEEK:
          return { dimension, value: raw!, label: isoWeek(raw!), ref: null };
        case SalesDimension.MONTH:
          return { dimension, value: raw!, label: raw!.slice(0, 7), ref: null };
        case SalesDimension.PROVINCE:
        case SalesDimension.CITY:
          return {
            dimension,
            value: raw!,
            label: regionName(raw!) ?? regionName(`${raw!.slice(0, 2)}0000`) ?? raw!,
            ref: null,
          };
        case SalesDimension.PARTNER:
        case SalesDimension.SELLER:
        case SalesDimension.BUYER: {
          const id = Number(raw);
          return {
            dimension,
            value: toGlobalId('Account', id),
            label: accountOf.get(id)?.name ?? '',
            ref: { type: 'Account', id },
          };
        }
        case SalesDimension.BUYER_TIER:
          return { dimension, value: raw!, label: TIER_LABEL[raw!] ?? raw!, ref: null };
        case SalesDimension.CHANNEL:
          return { dimension, value: raw!, label: CHANNEL_LABEL[raw!] ?? raw!, ref: null };
        case SalesDimension.CATEGORY: {
          if (raw === null) return { dimension, value: '', label: '(no category)', ref: null };
          const id = Number(raw);
          return {
            dimension,
            value: toGlobalId('Category', id),
            label: categoryOf.get(id)?.name ?? '',
            ref: { type: 'Category', id },
          };
        }
        case SalesDimension.PRODUCT: {
          const id = Number(raw);
          return {
            dimension,
            value: toGlobalId('Product', id),
            label: productOf.get(id)?.name ?? '',
            ref: { type: 'Product', id },
          };
        }
        case SalesDimension.VARIANT: {
          const id = Number(raw);
          const v = variantOf.get(id);
          const p = v && variantProducts.get(v.productId);
          return {
            dimension,
            value: toGlobalId('Variant', id),
            label: v ? `${v.sku} ${p?.name ?? ''} ${v.name}`.replace(/\s+/g, ' ').trim() : '',
            ref: { type: 'Variant', id },
          };
        }
        case SalesDimension.PILOT:
          return {
            dimension,
            value: raw!,
            label: raw === 'IN' ? `in pilot ${pilot!.key}` : `not in pilot ${pilot!.key}`,
            ref: null,
          };
      }
    }),
  );
}

export async function salesReport(ctx: SignedInContext, input: SalesReportInput): Promise<SalesReportValue> {
  const p = plan(ctx, input);
  const { query, totalsQuery, rowCounting, totalCounting, tier } = await p;
  const [rows, totalsRows] = await Promise.all([
    ctx.reportDb.execute<AggregateRow & Record<string, unknown>>(salesStatement(query)),
    totalsQuery ? ctx.reportDb.execute<AggregateRow & Record<string, unknown>>(salesStatement(totalsQuery)) : null,
  ]);
  const totalsFrom = totalsRows ?? rows;
  const total = (prev: boolean) => totalsFrom.find((r) => r.is_total && r.prev === prev);
  const keyOfRow = (r: AggregateRow) => JSON.stringify(r.keys);
  const previousByKey = new Map(rows.filter((r) => r.prev && !r.is_total).map((r) => [keyOfRow(r), r]));
  const current = rows
    .filter((r) => !r.prev && !r.is_total)
    .sort((a, b) => Number(BigInt(b.revenue) - BigInt(a.revenue)) || (keyOfRow(a) < keyOfRow(b) ? -1 : 1));
  const labels = await labelKeys(
    ctx,
    query.dims,
    current.map((r) => r.keys),
    query.pilot,
  );
  const compared = query.previous !== null;
  return {
    from: input.from,
    to: input.to,
    previousFrom: query.previous?.period.from ?? null,
    previousTo: query.previous?.period.to ?? null,
    buyerTier: tier,
    totals: metrics(total(false), totalCounting),
    previousTotals: compared ? metrics(total(true), totalCounting) : null,
    rows: current.map((r, i) => {
      const prev = compared ? previousByKey.get(keyOfRow(r)) : undefined;
      const prevRevenue = prev ? BigInt(prev.revenue) : 0n;
      return {
        keys: labels[i],
        metrics: metrics(r, rowCounting),
        previous: compared ? metrics(prev, rowCounting) : null,
        growth: prevRevenue > 0n ? Number(BigInt(r.revenue) - prevRevenue) / Number(prevRevenue) : null,
      };
    }),
    groupCount: rows[0]?.groups ?? 0,
    asOf: ctx.now(),
  };
}

/** SalesKey.node: the entity behind a key, through the viewer's scoped loaders; null when it is not visible. */
export async function keyNode(ctx: SignedInContext, key: SalesKeyValue): Promise<object | null> {
  if (!key.ref) return null;
  const { type, id } = key.ref;
  const row =
    type === 'Account'
      ? await ctx.loaders.accounts.visibleById.load(id)
      : type === 'Category'
        ? await ctx.loaders.analytics.visibleCategory.load(id)
        : type === 'Product'
          ? await ctx.loaders.analytics.visibleProduct.load(id)
          : await ctx.loaders.analytics.visibleVariant.load(id);
  return row && { ...row, __typename: type };
}
