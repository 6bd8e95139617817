import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const territoryPolicy = pgEnum('territory_policy', ['BLOCK', 'FLAG']);

export const channelTier = pgEnum('channel_tier', ['BRAND', 'GENERAL_AGENT', 'DISTRIBUTOR', 'RETAILER']);

/** SUSPENDED: no sign-ins, tokens, keys or orders by, for or from it; CLOSED: the same, for good. */
export const accountStatus = pgEnum('account_status', ['ACTIVE', 'SUSPENDED', 'CLOSED']);

export const accounts = pgTable(
  'accounts',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => accounts.id),
    /**
     * Materialized path: the ids from the root down to this account, itself
     * included. "In the subtree of V" is `path @> ARRAY[V]` (GIN-indexed).
     */
    path: integer('path').array().notNull(),
    /** The root account (brand) of the tree; kept on every tenant table for distribution by root. */
    rootId: integer('root_id').notNull(),
    name: text('name').notNull(),
    tier: channelTier('tier').notNull(),
    code: text('code'),
    territory: text('territory')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    addressLine1: text('address_line1'),
    addressCity: text('address_city'),
    addressRegionCode: text('address_region_code'),
    addressPostalCode: text('address_postal_code'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    /** Minor units (fen); null: no limit is set, and orders are not held back by credit. */
    creditLimit: bigint('credit_limit', { mode: 'bigint' }),
    /** Minor units reserved by open orders and unpaid charges; moved atomically by ordering and finance. */
    creditUsed: bigint('credit_used', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    servicePhone: text('service_phone'),
    /** Set by an ancestor's ADMIN (`setAccountStatus`); checked where viewers are built and where orders are placed. */
    status: accountStatus('status').notNull().default('ACTIVE'),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('accounts_path_gin').using('gin', t.path),
    index('accounts_parent_idx').on(t.parentId),
    uniqueIndex('accounts_code_uq').on(t.rootId, t.code),
    index('accounts_region_idx').on(t.addressRegionCode),
  ],
);

export const portals = pgTable(
  'portals',
  {
    accountId: integer('account_id')
      .primaryKey()
      .references(() => accounts.id),
    slug: text('slug').notNull(),
    displayName: text('display_name').notNull(),
    logoUrl: text('logo_url'),
    primaryColor: text('primary_color'),
    welcomeText: text('welcome_text'),
  },
  (t) => [uniqueIndex('portals_slug_uq').on(t.slug)],
);

/** Feature flags for pilots: on for everyone, for tiers, for subtrees or for regions. */
export const featureFlags = pgTable('feature_flags', {
  key: text('key').primaryKey(),
  /** The number in the flag's global id (`FeatureFlag` is a Node); the key stays the primary key. */
  id: serial('id').notNull().unique('feature_flags_id_uq'),
  description: text('description').notNull().default(''),
  everyone: boolean('everyone').notNull().default(false),
  tiers: channelTier('tiers')
    .array()
    .notNull()
    .default(sql`'{}'`),
  /** On for these accounts and their subtrees. */
  accountIds: integer('account_ids')
    .array()
    .notNull()
    .default(sql`'{}'::integer[]`),
  /** On for accounts located in these regions (a code covers its subdivisions). */
  regionCodes: text('region_codes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type AccountRow = typeof accounts.$inferSelect;
export type PortalRow = typeof portals.$inferSelect;
export type Tier = (typeof channelTier.enumValues)[number];
export type AccountStatus = (typeof accountStatus.enumValues)[number];
export type FeatureFlagRow = typeof featureFlags.$inferSelect;

/** Brand-wide settings, one row per channel (root account). */
export const channelSettings = pgTable('channel_settings', {
  rootId: integer('root_id')
    .primaryKey()
    .references(() => accounts.id),
  /** Anonymous visitors may browse the brand's catalog (never prices). */
  publicCatalog: boolean('public_catalog').notNull().default(false),
  /** V6: BLOCK refuses a ship-to outside the seller's territory; FLAG accepts it and flags the order. */
  territoryPolicy: territoryPolicy('territory_policy').notNull().default('BLOCK'),
});
