import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { fulfillmentStatus, orderChannel, orderKind, orderStatus } from './tables.js';
import { Node } from '../../graphql/node.js';
import { connectionTypes } from '../../graphql/connection.js';
import { UserError } from '../../graphql/errors.js';
import { Account, Address, AddressInput, Money, SellerProfile } from '../accounts/types.js';
import { Variant } from '../catalog/types.js';
import { PriceStep } from '../pricing/types.js';
import { Warehouse } from '../inventory/types.js';
import { Region } from '../regions/types.js';

export const OrderStatus = graphqlEnum(orderStatus.enumValues, 'OrderStatus');
export type OrderStatus = (typeof orderStatus.enumValues)[number];

export const OrderChannel = graphqlEnum(orderChannel.enumValues, 'OrderChannel');
export type OrderChannel = (typeof orderChannel.enumValues)[number];

export const OrderKind = graphqlEnum(orderKind.enumValues, 'OrderKind', {
  valuesConfig: {
    REPLACEMENT: {
      description:
        'The no-charge replacement of an approved EXCHANGE ticket (ReturnAuthorization.replacementOrder): not a sale.',
    },
  },
});
export type OrderKind = (typeof orderKind.enumValues)[number];

export const FulfillmentStatus = graphqlEnum(fulfillmentStatus.enumValues, 'FulfillmentStatus');
export type FulfillmentStatus = (typeof fulfillmentStatus.enumValues)[number];

@ObjectType()
export class OrderLine {
  @Field(() => Variant) variant!: unknown;
  @Field(() => String) sku!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Money, { description: 'Unit price from the price list, before promotions.' }) listPrice!: unknown;
  @Field(() => Money) unitPrice!: unknown;
  @Field(() => Money) lineTotal!: unknown;
  @Field(() => [PriceStep], { description: 'How the unit price was reached when the order was placed.' })
  priceSteps!: unknown;
}

@ObjectType()
export class FulfillmentLine {
  @Field(() => String) sku!: string;
  @Field(() => Int) quantity!: number;
}

@ObjectType({ description: 'Part of an order served from one warehouse, with the reason it was routed there.' })
export class Fulfillment {
  @Field(() => ID) id!: string;
  @Field(() => Warehouse) warehouse!: unknown;
  @Field(() => FulfillmentStatus) status!: FulfillmentStatus;
  @Field(() => [FulfillmentLine]) lines!: unknown;
  @Field(() => String) routingReason!: string;
  @Field(() => String, { nullable: true }) trackingNumber!: string | null;
  @Field(() => [String]) batchCodes!: string[];
  @Field(() => Date, { nullable: true }) shippedAt!: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
}

@ObjectType()
export class OrderEvent {
  @Field(() => Date) at!: Date;
  @Field(() => String) kind!: string;
  @Field(() => OrderStatus, { nullable: true }) status!: OrderStatus | null;
  @Field(() => String, { nullable: true }) actor!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType({
  implements: Node,
  description: "An order. Visible to the buyer and its ancestors (V1); attributed to the buyer's seller.",
})
export class Order extends Node {
  @Field(() => String) number!: string;
  @Field(() => OrderStatus) status!: OrderStatus;
  @Field(() => OrderChannel) channel!: OrderChannel;
  @Field(() => OrderKind, { description: 'SALE, or REPLACEMENT (an exchange shipped at no charge).' }) kind!: OrderKind;
  @Field(() => Account) buyer!: unknown;
  @Field(() => SellerProfile, { description: "The account the order is attributed to (the buyer's seller)." })
  seller!: unknown;
  @Field(() => SellerProfile, { description: 'Who delivers, installs and handles after-sales.' })
  serviceProvider!: unknown;
  @Field(() => [OrderLine]) lines!: unknown;
  @Field(() => Money) subtotal!: unknown;
  @Field(() => Money) discountTotal!: unknown;
  @Field(() => Money) total!: unknown;
  @Field(() => Address) shipTo!: unknown;
  @Field(() => [Fulfillment]) fulfillments!: unknown;
  @Field(() => [OrderEvent]) events!: unknown;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Boolean, { description: "V6: accepted outside the seller's territory under the FLAG policy." })
  flagged!: boolean;
  @Field(() => String, { nullable: true }) flagReason!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The buyer's or the ERP's own reference; unique per buyer when given.",
  })
  externalRef!: string | null;
  @Field(() => Date, {
    description:
      'The last change of the order, its fulfillments or its status (for incremental sync: OrderFilter.updatedSince).',
  })
  updatedAt!: Date;
}

export const { Edge: OrderEdge, Connection: OrderConnection } = connectionTypes(Order, 'Order');

@InputType()
export class OrderFilter {
  @Field(() => OrderStatus, { nullable: true }) status?: OrderStatus | null;
  @Field(() => ID, { nullable: true }) buyerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Orders attributed to this seller.' }) sellerId?: string | null;
  @Field(() => OrderChannel, { nullable: true }) channel?: OrderChannel | null;
  @Field(() => Date, { nullable: true }) createdAfter?: Date | null;
  @Field(() => Date, { nullable: true }) createdBefore?: Date | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'V6: only orders flagged for shipping outside the seller territory.',
  })
  flagged?: boolean | null;
  @Field(() => Date, { nullable: true, description: 'Orders changed at or after this instant (for incremental sync).' })
  updatedSince?: Date | null;
  @Field(() => String, { nullable: true }) number?: string | null;
  @Field(() => String, { nullable: true }) externalRef?: string | null;
  @Field(() => String, { nullable: true, description: 'Orders with a line of this sku.' }) sku?: string | null;
  @Field(() => String, { nullable: true, description: 'Ship-to region; a code covers its subdivisions.' }) regionCode?:
    string | null;
}

@InputType()
export class OrderLineInput {
  @Field(() => String) sku!: string;
  @Field(() => Int) quantity!: number;
}

@InputType()
export class PlaceOrderInput {
  @Field(() => ID, {
    nullable: true,
    description: "Defaults to the viewer's account; a seller may order on behalf of an account in its subtree.",
  })
  buyerId?: string | null;
  @Field(() => [OrderLineInput]) lines!: OrderLineInput[];
  @Field(() => AddressInput, { nullable: true, description: "Defaults to the buyer's address." })
  shipTo?: AddressInput | null;
  @Field(() => OrderChannel, { nullable: true, defaultValue: 'ONLINE' }) channel?: OrderChannel | null;
  @Field(() => String, { description: 'Retrying with the same key returns the first result and never places twice.' })
  idempotencyKey!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The buyer's or its ERP's own reference (1–100 characters); unique per buyer: another order with it is EXTERNAL_REF_TAKEN.",
  })
  externalRef?: string | null;
}

@ObjectType()
export class OrderPayload {
  @Field(() => Order, { nullable: true }) order!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class ShipFulfillmentInput {
  @Field(() => ID) fulfillmentId!: string;
  @Field(() => String, { nullable: true }) trackingNumber?: string | null;
  @Field(() => [String], { nullable: true }) batchCodes?: string[] | null;
}

@ObjectType({ description: 'A shipment that carried a batch code: where parallel goods came from.' })
export class BatchShipment {
  @Field(() => String) batchCode!: string;
  @Field(() => Order) order!: unknown;
  @Field(() => Account) buyer!: unknown;
  @Field(() => SellerProfile) seller!: unknown;
  @Field(() => Region) shipToRegion!: unknown;
  @Field(() => Warehouse) warehouse!: unknown;
  @Field(() => Date, { nullable: true }) shippedAt!: Date | null;
}
