import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import { Account, Money, SellerProfile } from '../accounts/types.js';
import { Variant } from '../catalog/types.js';
import { money } from '../../lib/money.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import * as pricing from './service.js';
import * as admin from './admin.js';
import type { PriceListEntryRow, PriceListRow, PromotionRow } from './tables.js';
import {
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

registerNode('PriceList', pricing.findVisiblePriceList);
registerNode('Promotion', pricing.findVisiblePromotion);

@Resolver(() => PriceList)
export class PriceListResolver {
  @Query(() => [PriceList], { description: "Price lists owned by the viewer's account or its subtree." })
  priceLists(@Ctx() ctx: Context) { return pricing.listPriceLists(ctx); }

  @Mutation(() => PriceListPayload)
  savePriceList(@Ctx() ctx: SignedInContext, @Arg('input', () => PriceListInput) input: PriceListInput) { return admin.savePriceList(ctx, input); }

  @Mutation(() => PriceListPayload, { description: 'Rejects any entry below the floor for the list\'s buyers (BELOW_PRICE_FLOOR).' })
  setPriceListEntries(@Ctx() ctx: SignedInContext, @Arg('input', () => SetPriceListEntriesInput) input: SetPriceListEntriesInput) { return admin.setPriceListEntries(ctx, input); }

  @Mutation(() => PriceFloorsPayload, { description: 'Brand only.' })
  setPriceFloors(@Ctx() ctx: SignedInContext, @Arg('input', () => [PriceFloorInput]) input: PriceFloorInput[]) { return admin.setPriceFloors(ctx, input); }

  @FieldResolver(() => ID)
  id(@Root() l: PriceListRow) { return toGlobalId('PriceList', l.id); }

  @FieldResolver(() => SellerProfile)
  owner(@Ctx() ctx: Context, @Root() l: PriceListRow) { return pricing.listOwner(ctx, l); }

  @FieldResolver(() => [PriceListAssignment])
  assignments(@Ctx() ctx: Context, @Root() l: PriceListRow) { return pricing.assignments(ctx, l); }

  @FieldResolver(() => [PriceListEntry])
  entries(@Ctx() ctx: Context, @Root() l: PriceListRow) { return pricing.listEntries(ctx, l); }
}

@Resolver(() => PriceListAssignment)
export class PriceListAssignmentResolver {
  @FieldResolver(() => Account, { nullable: true })
  account(@Ctx() ctx: Context, @Root() a: { accountId: number | null }) { return pricing.assignmentAccount(ctx, a); }
}

@Resolver(() => PriceListEntry)
export class PriceListEntryResolver {
  @FieldResolver(() => PriceList)
  priceList(@Ctx() ctx: Context, @Root() e: PriceListEntryRow) { return pricing.entryList(ctx, e); }

  @FieldResolver(() => Variant)
  variant(@Ctx() ctx: Context, @Root() e: PriceListEntryRow) { return pricing.entryVariant(ctx, e); }

  @FieldResolver(() => Money)
  price(@Root() e: PriceListEntryRow) { return money(e.price); }
}

@Resolver(() => Promotion)
export class PromotionResolver {
  @Query(() => [Promotion], { description: "Promotions run by the viewer's account or its subtree." })
  promotions(@Ctx() ctx: Context) { return pricing.listPromotions(ctx); }

  @Mutation(() => PromotionPayload)
  savePromotion(@Ctx() ctx: SignedInContext, @Arg('input', () => PromotionInput) input: PromotionInput) { return admin.savePromotion(ctx, input); }

  @Mutation(() => PromotionPayload, { description: 'Ends a promotion now (its validTo becomes the current time).' })
  endPromotion(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string) { return admin.endPromotion(ctx, id); }

  @FieldResolver(() => ID)
  id(@Root() p: PromotionRow) { return toGlobalId('Promotion', p.id); }

  @FieldResolver(() => SellerProfile)
  owner(@Ctx() ctx: Context, @Root() p: PromotionRow) { return pricing.listOwner(ctx, p); }

  @FieldResolver(() => DecimalScalar)
  value(@Root() p: PromotionRow) { return pricing.promotionValue(p); }

  @FieldResolver(() => [Account])
  accounts(@Ctx() ctx: Context, @Root() p: PromotionRow) { return pricing.promotionAccounts(ctx, p); }

  @FieldResolver(() => [String])
  skus(@Ctx() ctx: Context, @Root() p: PromotionRow) { return pricing.promotionSkus(ctx, p); }

  @FieldResolver(() => [ID])
  categoryIds(@Root() p: PromotionRow) { return pricing.promotionCategoryIds(p); }
}
