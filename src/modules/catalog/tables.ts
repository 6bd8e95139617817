import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.js';

export const mediaKind = pgEnum('media_kind', ['IMAGE', 'DOCUMENT', 'VIDEO']);

export const categories = pgTable(
  'categories',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => categories.id),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('categories_parent_name_uq').on(sql`coalesce(${t.parentId}, 0)`, t.name)],
);

export const products = pgTable(
  'products',
  {
    id: serial('id').primaryKey(),
    /** Stable external (ERP) key; upserts are idempotent on it. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    categoryId: integer('category_id').references(() => categories.id),
    attributes: jsonb('attributes').$type<{ name: string; value: string }[]>().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('products_code_uq').on(t.code), index('products_category_idx').on(t.categoryId)],
);

export const productMedia = pgTable(
  'product_media',
  {
    id: serial('id').primaryKey(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    kind: mediaKind('kind').notNull(),
    title: text('title'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('product_media_product_idx').on(t.productId, t.position)],
);

export const variants = pgTable(
  'variants',
  {
    id: serial('id').primaryKey(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull().default('台'),
    minOrderQuantity: integer('min_order_quantity').notNull().default(1),
    orderIncrement: integer('order_increment').notNull().default(1),
    /** Minor units. */
    suggestedRetailPrice: bigint('suggested_retail_price', { mode: 'bigint' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('variants_sku_uq').on(t.sku),
    index('variants_product_idx').on(t.productId, t.position),
    check('variants_moq_positive', sql`${t.minOrderQuantity} >= 1`),
    check('variants_increment_positive', sql`${t.orderIncrement} >= 1`),
    check('variants_srp_nonnegative', sql`${t.suggestedRetailPrice} is null or ${t.suggestedRetailPrice} >= 0`),
  ],
);

/** A seller's offer to its downstream (V2). No row: it offers everything it can buy. */
export const assortments = pgTable('assortments', {
  sellerId: integer('seller_id')
    .primaryKey()
    .references(() => accounts.id),
  includeAll: boolean('include_all').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const assortmentItems = pgTable(
  'assortment_items',
  {
    sellerId: integer('seller_id')
      .notNull()
      .references(() => accounts.id),
    variantId: integer('variant_id')
      .notNull()
      .references(() => variants.id),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.variantId] })],
);

export type CategoryRow = typeof categories.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type VariantRow = typeof variants.$inferSelect;
export type MediaRow = typeof productMedia.$inferSelect;
