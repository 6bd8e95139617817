import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { Node } from '../../graphql/node.js';
import { Account, Money } from '../accounts/types.js';
import type { AccountRow } from '../accounts/tables.js';
import { Variant } from '../catalog/types.js';
import { salesReport, keyNode, type SalesKeyValue } from './sales-report.js';
import * as insights from './insights.js';
import { demandForecast } from './demand.js';
import { replenishmentSuggestions } from './restock.js';
import { recommendations } from './recommendations.js';
import { channelAlerts, type AlertValue } from './channel-alerts.js';
import {
  AccountInsights,
  ChannelAlert,
  ChannelAlertKind,
  DemandForecast,
  DemandForecastInput,
  MonthlySales,
  ProductSales,
  Recommendation,
  ReplenishmentInput,
  ReplenishmentSuggestion,
  SalesKey,
  SalesReport,
  SalesReportInput,
} from './types.js';

@Resolver()
export class AnalyticsResolver {
  @Query(() => SalesReport, {
    description:
      'Sales of the orders the viewer can see (V1), from the daily rollups: grouped, filtered, compared. ADMIN and ANALYST users.',
  })
  salesReport(@Ctx() ctx: SignedInContext, @Arg('input', () => SalesReportInput) input: SalesReportInput) {
    return salesReport(ctx, input);
  }

  @Query(() => DemandForecast, {
    nullable: true,
    description:
      "A sku's demand in the viewer's subtree, forecast with its backtest; null when the sku or the account is not visible.",
  })
  demandForecast(@Ctx() ctx: SignedInContext, @Arg('input', () => DemandForecastInput) input: DemandForecastInput) {
    return demandForecast(ctx, input);
  }

  @Query(() => [ReplenishmentSuggestion], {
    description:
      "What to reorder for a warehouse of the viewer's account or its subtree, most urgent first; empty for any other.",
  })
  replenishmentSuggestions(
    @Ctx() ctx: SignedInContext,
    @Arg('input', () => ReplenishmentInput) input: ReplenishmentInput,
  ) {
    return replenishmentSuggestions(ctx, input);
  }

  @Query(() => [Recommendation], {
    description: "For the viewer's account, or (sellers) for a buyer in the viewer's subtree.",
  })
  recommendations(
    @Ctx() ctx: SignedInContext,
    @Arg('accountId', () => ID, { nullable: true }) accountId: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
  ) {
    return recommendations(ctx, accountId, first);
  }

  @Query(() => [ChannelAlert], { description: "Alerts over the viewer's subtree, most severe and most recent first." })
  channelAlerts(
    @Ctx() ctx: SignedInContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('kinds', () => [ChannelAlertKind], { nullable: true }) kinds: ChannelAlertKind[] | null,
  ) {
    return channelAlerts(ctx, first, kinds);
  }
}

@Resolver(() => SalesKey)
export class SalesKeyResolver {
  @FieldResolver(() => Node, { nullable: true })
  node(@Ctx() ctx: SignedInContext, @Root() key: SalesKeyValue) {
    return keyNode(ctx, key);
  }
}

@Resolver(() => Account)
export class AccountInsightsResolver {
  @FieldResolver(() => AccountInsights, {
    nullable: true,
    description: 'The 360° view of the account (ADMIN and ANALYST users of it and its ancestors).',
  })
  insights(@Ctx() ctx: Context, @Root() a: AccountRow) {
    return insights.insightsOf(ctx, a);
  }
}

@Resolver(() => AccountInsights)
export class AccountInsightsFieldsResolver {
  @FieldResolver(() => [MonthlySales])
  monthly(@Ctx() ctx: Context, @Root() i: insights.InsightsValue) {
    return insights.monthly(ctx, i);
  }

  @FieldResolver(() => Money)
  revenueYearToDate(@Ctx() ctx: Context, @Root() i: insights.InsightsValue) {
    return insights.revenueYearToDate(ctx, i);
  }

  @FieldResolver(() => Money)
  revenuePreviousYearToDate(@Ctx() ctx: Context, @Root() i: insights.InsightsValue) {
    return insights.revenuePreviousYearToDate(ctx, i);
  }

  @FieldResolver(() => Date, { nullable: true })
  lastOrderAt(@Ctx() ctx: Context, @Root() i: insights.InsightsValue) {
    return insights.lastOrderAt(ctx, i);
  }

  @FieldResolver(() => Float, { nullable: true })
  averageDaysBetweenOrders(@Ctx() ctx: Context, @Root() i: insights.InsightsValue) {
    return insights.averageDaysBetweenOrders(ctx, i);
  }

  @FieldResolver(() => [ProductSales])
  topVariants(
    @Ctx() ctx: Context,
    @Root() i: insights.InsightsValue,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first: number | null,
  ) {
    return insights.topVariants(ctx, i, first);
  }

  @FieldResolver(() => Int)
  openOrders(@Ctx() ctx: Context, @Root() i: insights.InsightsValue) {
    return insights.openOrders(ctx, i);
  }

  @FieldResolver(() => Int)
  openTickets(@Ctx() ctx: Context, @Root() i: insights.InsightsValue) {
    return insights.openTickets(ctx, i);
  }

  @FieldResolver(() => Int)
  slaBreachesLast90Days(@Ctx() ctx: Context, @Root() i: insights.InsightsValue) {
    return insights.slaBreachesLast90Days(ctx, i);
  }

  @FieldResolver(() => Float, { nullable: true })
  creditUtilization(@Ctx() ctx: SignedInContext, @Root() i: insights.InsightsValue) {
    return insights.creditUtilization(ctx, i);
  }
}

@Resolver(() => ChannelAlert)
export class ChannelAlertResolver {
  @FieldResolver(() => Account)
  account(@Ctx() ctx: Context, @Root() a: AlertValue) {
    return ctx.loaders.accounts.byId.load(a.accountId);
  }

  @FieldResolver(() => Variant, { nullable: true })
  variant(@Ctx() ctx: Context, @Root() a: AlertValue) {
    return a.variantId === null ? null : ctx.loaders.catalog.variantById.load(a.variantId);
  }
}
