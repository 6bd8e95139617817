import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import type { Viewer as ViewerValue } from '../../auth/viewer.js';
import * as users from './service.js';
import type { UserRow } from './tables.js';
import * as admin from './admin.js';
import {
  ChangePasswordInput,
  CreateUserInput,
  LoginInput,
  LoginPayload,
  SetUserPasswordInput,
  UpdateUserInput,
  User,
  UserPayload,
  Viewer,
} from './types.js';
import { Account } from '../accounts/types.js';
import type { AccountRow } from '../accounts/tables.js';

registerNode('User', users.findVisibleUser);

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => ID)
  id(@Root() u: UserRow) {
    return toGlobalId('User', u.id);
  }

  @FieldResolver(() => Account)
  account(@Ctx() ctx: Context, @Root() u: UserRow) {
    return users.accountOf(ctx, u);
  }

  @Mutation(() => UserPayload)
  createUser(@Ctx() ctx: SignedInContext, @Arg('input', () => CreateUserInput) input: CreateUserInput) {
    return users.create(ctx, input);
  }

  @Mutation(() => UserPayload, {
    description: "Name, roles, active: an ADMIN of the user's account, or of the retailer's seller.",
  })
  updateUser(@Ctx() ctx: SignedInContext, @Arg('input', () => UpdateUserInput) input: UpdateUserInput) {
    return admin.updateUser(ctx, input);
  }

  @Mutation(() => UserPayload, {
    description:
      "The signed-in user's own password; signs it out of every other session (the answer's token is this one's).",
  })
  changePassword(@Ctx() ctx: SignedInContext, @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput) {
    return admin.changePassword(ctx, input);
  }

  @Mutation(() => UserPayload, {
    description:
      'An ADMIN sets the password of a user of its own account or of a retailer it sells to; signs that user out everywhere.',
  })
  setUserPassword(@Ctx() ctx: SignedInContext, @Arg('input', () => SetUserPasswordInput) input: SetUserPasswordInput) {
    return admin.setUserPassword(ctx, input);
  }
}

/** Account.users (V4: the account itself and its direct parent; an empty list above). */
@Resolver(() => Account)
export class AccountUsersResolver {
  @FieldResolver(() => [User])
  users(@Ctx() ctx: Context, @Root() a: AccountRow) {
    return users.ofAccount(ctx, a);
  }
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { nullable: true, description: 'The signed-in user; null when anonymous.' })
  viewer(@Ctx() ctx: Context) {
    return ctx.viewer;
  }

  @FieldResolver(() => [String])
  features(@Ctx() ctx: Context, @Root() v: ViewerValue) {
    return users.features(ctx, v);
  }

  @Mutation(() => LoginPayload, { description: 'Signs in. It must be the only field of its operation.' })
  login(@Ctx() ctx: Context, @Arg('input', () => LoginInput) input: LoginInput, @Info() info: GraphQLResolveInfo) {
    return users.loginAlone(ctx, input, info);
  }
}
