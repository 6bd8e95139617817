import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars.js';
import { connectionTypes } from '../../graphql/connection.js';
import { UserError } from '../../graphql/errors.js';
import { Node } from '../../graphql/node.js';
import { Region } from '../regions/types.js';
import { User } from '../users/types.js';
// Account and Order refer to each other; the field thunk resolves the cycle lazily.
import { OrderConnection as OrderConnectionRef } from '../orders/types.js';
import { TicketConnection as TicketConnectionRef } from '../service/types.js';
import { InvoiceRequest as InvoiceRequestRef, LedgerEntryConnection as LedgerEntryConnectionRef, RebateAccrual as RebateAccrualRef, Statement as StatementRef } from '../finance/types.js';
import type { MoneyValue } from '../../lib/money.js';

export enum ChannelTier {
  BRAND = 'BRAND',
  GENERAL_AGENT = 'GENERAL_AGENT',
  DISTRIBUTOR = 'DISTRIBUTOR',
  RETAILER = 'RETAILER',
}
registerEnumType(ChannelTier, { name: 'ChannelTier' });

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
  @Field(() => Region, { nullable: true, description: 'The region of `regionCode`, with its name.' }) region!: Region | null;
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

@ObjectType({ description: 'Public branding of a seller\'s ordering portal. Readable without signing in.' })
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

@ObjectType({ implements: Node, description: 'A company in the channel tree. Visible to itself and its ancestors only (V1).' })
export class Account extends Node {
  @Field(() => String) name!: string;
  @Field(() => ChannelTier) tier!: ChannelTier;
  @Field(() => String, { nullable: true, description: 'External (ERP) code.' }) code!: string | null;
  @Field(() => SellerProfile, { nullable: true, description: 'The account this one buys from; null for the brand.' })
  seller!: SellerProfile | null;
  @Field(() => AccountConnection, { description: 'Direct downstream accounts.' }) children!: unknown;
  @Field(() => [Region], { description: 'Sales territory of a selling account (V6).' }) territory!: Region[];
  @Field(() => Address, { nullable: true, description: 'V4: the account itself and its direct parent only.' }) address!: Address | null;
  @Field(() => Contact, { nullable: true, description: 'V4: the account itself and its direct parent only.' }) contact!: Contact | null;
  @Field(() => Credit, { nullable: true, description: 'V5: the account itself (ADMIN or FINANCE) and its ancestors.' })
  credit!: Credit | null;
  @Field(() => Portal, { nullable: true }) portal!: Portal | null;
  @Field(() => [User]) users!: User[];
  @Field(() => OrderConnectionRef, { description: 'Orders this account placed (V1).' }) orders!: unknown;
  @Field(() => TicketConnectionRef, { description: 'Tickets this account opened or handles (V1).' }) tickets!: unknown;
  @Field(() => Money, { nullable: true, description: 'V5: what the account owes its seller (the sum of its ledger).' }) balance!: unknown;
  @Field(() => LedgerEntryConnectionRef, { nullable: true, description: 'V5: its ledger with its seller, newest first.' }) ledger!: unknown;
  @Field(() => [StatementRef], { nullable: true, description: 'V5: its statements.' }) statements!: unknown;
  @Field(() => [InvoiceRequestRef], { nullable: true, description: 'V5: its invoice requests.' }) invoiceRequests!: unknown;
  @Field(() => [RebateAccrualRef], { nullable: true, description: 'V5: rebates it earned, pending or settled.' }) rebateAccruals!: unknown;
}

export const { Edge: AccountEdge, Connection: AccountConnection } = connectionTypes(Account, 'Account');

@InputType()
export class AccountFilter {
  @Field(() => ChannelTier, { nullable: true }) tier?: ChannelTier | null;
  @Field(() => String, { nullable: true, description: 'Accounts located in this region (a code covers its subdivisions).' })
  regionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Matches name or code, case-insensitively.' }) search?: string | null;
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
  @Field(() => ID, { description: "The new account's seller; must be the viewer's account or in its subtree." }) parentId!: string;
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

export enum TerritoryPolicy {
  BLOCK = 'BLOCK',
  FLAG = 'FLAG',
}
registerEnumType(TerritoryPolicy, { name: 'TerritoryPolicy', description: 'V6: what happens to a ship-to outside the seller territory.' });

@ObjectType({ description: 'Brand-wide settings of the channel.' })
export class ChannelSettings {
  @Field(() => Boolean, { description: 'Anonymous visitors may browse the catalog (never prices).' }) publicCatalog!: boolean;
  @Field(() => TerritoryPolicy, { description: 'BLOCK refuses orders shipped outside the seller territory (OUTSIDE_TERRITORY); FLAG accepts and flags them.' })
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
