import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { mediaKind } from './tables.js';
import { Node } from '../../graphql/node.js';
import { connectionTypes } from '../../graphql/connection.js';
import { UserError } from '../../graphql/errors.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { Money } from '../accounts/types.js';

export const MediaKind = graphqlEnum(mediaKind.enumValues, 'MediaKind');
export type MediaKind = (typeof mediaKind.enumValues)[number];

@ObjectType({ implements: Node })
export class Category extends Node {
  @Field(() => String) name!: string;
  @Field(() => Category, { nullable: true }) parent!: unknown;
}

@ObjectType({ description: 'Product images, spec sheets and marketing material for partners to download.' })
export class Media {
  @Field(() => String) url!: string;
  @Field(() => MediaKind) kind!: MediaKind;
  @Field(() => String, { nullable: true }) title!: string | null;
}

@ObjectType()
export class Attribute {
  @Field(() => String) name!: string;
  @Field(() => String) value!: string;
}

@ObjectType({
  implements: Node,
  description: "A product in the catalog. A buyer sees only products in its seller's assortment (V2).",
})
export class Product extends Node {
  @Field(() => String, { description: 'Stable external (ERP) code.' }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Category, { nullable: true }) category!: unknown;
  @Field(() => [Attribute]) attributes!: Attribute[];
  @Field(() => [Media]) media!: Media[];
  @Field(() => [Variant], { description: "Only the variants the viewer's seller offers (V2)." }) variants!: unknown[];
}

@ObjectType({ implements: Node })
export class Variant extends Node {
  @Field(() => String) sku!: string;
  @Field(() => String) name!: string;
  @Field(() => Product) product!: unknown;
  @Field(() => String) unit!: string;
  @Field(() => Int) minOrderQuantity!: number;
  @Field(() => Int) orderIncrement!: number;
  @Field(() => Money, { nullable: true, description: 'Suggested retail price: any signed-in viewer.' })
  suggestedRetailPrice!: unknown;
  // Pricing (price, priceFor, priceFloor, priceListEntries) and inventory (availability, stockLevels) add their fields with field resolvers.
}

export const { Edge: ProductEdge, Connection: ProductConnection } = connectionTypes(Product, 'Product');

@InputType()
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Matches product name or code, or a variant sku or name.' })
  search?: string | null;
  @Field(() => ID, { nullable: true, description: 'A category; its subcategories are included.' }) categoryId?:
    string | null;
  @Field(() => [String], { nullable: true }) skus?: string[] | null;
  @Field(() => ID, {
    nullable: true,
    description: "Only what this seller offers (its assortment), e.g. for a portal's public catalog.",
  })
  sellerId?: string | null;
}

@InputType()
export class VariantInput {
  @Field(() => String) sku!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => Int, { nullable: true }) minOrderQuantity?: number | null;
  @Field(() => Int, { nullable: true }) orderIncrement?: number | null;
  @Field(() => DecimalScalar, { nullable: true }) suggestedRetailPrice?: string | null;
}

@InputType()
export class AttributeInput {
  @Field(() => String) name!: string;
  @Field(() => String) value!: string;
}

@InputType()
export class MediaInput {
  @Field(() => String) url!: string;
  @Field(() => MediaKind) kind!: MediaKind;
  @Field(() => String, { nullable: true }) title?: string | null;
}

@InputType()
export class UpsertProductInput {
  @Field(() => String, { description: 'Stable external key (ERP code); upserts are idempotent on it.' }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A category name, or a path such as "Water purifiers/RO"; created when missing.',
  })
  categoryName?: string | null;
  @Field(() => [AttributeInput], { nullable: true }) attributes?: AttributeInput[] | null;
  @Field(() => [MediaInput], { nullable: true, description: 'Replaces the media when given.' }) media?:
    MediaInput[] | null;
  @Field(() => [VariantInput]) variants!: VariantInput[];
}

@ObjectType()
export class UpsertProductsPayload {
  @Field(() => [Product]) products!: unknown[];
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType({ description: "Replaces the seller's assortment." })
export class SetAssortmentInput {
  @Field(() => ID) sellerId!: string;
  @Field(() => Boolean, { description: 'True: the seller offers everything it can buy; false: only `skus`.' })
  includeAll!: boolean;
  @Field(() => [String], { nullable: true }) skus?: string[] | null;
}

@ObjectType()
export class AssortmentPayload {
  @Field(() => Int, { description: 'How many skus the seller now offers.' }) count!: number;
  @Field(() => [UserError]) userErrors!: UserError[];
}
