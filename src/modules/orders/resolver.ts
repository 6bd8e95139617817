import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import { money } from '../../lib/money.js';
import { Account, Address, Money, SellerProfile } from '../accounts/types.js';
import type { AccountRow } from '../accounts/tables.js';
import { Variant } from '../catalog/types.js';
import { PriceStep } from '../pricing/types.js';
import { Warehouse } from '../inventory/types.js';
import * as orders from './service.js';
import { placeOrder } from './place.js';
import { cancelOrder, confirmDelivery, confirmOrder, shipFulfillment } from './lifecycle.js';
import { traceBatch } from './trace.js';
import type { FulfillmentRow, OrderEventRow, OrderLineRow, OrderRow } from './tables.js';
import {
  BatchShipment,
  Fulfillment,
  FulfillmentLine,
  Order,
  OrderEvent,
  OrderConnection,
  OrderFilter,
  OrderLine,
  OrderPayload,
  PlaceOrderInput,
  ShipFulfillmentInput,
} from './types.js';

registerNode('Order', orders.findVisible);

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => OrderConnection, { description: "Orders of buyers in the viewer's subtree (V1), newest first." })
  orders(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | null,
  ) {
    return orders.list(ctx, first, after, filter);
  }

  @Query(() => Order, { nullable: true, description: "Null when the order is outside the viewer's scope." })
  order(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return orders.byGlobalId(ctx, id);
  }

  @Query(() => [BatchShipment], {
    description: 'Shipments that carried a batch code, for the sellers above them (窜货 tracing).',
  })
  traceBatch(@Ctx() ctx: SignedInContext, @Arg('code', () => String) code: string) {
    return traceBatch(ctx, code);
  }

  @Mutation(() => OrderPayload)
  placeOrder(@Ctx() ctx: SignedInContext, @Arg('input', () => PlaceOrderInput) input: PlaceOrderInput) {
    return placeOrder(ctx, input);
  }

  @Mutation(() => OrderPayload, { description: 'The seller (or an ancestor) confirms a submitted order.' })
  confirmOrder(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string) {
    return confirmOrder(ctx, id);
  }

  @Mutation(() => OrderPayload)
  cancelOrder(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ) {
    return cancelOrder(ctx, id, reason);
  }

  @Mutation(() => OrderPayload)
  shipFulfillment(@Ctx() ctx: SignedInContext, @Arg('input', () => ShipFulfillmentInput) input: ShipFulfillmentInput) {
    return shipFulfillment(ctx, input);
  }

  @Mutation(() => OrderPayload, { description: 'The buyer confirms receipt of all shipped fulfillments.' })
  confirmDelivery(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string) {
    return confirmDelivery(ctx, id);
  }

  @FieldResolver(() => ID)
  id(@Root() o: OrderRow) {
    return toGlobalId('Order', o.id);
  }

  @FieldResolver(() => Account)
  buyer(@Ctx() ctx: Context, @Root() o: OrderRow) {
    return orders.account(ctx, o.buyerId);
  }

  @FieldResolver(() => SellerProfile)
  seller(@Ctx() ctx: Context, @Root() o: OrderRow) {
    return orders.account(ctx, o.sellerId);
  }

  @FieldResolver(() => SellerProfile)
  serviceProvider(@Ctx() ctx: Context, @Root() o: OrderRow) {
    return orders.account(ctx, o.serviceProviderId);
  }

  @FieldResolver(() => [OrderLine])
  lines(@Ctx() ctx: Context, @Root() o: OrderRow) {
    return orders.lines(ctx, o);
  }

  @FieldResolver(() => Money)
  subtotal(@Root() o: OrderRow) {
    return money(o.subtotal);
  }

  @FieldResolver(() => Money)
  discountTotal(@Root() o: OrderRow) {
    return money(o.discountTotal);
  }

  @FieldResolver(() => Money)
  total(@Root() o: OrderRow) {
    return money(o.total);
  }

  @FieldResolver(() => Address)
  shipTo(@Ctx() ctx: Context, @Root() o: OrderRow) {
    return orders.shipTo(ctx, o);
  }

  @FieldResolver(() => [Fulfillment])
  fulfillments(@Ctx() ctx: Context, @Root() o: OrderRow) {
    return orders.fulfillmentsOf(ctx, o);
  }

  @FieldResolver(() => [OrderEvent])
  events(@Ctx() ctx: Context, @Root() o: OrderRow) {
    return orders.events(ctx, o);
  }
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => Variant)
  variant(@Ctx() ctx: Context, @Root() l: OrderLineRow) {
    return orders.lineVariant(ctx, l);
  }

  @FieldResolver(() => Money)
  listPrice(@Root() l: OrderLineRow) {
    return money(l.listPrice);
  }

  @FieldResolver(() => Money)
  unitPrice(@Root() l: OrderLineRow) {
    return money(l.unitPrice);
  }

  @FieldResolver(() => Money)
  lineTotal(@Root() l: OrderLineRow) {
    return money(l.lineTotal);
  }

  @FieldResolver(() => [PriceStep])
  priceSteps(@Root() l: OrderLineRow) {
    return l.priceSteps.map((s) => ({
      kind: s.kind,
      description: s.description,
      amount: { amount: s.amount, currencyCode: 'CNY' },
    }));
  }
}

@Resolver(() => OrderEvent)
export class OrderEventResolver {
  @FieldResolver(() => String, { nullable: true })
  actor(@Ctx() ctx: Context, @Root() e: OrderEventRow) {
    return orders.eventActor(ctx, e);
  }
}

@Resolver(() => Fulfillment)
export class FulfillmentResolver {
  @FieldResolver(() => ID)
  id(@Root() f: FulfillmentRow) {
    return toGlobalId('Fulfillment', f.id);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Ctx() ctx: Context, @Root() f: FulfillmentRow) {
    return orders.fulfillmentWarehouse(ctx, f);
  }

  @FieldResolver(() => [FulfillmentLine])
  lines(@Ctx() ctx: Context, @Root() f: FulfillmentRow) {
    return orders.fulfillmentLinesOf(ctx, f);
  }
}

@Resolver(() => BatchShipment)
export class BatchShipmentResolver {
  @FieldResolver(() => Account)
  buyer(@Ctx() ctx: Context, @Root() b: { buyerId: number }) {
    return orders.account(ctx, b.buyerId);
  }

  @FieldResolver(() => SellerProfile)
  seller(@Ctx() ctx: Context, @Root() b: { sellerId: number }) {
    return orders.account(ctx, b.sellerId);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Ctx() ctx: Context, @Root() b: { warehouseId: number }) {
    return ctx.loaders.inventory.warehouseById.load(b.warehouseId);
  }
}

@Resolver(() => Account)
export class AccountOrdersResolver {
  @FieldResolver(() => OrderConnection, { description: 'Orders this account placed (V1).' })
  orders(
    @Ctx() ctx: Context,
    @Root() a: AccountRow,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | null,
  ) {
    return orders.ofAccount(ctx, a, first, after, filter);
  }
}
