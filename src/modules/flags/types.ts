import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { UserError } from '../../graphql/errors.js';
import { Region } from '../regions/types.js';
import { Account, ChannelTier } from '../accounts/types.js';

@ObjectType({
  implements: Node,
  description: 'A pilot switch the brand manages; `viewer.features` lists the ones on for the viewer.',
})
export class FeatureFlag extends Node {
  @Field(() => String) key!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Boolean, { description: 'On for every account.' }) everyone!: boolean;
  @Field(() => [ChannelTier]) tiers!: ChannelTier[];
  @Field(() => [Region], { description: 'On for accounts located in these regions (a code covers its subdivisions).' })
  regions!: Region[];
  @Field(() => [Account], { description: "On for these accounts' subtrees." }) accounts!: unknown[];
  @Field(() => Date) updatedAt!: Date;
}

@InputType({ description: 'Creates the flag, or changes the given fields of the flag with this key.' })
export class FeatureFlagInput {
  @Field(() => String) key!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Boolean, { nullable: true }) everyone?: boolean | null;
  @Field(() => [ChannelTier], { nullable: true }) tiers?: ChannelTier[] | null;
  @Field(() => [String], { nullable: true }) regionCodes?: string[] | null;
  @Field(() => [ID], { nullable: true }) accountIds?: string[] | null;
}

@ObjectType()
export class FeatureFlagPayload {
  @Field(() => FeatureFlag, { nullable: true, description: 'The flag as saved; for deleteFeatureFlag, as it was.' })
  flag!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}
