import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import { Money } from '../accounts/types.js';
import * as catalog from './service.js';
import * as admin from './admin.js';
import type { CategoryRow, ProductRow, VariantRow } from './tables.js';
import {
  AssortmentPayload,
  Attribute,
  Category,
  Media,
  Product,
  ProductConnection,
  ProductFilter,
  SetAssortmentInput,
  UpsertProductInput,
  UpsertProductsPayload,
  Variant,
} from './types.js';

registerNode('Product', catalog.findVisibleProduct);
registerNode('Variant', catalog.findVisibleVariant);
registerNode('Category', catalog.findCategory);

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection)
  products(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | null,
  ) {
    return catalog.list(ctx, first, after, filter);
  }

  @Query(() => Product, { nullable: true })
  product(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return catalog.productByGlobalId(ctx, id);
  }

  @Mutation(() => UpsertProductsPayload)
  upsertProducts(@Ctx() ctx: SignedInContext, @Arg('input', () => [UpsertProductInput]) input: UpsertProductInput[]) {
    return admin.upsertProducts(ctx, input);
  }

  @Mutation(() => AssortmentPayload)
  setAssortment(@Ctx() ctx: SignedInContext, @Arg('input', () => SetAssortmentInput) input: SetAssortmentInput) {
    return admin.setAssortment(ctx, input);
  }

  @FieldResolver(() => ID)
  id(@Root() p: ProductRow) {
    return toGlobalId('Product', p.id);
  }

  @FieldResolver(() => Category, { nullable: true })
  category(@Ctx() ctx: Context, @Root() p: catalog.ProductRecord) {
    return catalog.productCategory(ctx, p);
  }

  @FieldResolver(() => [Attribute])
  attributes(@Root() p: ProductRow) {
    return p.attributes;
  }

  @FieldResolver(() => [Media])
  media(@Ctx() ctx: Context, @Root() p: catalog.ProductRecord) {
    return catalog.productMediaOf(ctx, p);
  }

  @FieldResolver(() => [Variant])
  variants(@Ctx() ctx: Context, @Root() p: ProductRow) {
    return catalog.productVariants(ctx, p);
  }
}

@Resolver(() => Variant)
export class VariantResolver {
  @Query(() => Variant, { nullable: true })
  variant(@Ctx() ctx: Context, @Arg('sku', () => String) sku: string) {
    return catalog.variantBySku(ctx, sku);
  }

  @FieldResolver(() => ID)
  id(@Root() v: VariantRow) {
    return toGlobalId('Variant', v.id);
  }

  @FieldResolver(() => Product)
  product(@Ctx() ctx: Context, @Root() v: VariantRow) {
    return catalog.variantProduct(ctx, v);
  }

  @FieldResolver(() => Money, { nullable: true })
  suggestedRetailPrice(@Root() v: VariantRow) {
    return catalog.suggestedRetailPrice(v);
  }
}

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category])
  categories(@Ctx() ctx: Context) {
    return catalog.listCategories(ctx);
  }

  @FieldResolver(() => ID)
  id(@Root() c: CategoryRow) {
    return toGlobalId('Category', c.id);
  }

  @FieldResolver(() => Category, { nullable: true })
  parent(@Ctx() ctx: Context, @Root() c: CategoryRow) {
    return catalog.categoryParent(ctx, c);
  }
}
