import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { UserError } from '../../graphql/errors.js';
import { Account } from '../accounts/types.js';
import { User, UserRole } from '../users/types.js';

@ObjectType({
  implements: Node,
  description:
    "A machine credential of one account, for ERP/WMS integrations and portals' back ends. It acts as that account with the roles it was given, never more than the roles of the user who created it. Send it as `Authorization: Bearer <secret>`, like a user's token.",
})
export class ApiKey extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, {
    description:
      'The public, non-secret start of the key, e.g. `cg_live_8f3k2j9q`; the secret is shown once, at creation.',
  })
  prefix!: string;
  @Field(() => Account) account!: unknown;
  @Field(() => [UserRole]) roles!: UserRole[];
  @Field(() => User, {
    nullable: true,
    description:
      "Who created it; null above the creator's account's direct parent (V4: a user's name and e-mail are contact details).",
  })
  createdBy!: unknown;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) expiresAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was last used, to the minute.' }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID, {
    description: "The viewer's own account, or a retailer it sells to (DESIGN.md: who manages whose users).",
  })
  accountId!: string;
  @Field(() => String) name!: string;
  @Field(() => [UserRole]) roles!: UserRole[];
  @Field(() => Date, { nullable: true }) expiresAt?: Date | null;
}

@ObjectType()
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { nullable: true }) apiKey!: unknown;
  @Field(() => String, {
    nullable: true,
    description: 'The whole key, shown only in this answer; it is stored hashed.',
  })
  secret!: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class ApiKeyPayload {
  @Field(() => ApiKey, { nullable: true }) apiKey!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}
