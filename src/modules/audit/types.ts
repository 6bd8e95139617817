import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { connectionTypes } from '../../graphql/connection.js';
import { Account } from '../accounts/types.js';
import { User } from '../users/types.js';
import { ApiKey } from '../apikeys/types.js';

@ObjectType({
  implements: Node,
  description: 'Who changed what: accounts, users, credit limits, price lists, floors, assortments, flags, statuses.',
})
export class AuditEntry extends Node {
  @Field(() => Date) at!: Date;
  @Field(() => User, {
    nullable: true,
    description: 'Null for changes made by an API key or by the system, and for users the viewer may not see (V4).',
  })
  actor!: unknown;
  @Field(() => ApiKey, {
    nullable: true,
    description:
      'The API key that made the change; null for people and the system, and for keys the viewer may not see.',
  })
  actorApiKey!: unknown;
  @Field(() => Account) account!: unknown;
  @Field(() => String, {
    description:
      'e.g. account.update, account.creditLimit, account.status, account.move, user.update, priceList.entries, featureFlag.create.',
  })
  action!: string;
  @Field(() => Node, { nullable: true, description: 'The changed object, when it still exists and is visible.' })
  subject!: unknown;
  @Field(() => String, {
    description:
      'What changed, as JSON (before and after), without secrets; contact details only for the account itself and its direct parent (V4).',
  })
  changes!: string;
}

export const { Edge: AuditEntryEdge, Connection: AuditEntryConnection } = connectionTypes(AuditEntry, 'AuditEntry');

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Entries about this account only.' }) accountId?: string | null;
  @Field(() => String, { nullable: true, description: 'Exactly this action, e.g. account.status.' }) action?:
    string | null;
  @Field(() => Date, { nullable: true }) since?: Date | null;
}
