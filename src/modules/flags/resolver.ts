import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import { Region } from '../regions/types.js';
import { Account } from '../accounts/types.js';
import type { FeatureFlagRow } from '../accounts/tables.js';
import * as flags from './service.js';
import { FeatureFlag, FeatureFlagInput, FeatureFlagPayload } from './types.js';

registerNode('FeatureFlag', flags.findVisible);

@Resolver(() => FeatureFlag)
export class FeatureFlagResolver {
  @Query(() => [FeatureFlag], { description: 'Brand users: every flag. Others see their own in viewer.features.' })
  featureFlags(@Ctx() ctx: Context) {
    return flags.list(ctx);
  }

  @Mutation(() => FeatureFlagPayload, { description: 'Brand ADMIN only.' })
  saveFeatureFlag(@Ctx() ctx: SignedInContext, @Arg('input', () => FeatureFlagInput) input: FeatureFlagInput) {
    return flags.save(ctx, input);
  }

  @Mutation(() => FeatureFlagPayload, { description: 'Brand ADMIN only.' })
  deleteFeatureFlag(@Ctx() ctx: SignedInContext, @Arg('key', () => String) key: string) {
    return flags.remove(ctx, key);
  }

  @FieldResolver(() => ID)
  id(@Root() f: FeatureFlagRow) {
    return toGlobalId('FeatureFlag', f.id);
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() f: FeatureFlagRow) {
    return f.description || null;
  }

  @FieldResolver(() => [Region])
  regions(@Root() f: FeatureFlagRow) {
    return flags.regions(f);
  }

  @FieldResolver(() => [Account])
  accounts(@Ctx() ctx: Context, @Root() f: FeatureFlagRow) {
    return flags.accounts(ctx, f);
  }
}
