import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { accounts, channelTier } from '../accounts/tables.js';
import { variants } from '../catalog/tables.js';

export const priceLists = pgTable(
  'price_lists',
  {
    id: serial('id').primaryKey(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    currencyCode: text('currency_code').notNull().default('CNY'),
    priority: integer('priority').notNull().default(0),
    validFrom: timestamp('valid_from', { withTimezone: true }),
    validTo: timestamp('valid_to', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('price_lists_owner_idx').on(t.ownerId),
    check('price_lists_window', sql`${t.validFrom} is null or ${t.validTo} is null or ${t.validFrom} < ${t.validTo}`),
  ],
);

/** All null: the list is the owner's default for its buyers. */
export const priceListAssignments = pgTable(
  'price_list_assignments',
  {
    id: serial('id').primaryKey(),
    priceListId: integer('price_list_id')
      .notNull()
      .references(() => priceLists.id, { onDelete: 'cascade' }),
    accountId: integer('account_id').references(() => accounts.id),
    regionCode: text('region_code'),
    tier: channelTier('tier'),
  },
  (t) => [index('price_list_assignments_list_idx').on(t.priceListId)],
);

export const priceListEntries = pgTable(
  'price_list_entries',
  {
    priceListId: integer('price_list_id')
      .notNull()
      .references(() => priceLists.id, { onDelete: 'cascade' }),
    variantId: integer('variant_id')
      .notNull()
      .references(() => variants.id),
    minQuantity: integer('min_quantity').notNull().default(1),
    /** Minor units. */
    price: bigint('price', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.priceListId, t.variantId, t.minQuantity] }),
    index('price_list_entries_variant_idx').on(t.variantId),
    check('price_list_entries_positive', sql`${t.price} > 0 and ${t.minQuantity} >= 1`),
  ],
);

/** Set by the brand: the lowest unit price any seller may charge buyers of a tier (MAP). */
export const priceFloors = pgTable(
  'price_floors',
  {
    variantId: integer('variant_id')
      .notNull()
      .references(() => variants.id),
    tier: channelTier('tier').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.variantId, t.tier] }), check('price_floors_nonnegative', sql`${t.amount} >= 0`)],
);

export const promotionKind = pgEnum('promotion_kind', ['PERCENT_OFF', 'AMOUNT_OFF']);

export const promotions = pgTable(
  'promotions',
  {
    id: serial('id').primaryKey(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    kind: promotionKind('kind').notNull(),
    /** PERCENT_OFF: basis points (1000 = 10%); AMOUNT_OFF: minor units. */
    value: bigint('value', { mode: 'bigint' }).notNull(),
    stackable: boolean('stackable').notNull().default(false),
    validFrom: timestamp('valid_from', { withTimezone: true }),
    validTo: timestamp('valid_to', { withTimezone: true }),
    tiers: channelTier('tiers')
      .array()
      .notNull()
      .default(sql`'{}'`),
    regionCodes: text('region_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    accountIds: integer('account_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    variantIds: integer('variant_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    categoryIds: integer('category_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('promotions_owner_idx').on(t.ownerId), check('promotions_value_positive', sql`${t.value} > 0`)],
);

export type PriceListRow = typeof priceLists.$inferSelect;
export type PriceListEntryRow = typeof priceListEntries.$inferSelect;
export type PromotionRow = typeof promotions.$inferSelect;
