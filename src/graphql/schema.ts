import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { applyMiddleware } from 'graphql-middleware';
import { DateTimeScalar } from './scalars.js';
import { NodeResolver } from './node.js';
import { permissions } from '../permissions/shield.js';
import { AccountResolver, PortalResolver, SellerProfileResolver } from '../modules/accounts/resolver.js';
import { UserResolver, ViewerResolver } from '../modules/users/resolver.js';
import { CategoryResolver, ProductResolver, VariantResolver } from '../modules/catalog/resolver.js';
import {
  PriceListAssignmentResolver,
  PriceListEntryResolver,
  PriceListResolver,
  PromotionResolver,
} from '../modules/pricing/resolver.js';
import {
  AccountOrdersResolver,
  BatchShipmentResolver,
  FulfillmentResolver,
  OrderLineResolver,
  OrderResolver,
} from '../modules/orders/resolver.js';
import {
  AccountTicketsResolver,
  ReturnAuthorizationResolver,
  SlaPolicyResolver,
  TicketCommentResolver,
  TicketResolver,
} from '../modules/service/resolver.js';
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

const resolvers = [
  NodeResolver,
  AccountResolver,
  SellerProfileResolver,
  PortalResolver,
  UserResolver,
  ViewerResolver,
  ProductResolver,
  VariantResolver,
  CategoryResolver,
  PriceListResolver,
  PriceListAssignmentResolver,
  PriceListEntryResolver,
  PromotionResolver,
  WarehouseResolver,
  StockLevelResolver,
  VariantStockResolver,
  OrderResolver,
  OrderLineResolver,
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
] as const;

/** The schema as the code declares it, before the permission layer. */
export function buildBaseSchema(): GraphQLSchema {
  return buildSchemaSync({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
}

/** What the server runs: the declared schema wrapped by the permission map. */
export function buildExecutableSchema(): GraphQLSchema {
  return applyMiddleware(buildBaseSchema(), permissions());
}

/** The SDL committed as schema/schema.graphql: sorted, so it diffs cleanly. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
