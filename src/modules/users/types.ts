import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { UserError } from '../../graphql/errors.js';
// Account and User refer to each other; the field thunks resolve the cycle lazily.
import { Account as AccountRef } from '../accounts/types.js';
import { NotificationConnection as NotificationConnectionRef } from '../notifications/types.js';

export enum UserRole {
  ADMIN = 'ADMIN',
  BUYER = 'BUYER',
  FINANCE = 'FINANCE',
  SERVICE = 'SERVICE',
  ANALYST = 'ANALYST',
}
registerEnumType(UserRole, { name: 'UserRole' });

@ObjectType({ implements: Node })
export class User extends Node {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => [UserRole]) roles!: UserRole[];
  @Field(() => AccountRef) account!: unknown;
}

@ObjectType()
export class Viewer {
  @Field(() => User) user!: unknown;
  @Field(() => AccountRef) account!: unknown;
  @Field(() => [UserRole]) roles!: UserRole[];
  @Field(() => [String], { description: 'Feature flags in force for this viewer (pilot roll-out by region or partner).' })
  features!: string[];
  @Field(() => NotificationConnectionRef, { description: "The signed-in user's notifications, newest first." }) notifications!: unknown;
  @Field(() => Int, { description: 'Unread notifications of the signed-in user.' }) unreadNotificationCount!: number;
}

@InputType()
export class LoginInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
}

@ObjectType()
export class LoginPayload {
  @Field(() => String, { nullable: true, description: 'Send as `Authorization: Bearer <token>`.' }) token!: string | null;
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
  @Field(() => [UserError]) userErrors!: UserError[];
}
