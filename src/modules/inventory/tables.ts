import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  bigserial,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.js';
import { variants } from '../catalog/tables.js';

export const warehouseKind = pgEnum('warehouse_kind', ['CENTRAL', 'REGIONAL', 'PARTNER']);

export const warehouses = pgTable(
  'warehouses',
  {
    id: serial('id').primaryKey(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    kind: warehouseKind('kind').notNull(),
    addressLine1: text('address_line1').notNull(),
    addressCity: text('address_city'),
    addressRegionCode: text('address_region_code').notNull(),
    addressPostalCode: text('address_postal_code'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Region codes it delivers to; a code covers its subdivisions. */
    coverage: text('coverage').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('warehouses_owner_idx').on(t.ownerId)],
);

/** On hand and reserved per warehouse and variant; available = on_hand - reserved, never negative. */
export const stockLevels = pgTable(
  'stock_levels',
  {
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    variantId: integer('variant_id')
      .notNull()
      .references(() => variants.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.warehouseId, t.variantId] }),
    index('stock_levels_variant_idx').on(t.variantId),
    check('stock_levels_nonnegative', sql`${t.onHand} >= 0 and ${t.reserved} >= 0 and ${t.reserved} <= ${t.onHand}`),
  ],
);

/** Every change of stock, with why: counts, reservations, shipments, releases, returns. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    warehouseId: integer('warehouse_id').notNull(),
    variantId: integer('variant_id').notNull(),
    onHandDelta: integer('on_hand_delta').notNull().default(0),
    reservedDelta: integer('reserved_delta').notNull().default(0),
    reason: text('reason').notNull(),
    orderId: integer('order_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_movements_stock_idx').on(t.warehouseId, t.variantId),
    index('stock_movements_order_idx').on(t.orderId),
  ],
);

export type WarehouseRow = typeof warehouses.$inferSelect;
export type StockLevelRow = typeof stockLevels.$inferSelect;
