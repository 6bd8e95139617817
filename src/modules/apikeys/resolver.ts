import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import type { Viewer as ViewerValue } from '../../auth/viewer.js';
import { Account } from '../accounts/types.js';
import type { AccountRow } from '../accounts/tables.js';
import { User, Viewer } from '../users/types.js';
import * as keys from './service.js';
import type { ApiKeyRow } from './tables.js';
import { ApiKey, ApiKeyPayload, CreateApiKeyInput, CreateApiKeyPayload } from './types.js';

registerNode('ApiKey', keys.findVisible);

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Mutation(() => CreateApiKeyPayload)
  createApiKey(@Ctx() ctx: SignedInContext, @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput) {
    return keys.createApiKey(ctx, input);
  }

  @Mutation(() => ApiKeyPayload)
  revokeApiKey(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string) {
    return keys.revokeApiKey(ctx, id);
  }

  @FieldResolver(() => ID)
  id(@Root() k: ApiKeyRow) {
    return toGlobalId('ApiKey', k.id);
  }

  @FieldResolver(() => String)
  prefix(@Root() k: ApiKeyRow) {
    return keys.prefixOf(k);
  }

  @FieldResolver(() => Account)
  account(@Ctx() ctx: Context, @Root() k: ApiKeyRow) {
    return keys.accountOf(ctx, k);
  }

  @FieldResolver(() => User, { nullable: true })
  createdBy(@Ctx() ctx: Context, @Root() k: ApiKeyRow) {
    return keys.createdBy(ctx, k);
  }
}

@Resolver(() => Account)
export class AccountApiKeysResolver {
  @FieldResolver(() => [ApiKey], {
    description: "API keys of this account: for its ADMIN users and its ancestors' ADMINs (empty for other roles).",
  })
  apiKeys(@Ctx() ctx: Context, @Root() a: AccountRow) {
    return keys.ofAccount(ctx, a);
  }
}

@Resolver(() => Viewer)
export class ViewerApiKeyResolver {
  @FieldResolver(() => ApiKey, {
    nullable: true,
    description: "The API key this request was made with; null for a user's sign-in token.",
  })
  apiKey(@Root() v: ViewerValue) {
    return v.apiKey;
  }
}
