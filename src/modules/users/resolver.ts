import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import type { Viewer as ViewerValue } from '../../auth/viewer.js';
import * as users from './service.js';
import type { UserRow } from './tables.js';
import { CreateUserInput, LoginInput, LoginPayload, User, UserPayload, Viewer } from './types.js';

registerNode('User', users.findVisibleUser);

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => ID)
  id(@Root() u: UserRow) { return toGlobalId('User', u.id); }

  @FieldResolver(() => User)
  account(@Ctx() ctx: Context, @Root() u: UserRow) { return users.accountOf(ctx, u); }

  @Mutation(() => UserPayload)
  createUser(@Ctx() ctx: SignedInContext, @Arg('input', () => CreateUserInput) input: CreateUserInput) { return users.create(ctx, input); }
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { nullable: true, description: 'The signed-in user; null when anonymous.' })
  viewer(@Ctx() ctx: Context) { return ctx.viewer; }

  @FieldResolver(() => [String])
  features(@Ctx() ctx: Context, @Root() v: ViewerValue) { return users.features(ctx, v); }

  @Mutation(() => LoginPayload, { description: 'Signs in. It must be the only field of its operation.' })
  login(@Ctx() ctx: Context, @Arg('input', () => LoginInput) input: LoginInput, @Info() info: GraphQLResolveInfo) { return users.loginAlone(ctx, input, info); }
}
