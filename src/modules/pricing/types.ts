import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { PRICE_STEP_KINDS } from './engine-types.js';
import { promotionKind } from './tables.js';
import { Node } from '../../graphql/node.js';
import { UserError } from '../../graphql/errors.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { ChannelTier, Money, SellerProfile, Account } from '../accounts/types.js';
import { Variant } from '../catalog/types.js';

export const PriceStepKind = graphqlEnum(PRICE_STEP_KINDS, 'PriceStepKind');
export type PriceStepKind = (typeof PRICE_STEP_KINDS)[number];

export const PromotionKind = graphqlEnum(promotionKind.enumValues, 'PromotionKind');
export type PromotionKind = (typeof promotionKind.enumValues)[number];

@ObjectType({ description: 'One step of how a price was reached.' })
export class PriceStep {
  @Field(() => PriceStepKind) kind!: PriceStepKind;
  @Field(() => String) description!: string;
  @Field(() => Money, { description: 'The signed change this step made; the steps add up to the price.' })
  amount!: unknown;
}

@ObjectType({ description: 'A resolved unit price, with the steps that produced it.' })
export class Price {
  @Field(() => Money, { description: 'Unit price after promotions and the floor.' }) amount!: unknown;
  @Field(() => Money, { description: 'Unit price from the price list, before promotions.' }) listPrice!: unknown;
  @Field(() => Int) quantity!: number;
  @Field(() => Boolean) floorApplied!: boolean;
  @Field(() => [PriceStep]) steps!: PriceStep[];
}

@ObjectType()
export class PriceListAssignment {
  @Field(() => ChannelTier, { nullable: true }) tier!: ChannelTier | null;
  @Field(() => String, { nullable: true }) regionCode!: string | null;
  @Field(() => Account, { nullable: true }) account!: unknown;
}

@ObjectType({ implements: Node })
export class PriceList extends Node {
  @Field(() => String) name!: string;
  @Field(() => SellerProfile) owner!: unknown;
  @Field(() => String) currencyCode!: string;
  @Field(() => Int) priority!: number;
  @Field(() => Date, { nullable: true }) validFrom!: Date | null;
  @Field(() => Date, { nullable: true }) validTo!: Date | null;
  @Field(() => [PriceListAssignment]) assignments!: unknown[];
  @Field(() => [PriceListEntry]) entries!: unknown[];
}

@ObjectType()
export class PriceListEntry {
  @Field(() => PriceList) priceList!: unknown;
  @Field(() => Variant) variant!: unknown;
  @Field(() => Int) minQuantity!: number;
  @Field(() => Money) price!: unknown;
}

@ObjectType({
  implements: Node,
  description:
    "A seller's discount for its buyers. Visible to the owner and its ancestors; buyers see its effect in Price.steps.",
})
export class Promotion extends Node {
  @Field(() => String) name!: string;
  @Field(() => SellerProfile) owner!: unknown;
  @Field(() => PromotionKind) kind!: PromotionKind;
  @Field(() => DecimalScalar, { description: 'PERCENT_OFF: percent, e.g. "10"; AMOUNT_OFF: money off the unit price.' })
  value!: string;
  @Field(() => Boolean) stackable!: boolean;
  @Field(() => Date, { nullable: true }) validFrom!: Date | null;
  @Field(() => Date, { nullable: true }) validTo!: Date | null;
  @Field(() => [ChannelTier]) tiers!: ChannelTier[];
  @Field(() => [String]) regionCodes!: string[];
  @Field(() => [Account]) accounts!: unknown[];
  @Field(() => [String]) skus!: string[];
  @Field(() => [ID], { description: 'Category ids it applies to (with their products).' }) categoryIds!: string[];
}

@InputType()
export class PriceListAssignmentInput {
  @Field(() => ChannelTier, { nullable: true }) tier?: ChannelTier | null;
  @Field(() => String, { nullable: true }) regionCode?: string | null;
  @Field(() => ID, { nullable: true }) accountId?: string | null;
}

@InputType()
export class PriceListInput {
  @Field(() => ID, { nullable: true, description: 'Omit to create; give to update.' }) id?: string | null;
  @Field(() => ID, { description: "The selling account that owns the list; the viewer's account or its subtree." })
  ownerId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) currencyCode?: string | null;
  @Field(() => Int, { nullable: true }) priority?: number | null;
  @Field(() => Date, { nullable: true }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true }) validTo?: Date | null;
  @Field(() => [PriceListAssignmentInput]) assignments!: PriceListAssignmentInput[];
}

@ObjectType()
export class PriceListPayload {
  @Field(() => PriceList, { nullable: true }) priceList!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class PriceListEntryInput {
  @Field(() => String) sku!: string;
  @Field(() => Int, { nullable: true }) minQuantity?: number | null;
  @Field(() => DecimalScalar) price!: string;
}

@InputType({
  description: 'Upserts entries by (sku, minQuantity); entries not named are kept, unless `replace` is true.',
})
export class SetPriceListEntriesInput {
  @Field(() => ID) priceListId!: string;
  @Field(() => [PriceListEntryInput]) entries!: PriceListEntryInput[];
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'True: afterwards the list holds exactly these entries.',
  })
  replace?: boolean | null;
}

@InputType()
export class PriceFloorInput {
  @Field(() => String) sku!: string;
  @Field(() => ChannelTier, { description: 'The tier of the buyers that this floor protects, e.g. RETAILER.' })
  tier!: ChannelTier;
  @Field(() => DecimalScalar) amount!: string;
}

@ObjectType()
export class PriceFloorsPayload {
  @Field(() => Int) count!: number;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class PromotionInput {
  @Field(() => ID, { nullable: true, description: 'Omit to create; give to update.' }) id?: string | null;
  @Field(() => ID, { description: "The seller running it; the viewer's account or its subtree." }) ownerId!: string;
  @Field(() => String) name!: string;
  @Field(() => PromotionKind) kind!: PromotionKind;
  @Field(() => DecimalScalar, {
    description: 'PERCENT_OFF: percent (0 < v ≤ 100); AMOUNT_OFF: money off the unit price.',
  })
  value!: string;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) stackable?: boolean | null;
  @Field(() => Date, { nullable: true }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true }) validTo?: Date | null;
  @Field(() => [ChannelTier], { nullable: true }) tiers?: ChannelTier[] | null;
  @Field(() => [String], { nullable: true }) regionCodes?: string[] | null;
  @Field(() => [ID], { nullable: true }) accountIds?: string[] | null;
  @Field(() => [String], { nullable: true }) skus?: string[] | null;
  @Field(() => [ID], { nullable: true }) categoryIds?: string[] | null;
}

@ObjectType()
export class PromotionPayload {
  @Field(() => Promotion, { nullable: true }) promotion!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}
