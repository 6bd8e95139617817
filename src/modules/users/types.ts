import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { userRole } from './tables.js';
import { Node } from '../../graphql/node.js';
import { UserError } from '../../graphql/errors.js';
// Account and User refer to each other; the field thunks resolve the cycle lazily.
import { Account as AccountRef } from '../accounts/types.js';
import { NotificationConnection as NotificationConnectionRef } from '../notifications/types.js';

export const UserRole = graphqlEnum(userRole.enumValues, 'UserRole');
export type UserRole = (typeof userRole.enumValues)[number];

@ObjectType({ implements: Node })
export class User extends Node {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => [UserRole]) roles!: UserRole[];
  @Field(() => Boolean, { description: 'False: deactivated by an ADMIN (signed out everywhere, sign-ins refused).' })
  active!: boolean;
  @Field(() => AccountRef) account!: unknown;
}

@ObjectType()
export class Viewer {
  @Field(() => User) user!: unknown;
  @Field(() => AccountRef) account!: unknown;
  @Field(() => [UserRole]) roles!: UserRole[];
  @Field(() => [String], {
    description: 'Feature flags in force for this viewer (pilot roll-out by region or partner).',
  })
  features!: string[];
  @Field(() => NotificationConnectionRef, { description: "The signed-in user's notifications, newest first." })
  notifications!: unknown;
  @Field(() => Int, { description: 'Unread notifications of the signed-in user.' }) unreadNotificationCount!: number;
}

@InputType()
export class LoginInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
}

@ObjectType()
export class LoginPayload {
  @Field(() => String, { nullable: true, description: 'Send as `Authorization: Bearer <token>`.' }) token!:
    string | null;
  @Field(() => Date, { nullable: true, description: 'When the token stops being accepted.' }) expiresAt!: Date | null;
  @Field(() => Viewer, { nullable: true }) viewer!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class CreateUserInput {
  @Field(() => ID) accountId!: string;
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => String) password!: string;
  @Field(() => [UserRole]) roles!: UserRole[];
}

@ObjectType()
export class UserPayload {
  @Field(() => User, { nullable: true }) user!: unknown;
  @Field(() => String, {
    nullable: true,
    description:
      'changePassword only: a token for this session. Every earlier token of the user, the one this request came with included, is refused from now on.',
  })
  token?: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [UserRole], { nullable: true }) roles?: UserRole[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'false signs the user out everywhere and refuses its sign-ins.',
  })
  active?: boolean | null;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String) currentPassword!: string;
  @Field(() => String) newPassword!: string;
}

@InputType()
export class SetUserPasswordInput {
  @Field(() => ID, {
    description:
      "A user of the viewer's own account, or of a retailer it sells to (DESIGN.md: who manages whose users).",
  })
  id!: string;
  @Field(() => String) password!: string;
}
