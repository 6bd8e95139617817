import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.js';
import { users } from '../users/tables.js';

export const webhookEventType = pgEnum('webhook_event_type', [
  'ORDER_SUBMITTED',
  'ORDER_CONFIRMED',
  'ORDER_SHIPPED',
  'ORDER_COMPLETED',
  'ORDER_CANCELLED',
  'TICKET_OPENED',
  'TICKET_UPDATED',
  'TICKET_SLA_BREACHED',
  'STOCK_LOW',
  'STATEMENT_ISSUED',
  'PAYMENT_RECORDED',
  'ACCOUNT_CREATED',
  'ACCOUNT_UPDATED',
  'PING',
]);

export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', ['PENDING', 'SUCCEEDED', 'FAILED', 'DEAD']);

/** Where an account's events go (DESIGN.md "Webhooks"). `accountPath` scopes it (V1). */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    accountPath: integer('account_path').array().notNull(),
    rootId: integer('root_id').notNull(),
    url: text('url').notNull(),
    description: text('description'),
    events: webhookEventType('events').array().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    /** `whsec_<base64>`; shown once, at creation and rotation. */
    secret: text('secret').notNull(),
    /** After a rotation, the old secret also signs until `previousSecretUntil` (24 h). */
    previousSecret: text('previous_secret'),
    previousSecretUntil: timestamp('previous_secret_until', { withTimezone: true }),
    /** The first failed attempt since the last success: an endpoint failing for 3 days is disabled. */
    failingSince: timestamp('failing_since', { withTimezone: true }),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webhook_endpoints_account_idx').on(t.accountId),
    index('webhook_endpoints_path_gin').using('gin', t.accountPath),
  ],
);

/**
 * One event for one endpoint. Claimed by dispatchers with FOR UPDATE SKIP
 * LOCKED and a lease (`leaseUntil`), so the HTTP call runs outside any
 * transaction and a process that dies mid-delivery leaves it to another.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    /** The event's id: the `webhook-id` header, the same on every attempt and redelivery. */
    eventId: text('event_id').notNull(),
    eventType: webhookEventType('event_type').notNull(),
    /** The outbox row it came from (null for test events and redeliveries). */
    outboxId: bigint('outbox_id', { mode: 'number' }),
    status: webhookDeliveryStatus('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    responseStatus: integer('response_status'),
    /** Why the last attempt failed, for the server log and operators (never sent to clients as is). */
    lastError: text('last_error'),
    payload: text('payload').notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.id),
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('PENDING', 'FAILED')`),
    uniqueIndex('webhook_deliveries_outbox_uq').on(t.endpointId, t.outboxId),
  ],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookEventType = (typeof webhookEventType.enumValues)[number];
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatus.enumValues)[number];
