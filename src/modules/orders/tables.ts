import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.js';
import { variants } from '../catalog/tables.js';
import { warehouses } from '../inventory/tables.js';
import { users } from '../users/tables.js';

export const orderStatus = pgEnum('order_status', [
  'SUBMITTED',
  'CONFIRMED',
  'ALLOCATED',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
]);
export const orderChannel = pgEnum('order_channel', ['ONLINE', 'OFFLINE', 'PHONE', 'ERP']);
/** SALE: placed by a buyer; REPLACEMENT: the no-charge replacement of an approved EXCHANGE (never sales: no credit, no charge, not in the rollups). */
export const orderKind = pgEnum('order_kind', ['SALE', 'REPLACEMENT']);
export const fulfillmentStatus = pgEnum('fulfillment_status', ['PENDING', 'SHIPPED', 'DELIVERED', 'CANCELLED']);

export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull(),
    buyerId: integer('buyer_id')
      .notNull()
      .references(() => accounts.id),
    /** The buyer's materialized path: "in the viewer's subtree" is one indexed predicate (V1). */
    buyerPath: integer('buyer_path').array().notNull(),
    rootId: integer('root_id').notNull(),
    /** Attribution: the buyer's seller. */
    sellerId: integer('seller_id')
      .notNull()
      .references(() => accounts.id),
    serviceProviderId: integer('service_provider_id')
      .notNull()
      .references(() => accounts.id),
    placedByUserId: integer('placed_by_user_id').references(() => users.id),
    status: orderStatus('status').notNull().default('SUBMITTED'),
    channel: orderChannel('channel').notNull().default('ONLINE'),
    kind: orderKind('kind').notNull().default('SALE'),
    currencyCode: text('currency_code').notNull().default('CNY'),
    subtotal: bigint('subtotal', { mode: 'bigint' }).notNull(),
    discountTotal: bigint('discount_total', { mode: 'bigint' }).notNull(),
    total: bigint('total', { mode: 'bigint' }).notNull(),
    shipToLine1: text('ship_to_line1').notNull(),
    shipToCity: text('ship_to_city'),
    shipToRegionCode: text('ship_to_region_code').notNull(),
    shipToPostalCode: text('ship_to_postal_code'),
    shipToLatitude: doublePrecision('ship_to_latitude'),
    shipToLongitude: doublePrecision('ship_to_longitude'),
    note: text('note'),
    /** V6 with the FLAG policy: accepted outside the seller's territory, listed for review. */
    flagged: boolean('flagged').notNull().default(false),
    flagReason: text('flag_reason'),
    idempotencyKey: text('idempotency_key').notNull(),
    /** Hash of the request, to tell a retry from a different order under the same key. */
    requestHash: text('request_hash').notNull(),
    /** The buyer's or its ERP's own reference; unique per buyer when given. */
    externalRef: text('external_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_number_uq').on(t.number),
    uniqueIndex('orders_idempotency_uq').on(t.buyerId, t.idempotencyKey),
    index('orders_buyer_path_gin').using('gin', t.buyerPath),
    index('orders_buyer_created_idx').on(t.buyerId, t.createdAt),
    index('orders_seller_idx').on(t.sellerId),
    index('orders_status_idx').on(t.status),
    index('orders_flagged_idx')
      .on(t.flagged)
      .where(sql`${t.flagged}`),
    // Sync filters (issue 13): changed since, by an ERP reference, by ship-to region prefix.
    index('orders_updated_idx').on(t.updatedAt, t.id),
    uniqueIndex('orders_external_ref_uq')
      .on(t.externalRef, t.buyerId)
      .where(sql`${t.externalRef} is not null`),
    index('orders_ship_to_region_idx').using('btree', t.shipToRegionCode.op('text_pattern_ops')),
    check('orders_totals', sql`${t.total} >= 0 and ${t.subtotal} >= 0`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    lineNo: integer('line_no').notNull(),
    variantId: integer('variant_id')
      .notNull()
      .references(() => variants.id),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    listPrice: bigint('list_price', { mode: 'bigint' }).notNull(),
    unitPrice: bigint('unit_price', { mode: 'bigint' }).notNull(),
    lineTotal: bigint('line_total', { mode: 'bigint' }).notNull(),
    /** How the unit price was reached (Price.steps at the time of the order). */
    priceSteps: jsonb('price_steps')
      .$type<{ kind: string; description: string; amount: string }[]>()
      .notNull()
      .default([]),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId),
    index('order_lines_sku_idx').on(t.sku, t.orderId),
    check('order_lines_quantity', sql`${t.quantity} > 0`),
  ],
);

export const fulfillments = pgTable(
  'fulfillments',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    status: fulfillmentStatus('status').notNull().default('PENDING'),
    routingReason: text('routing_reason').notNull(),
    trackingNumber: text('tracking_number'),
    batchCodes: text('batch_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('fulfillments_order_idx').on(t.orderId),
    index('fulfillments_batch_gin').using('gin', t.batchCodes),
    index('fulfillments_warehouse_idx').on(t.warehouseId),
  ],
);

export const fulfillmentLines = pgTable(
  'fulfillment_lines',
  {
    id: serial('id').primaryKey(),
    fulfillmentId: integer('fulfillment_id')
      .notNull()
      .references(() => fulfillments.id),
    orderLineId: integer('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    variantId: integer('variant_id').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    index('fulfillment_lines_fulfillment_idx').on(t.fulfillmentId),
    check('fulfillment_lines_quantity', sql`${t.quantity} > 0`),
  ],
);

export const orderEvents = pgTable(
  'order_events',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    status: orderStatus('status'),
    actorUserId: integer('actor_user_id'),
    actor: text('actor'),
    note: text('note'),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.id)],
);

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type FulfillmentRow = typeof fulfillments.$inferSelect;
export type FulfillmentLineRow = typeof fulfillmentLines.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;
export type OrderStatus = (typeof orderStatus.enumValues)[number];
export type OrderKind = (typeof orderKind.enumValues)[number];
