import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import { Account, ChannelTier, Money, SellerProfile } from '../accounts/types.js';
import type { VariantRow } from '../catalog/tables.js';
import { Variant } from '../catalog/types.js';
import { money } from '../../lib/money.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import * as pricing from './service.js';
import * as admin from './admin.js';
import type { PriceListEntryRow, PriceListRow, PromotionRow } from './tables.js';
import {
  Price,
  PriceFloorInput,
  PriceFloorsPayload,
  PriceList,
  PriceListAssignment,
  PriceListEntry,
  PriceListInput,
  PriceListPayload,
  Promotion,
  PromotionInput,
  PromotionPayload,
  SetPriceListEntriesInput,
} from './types.js';

// Through the per-request loader, so many lookups at once (audit subjects) are one statement.
registerNode('PriceList', (ctx, id) => ctx.loaders.pricing.visibleListById.load(id));
registerNode('Promotion', (ctx, id) => ctx.loaders.pricing.visiblePromotionById.load(id));

@Resolver(() => PriceList)
export class PriceListResolver {
  @Query(() => [PriceList], { description: "Price lists owned by the viewer's account or its subtree." })
  priceLists(@Ctx() ctx: Context) {
    return pricing.listPriceLists(ctx);
  }

  @Mutation(() => PriceListPayload)
  savePriceList(@Ctx() ctx: SignedInContext, @Arg('input', () => PriceListInput) input: PriceListInput) {
    return admin.savePriceList(ctx, input);
  }

  @Mutation(() => PriceListPayload, {
    description: "Rejects any entry below the floor for the list's buyers (BELOW_PRICE_FLOOR).",
  })
  setPriceListEntries(
    @Ctx() ctx: SignedInContext,
    @Arg('input', () => SetPriceListEntriesInput) input: SetPriceListEntriesInput,
  ) {
    return admin.setPriceListEntries(ctx, input);
  }

  @Mutation(() => PriceFloorsPayload, { description: 'Brand only.' })
  setPriceFloors(@Ctx() ctx: SignedInContext, @Arg('input', () => [PriceFloorInput]) input: PriceFloorInput[]) {
    return admin.setPriceFloors(ctx, input);
  }

  @FieldResolver(() => ID)
  id(@Root() l: PriceListRow) {
    return toGlobalId('PriceList', l.id);
  }

  @FieldResolver(() => SellerProfile)
  owner(@Ctx() ctx: Context, @Root() l: PriceListRow) {
    return pricing.listOwner(ctx, l);
  }

  @FieldResolver(() => [PriceListAssignment])
  assignments(@Ctx() ctx: Context, @Root() l: PriceListRow) {
    return pricing.assignments(ctx, l);
  }

  @FieldResolver(() => [PriceListEntry])
  entries(@Ctx() ctx: Context, @Root() l: PriceListRow) {
    return pricing.listEntries(ctx, l);
  }
}

@Resolver(() => PriceListAssignment)
export class PriceListAssignmentResolver {
  @FieldResolver(() => Account, { nullable: true })
  account(@Ctx() ctx: Context, @Root() a: { accountId: number | null }) {
    return pricing.assignmentAccount(ctx, a);
  }
}

@Resolver(() => PriceListEntry)
export class PriceListEntryResolver {
  @FieldResolver(() => PriceList)
  priceList(@Ctx() ctx: Context, @Root() e: PriceListEntryRow) {
    return pricing.entryList(ctx, e);
  }

  @FieldResolver(() => Variant)
  variant(@Ctx() ctx: Context, @Root() e: PriceListEntryRow) {
    return pricing.entryVariant(ctx, e);
  }

  @FieldResolver(() => Money)
  price(@Root() e: PriceListEntryRow) {
    return money(e.price);
  }
}

@Resolver(() => Promotion)
export class PromotionResolver {
  @Query(() => [Promotion], { description: "Promotions run by the viewer's account or its subtree." })
  promotions(@Ctx() ctx: Context) {
    return pricing.listPromotions(ctx);
  }

  @Mutation(() => PromotionPayload)
  savePromotion(@Ctx() ctx: SignedInContext, @Arg('input', () => PromotionInput) input: PromotionInput) {
    return admin.savePromotion(ctx, input);
  }

  @Mutation(() => PromotionPayload, { description: 'Ends a promotion now (its validTo becomes the current time).' })
  endPromotion(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string) {
    return admin.endPromotion(ctx, id);
  }

  @FieldResolver(() => ID)
  id(@Root() p: PromotionRow) {
    return toGlobalId('Promotion', p.id);
  }

  @FieldResolver(() => SellerProfile)
  owner(@Ctx() ctx: Context, @Root() p: PromotionRow) {
    return pricing.listOwner(ctx, p);
  }

  @FieldResolver(() => DecimalScalar)
  value(@Root() p: PromotionRow) {
    return pricing.promotionValue(p);
  }

  @FieldResolver(() => [Account])
  accounts(@Ctx() ctx: Context, @Root() p: PromotionRow) {
    return pricing.promotionAccounts(ctx, p);
  }

  @FieldResolver(() => [String])
  skus(@Ctx() ctx: Context, @Root() p: PromotionRow) {
    return pricing.promotionSkus(ctx, p);
  }

  @FieldResolver(() => [ID])
  categoryIds(@Root() p: PromotionRow) {
    return pricing.promotionCategoryIds(p);
  }
}

/** Variant's price fields (V3). */
@Resolver(() => Variant)
export class VariantPricingResolver {
  @FieldResolver(() => Price, {
    nullable: true,
    description:
      "The price the viewer's own account pays its seller (V3). Denied to anonymous viewers and to the brand.",
  })
  price(
    @Ctx() ctx: Context,
    @Root() v: VariantRow,
    @Arg('quantity', () => Int, { nullable: true, defaultValue: 1 }) quantity: number,
  ) {
    return pricing.ownPrice(ctx, v, quantity);
  }

  @FieldResolver(() => Price, {
    nullable: true,
    description: "The price a downstream account pays; only for accounts in the viewer's subtree (V1, V3).",
  })
  priceFor(
    @Ctx() ctx: Context,
    @Root() v: VariantRow,
    @Arg('accountId', () => ID) accountId: string,
    @Arg('quantity', () => Int, { nullable: true, defaultValue: 1 }) quantity: number,
  ) {
    return pricing.priceFor(ctx, v, accountId, quantity);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description: 'The lowest price the viewer may sell at (V3): brand and selling tiers only, denied to RETAILER.',
  })
  priceFloor(
    @Ctx() ctx: Context,
    @Root() v: VariantRow,
    @Arg('tier', () => ChannelTier, {
      nullable: true,
      description: 'The buyers protected; default: the tier below the viewer.',
    })
    tier: ChannelTier | null,
  ) {
    return pricing.priceFloor(ctx, v, tier);
  }

  @FieldResolver(() => [PriceListEntry], {
    nullable: true,
    description: "Entries of price lists owned by the viewer's account or its subtree (V3); denied to RETAILER.",
  })
  priceListEntries(@Ctx() ctx: Context, @Root() v: VariantRow) {
    return pricing.entriesInScope(ctx, v);
  }
}
