import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { warehouseKind } from './tables.js';
import { Node } from '../../graphql/node.js';
import { UserError } from '../../graphql/errors.js';
import { Address, AddressInput, SellerProfile } from '../accounts/types.js';
import { Region } from '../regions/types.js';
import { connectionTypes } from '../../graphql/connection.js';

export const WarehouseKind = graphqlEnum(warehouseKind.enumValues, 'WarehouseKind');
export type WarehouseKind = (typeof warehouseKind.enumValues)[number];

export const AvailabilityStatus = graphqlEnum(['IN_STOCK', 'LOW_STOCK', 'OUT_OF_STOCK'], 'AvailabilityStatus');
export type AvailabilityStatus = keyof typeof AvailabilityStatus;

@ObjectType({ implements: Node })
export class Warehouse extends Node {
  @Field(() => String) name!: string;
  @Field(() => WarehouseKind) kind!: WarehouseKind;
  @Field(() => SellerProfile) owner!: unknown;
  @Field(() => Address) address!: unknown;
  @Field(() => [Region], { description: 'Regions this warehouse delivers to.' }) coverage!: unknown;
}

@ObjectType()
export class StockLevel {
  @Field(() => Warehouse) warehouse!: unknown;
  @Field(() => Int) onHand!: number;
  @Field(() => Int) reserved!: number;
  @Field(() => Int) available!: number;
}

export const { Edge: StockLevelEdge, Connection: StockLevelConnection } = connectionTypes(StockLevel, 'StockLevel');

@ObjectType({ description: 'What a buyer can get through its own supply chain.' })
export class Availability {
  @Field(() => AvailabilityStatus) status!: AvailabilityStatus;
  @Field(() => Int, {
    nullable: true,
    description: 'Units its seller chain can deliver to its region; null for anonymous viewers.',
  })
  availableQuantity!: number | null;
}

@InputType()
export class CreateWarehouseInput {
  @Field(() => ID) ownerId!: string;
  @Field(() => String) name!: string;
  @Field(() => WarehouseKind) kind!: WarehouseKind;
  @Field(() => AddressInput) address!: AddressInput;
  @Field(() => [String]) coverage!: string[];
}

@ObjectType()
export class WarehousePayload {
  @Field(() => Warehouse, { nullable: true }) warehouse!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType({
  description: 'Sets on-hand quantity per (warehouse, sku); other rows are kept. Reserved stock is untouched.',
})
export class StockLevelInput {
  @Field(() => ID) warehouseId!: string;
  @Field(() => String) sku!: string;
  @Field(() => Int) onHand!: number;
}

@ObjectType()
export class StockLevelsPayload {
  @Field(() => Int) count!: number;
  @Field(() => [UserError]) userErrors!: UserError[];
}
