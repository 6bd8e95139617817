import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync, getMetadataStorage } from 'type-graphql';
import { applyMiddleware } from 'graphql-middleware';
import { DateTimeScalar } from './scalars.js';
import { NodeResolver } from './node.js';
import { enumTypes as errorCodeEnums } from './error-codes.js';
import { permissions } from '../permissions/shield.js';
import { AccountResolver, PortalResolver, SellerProfileResolver } from '../modules/accounts/resolver.js';
import { AccountUsersResolver, UserResolver, ViewerResolver } from '../modules/users/resolver.js';
import { CategoryResolver, ProductResolver, VariantResolver } from '../modules/catalog/resolver.js';
import {
  PriceListAssignmentResolver,
  PriceListEntryResolver,
  PriceListResolver,
  PromotionResolver,
  VariantPricingResolver,
} from '../modules/pricing/resolver.js';
import {
  AccountOrdersResolver,
  BatchShipmentResolver,
  FulfillmentResolver,
  OrderEventResolver,
  OrderLineResolver,
  OrderResolver,
} from '../modules/orders/resolver.js';
import {
  AccountTicketsResolver,
  ReturnAuthorizationResolver,
  SlaPolicyResolver,
  TicketCommentResolver,
  TicketResolver,
} from '../modules/tickets/resolver.js';
import {
  AccountFinanceResolver,
  InvoiceRequestResolver,
  LedgerEntryResolver,
  RebateAccrualResolver,
  RebatePolicyResolver,
  StatementResolver,
} from '../modules/finance/resolver.js';
import { NotificationResolver, ViewerNotificationsResolver } from '../modules/notifications/resolver.js';
import { StockLevelResolver, VariantStockResolver, WarehouseResolver } from '../modules/inventory/resolver.js';
import {
  AccountInsightsFieldsResolver,
  AccountInsightsResolver,
  AnalyticsResolver,
  ChannelAlertResolver,
  SalesKeyResolver,
} from '../modules/analytics/resolver.js';
import { AccountApiKeysResolver, ApiKeyResolver, ViewerApiKeyResolver } from '../modules/apikeys/resolver.js';
import {
  AccountWebhooksResolver,
  WebhookDeliveryResolver,
  WebhookEndpointResolver,
} from '../modules/webhooks/resolver.js';

import { FeatureFlagResolver } from '../modules/flags/resolver.js';
import { AuditEntryResolver } from '../modules/audit/resolver.js';

const resolvers = [
  NodeResolver,
  AccountResolver,
  SellerProfileResolver,
  PortalResolver,
  UserResolver,
  AccountUsersResolver,
  ViewerResolver,
  ProductResolver,
  VariantResolver,
  CategoryResolver,
  PriceListResolver,
  PriceListAssignmentResolver,
  PriceListEntryResolver,
  PromotionResolver,
  VariantPricingResolver,
  WarehouseResolver,
  StockLevelResolver,
  VariantStockResolver,
  OrderResolver,
  OrderLineResolver,
  OrderEventResolver,
  FulfillmentResolver,
  BatchShipmentResolver,
  AccountOrdersResolver,
  TicketResolver,
  TicketCommentResolver,
  ReturnAuthorizationResolver,
  SlaPolicyResolver,
  AccountTicketsResolver,
  NotificationResolver,
  ViewerNotificationsResolver,
  AccountFinanceResolver,
  LedgerEntryResolver,
  StatementResolver,
  InvoiceRequestResolver,
  RebatePolicyResolver,
  RebateAccrualResolver,
  AnalyticsResolver,
  SalesKeyResolver,
  AccountInsightsResolver,
  AccountInsightsFieldsResolver,
  ChannelAlertResolver,
  ApiKeyResolver,
  AccountApiKeysResolver,
  ViewerApiKeyResolver,
  WebhookEndpointResolver,
  WebhookDeliveryResolver,
  AccountWebhooksResolver,
  FeatureFlagResolver,
  AuditEntryResolver,
] as const;

/**
 * A plain field (no @FieldResolver) of an object type resolves by graphql-js's
 * default resolver, reading the property itself, instead of through
 * type-graphql's wrapper (a closure call and a `resolverData` object per
 * field, thousands on a catalog page). The wrapper exists to run type-graphql
 * middlewares and its auth checker: this project uses neither (permissions are
 * graphql-shield's map, applied to the built schema whatever a field's
 * resolver is), so a field that declares either, or whose schema name is not
 * its property's, keeps it.
 */
function resolvePlainFieldsSimply(): void {
  const storage = getMetadataStorage();
  for (const type of storage.objectTypes) type.simpleResolvers ??= true;
  for (const field of storage.fields) {
    if (field.middlewares?.length || field.roles?.length || field.schemaName !== field.name) field.simple = false;
  }
}

/** The schema as the code declares it, before the permission layer. */
export function buildBaseSchema(): GraphQLSchema {
  resolvePlainFieldsSimply();
  const config = buildSchemaSync({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  }).toConfig();
  // The error-code enums document UserError.code (a String in the contract): no field refers to them.
  return new GraphQLSchema({ ...config, types: [...config.types, ...errorCodeEnums] });
}

/** What the server runs: the declared schema wrapped by the permission map. */
export function buildExecutableSchema(): GraphQLSchema {
  return applyMiddleware(buildBaseSchema(), permissions());
}

/** The SDL committed as schema/schema.graphql: sorted, so it diffs cleanly. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
