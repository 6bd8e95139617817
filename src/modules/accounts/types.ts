import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { accountStatus, channelTier, territoryPolicy } from './tables.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { connectionTypes } from '../../graphql/connection.js';
import { UserError } from '../../graphql/errors.js';
import { Node } from '../../graphql/node.js';
import { Region } from '../regions/types.js';
import type { MoneyValue } from '../../lib/money.js';

export const ChannelTier = graphqlEnum(channelTier.enumValues, 'ChannelTier');
export type ChannelTier = (typeof channelTier.enumValues)[number];

export const AccountStatus = graphqlEnum(accountStatus.enumValues, 'AccountStatus', {
  valuesConfig: {
    SUSPENDED: { description: 'Cannot sign in, order or be ordered for; its data and history stay.' },
    CLOSED: { description: 'Closed for good; history stays readable to its ancestors.' },
  },
});
export type AccountStatus = (typeof accountStatus.enumValues)[number];

@ObjectType()
export class Money {
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String) currencyCode!: string;
}

@ObjectType()
export class Address {
  @Field(() => String) line1!: string;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String) regionCode!: string;
  @Field(() => Region, { nullable: true, description: 'The region of `regionCode`, with its name.' })
  region!: Region | null;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field(() => Float, { nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
}

@ObjectType()
export class Contact {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
}

@ObjectType()
export class Credit {
  @Field(() => Money) limit!: MoneyValue;
  @Field(() => Money) used!: MoneyValue;
  @Field(() => Money) available!: MoneyValue;
}

@ObjectType({ description: "Public branding of a seller's ordering portal. Readable without signing in." })
export class Portal {
  @Field(() => String) slug!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) logoUrl!: string | null;
  @Field(() => String, { nullable: true }) primaryColor!: string | null;
  @Field(() => String, { nullable: true }) welcomeText!: string | null;
  @Field(() => SellerProfile) seller!: unknown;
}

@ObjectType({ description: 'What any buyer may know about the account it buys from (V3).' })
export class SellerProfile {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ChannelTier) tier!: ChannelTier;
  @Field(() => String, { nullable: true }) servicePhone!: string | null;
  @Field(() => Portal, { nullable: true }) portal!: Portal | null;
}

@ObjectType({
  implements: Node,
  description: 'A company in the channel tree. Visible to itself and its ancestors only (V1).',
})
export class Account extends Node {
  @Field(() => String) name!: string;
  @Field(() => ChannelTier) tier!: ChannelTier;
  @Field(() => String, { nullable: true, description: 'External (ERP) code.' }) code!: string | null;
  @Field(() => AccountStatus, { description: 'ACTIVE, or SUSPENDED / CLOSED by an ancestor (setAccountStatus).' })
  status!: AccountStatus;
  @Field(() => SellerProfile, { nullable: true, description: 'The account this one buys from; null for the brand.' })
  seller!: SellerProfile | null;
  @Field(() => AccountConnection, { description: 'Direct downstream accounts.' }) children!: unknown;
  @Field(() => [Region], { description: 'Sales territory of a selling account (V6).' }) territory!: Region[];
  @Field(() => Address, { nullable: true, description: 'V4: the account itself and its direct parent only.' })
  address!: Address | null;
  @Field(() => Contact, { nullable: true, description: 'V4: the account itself and its direct parent only.' })
  contact!: Contact | null;
  @Field(() => Credit, { nullable: true, description: 'V5: the account itself (ADMIN or FINANCE) and its ancestors.' })
  credit!: Credit | null;
  @Field(() => Portal, { nullable: true }) portal!: Portal | null;
  // Other modules add their own fields (users, orders, tickets, balance, ledger, …) with field resolvers.
}

export const { Edge: AccountEdge, Connection: AccountConnection } = connectionTypes(Account, 'Account');

@InputType()
export class AccountFilter {
  @Field(() => ChannelTier, { nullable: true }) tier?: ChannelTier | null;
  @Field(() => String, {
    nullable: true,
    description: 'Accounts located in this region (a code covers its subdivisions).',
  })
  regionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Matches name or code, case-insensitively.' }) search?:
    string | null;
}

@InputType()
export class AddressInput {
  @Field(() => String) line1!: string;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String) regionCode!: string;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
}

@InputType()
export class ContactInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
}

@InputType()
export class PortalInput {
  @Field(() => String) slug!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) logoUrl?: string | null;
  @Field(() => String, { nullable: true }) primaryColor?: string | null;
  @Field(() => String, { nullable: true }) welcomeText?: string | null;
}

@InputType()
export class CreateAccountInput {
  @Field(() => ID, { description: "The new account's seller; must be the viewer's account or in its subtree." })
  parentId!: string;
  @Field(() => String) name!: string;
  @Field(() => ChannelTier) tier!: ChannelTier;
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => [String], { nullable: true, description: 'Region codes of the sales territory (selling tiers).' })
  territory?: string[] | null;
  @Field(() => AddressInput, { nullable: true }) address?: AddressInput | null;
  @Field(() => ContactInput, { nullable: true }) contact?: ContactInput | null;
  @Field(() => DecimalScalar, { nullable: true }) creditLimit?: string | null;
  @Field(() => String, { nullable: true }) servicePhone?: string | null;
  @Field(() => PortalInput, { nullable: true }) portal?: PortalInput | null;
}

@ObjectType()
export class AccountPayload {
  @Field(() => Account, { nullable: true }) account!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}

export const TerritoryPolicy = graphqlEnum(territoryPolicy.enumValues, 'TerritoryPolicy', {
  description: 'V6: what happens to a ship-to outside the seller territory.',
});
export type TerritoryPolicy = (typeof territoryPolicy.enumValues)[number];

@ObjectType({ description: 'Brand-wide settings of the channel.' })
export class ChannelSettings {
  @Field(() => Boolean, { description: 'Anonymous visitors may browse the catalog (never prices).' })
  publicCatalog!: boolean;
  @Field(() => TerritoryPolicy, {
    description:
      'BLOCK refuses orders shipped outside the seller territory (OUTSIDE_TERRITORY); FLAG accepts and flags them.',
  })
  territoryPolicy!: TerritoryPolicy;
}

@InputType()
export class ChannelSettingsInput {
  @Field(() => Boolean, { nullable: true }) publicCatalog?: boolean | null;
  @Field(() => TerritoryPolicy, { nullable: true }) territoryPolicy?: TerritoryPolicy | null;
}

@ObjectType()
export class ChannelSettingsPayload {
  @Field(() => ChannelSettings, { nullable: true }) settings!: ChannelSettings | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class UpdateAccountInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: "The account's own ADMIN." }) name?: string | null;
  @Field(() => String, { nullable: true, description: "The parent's ADMIN." }) code?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: "Selling tiers: inside the parent's territory, and still covering every child's.",
  })
  territory?: string[] | null;
  @Field(() => AddressInput, {
    nullable: true,
    description: "The account's own ADMIN (V6: inside the seller's territory).",
  })
  address?: AddressInput | null;
  @Field(() => ContactInput, { nullable: true, description: "The account's own ADMIN." }) contact?: ContactInput | null;
  @Field(() => String, { nullable: true, description: "The account's own ADMIN; an empty string clears it." })
  servicePhone?: string | null;
  @Field(() => PortalInput, { nullable: true, description: "The account's own ADMIN (selling tiers)." })
  portal?: PortalInput | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: "The parent's ADMIN or FINANCE sets it (V5); null with clearCreditLimit removes the limit.",
  })
  creditLimit?: string | null;
  @Field(() => Boolean, { nullable: true }) clearCreditLimit?: boolean | null;
}

@InputType()
export class SetAccountStatusInput {
  @Field(() => ID) id!: string;
  @Field(() => AccountStatus) status!: AccountStatus;
  @Field(() => String) reason!: string;
}

@InputType({
  description:
    "Moves an account (and its subtree) under another seller of the same tier as its old one, inside the viewer's subtree. Past orders keep their seller; open orders must be finished or cancelled first.",
})
export class MoveAccountInput {
  @Field(() => ID) id!: string;
  @Field(() => ID) newParentId!: string;
  @Field(() => String) reason!: string;
}
