import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import { Region } from '../regions/types.js';
import * as accounts from './service.js';
import * as settings from './settings.js';
import * as admin from './admin.js';
import { moveAccount } from './move.js';
import type { AccountRow, PortalRow } from './tables.js';
import {
  Account,
  AccountConnection,
  AccountFilter,
  AccountPayload,
  Address,
  ChannelSettings,
  ChannelSettingsInput,
  ChannelSettingsPayload,
  Contact,
  CreateAccountInput,
  Credit,
  MoveAccountInput,
  SetAccountStatusInput,
  UpdateAccountInput,
  Portal,
  SellerProfile,
} from './types.js';

// Through the per-request loader, so many lookups at once (audit subjects) are one statement.
registerNode('Account', (ctx, id) => ctx.loaders.accounts.visibleById.load(id));

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => AccountConnection, { description: "Accounts in the viewer's subtree, the viewer's own included (V1)." })
  accounts(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => AccountFilter, { nullable: true }) filter: AccountFilter | null,
  ) {
    return accounts.list(ctx, first, after, filter);
  }

  @Query(() => Account, {
    nullable: true,
    description: "Null when the account is outside the viewer's subtree (no error: existence is not revealed).",
  })
  account(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return accounts.byGlobalId(ctx, id);
  }

  @Query(() => ChannelSettings, { description: "Settings of the viewer's channel." })
  channelSettings(@Ctx() ctx: SignedInContext) {
    return settings.get(ctx);
  }

  @Mutation(() => ChannelSettingsPayload, { description: 'Brand ADMIN only.' })
  updateChannelSettings(
    @Ctx() ctx: SignedInContext,
    @Arg('input', () => ChannelSettingsInput) input: ChannelSettingsInput,
  ) {
    return settings.update(ctx, input);
  }

  @Mutation(() => AccountPayload)
  createAccount(@Ctx() ctx: SignedInContext, @Arg('input', () => CreateAccountInput) input: CreateAccountInput) {
    return accounts.create(ctx, input);
  }

  @Mutation(() => AccountPayload, {
    description:
      "Own ADMIN: name, address, contact, service phone, portal; the seller's ADMIN: code, territory; the seller's ADMIN or FINANCE: credit limit (never one's own).",
  })
  updateAccount(@Ctx() ctx: SignedInContext, @Arg('input', () => UpdateAccountInput) input: UpdateAccountInput) {
    return admin.updateAccount(ctx, input);
  }

  @Mutation(() => AccountPayload, {
    description:
      'An ADMIN of an account above it: SUSPENDED stops sign-ins and orders by, for and from it; CLOSED is final.',
  })
  setAccountStatus(
    @Ctx() ctx: SignedInContext,
    @Arg('input', () => SetAccountStatusInput) input: SetAccountStatusInput,
  ) {
    return admin.setAccountStatus(ctx, input);
  }

  @Mutation(() => AccountPayload, {
    description:
      'An ADMIN above the account moves it and its subtree under another seller of the same tier in its own subtree.',
  })
  moveAccount(@Ctx() ctx: SignedInContext, @Arg('input', () => MoveAccountInput) input: MoveAccountInput) {
    return moveAccount(ctx, input);
  }

  @FieldResolver(() => ID)
  id(@Root() a: AccountRow) {
    return toGlobalId('Account', a.id);
  }

  @FieldResolver(() => SellerProfile, { nullable: true })
  seller(@Ctx() ctx: Context, @Root() a: AccountRow) {
    return accounts.seller(ctx, a);
  }

  @FieldResolver(() => AccountConnection)
  children(
    @Ctx() ctx: Context,
    @Root() a: AccountRow,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return accounts.children(ctx, a, first, after);
  }

  @FieldResolver(() => [Region])
  territory(@Root() a: AccountRow) {
    return accounts.territory(a);
  }

  @FieldResolver(() => Address, { nullable: true })
  address(@Root() a: AccountRow) {
    return accounts.address(a);
  }

  @FieldResolver(() => Contact, { nullable: true })
  contact(@Root() a: AccountRow) {
    return accounts.contact(a);
  }

  @FieldResolver(() => Credit, { nullable: true })
  credit(@Root() a: AccountRow) {
    return accounts.credit(a);
  }

  @FieldResolver(() => Portal, { nullable: true })
  portal(@Ctx() ctx: Context, @Root() a: AccountRow) {
    return accounts.portalOf(ctx, a);
  }
}

/** A SellerProfile is the public face of an account row. */
@Resolver(() => SellerProfile)
export class SellerProfileResolver {
  @FieldResolver(() => ID)
  id(@Root() a: AccountRow) {
    return toGlobalId('Account', a.id);
  }

  @FieldResolver(() => Portal, { nullable: true })
  portal(@Ctx() ctx: Context, @Root() a: AccountRow) {
    return accounts.portalOf(ctx, a);
  }
}

@Resolver(() => Portal)
export class PortalResolver {
  @Query(() => Portal, { nullable: true, description: 'Public branding of a portal, by slug; no sign-in needed.' })
  portal(@Ctx() ctx: Context, @Arg('slug', () => String) slug: string) {
    return accounts.portalBySlug(ctx, slug);
  }

  @FieldResolver(() => SellerProfile)
  seller(@Ctx() ctx: Context, @Root() p: PortalRow) {
    return accounts.portalSeller(ctx, p);
  }
}
