import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';
import { Node } from '../../graphql/node.js';
import { Account, ChannelTier, Money } from '../accounts/types.js';
import { Variant } from '../catalog/types.js';
import { OrderChannel } from '../orders/types.js';
import type { MoneyValue } from '../../lib/money.js';

// ---------------------------------------------------------------- sales reports

export enum SalesDimension {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  PARTNER = 'PARTNER',
  SELLER = 'SELLER',
  BUYER = 'BUYER',
  BUYER_TIER = 'BUYER_TIER',
  CHANNEL = 'CHANNEL',
  CATEGORY = 'CATEGORY',
  PRODUCT = 'PRODUCT',
  VARIANT = 'VARIANT',
  PILOT = 'PILOT',
}
registerEnumType(SalesDimension, {
  name: 'SalesDimension',
  description:
    "What to group sales by. PARTNER is the viewer's direct buyer whose subtree placed the order (for the brand: its general agents; for an agent: its distributors). PILOT splits accounts in and out of the feature flag given as SalesReportInput.pilotFlag.",
});

export enum ComparePeriod {
  PREVIOUS_PERIOD = 'PREVIOUS_PERIOD',
  SAME_PERIOD_LAST_YEAR = 'SAME_PERIOD_LAST_YEAR',
}
registerEnumType(ComparePeriod, {
  name: 'ComparePeriod',
  valuesConfig: {
    PREVIOUS_PERIOD: {
      description:
        'The period just before, as long: as many whole months when the period is whole months, else as many days.',
    },
    SAME_PERIOD_LAST_YEAR: { description: 'The same dates one year earlier (29 February maps to 28 February).' },
  },
});

export enum OrderCounting {
  ORDERS = 'ORDERS',
  ORDER_LINES = 'ORDER_LINES',
}
registerEnumType(OrderCounting, {
  name: 'OrderCounting',
  description: 'What SalesMetrics.orders counted.',
  valuesConfig: {
    ORDERS: { description: 'Distinct orders.' },
    ORDER_LINES: {
      description:
        'Order lines: the figure is grouped by product or category, or filtered by skus or categories, and an order with two matching skus counts twice (each line is an order of its sku).',
    },
  },
});

@InputType()
export class SalesFilter {
  @Field(() => [OrderChannel], { nullable: true }) channels?: OrderChannel[] | null;
  @Field(() => [String], { nullable: true, description: 'Ship-to regions; a code covers its subdivisions.' })
  regionCodes?: string[] | null;
  @Field(() => [ID], { nullable: true, description: "Orders placed inside these accounts' subtrees." }) accountIds?:
    string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Products of these categories or their subcategories.' })
  categoryIds?: string[] | null;
  @Field(() => [String], { nullable: true }) skus?: string[] | null;
}

@InputType({
  description:
    "Sales of the orders the viewer can see (V1), at the prices they were placed at, cancelled orders excluded. `buyerTier` says whose purchases count: by default the viewer's direct buyers' tier (the viewer's own sales, sell-in); RETAILER counts retailers' purchases (sell-through to the end market).",
})
export class SalesReportInput {
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar, { description: 'Inclusive.' }) to!: string;
  @Field(() => ChannelTier, { nullable: true }) buyerTier?: ChannelTier | null;
  @Field(() => [SalesDimension], { nullable: true }) groupBy?: SalesDimension[] | null;
  @Field(() => SalesFilter, { nullable: true }) filter?: SalesFilter | null;
  @Field(() => ComparePeriod, { nullable: true }) compareTo?: ComparePeriod | null;
  @Field(() => String, {
    nullable: true,
    description:
      'A feature flag key: with the PILOT dimension, splits buyers in and out of it; without it, counts only buyers in it.',
  })
  pilotFlag?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Rows are ordered by revenue, largest first; at most this many (1..1000, default 100).',
  })
  first?: number | null;
}

@ObjectType()
export class SalesMetrics {
  @Field(() => Money) revenue!: MoneyValue;
  @Field(() => Int, { description: 'Distinct orders, or order lines when `ordersCountedAs` says so.' }) orders!: number;
  @Field(() => Int) units!: number;
  @Field(() => Int, { description: 'Distinct buying accounts.' }) buyers!: number;
  @Field(() => Money, { description: 'revenue ÷ orders.' }) averageOrderValue!: MoneyValue;
  @Field(() => Float, { description: 'Share of revenue from ONLINE orders, 0..1.' }) onlineShare!: number;
  @Field(() => OrderCounting) ordersCountedAs!: OrderCounting;
}

@ObjectType()
export class SalesKey {
  @Field(() => SalesDimension) dimension!: SalesDimension;
  @Field(() => String, { description: 'A stable key: a date, a region code, a global id, an enum value.' })
  value!: string;
  @Field(() => String) label!: string;
  @Field(() => Node, {
    nullable: true,
    description: 'The account, product, variant or category, when the key is one and it is visible.',
  })
  node!: unknown;
}

@ObjectType()
export class SalesRow {
  @Field(() => [SalesKey], { description: 'One key per groupBy dimension, in the same order.' }) keys!: SalesKey[];
  @Field(() => SalesMetrics) metrics!: SalesMetrics;
  @Field(() => SalesMetrics, { nullable: true, description: 'The same keys in the compared period (compareTo).' })
  previous!: SalesMetrics | null;
  @Field(() => Float, {
    nullable: true,
    description: '(revenue − previous revenue) ÷ previous revenue; null without a previous revenue.',
  })
  growth!: number | null;
}

@ObjectType()
export class SalesReport {
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The compared period (compareTo).' }) previousFrom!:
    string | null;
  @Field(() => DateScalar, { nullable: true }) previousTo!: string | null;
  @Field(() => ChannelTier, {
    nullable: true,
    description:
      'Whose purchases were counted; null when the viewer has no buyers (a retailer not asking for its own tier).',
  })
  buyerTier!: ChannelTier | null;
  @Field(() => SalesMetrics) totals!: SalesMetrics;
  @Field(() => SalesMetrics, { nullable: true }) previousTotals!: SalesMetrics | null;
  @Field(() => [SalesRow]) rows!: SalesRow[];
  @Field(() => Int, { description: 'Groups in the period before `first` cut them.' }) groupCount!: number;
  @Field(() => Date, { description: 'How fresh the figures are: orders committed before this instant are counted.' })
  asOf!: Date;
}

// ---------------------------------------------------------------- account insights

@ObjectType()
export class MonthlySales {
  @Field(() => DateScalar) month!: string;
  @Field(() => Money) revenue!: MoneyValue;
  @Field(() => Int) orders!: number;
}

@ObjectType()
export class ProductSales {
  @Field(() => Variant) variant!: unknown;
  @Field(() => Int) units!: number;
  @Field(() => Money) revenue!: MoneyValue;
}

@ObjectType({
  description: 'The 360° view of an account for itself and its ancestors (V1); money that is credit follows V5.',
})
export class AccountInsights {
  @Field(() => [MonthlySales], {
    description: "The last 12 whole months and the current one, oldest first: the account's purchases.",
  })
  monthly!: unknown;
  @Field(() => Money) revenueYearToDate!: unknown;
  @Field(() => Money) revenuePreviousYearToDate!: unknown;
  @Field(() => Date, { nullable: true }) lastOrderAt!: unknown;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean days between its orders over the last 12 months; null with fewer than 3.',
  })
  averageDaysBetweenOrders!: unknown;
  @Field(() => [ProductSales], { description: 'What it bought most over the last 12 months, by revenue.' })
  topVariants!: unknown;
  @Field(() => Int, { description: 'Its orders not yet completed or cancelled.' }) openOrders!: unknown;
  @Field(() => Int, { description: 'Tickets it opened or handles that are not resolved or closed.' })
  openTickets!: unknown;
  @Field(() => Int, { description: 'Tickets it opened or handles whose SLA was breached in the last 90 days.' })
  slaBreachesLast90Days!: unknown;
  @Field(() => Float, {
    nullable: true,
    description: 'used ÷ limit; null without a limit, or when the viewer may not see credit (V5).',
  })
  creditUtilization!: unknown;
}

// ---------------------------------------------------------------- forecasts

export enum ForecastGranularity {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(ForecastGranularity, { name: 'ForecastGranularity' });

export enum ForecastHistory {
  FULL = 'FULL',
  SHORT = 'SHORT',
  VERY_SHORT = 'VERY_SHORT',
}
registerEnumType(ForecastHistory, {
  name: 'ForecastHistory',
  description: 'How much history the series had, and so which methods competed.',
  valuesConfig: {
    FULL: { description: 'Two seasons or more: seasonal methods competed, seasonal naive is the baseline.' },
    SHORT: { description: 'Under two seasons: only non-seasonal methods, naive is the baseline.' },
    VERY_SHORT: { description: 'Too few periods to backtest: a flat forecast with wide intervals and no scores.' },
  },
});

@InputType()
export class DemandForecastInput {
  @Field(() => String) sku!: string;
  @Field(() => ID, {
    nullable: true,
    description: "Demand from this account's subtree (default: the viewer's account).",
  })
  accountId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Demand shipped to this region (a code covers its subdivisions).',
  })
  regionCode?: string | null;
  @Field(() => ForecastGranularity, { nullable: true, defaultValue: ForecastGranularity.WEEK })
  granularity?: ForecastGranularity | null;
  @Field(() => Int, { description: 'Periods ahead: 1..26 weeks or 1..12 months.' }) horizon!: number;
  @Field(() => ChannelTier, {
    nullable: true,
    description:
      "Whose orders are the demand: by default the account's direct buyers' tier (what they order from it), its own purchases for a retailer. One tier, so goods are not counted once per tier they pass through.",
  })
  buyerTier?: ChannelTier | null;
}

@ObjectType()
export class DemandPoint {
  @Field(() => DateScalar) periodStart!: string;
  @Field(() => Int) units!: number;
}

@ObjectType()
export class ForecastPoint {
  @Field(() => DateScalar) periodStart!: string;
  @Field(() => Float) units!: number;
  @Field(() => Float, { description: '80% prediction interval.' }) lower!: number;
  @Field(() => Float) upper!: number;
}

@ObjectType()
export class ForecastCandidate {
  @Field(() => String) method!: string;
  @Field(() => Float, { nullable: true }) mase!: number | null;
  @Field(() => Float, { nullable: true }) smape!: number | null;
}

@ObjectType({
  description:
    "Rolling-origin evaluation on the series' own history: each candidate method is fitted on the history up to an origin and scored on the periods after it. MASE is scaled by the in-sample seasonal-naive error (below 1 beats it).",
})
export class ForecastBacktest {
  @Field(() => Int) origins!: number;
  @Field(() => Int) horizon!: number;
  @Field(() => Float, { nullable: true }) mase!: number | null;
  @Field(() => Float, { nullable: true }) smape!: number | null;
  @Field(() => String) baselineMethod!: string;
  @Field(() => Float, { nullable: true }) baselineMase!: number | null;
  @Field(() => Float, { nullable: true }) baselineSmape!: number | null;
  @Field(() => [ForecastCandidate]) candidates!: ForecastCandidate[];
  @Field(() => String, {
    nullable: true,
    description:
      'Which in-sample error scaled MASE: SEASONAL_NAIVE, or NAIVE when the history is shorter than a season; null without a backtest.',
  })
  scale!: string | null;
}

@ObjectType()
export class DemandForecast {
  @Field(() => Variant) variant!: unknown;
  @Field(() => ForecastGranularity) granularity!: ForecastGranularity;
  @Field(() => String, { description: 'The method the backtest chose, e.g. SEASONAL_NAIVE, HOLT_WINTERS, ETS.' })
  method!: string;
  @Field(() => [DemandPoint], { description: 'Units ordered per period (cancelled orders excluded), oldest first.' })
  history!: DemandPoint[];
  @Field(() => [ForecastPoint]) points!: ForecastPoint[];
  @Field(() => ForecastBacktest) backtest!: ForecastBacktest;
  @Field(() => ForecastHistory) historyStatus!: ForecastHistory;
  @Field(() => String, {
    nullable: true,
    description: 'Why the answer is limited (a short history, a shortened backtest), in words.',
  })
  note!: string | null;
}

// ---------------------------------------------------------------- replenishment

@InputType()
export class ReplenishmentInput {
  @Field(() => ID, { description: "A warehouse the viewer's account owns (or one in its subtree)." })
  warehouseId!: string;
  @Field(() => Int, { nullable: true, defaultValue: 7 }) leadTimeDays?: number | null;
  @Field(() => Int, { nullable: true, defaultValue: 30, description: 'Days of demand to cover after the lead time.' })
  coverDays?: number | null;
  @Field(() => Float, {
    nullable: true,
    defaultValue: 0.95,
    description: 'Probability of not running out during the lead time, 0.5..0.999.',
  })
  serviceLevel?: number | null;
}

@ObjectType()
export class ReplenishmentSuggestion {
  @Field(() => Variant) variant!: unknown;
  @Field(() => Int) onHand!: number;
  @Field(() => Int) reserved!: number;
  @Field(() => Float, { description: 'Forecast units over lead time plus cover.' }) expectedDemand!: number;
  @Field(() => Int) safetyStock!: number;
  @Field(() => Int) reorderPoint!: number;
  @Field(() => Int, {
    description: "Rounded up to the variant's minimum order quantity and increment; 0 when nothing is needed.",
  })
  suggestedQuantity!: number;
  @Field(() => Float, { nullable: true }) daysOfCover!: number | null;
  @Field(() => String, { description: 'In words, e.g. "sells 12 a week, 9 days of cover left, 7 days lead time".' })
  reason!: string;
}

// ---------------------------------------------------------------- recommendations

export enum RecommendationKind {
  BOUGHT_TOGETHER = 'BOUGHT_TOGETHER',
  POPULAR_NEARBY = 'POPULAR_NEARBY',
  REORDER_DUE = 'REORDER_DUE',
  NEW_IN_ASSORTMENT = 'NEW_IN_ASSORTMENT',
}
registerEnumType(RecommendationKind, {
  name: 'RecommendationKind',
  valuesConfig: {
    BOUGHT_TOGETHER: { description: 'Often bought together with what this buyer buys.' },
    POPULAR_NEARBY: { description: 'Selling well to similar buyers nearby, not yet bought by this one.' },
    REORDER_DUE: { description: "Bought regularly and due again, by this buyer's own rhythm." },
    NEW_IN_ASSORTMENT: { description: 'Newly offered to this buyer.' },
  },
});

@ObjectType()
export class Recommendation {
  @Field(() => Variant, { description: 'Always a variant the buyer may order (V2).' }) variant!: unknown;
  @Field(() => RecommendationKind) kind!: RecommendationKind;
  @Field(() => Float) score!: number;
  @Field(() => String) reason!: string;
}

// ---------------------------------------------------------------- alerts

export enum ChannelAlertKind {
  DEMAND_SPIKE = 'DEMAND_SPIKE',
  OUT_OF_TERRITORY = 'OUT_OF_TERRITORY',
  DORMANT_BUYER = 'DORMANT_BUYER',
  CREDIT_NEAR_LIMIT = 'CREDIT_NEAR_LIMIT',
  SLA_BREACHES = 'SLA_BREACHES',
  LOW_STOCK = 'LOW_STOCK',
}
registerEnumType(ChannelAlertKind, {
  name: 'ChannelAlertKind',
  valuesConfig: {
    DEMAND_SPIKE: { description: 'Orders far above the forecast for a buyer or region: a parallel-goods (窜货) risk.' },
    OUT_OF_TERRITORY: { description: "Orders shipped outside the seller's territory (flagged under V6 FLAG)." },
    DORMANT_BUYER: { description: 'A buyer that stopped ordering, by its own rhythm.' },
  },
});

export enum AlertSeverity {
  INFO = 'INFO',
  WARNING = 'WARNING',
  CRITICAL = 'CRITICAL',
}
registerEnumType(AlertSeverity, { name: 'AlertSeverity' });

@ObjectType()
export class ChannelAlert {
  @Field(() => ChannelAlertKind) kind!: ChannelAlertKind;
  @Field(() => AlertSeverity) severity!: AlertSeverity;
  @Field(() => Account, { description: "The account it is about, in the viewer's subtree." }) account!: unknown;
  @Field(() => Variant, { nullable: true }) variant!: unknown;
  @Field(() => String) message!: string;
  @Field(() => Date) detectedAt!: Date;
}
